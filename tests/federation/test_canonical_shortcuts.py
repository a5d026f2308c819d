"""The shortcuts of reading a member give exactly what the general algorithms give.

``canonical_nquads`` names a graph's only blank node ``_:c14n0`` without running RDFC-1.0 (a proof's
options), and ``from_multibase`` turns base58's number into bytes itself; both run for every
harvested member, so both are compared here with the general path on the inputs that matter. And a
member's document is looked at triple by triple for blank nodes only when its text holds ``_:`` or ``<<``.
"""

from __future__ import annotations

import random
from pathlib import Path

import base58
import pytest
from pyoxigraph import BlankNode, CanonicalizationAlgorithm, Dataset, DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Triple, serialize

from kb.federation.members import MemberError, parse_payload, sealer_for, without_lines_of
from kb.federation.signing import NodeKey, canonical_nquads, from_multibase
from kb.ontology.namespaces import DCT

EX = "https://example.org/"


def rdfc(triples: list[Triple]) -> str:
    """RDFC-1.0 by pyoxigraph's Dataset, the general path."""
    dataset = Dataset(Quad(t.subject, t.predicate, t.object, DefaultGraph()) for t in triples)
    dataset.canonicalize(CanonicalizationAlgorithm.RDFC_1_0)
    written = serialize(dataset, format=RdfFormat.N_QUADS)
    assert written is not None
    return "".join(line + "\n" for line in sorted(set(written.decode().split("\n"))) if line)


def one_blank_node_graph(rng: random.Random) -> list[Triple]:
    blank = BlankNode(rng.choice(["proof", "b0", "c14n1", "x" + str(rng.randrange(1000))]))
    triples = []
    for i in range(rng.randrange(1, 8)):
        p = NamedNode(f"{EX}p{rng.randrange(4)}")
        o = rng.choice([NamedNode(f"{EX}o{i}"), Literal(f"text _:b{i} {i}"), Literal(str(i), datatype=NamedNode(f"{EX}dt")),
                        Literal("Wert", language="de"), blank])
        triples.append(Triple(blank, p, o) if rng.random() < 0.7 else Triple(NamedNode(f"{EX}s{i}"), p, blank))
    return triples


def test_a_lone_blank_node_is_named_as_rdfc_names_it() -> None:
    rng = random.Random(12)
    for _ in range(300):
        triples = one_blank_node_graph(rng)
        assert canonical_nquads(triples) == rdfc(triples), triples


@pytest.mark.parametrize("triples", [
    [Triple(BlankNode("a"), NamedNode(EX + "p"), BlankNode("b")), Triple(BlankNode("b"), NamedNode(EX + "p"), Literal("x"))],
    [Triple(NamedNode(EX + "s"), NamedNode(EX + "p"), Literal("_:a ist kein leerer Knoten"))],
    [Triple(NamedNode(EX + "s"), NamedNode(EX + "p"), Literal("\ufffe")), Triple(BlankNode("a"), NamedNode(EX + "p"), Literal("\uffff"))],
    [Triple(BlankNode("a"), NamedNode(EX + "p"), Literal("x")), Triple(BlankNode("a"), NamedNode(EX + "p"), Literal("x"))],
])
def test_other_graphs_agree_with_rdfc(triples: list[Triple]) -> None:
    expected = rdfc(triples).replace("\\uFFFE", "\ufffe").replace("\\uFFFF", "\uffff")
    assert canonical_nquads(triples) == expected


def test_multibase_decoding_is_base58s() -> None:
    rng = random.Random(58)
    values = [bytes(rng.randrange(4)) + rng.randbytes(rng.randrange(0, 80)) for _ in range(500)] + [b"", b"\0", b"\0\0\1"]
    for raw in values:
        text = "z" + base58.b58encode(raw).decode()
        assert from_multibase(text) == raw == base58.b58decode(text[1:])
        assert from_multibase(text + " ") == base58.b58decode(text[1:] + " ")
    for bad in ["z0abc", "zOIl", "z1ä", "zabc def"]:
        with pytest.raises(ValueError):
            base58.b58decode(bad[1:])
        with pytest.raises(ValueError):
            from_multibase(bad)


RECORD = "https://kommune.example/projects/standesamt-1"


def sealed_payload(tmp_path: Path, extra: str) -> tuple[str, str]:
    key = NodeKey.load_or_create(tmp_path / "node.key")
    triples = [Triple(NamedNode(RECORD), DCT.title, Literal("Standesamtverbund", language="de"))]
    sealed = sealer_for(key, "https://kommune.example/node")(RECORD, triples, version=3, kind="update",
                                                             timestamp="2026-01-02T03:04:05.000Z", visibility="public")
    return sealed.member, sealed.payload + extra


@pytest.mark.parametrize("extra", [
    f'_:x <{DCT.title.value}> "leer" .\n',
    f"<{RECORD}> <{DCT.subject.value}> _:x .\n",
    f'<{RECORD}> <{DCT.subject.value}> <<( <{RECORD}> <{DCT.title.value}> "x" )>> .\n',
])
def test_members_with_blank_nodes_or_triple_terms_are_refused(tmp_path: Path, extra: str) -> None:
    """The quick look at the N-Triples text must not let any of them through."""
    member, payload = sealed_payload(tmp_path, extra)
    with pytest.raises(MemberError, match="blank nodes"):
        parse_payload(member, payload)


def test_a_literal_that_looks_like_a_blank_node_is_text(tmp_path: Path) -> None:
    member, payload = sealed_payload(tmp_path, f'<{RECORD}> <{DCT.description.value}> "_:x und << sind nur Text" .\n')
    parsed = parse_payload(member, payload)
    assert any(t.object == Literal("_:x und << sind nur Text") for t in parsed.record_triples)


def test_cutting_out_a_subjects_lines_is_filtering_them() -> None:
    rng = random.Random(7)
    subjects = ["<https://a.example/r>", "<https://a.example/r/versions/1>", "<https://a.example/r#x>", "<https://b.example/>"]
    for _ in range(300):
        lines = {f"{rng.choice(subjects)} <{EX}p{rng.randrange(3)}> \"{rng.choice(['x', '<https://a.example/r> ', 'y'])}\" ."
                 for _ in range(rng.randrange(0, 12))}
        canonical = "".join(line + "\n" for line in sorted(lines))
        prefix = rng.choice(subjects) + " "
        assert without_lines_of(canonical, prefix) == "".join(line + "\n" for line in sorted(lines) if not line.startswith(prefix))
