"""The harvester: an LDES consumer that copies peers' streams into this node's catalogue.

Per peer and round: resume at the cursor (page URL and last stream position), fetch only pages from
there on (the newest with If-None-Match), and for every member after the cursor

1. read it (well-formed member graph, member IRI = ``{record}/versions/{n}``),
2. check the record IRI lies under its origin node's base URL, and skip our own records,
3. skip it early if we already hold this version or a newer one (replays, second paths),
4. verify the origin's ``eddsa-rdfc-2022`` signature with the origin's pinned key,
5. validate the record with the shapes (one batch per page),

then store the good ones and advance the cursor in ONE transaction (``commit_received``), with the
refused ones in quarantine. A bad member never stops the page; a bad page stops only its peer.
Three things overlap: the peer serves page k+1 (fetched by a helper thread) while page k is read
and checked, and page k-1 is committed by a worker thread (the store releases the GIL while it
writes), one page at a time and in order.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urldefrag

from kb.federation.fetch import Fetched, Fetcher, FetchError, origin_of
from kb.federation.keys import KeyRing, KeyUnavailable
from kb.federation.members import MemberError, ParsedMember, key_iri, parse_member, parse_payload, verify_member, version_iri
from kb.federation.pages import ACCEPT, PageError, PageMemberGraph, read_page
from kb.federation.peers import CURSOR, PEER, Cursor, PeerConfig, PeerHealth, base_of
from kb.federation.quarantine import QUARANTINE, QuarantineEntry, erased_entries, load_entries, quarantine_docs
from kb.gcpause import gc_paused
from kb.ontology.record_rules import is_own_subject, is_register_node
from kb.ontology.terms import value
from kb.ontology.validation import RecordValidator, errors_only
from kb.store.catalog import Catalog, PreparedMembers
from kb.store.model import ChangeEvent, Member, now_timestamp

log = logging.getLogger(__name__)

MAX_PAGES_PER_ROUND = 100_000


class HarvestError(Exception):
    """A peer's stream cannot be followed (loop, broken page, link to elsewhere); the round for that peer ends."""


class BudgetExhausted(HarvestError):
    """The round's time budget ran out while the peer's stream still went on.

    ``progress``: the stream positions advanced this round (a big stream, continued next round);
    without progress it looks like an endless chain of pages and counts as a failure (backoff).
    """

    def __init__(self, message: str, *, progress: bool) -> None:
        super().__init__(message)
        self.progress = progress


@dataclass
class PeerResult:
    peer: str
    url: str
    ok: bool = True
    state: str = "synced"
    pages: int = 0
    stored: int = 0
    skipped: int = 0
    quarantined: int = 0
    unchanged: bool = False
    error: str | None = None
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "peer": self.peer, "url": self.url, "ok": self.ok, "state": self.state, "pages": self.pages,
            "stored": self.stored, "skipped": self.skipped, "quarantined": self.quarantined,
            "unchanged": self.unchanged, "error": self.error, "seconds": round(self.seconds, 3), "notes": self.notes,
        }


@dataclass
class Checked:
    members: list[Member] = field(default_factory=list)
    quarantine: list[QuarantineEntry] = field(default_factory=list)
    skipped: int = 0
    erased: list[str] = field(default_factory=list)
    """Keys of quarantine entries of versions that accepted members erase (``kbm:erasedBefore``)."""
    legacy: int = 0
    """Members accepted with a proof in kb's pre-specification form (see ParsedMember.legacy)."""

    def docs(self) -> dict[tuple[str, str], object | None]:
        """The quarantine changes to commit with the page: new entries, and erased ones removed."""
        out: dict[tuple[str, str], object | None] = {(QUARANTINE, key): None for key in self.erased}
        out.update(quarantine_docs(self.quarantine))
        return out


class _PageCommits:
    """Stores the pages of one peer in order, one commit at a time, in a worker thread.

    While page k is written (the store releases the GIL), page k+1 is fetched, read, verified and
    validated. Each page still commits in one transaction with the cursor that points past it, and
    page k+1 is not submitted before page k's commit has ended, so the cursor never runs ahead of the
    records. Checking page k+1 may not yet see page k's records; ``commit_received`` decides "newest
    wins" again under the write lock, so that only costs a little wasted checking.
    """

    def __init__(self, catalog: Catalog, cfg: PeerConfig, result: PeerResult) -> None:
        self.catalog = catalog
        self.cfg = cfg
        self.result = result
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"kb-commit-{cfg.id}")
        self._pending: tuple[Future[tuple[list[ChangeEvent], list[tuple[Member, str]]]], str, Checked] | None = None

    def prepare(self, checked: Checked) -> PreparedMembers:
        """This page's records in their stored form (canonical text, hash, summary), in the harvest
        thread: the commit thread only numbers, checks versions and calls the store."""
        return self.catalog.prepare_received(checked.members)

    def submit(self, url: str, checked: Checked, prepared: PreparedMembers, docs: dict[tuple[str, str], object | None]) -> None:
        """Wait for the previous page's commit (raising its error), then start this page's."""
        self.wait()
        self._pending = (self._pool.submit(self.catalog.commit_received, prepared, docs=docs), url, checked)

    def wait(self) -> None:
        """Wait for the commit in flight, if any, and count it; raises the commit's error."""
        if self._pending is None:
            return
        future, url, checked = self._pending
        self._pending = None
        events, skipped = future.result()
        result = self.result
        result.stored += len(events)
        result.skipped += checked.skipped + len(skipped)
        result.quarantined += len(checked.quarantine)
        if checked.legacy:
            result.notes.append(f"{url}: {checked.legacy} Mitglieder mit Signatur im alten Format übernommen "
                                f"(Übergangszeit, siehe docs/federation.md)")
            log.warning("harvest peer=%s page=%s: %d members with legacy proofs accepted", self.cfg.id, url, checked.legacy)
        if events:
            log.info("harvest peer=%s page=%s stored=%d records=%s", self.cfg.id, url, len(events),
                     ",".join(e.record.rsplit("/", 1)[-1] for e in events[:5]) + ("…" if len(events) > 5 else ""))

    def close(self) -> None:
        """Let a commit still in flight end (also when the harvest stops with an error)."""
        try:
            self.wait()
        finally:
            self._pool.shutdown(wait=True)


@dataclass(frozen=True)
class HarvestLimits:
    """How much one harvest round may take (from the node's settings)."""

    budget: float
    """Seconds one peer's round may run; a longer stream goes on in the next round."""
    max_record_triples: int
    """Largest record a member may carry (the same limit as for records published here)."""
    max_workers: int = 8
    """Peers harvested at the same time."""


class Harvester:
    """Copies peers' streams into the catalogue: the node's own identity only to skip its own records."""

    def __init__(self, catalog: Catalog, validator: RecordValidator, fetcher: Fetcher, keyring: KeyRing,
                 limits: HarvestLimits, *, own_node: str) -> None:
        self.catalog = catalog
        self.validator = validator
        self.fetcher = fetcher
        self.keyring = keyring
        self.limits = limits
        self.own_node = own_node
        self.health: dict[str, PeerHealth] = {}

    # ------------------------------------------------------------------ peers

    def peers(self) -> list[PeerConfig]:
        out = []
        for doc in self.catalog.docs(PEER).values():
            if isinstance(doc, dict):
                out.append(PeerConfig.from_doc(doc))
        return sorted(out, key=lambda p: p.id)

    def peer(self, peer_id: str) -> PeerConfig | None:
        doc = self.catalog.get_doc(PEER, peer_id)
        return PeerConfig.from_doc(doc) if isinstance(doc, dict) else None

    def health_of(self, peer_id: str) -> PeerHealth:
        if peer_id not in self.health:
            self.health[peer_id] = PeerHealth()
        return self.health[peer_id]

    def cursor(self, peer_id: str) -> Cursor:
        return Cursor.from_doc(self.catalog.get_doc(CURSOR, peer_id))

    # ------------------------------------------------------------------ rounds

    def sync_all(self, *, on_demand: bool, only: Iterable[str] | None = None) -> list[PeerResult]:
        """One round over all peers (or ``only`` these), concurrently; answers when all are done."""
        wanted = set(only) if only is not None else None
        peers = [p for p in self.peers() if wanted is None or p.id in wanted]
        if not peers:
            return []
        # An erasure harvested in this round leaves the store's files when the round ends (one rewrite).
        with self.catalog.purge_after(), \
                ThreadPoolExecutor(max_workers=min(self.limits.max_workers, len(peers)), thread_name_prefix="kb-harvest") as pool:
            return list(pool.map(lambda p: self.sync_peer(p, on_demand=on_demand), peers))

    def sync_peer(self, cfg: PeerConfig, *, on_demand: bool) -> PeerResult:
        health = self.health_of(cfg.id)
        result = PeerResult(cfg.id, cfg.url)
        allowed, wait = health.may_fetch(on_demand=on_demand)
        if not allowed:
            result.ok, result.state = False, health.state
            result.error = f"wartet noch {wait:.0f} s (zuletzt: {health.last_error})"
            return result
        if not health.lock.acquire(timeout=self.limits.budget):
            result.ok, result.state, result.error = False, "syncing", "Abgleich läuft bereits"
            return result
        started = time.monotonic()
        try:
            health.started()
            self._retry_quarantined(cfg, result)
            self._harvest(cfg, result, deadline=started + self.limits.budget)
            health.succeeded()
        except BudgetExhausted as exc:
            if exc.progress:
                health.partial(str(exc))
            else:
                health.failed(str(exc))
            result.ok, result.error = False, str(exc)
            log.warning("harvest peer=%s incomplete: %s", cfg.id, exc)
        except (FetchError, PageError, HarvestError) as exc:
            health.failed(str(exc), getattr(exc, "retry_after", None))
            result.ok, result.error = False, str(exc)
            log.warning("harvest peer=%s failed: %s", cfg.id, exc)
        except Exception as exc:  # a bug must not kill the round for the other peers
            health.failed(f"interner Fehler: {type(exc).__name__}: {exc}")
            result.ok, result.error = False, f"interner Fehler: {exc}"
            log.exception("harvest peer=%s crashed", cfg.id)
        finally:
            result.state = health.state
            result.seconds = time.monotonic() - started
            health.lock.release()
        log.info(
            "harvest peer=%s ok=%s pages=%d stored=%d skipped=%d quarantined=%d seconds=%.2f",
            cfg.id, result.ok, result.pages, result.stored, result.skipped, result.quarantined, result.seconds,
        )
        return result

    @staticmethod
    def scope_of(cfg: PeerConfig) -> str:
        """The one origin this peer's harvest may contact (and send its token to): its configured URL's."""
        return origin_of(cfg.url) or cfg.url

    def _own_link(self, cfg: PeerConfig, link: str, what: str) -> str:
        """``link`` if it lies on the peer's own origin; a HarvestError that says why otherwise."""
        if origin_of(link) != self.scope_of(cfg):
            raise HarvestError(
                f"{what} zeigt auf {link}, nicht auf die Adresse des Partners ({self.scope_of(cfg)}); "
                "kb folgt nur Verweisen auf die eigene Adresse des Partners"
            )
        return link

    def _first_page(self, cfg: PeerConfig) -> str:
        got = self.fetcher.get(self._own_link(cfg, cfg.stream, "Der Strom des Partners"), scope=self.scope_of(cfg),
                               accept=ACCEPT, token=cfg.token)
        stream = read_page(got.body, got.content_type, got.url)
        if not stream.view:
            raise HarvestError(f"Strom {cfg.stream} nennt keine Ansicht (tree:view)")
        return self._own_link(cfg, stream.view, f"Die Ansicht (tree:view) von {cfg.stream}")

    def _harvest(self, cfg: PeerConfig, result: PeerResult, *, deadline: float) -> None:
        cursor = start = self.cursor(cfg.id)
        url = cursor.page or self._first_page(cfg)
        visited: set[str] = set()
        commits = _PageCommits(self.catalog, cfg, result)
        fetches = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"kb-fetch-{cfg.id}")

        scope = self.scope_of(cfg)
        exhausted = False

        def fetch(page_url: str) -> Fetched:
            return self.fetcher.get(page_url, scope=scope, accept=ACCEPT, token=cfg.token,
                                    etag=start.etag if page_url == start.page else None)

        upcoming: Future[Fetched] | None = fetches.submit(fetch, url)
        try:
            while True:
                if time.monotonic() > deadline:
                    exhausted = True
                    break
                if len(visited) >= MAX_PAGES_PER_ROUND:
                    raise HarvestError(f"mehr als {MAX_PAGES_PER_ROUND} Seiten in einer Runde; kb bricht bei {url} ab")
                if urldefrag(url)[0] in visited or upcoming is None:
                    raise HarvestError(f"next-Verweis-Schleife bei {url}: Seite wurde in dieser Runde schon gelesen")
                visited.add(urldefrag(url)[0])
                got, upcoming = upcoming.result(), None
                if got.status == 304:
                    result.unchanged = result.pages == 0
                    break
                result.pages += 1
                with gc_paused():  # a page is tens of thousands of small objects, none cyclic (kb/gcpause.py)
                    page = read_page(got.body, got.content_type, url)
                next_url = page.next_urls[0] if page.next_urls else None
                if next_url is not None:
                    # Checked before the page is stored: the cursor never points anywhere else.
                    self._own_link(cfg, next_url, f"Der next-Verweis (tree:relation) von {url}")
                if next_url is not None and urldefrag(next_url)[0] not in visited:
                    # The peer serves the next page while this one is checked and stored.
                    upcoming = fetches.submit(fetch, next_url)
                with gc_paused():
                    checked = self.check(cfg, [m for m in page.members if m.position is None or m.position > cursor.position])
                    prepared = commits.prepare(checked)
                positions = [m.position for m in page.members if m.position is not None]
                if len(page.next_urls) > 1:
                    result.notes.append(f"{url} hat {len(page.next_urls)} Relationen; kb folgt der ersten")
                # A complete page is never read again: the cursor moves on to its successor at once.
                cursor = Cursor(
                    page=next_url or url,
                    position=max([cursor.position, *positions]),
                    etag=None if next_url else got.etag,
                    received=cursor.received + len(checked.members),
                    last_success=now_timestamp() if next_url is None else cursor.last_success,
                )
                docs: dict[tuple[str, str], object | None] = {(CURSOR, cfg.id): cursor.as_doc()}
                docs.update(checked.docs())
                commits.submit(url, checked, prepared, docs)
                if next_url is None:
                    break
                url = next_url
            commits.wait()
        finally:
            fetches.shutdown(wait=False, cancel_futures=True)  # a prefetch still running ends on its own
            commits.close()
        if exhausted:
            progress = cursor.position > start.position
            raise BudgetExhausted(
                f"Zeitbudget von {self.limits.budget:.0f} s nach {result.pages} Seiten aufgebraucht, der Strom geht noch weiter: "
                + ("es geht in der nächsten Runde weiter" if progress else
                   "dabei kamen keine neuen Mitglieder – eine endlose Kette von Seiten?"),
                progress=progress,
            )
        cursor.last_success = now_timestamp()
        self.catalog.put_docs({(CURSOR, cfg.id): cursor.as_doc()})

    # ------------------------------------------------------------------ checking members

    def check(self, cfg: PeerConfig, graphs: Sequence[PageMemberGraph]) -> Checked:
        """Verify and validate the members of one page; see the module docstring for the steps."""
        out = Checked()
        limit = self.limits.max_record_triples + 20
        candidates: dict[str, tuple[ParsedMember, PageMemberGraph]] = {}
        readable: list[tuple[ParsedMember, PageMemberGraph]] = []
        for g in graphs:
            size = len(g.triples) + len(g.proof or ())
            if size > limit:
                out.quarantine.append(QuarantineEntry(cfg.id, g.member, f"Eintrag zu groß ({size} Tripel, erlaubt {limit})"))
                continue
            try:
                parsed = parse_member(g.member, g.triples, g.proof)
            except MemberError as exc:
                out.quarantine.append(QuarantineEntry(cfg.id, g.member, f"Mitglied unlesbar: {exc}"))
                continue
            problem = self._identity_problem(parsed)
            if problem:
                out.quarantine.append(self._entry(cfg, parsed, problem))
                continue
            if parsed.origin == self.own_node:
                out.skipped += 1  # our own record, back from a peer
                continue
            readable.append((parsed, g))
        # What the store holds of the page's records, read at once: on a store server one query per
        # page instead of one round trip per member.
        held_now = self.catalog.metas([parsed.record for parsed, _ in readable]) if readable else {}
        for parsed, g in readable:
            current = held_now.get(parsed.record)
            if current is not None and current.version >= parsed.version:
                out.skipped += 1  # already held (second path) or a replayed older version
                if current.version > parsed.version:
                    log.info("harvest peer=%s record=%s skipped older version %d (have %d)",
                             cfg.id, parsed.record, parsed.version, current.version)
                continue
            held = candidates.get(parsed.record)
            if held is not None and held[0].version >= parsed.version:
                out.skipped += 1
                continue
            if held is not None:
                out.skipped += 1
            candidates[parsed.record] = (parsed, g)
        verified = self._verify(cfg, [p for p, _ in candidates.values()], out)
        self._validate(cfg, verified, out)
        return out

    @staticmethod
    def _identity_problem(parsed: ParsedMember) -> str | None:
        if parsed.member != version_iri(parsed.record, parsed.version):
            return f"Mitglieds-IRI {parsed.member} passt nicht zu Eintrag und Version ({version_iri(parsed.record, parsed.version)})"
        base = base_of(parsed.origin)
        if base is None:
            return f"Herkunft {parsed.origin} ist kein kb-Knoten"
        if not parsed.record.startswith(base + "/"):
            return f"Eintrag {parsed.record} liegt nicht unter der Adresse seiner angeblichen Herkunft {parsed.origin}"
        if parsed.verification_method != key_iri(parsed.origin):
            return f"signiert mit {parsed.verification_method}, nicht mit dem Schlüssel der Herkunft {key_iri(parsed.origin)}"
        # The publishing rule, again: a record speaks only about itself. Each subject is looked at once,
        # in the order of the triples (a record has ~45 triples about a handful of subjects).
        for subject in dict.fromkeys(t.subject for t in parsed.record_triples):
            if not is_own_subject(parsed.record, value(subject)) and not is_register_node(subject):
                return f"enthält Aussagen über {value(subject)}, nicht nur über den Eintrag {parsed.record} selbst"
        return None

    def _entry(self, cfg: PeerConfig, parsed: ParsedMember, reason: str, *, retryable: bool = False) -> QuarantineEntry:
        return QuarantineEntry(
            peer=cfg.id, member=parsed.member, reason=reason, record=parsed.record, origin=parsed.origin,
            version=parsed.version, retryable=retryable, payload=parsed.payload if retryable else None,
        )

    def _key(self, cfg: PeerConfig, origin: str) -> str:
        if origin == cfg.node:
            return cfg.public_key
        return self.keyring.key_for(origin)

    def _verify(self, cfg: PeerConfig, parsed: list[ParsedMember], out: Checked) -> list[ParsedMember]:
        good = []
        for p in parsed:
            try:
                key = self._key(cfg, p.origin)
            except KeyUnavailable as exc:
                out.quarantine.append(self._entry(cfg, p, str(exc), retryable=exc.retryable))
                continue
            if not verify_member(p, key):
                out.quarantine.append(self._entry(cfg, p, f"Signatur ungültig: passt nicht zum Schlüssel von {p.origin}"))
                continue
            out.legacy += p.legacy
            good.append(p)
        return good

    def _validate(self, cfg: PeerConfig, parsed: list[ParsedMember], out: Checked) -> None:
        live = {p.record: p.record_triples for p in parsed if p.kind != "delete"}
        results = self.validator.validate(live) if live else {}
        for p in parsed:
            errors = errors_only(results.get(p.record, [])) if p.kind != "delete" else []
            if errors:
                reason = "SHACL: " + "; ".join(f"{v.field}: {v.message}" for v in errors[:5])
                out.quarantine.append(self._entry(cfg, p, reason))
                continue
            out.members.append(
                Member(
                    record=p.record, version=p.version, kind=p.kind, origin=p.origin, visibility=p.visibility,
                    timestamp=p.timestamp, member=p.member, payload=p.payload,
                    triples=p.record_triples if p.kind != "delete" else (), record_type=p.record_type,
                    received_from=cfg.node, verified=True, ntriples=p.record_ntriples if p.kind != "delete" else None,
                    erased_before=p.erased_before,
                )
            )
        horizons = {m.record: m.erased_before for m in out.members if m.erased_before}
        if horizons:  # a refused copy of an erased version must not outlive the erasure either
            out.erased += erased_entries(self.catalog, horizons)

    def _retry_quarantined(self, cfg: PeerConfig, result: PeerResult) -> None:
        """Members that waited for their origin's key: try them again now."""
        waiting = [e for e in load_entries(self.catalog) if e.peer == cfg.id and e.retryable and e.payload]
        if not waiting:
            return
        parsed = []
        for e in waiting:
            try:
                parsed.append((e, parse_payload(e.member, e.payload or "")))
            except MemberError:
                continue
        out = Checked()
        still = [p for _, p in parsed]
        verified = self._verify(cfg, still, out)
        self._validate(cfg, verified, out)
        if not verified:
            return
        done = {m.member for m in out.members} | {q.member for q in out.quarantine if not q.retryable}
        docs: dict[tuple[str, str], object | None] = {(QUARANTINE, e.key): None for e, _ in parsed if e.member in done}
        docs.update({(QUARANTINE, key): None for key in out.erased})
        docs.update(quarantine_docs([q for q in out.quarantine if not q.retryable]))
        events, _ = self.catalog.commit_received(out.members, docs=docs)
        result.stored += len(events)
        result.notes.append(f"{len(out.members)} zurückgestellte Mitglieder nach Schlüsselabruf übernommen")
        log.info("harvest peer=%s released %d quarantined members after their origin key was pinned", cfg.id, len(out.members))
