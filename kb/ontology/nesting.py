"""How deep a document nests, measured before any parser sees it; and the errors for refused input.

Parsers recurse. pyoxigraph's JSON-LD parser kills the whole process (a native stack overflow, no
exception) at about 4,000 levels and takes quadratic time long before; so does its RDF/XML parser
(10,000 levels: 4 s, 100,000: a crash), and so does every RDF 1.2 triple term ``<<( … )>>`` in
Turtle, TriG, N-Triples and N-Quads (20,000 levels: a crash). Python's ``json`` raises
``RecursionError``. No real record nests more than a handful of levels, so kb measures every
document it is about to parse and refuses anything deeper than ``KB_MAX_NESTING``.

How the scans stay fast (figures in ``docs/decisions.md``):

- first a bound from ``bytes.count``: a document with at most ``limit`` opening brackets cannot
  nest deeper, which settles nearly every record at once;
- otherwise no loop over characters in Python: JSON is reduced with ``bytes.replace`` and
  ``bytes.translate`` and its string parity and depth are summed up by numpy; Turtle and XML drop
  what cannot hold structure (strings, IRIs, comments, attribute values) with one regular
  expression each, whose every token pattern also ends at the end of the input, so an
  unterminated string is one match rather than a new scan from every quote (linear on any input).

A scan may count *more* levels than the parser would see (a stray ``<``, a bracket in malformed
input), never fewer: counting too much only refuses a document that is broken anyway.
"""

from __future__ import annotations

import re

import numpy as np

from kb.errors import BadRequest

DEFAULT_MAX_NESTING = 100
"""Far above any real record (JSON bodies nest 4 levels, the feed's JSON-LD 6, Turtle 3) and far
below where the parsers get slow (pyoxigraph's JSON-LD: 1 s at 1,000 levels)."""

_limit = DEFAULT_MAX_NESTING


def set_max_nesting(limit: int) -> None:
    """Set the process-wide limit (a node does this from ``KB_MAX_NESTING`` when it starts).

    The limit guards the process's own stacks, so it is one value per process, like Python's
    recursion limit, and every parser (API bodies, ``kb import`` files, peers' pages, the inbox,
    node descriptions) applies it without each caller having to carry it along.
    """
    global _limit
    if limit < 1:
        raise ValueError("the nesting limit must be at least 1")
    _limit = limit


def max_nesting() -> int:
    return _limit


class TooDeep(BadRequest, ValueError):
    """Input nested deeper than the limit (a ``ValueError`` too, so every parse-error handler catches it)."""

    code = "too_deep"

    def __init__(self, what: str, limit: int) -> None:
        super().__init__(
            f"Das Dokument ({what}) ist zu tief verschachtelt: höchstens {limit} Ebenen sind erlaubt.",
            f"The {what} document is nested too deeply: at most {limit} levels are allowed.",
            limit=limit,
        )


class BadText(BadRequest, ValueError):
    """Text that is not valid Unicode (invalid UTF-8, a lone surrogate), or an XML feature kb refuses."""

    code = "invalid_text"


# ---------------------------------------------------------------------- summing up


_CHUNK = 1 << 22


def _max_depth(steps: np.ndarray) -> int:
    """Deepest running sum of +1/-1/0 steps (int8).

    A close without an open lowers the floor instead of the depth, so stray closes early in a
    document cannot make deeper levels later look shallow.
    """
    depth, floor, deepest = 0, 0, 0
    for start in range(0, len(steps), _CHUNK):  # chunks keep the int32 sums small on a 20 MB page
        sums = np.cumsum(steps[start:start + _CHUNK], dtype=np.int32) + depth
        lowest = np.minimum.accumulate(np.minimum(sums, floor))
        deepest = max(deepest, int((sums - lowest).max()))
        depth, floor = int(sums[-1]), int(lowest[-1])
    return deepest


def _table(opens: bytes, closes: bytes, default: int = 0) -> bytes:
    """``bytes.translate`` table: opens → +1, closes → -1 (as int8 bytes), everything else → ``default``."""
    table = bytearray([default & 0xFF] * 256)
    for b in opens:
        table[b] = 0x01
    for b in closes:
        table[b] = 0xFF
    return bytes(table)


def _all_but(keep: bytes) -> bytes:
    return bytes(b for b in range(256) if b not in keep)


# ---------------------------------------------------------------------- JSON

_JSON_KEEP = _all_but(b'"[]{}')
_JSON_STEPS = np.frombuffer(_table(b"[{", b"]}"), dtype=np.int8)


def json_depth(data: bytes) -> int:
    """Nesting depth of a JSON text: ``[]`` and ``{}`` outside strings.

    Escaped backslashes go first (runs pair up from the left), then escaped quotes; every quote
    left delimits a string, so a bracket is inside a string exactly when an odd number of quotes
    comes before it.
    """
    marks = data.replace(b"\\\\", b"").replace(b'\\"', b"").translate(None, _JSON_KEEP)
    if not marks:
        return 0
    codes = np.frombuffer(marks, dtype=np.uint8)
    in_string = np.cumsum(codes == ord('"'), dtype=np.uint8) & 1  # parity survives the uint8 wrap-around
    steps = np.where(in_string == 1, np.int8(0), _JSON_STEPS[codes])
    return _max_depth(steps)


def json_bound(data: bytes) -> int:
    """An upper bound of :func:`json_depth` that costs two ``bytes.count``."""
    return data.count(b"[") + data.count(b"{")


# ---------------------------------------------------------------------- Turtle family

# Strings (long and short), IRIs, comments, escapes (``ex:a\'b``) and every other character that
# is not a bracket cannot hold structure. One match takes a whole run of them (the last
# alternative and the outer ``++``), so there are about as many matches as brackets rather than
# tokens: the engine walks the text in C and Python only handles the few pieces in between.
_TURTLE_NOISE = re.compile(
    rb"(?:"
    rb'"""(?:[^"\\]++|\\.?|"(?!""))*+(?:"""|\Z)'
    rb"|'''(?:[^'\\]++|\\.?|'(?!''))*+(?:'''|\Z)"
    rb'|"(?:[^"\\\r\n]++|\\.?)*+(?:"|(?=[\r\n])|\Z)'
    rb"|'(?:[^'\\\r\n]++|\\.?)*+(?:'|(?=[\r\n])|\Z)"
    rb'|<(?:[^<>"{}|^`\\\x00-\x20]++|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*+>'
    rb"|\#[^\r\n]*+"
    rb"|\\.?"
    rb"""|[^\[\](){}<>"'\#\\]++"""
    rb")++",
    re.DOTALL,
)
_TURTLE_KEEP = _all_but(b"[](){}<>")
# A triple term <<( )>> and a reifier << >> are one level each: they become \x01 … \x02 first
# (bytes no later rewrite matches, so two levels never merge into one). An annotation {| |} and
# a TriG graph { } are one level each through their brace.
_TURTLE_STEPS = _table(b"[({<\x01", b"])}>\x02")
_TURTLE_REWRITES = ((b"<<(", b"\x01"), (b")>>", b"\x02"), (b"<<", b"\x01"), (b">>", b"\x02"))


def turtle_depth(data: bytes) -> int:
    """Nesting depth of Turtle, TriG, N-Triples or N-Quads: blank nodes ``[]``, lists ``()``,
    triple terms ``<<( )>>``, reifiers ``<< >>``, annotations ``{| |}`` and graphs ``{}``."""
    marks = _TURTLE_NOISE.sub(b"", data).translate(None, _TURTLE_KEEP)
    for old, new in _TURTLE_REWRITES:
        marks = marks.replace(old, new)
    return _max_depth(np.frombuffer(marks.translate(_TURTLE_STEPS), dtype=np.int8))


def turtle_bound(data: bytes) -> int:
    """An upper bound of the levels the parser sees, from a few ``bytes.count``.

    Graph braces count once however many graphs there are: a graph cannot hold another (the
    parser refuses the inner brace at once), so a page of 250 member graphs stays on this path.
    """
    return data.count(b"[") + data.count(b"(") + data.count(b"<<") + data.count(b"{|") + (b"{" in data)


def ntriples_bound(data: bytes) -> int:
    """N-Triples and N-Quads have no blank node, list or graph brackets: only triple terms nest."""
    return data.count(b"<<")


# ---------------------------------------------------------------------- XML

# One token per comment, CDATA section, processing instruction, end tag and start tag; text is
# skipped. Attribute values belong to their tag, so a "</" or "<!--" inside one hides nothing.
# Groups: "/" of an end tag, the first name character of a start tag, "/" of a self-closing tag.
_XML_TOKENS = re.compile(
    rb"<(?:!--.*?(?:-->|\Z)"
    rb"|!\[CDATA\[.*?(?:\]\]>|\Z)"
    rb"|\?.*?(?:\?>|\Z)"
    rb"|(/)[^>]*+>?"
    rb"""|([^\s/>"'!?<])[^>"'/<]*+(?:(?:"[^"]*+(?:"|\Z)|'[^']*+(?:'|\Z)|/(?!>))[^>"'/<]*+)*+(?:(/)>|>|\Z)?)""",
    re.DOTALL,
)
_XML_STEPS = _table(b"", b"/", default=1)


def xml_depth(data: bytes) -> int:
    """Element nesting depth of an XML document (in an ASCII-compatible encoding)."""
    marks = b"".join(map(b"".join, _XML_TOKENS.findall(data)))
    return _max_depth(np.frombuffer(marks.translate(_XML_STEPS), dtype=np.int8))


def xml_bound(data: bytes) -> int:
    return data.count(b"<")


# ---------------------------------------------------------------------- checks

_SCANS = {
    "json": (json_bound, json_depth),
    "turtle": (turtle_bound, turtle_depth),
    "ntriples": (ntriples_bound, turtle_depth),
    "xml": (xml_bound, xml_depth),
}


def check_depth(data: bytes, syntax: str, what: str, limit: int | None = None) -> None:
    """Raise :class:`TooDeep` if ``data`` (``syntax``: json, turtle, ntriples or xml) nests deeper than the limit."""
    limit = _limit if limit is None else limit
    bound, depth = _SCANS[syntax]
    if bound(data) > limit and depth(data) > limit:
        raise TooDeep(what, limit)
