"""Publishing records: from JSON or RDF to a validated, signed version in the catalogue.

There is one write path. Every way in (``POST``/``PUT``/``DELETE /api/projects`` with JSON or any
RDF syntax, the web form, ``POST /api/import`` and ``kb import``) describes each record it wants to
write as a ``WritePlan`` and hands the plans to ``Publisher.run``, which applies the same checks in
the same order to each of them:

1. a publisher's token (``Principal.require_publisher``);
2. a safe key: the record IRI is ``{base}/projects/{key}`` with ``kb.ontology.text.is_record_key``;
3. the record's state and who may change it (``authorize_change``): create only what does not exist
   yet, change only local, live records that the principal owns (the admin: every local record;
   records without a recorded owner: only the admin);
4. the graph's content rules (``kb.ontology.record_rules``: triples only about the record and its
   fragments, finite numbers, consent for personal data) and then the SHACL shapes;
5. "unchanged" when the content is what is stored already (no new version);
6. one commit for all plans that passed.

A single write is a run of one plan whose failure is raised; the bulk path runs many plans at
once (SHACL and the commit are batched) and reports each failure per item, never for the batch.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pyoxigraph import BlankNode, NamedNode, Quad, Triple

from kb.auth import Principal
from kb.boerse.validity import horizon_violations, today_in_germany
from kb.errors import BadRequest, Conflict, Forbidden, Gone, InvalidRecord, KbError, NotFound, TooLarge, Violation
from kb.ontology.namespaces import DCT, RDF
from kb.ontology.rdfio import Format, parse_rdf, skolemize
from kb.ontology.record_rules import content_violations
from kb.ontology.records import RECORD_TYPE_NAMES, RecordGraph, RecordMapper, parse_project_json, record_type_of, visibility_of
from kb.ontology.terms import value
from kb.ontology.text import RECORD_KEY_MAX, fold, is_record_key, slug
from kb.ontology.validation import RecordValidator, errors_only
from kb.store import Catalog
from kb.store.model import ChangeEvent, Draft, RecordMeta, content_hash

log = logging.getLogger(__name__)

NEW_RECORD = "urn:kb:new"
"""Base IRI for RDF input: ``<>`` or relative IRIs in a POSTed document mean 'the new record'."""

Intent = Literal["create", "replace", "upsert", "withdraw"]
"""create: the IRI must be new; replace: it must exist; upsert (import): either; withdraw: tombstone."""


@dataclass(frozen=True)
class Published:
    iri: str
    event: ChangeEvent | None
    """None when nothing changed (same content as stored)."""
    warnings: list[Violation] = field(default_factory=list)


@dataclass
class WritePlan:
    """One record write, as every way in describes it."""

    iri: str
    intent: Intent
    graph: RecordGraph | None = None
    """The new content (None for a withdrawal)."""
    expected_version: int | None = None
    label: str = ""
    """What the import report calls this item."""


@dataclass
class Outcome:
    """What became of one plan."""

    plan: WritePlan
    status: Literal["pending", "created", "updated", "unchanged", "withdrawn", "failed"] = "pending"
    event: ChangeEvent | None = None
    warnings: list[Violation] = field(default_factory=list)
    error: KbError | None = None
    current: RecordMeta | None = None

    def fail(self, exc: KbError) -> None:
        self.status, self.error = "failed", exc


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list[tuple[str, list[dict[str, Any]]]] = field(default_factory=list)
    triples: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed


class Publisher:
    def __init__(self, catalog: Catalog, mapper: RecordMapper, validator: RecordValidator, *, base_url: str, max_triples: int) -> None:
        self.catalog = catalog
        self.mapper = mapper
        self.validator = validator
        self.base_url = base_url
        self.records_base = f"{base_url}/projects/"
        self.max_triples = max_triples

    # ------------------------------------------------------------------ identity

    def mint(self, title: str, stable_from: str | None = None) -> str:
        """A new record IRI under this node: readable slug plus a short random (or stable) suffix."""
        suffix = hashlib.sha256(stable_from.encode()).hexdigest()[:6] if stable_from else secrets.token_hex(3)
        return f"{self.records_base}{slug(title)}-{suffix}"

    def iri_for_key(self, key: str) -> str:
        """``standesamtverbund-hellweg-3f2a1c`` (or a full IRI, returned as it is) → the record IRI.

        Only builds the string: whether a record may live there is ``_check_key``'s to say.
        """
        if key.startswith(("http://", "https://")):
            return key
        return self.records_base + key

    def resolve_key(self, key: str) -> str | None:
        """The record IRI a URL path names (a local key or a full IRI), or None if no record can have it.

        For reading: a valid key, a full IRI of a harvested record, or a key stored before keys were
        checked (only if such a record exists). Anything else cannot name a record (404, not 500).
        """
        if key.startswith(("http:/", "https:/")) and not key.startswith(("http://", "https://")):
            key = key.replace(":/", "://", 1)  # proxies and browsers fold // in paths
        if key.startswith(("http://", "https://")):
            return key if _valid_iri(key) else None
        if is_record_key(key):
            return self.records_base + key
        iri = self.records_base + key
        if len(key) > 4 * RECORD_KEY_MAX or not _valid_iri(iri) or self.catalog.meta(iri) is None:
            return None
        return iri

    def is_local(self, iri: str) -> bool:
        return iri.startswith(self.records_base)

    def _stored(self, iri: str) -> RecordMeta | None:
        """The stored metadata of a local record IRI (None if there is none, or no catalogue)."""
        if self.catalog is None or not self.is_local(iri) or not _valid_iri(iri):
            return None
        return self.catalog.meta(iri)

    def _check_key(self, iri: str, current: RecordMeta | None) -> None:
        """New local records get safe keys only; records stored before the rule may still be changed."""
        if not self.is_local(iri):
            raise Forbidden(
                "Einträge unter den Adressen eines anderen Knotens können hier nicht angelegt oder geändert werden.",
                "Records under another node's IRIs cannot be created or changed here.",
                record=iri,
            )
        key = iri[len(self.records_base):]
        if not is_record_key(key) and (current is None or not _valid_iri(iri)):
            raise InvalidRecord([_bad_key(key)])

    # ------------------------------------------------------------------ building graphs

    def graph_from_json(self, iri: str, data: dict[str, Any]) -> RecordGraph:
        if isinstance(data, dict):
            data = self._with_stored_documents(iri, data)
        graph = self.mapper.to_graph(iri, parse_project_json(data))
        self._check_size(graph.triples)
        return graph

    def _with_stored_documents(self, iri: str, data: dict[str, Any]) -> dict[str, Any]:
        """Documents are attached by upload (kb/documents), never typed in: a JSON form without
        ``documents`` keeps the stored ones (the web form, a client that does not know them); one with
        ``documents`` may keep, retitle, retype or drop stored ones, whose file facts (URL, hash,
        size, text) always come from the stored record."""
        # (``kb validate`` checks files with a publisher without a catalogue: nothing is attached there)
        stored = self.catalog.get(iri) if self.catalog is not None and self.is_local(iri) else None
        known = {d["sha256"]: d for d in self.mapper.to_json(iri, stored.triples)["documents"]} if stored and stored.triples else {}
        given = data.get("documents")
        if given is None:
            given = [{"sha256": sha} for sha in known]
            if not given:
                return data
        if not isinstance(given, list):
            return data  # the JSON form's own check answers
        merged, violations = [], []
        for i, entry in enumerate(given):
            sha = entry.get("sha256") if isinstance(entry, dict) else None
            if not isinstance(sha, str) or sha not in known:  # {"sha256": {}} is no hash (fuzzing found a 500)
                violations.append(Violation(f"documents.{i}", "Dateien werden mit POST /api/projects/{key}/documents hochgeladen; "
                                            "hier lassen sich nur beigefügte Dokumente ändern oder entfernen.",
                                            "Files are uploaded with POST /api/projects/{key}/documents; here attached documents "
                                            "can only be changed or removed.", value=sha))
                continue
            doc = {**known[sha], **{k: entry[k] for k in ("title", "type", "licence") if k in entry}}
            if _code(doc.get("licence")) == "network" and _code(data.get("visibility")) != "network":
                doc["text"] = None  # a public record's stream is public: no members-only text in it
            merged.append(doc)
        if violations:
            raise InvalidRecord(violations)
        return {**data, "documents": merged}

    def graph_from_rdf(self, iri: str | None, body: bytes, fmt: Format) -> RecordGraph:
        """A record graph from an RDF document; ``iri=None`` mints a new IRI from its title."""
        quads = parse_rdf(body, fmt, base_iri=NEW_RECORD, max_triples=self.max_triples)
        if iri is None:
            titles = [value(q.object) for q in quads if q.predicate == DCT.title]
            iri = self.mint(titles[0] if titles else "projekt")
        return self.graph_from_quads(iri, quads)

    def new_graph_from_json(self, data: Any) -> RecordGraph:
        title = data.get("title") if isinstance(data, dict) else None
        return self.graph_from_json(self.mint(title if isinstance(title, str) else "projekt"), data)

    def graph_from_quads(self, iri: str, quads: Sequence[Quad]) -> RecordGraph:
        subjects = {q.subject for q in quads if q.predicate == RDF.type and value(q.object) in RECORD_TYPE_NAMES}
        if len(subjects) != 1:
            raise InvalidRecord(
                [Violation("type", "Das Dokument muss genau ein Projekt (ikz:CooperationProject, ikz:SharedServiceCenter "
                           f"oder ikz:SmartCityInitiative) beschreiben; gefunden: {len(subjects)}.",
                           f"The document must describe exactly one record; found {len(subjects)}.")]
            )
        root = subjects.pop()
        if isinstance(root, BlankNode):
            triples = self.mapper.complete_municipalities(iri, skolemize(quads, iri, root))
            self._check_size(triples)
            return RecordGraph(iri, triples, record_type_of(triples, iri), visibility_of(triples, iri))
        given = value(root)
        if given.startswith(("http://", "https://")) and given != iri:
            if not self.is_local(given):
                raise Forbidden(
                    "Einträge unter den Adressen eines anderen Knotens können hier nicht angelegt oder geändert werden.",
                    "Records under another node's IRIs cannot be created or changed here.",
                    record=given,
                )
        triples = self.mapper.complete_municipalities(iri, [_rename(t, given, iri) for t in skolemize(quads, given)])
        self._check_size(triples)
        return RecordGraph(iri, triples, record_type_of(triples, iri), visibility_of(triples, iri))

    def graph_for_item(self, item: dict[str, Any] | Sequence[Quad]) -> RecordGraph:
        """The record graph of one import item (JSON form or parsed RDF).

        Its IRI is the item's ``key`` (or ``id``) if given, else derived from its content, so
        importing the same file twice changes nothing.
        """
        if isinstance(item, dict):
            if "__error__" in item:
                raise BadRequest(str(item["__error__"]), str(item["__error__"]))
            data = dict(item)
            key, given_id = data.pop("key", None), data.pop("id", None)
            key = key or given_id
            if key:
                iri = self.iri_for_key(str(key))
            else:
                title = str(data.get("title", ""))
                iri = self.mint(title, stable_from=fold(title) + "|" + str(data.get("participants", "")))
            self._check_key(iri, self._stored(iri))
            return self.graph_from_json(iri, data)
        subjects = [value(q.subject) for q in item if q.predicate == RDF.type and value(q.object) in RECORD_TYPE_NAMES]
        given = subjects[0] if len(subjects) == 1 else ""
        if self.is_local(given) and is_record_key(given[len(self.records_base):]):
            iri = given
        else:
            iri = self.mint("projekt", stable_from=given or str(len(item)))
        return self.graph_from_quads(iri, item)

    def _check_size(self, triples: Sequence[Triple]) -> None:
        if len(triples) > self.max_triples:
            raise TooLarge(
                f"Der Eintrag ist zu groß ({len(triples)} Tripel, erlaubt sind {self.max_triples}).",
                f"The record is too large ({len(triples)} triples, at most {self.max_triples}).",
                limit=self.max_triples,
            )

    def reference_triple(self, t: Triple) -> bool:
        """Shared reference data a record may carry: a municipality exactly as the register describes it."""
        return t in self.mapper.municipality_triples(t.subject.value) if isinstance(t.subject, NamedNode) else False

    def validate(self, graphs: Sequence[RecordGraph]) -> dict[str, list[Violation]]:
        """Violations and warnings per record IRI: the content rules, then (for graphs that pass them) SHACL."""
        out: dict[str, list[Violation]] = {}
        clean = []
        today = today_in_germany()
        for g in graphs:
            problems = content_violations(g.iri, g.triples, self.reference_triple)
            if problems:
                out[g.iri] = problems
            else:
                clean.append(g)
            if too_far := horizon_violations(g.iri, g.triples, today):  # a Börse entry listed for ever (local writes only)
                out.setdefault(g.iri, []).extend(too_far)
        for iri, violations in self.validator.validate({g.iri: g.triples for g in clean}).items():
            out.setdefault(iri, []).extend(violations)
        return out

    # ------------------------------------------------------------------ who may change what

    def authorize_change(self, principal: Principal, iri: str) -> RecordMeta:
        """The stored record ``principal`` wants to change or withdraw, if they may (else 403/404/410).

        The rule: only local records, only live ones, and only by their owner (the publisher whose
        token created them) or the admin. A record without a recorded owner (one written before
        owners were recorded) is the admin's to change: nobody can prove it is theirs.
        """
        principal.require_publisher()
        meta = self.catalog.meta(iri) if _valid_iri(iri) else None
        if meta is None:
            raise NotFound("Dieses Projekt gibt es hier nicht.", "There is no such project here.")
        if not meta.local or not self.is_local(iri):
            raise Forbidden(
                "Dieser Eintrag stammt von einem anderen Knoten und kann nur dort geändert werden.",
                "This record belongs to another node and can only be changed there.",
                origin=meta.origin,
            )
        owner = self.catalog.get_doc("owner", iri)
        if not principal.is_admin and owner != principal.id:
            raise Forbidden(
                "Diesen Eintrag hat eine andere Stelle veröffentlicht; nur sie (oder die Administration) kann ihn ändern.",
                "Another publisher owns this record; only they (or the admin) can change it.",
            )
        if meta.deleted:
            raise Gone(
                "Dieses Projekt wurde zurückgezogen und kann nicht mehr geändert werden.",
                "This project has been withdrawn and can no longer be changed.",
            )
        return meta

    # ------------------------------------------------------------------ the one write path

    def run(self, principal: Principal, plans: Sequence[WritePlan]) -> list[Outcome]:
        """Check and write ``plans`` (see the module docstring); one outcome per plan, in order."""
        principal.require_publisher()
        outcomes = [Outcome(plan) for plan in plans]
        seen: set[str] = set()
        admitted: list[Outcome] = []
        for o in outcomes:
            try:
                o.current = self._admit(principal, o.plan, seen)
            except KbError as exc:
                o.fail(exc)
                continue
            admitted.append(o)
        results = self.validate([o.plan.graph for o in admitted if o.plan.graph is not None])
        ready: list[Outcome] = []
        for o in admitted:
            graph = o.plan.graph
            if graph is not None:
                violations = results.get(graph.iri, [])
                errors = errors_only(violations)
                if errors:
                    o.fail(InvalidRecord(errors))
                    continue
                o.warnings = [v for v in violations if v.severity != "violation"]
                current = o.current
                if current is not None and not current.deleted and current.content_hash == content_hash(graph.triples) \
                        and current.visibility == graph.visibility:
                    o.status = "unchanged"
                    continue
            ready.append(o)
        self._commit(principal, ready)
        return outcomes

    def _admit(self, principal: Principal, plan: WritePlan, seen: set[str]) -> RecordMeta | None:
        """Key, state and ownership of one plan; the stored record's metadata (None if new)."""
        iri = plan.iri
        if plan.graph is not None and plan.graph.iri != iri:  # pragma: no cover - built together
            raise BadRequest("Interner Fehler: Adresse und Inhalt passen nicht zusammen.", "Plan IRI and graph differ.")
        current = self._stored(iri)
        self._check_key(iri, current)
        if iri in seen:
            raise Conflict("Derselbe Eintrag kommt in einem Auftrag zweimal vor.", "The same record appears twice in one batch.", record=iri)
        seen.add(iri)
        if plan.intent == "create" and current is not None:
            raise Forbidden("Diese Adresse ist bereits vergeben.", "This record IRI is already taken.", record=iri)
        if plan.intent in ("replace", "withdraw") or (plan.intent == "upsert" and current is not None):
            current = self.authorize_change(principal, iri)
        if plan.intent != "withdraw":
            if plan.graph is None:  # pragma: no cover - built together
                raise BadRequest("Interner Fehler: kein Inhalt.", "Plan without content.")
            self._check_size(plan.graph.triples)
        return current

    def _commit(self, principal: Principal, ready: list[Outcome]) -> None:
        """One transaction for all; if it is refused (a record changed meanwhile), one per plan."""
        if not ready:
            return
        try:
            self._commit_together(principal, ready)
        except KbError as exc:
            if len(ready) == 1:
                ready[0].fail(exc)
                return
            for o in ready:
                try:
                    self._commit_together(principal, [o])
                except KbError as single:
                    o.fail(single)

    def _commit_together(self, principal: Principal, ready: list[Outcome]) -> None:
        drafts, docs = [], {}
        for o in ready:
            plan, graph = o.plan, o.plan.graph
            if graph is None:
                assert o.current is not None
                drafts.append(Draft(plan.iri, None, o.current.visibility, o.current.record_type, plan.expected_version))
                continue
            if o.current is None:
                docs[("owner", plan.iri)] = principal.id
            drafts.append(Draft(plan.iri, graph.triples, graph.visibility, graph.record_type, plan.expected_version))
        events = self.catalog.commit_local(drafts, docs=docs or None)
        for o, event in zip(ready, events, strict=True):
            o.event = event
            o.status = "withdrawn" if o.plan.graph is None else "created" if o.current is None else "updated"

    # ------------------------------------------------------------------ single writes

    def publish(self, principal: Principal, graph: RecordGraph, *, expected_version: int | None = None, create: bool) -> Published:
        """Validate and store one record version (create, or replace an existing one)."""
        plan = WritePlan(graph.iri, "create" if create else "replace", graph, expected_version)
        outcome = self.run(principal, [plan])[0]
        if outcome.error is not None:
            raise outcome.error
        return Published(graph.iri, outcome.event, outcome.warnings)

    def withdraw(self, principal: Principal, iri: str, *, expected_version: int | None = None) -> ChangeEvent:
        outcome = self.run(principal, [WritePlan(iri, "withdraw", None, expected_version)])[0]
        if outcome.error is not None:
            raise outcome.error
        assert outcome.event is not None
        return outcome.event

    # ------------------------------------------------------------------ bulk

    def import_items(self, principal: Principal, items: Iterable[tuple[str, dict[str, Any] | Sequence[Quad]]], batch_size: int = 200) -> ImportReport:
        """Import many records (the bulk path): the same plans and checks as single writes, run per batch.

        ``items`` are (label for the report, JSON dict or parsed quads). Each item becomes an
        "upsert" plan: created if new, replaced if it exists and the principal may change it.
        Invalid or refused items are reported with their reasons, never dropped silently, and never
        stop the others.
        """
        principal.require_publisher()
        report = ImportReport()
        batch: list[WritePlan] = []
        for label, item in items:
            try:
                graph = self.graph_for_item(item)
            except KbError as exc:
                report.failed.append((label, _reasons(exc)))
                continue
            batch.append(WritePlan(graph.iri, "upsert", graph, label=label))
            if len(batch) >= batch_size:
                self._run_batch(principal, batch, report)
                batch = []
        if batch:
            self._run_batch(principal, batch, report)
        return report

    def _run_batch(self, principal: Principal, batch: list[WritePlan], report: ImportReport) -> None:
        for o in self.run(principal, batch):
            if o.error is not None:
                report.failed.append((o.plan.label, _reasons(o.error)))
            elif o.status == "unchanged":
                report.unchanged += 1
            else:
                report.created += o.status == "created"
                report.updated += o.status == "updated"
                report.triples += len(o.plan.graph.triples) if o.plan.graph is not None else 0


def _rename(t: Triple, old: str, new: str) -> Triple:
    def ren(term: Any) -> Any:
        if isinstance(term, NamedNode) and (term.value == old or term.value.startswith(old + "#")):
            return NamedNode(new + term.value[len(old):])
        return term

    return Triple(ren(t.subject), t.predicate, ren(t.object))


def _reasons(exc: KbError) -> list[dict[str, Any]]:
    if isinstance(exc, InvalidRecord):
        return [v.as_dict() for v in exc.violations]
    return [{"field": "record", "message": exc.message, "message_en": exc.message_en, "error": exc.code, "status": exc.status}]


def _code(value: Any) -> str:
    """A concept as the JSON form gives it ({code}) or as people write it (a code)."""
    return str(value.get("code") or "") if isinstance(value, dict) else str(value or "")


def _valid_iri(iri: str) -> bool:
    """An IRI a record can have: absolute, accepted by the store (no spaces, ``<``, ``>``, ...), no fragment."""
    if "#" in iri:
        return False
    try:
        NamedNode(iri)
    except ValueError:
        return False
    return True


def _bad_key(key: str) -> Violation:
    shown = key if len(key) <= 80 else key[:77] + "..."
    return Violation(
        "key",
        f"„{shown}“ ist kein gültiger Schlüssel. Erlaubt sind Kleinbuchstaben, Ziffern und Bindestriche (nicht am Anfang oder "
        f"Ende), höchstens {RECORD_KEY_MAX} Zeichen, z. B. „standesamtverbund-hellweg“.",
        f"'{shown}' is not a valid key. Use lower-case letters, digits and inner hyphens, at most {RECORD_KEY_MAX} characters, "
        "e.g. 'standesamtverbund-hellweg'.",
        value=shown,
    )


IMPORT_SUFFIXES = {".json", ".jsonl", ".ttl", ".jsonld", ".nt", ".rdf", ".owl", ".xml", ".trig", ".nq"}


def iter_import_files(paths: Iterable[str | Path], max_triples: int = 100_000) -> Iterator[tuple[str, dict[str, Any] | Sequence[Quad]]]:
    """Items to import from files or folders: JSON (object, array, JSON lines) or RDF documents.

    A file that cannot be read yields an item whose problem the import reports, so nothing is
    skipped without a word.
    """
    from kb.ontology import safejson
    from kb.ontology.rdfio import FORMATS, parse_rdf

    by_suffix = {".ttl": "turtle", ".jsonld": "jsonld", ".nt": "ntriples", ".rdf": "rdfxml", ".owl": "rdfxml", ".xml": "rdfxml",
                 ".trig": "trig", ".nq": "nquads"}
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in IMPORT_SUFFIXES and p.is_file()))
        else:
            files.append(path)
    for path in files:
        suffix = path.suffix.lower()
        try:
            if suffix == ".jsonl":
                for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                    if line.strip():
                        yield f"{path}:{n}", safejson.loads(line)
            elif suffix == ".json":
                data = safejson.loads(path.read_bytes())
                items = data if isinstance(data, list) else [data]
                for n, item in enumerate(items, start=1):
                    yield f"{path}#{n}", item
            elif suffix in by_suffix:
                yield str(path), parse_rdf(path.read_bytes(), FORMATS[by_suffix[suffix]], base_iri=NEW_RECORD, max_triples=max_triples)
            else:
                yield str(path), {"__error__": f"Unbekannter Dateityp {suffix} / unknown file type"}
        except (OSError, ValueError, KbError) as exc:
            message = exc.message if isinstance(exc, KbError) else str(exc)
            yield str(path), {"__error__": message}
