"""Figures about what neighbours do: potentials per task area, and one municipality's page.

Both start from the precomputed neighbour table (``neighbours.py``); labels, regions and the
other figures' vocabulary come from :class:`~kb.inventory.figures.Figures`.
"""

from __future__ import annotations

from collections import Counter

from kb.ontology.register import Municipality, distance_km

from . import schemas as s
from .facts import ACTIVE_STATUSES, RecordFacts, View
from .figures import DEFAULT_MAX_KM, DEFAULT_NEIGHBOURS, Figures, counted, project_ref
from .neighbours import neighbour_table
from .scope import Scope

MAX_PARTNERS = 5
"""Suggested partners shown per candidate (the nearest; ``cooperatingNeighbours`` counts all)."""
MAX_PARTNER_PROJECTS = 2
MAX_PROJECTS = 5
"""Projects shown per partner and per candidate (``projectCount`` counts all)."""


class Nearby:
    """Computes the neighbourhood figures over the register's neighbour table."""

    def __init__(self, figures: Figures) -> None:
        self.figures = figures
        self.register = figures.register

    def potentials(
        self,
        view: View,
        scope: Scope,
        head: s.ScopeOut,
        *,
        task_area: str | None = None,
        limit: int = 10,
        offset: int = 0,
        neighbours: int = DEFAULT_NEIGHBOURS,
        max_km: float = DEFAULT_MAX_KM,
        min_neighbours: int = 1,
    ) -> s.PotentialsOut:
        table = neighbour_table(self.register, neighbours, max_km)
        region = self.figures.region(scope)
        in_region = {m.ags for m in region}
        areas: list[s.PotentialArea] = []
        for code in [task_area] if task_area else self.figures.area_codes(scope):
            cooperating = view.active_by_area.get(code, {})
            found: dict[str, list[tuple[str, float]]] = {}
            if len(region) <= len(cooperating):  # few municipalities to look at: ask each for its neighbours
                for m in region:
                    if m.ags not in cooperating:
                        near = [(n.municipality.ags, n.km) for n in table.of(m.ags) if n.municipality.ags in cooperating]
                        if near:
                            found[m.ags] = near
            else:  # few cooperating municipalities: ask each whose neighbour it is
                for c_ags in cooperating:
                    for n in table.whose(c_ags):
                        ags = n.municipality.ags
                        if ags in in_region and ags not in cooperating:
                            found.setdefault(ags, []).append((c_ags, n.km))
            candidates: list[tuple[Municipality, list[tuple[str, float]], int]] = []
            for ags, partners in found.items():
                if len(partners) < min_neighbours:
                    continue
                partners.sort(key=lambda p: (p[1], p[0]))
                run = len({r.iri for c_ags, _ in partners for r in cooperating[c_ags]})
                candidates.append((self.register.by_ags[ags], partners, run))
            candidates.sort(key=lambda c: (-len(c[1]), -c[2], c[1][0][1], c[0].population, c[0].ags))
            items = []
            for rank, (m, partners, run) in enumerate(candidates[offset:offset + limit], start=offset + 1):
                shown: dict[str, RecordFacts] = {}
                for c_ags, _ in partners:
                    for r in cooperating[c_ags]:
                        if len(shown) < MAX_PROJECTS:
                            shown.setdefault(r.iri, r)
                items.append(s.PotentialItem(
                    rank=rank,
                    ags=m.ags,
                    name=m.short_name,
                    kreis=self.figures.kreis_ref(m.kreis_key),
                    population=m.population,
                    lon=m.lon,
                    lat=m.lat,
                    neighbours=len(table.of(m.ags)),
                    cooperatingNeighbours=len(partners),
                    nearestKm=round(partners[0][1], 1),
                    partners=[
                        s.PartnerOut(ags=c_ags, name=self.register.by_ags[c_ags].short_name, km=round(km, 1),
                                     projectCount=len(cooperating[c_ags]),
                                     projects=[project_ref(r) for r in cooperating[c_ags][:MAX_PARTNER_PROJECTS]])
                        for c_ags, km in partners[:MAX_PARTNERS]
                    ],
                    projectCount=run,
                    projects=[project_ref(r) for r in shown.values()],
                ))
            areas.append(s.PotentialArea(
                taskArea=self.figures.concept_ref("taskArea", code),
                municipalities=len(region),
                cooperating=sum(1 for ags in cooperating if ags in in_region),
                candidates=len(candidates),
                offset=offset,
                items=items,
            ))
        return s.PotentialsOut(
            scope=head,
            parameters=s.PotentialParams(neighbours=neighbours, maxKm=max_km, minNeighbours=min_neighbours, limit=limit, offset=offset,
                                         activeStatuses=sorted(ACTIVE_STATUSES)),
            items=areas,
        )

    def municipality(
        self, view: View, m: Municipality, *, seq: int, include_network: bool, neighbours: int = DEFAULT_NEIGHBOURS,
        max_km: float = DEFAULT_MAX_KM, service_centers: int = 10,
    ) -> s.MunicipalityOut:
        table = neighbour_table(self.register, neighbours, max_km)
        own = view.by_ags.get(m.ags, [])
        own_areas = view.active_areas_of(m.ags)
        area_counts = Counter(a for r in own for a in r.task_areas)
        partner_counts: Counter[str] = Counter(ags for r in own for ags in r.ags if ags != m.ags)
        near = table.of(m.ags)

        def active_in(ags: str, area: str) -> list[RecordFacts]:
            return view.active_by_area.get(area, {}).get(ags, [])

        neighbour_rows: list[s.NeighbourOut] = []
        suggested: list[s.SuggestedPartner] = []
        gaps: dict[str, list[s.NeighbourActivity]] = {}
        for n in near:
            other = n.municipality
            their_areas = view.active_areas_of(other.ags)
            new_areas = sorted(their_areas - own_areas)
            neighbour_rows.append(s.NeighbourOut(
                ags=other.ags,
                name=other.short_name,
                km=round(n.km, 1),
                population=other.population,
                projects=len(view.by_ags.get(other.ags, ())),
                taskAreas=sorted(their_areas),
                partner=other.ags in partner_counts,
            ))
            for area in new_areas:
                gaps.setdefault(area, []).append(s.NeighbourActivity(
                    ags=other.ags, name=other.short_name, km=round(n.km, 1), projects=[project_ref(r) for r in active_in(other.ags, area)]))
            if new_areas:
                theirs = {r.iri: r for a in new_areas for r in active_in(other.ags, a)}
                suggested.append(s.SuggestedPartner(
                    ags=other.ags,
                    name=other.short_name,
                    km=round(n.km, 1),
                    partner=other.ags in partner_counts,
                    taskAreas=[self.figures.concept_ref("taskArea", a) for a in new_areas],
                    projects=[project_ref(r) for r in theirs.values()],
                ))
        suggested.sort(key=lambda p: (-len(p.taskAreas), p.km, p.ags))
        potentials = [s.MunicipalityPotential(taskArea=self.figures.concept_ref("taskArea", a), neighbours=ns) for a, ns in gaps.items()]
        potentials.sort(key=lambda p: (-len(p.neighbours), p.taskArea.code))
        return s.MunicipalityOut(
            seq=seq,
            **counted(include_network),
            municipality=s.MunicipalityInfo(
                ags=m.ags, name=m.short_name, officialName=m.name, population=m.population, lon=m.lon, lat=m.lat,
                kreis=self.figures.kreis_ref(m.kreis_key), regierungsbezirk=self.figures.rb_ref(m.rb_key),
                state=self.figures.concept_ref("state", m.land_code),
            ),
            parameters=s.MunicipalityParams(neighbours=neighbours, maxKm=max_km, activeStatuses=sorted(ACTIVE_STATUSES)),
            projects=[
                s.OwnProject(id=r.iri, title=r.title, type=r.type, status=r.status, taskAreas=list(r.task_areas),
                             legalForm=r.legal_form, digitalDelivery=r.digital, participants=r.participant_count, active=r.active)
                for r in sorted(own, key=lambda r: (not r.active, r.title.casefold()))
            ],
            taskAreas=[s.AreaCount(**self.figures.concept("taskArea", a), projects=n) for a, n in sorted(area_counts.items())],
            partners=[
                s.PartnerCount(ags=ags, name=self.register.by_ags[ags].short_name, projects=n)
                for ags, n in sorted(partner_counts.items(), key=lambda p: (-p[1], self.register.by_ags[p[0]].short_name))
            ],
            neighbours=neighbour_rows,
            potentials=potentials,
            suggestedPartners=suggested,
            serviceCenters=self._service_centers(view, m, own_areas, service_centers),
        )

    def _service_centers(self, view: View, m: Municipality, own_areas: set[str], limit: int) -> list[s.ServiceCenterOut]:
        """Active SSCs in the same Bundesland in areas the municipality lacks: they need no neighbourhood."""
        out = []
        for r in view.records:
            if not r.is_ssc or not r.active or m.ags in r.ags:
                continue
            new_areas = sorted(set(r.task_areas) - own_areas)
            located = [p for p in r.municipalities if p.lat is not None and p.lon is not None]
            if not new_areas or not any(p.land_code == m.land_code for p in r.municipalities) or not located or m.lat is None:
                continue
            km = min(distance_km(m.lat, m.lon, p.lat, p.lon) for p in located)  # type: ignore[arg-type]
            out.append(s.ServiceCenterOut(id=r.iri, title=r.title, type=r.type, status=r.status, km=round(km, 1),
                                          taskAreas=[self.figures.concept_ref("taskArea", a) for a in new_areas]))
        out.sort(key=lambda c: (c.km, c.title))
        return out[:limit]
