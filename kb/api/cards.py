"""What the web pages show about a record in a list, and how they name a filter value.

One small part, built per request from the typed parts it reads (the catalogue, the vocabularies,
the register, the record views), so that a page handler asks for ``CardsDep`` instead of the whole
node. Used by the search, start, municipality and funding pages.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends

from kb.api.deps import CatalogDep, RegisterDep, ViewsDep, VocabulariesDep
from kb.errors import KbError
from kb.ontology.records import RECORD_TYPE_LABELS
from kb.ontology.register import Register
from kb.ontology.vocabulary import Vocabularies
from kb.store.catalog import Catalog
from kb.views import RecordViews

TEASER_CHARS = 220
"""How much of the description a result card shows when the search has no snippet of its own."""
FACET_SCHEMES = {"taskArea": "taskArea", "legalForm": "legalForm", "state": "state", "status": "status",
                 "programme": "fundingProgramme"}
OBSOLETE_REGION = "früher:"
"""How the register marks a Regierungsbezirk that no longer exists (Sachsen's Direktionsbezirke): not offered as a filter."""


class Cards:
    """List entries of records and labels of filter values, as the templates show them."""

    def __init__(self, catalog: Catalog, vocabularies: Vocabularies, register: Register, views: RecordViews) -> None:
        self.catalog = catalog
        self.vocabularies = vocabularies
        self.register = register
        self.views = views

    def card(self, iri: str, summary: dict[str, Any] | None = None) -> dict[str, Any] | None:
        """What a list entry shows about a record, from its stored summary."""
        summary = summary or self.catalog.summary(iri)
        meta = self.catalog.meta(iri)
        if summary is None or meta is None or meta.deleted:
            return None
        vocab = self.vocabularies

        def label(scheme: str, code: str | None) -> str | None:
            if not code:
                return None
            c = vocab[scheme].get(code)
            return c.label() if c else code

        return {
            "id": iri,
            "title": summary["title"],
            "typeLabel": RECORD_TYPE_LABELS.get(summary.get("type", "project"), ("", ""))[0],
            "participantNames": summary.get("participantNames", []),
            "stateLabel": label("state", summary.get("state")),
            "legalFormLabel": label("legalForm", summary.get("legalForm")),
            "statusLabel": label("status", summary.get("status")),
            "taskAreaLabels": [label("taskArea", c) for c in summary.get("taskAreas", [])],
            "illustrative": summary.get("illustrative", False),
            "originName": self.views.node_name(meta.origin) or meta.origin,
            "local": meta.local,
            "modified": meta.modified,
            "receivedAt": meta.received_at,
        }

    def with_teaser(self, entry: dict[str, Any]) -> dict[str, Any]:
        """The card with the start of the record's description as its snippet (listings, empty queries)."""
        if entry.get("snippet"):
            return entry
        try:
            text = str(self.views.project_view(self.catalog.get_live(entry["id"], include_network=True)).get("description") or "")
        except KbError:
            return entry
        if len(text) > TEASER_CHARS:
            text = text[:TEASER_CHARS].rsplit(" ", 1)[0] + " …"
        entry["snippet"] = [(text, False)] if text else None
        return entry

    def recent(self, *, local: bool, include_network: bool, limit: int = 6) -> list[dict[str, Any]]:
        return [c for iri in self.catalog.recent(local=local, limit=limit, include_network=include_network) if (c := self.card(iri))]

    def why_text(self, why: dict[str, Any]) -> str:
        parts = []
        if why.get("terms"):
            parts.append("Suchwörter: " + ", ".join(why["terms"][:6]))
        if why.get("concepts"):
            parts.append("Aufgabenbereich/Rechtsform: " + ", ".join(c["label"] for c in why["concepts"]))
        if why.get("sharedTaskAreas"):
            parts.append("Gleicher Aufgabenbereich: " + ", ".join(self.vocabularies.label(concept.iri) for c in why["sharedTaskAreas"]
                                                                if (concept := self.vocabularies["taskArea"].get(c))))
        if why.get("semantic") is not None and why["semantic"] > 0.3:
            parts.append("inhaltlich ähnlich")
        return " · ".join(parts)

    def facet_label(self, name: str, value: str) -> str:
        """A filter value by name, as facets and active-filter chips show it (never a bare code)."""
        if name in FACET_SCHEMES:
            concept = self.vocabularies[FACET_SCHEMES[name]].get(value)
            return concept.label() if concept else value
        if name == "kreis":
            kreis = self.register.kreise.get(value)
            return kreis.name if kreis else value
        if name == "regierungsbezirk":
            rb = self.register.regierungsbezirke.get(value)
            return rb.removeprefix(OBSOLETE_REGION).strip() if rb else self._state_name(value)
        if name == "origin":
            return self.views.node_name(value) or value
        if name == "type":
            return RECORD_TYPE_LABELS.get(value, (value, value))[0]
        if name == "funding":
            return {"yes": "mit Förderung", "no": "ohne Angabe zur Förderung"}.get(value, value)
        return value

    def facet_entries(self, name: str, counts: dict[str, int]) -> list[dict[str, Any]]:
        entries: list[dict[str, Any]] = []
        for value, count in counts.items():
            if name == "regierungsbezirk" and (self.register.regierungsbezirke.get(value) or "").startswith(OBSOLETE_REGION):
                continue  # the region was abolished: its records stay findable by Land and Kreis
            entries.append({"value": value, "label": self.facet_label(name, value), "count": count})
        entries.sort(key=lambda e: (-int(e["count"]), str(e["label"])))
        return entries[:12] if name in ("kreis", "origin") else entries

    def _state_name(self, rb_key: str) -> str:
        """Länder without Regierungsbezirke: name the Land instead of showing a bare key."""
        for concept in self.vocabularies["state"]:
            if rb_key[:2] in concept.notations:
                return f"{concept.label()} (ohne Regierungsbezirke)"
        return rb_key


def get_cards(catalog: CatalogDep, vocabularies: VocabulariesDep, register: RegisterDep, views: ViewsDep) -> Cards:
    return Cards(catalog, vocabularies, register, views)


CardsDep = Annotated[Cards, Depends(get_cards)]
