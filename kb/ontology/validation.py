"""SHACL validation of records, in batches, with messages people can act on.

Two engines read the same ``shapes.ttl``:

- ``fast`` (the default): :mod:`kb.ontology.shacl`, compiled from the shapes graph once;
  several thousand records per second. A shape that uses a construct it does not compile is
  validated by pyshacl, and the validator says so once in the log.
- ``pyshacl``: the reference implementation (inference none, warnings and infos allowed), fast per
  batch and slow per record (~180 records/s), so callers hand over many records at once.

Each result is traced back to its record and to the JSON field a person would fix, carrying the
shape's own German and English ``sh:message``; both engines give the same violations.

Before SHACL, every literal is checked for characters no XML document can carry (control
characters other than tab and line breaks, U+FFFE/U+FFFF, lone surrogates): RDF/XML, Atom and the
DOCX report would otherwise be broken by one such title. This runs here because both the write
path and the harvester validate through this class (attack review 2026-12-07, docs/security.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import rdflib
from pyoxigraph import Literal, RdfFormat, Triple, parse

from kb.errors import Violation
from kb.ontology.fields import FIELD_OF_PATH, SUB_FIELDS
from kb.ontology.namespaces import MUNICIPALITY
from kb.ontology.shacl import Result, Shapes, to_rdflib
from kb.ontology.terms import value

SHAPES_PATH = Path(__file__).parent / "shapes.ttl"
ENGINES = ("fast", "pyshacl")

_SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
_KBSH = rdflib.Namespace("https://w3id.org/ikz-kb/shapes#")
_SEVERITY = {str(_SH.Warning): "warning", str(_SH.Info): "info"}
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
"""Characters XML 1.0 cannot carry at all (not even escaped)."""



class RecordValidator:
    """Validates record graphs against ``shapes.ttl``.

    ``engine`` is "fast" (default) or "pyshacl"; with "fast", ``self.fallback_reason`` names the
    shapes pyshacl still validates and why (None: the fast evaluator runs them all).
    """

    def __init__(self, shapes_path: Path = SHAPES_PATH, engine: str = "fast") -> None:
        if engine not in ENGINES:
            raise ValueError(f"unknown SHACL engine {engine!r}; use one of {ENGINES}")
        # One parse for both engines, so both see the same terms (blank nodes included).
        triples = [q.triple for q in parse(path=str(shapes_path), format=RdfFormat.TURTLE)]
        self.shapes = to_rdflib(triples)
        self._messages: dict[str, tuple[str, str]] = {}
        for shape in set(self.shapes.subjects(_SH.message, None)):
            msgs = {str(getattr(m, "language", None) or "de"): str(m) for m in self.shapes.objects(shape, _SH.message)}
            self._messages[str(shape)] = (msgs.get("de", next(iter(msgs.values()))), msgs.get("en", ""))
        self._fields = {str(shape): str(name) for shape, name in self.shapes.subject_objects(_KBSH.jsonField)}
        self.engine = engine
        self._engine = Shapes(triples, compiled=engine == "fast", name=shapes_path.name)
        self.fallback_reason = self._engine.fallback_reason  # which shapes pyshacl validates, and why

    def results(self, records: Mapping[str, Sequence[Triple]]) -> tuple[bool, list[Result]]:
        """Conformance (warnings and infos allowed) and all results for a batch of records."""
        return self._engine.results(records.values(), allow_warnings=True, allow_infos=True)

    def validate(self, records: Mapping[str, Sequence[Triple]]) -> dict[str, list[Violation]]:
        """Violations (and warnings) per record IRI; records without any are absent."""
        if not records:
            return {}
        out: dict[str, list[Violation]] = {}
        for iri, triples in records.items():
            if unprintable := unprintable_violations(triples):
                out[iri] = unprintable
        records = {iri: triples for iri, triples in records.items() if iri not in out}
        if not records:
            return out
        _conforms, results = self.results(records)
        owner: dict[str, set[str]] | None = None
        for result in results:
            focus = result.focus.value
            if focus in records:
                targets = {focus}
            else:
                if owner is None:
                    owner = {}
                    for iri, triples in records.items():
                        for t in triples:
                            owner.setdefault(value(t.subject), set()).add(iri)
                targets = owner.get(focus, set()) or {focus.split("#", 1)[0]}
            violation = self._violation(result)
            for record in targets:
                out.setdefault(record, []).append(violation)
        return out

    def _violation(self, result: Result) -> Violation:
        shape = result.shape.value
        focus = result.focus.value
        tagged = {lang: text for text, lang in result.messages if lang}
        shape_de, shape_en = self._messages.get(shape, ("", ""))
        # pyshacl drops language tags on SPARQL-based results: then the shape's own texts are used.
        de = tagged.get("de") or shape_de or next((text for text, _lang in result.messages), "")
        en = tagged.get("en") or shape_en
        return Violation(
            field=field_for(focus, result.path.value if result.path is not None else "", self._fields.get(shape)),
            message=de or "Dieser Wert verletzt eine Regel des Datenmodells.",
            message_en=en or "This value breaks a rule of the data model.",
            value=result.value.value if result.value is not None else None,
            severity=_SEVERITY.get(result.severity.value, "violation"),
        )


def unprintable_violations(triples: Iterable[Triple]) -> list[Violation]:
    """One violation per field whose text holds a character XML cannot carry (named as U+XXXX)."""
    found: dict[str, str] = {}
    for t in triples:
        if isinstance(t.object, Literal) and (bad := NOT_IN_XML.search(t.object.value)):
            found.setdefault(field_for(value(t.subject), t.predicate.value), f"U+{ord(bad.group()):04X}")
    return [Violation(field=field, value=char,
                      message=f"Der Text enthält ein Steuerzeichen ({char}), das nicht gespeichert werden kann. Bitte entfernen Sie es.",
                      message_en=f"The text contains a control character ({char}) that cannot be stored. Please remove it.")
            for field, char in found.items()]


def field_for(focus: str, path: str, named: str | None = None) -> str:
    """The JSON field a person fixes for a result on ``focus`` at ``path`` (``named``: the shape's kbsh:jsonField).

    A result on a sub-resource (``{record}#contact``, ``#figure-N``, ``#org-N``, a municipality)
    points into its parent field (``contact.email``); ``named`` matters for results on the record
    whose path is not one property (``lead`` among participants is an alternative path).
    """
    if "#" in focus:
        fragment = focus.split("#", 1)[1]
        parent = ("contact" if fragment == "contact" else "outcomeFigures" if fragment.startswith("figure")
                  else "documents" if fragment.startswith("document-") else "participants")
        sub = SUB_FIELDS.get(parent, {}).get(path)
        return f"{parent}.{sub}" if sub else parent
    if focus.startswith(str(MUNICIPALITY)):
        return "participants"
    return named or FIELD_OF_PATH.get(path, path.rsplit("#", 1)[-1].rsplit("/", 1)[-1] or "record")


def errors_only(violations: Iterable[Violation]) -> list[Violation]:
    return [v for v in violations if v.severity == "violation"]
