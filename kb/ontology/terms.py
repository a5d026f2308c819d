"""The value of an RDF term, typed for RDF 1.1.

pyoxigraph types every subject and object as possibly a quoted triple (RDF-star). kb's records are
plain RDF 1.1 and kb never creates quoted triples, so code reads ``.value`` of subjects and objects
through :func:`value`: mypy then checks every other ``None`` and union (``union-attr`` is on), and a
quoted triple, should one ever arrive, is a clear error instead of an ``AttributeError``.

>>> from pyoxigraph import Literal, NamedNode
>>> value(NamedNode("https://example.org/a")), value(Literal("Soest"))
('https://example.org/a', 'Soest')
"""

from __future__ import annotations

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

Term = NamedNode | BlankNode | Literal | Triple
"""What pyoxigraph's stubs say a subject or object may be."""


def value(term: Term) -> str:
    """The IRI, blank node id or lexical form of ``term``; TypeError for a quoted triple."""
    if isinstance(term, Triple):
        raise TypeError(f"kb reads RDF 1.1 only; a quoted triple is not a term it can use: {term}")
    return term.value
