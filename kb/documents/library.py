"""Documents attached to records: upload, download rights, mirrors from peers, clean-up.

The record is the source of truth. A document is part of a record's signed graph (``ikz:document``
with title, type, licence, URL, SHA-256, size and extracted text; kb/ontology/records.py), so it
is published, federated, signed, withdrawn and erased exactly like the record. The bytes live
beside the store in ``DocumentFiles`` under their hash. This class keeps the two in step:

- **attach**: check the upload (``formats.inspect``), read its text in a child process
  (``extract.extract_text``), store the file, then publish a new version of the record with the
  document added, through the one write path (``Publisher.publish``: owner, SHACL, If-Match);
- **who may download**: a file is served when a live record this node holds attaches it and the
  caller may see that record and the document's licence (``network``: members only);
- **mirrors**: a background thread follows the change log; for each harvested record's document
  that this node does not have, it fetches the file from the origin node's own address through
  the federation's ``Fetcher`` (the one outbound policy), within ``KB_DOCUMENT_MIRROR_BUDGET``,
  and keeps it only if its SHA-256 is the one the origin signed and its bytes are a PDF, ODT or
  DOCX (a peer must not make this node serve other kinds of files under its name). Network-only
  files are fetched only with the peer token we hold for the origin. A node that does not answer
  costs one deadline per round: its other files wait for the next round. A file whose fetch failed
  waits a growing pause before its next attempt (``kb/documents/retries.py``), so broken addresses
  are not asked again in every round;
- **clean-up**: a file no live record attaches any more (withdrawn, erased, detached) is deleted.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

from pyoxigraph import Triple

from kb.auth import Principal
from kb.config import Settings
from kb.documents.extract import extract_text
from kb.documents.files import HASH, DocumentFiles, sha256_of
from kb.documents.formats import download_name, inspect, sniff
from kb.documents.quota import check_upload_room
from kb.documents.retries import MirrorRetries, clock_time
from kb.errors import BadRequest, NotFound
from kb.federation.fetch import PeerBusy, PeerTimeout, PeerUnreachable
from kb.ontology.namespaces import IKZ
from kb.ontology.records import DocumentIn, RecordGraph, RecordMapper, record_type_of, visibility_of
from kb.ontology.terms import value
from kb.publishing import Publisher
from kb.store import Catalog

log = logging.getLogger(__name__)

UNANSWERED = "failed, no answer"
"""Outcome prefix of a mirror attempt whose node did not answer (timeout, refused, unreachable)."""
MIRROR_ACCEPT = "application/pdf, application/vnd.oasis.opendocument.text, " \
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document;q=0.9, */*;q=0.1"


class Fetches(Protocol):
    """What mirroring needs of the federation: its one outbound client and the token for a node."""

    def get(self, url: str, *, scope: str, accept: str, token: str | None = None, etag: str | None = None,
            max_bytes: int | None = None) -> Any: ...


@dataclass(frozen=True)
class Attachment:
    """One record's reference to a file."""

    record: str
    licence: str
    visibility: str
    local: bool
    origin: str
    url: str | None
    size: int | None

    @property
    def public(self) -> bool:
        return self.licence != "network" and self.visibility == "public"


@dataclass(frozen=True)
class Download:
    path: Any
    media_type: str
    file_name: str
    sha256: str


class DocumentLibrary:
    def __init__(self, catalog: Catalog, publisher: Publisher, mapper: RecordMapper, settings: Settings, *,
                 fetcher: Fetches | None = None, token_for: Callable[[str, str], str | None] | None = None) -> None:
        self.catalog = catalog
        self.publisher = publisher
        self.mapper = mapper
        self.settings = settings
        self.files = DocumentFiles(settings.data_dir / "documents")
        self.fetcher = fetcher
        self.token_for = token_for or (lambda _node, _url: None)
        """The peer token for (origin node, URL), only when the URL is on that peer's own origin."""
        self._lock = threading.RLock()
        self._seen = -1
        self._by_hash: dict[str, list[Attachment]] = {}
        self._by_record: dict[str, list[str]] = {}
        self._refused: dict[str, str] = {}
        """Hashes a mirror attempt refused, with why (not retried until the record changes)."""
        self.retries = MirrorRetries()
        """Hashes whose fetch failed, and when they may be tried again."""
        self._round = threading.Lock()
        """One mirror round at a time (the background thread and a direct call share the back-off)."""
        self.rounds = 0
        self.last_outcomes: dict[str, str] = {}
        """The outcome of each file the last mirror round looked at (``later: retry after 14:05 UTC``, …)."""
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ attach / detach

    def attach(self, principal: Principal, iri: str, data: bytes, file_name: str, *, title: str, doc_type: str,
               licence: str = "cc-by-4.0", expected_version: int | None = None, text: str | None = None) -> dict[str, Any]:
        """Check, read and store an uploaded file, and publish the record with it attached; the document's JSON."""
        principal.require_publisher()
        self.publisher.authorize_change(principal, iri)
        found = inspect(data, file_name, max_bytes=self.settings.document_max_bytes)
        sha = sha256_of(data)
        check_upload_room(self.files, sha, found.size, self.settings.document_upload_budget)  # early, to spare the extraction; again below, under the lock
        if text is None:
            read = extract_text(data, found.media_type, max_pages=self.settings.document_max_pages,
                                max_chars=self.settings.document_text_max_chars, timeout=self.settings.document_extract_timeout)
            if not read.ok and not read.timed_out:
                raise BadRequest(f"{read.problem} Bitte prüfen Sie, ob sich die Datei öffnen lässt.",
                                 f"The file cannot be read as {found.media_type}. Please check that it opens.")
            text = read.text
        stored = self.catalog.get_live(iri, include_network=True)
        if licence == "network" and visibility_of(stored.triples, iri) != "network":
            text = None  # the stream of a public record is public: a members-only file's text must not ride in it
        entry = DocumentIn(title=title, type=doc_type, licence=licence or "cc-by-4.0", sha256=sha,
                           url=self.url_of(sha), mediaType=found.media_type, size=found.size, fileName=found.file_name,
                           text=text or None)
        with self._lock:  # the clean-up never sees the file before the record that attaches it
            stored = self.catalog.get_live(iri, include_network=True)
            version = expected_version if expected_version is not None else stored.meta.version
            kept = [t for t in stored.triples if not _is_document_of(t, sha)]
            triples = kept + self.mapper.document_triples(iri, entry)
            # the check and the store under one lock: no two uploads both fit alone
            check_upload_room(self.files, sha, found.size, self.settings.document_upload_budget)
            new = not self.files.has(sha)
            self.files.put(data, mirrored=False)
            try:
                self.publisher.publish(principal, RecordGraph(iri, triples, record_type_of(triples, iri), visibility_of(triples, iri)),
                                       expected_version=version, create=False)
            except BaseException:
                self._refresh()
                if new and sha not in self._by_hash:
                    self.files.delete(sha)  # the record refused it: the file must not hold the budget until the next clean-up
                raise
            self._refresh()
        return next(d for d in self.mapper.to_json(iri, triples)["documents"] if d["sha256"] == sha)

    def detach(self, principal: Principal, iri: str, sha: str, *, expected_version: int | None = None) -> None:
        """Publish the record without the document; the file goes once nothing attaches it."""
        principal.require_publisher()
        self.publisher.authorize_change(principal, iri)
        with self._lock:
            stored = self.catalog.get_live(iri, include_network=True)
            node = _document_node(stored.triples, sha)
            if node is None:
                raise NotFound("Dieses Dokument ist dem Projekt nicht beigefügt.", "This document is not attached to the record.")
            triples = [t for t in stored.triples if not _is_document_of(t, sha) and value(t.subject) != node]
            self.publisher.publish(principal, RecordGraph(iri, triples, record_type_of(triples, iri), visibility_of(triples, iri)),
                                   expected_version=expected_version, create=False)
            self.collect()

    def url_of(self, sha: str) -> str:
        return f"{self.publisher.base_url}/documents/{sha}"

    # ------------------------------------------------------------------ downloads

    def download(self, sha: str, *, can_see_network: bool) -> Download:
        """The file for ``GET /documents/{sha}``; NotFound if it is not here or not for this caller."""
        with self._lock:
            self._refresh()
            refs = list(self._by_hash.get(sha, ()))
        allowed = [r for r in refs if r.public or can_see_network]
        if not HASH.match(sha) or not allowed or not self.files.has(sha):
            raise NotFound("Dieses Dokument gibt es hier nicht.", "There is no such document here.")
        stored = self.catalog.get(allowed[0].record)
        doc = next((d for d in self.mapper.to_json(allowed[0].record, stored.triples)["documents"] if d["sha256"] == sha),
                   None) if stored else None
        if doc is None:
            raise NotFound("Dieses Dokument gibt es hier nicht.", "There is no such document here.")
        media_type = doc.get("mediaType") or "application/octet-stream"
        return Download(self.files.path(sha), media_type, download_name(doc.get("fileName"), media_type, f"dokument-{sha[:8]}"), sha)

    def available(self, sha: str) -> bool:
        return self.files.has(sha)

    # ------------------------------------------------------------------ the index of attachments

    def _refresh(self) -> None:
        """Follow the change log: which records attach which files (from the stored summaries)."""
        last = self.catalog.last_seq
        if self._seen == last:
            return
        if self._seen < 0:
            for iri, summary in self.catalog.summaries().items():
                self._index(iri, summary)
        else:
            seen = self._seen
            while seen < last:
                events = self.catalog.events_since(seen, limit=500)
                if not events:
                    break
                for event in events:
                    self._index(event.record, self.catalog.summary(event.record))
                    for sha in [sha for sha, record in self._refused.items() if record == event.record]:
                        del self._refused[sha]  # a new version: try its files again
                    self.retries.record_changed(event.record)
                seen = events[-1].seq
        self._seen = last

    def _index(self, iri: str, summary: dict[str, Any] | None) -> None:
        for sha in self._by_record.pop(iri, []):
            left = [a for a in self._by_hash.get(sha, []) if a.record != iri]
            if left:
                self._by_hash[sha] = left
            else:
                self._by_hash.pop(sha, None)
        if not summary or not summary.get("documents"):
            return
        meta = self.catalog.meta(iri)
        if meta is None:
            return
        hashes = []
        for d in summary["documents"]:
            sha = str(d.get("sha256") or "")
            if not HASH.match(sha):
                continue
            hashes.append(sha)
            self._by_hash.setdefault(sha, []).append(Attachment(
                iri, str(d.get("licence") or ""), str(summary.get("visibility") or "public"), meta.local, meta.origin,
                d.get("url"), d.get("size") if isinstance(d.get("size"), int) else None))
        self._by_record[iri] = hashes

    def attachments(self, sha: str) -> list[Attachment]:
        with self._lock:
            self._refresh()
            return list(self._by_hash.get(sha, ()))

    # ------------------------------------------------------------------ clean-up

    def collect(self) -> list[str]:
        """Delete files that no live record attaches (withdrawn, erased, detached); the deleted hashes."""
        with self._lock:
            self._refresh()
            gone = [sha for sha in self.files.stored() if sha not in self._by_hash]
            for sha in gone:
                self.files.delete(sha)
                log.info("document %s deleted: no record attaches it any more", sha[:12])
            return gone

    # ------------------------------------------------------------------ mirrors

    def mirror(self) -> dict[str, str]:
        """Fetch the files of harvested records that are missing here, within the budget; hash → outcome."""
        if self.fetcher is None:
            return {}
        with self._round:
            outcomes = self._mirror_round()
            self.rounds += 1
            self.last_outcomes = outcomes
            return outcomes

    def _mirror_round(self) -> dict[str, str]:
        with self._lock:
            self._refresh()
            missing = [(sha, refs) for sha, refs in self._by_hash.items()
                       if not self.files.has(sha) and not any(r.local for r in refs)]
            self.retries.keep_only({sha for sha, _ in missing})  # bounded: only files still wanted
            for sha in [sha for sha in self._refused if sha not in self._by_hash]:
                del self._refused[sha]
            wanted = [(sha, refs) for sha, refs in missing if sha not in self._refused]
        outcomes: dict[str, str] = {}
        budget = self.settings.document_mirror_budget
        used = self.files.mirrored_bytes() if wanted else 0
        silent: set[str] = set()
        """Origins that did not answer in this round: their other files wait for the next one, so a
        peer naming many files behind a dead or dripping address costs one deadline, not one per file."""
        for sha, refs in wanted:
            ref = next((r for r in refs if r.public), None) or refs[0]
            size = ref.size or 0
            if size > self.settings.document_max_bytes or used + size > budget:
                outcomes[sha] = "over budget"
                continue
            if ref.url and _origin(ref.url) in silent:
                outcomes[sha] = "later: its node did not answer"
                continue
            if (until := self.retries.waiting_until(sha)) is not None:
                outcomes[sha] = f"later: retry after {clock_time(until)}"
                continue
            outcomes[sha] = self._mirror_one(sha, ref, room=budget - used)
            if outcomes[sha].startswith(UNANSWERED) and ref.url:
                silent.add(_origin(ref.url))
            if outcomes[sha] == "mirrored":
                used = self.files.mirrored_bytes()
        return outcomes

    def _mirror_one(self, sha: str, ref: Attachment, room: int) -> str:
        assert self.fetcher is not None
        if not ref.url or urlsplit(ref.url).scheme not in ("http", "https"):
            return "no address"
        if _origin(ref.url) != _origin(ref.origin):
            return "not at its origin"  # a node serves its own files: never fetch a record's URL elsewhere
        token = None
        if not ref.public:
            token = self.token_for(ref.origin, ref.url)
            if token is None:
                return "network only, no token"
        parts = urlsplit(ref.url)
        try:
            fetched = self.fetcher.get(ref.url, scope=f"{parts.scheme}://{parts.netloc}", accept=MIRROR_ACCEPT, token=token,
                                       max_bytes=max(1, min(self.settings.document_max_bytes, room)))
        except (PeerTimeout, PeerUnreachable) as exc:
            return f"{UNANSWERED}: {exc}{self._pause(sha, ref, exc)}"
        except Exception as exc:  # noqa: BLE001 - FetchError and the like: try again after a pause
            return f"failed: {exc}{self._pause(sha, ref, exc)}"  # also a file larger than its record said and than the budget has room for
        got = sha256_of(fetched.body)
        if got != sha:
            self._refused[sha] = ref.record
            log.warning("document %s from %s refused: its bytes have SHA-256 %s, not the one the record names",
                        sha[:12], ref.url, got[:12])
            return "refused: hash mismatch"
        if sniff(fetched.body) is None:  # the origin signed it, but this node does not serve other kinds of files
            self._refused[sha] = ref.record
            log.warning("document %s from %s refused: its bytes are not a PDF, ODT or DOCX", sha[:12], ref.url)
            return "refused: not a PDF, ODT or DOCX"
        with self._lock:
            self.files.put(fetched.body, mirrored=True)
        self.retries.succeeded(sha)
        log.info("document %s mirrored from %s (%d bytes)", sha[:12], ref.url, len(fetched.body))
        return "mirrored"

    def _pause(self, sha: str, ref: Attachment, exc: Exception) -> str:
        """Note a failed fetch: the hash waits before its next attempt; the outcome's tail naming when."""
        until = self.retries.failed(sha, ref.record, at_least=exc.retry_after if isinstance(exc, PeerBusy) else None)
        log.info("document %s not mirrored from %s: %s; next attempt after %s", sha[:12], ref.url, exc, clock_time(until))
        return f" (retry after {clock_time(until)})"

    def refused(self) -> dict[str, str]:
        return dict(self._refused)

    # ------------------------------------------------------------------ background work

    def start(self, interval: float = 5.0) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._follow, args=(interval,), name="kb-documents", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None

    def _follow(self, interval: float) -> None:
        seq = -1
        due: float | None = None
        """When the earliest pause of a failed file ends: a round then even if nothing changed."""
        while not self._stop.is_set():
            try:
                if self.catalog.last_seq != seq or (due is not None and self.retries.clock() >= due):
                    seq = self.catalog.last_seq
                    started = self.retries.clock()
                    self.collect()
                    self.mirror()
                    due = self.retries.next_due(started)
            except Exception:  # noqa: BLE001 - the thread must outlive any one failure
                log.exception("document mirror round failed")
            self._stop.wait(interval)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _is_document_of(t: Triple, sha: str) -> bool:
    """The record's link to the document node of ``sha`` or any triple about that node."""
    fragment = f"#document-{sha[:16]}"
    return value(t.subject).endswith(fragment) or (t.predicate == IKZ.document and value(t.object).endswith(fragment))


def _document_node(triples: list[Triple], sha: str) -> str | None:
    for t in triples:
        if t.predicate == IKZ.sha256 and value(t.object) == sha:
            return value(t.subject)
    return None

