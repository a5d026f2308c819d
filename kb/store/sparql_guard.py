"""Cheap checks of a SPARQL query text before the engine sees it, and what the text asks for.

The engine (pyoxigraph) parses recursively and overflows its stack on deeply nested brackets, and
it would send ``SERVICE`` requests to any address. Both are stopped here, in the node, before a
worker gets the query. The same pass reads the query's ``FROM`` / ``FROM NAMED`` graphs, because the
engine ignores them once the node sets the dataset (which it always does, see ``sparql_dataset``).

The scanner follows the SPARQL 1.1 lexical grammar closely enough for these three jobs: it skips
comments, all four string forms and IRIs ``<…>``, and reads prefixed names with their escapes
(``ex:a\\'b`` is one name, not the start of a string). Where it is unsure it reads text as code, so
an error can only make it refuse more, never hide a ``SERVICE`` or a bracket. The extracted graphs
only ever narrow the dataset, so a graph it cannot read gives an empty answer, never a wider one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urljoin

from kb.errors import QueryRefused, TooLarge
from kb.ontology.namespaces import PREFIXES
from kb.store.sparql_dataset import DatasetRequest

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>'''(?:(?:'|'')?(?:[^'\\]|\\.))*'''
             |\"\"\"(?:(?:"|"")?(?:[^"\\]|\\.))*\"\"\"
             |'(?:[^'\\\n\r]|\\.)*'
             |"(?:[^"\\\n\r]|\\.)*")
  | (?P<var>[?$]\w+)
  | (?P<pname>(?:[^\W\d][\w\-.]*)?:(?:[\w\-.:]|%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?\#@%])*)
  | (?P<word>[^\W\d]\w*)
  | (?P<open>[({\[])
  | (?P<close>[)}\]])
  | (?P<other>\d[\w.]*|[^\s\#<'"?$\w:(){}\[\]\\]+|.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class QueryShape:
    """What the query text asks for: the graphs of its ``FROM`` and ``FROM NAMED`` clauses."""

    from_graphs: tuple[str, ...] = ()
    from_named_graphs: tuple[str, ...] = ()


def inspect_query(query: str, *, max_depth: int, max_bytes: int, prefixes: dict[str, str]) -> QueryShape:
    """Refuse a query that is too long, nested deeper than ``max_depth`` or uses ``SERVICE``.

    Returns the graphs named in ``FROM`` / ``FROM NAMED`` as absolute IRIs (prefixed names resolved
    with the query's ``PREFIX`` declarations over ``prefixes``, relative IRIs against its ``BASE``).
    """
    size = len(query.encode("utf-8", errors="replace"))
    if size > max_bytes:
        raise TooLarge(
            f"Die Abfrage ist mit {_de(size)} Bytes zu lang (höchstens {_de(max_bytes)}). Bitte kürzen Sie sie.",
            f"The query is {size:,} bytes long; at most {max_bytes:,} are accepted. Please shorten it.",
        )
    known = dict(prefixes)
    base: str | None = None
    from_graphs: list[str] = []
    named_graphs: list[str] = []
    depth = 0
    pending: str | None = None  # the keyword whose argument comes next: PREFIX, PREFIX-IRI, BASE, FROM, NAMED
    prefix_name = ""
    for match in _TOKEN.finditer(query):
        kind, text = match.lastgroup, match.group()
        if kind in ("ws", "comment"):
            continue
        if kind == "open":
            depth += 1
            if depth > max_depth:
                raise QueryRefused(
                    f"Die Abfrage ist zu tief verschachtelt (mehr als {max_depth} Klammern ineinander). "
                    "Bitte vereinfachen Sie sie, z. B. indem Sie Ausdrücke in mehrere BIND-Zeilen aufteilen.",
                    f"The query is nested too deeply (more than {max_depth} brackets inside each other). "
                    "Please simplify it, e.g. by splitting expressions into several BIND lines.",
                    max_depth=max_depth,
                )
            pending = None
            continue
        if kind == "close":
            depth = max(0, depth - 1)
            pending = None
            continue
        upper = text.upper() if kind == "word" else ""
        if upper == "SERVICE":
            raise QueryRefused(
                "SERVICE ist hier nicht erlaubt: Dieser Knoten fragt für eine Abfrage keine anderen Dienste an. "
                "Bitte fragen Sie den anderen SPARQL-Endpunkt direkt.",
                "SERVICE is not allowed here: this node does not call other services for a query. "
                "Please query the other SPARQL endpoint directly.",
            )
        if pending == "PREFIX" and kind == "pname" and text.endswith(":"):
            prefix_name, pending = text[:-1], "PREFIX-IRI"
            continue
        if pending == "PREFIX-IRI" and kind == "iri":
            known[prefix_name] = _absolute(text[1:-1], base)
            pending = None
            continue
        if pending == "BASE" and kind == "iri":
            base = _absolute(text[1:-1], base)
            pending = None
            continue
        if pending in ("FROM", "NAMED") and kind in ("iri", "pname"):
            iri = _absolute(text[1:-1], base) if kind == "iri" else _expand(text, known)
            (named_graphs if pending == "NAMED" else from_graphs).append(iri)
            pending = None
            continue
        if pending == "FROM" and upper == "NAMED":
            pending = "NAMED"
            continue
        pending = upper if upper in ("PREFIX", "BASE", "FROM") else None
    return QueryShape(tuple(from_graphs), tuple(named_graphs))


def _de(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _absolute(iri: str, base: str | None) -> str:
    return urljoin(base, iri) if base else iri


def _expand(pname: str, prefixes: dict[str, str]) -> str:
    prefix, _, local = pname.partition(":")
    namespace = prefixes.get(prefix)
    if namespace is None:
        return pname  # the engine refuses an unknown prefix; here it just matches no graph
    return namespace + re.sub(r"\\(.)", r"\1", local)


def guarded_request(query: str, default_graph_uris: Sequence[str], named_graph_uris: Sequence[str], *,
                    max_depth: int, max_bytes: int) -> DatasetRequest:
    """The checks every backend's ``/sparql`` makes before it runs anything, and the graphs asked for
    (protocol parameters, else the query's FROM / FROM NAMED)."""
    if not query.strip():
        raise QueryRefused("Die Abfrage ist leer.", "The query is empty.")
    shape = inspect_query(query, max_depth=max_depth, max_bytes=max_bytes, prefixes=PREFIXES)
    return DatasetRequest.of(default_graph_uris, named_graph_uris, shape.from_graphs, shape.from_named_graphs)
