"""The fields of a record, read once from ``record_fields.toml``: one definition per field.

The table drives the JSON form the API takes and gives (:data:`kb.ontology.records.ProjectIn`,
``kb.api.schemas.ProjectOut``), the JSON↔RDF mapping and the summaries
(:class:`kb.ontology.records.RecordMapper`), the JSON field a SHACL result points at
(:data:`FIELD_OF_PATH`) and the web form (``kb/api/routes/publish.py``). Adding a field is an entry
here and its property shape in ``shapes.ttl`` (a test keeps the two in step), plus code in
``records.py`` only for a new *kind* of mapping.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kb.ontology.namespaces import ADMS, DCAT, DCT, FOAF, IKZ, ORG, RDF, SCHEMA, VCARD, Namespace

FIELDS_PATH = Path(__file__).parent / "record_fields.toml"

PREFIXES: dict[str, Namespace] = {"rdf": RDF, "dcterms": DCT, "org": ORG, "ikz": IKZ, "adms": ADMS, "schema": SCHEMA,
                                  "dcat": DCAT, "foaf": FOAF}

SIMPLE_KINDS = frozenset({"text", "texts", "concept", "concepts", "code", "date", "iri", "iris", "boolean", "type"})
"""Kinds mapped by the table alone; the others (participants, lead, figures, contact) by code in records.py."""
KINDS = SIMPLE_KINDS | {"participants", "lead", "figures", "contact"}
LIST_KINDS = frozenset({"texts", "concepts", "iris", "participants", "figures"})
WIDGETS = frozenset({"", "input", "textarea", "select", "checks", "radio", "lines", "contact", "figures"})


@dataclass(frozen=True)
class RecordField:
    """One field of the JSON form of a record and everything that follows from it."""

    name: str
    path: str
    """IRI of the RDF property from the record."""
    kind: str
    scheme: str | None = None
    required: bool = False
    max: int | None = None
    default: Any = None
    absent: Any = None
    as_code: bool = False
    summary: bool = False
    personal: bool = False
    doc: str | None = None
    label: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    help: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    form: str = ""
    form_label: str | None = None
    widget: str = ""
    rows: int | None = None
    placeholder: str | None = None
    choose: str | None = None
    options: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    form_required: bool = False
    """Marked as required in the web form (the JSON form's ``required`` ones, and those the shapes demand)."""
    form_message: str | None = None
    """The web form's plain message for this field, used where the API's message names codes or RDF terms."""
    suggest: dict[str, list[str]] = field(default_factory=dict, hash=False, compare=False)
    """Suggestions the web form offers while typing (key figures: labels and units)."""

    @property
    def many(self) -> bool:
        return self.kind in LIST_KINDS

    def label_in(self, lang: str = "de") -> str:
        return self.label.get(lang) or self.label.get("de") or self.name

    @property
    def form_text(self) -> str:
        """The label beside the field in the web form (sometimes longer than in messages)."""
        return self.form_label or self.label_in("de")


SUB_FIELDS: dict[str, dict[str, str]] = {
    "contact": {VCARD.fn.value: "name", VCARD.hasEmail.value: "email", VCARD.hasTelephone.value: "phone",
                IKZ.publicationConsent.value: "consent", VCARD["organization-name"].value: "organisation"},
    "outcomeFigures": {SCHEMA.name.value: "label", SCHEMA.value.value: "value", SCHEMA.unitText.value: "unit"},
}
"""The JSON fields of the sub-resources (``{record}#contact``, ``{record}#figure-N``) by RDF property."""

CONTACT_FIELDS = {"organisation": "Stelle", "email": "E-Mail", "phone": "Telefon", "name": "Name einer Person",
                  "consent": "Einwilligung"}
"""The contact's text fields in the JSON form, with their labels in the web form."""


def _iri(curie: str) -> str:
    prefix, local = curie.split(":", 1)
    return PREFIXES[prefix][local].value


def load_fields(path: Path = FIELDS_PATH) -> tuple[RecordField, ...]:
    """The table, checked: a typo in it fails at import, not at the first record."""
    with path.open("rb") as f:
        entries = tomllib.load(f)["field"]
    out = []
    for entry in entries:
        entry = dict(entry)
        entry["path"] = _iri(entry["path"])
        record_field = RecordField(**entry)
        if record_field.kind not in KINDS or record_field.widget not in WIDGETS:
            raise ValueError(f"{path.name}: field {record_field.name!r} has an unknown kind or widget")
        if record_field.kind in ("concept", "concepts") and not record_field.scheme:
            raise ValueError(f"{path.name}: field {record_field.name!r} needs a scheme")
        out.append(record_field)
    return tuple(out)


FIELDS: tuple[RecordField, ...] = load_fields()
BY_NAME: dict[str, RecordField] = {f.name: f for f in FIELDS}
FIELD_OF_PATH: dict[str, str] = {f.path: f.name for f in FIELDS}
"""RDF property from the record → the JSON field a person fixes."""
FORM_GROUPS: dict[str, str] = {
    "about": "Worum geht es?",
    "who": "Wer ist beteiligt?",
    "areas": "Aufgabenbereich",
    "organisation": "Organisation und Stand",
    "experience": "Erfahrungen teilen",
    "figures": "Kennzahlen (freiwillig)",
    "contact": "Ansprechstelle (freiwillig)",
    "visibility": "Sichtbarkeit",
}
"""The fieldsets of the web form, in order, with their legends."""


AREAS_BY_LAND: dict[str, str] = {"NW": "Aufgabenbereich (Produktbereich nach dem NKF-Produktrahmen NRW)"}
"""The task-area legend where the node's Land has the vocabulary as its own (NRW's Produktrahmen); elsewhere neutral."""


def form_legends(state: str) -> dict[str, str]:
    """The fieldset legends for a node in ``state`` (the task areas named after its Land's own scheme, if it has one)."""
    legends = dict(FORM_GROUPS)
    if state in AREAS_BY_LAND:
        legends["areas"] = AREAS_BY_LAND[state]
    return legends


def form_fields(group: str) -> list[RecordField]:
    return [f for f in FIELDS if f.form == group]


def error_labels() -> dict[str, str]:
    """Field (as the web form names it) → German label, for the form's list of errors."""
    labels = {f.name: f.label_in("de") for f in FIELDS if f.form}
    labels.update({f"contact_{k}": v for k, v in CONTACT_FIELDS.items() if k != "organisation"})
    return labels
