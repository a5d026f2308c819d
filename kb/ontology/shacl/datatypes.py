"""``sh:datatype`` as pyshacl decides it: well-formedness is whatever rdflib can parse.

pyshacl asks rdflib whether a typed literal is well-formed, so ``xsd:decimal`` is whatever Python's
``Decimal`` parses and ``xsd:date`` whatever ``date.fromisoformat`` parses after rdflib's trimming,
while datatypes rdflib has no converter for (``xsd:gYear`` among them) are compared by IRI only.
Only the datatypes ``shapes.ttl`` names are replicated; any other one is refused at load time, so
its shape falls back to pyshacl.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation

from pyoxigraph import Literal, NamedNode
from rdflib import URIRef
from rdflib.term import XSDToPython

from kb.ontology.shacl.terms import RDF, XSD, XSD_STRING, Term

# rdflib turns these into Python values (or refuses them as ill-typed): anything else is opaque.
_RDFLIB_PARSES = {str(iri) for iri in XSDToPython} | {RDF + "XMLLiteral", RDF + "HTML"}


def _parse_xsd_date(text: str) -> date:
    """rdflib.xsd_datetime.parse_xsd_date (date.fromisoformat after rdflib's trimming)."""
    if text.endswith(("Z", "z")):
        text = text[:-1]
    minus = text.startswith("-")
    if minus:
        text = text[1:]
    if "T" in text:
        text = text.split("T")[0]
    else:
        plus = text.rfind("+")
        if plus > 0:
            text = text[:plus]
        else:
            parts = text.rsplit("-", 1)
            if len(parts) > 1 and ":" in parts[-1]:
                text = parts[0]
    if "-" not in text:
        raise ValueError("XSD Date string must contain at least two dashes")
    return date.fromisoformat(text if not minus else "-" + text)


def _well_formed(parse: Callable[[str], object], kind: type) -> Callable[[str], bool]:
    """A memoised test: does rdflib's converter take the lexical form (and give a ``kind``)?"""
    memo: dict[str, bool] = {}

    def well_formed(lexical: str) -> bool:
        ok = memo.get(lexical)
        if ok is None:
            try:
                ok = isinstance(parse(lexical), kind)
            except (ValueError, ArithmeticError, InvalidOperation, TypeError):
                ok = False
            if len(memo) > 50_000:
                memo.clear()
            memo[lexical] = ok
        return ok

    return well_formed


def datatype_check(rule: NamedNode) -> Callable[[Term], bool] | None:
    """A check for ``sh:datatype rule`` as pyshacl does it, or None if it is not replicated."""
    iri = rule.value
    if iri == XSD + "string":
        return lambda v: type(v) is Literal and v.language is None and v.datatype == XSD_STRING
    if iri == RDF + "langString":
        return lambda v: type(v) is Literal and v.language is not None
    if iri == XSD + "boolean":
        return lambda v: type(v) is Literal and v.datatype == rule and v.value in ("true", "false", "1", "0")
    if iri == XSD + "decimal":
        decimal = _well_formed(Decimal, Decimal)
        return lambda v: type(v) is Literal and v.datatype == rule and decimal(v.value)
    if iri == XSD + "date":
        xsd_date = _well_formed(_parse_xsd_date, date)
        return lambda v: type(v) is Literal and v.datatype == rule and xsd_date(v.value)
    if iri not in _RDFLIB_PARSES and URIRef(iri) not in XSDToPython:
        return lambda v: type(v) is Literal and v.datatype == rule
    return None


# rdflib rewrites the lexical form of these two datatypes when it builds the literal.
REWRITTEN_BY_RDFLIB = frozenset({NamedNode(XSD + "normalizedString"), NamedNode(XSD + "token")})


def as_rdflib_reads(o: Literal) -> Literal:
    """The literal with the lexical form rdflib gives it (pyshacl checks patterns and lengths on it)."""
    text = o.value.replace("\t", " ").replace("\n", " ").replace("\r", " ")
    if o.datatype.value == XSD + "token":
        text = re.sub(" +", " ", text.strip())
    return Literal(text, datatype=o.datatype) if text != o.value else o
