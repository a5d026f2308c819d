"""Erasure of personal data on a data subject's request (Art. 17 GDPR): ``kb erase`` and ``POST /api/erasure``.

The design is in docs/decisions.md ("Personal data and erasure"). In short: personal data lives
only in a record's contact point, inside the signed versions. To erase it, the record's *origin*
commits one more version, signed like every other: the current content without the personal data
(or, for a withdrawn record, a new tombstone), carrying ``kbm:erasedBefore n`` = its own version
number. Every node that stores that version, or any later one (later versions carry the horizon
on), drops the payloads of all versions below n. So the erasure travels with the ordinary stream,
and one sync round per hop removes the data from the whole network.

A node that only holds a *copy* (a harvested record) cannot sign for the origin. It drops its own
copies of the record's earlier versions and tells the operator which origin must erase the
current one: the origin is the controller for its records.

This module composes the catalogue (finding, committing, compacting) and the publisher's
validation; store access stays in ``kb/store``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from kb.errors import BadRequest, InvalidRecord, NotFound, Violation
from kb.federation.quarantine import QUARANTINE, load_entries
from kb.ontology.personal_data import personal_triples, without_personal_data
from kb.ontology.records import RecordGraph
from kb.ontology.validation import errors_only
from kb.store.model import ChangeEvent, Draft, canonical_ntriples

if TYPE_CHECKING:
    from kb.publishing import Publisher
    from kb.store.catalog import Catalog

log = logging.getLogger(__name__)

Action = Literal["erased", "copies-erased", "origin-must-erase", "nothing-to-erase"]

MIN_MATCH = 3
MAX_RECORDS = 25
"""Most records one erasure by search text may change. A data subject is named in a handful of
records; a text that hits more (``000``, a common word) is almost certainly not a person, and each
erasing version costs a signed, validated commit, so such a request is refused (a dry run still
lists everything; one record at a time always works)."""
"""Shorter search strings would match half the catalogue."""


@dataclass
class ErasedRecord:
    """What an erasure did (or, in a dry run, would do) to one record on this node."""

    record: str
    title: str
    local: bool
    origin: str
    origin_name: str | None
    action: Action
    mentioned_in: list[int] = field(default_factory=list)
    """Versions whose stored form mentions the search string (empty for an erasure by record)."""
    erased_versions: list[int] = field(default_factory=list)
    """Versions whose published form this node no longer keeps (compacted)."""
    new_version: int | None = None
    """The erasing version this node committed (its own records only)."""
    still_mentioned: bool = False
    """The current content mentions the search string outside the personal data (free text)."""
    message: str = ""
    message_en: str = ""

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        return {_camel(k): v for k, v in out.items()}


@dataclass
class ErasureReport:
    dry_run: bool
    match: str | None
    records: list[ErasedRecord]
    quarantine_removed: int = 0
    physical: str = (
        "Die Daten sind über keine Schnittstelle mehr erreichbar. Der Knoten schreibt seinen Speicher neu, damit sie "
        "auch aus dessen Dateien verschwinden: sofort, nach einer anderen Löschung kurz zuvor spätestens nach "
        "KB_ERASURE_PURGE_INTERVAL Sekunden. Partnerknoten tun dasselbe nach ihrem nächsten Abgleich."
    )
    physical_en: str = (
        "The data is no longer reachable through any interface. The node rewrites its store so that it also leaves "
        "the store's files: at once, or, after another erasure shortly before, within KB_ERASURE_PURGE_INTERVAL "
        "seconds. Peers do the same after their next sync round."
    )

    @property
    def complete(self) -> bool:
        """True if nothing is left for the operator to do on this node (no free-text mention, no
        copy whose origin must act)."""
        return not any(r.still_mentioned or r.action == "origin-must-erase" for r in self.records)

    def as_dict(self) -> dict[str, Any]:
        return {
            "dryRun": self.dry_run, "match": self.match, "complete": self.complete,
            "records": [r.as_dict() for r in self.records], "quarantineRemoved": self.quarantine_removed,
            "physical": self.physical, "physical_en": self.physical_en,
        }


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest) if name != "message_en" else name


def needles(match: str) -> list[str]:
    """What to look for: the text itself, and for a phone number also its stored form (``tel:+49…``)."""
    text = match.strip()
    out = [text]
    digits = re.sub(r"[^0-9+]", "", text)
    if len(re.sub(r"\D", "", text)) >= 5 and re.fullmatch(r"[0-9+()/\-. ]+", text):
        out.append("tel:" + digits)
    return out


class Erasure:
    """Finds and erases a data subject's personal data on one node."""

    def __init__(self, catalog: Catalog, publisher: Publisher, node_name: Callable[[str], str | None]) -> None:
        self.catalog = catalog
        self.publisher = publisher
        self.node_name = node_name

    # ------------------------------------------------------------------ finding

    def find(self, match: str) -> dict[str, list[ChangeEvent]]:
        """Records with a stored version (current or earlier) that mentions ``match``."""
        if len(match.strip()) < MIN_MATCH:
            raise BadRequest(f"Bitte geben Sie mindestens {MIN_MATCH} Zeichen an (Name, E-Mail-Adresse oder Telefonnummer).",
                             f"Please give at least {MIN_MATCH} characters (name, e-mail address or phone number).")
        return self.catalog.find_in_history(needles(match))  # type: ignore[no-any-return]

    # ------------------------------------------------------------------ erasing

    def erase_matching(self, match: str, *, dry_run: bool) -> ErasureReport:
        """Erase the personal data of every record whose history mentions ``match``."""
        found = self.find(match)
        if not dry_run and len(found) > MAX_RECORDS:
            raise InvalidRecord(
                [Violation("match", f"Der Text kommt in {len(found)} Einträgen vor; höchstens {MAX_RECORDS} auf einmal.",
                           f"The text appears in {len(found)} records; at most {MAX_RECORDS} at once.", value=match)],
                f"Der Suchtext trifft {len(found)} Einträge – zu viele für eine Person. Bitte genauer angeben (ganzer Name, "
                "E-Mail-Adresse oder Telefonnummer), mit dryRun prüfen, oder Einträge einzeln über record löschen.",
                f"The search text matches {len(found)} records, too many for one person. Please be more specific (full name, "
                "e-mail address or phone number), check with dryRun, or erase records one by one with record.",
            )
        with self.catalog.purge_after():  # one rewrite of the store for all of them
            records = [self._erase(record, match=match, mentioned=[e.version for e in events], dry_run=dry_run)
                       for record, events in sorted(found.items())]
            removed = self._drop_quarantine(lambda text: any(n.casefold() in text.casefold() for n in needles(match)), dry_run)
        return ErasureReport(dry_run, match, records, removed)

    def erase_record(self, key_or_iri: str, *, dry_run: bool) -> ErasureReport:
        """Erase the personal data of one record (its key on this node, or its IRI)."""
        record = self.publisher.resolve_key(key_or_iri.strip())  # None for what no record can be called
        if record is None or self.catalog.meta(record) is None:
            raise NotFound("Dieses Projekt gibt es hier nicht.", "There is no such project here.", record=record or key_or_iri)
        with self.catalog.purge_after():
            result = self._erase(record, match=None, mentioned=[], dry_run=dry_run)
            removed = self._drop_quarantine(lambda text: record + "/versions/" in text, dry_run)
        return ErasureReport(dry_run, None, [result], removed)

    def _erase(self, record: str, *, match: str | None, mentioned: list[int], dry_run: bool) -> ErasedRecord:
        meta = self.catalog.meta(record)
        assert meta is not None
        stored = self.catalog.get(record)
        triples = list(stored.triples) if stored is not None else []
        summary = self.catalog.summary(record) or {}
        history = [e for e in self.catalog.events_of(record) if not e.compacted]
        out = ErasedRecord(
            record=record, title=str(summary.get("title") or ""), local=meta.local, origin=meta.origin,
            origin_name=self.node_name(meta.origin), action="nothing-to-erase", mentioned_in=mentioned,
        )
        cleaned = without_personal_data(triples)
        if match is not None:
            text = canonical_ntriples(cleaned).casefold() if cleaned else ""
            out.still_mentioned = any(n.casefold() in text for n in needles(match))
        if meta.local:
            out.action = "erased"
            out.erased_versions = [e.version for e in history if e.version <= meta.version]
            out.new_version = meta.version + 1
            if not dry_run:
                self._commit_erasure(record, meta, cleaned)
            out.message, out.message_en = (
                f"Version {out.new_version} ohne personenbezogene Daten veröffentlicht; frühere Versionen gelöscht. "
                "Partnerknoten löschen sie beim nächsten Abgleich.",
                f"Published version {out.new_version} without personal data; earlier versions erased. "
                "Peers erase them at their next sync.",
            )
        else:
            earlier = [e.version for e in history if e.version < meta.version]
            current_personal = bool(personal_triples(triples)) or (match is not None and meta.version in mentioned)
            out.erased_versions = earlier
            if earlier and not dry_run:
                self.catalog.compact_history(record, meta.version)
            who = out.origin_name or meta.origin
            if current_personal:
                out.action = "origin-must-erase"
                out.message, out.message_en = (
                    f"Dieser Eintrag stammt von „{who}“ ({meta.origin}). Nur dieser Knoten kann die aktuelle Fassung "
                    "ändern: Bitte leiten Sie den Antrag dorthin weiter (Art. 17 Abs. 2, Art. 19 DSGVO). Nach der "
                    "Löschung dort und dem nächsten Abgleich ist er auch hier gelöscht."
                    + (" Die hier gehaltenen früheren Versionen wurden gelöscht." if earlier else ""),
                    f"This record comes from “{who}” ({meta.origin}). Only that node can change its current version: "
                    "please forward the request there (Art. 17(2), Art. 19 GDPR). Once it has erased it, the next sync "
                    "erases it here too." + (" The earlier versions held here were erased." if earlier else ""),
                )
            elif earlier:
                out.action = "copies-erased"
                out.message, out.message_en = (
                    f"Die hier gehaltenen früheren Versionen wurden gelöscht; die aktuelle Fassung von „{who}“ enthält "
                    "keine personenbezogenen Daten.",
                    f"The earlier versions held here were erased; the current version from “{who}” holds no personal data.",
                )
        if out.still_mentioned:
            out.message += (" Achtung: Der gesuchte Text steht auch im übrigen Inhalt (z. B. in der Beschreibung). "
                             "Bitte dort entfernen (lassen) oder das Projekt zurückziehen und die Löschung wiederholen.")
            out.message_en += (" Note: the text also appears in the rest of the content (e.g. the description). "
                               "Have it removed there, or withdraw the project, and erase again.")
        log.info("erasure record=%s action=%s versions=%s dry_run=%s", record, out.action, out.erased_versions, dry_run)
        return out

    def _commit_erasure(self, record: str, meta: Any, cleaned: list[Any]) -> None:
        """The erasing version of one of this node's records: a new signed version (or tombstone)."""
        if meta.deleted:
            draft = Draft(record, None, meta.visibility, meta.record_type, expected_version=meta.version, erase=True)
        else:
            graph = RecordGraph(record, cleaned, meta.record_type, meta.visibility)
            errors = errors_only(self.publisher.validate([graph]).get(record, []))
            if errors:
                raise InvalidRecord(errors, "Ohne die personenbezogenen Daten wäre der Eintrag ungültig.",
                                    "Without the personal data the record would be invalid.")
            draft = Draft(record, cleaned, meta.visibility, meta.record_type, expected_version=meta.version, erase=True)
        self.catalog.commit_local([draft])

    def _drop_quarantine(self, matches: Any, dry_run: bool) -> int:
        """Remove quarantined copies (refused members, with their payload and reason) that match."""
        import json

        gone = [e for e in load_entries(self.catalog) if matches(json.dumps(e.as_doc(), ensure_ascii=False))]
        if gone and not dry_run:
            self.catalog.put_docs({(QUARANTINE, e.key): None for e in gone})
            self.catalog.request_purge()
        return len(gone)


__all__ = ["ErasedRecord", "Erasure", "ErasureReport", "needles"]
