"""The inventory as a node extension: an in-memory snapshot kept current from the change log.

Start-up reads every stored summary in one pass (``catalog.summaries()``); after that each change
log entry re-reads the one record it names (``catalog.summary(iri)``, ``None`` for a withdrawn
record). A background thread follows the log (``wait_for_change``) so pages find the snapshot
current, and every request also checks ``catalog.last_seq`` first, so a change is visible to the
next request even before the thread has seen it (read your writes).

Figures (and their JSON/CSV renderings) are cached per snapshot; a change starts a fresh cache.
The thread then recomputes the figures asked for most recently (once the log has been quiet for a
moment), so pages that people look at stay warm while records come and go. Only figures with the
default parameters are warmed: a caller who tries many parameter combinations pays for each once,
and does not make the node recompute them all after every change.

The cache is bounded by entries and by (estimated) bytes, so that callers asking for many large
variants (every ``limit``, ``offset`` and ``maxKm``) cannot make it grow without end.
"""

from __future__ import annotations

import logging
import pickle
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel

from kb.errors import NotFound
from kb.ontology.filters import resolve_filters
from kb.ontology.register import Municipality, Register
from kb.ontology.vocabulary import Vocabularies
from kb.store import Catalog

from . import schemas as s
from .facts import RecordFacts, Snapshot, counts_as_cooperation, facts_from_summary
from .figures import DEFAULT_MAX_KM, DEFAULT_NEIGHBOURS, Figures
from .nearby import Nearby
from .neighbours import neighbour_index
from .scope import EVERYTHING, Scope

log = logging.getLogger(__name__)

T = TypeVar("T")
F = TypeVar("F", bound=BaseModel)

CACHE_BYTES = 64_000_000
"""Estimated bytes of figures and renderings kept per snapshot (the default figures of every region
take a few MB; the rest is room for variants)."""


def weight(value: object) -> int:
    """Estimated memory of a cached value: its length for bytes, else a multiple of its pickled size
    (small dicts of short strings and floats take about five times their pickled bytes as Python
    objects). Cheap next to computing the value."""
    if isinstance(value, bytes | str):
        return len(value) + 64
    try:
        return 5 * len(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    except Exception:  # pragma: no cover - figures are plain data
        return 1_000_000


def potentials_defaults(limit: int, offset: int, neighbours: int, max_km: float, min_neighbours: int) -> bool:
    """Whether potentials are asked for as the page and its links ask (those are kept warm)."""
    return offset == 0 and limit <= 10 and (neighbours, float(max_km), min_neighbours) == (DEFAULT_NEIGHBOURS, DEFAULT_MAX_KM, 1)


class Inventory:
    """The Bestandsaufnahme of one node's catalogue (own and harvested records)."""

    def __init__(self, catalog: Catalog, register: Register, vocabularies: Vocabularies, *,
                 max_replay: int = 2000, cache_size: int = 512, cache_bytes: int = CACHE_BYTES, warm: int = 32) -> None:
        self.catalog = catalog
        self.register = register
        self.vocabularies = vocabularies
        self.figures = Figures(register, vocabularies)
        self.nearby = Nearby(self.figures)
        self.max_replay = max_replay
        """Behind by more log entries than this, reload all summaries instead of replaying."""
        self._snapshot: Snapshot | None = None
        self._refresh_lock = threading.Lock()
        self._cache: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        self._cache_seq = -1
        self._cache_lock = threading.Lock()
        self._cache_size = cache_size
        self._cache_bytes = cache_bytes
        self._cached_bytes = 0
        self._inflight: dict[tuple[int, Hashable], threading.Event] = {}
        self._recent: OrderedDict[Hashable, Callable[[], Any]] = OrderedDict()
        self._warm = warm
        """How many of the most recently asked-for figures to recompute after a change."""
        self._constants: dict[Hashable, Any] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.reloads = 0
        """Full reloads so far (for tests and the bench)."""

    # ------------------------------------------------------------------ life cycle

    def start(self) -> None:
        """Build the snapshot and the default neighbour table in the background, then follow the log."""
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._follow, name="kb-inventory", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout=10)

    def _follow(self) -> None:
        try:
            neighbour_index(self.register)
        except Exception:  # pragma: no cover - the register is static and tested
            log.exception("inventory: neighbour table failed")
        seen = -1
        while not self._stop.is_set():
            try:
                seq = self.snapshot().seq
                if seq != seen and seen != -1:
                    self._warm_recent(seq)
                seen = seq
            except Exception:
                if self._stop.is_set():
                    return
                log.exception("inventory: refresh failed; retrying")
                self._stop.wait(2.0)
                continue
            if self.catalog.wait_for_change(seq, timeout=0.25):  # short, so that stop() returns quickly
                self._settle()

    def _settle(self, quiet: float = 0.2, longest: float = 2.0) -> None:
        """Wait until the log has been quiet for ``quiet`` seconds (at most ``longest``): a bulk import or
        harvest round is followed once, not after each of its records."""
        deadline = time.monotonic() + longest
        while time.monotonic() < deadline and not self._stop.is_set():
            if not self.catalog.wait_for_change(self.catalog.last_seq, timeout=quiet):
                return

    def _warm_recent(self, seq: int) -> None:
        with self._cache_lock:
            recipes = list(self._recent.items())
        for key, produce in reversed(recipes):
            if self._stop.is_set() or self.catalog.last_seq != seq:
                return  # outdated already: the next round warms the newer state
            try:
                self.memo(key, produce)
            except Exception:  # a figure that fails now fails for its next caller too, with the error shown there
                log.debug("inventory: warming %r failed", key, exc_info=True)

    # ------------------------------------------------------------------ the snapshot

    def snapshot(self) -> Snapshot:
        """The records as of the catalogue's latest change."""
        snap = self._snapshot
        if snap is not None and snap.seq == self.catalog.last_seq:
            return snap
        with self._refresh_lock:
            snap = self._snapshot
            target = self.catalog.last_seq
            if snap is None or target - snap.seq > self.max_replay:
                snap = self._load()
            elif snap.seq != target:
                snap = self._replay(snap)
            self._snapshot = snap
            return snap

    def _load(self) -> Snapshot:
        seq = self.catalog.last_seq  # before reading: later changes are replayed again, harmlessly
        records = {iri: facts_from_summary(iri, s, self.register) for iri, s in self.catalog.summaries().items() if counts_as_cooperation(s)}
        self.reloads += 1
        return Snapshot(seq, records)

    def _replay(self, snap: Snapshot) -> Snapshot:
        records: dict[str, RecordFacts] = dict(snap.records)
        seq = snap.seq
        while seq < self.catalog.last_seq:
            events = self.catalog.events_since(seq, limit=500)
            if not events:
                break
            for event in events:
                summary = self.catalog.summary(event.record)
                if summary is None or not counts_as_cooperation(summary):
                    records.pop(event.record, None)
                else:
                    records[event.record] = facts_from_summary(event.record, summary, self.register)
            seq = events[-1].seq
        return Snapshot(seq, records)

    def memo(self, key: Hashable, compute: Callable[[], T], seq: int | None = None) -> T:
        """``compute()`` once per snapshot and key (figures, and their JSON/CSV renderings).

        Concurrent callers of the same key wait for the first one instead of computing it again. A
        caller working on an older snapshot than the cache computes without caching.
        """
        seq = self.snapshot().seq if seq is None else seq
        while True:
            with self._cache_lock:
                if seq > self._cache_seq:
                    self._cache.clear()
                    self._cached_bytes = 0
                    self._inflight = {k: e for k, e in self._inflight.items() if k[0] >= seq}
                    self._cache_seq = seq
                if seq < self._cache_seq:
                    return compute()
                if key in self._cache:
                    self._cache.move_to_end(key)
                    return self._cache[key][0]  # type: ignore[no-any-return]
                running = self._inflight.get((seq, key))
                if running is None:
                    done = self._inflight[(seq, key)] = threading.Event()
                    break
            running.wait(timeout=60)
        try:
            value = compute()
            size = weight(value)
            with self._cache_lock:
                if self._cache_seq == seq and size <= self._cache_bytes:
                    self._cache[key] = (value, size)
                    self._cached_bytes += size
                    while len(self._cache) > self._cache_size or self._cached_bytes > self._cache_bytes:
                        self._cached_bytes -= self._cache.popitem(last=False)[1][1]
            return value
        finally:
            with self._cache_lock:
                self._inflight.pop((seq, key), None)
            done.set()

    def produce(self, key: Hashable, produce: Callable[[], T], warm: bool = True) -> T:
        """``produce()`` cached for the current snapshot, and (if ``warm``) remembered for warming after changes.

        ``produce`` must work from scratch (ask the inventory for its figure, then render it), since it
        is called again for later snapshots. Pass ``warm=False`` for variants with other than the
        default parameters.
        """
        if warm:
            with self._cache_lock:
                self._recent[key] = produce
                self._recent.move_to_end(key)
                while len(self._recent) > self._warm:
                    self._recent.popitem(last=False)
        return self.memo(key, produce)

    def cached_bytes(self) -> int:
        """Estimated bytes held by the cache now (for tests and the bench)."""
        with self._cache_lock:
            return self._cached_bytes

    def cached_keys(self) -> list[Hashable]:
        """Keys of what is computed for the catalogue's current state (empty right after a change)."""
        with self._cache_lock:
            return list(self._cache) if self._cache_seq == self.catalog.last_seq else []

    def constant(self, key: Hashable, compute: Callable[[], T]) -> T:
        """Computed once for the life of the inventory (what depends only on the register and vocabularies)."""
        if key not in self._constants:
            self._constants[key] = compute()
        return self._constants[key]  # type: ignore[no-any-return]

    # ------------------------------------------------------------------ filters

    def resolve_scope(self, *, state: str | None = None, regierungsbezirk: str | None = None, kreis: str | None = None,
                      task_areas: Sequence[str] = ()) -> Scope:
        """A scope from codes or names (``NW``, ``059`` or ``Arnsberg``, ``05974`` or ``Soest``, ``02`` or ``Standesamt``); 422 if unknown."""
        return Scope.of(resolve_filters(self.vocabularies, self.register, state=state, regierungsbezirk=regierungsbezirk, kreis=kreis,
                                        task_areas=task_areas, region=True))

    def resolve_municipality(self, key: str) -> Municipality:
        """By AGS/ARS (404 if unknown) or by name (422 if unknown or ambiguous, with candidates)."""
        key = key.strip()
        if key.isdigit():
            found = self.register.get(key)
            if found is None:
                raise NotFound("Diese Gemeinde gibt es im amtlichen Gemeindeverzeichnis nicht. Bitte prüfen Sie den Gemeindeschlüssel.",
                               "There is no municipality with this key in the official register.", ags=key)
            return found
        return self.register.resolve(key, None, "ags")

    # ------------------------------------------------------------------ figures

    def _figure(self, name: str, scope: Scope, include_network: bool, compute: Callable[..., F], warm: bool = True,
                **params: Any) -> F:
        def build() -> F:
            snap = self.snapshot()
            view = snap.view(include_network, scope.task_areas)
            scoped = view.in_scope(scope)
            head = self.figures.scope_out(scope, include_network, snap.seq, len(scoped), sum(r.illustrative for r in scoped))
            return compute(view, scope, head, **params)

        if not warm:  # a variant: only its rendering (JSON or CSV bytes) is cached, by the caller
            return build()
        return self.produce((name, scope, include_network, tuple(sorted(params.items()))), build, warm=warm)

    def overview(self, scope: Scope = EVERYTHING, *, include_network: bool = False) -> s.OverviewOut:
        return self._figure("overview", scope, include_network, self.figures.overview)

    def task_areas(self, scope: Scope = EVERYTHING, *, include_network: bool = False) -> s.TaskAreasOut:
        return self._figure("task-areas", scope, include_network, self.figures.task_areas)

    def legal_forms(self, scope: Scope = EVERYTHING, *, include_network: bool = False) -> s.LegalFormsOut:
        return self._figure("legal-forms", scope, include_network, self.figures.legal_forms)

    def kreise(self, scope: Scope = EVERYTHING, *, include_network: bool = False) -> s.KreiseOut:
        return self._figure("kreise", scope, include_network, self.figures.kreise)

    def municipalities(self, scope: Scope = EVERYTHING, *, include_network: bool = False) -> s.MunicipalitiesOut:
        return self._figure("municipalities", scope, include_network, self.figures.municipalities)

    def matrix(self, scope: Scope = EVERYTHING, *, include_network: bool = False) -> s.MatrixOut:
        return self._figure("matrix", scope, include_network, self.figures.matrix)

    def potentials(self, scope: Scope = EVERYTHING, *, include_network: bool = False, task_area: str | None = None, limit: int = 10,
                   offset: int = 0, neighbours: int = DEFAULT_NEIGHBOURS, max_km: float = DEFAULT_MAX_KM,
                   min_neighbours: int = 1) -> s.PotentialsOut:
        return self._figure("potentials", scope, include_network, self.nearby.potentials,
                            warm=potentials_defaults(limit, offset, neighbours, max_km, min_neighbours), task_area=task_area, limit=limit,
                            offset=offset, neighbours=neighbours, max_km=float(max_km), min_neighbours=min_neighbours)

    def priorities(self, scope: Scope = EVERYTHING, *, include_network: bool = False) -> s.PrioritiesOut:
        return self._figure("priorities", scope, include_network, self.figures.priorities)

    def municipality(self, ags: str, *, include_network: bool = False, neighbours: int = DEFAULT_NEIGHBOURS,
                     max_km: float = DEFAULT_MAX_KM) -> s.MunicipalityOut:
        """A municipality's cooperations, what its neighbours do, and suggested partners."""
        m = self.resolve_municipality(ags)

        def build() -> s.MunicipalityOut:
            snap = self.snapshot()
            return self.nearby.municipality(snap.view(include_network), m, seq=snap.seq, include_network=include_network,
                                             neighbours=neighbours, max_km=float(max_km))

        if (neighbours, float(max_km)) != (DEFAULT_NEIGHBOURS, DEFAULT_MAX_KM):  # a variant: see _figure
            return build()
        return self.produce(("municipality", m.ags, include_network, neighbours, float(max_km)), build)

    def data_time(self, seq: int) -> str | None:
        """When the change log reached ``seq`` (ISO timestamp): the date of the data a figure rests on."""
        if seq <= 0:
            return None
        found = self.catalog.event(seq)
        return found[0].timestamp if found else None

    def regions(self) -> s.RegionsOut:
        """The Länder, Regierungsbezirke and Kreise the filters accept (from the register; never changes)."""
        return self.constant("regions", self.figures.regions)
