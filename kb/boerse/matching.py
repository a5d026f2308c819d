"""Matches of a Börse entry, computed when asked for (nothing is stored).

For a request: cooperations in its task areas among the neighbours of the requesting
municipality (they know how it is done, and may take a partner in), open offers in its task
areas, and similar projects (search). For an offer: neighbouring municipalities without an active
cooperation in its task areas (who might join), and open requests in its task areas.

"Nearby" is the inventory's neighbour table (``kb/inventory/neighbours.py``), at its widest: the
30 nearest municipalities within 50 km, so that a request in a thinly settled Kreis still finds
something. Cooperations come from the inventory's snapshot (active ones only, as its partner
suggestions do), so the Börse and the Bestandsaufnahme agree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kb.errors import NotFound
from kb.inventory import Inventory
from kb.inventory.figures import project_ref
from kb.inventory.neighbours import MAX_KM, MAX_NEIGHBOURS, neighbour_table
from kb.ontology.records import BOERSE_TYPES
from kb.ontology.register import Municipality

from . import schemas as s
from .board import Board, Entry

if TYPE_CHECKING:
    from kb.search import SearchService

NEIGHBOURS = MAX_NEIGHBOURS
MAX_DISTANCE_KM = MAX_KM
SHOWN = 10
"""Matches shown per kind (nearest first)."""
SHOWN_CANDIDATES = 15


class Matcher:
    """Computes the matches of one entry from the board, the inventory and (if on) search."""

    def __init__(self, board: Board, inventory: Inventory, search: SearchService | None = None) -> None:
        self.board = board
        self.inventory = inventory
        self.search = search
        self.register = inventory.register
        self.figures = inventory.figures

    # ------------------------------------------------------------------ JSON pieces

    def place(self, m: Municipality) -> s.PlaceOut:
        return s.PlaceOut(ags=m.ags, name=m.short_name, kreis=self.figures.kreis_ref(m.kreis_key), state=m.land_code)

    def areas(self, codes: tuple[str, ...] | list[str] | set[str]) -> list[s.ConceptRef]:
        return [self.figures.concept_ref("taskArea", c) for c in sorted(codes)]

    def entry_out(self, e: Entry) -> s.EntryOut:
        return s.EntryOut(id=e.iri, type=e.type, title=e.title, taskAreas=self.areas(e.task_areas),
                          municipalities=[self.place(m) for m in e.municipalities], participantNames=list(e.participant_names),
                          state=e.state, validUntil=e.valid_until.isoformat() if e.valid_until else None, illustrative=e.illustrative,
                          modified=e.modified, origin=e.origin)

    # ------------------------------------------------------------------ matches

    def matches(self, iri: str, *, include_network: bool) -> s.MatchesOut:
        entry = self.board.get(iri)
        if entry is None or not (entry.public or include_network):
            raise NotFound("Diesen Eintrag der Kooperationsbörse gibt es hier nicht.", "There is no such entry of the cooperation exchange here.")
        out = s.MatchesOut(entry=self.entry_out(entry), open=entry.open_on(self.board.today()),
                           parameters={"neighbours": NEIGHBOURS, "maxKm": MAX_DISTANCE_KM})
        if not out.open:
            return out
        others = [e for e in self.board.open_of(self.board.entries().values())
                  if e.iri != entry.iri and (e.public or include_network) and set(e.task_areas) & set(entry.task_areas)]
        if entry.kind == "request":
            out.cooperationsNearby = self._cooperations_nearby(entry, include_network)
            out.offers = self._entry_matches(entry, [e for e in others if e.kind == "offer"])
            out.similarProjects = self._similar(entry, include_network)
        else:
            out.candidates = self._candidates(entry, include_network)
            out.requests = self._entry_matches(entry, [e for e in others if e.kind == "request"])
        return out

    def _neighbours(self, entry: Entry) -> dict[str, tuple[Municipality, float]]:
        """AGS → (neighbour, km to the nearest of the entry's municipalities), the entry's own left out."""
        table = neighbour_table(self.register, NEIGHBOURS, MAX_DISTANCE_KM)
        own = {m.ags for m in entry.municipalities}
        found: dict[str, tuple[Municipality, float]] = {}
        for m in entry.municipalities:
            for n in table.of(m.ags):
                other = n.municipality
                if other.ags not in own and (other.ags not in found or n.km < found[other.ags][1]):
                    found[other.ags] = (other, n.km)
        return found

    def _cooperations_nearby(self, entry: Entry, include_network: bool) -> list[s.CooperationNearby]:
        view = self.inventory.snapshot().view(include_network)
        best: dict[str, tuple[float, Municipality, set[str]]] = {}
        projects = {}
        for ags, (m, km) in self._neighbours(entry).items():
            for area in entry.task_areas:
                for r in view.active_by_area.get(area, {}).get(ags, ()):
                    projects[r.iri] = r
                    km_now, near, areas = best.get(r.iri, (km, m, set()))
                    if km < km_now:
                        km_now, near = km, m
                    areas.add(area)
                    best[r.iri] = (km_now, near, areas)
        ranked = sorted(best.items(), key=lambda item: (-len(item[1][2]), item[1][0], projects[item[0]].title))
        return [s.CooperationNearby(project=project_ref(projects[iri]), taskAreas=self.areas(areas), near=self.place(near), km=round(km, 1))
                for iri, (km, near, areas) in ranked[:SHOWN]]

    def _entry_matches(self, entry: Entry, others: list[Entry]) -> list[s.EntryMatch]:
        scored = [(entry.km_between(e), e) for e in others]
        scored.sort(key=lambda p: (p[0] is None, p[0] or 0.0, p[1].title))
        return [s.EntryMatch(entry=self.entry_out(e), sharedTaskAreas=self.areas(set(e.task_areas) & set(entry.task_areas)),
                             km=round(km, 1) if km is not None else None) for km, e in scored[:SHOWN]]

    def _candidates(self, entry: Entry, include_network: bool) -> list[s.Candidate]:
        view = self.inventory.snapshot().view(include_network)
        out = []
        for m, km in sorted(self._neighbours(entry).values(), key=lambda p: (p[1], p[0].ags)):
            missing = set(entry.task_areas) - view.active_areas_of(m.ags)
            if missing:
                out.append(s.Candidate(municipality=self.place(m), km=round(km, 1), missingTaskAreas=self.areas(missing)))
        return out[:SHOWN_CANDIDATES]

    def _similar(self, entry: Entry, include_network: bool) -> list[s.SimilarProject]:
        if self.search is None:
            return []
        try:
            result = self.search.similar(entry.iri, limit=SHOWN, include_network=include_network)
        except NotFound:  # not indexed yet: the page says nothing rather than failing
            return []
        out = []
        for hit in result.results:
            summary = self.inventory.catalog.summary(hit.id)
            if summary is None or summary.get("type") in BOERSE_TYPES:
                continue
            out.append(s.SimilarProject(project=s.ProjectRef(id=hit.id, title=str(summary.get("title") or hit.id),
                                                             type=str(summary.get("type") or "project"), status=summary.get("status")),
                                        relevance=round(float(hit.relevance), 3)))
        return out[:5]

    def near(self, m: Municipality) -> list[Entry]:
        """Open public entries a municipality might answer: by a municipality in its Kreis or among its
        neighbours (the same table as the matches), not its own. What its Atom feed lists."""
        table = neighbour_table(self.register, NEIGHBOURS, MAX_DISTANCE_KM)
        around = {n.municipality.ags for n in table.of(m.ags)}
        return [e for e in self.board.open()
                if m.ags not in {x.ags for x in e.municipalities}
                and (m.kreis_key in e.kreise or any(x.ags in around for x in e.municipalities))]
