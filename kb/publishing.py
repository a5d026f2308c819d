"""Publishing records: from JSON or RDF to a validated, signed version in the catalogue.

The API, the web forms and ``kb import`` all come through here, so every path meets the same
rules: names resolved against the register, SHACL validation in batches, a record limit, and
the rule that nobody changes what another node or another publisher owns.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pyoxigraph import BlankNode, NamedNode, Quad, Triple

from kb.auth import Principal
from kb.errors import BadRequest, Forbidden, InvalidRecord, KbError, NotFound, TooLarge, Violation
from kb.ontology.namespaces import DCT, RDF
from kb.ontology.rdfio import Format, parse_rdf, skolemize
from kb.ontology.records import RECORD_TYPE_NAMES, RecordGraph, RecordMapper, parse_project_json, record_type_of, visibility_of
from kb.ontology.text import fold, slug
from kb.ontology.validation import RecordValidator, errors_only
from kb.store.model import ChangeEvent, Draft, content_hash
from kb.store.oxigraph import OxigraphCatalog

log = logging.getLogger(__name__)

NEW_RECORD = "urn:kb:new"
"""Base IRI for RDF input: ``<>`` or relative IRIs in a POSTed document mean 'the new record'."""


@dataclass(frozen=True)
class Published:
    iri: str
    event: ChangeEvent | None
    """None when nothing changed (same content as stored)."""
    warnings: list[Violation] = field(default_factory=list)


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
    def __init__(self, catalog: OxigraphCatalog, mapper: RecordMapper, validator: RecordValidator, *, base_url: str, max_triples: int) -> None:
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
        """``standesamtverbund-hellweg-3f2a1c`` or a full IRI → the record IRI."""
        if key.startswith(("http://", "https://")):
            return key
        return self.records_base + key

    def is_local(self, iri: str) -> bool:
        return iri.startswith(self.records_base)

    # ------------------------------------------------------------------ building graphs

    def graph_from_json(self, iri: str, data: dict[str, Any]) -> RecordGraph:
        graph = self.mapper.to_graph(iri, parse_project_json(data))
        self._check_size(graph.triples)
        return graph

    def graph_from_rdf(self, iri: str | None, body: bytes, fmt: Format) -> RecordGraph:
        """A record graph from an RDF document; ``iri=None`` mints a new IRI from its title."""
        quads = parse_rdf(body, fmt, base_iri=NEW_RECORD, max_triples=self.max_triples)
        if iri is None:
            titles = [q.object.value for q in quads if q.predicate == DCT.title]
            iri = self.mint(titles[0] if titles else "projekt")
        return self.graph_from_quads(iri, quads)

    def new_graph_from_json(self, data: Any) -> RecordGraph:
        title = data.get("title") if isinstance(data, dict) else None
        return self.graph_from_json(self.mint(title if isinstance(title, str) else "projekt"), data)

    def graph_from_quads(self, iri: str, quads: Sequence[Quad]) -> RecordGraph:
        subjects = {q.subject for q in quads if q.predicate == RDF.type and q.object.value in RECORD_TYPE_NAMES}
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
        given = root.value
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

    def _check_size(self, triples: Sequence[Triple]) -> None:
        if len(triples) > self.max_triples:
            raise TooLarge(
                f"Der Eintrag ist zu groß ({len(triples)} Tripel, erlaubt sind {self.max_triples}).",
                f"The record is too large ({len(triples)} triples, at most {self.max_triples}).",
                limit=self.max_triples,
            )

    def validate(self, graphs: Sequence[RecordGraph]) -> dict[str, list[Violation]]:
        return self.validator.validate({g.iri: g.triples for g in graphs})

    # ------------------------------------------------------------------ writes

    def publish(self, principal: Principal, graph: RecordGraph, *, expected_version: int | None = None, create: bool) -> Published:
        """Validate and store one record version (create, or replace an existing one)."""
        principal.require_publisher()
        current = self.catalog.meta(graph.iri)
        if create and current is not None:
            raise Forbidden("Diese Adresse ist bereits vergeben.", "This record IRI is already taken.", record=graph.iri)
        if not create:
            self._check_may_change(principal, graph.iri)
        violations = self.validate([graph]).get(graph.iri, [])
        errors = errors_only(violations)
        if errors:
            raise InvalidRecord(errors)
        warnings = [v for v in violations if v.severity != "violation"]
        if current is not None and not current.deleted and current.content_hash == content_hash(graph.triples) and current.visibility == graph.visibility:
            return Published(graph.iri, None, warnings)
        docs = {("owner", graph.iri): principal.id} if create else None
        events = self.catalog.commit_local(
            [Draft(graph.iri, graph.triples, graph.visibility, graph.record_type, expected_version)], docs=docs
        )
        return Published(graph.iri, events[0], warnings)

    def withdraw(self, principal: Principal, iri: str, *, expected_version: int | None = None) -> ChangeEvent:
        principal.require_publisher()
        self._check_may_change(principal, iri)
        meta = self.catalog.meta(iri)
        assert meta is not None
        return self.catalog.commit_local([Draft(iri, None, meta.visibility, meta.record_type, expected_version)])[0]

    def _check_may_change(self, principal: Principal, iri: str) -> None:
        meta = self.catalog.meta(iri)
        if meta is None:
            raise NotFound("Dieses Projekt gibt es hier nicht.", "There is no such project here.")
        if not meta.local or not self.is_local(iri):
            raise Forbidden(
                "Dieser Eintrag stammt von einem anderen Knoten und kann nur dort geändert werden.",
                "This record belongs to another node and can only be changed there.",
                origin=meta.origin,
            )
        owner = self.catalog.get_doc("owner", iri)
        if not principal.is_admin and owner not in (None, principal.id):
            raise Forbidden(
                "Diesen Eintrag hat eine andere Stelle veröffentlicht; nur sie (oder die Administration) kann ihn ändern.",
                "Another publisher owns this record; only they (or the admin) can change it.",
            )

    # ------------------------------------------------------------------ bulk

    def import_items(self, principal: Principal, items: Iterable[tuple[str, dict[str, Any] | Sequence[Quad]]], batch_size: int = 200) -> ImportReport:
        """Import many records (the bulk path): map, validate per batch, commit per batch.

        ``items`` are (label for the report, JSON dict or parsed quads). A record's IRI is its
        ``key`` if given, else derived from its content, so importing the same file twice
        changes nothing. Invalid items are reported with their reasons, never dropped silently.
        """
        principal.require_publisher()
        report = ImportReport()
        batch: list[tuple[str, RecordGraph]] = []
        for label, item in items:
            try:
                graph = self._import_graph(item)
            except KbError as exc:
                report.failed.append((label, _reasons(exc)))
                continue
            batch.append((label, graph))
            if len(batch) >= batch_size:
                self._commit_batch(principal, batch, report)
                batch = []
        if batch:
            self._commit_batch(principal, batch, report)
        return report

    def _import_graph(self, item: dict[str, Any] | Sequence[Quad]) -> RecordGraph:
        if isinstance(item, dict):
            if "__error__" in item:
                raise BadRequest(str(item["__error__"]), str(item["__error__"]))
            data = dict(item)
            key = data.pop("key", None) or data.pop("id", None)
            if key:
                iri = self.iri_for_key(str(key))
            else:
                title = str(data.get("title", ""))
                iri = self.mint(title, stable_from=fold(title) + "|" + str(data.get("participants", "")))
            if not self.is_local(iri):
                raise Forbidden("Einträge unter den Adressen eines anderen Knotens können hier nicht angelegt werden.",
                                "Records under another node's IRIs cannot be created here.", record=iri)
            return self.graph_from_json(iri, data)
        subjects = [q.subject.value for q in item if q.predicate == RDF.type and q.object.value in RECORD_TYPE_NAMES]
        given = subjects[0] if len(subjects) == 1 else ""
        iri = given if self.is_local(given) else self.mint("projekt", stable_from=given or str(len(item)))
        return self.graph_from_quads(iri, item)

    def _commit_batch(self, principal: Principal, batch: list[tuple[str, RecordGraph]], report: ImportReport) -> None:
        results = self.validate([g for _, g in batch])
        drafts, docs = [], {}
        for label, graph in batch:
            errors = errors_only(results.get(graph.iri, []))
            if errors:
                report.failed.append((label, [v.as_dict() for v in errors]))
                continue
            current = self.catalog.meta(graph.iri)
            if current is not None and not current.deleted and current.content_hash == content_hash(graph.triples):
                report.unchanged += 1
                continue
            if current is not None and not current.local:
                report.failed.append((label, [{"field": "id", "message": "Eintrag eines anderen Knotens / another node's record"}]))
                continue
            if current is None:
                report.created += 1
                docs[("owner", graph.iri)] = principal.id
            else:
                report.updated += 1
            report.triples += len(graph.triples)
            drafts.append(Draft(graph.iri, graph.triples, graph.visibility, graph.record_type))
        if drafts:
            self.catalog.commit_local(drafts, docs=docs)


def _rename(t: Triple, old: str, new: str) -> Triple:
    def ren(term: Any) -> Any:
        if isinstance(term, NamedNode) and (term.value == old or term.value.startswith(old + "#")):
            return NamedNode(new + term.value[len(old):])
        return term

    return Triple(ren(t.subject), t.predicate, ren(t.object))


def _reasons(exc: KbError) -> list[dict[str, Any]]:
    if isinstance(exc, InvalidRecord):
        return [v.as_dict() for v in exc.violations]
    return [{"field": "record", "message": exc.message, "message_en": exc.message_en}]


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
