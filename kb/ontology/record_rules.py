"""Rules every record graph meets, whoever wrote it and however it came in.

SHACL (``shapes.ttl``) says what a record may contain. These rules are about what a graph may *do*
and cannot be said well in SHACL, so they are checked here, once, as plain functions: the
publishing path calls ``content_violations`` for every write (JSON, RDF, import, web form) and the
harvester may call it for members from peers.

- **Only about itself.** Every triple's subject is the record IRI or one of its own fragment IRIs
  (``{record}#...``). A graph that says something about another record (a second title for a
  neighbour's project) would be stored under the writer's record yet read as a statement about the
  other one. Shared reference data (the municipal register's description of a municipality) is
  allowed where the caller says so (``reference``).
- **Finite numbers.** Numeric literals have a valid lexical form and a finite value within their
  type's range: no ``NaN``, no ``INF``, no ``1e400`` (which every reader turns into infinity).
- **Consent for personal data** (``kb.ontology.personal_data``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

from pyoxigraph import Literal, NamedNode, Triple

from kb.errors import Violation
from kb.ontology.namespaces import MUNICIPALITY, XSD
from kb.ontology.personal_data import consent_violations
from kb.ontology.terms import Term, value

# ----------------------------------------------------------------------------- subjects


def is_own_subject(record_iri: str, subject: str) -> bool:
    """The record itself or one of its fragment IRIs (``{record}#figure-1``)."""
    return subject == record_iri or (len(subject) > len(record_iri) + 1 and subject.startswith(record_iri) and subject[len(record_iri)] == "#")


def is_register_subject(t: Triple) -> bool:
    """A triple about a municipality of the shared register (the loosest ``reference`` check)."""
    return is_register_node(t.subject)


def is_register_node(subject: Term) -> bool:
    """A municipality of the shared register (an IRI in its namespace)."""
    return isinstance(subject, NamedNode) and subject.value.startswith(str(MUNICIPALITY))


def foreign_subject_violations(record_iri: str, triples: Sequence[Triple],
                               reference: Callable[[Triple], bool] | None = None) -> list[Violation]:
    """One violation per subject that is neither the record, its fragments, nor allowed reference data."""
    foreign: dict[str, None] = {}
    for t in triples:
        subject = value(t.subject) if isinstance(t.subject, NamedNode) else f"_:{value(t.subject)}"
        if subject in foreign or is_own_subject(record_iri, subject):
            continue
        if reference is not None and reference(t):
            continue
        foreign[subject] = None
    return [
        Violation(
            "record",
            f"Der Eintrag enthält Aussagen über „{subject}“. Ein Eintrag darf nur sich selbst ({record_iri}) und seine eigenen "
            f"Teile ({record_iri}#…) beschreiben; Gemeinden werden nur mit ihrer IRI genannt.",
            f"The record contains statements about <{subject}>. A record may only describe itself ({record_iri}) and its own "
            f"parts ({record_iri}#…); municipalities are referred to by their IRI only.",
            value=subject,
        )
        for subject in foreign
    ]


# ----------------------------------------------------------------------------- numbers

_XSD = str(XSD)
_INTEGER_TYPES = {_XSD + n for n in ("integer", "nonPositiveInteger", "negativeInteger", "long", "int", "short", "byte",
                                     "nonNegativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte",
                                     "positiveInteger")}
_DECIMAL = _XSD + "decimal"
_FLOAT = _XSD + "float"
_DOUBLE = _XSD + "double"
NUMERIC_TYPES = frozenset(_INTEGER_TYPES | {_DECIMAL, _FLOAT, _DOUBLE})
MAX_NUMBER_LENGTH = 64
"""Characters in a numeric literal: enough for any measured figure, far from what breaks readers."""

_INTEGER_LEX = re.compile(r"[+-]?[0-9]+")
_DECIMAL_LEX = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)")
_DOUBLE_LEX = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")
_FLOAT32_MAX = 3.4028234663852886e38


def finite_number(lexical: str) -> float | None:
    """The value of a numeric lexical form if it is a finite number, else None (for safe reading).

    >>> [finite_number(s) for s in ("12.5", " 3 ", "NaN", "INF", "1e400", "abc", "1_000")]
    [12.5, 3.0, None, None, None, None, None]
    """
    text = lexical.strip()
    if len(text) > MAX_NUMBER_LENGTH or not _DOUBLE_LEX.fullmatch(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def number_problem(literal: Literal) -> str | None:
    """Why a numeric literal is not acceptable ("invalid", "not_finite"), or None if it is."""
    datatype = literal.datatype.value
    if datatype not in NUMERIC_TYPES:
        return None
    text = literal.value.strip()
    if text in ("NaN", "INF", "+INF", "-INF") and datatype in (_FLOAT, _DOUBLE):
        return "not_finite"
    if len(text) > MAX_NUMBER_LENGTH:
        return "not_finite"
    lexical = _INTEGER_LEX if datatype in _INTEGER_TYPES else _DECIMAL_LEX if datatype == _DECIMAL else _DOUBLE_LEX
    if not lexical.fullmatch(text):
        return "invalid"
    value = float(text)
    if not math.isfinite(value) or (datatype == _FLOAT and abs(value) > _FLOAT32_MAX):
        return "not_finite"
    return None


def number_violations(record_iri: str, triples: Sequence[Triple]) -> list[Violation]:
    out = []
    for t in triples:
        o = t.object
        if not isinstance(o, Literal):
            continue
        problem = number_problem(o)
        if problem is None:
            continue
        field = "outcomeFigures.value" if value(t.subject).startswith(f"{record_iri}#figure") else t.predicate.value
        shown = o.value if len(o.value) <= 40 else o.value[:37] + "..."
        if problem == "invalid":
            out.append(Violation(field, f"„{shown}“ ist keine gültige Zahl.", f"'{shown}' is not a valid number.", value=shown))
        else:
            out.append(Violation(
                field,
                f"„{shown}“ ist keine endliche Zahl im erlaubten Bereich (kein NaN, kein Unendlich, höchstens {MAX_NUMBER_LENGTH} Zeichen).",
                f"'{shown}' is not a finite number within range (no NaN, no infinity, at most {MAX_NUMBER_LENGTH} characters).",
                value=shown,
            ))
    return out


# ----------------------------------------------------------------------------- all together


def content_violations(record_iri: str, triples: Sequence[Triple],
                       reference: Callable[[Triple], bool] | None = None) -> list[Violation]:
    """Everything wrong with a record graph by the rules above (empty when it may be stored)."""
    return [
        *foreign_subject_violations(record_iri, triples, reference),
        *number_violations(record_iri, triples),
        *consent_violations(record_iri, triples),
    ]
