"""kb reads RDF 1.1 terms; a quoted triple (RDF-star) is refused clearly, not read as if it had a value."""

from __future__ import annotations

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from kb.ontology.terms import value


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        pytest.param(NamedNode("https://example.org/projects/a"), "https://example.org/projects/a", id="iri"),
        pytest.param(BlankNode("b0"), "b0", id="blank-node"),
        pytest.param(Literal("Soest", language="de"), "Soest", id="literal"),
    ],
)
def test_value_of_an_rdf_1_1_term(term: NamedNode | BlankNode | Literal, expected: str) -> None:
    assert value(term) == expected


def test_quoted_triple_has_no_value() -> None:
    quoted = Triple(NamedNode("https://example.org/s"), NamedNode("https://example.org/p"), NamedNode("https://example.org/o"))
    with pytest.raises(TypeError, match="quoted triple"):
        value(quoted)
