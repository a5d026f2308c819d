"""The SKOS vocabularies (Produktbereiche, legal forms, status, Bundesländer, ...), in memory.

Concepts are looked up by IRI, local name, notation, or by any prefLabel or altLabel, folded
(``"standesamt"`` finds Produktbereich 02). Search uses the same labels for query expansion.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse

from kb.errors import UnresolvedValue, Violation
from kb.ontology.namespaces import (
    DCT,
    DIGITAL,
    DOCUMENT_LICENCE,
    DOCUMENT_TYPE,
    FUNDING,
    LEGAL_FORM,
    SKOS,
    STATE,
    STATUS,
    TASK_AREA,
    VAT,
    VISIBILITY,
    Namespace,
)
from kb.ontology.terms import value
from kb.ontology.text import fold

VOCABULARY_DIR = Path(__file__).parent / "vocabularies"

SCHEMES: dict[str, Namespace] = {
    "taskArea": TASK_AREA,
    "legalForm": LEGAL_FORM,
    "status": STATUS,
    "state": STATE,
    "digitalDelivery": DIGITAL,
    "vat2b": VAT,
    "visibility": VISIBILITY,
    "fundingProgramme": FUNDING,
    "documentType": DOCUMENT_TYPE,
    "documentLicence": DOCUMENT_LICENCE,
}
"""JSON field name → namespace of its concepts."""

FIELD_LABELS = {
    "taskArea": ("Aufgabenbereich (Produktbereich)", "task area"),
    "legalForm": ("Rechtsform", "legal form"),
    "status": ("Status", "status"),
    "state": ("Bundesland", "Bundesland (state)"),
    "digitalDelivery": ("Digitalisierungsgrad", "degree of digital delivery"),
    "vat2b": ("Umsatzsteuer (§ 2b UStG)", "VAT treatment (§ 2b UStG)"),
    "visibility": ("Sichtbarkeit", "visibility"),
    "fundingProgramme": ("Förderprogramm", "funding programme"),
    "documentType": ("Dokumentart", "document type"),
    "documentLicence": ("Lizenz des Dokuments", "document licence"),
}


@dataclass(frozen=True)
class Concept:
    iri: str
    code: str
    """The local name (``02``, ``zweckverband``, ``NW``)."""
    notations: tuple[str, ...]
    pref_labels: dict[str, str] = field(hash=False, compare=False)
    alt_labels: tuple[tuple[str, str], ...] = ()
    definition: str = ""
    broader: str = ""
    """IRI of the broader concept (a funding round's programme), empty for top concepts."""
    details: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    """What some schemes say beyond labels: ``sources`` (IRIs), ``spatial`` (IRI), ``scopeNote``,
    ``note``, ``editorialNote`` (German texts), as the funding programmes have them."""

    def label(self, lang: str = "de") -> str:
        return self.pref_labels.get(lang) or self.pref_labels.get("de") or next(iter(self.pref_labels.values()), self.code)

    @property
    def node(self) -> NamedNode:
        return NamedNode(self.iri)

    def as_json(self, lang: str = "de") -> dict[str, str]:
        return {"id": self.iri, "code": self.code, "label": self.label(lang)}


class Vocabulary:
    """One concept scheme, with every way people name its concepts."""

    def __init__(self, name: str, namespace: Namespace, concepts: Iterable[Concept]) -> None:
        self.name = name
        self.namespace = namespace
        self.concepts = sorted(concepts, key=lambda c: c.code)
        self._by_key: dict[str, Concept] = {}
        self._all: dict[str, list[Concept]] = {}
        for c in self.concepts:
            keys = [c.iri, c.code, *c.notations, *c.pref_labels.values(), *(label for label, _ in c.alt_labels)]
            for key in keys:
                folded = fold(key) if not key.startswith("http") else key
                if c not in self._all.setdefault(folded, []):
                    self._all[folded].append(c)
        for key, found in self._all.items():
            if len(found) == 1:
                self._by_key[key] = found[0]
        for c in self.concepts:  # codes win over labels that happen to look the same
            self._by_key[fold(c.code)] = c

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.concepts)

    def __len__(self) -> int:
        return len(self.concepts)

    def get(self, value: str) -> Concept | None:
        if value.startswith("http://") or value.startswith("https://"):
            return self._by_key.get(value)
        return self._by_key.get(fold(value))

    def concepts_for(self, value: str) -> list[Concept]:
        """Every concept a word names (a word may name several, e.g. "ÖrV")."""
        return list(self._all.get(value if value.startswith("http") else fold(value), []))

    def resolve(self, value: str, field_name: str | None = None) -> Concept:
        """The concept ``value`` names, or a 422 that lists the allowed values (or the candidates)."""
        found = self.get(value) if isinstance(value, str) else None
        if found is not None:
            return found
        de, en = FIELD_LABELS.get(self.name, (self.name, self.name))
        several = self.concepts_for(value) if isinstance(value, str) else []
        if len(several) > 1:
            raise UnresolvedValue(
                [
                    Violation(
                        field=field_name or self.name,
                        message=f"„{value}“ ist mehrdeutig für {de}. Bitte wählen Sie: "
                        + ", ".join(f"{c.code} ({c.label()})" for c in several) + ".",
                        message_en=f"'{value}' is ambiguous for {en}. Choose one of: {', '.join(c.code for c in several)}.",
                        value=value,
                        candidates=[c.as_json() for c in several],
                    )
                ]
            )
        close = difflib.get_close_matches(fold(str(value)), [k for k in self._by_key if not k.startswith("http")], n=3, cutoff=0.75)
        suggestions = [self._by_key[k] for k in close]
        allowed = ", ".join(f"{c.code} ({c.label()})" for c in self.concepts)
        raise UnresolvedValue(
            [
                Violation(
                    field=field_name or self.name,
                    message=f"Unbekannter Wert „{value}“ für {de}. Erlaubt sind: {allowed}.",
                    message_en=f"Unknown value '{value}' for {en}. Allowed: {', '.join(c.code for c in self.concepts)}.",
                    value=value,
                    candidates=[c.as_json() for c in (suggestions or self.concepts)],
                )
            ]
        )

    def allowed(self) -> list[dict[str, str]]:
        return [c.as_json() for c in self.concepts]


class Vocabularies:
    """All concept schemes of the ontology, loaded once from ``kb/ontology/vocabularies``."""

    def __init__(self, quads: Iterable[Quad]) -> None:
        self.quads = list(quads)
        by_subject: dict[str, dict[str, list]] = {}
        for q in self.quads:
            by_subject.setdefault(value(q.subject), {}).setdefault(q.predicate.value, []).append(q.object)
        self.schemes: dict[str, Vocabulary] = {}
        for name, ns in SCHEMES.items():
            concepts = []
            for iri, props in by_subject.items():
                code = ns.local_name(iri)
                if not code or "/" in code or SKOS.prefLabel.value not in props:
                    continue
                concepts.append(_concept(iri, code, props))
            self.schemes[name] = Vocabulary(name, ns, concepts)
        self._by_iri = {c.iri: c for v in self.schemes.values() for c in v}

    @classmethod
    def load(cls, directory: Path = VOCABULARY_DIR) -> Vocabularies:
        quads: list[Quad] = []
        for path in sorted(directory.glob("*.ttl")):
            quads.extend(parse(path=path, format=RdfFormat.TURTLE))
        return cls(quads)

    def __getitem__(self, name: str) -> Vocabulary:
        return self.schemes[name]

    def concept(self, iri: str) -> Concept | None:
        return self._by_iri.get(iri)

    def label(self, iri: str, lang: str = "de") -> str:
        c = self._by_iri.get(iri)
        return c.label(lang) if c else iri

    @cached_property
    def task_areas(self) -> Vocabulary:
        return self.schemes["taskArea"]

    @cached_property
    def legal_forms(self) -> Vocabulary:
        return self.schemes["legalForm"]

    @cached_property
    def states(self) -> Vocabulary:
        return self.schemes["state"]


def _concept(iri: str, code: str, props: dict[str, list]) -> Concept:
    def literals(p: NamedNode) -> list[Literal]:
        return [o for o in props.get(p.value, []) if isinstance(o, Literal)]

    prefs = {(lit.language or "de"): lit.value for lit in literals(SKOS.prefLabel)}
    alts = tuple((lit.value, lit.language or "de") for lit in literals(SKOS.altLabel))
    notations = tuple(lit.value for lit in literals(SKOS.notation))
    definitions = [lit.value for lit in literals(SKOS.definition) if (lit.language or "de") == "de"]
    broader = [o.value for o in props.get(SKOS.broader.value, []) if isinstance(o, NamedNode)]
    details: dict[str, Any] = {}
    sources = sorted(o.value for o in props.get(DCT.source.value, []) if isinstance(o, NamedNode))
    if sources:
        details["sources"] = sources
    spatial = [o.value for o in props.get(DCT.spatial.value, []) if isinstance(o, NamedNode)]
    if spatial:
        details["spatial"] = spatial[0]
    for name, predicate in (("scopeNote", SKOS.scopeNote), ("note", SKOS.note), ("editorialNote", SKOS.editorialNote)):
        german = [lit.value for lit in literals(predicate) if (lit.language or "de") == "de"]
        if german:
            details[name] = german[0]
    return Concept(iri=iri, code=code, notations=notations, pref_labels=prefs, alt_labels=alts, definition=definitions[0] if definitions else "",
                   broader=broader[0] if broader else "", details=details)
