"""The input checks before every parser: nesting depth per syntax, safe JSON, RDF/XML declarations.

The scanners may count more than a parser sees, never less; the tests pin the exact depth where
it matters (at the limit passes, one more fails) and that nothing inside strings, IRIs, comments
or attribute values counts.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat

from kb.errors import BadRequest, MalformedRdf
from kb.ontology import nesting, safejson
from kb.ontology.nesting import DEFAULT_MAX_NESTING, BadText, TooDeep, check_depth, json_depth, turtle_depth, xml_depth
from kb.ontology.rdfio import FORMATS, check_input, parse_rdf

LIMIT = DEFAULT_MAX_NESTING
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


@pytest.fixture(autouse=True)
def default_limit() -> Iterator[None]:
    """Nodes started by other tests in this process may have set the process-wide limit."""
    before = nesting.max_nesting()
    nesting.set_max_nesting(DEFAULT_MAX_NESTING)
    yield
    nesting.set_max_nesting(before)


# ---------------------------------------------------------------------- documents nested n levels deep


def jsonld(n: int) -> bytes:
    return ('{"@id": "http://e/a", "http://e/p": ' * n + '"x"' + "}" * n).encode()


def turtle(n: int) -> bytes:
    return b"<http://e/a> <http://e/p> " + b"[ <http://e/p> " * n + b"1" + b" ]" * n + b" .\n"


def trig(n: int) -> bytes:  # the graph's braces are one level
    return b"<http://e/g> { <http://e/a> <http://e/p> " + b"[ <http://e/p> " * (n - 1) + b"1" + b" ]" * (n - 1) + b" . }\n"


def ntriples(n: int) -> bytes:  # RDF 1.2 triple terms: pyoxigraph's parser recurses on them
    return b"<http://e/a> <http://e/p> " + b"<<( <http://e/a> <http://e/p> " * n + b'"1"' + b" )>>" * n + b" .\n"


def nquads(n: int) -> bytes:
    return ntriples(n)[:-3] + b" <http://e/g> .\n"


def rdfxml(n: int) -> bytes:  # rdf:RDF and rdf:Description are two levels, each property element one more
    head = f'<rdf:RDF xmlns:rdf="{RDF_NS}" xmlns:e="http://e/"><rdf:Description rdf:about="http://e/a">'
    return (head + '<e:p rdf:parseType="Resource">' * (n - 3) + "<e:q>x</e:q>" + "</e:p>" * (n - 3)
            + "</rdf:Description></rdf:RDF>").encode()


DEEP: dict[str, Callable[[int], bytes]] = {
    "jsonld": jsonld, "turtle": turtle, "trig": trig, "ntriples": ntriples, "nquads": nquads, "rdfxml": rdfxml,
}


@pytest.mark.parametrize("name", FORMATS)
def test_every_rdf_format_parses_at_the_limit_and_is_refused_one_level_deeper(name: str) -> None:
    fmt = FORMATS[name]
    assert parse_rdf(DEEP[name](LIMIT), fmt), "a document exactly at the limit parses"
    with pytest.raises(TooDeep) as refused:
        parse_rdf(DEEP[name](LIMIT + 1), fmt)
    assert refused.value.status == 400 and refused.value.details["limit"] == LIMIT
    assert "zu tief verschachtelt" in refused.value.message and "nested too deeply" in refused.value.message_en


@pytest.mark.parametrize("name", FORMATS)
def test_documents_that_crash_the_parsers_are_refused_before_parsing(name: str) -> None:
    """20,000 levels of JSON-LD and 50,000 of triple terms or RDF/XML kill the process inside pyoxigraph."""
    with pytest.raises(TooDeep):
        parse_rdf(DEEP[name](50_000), FORMATS[name])


def test_the_limit_is_a_setting() -> None:
    nesting.set_max_nesting(10)
    with pytest.raises(TooDeep):
        parse_rdf(turtle(11), FORMATS["turtle"])
    assert parse_rdf(turtle(10), FORMATS["turtle"])
    with pytest.raises(TooDeep):
        safejson.loads("[" * 11 + "]" * 11)


# ---------------------------------------------------------------------- JSON scan


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        (b"", 0),
        (b"1", 0),
        (b"[]", 1),
        (b'{"a": [1, {"b": 2}]}', 3),
        (b'{"a": "[[[{{{"}', 1),  # brackets inside strings do not count
        (b'{"a\\"[[[": "]]]"}', 1),  # an escaped quote does not end the string
        (b'{"a": "x\\\\"}', 1),  # an escaped backslash does: the quote after it closes
        (b'["\\\\\\"[[[", []]', 2),  # backslash, escaped quote, still inside
        (b'["]]]]]", [[[]]]]', 4),  # closes inside a string do not hide later levels
        (b"]]]][[[", 3),  # stray closes lower the floor, not the depth
    ],
)
def test_json_depth(text: bytes, depth: int) -> None:
    assert json_depth(text) == depth


def test_json_at_the_limit_passes_and_one_more_fails() -> None:
    at_limit = json.dumps(list(itertools.repeat(None, 0)))
    for _ in range(LIMIT - 1):
        at_limit = f'{{"k": {at_limit}, "s": "[[[[[[[[[["}}'
    assert json_depth(at_limit.encode()) == LIMIT
    assert safejson.loads(at_limit)
    with pytest.raises(TooDeep):
        safejson.loads(f"[{at_limit}]")


# ---------------------------------------------------------------------- Turtle-family scan


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        (b"<http://e/a> <http://e/p> <http://e/o> .", 0),
        (b"<http://e/a[(> <http://e/p> [ <http://e/q> ( 1 2 ) ] .", 2),  # brackets in IRIs do not count
        (b'<a> <p> "((( [[[" , \'(((\' .', 0),  # nor in strings of either quote
        (b'<a> <p> """ [[[ " "" \\""" [[[ """ .', 0),  # nor in long strings, with quotes and escapes inside
        (b"<a> <p> '''it's [[[''' .", 0),
        (b"<a> <p> 1 . # [[[[ ((((\n<b> <p> [ <q> 1 ] .", 1),  # nor in comments
        (b"ex:a\\' <p> '[[' .", 0),  # an escaped quote in a local name starts no string
        (b'<a> <p> "x # not a comment [" .', 0),
        (b"<a> <p> <<( <a> <p> <<( <a> <p> 1 )>> )>> .", 2),  # a triple term is one level
        (b"<a> <p> << <a> <p> <<( <a> <p> 1 )>> >> .", 2),  # a reifier too
        (b"<g> { <a> <p> <o> {| <q> [ <r> 1 ] |} }", 3),  # graph, annotation, blank node
        (b"<a> <p> [ ] , [ ] , [ [ ] ] .", 2),
    ],
)
def test_turtle_depth(text: bytes, depth: int) -> None:
    assert turtle_depth(text) == depth


# ---------------------------------------------------------------------- XML scan


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        (b"<r/>", 1),
        (b"<r><a><b></b></a></r>", 3),
        (b"<r><a/><a/><a/><a/></r>", 2),  # empty elements close themselves
        (b'<?xml version="1.0"?><!-- <a><b><c> --><r><![CDATA[<x><y>]]></r>', 1),  # comments, CDATA, PIs hold no elements
        (b'<r a="</</</" b=\'/>\'><x y="<!--"><z>1</z></x></r>', 3),  # nor do attribute values, whatever they contain
        (b"<r><a>t/t > </a></r>", 2),  # text with / and > counts nothing
    ],
)
def test_xml_depth(text: bytes, depth: int) -> None:
    assert xml_depth(text) == depth


@pytest.mark.parametrize("syntax", ["json", "turtle", "ntriples", "xml"])
def test_the_fast_bound_never_lets_a_deeper_document_through(syntax: str) -> None:
    """The count bound decides alone only when it cannot be wrong: a limit+1 document is never passed."""
    deep = {"json": b"[" * (LIMIT + 1) + b"]" * (LIMIT + 1), "turtle": turtle(LIMIT + 1), "ntriples": ntriples(LIMIT + 1),
            "xml": rdfxml(LIMIT + 1)}[syntax]
    with pytest.raises(TooDeep):
        check_depth(deep, syntax, "x")


# ---------------------------------------------------------------------- safe JSON


@pytest.mark.parametrize(
    "text",
    [
        b'{"title": "X\\ud800"}',  # a high surrogate alone
        b'{"title": "X\\udc00"}',  # a low surrogate alone
        b'{"title": "\\ud800\\u0041"}',  # a high surrogate followed by something else
        b'{"title": "\\ud800\\\\udc00"}',  # ... by an escaped backslash
        b'{"\\uDBFF": 1}',  # in a key, upper case
        b'["\\ud83d"]',
    ],
)
def test_lone_surrogates_are_refused(text: bytes) -> None:
    with pytest.raises(BadText) as refused:
        safejson.loads(text)
    assert refused.value.status == 400 and "Surrogat" in refused.value.message and "surrogate" in refused.value.message_en


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (b'{"title": "\\ud83d\\ude00"}', {"title": "\U0001F600"}),  # a pair is one character
        (b'{"title": "\\\\ud800"}', {"title": "\\ud800"}),  # an escaped backslash: text, not an escape
        ('{"title": "Grüße 😀"}'.encode(), {"title": "Grüße 😀"}),
    ],
)
def test_valid_unicode_is_read_unchanged(text: bytes, value: object) -> None:
    assert safejson.loads(text) == value


def test_json_must_be_utf8() -> None:
    with pytest.raises(BadText, match="UTF-8"):
        safejson.loads(b'{"title": "Gr\xfc\xdfe"}')
    with pytest.raises(BadText, match="UTF-8"):
        safejson.loads('{"title": "x"}'.encode("utf-16"))


def test_refusals_are_value_errors_so_every_parse_error_handler_catches_them() -> None:
    for bad in (b"[" * 5000, b'"\\ud800"', b"\xff"):
        with pytest.raises(ValueError):
            safejson.loads(bad)
    with pytest.raises(json.JSONDecodeError):
        safejson.loads(b'{"a": ')


# ---------------------------------------------------------------------- RDF literals and RDF/XML


@pytest.mark.parametrize(
    ("name", "document"),
    [
        ("turtle", b'<http://e/a> <http://e/p> "\\uD800" .'),
        ("ntriples", b'<http://e/a> <http://e/p> "\\uDC00" .'),
        ("turtle", b'<http://e/a> <http://e/p> "\xed\xa0\x80" .'),  # a surrogate encoded as (invalid) UTF-8
        ("jsonld", b'{"@id": "http://e/a", "http://e/p": "\\ud800"}'),
        ("rdfxml", f'<rdf:RDF xmlns:rdf="{RDF_NS}" xmlns:e="http://e/"><rdf:Description rdf:about="http://e/a">'
                   "<e:p>&#xD800;</e:p></rdf:Description></rdf:RDF>".encode()),
    ],
)
def test_lone_surrogates_in_rdf_literals_are_refused(name: str, document: bytes) -> None:
    with pytest.raises(BadRequest):  # MalformedRdf from pyoxigraph or BadText from the check: 400 either way
        parse_rdf(document, FORMATS[name])


ENTITIES = b'<!DOCTYPE r [<!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'


def _xml_with(prolog: bytes, title: bytes = b"&b;") -> bytes:
    return (b'<?xml version="1.0"?>' + prolog + f'<rdf:RDF xmlns:rdf="{RDF_NS}" xmlns:e="http://e/">'.encode()
            + b'<rdf:Description rdf:about="http://e/a"><e:p>' + title + b"</e:p></rdf:Description></rdf:RDF>")


@pytest.mark.parametrize(
    "document",
    [
        _xml_with(ENTITIES),
        _xml_with(b"<!-- " + b"x" * 70_000 + b" -->" + ENTITIES),  # past the first 64 KiB (finding 12)
        _xml_with(b" " * 70_000 + ENTITIES.replace(b"DOCTYPE", b"doctype")),
        # pyoxigraph reads a DOCTYPE even inside the root element
        _xml_with(b"", b"</e:p>" + ENTITIES + b"<e:p>&b;"),
    ],
)
def test_rdfxml_with_declarations_anywhere_is_refused(document: bytes) -> None:
    with pytest.raises(BadRequest, match="DOCTYPE"):
        parse_rdf(document, FORMATS["rdfxml"])


def test_rdfxml_comments_and_cdata_are_fine() -> None:
    quads = parse_rdf(_xml_with(b"<!-- a comment -->", b"<![CDATA[<b>bold</b>]]>"), FORMATS["rdfxml"])
    assert [q.object.value for q in quads] == ["<b>bold</b>"]


def test_rdfxml_must_be_utf8() -> None:
    document = _xml_with(b"", b"Gr\xc3\xbc\xc3\x9fe").decode().replace('version="1.0"', 'version="1.0" encoding="UTF-16"')
    with pytest.raises(BadText, match="UTF-8"):
        parse_rdf(document.encode("utf-16"), FORMATS["rdfxml"])
    with pytest.raises(MalformedRdf):  # declared Latin-1 but really UTF-8: pyoxigraph reads UTF-8, fine either way
        parse_rdf(_xml_with(b"", b"<x").replace(b'"1.0"', b'"1.0" encoding="ISO-8859-1"'), FORMATS["rdfxml"])


# ---------------------------------------------------------------------- real data passes


def test_the_seed_data_and_the_feeds_own_pages_pass(tmp_path: Path) -> None:
    from kb.auth import Principal
    from kb.node import Node, shared_register
    from kb.seed import load_seed_projects
    from tests.conftest import make_settings

    items = list(load_seed_projects(shared_register()))
    assert items
    node = Node(make_settings(tmp_path / "node"))
    try:
        report = node.publisher.import_items(Principal("admin", "admin", "Admin"), items[:25])
        assert report.ok, report.failed
        feed = node.extensions["federation"].feed
        page = feed.page(1, network=True)
        assert page is not None and page.members
        for fmt, rdf in (("jsonld", RdfFormat.JSON_LD), ("trig", RdfFormat.TRIG), ("nquads", RdfFormat.N_QUADS)):
            body = feed.render_page(page, fmt)
            check_input(body, rdf, max_depth=8)  # far below the default: real data nests a handful of levels
    finally:
        node.close()


def test_kb_import_reports_too_deep_or_bad_files_and_goes_on(tmp_path: Path) -> None:
    from kb.publishing import iter_import_files

    (tmp_path / "a.json").write_bytes(b"[" * 50_000 + b"]" * 50_000)
    (tmp_path / "b.jsonl").write_text('{"title": "ok"}\n' + "[" * 5_000 + "]" * 5_000 + "\n", encoding="utf-8")
    (tmp_path / "c.jsonld").write_bytes(jsonld(20_000))
    (tmp_path / "d.ttl").write_bytes(ntriples(50_000))
    (tmp_path / "e.json").write_bytes(b'{"title": "\\ud800"}')
    items = dict(iter_import_files([tmp_path]))
    assert items.pop(f"{tmp_path / 'b.jsonl'}:1") == {"title": "ok"}
    problems = {Path(label.split(":")[0]).name: item["__error__"] for label, item in items.items()}
    assert problems.keys() == {"a.json", "b.jsonl", "c.jsonld", "d.ttl", "e.json"}
    assert all("zu tief verschachtelt" in text for name, text in problems.items() if name != "e.json")
    assert "Surrogat" in problems["e.json"]
