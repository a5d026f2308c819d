"""The figures of the inventory (Bestandsaufnahme), computed from one view of the records.

Every function takes the records a caller may see (a ``View``) and a ``Scope`` and returns the
figure's response model from :mod:`kb.inventory.schemas` (so each figure's shape is written once,
there), shaped for drawing: complete lists (zeros included, so a bar chart or table has every
row), labels next to codes, and the numbers a page needs for scales (maximum, bounding box,
legend classes). What each figure means is in docs/inventory.md.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cached_property
from typing import Any

from kb.ontology.records import BOERSE_TYPES, RECORD_TYPE_LABELS
from kb.ontology.register import Kreis, Municipality, Register
from kb.ontology.vocabulary import Vocabularies

from . import schemas as s
from .facts import RecordFacts, View
from .scope import Scope

UNKNOWN = "unbekannt"
DIGITAL_WEIGHTS = {"analog": 1.0, "teilweise-digital": 0.5, "vollstaendig-digital": 0.0}
"""How far each degree of digital delivery is from fully digital (the digitalisation gap)."""
ASSUMED_GAP = 0.5
MIN_DATA_COVERAGE = 0.5
"""A task area where fewer than this share of records say how digital they are is flagged "zu wenig Angaben" and
ranked after the areas with enough data: its place would rest on an assumption, not on data."""
SURE_DATA_COVERAGE = 2 / 3
"""A task area ranked on data (coverage at least ``MIN_DATA_COVERAGE``) where more than a third of the records do not say how
digital they are keeps its place but is marked "unsichere Datenlage", and its reason says on how few records the place rests:
a first place on 13 of 25 records must not read like one on 25 of 25. The ranking does not change."""
MAX_YEARS = 60
"""Most years in the trend over time (earlier start years count in the first year shown)."""
KREIS_WORD = {"NW": "Kreis", "SH": "Kreis"}
"""What a Land calls a Kreis that is not a city ("Landkreis" elsewhere)."""
"""Gap used for a task area none of whose records say how digital they are (flagged ``gapAssumed``)."""
LEGEND = ((0, 0), (1, 1), (2, 3), (4, 7), (8, 15), (16, None))
"""Classes of the dot map: number of cooperations a municipality takes part in."""

FIGURE_PATHS = ("task-areas", "legal-forms", "kreise", "municipalities", "matrix", "potentials", "priorities")

DEFAULT_NEIGHBOURS = 10
DEFAULT_MAX_KM = 25.0

COUNTED = {
    False: ("nur öffentliche Einträge", "public records only"),
    True: ("öffentliche Einträge und solche, die nur Netzwerkmitglieder sehen", "including records visible only within the network"),
}
"""What a figure counts, in words, by whether records of visibility 'network' are included. Every
answer (JSON, CSV, page) says it, so that nobody copies members-only figures into a public report
without knowing."""


def counted(include_network: bool) -> dict[str, Any]:
    """The fields ``includesNetwork``, ``counted`` and ``countedEn`` of a figure."""
    de, en = COUNTED[include_network]
    return {"includesNetwork": include_network, "counted": de, "countedEn": en}


def project_ref(r: RecordFacts) -> s.ProjectRef:
    """How a record appears inside a figure (the page links it by its IRI)."""
    return s.ProjectRef(id=r.iri, title=r.title, type=r.type, status=r.status)


def kreis_label(k: Kreis) -> str:
    """A Kreis's name that tells a city from a Landkreis: "Bamberg (kreisfreie Stadt)" and "Landkreis Bamberg"."""
    if k.kreisfrei:
        return f"{k.short_name} (kreisfreie Stadt)"
    if "kreis" in k.name.lower() or k.name.startswith(("Region", "Städteregion", "Regionalverband")):
        return k.name
    return f"{KREIS_WORD.get(k.land_code, 'Landkreis')} {k.name}"


def illustrative(records: Iterable[RecordFacts]) -> int:
    """How many of the records are made-up examples."""
    return sum(r.illustrative for r in records)


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


class Figures:
    """Computes the figures; holds the register, the vocabularies and per-region lookups."""

    def __init__(self, register: Register, vocabularies: Vocabularies) -> None:
        self.register = register
        self.vocab = vocabularies
        self._regions: dict[Scope, list[Municipality]] = {}

    # ------------------------------------------------------------------ labels and regions

    def concept(self, scheme: str, code: str | None) -> dict[str, str]:
        """Code and labels of a concept: the fields of ``ConceptRef`` (and of the rows built on it)."""
        if code is None:
            return {"code": UNKNOWN, "label": "ohne Angabe", "labelEn": "not stated"}
        c = self.vocab[scheme].get(code)
        if c is None:
            return {"code": code, "label": code, "labelEn": code}
        return {"code": c.code, "label": c.label("de"), "labelEn": c.label("en")}

    def concept_ref(self, scheme: str, code: str | None) -> s.ConceptRef:
        return s.ConceptRef(**self.concept(scheme, code))

    @cached_property
    def task_area_codes(self) -> list[str]:
        return [c.code for c in self.vocab["taskArea"]]

    def area_codes(self, scope: Scope) -> list[str]:
        """The task areas a figure has rows or columns for: the chosen ones, or all of them."""
        return [c for c in self.task_area_codes if c in scope.task_areas] if scope.task_areas else self.task_area_codes

    @cached_property
    def kreis_labels(self) -> dict[str, str]:
        """Kreis key → a name that tells a city from a Landkreis (see ``kreis_label``)."""
        return {key: kreis_label(k) for key, k in self.register.kreise.items()}

    def region(self, scope: Scope) -> list[Municipality]:
        """The register's inhabited municipalities in the scope, in AGS order.

        Places without inhabitants (gemeindefreie Gebiete: forests, lakes, military areas) are in no
        denominator and no potential: nobody there could cooperate."""
        scope = scope.region
        found = self._regions.get(scope)
        if found is None:
            found = [m for m in self.register.municipalities if scope.contains(m) and m.population > 0]
            self._regions[scope] = found
        return found

    def uninhabited(self, scope: Scope) -> int:
        """Places of the register in the scope left out of the figures for having no inhabitants."""
        return sum(1 for m in self.register.municipalities if scope.contains(m) and m.population <= 0)

    def region_kreise(self, scope: Scope) -> list[Kreis]:
        keys = sorted({m.kreis_key for m in self.region(scope)})
        return [self.register.kreise[k] for k in keys if k in self.register.kreise]

    def kreis_ref(self, key: str | None) -> s.KeyRef | None:
        if not key:
            return None
        k = self.register.kreise.get(key)
        return s.KeyRef(key=key, name=k.name if k else key)

    def rb_ref(self, key: str | None) -> s.KeyRef | None:
        if not key or key not in self.register.regierungsbezirke:
            return None
        return s.KeyRef(key=key, name=self.register.regierungsbezirke[key])

    def scope_out(self, scope: Scope, include_network: bool, seq: int, records: int, examples: int = 0) -> s.ScopeOut:
        parts = []
        state = self.concept_ref("state", scope.state) if scope.state else None
        if state:
            parts.append(state.label)
        rb = self.rb_ref(scope.regierungsbezirk)
        if rb:
            parts.append(rb.name)
        kreis = self.kreis_ref(scope.kreis)
        if kreis:
            parts.append(self.kreis_labels.get(kreis.key, kreis.name))
        areas = [self.concept_ref("taskArea", code) for code in scope.task_areas]
        label = " – ".join(parts) or "alle Bundesländer"
        if areas:
            label += (", Aufgabenbereich " if len(areas) == 1 else ", Aufgabenbereiche ") + ", ".join(f"{a.code} {a.label}" for a in areas)
        return s.ScopeOut(state=state, regierungsbezirk=rb, kreis=kreis, taskAreas=areas, label=label,
                          **counted(include_network), seq=seq, records=records, illustrative=examples)

    @staticmethod
    def in_scope(view: View, scope: Scope) -> list[RecordFacts]:
        return view.in_scope(scope)

    def regions(self) -> s.RegionsOut:
        """Bundesländer with their Regierungsbezirke and Kreise: the values the filters accept."""
        states: list[s.RegionState] = []
        for c in self.vocab["state"]:
            kreise = sorted((k for k in self.register.kreise.values() if k.land_code == c.code), key=lambda k: k.key)
            rbs = [s.RegionRb(key=key, name=name, kreise=[s.RegionKreis(key=k.key, name=k.name) for k in kreise if k.rb_key == key])
                   for key, name in sorted(self.register.regierungsbezirke.items()) if any(k.rb_key == key for k in kreise)]
            states.append(s.RegionState(**self.concept("state", c.code), regierungsbezirke=rbs,
                                        kreise=[s.RegionKreis(key=k.key, name=k.name) for k in kreise]))
        states.sort(key=lambda state: state.label)
        return s.RegionsOut(states=states)

    # ------------------------------------------------------------------ counts

    def overview(self, view: View, scope: Scope, head: s.ScopeOut) -> s.OverviewOut:
        records = self.in_scope(view, scope)
        region = self.region(scope)
        cooperating = [m for m in region if m.ags in view.by_ags]
        kreise = self.region_kreise(scope)
        kreise_cooperating = {m.kreis_key for m in cooperating}
        totals = s.TotalsOut(
            projects=len(records),
            sharedServiceCenters=sum(r.is_ssc for r in records),
            smartCityInitiatives=sum(r.type == "smartCityInitiative" for r in records),
            active=sum(r.active for r in records),
            municipalities=len(region),
            municipalitiesCooperating=len(cooperating),
            municipalitiesShare=_share(len(cooperating), len(region)),
            population=sum(m.population for m in region),
            populationCooperating=sum(m.population for m in cooperating),
            kreise=len(kreise),
            kreiseCooperating=len(kreise_cooperating),
            illustrative=illustrative(records),
            uninhabited=self.uninhabited(scope),
            sharedServiceCentersIllustrative=sum(r.is_ssc and r.illustrative for r in records),
        )

        def counts(scheme: str | None, codes: Iterable[str], key: Any) -> list[s.CountOut]:
            n: Counter[str | None] = Counter()
            ssc: Counter[str | None] = Counter()
            for r in records:
                for value in key(r):
                    n[value] += 1
                    ssc[value] += r.is_ssc
            out = []
            for code in [*codes, None]:
                if code is None and not n[None]:
                    continue
                ref = self.concept(scheme, code) if scheme else _type_ref(code)
                out.append(s.CountOut(**ref, projects=n[code], sharedServiceCenters=ssc[code]))
            return out

        return s.OverviewOut(
            scope=head,
            totals=totals,
            byType=counts(None, [t for t in RECORD_TYPE_LABELS if t not in BOERSE_TYPES], lambda r: [r.type]),
            byStatus=counts("status", _status_order(self.vocab), lambda r: [r.status]),
            byLegalForm=counts("legalForm", [c.code for c in self.vocab["legalForm"]], lambda r: [r.legal_form]),
            byTaskArea=counts("taskArea", self.area_codes(scope), lambda r: r.task_areas or [None]),
            byDigitalDelivery=_with_unknown(counts("digitalDelivery", list(DIGITAL_WEIGHTS), lambda r: [r.digital]), self),
            byStartYear=_years(records),
            withoutStartYear=sum(r.start_year is None for r in records),
            links={name: f"/api/inventory/{name}" + (f"?{scope.query()}" if scope.query() else "") for name in FIGURE_PATHS},
        )

    def task_areas(self, view: View, scope: Scope, head: s.ScopeOut) -> s.TaskAreasOut:
        records = self.in_scope(view, scope)
        per: dict[str, list[RecordFacts]] = {}
        for r in records:
            for a in r.task_areas:
                per.setdefault(a, []).append(r)
        rows = []
        for code in self.area_codes(scope):
            mine = per.get(code, [])
            munis = {m.ags: m for r in mine for m in r.municipalities if scope.contains(m)}
            digital = Counter(r.digital for r in mine)
            rows.append(s.TaskAreaRow(
                **self.concept("taskArea", code),
                projects=len(mine),
                sharedServiceCenters=sum(r.is_ssc for r in mine),
                active=sum(r.active for r in mine),
                municipalities=len(munis),
                kreise=len({m.kreis_key for m in munis.values()}),
                share=_share(len(mine), len(records)),
                digital=s.DigitalOut(**_digital(digital)),
                illustrative=illustrative(mine),
                sharedServiceCentersIllustrative=sum(r.is_ssc and r.illustrative for r in mine),
            ))
        return s.TaskAreasOut(scope=head, total=len(records), items=rows)

    def legal_forms(self, view: View, scope: Scope, head: s.ScopeOut) -> s.LegalFormsOut:
        records = self.in_scope(view, scope)
        rows = []
        codes: list[str | None] = [c.code for c in self.vocab["legalForm"]]
        if any(r.legal_form is None for r in records):
            codes.append(None)
        per: dict[str | None, list[RecordFacts]] = {}
        for r in records:
            per.setdefault(r.legal_form, []).append(r)
        for code in codes:
            mine = per.get(code, [])
            munis = {m.ags for r in mine for m in r.municipalities if scope.contains(m)}
            rows.append(s.LegalFormRow(
                **self.concept("legalForm", code),
                projects=len(mine),
                sharedServiceCenters=sum(r.is_ssc for r in mine),
                municipalities=len(munis),
                share=_share(len(mine), len(records)),
                illustrative=illustrative(mine),
            ))
        return s.LegalFormsOut(scope=head, total=len(records), items=rows)

    def kreise(self, view: View, scope: Scope, head: s.ScopeOut) -> s.KreiseOut:
        records = self.in_scope(view, scope)
        per: dict[str, list[RecordFacts]] = {}
        unplaced = 0
        for r in records:
            keys = {m.kreis_key for m in r.municipalities if scope.contains(m)}
            unplaced += not keys
            for key in keys:
                per.setdefault(key, []).append(r)
        munis_per: dict[str, list[Municipality]] = {}
        for m in self.region(scope):
            munis_per.setdefault(m.kreis_key, []).append(m)
        rows: list[s.KreisRow] = []
        for k in self.region_kreise(scope):
            mine = per.get(k.key, [])
            munis = munis_per.get(k.key, [])
            cooperating = sum(1 for m in munis if m.ags in view.by_ags)
            rows.append(s.KreisRow(
                key=k.key,
                name=k.name,
                label=kreis_label(k),
                regierungsbezirk=self.rb_ref(k.rb_key),
                state=k.land_code,
                kreisfrei=k.kreisfrei,
                projects=len(mine),
                sharedServiceCenters=sum(r.is_ssc for r in mine),
                active=sum(r.active for r in mine),
                municipalities=len(munis),
                municipalitiesCooperating=cooperating,
                share=_share(cooperating, len(munis)),
                population=sum(m.population for m in munis),
                taskAreas=len({a for r in mine for a in r.task_areas}),
                illustrative=illustrative(mine),
            ))
        return s.KreiseOut(scope=head, total=len(records), unplaced=unplaced, items=rows)

    def municipalities(self, view: View, scope: Scope, head: s.ScopeOut) -> s.MunicipalitiesOut:
        region = self.region(scope)
        items: list[s.MapPoint] = []
        lons = [m.lon for m in region if m.lon is not None]
        lats = [m.lat for m in region if m.lat is not None]
        for m in region:
            mine = view.by_ags.get(m.ags, ())
            count = len(mine)
            items.append(s.MapPoint(
                ags=m.ags,
                name=m.short_name,
                kreis=m.kreis_key,
                lon=m.lon,
                lat=m.lat,
                population=m.population,
                count=count,
                active=sum(r.active for r in mine),
                level=_level(count),
            ))
        bbox = s.BBox(minLon=min(lons), minLat=min(lats), maxLon=max(lons), maxLat=max(lats)) if lons else None
        return s.MunicipalitiesOut(
            scope=head,
            bbox=bbox,
            maxCount=max((i.count for i in items), default=0),
            legend=[s.LegendClass(level=i, min=lo, max=hi, label=_legend_label(lo, hi)) for i, (lo, hi) in enumerate(LEGEND)],
            items=items,
        )

    def matrix(self, view: View, scope: Scope, head: s.ScopeOut) -> s.MatrixOut:
        records = self.in_scope(view, scope)
        codes = self.area_codes(scope)
        column = {c: i for i, c in enumerate(codes)}
        kreise = self.region_kreise(scope)
        row_of = {k.key: i for i, k in enumerate(kreise)}
        cells = [[0] * len(codes) for _ in kreise]
        totals = [0] * len(kreise)
        col_totals = [0] * len(codes)
        placed = 0
        for r in records:
            keys = {m.kreis_key for m in r.municipalities if scope.contains(m)}
            if not keys:
                continue
            placed += 1
            for a in r.task_areas:
                if a in column:
                    col_totals[column[a]] += 1
            for k in keys:
                i = row_of.get(k)
                if i is None:
                    continue
                totals[i] += 1
                for a in r.task_areas:
                    if a in column:
                        cells[i][column[a]] += 1
        rows = [s.MatrixRow(key=k.key, name=k.name, label=kreis_label(k), counts=cells[i], total=totals[i]) for i, k in enumerate(kreise)]
        return s.MatrixOut(
            scope=head,
            columns=[self.concept_ref("taskArea", c) for c in codes],
            rows=rows,
            columnTotals=col_totals,
            total=placed,
            unplaced=len(records) - placed,
            max=max((v for row in cells for v in row), default=0),
        )

    # ------------------------------------------------------------------ priorities

    def priorities(self, view: View, scope: Scope, head: s.ScopeOut) -> s.PrioritiesOut:
        records = self.in_scope(view, scope)
        per: dict[str, list[RecordFacts]] = {}
        for r in records:
            for a in r.task_areas:
                per.setdefault(a, []).append(r)
        most = max((len(v) for v in per.values()), default=0)
        items: list[s.PriorityItem] = []
        for code in self.task_area_codes:
            mine = per.get(code, [])
            if not mine:
                continue
            digital = Counter(r.digital for r in mine)
            known = sum(digital[k] for k in DIGITAL_WEIGHTS)
            gap = round(sum(DIGITAL_WEIGHTS[k] * digital[k] for k in DIGITAL_WEIGHTS) / known, 4) if known else None
            volume = round(len(mine) / most, 4)
            score = round(100 * volume * (gap if gap is not None else ASSUMED_GAP), 1)
            coverage = _share(known, len(mine))
            items.append(s.PriorityItem(
                rank=0,  # set below, once sorted
                taskArea=self.concept_ref("taskArea", code),
                projects=len(mine),
                municipalities=len({m.ags for r in mine for m in r.municipalities if scope.contains(m)}),
                volume=volume,
                **_digital(digital),
                dataCoverage=coverage,
                digitalGap=gap,
                gapAssumed=gap is None,
                score=score,
                illustrative=illustrative(mine),
                tooFewData=coverage < MIN_DATA_COVERAGE,
                uncertain=MIN_DATA_COVERAGE <= coverage < SURE_DATA_COVERAGE,
                reason=_reason(len(mine), most, digital, known),
            ))
        items.sort(key=lambda i: (i.tooFewData, -i.score, -i.projects, i.taskArea.code))
        for rank, item in enumerate(items, start=1):
            item.rank = rank
        return s.PrioritiesOut(
            scope=head,
            method=(
                "Vorn stehen Aufgabenbereiche, in denen viel zusammengearbeitet wird, die Arbeit aber noch wenig digital "
                "läuft. Die Punktzahl (0 bis 100) ist der Umfang mal der Anteil, der noch nicht digital ist: Umfang 1 hat "
                "der Aufgabenbereich mit den meisten Projekten, die anderen im Verhältnis dazu. Ein analoges Projekt zählt "
                "ganz als nicht digital, ein teilweise digitales halb, ein vollständig digitales gar nicht. Sagt weniger als "
                "die Hälfte der Projekte eines Bereichs, wie digital sie arbeiten, steht er mit „zu wenig Angaben“ am Ende "
                "(ohne jede Angabe wird für die Punktzahl „halb digital“ angenommen). Fehlt die Angabe bei mehr als einem "
                "Drittel, aber höchstens der Hälfte, behält der Bereich seinen Rang, ist aber als „unsichere Datenlage“ "
                "markiert: Sein Platz stützt sich dann nur auf einen Teil seiner Projekte."
            ),
            weights=dict(DIGITAL_WEIGHTS),
            assumedGap=ASSUMED_GAP,
            minDataCoverage=MIN_DATA_COVERAGE,
            items=items,
        )


def _reason(projects: int, most: int, digital: Counter[str | None], known: int) -> str:
    """Why a task area has its place among the priorities, in plain German."""
    size = "die meisten Projekte der Auswahl" if projects == most else f"{projects} von {most} Projekten des größten Bereichs"
    if not known:
        return f"{size}; kein Projekt sagt, wie digital es arbeitet – zu wenig Angaben für eine Einordnung."
    parts = [f"{n} analog" if k == "analog" else f"{n} teilweise digital" if k == "teilweise-digital" else f"{n} vollständig digital"
             for k in DIGITAL_WEIGHTS if (n := digital[k])]
    text = f"{size}; von {known} Projekten mit Angabe arbeiten {', '.join(parts)}"
    missing = projects - known
    if missing:
        text += f"; {missing} ohne Angabe"
        if known / projects < MIN_DATA_COVERAGE:
            text += " – zu wenig Angaben für eine sichere Einordnung"
        elif known / projects < SURE_DATA_COVERAGE:
            text += (f" – der Platz stützt sich nur auf {known} von {projects} Projekten; mit den fehlenden Angaben "
                     "kann er höher oder niedriger liegen")
    return text + "."


def _years(records: list[RecordFacts]) -> list[s.YearCount]:
    """Records per start year, with every year between the first and the last (a trend needs the gaps too)."""
    per: Counter[int] = Counter()
    examples: Counter[int] = Counter()
    for r in records:
        if r.start_year is not None:
            per[r.start_year] += 1
            examples[r.start_year] += r.illustrative
    if not per:
        return []
    last = max(per)
    first = max(min(per), last - MAX_YEARS + 1)
    for y in [y for y in per if y < first]:  # a bounded chart: earlier years count in the first one shown
        per[first] += per.pop(y)
        examples[first] += examples.pop(y)
    return [s.YearCount(year=y, projects=per[y], illustrative=examples[y]) for y in range(first, last + 1)]


def _type_ref(code: str | None) -> dict[str, str]:
    de, en = RECORD_TYPE_LABELS.get(code or "", (code or "ohne Angabe", code or "not stated"))
    return {"code": code or UNKNOWN, "label": de, "labelEn": en}


def _status_order(vocab: Vocabularies) -> list[str]:
    order = ["geplant", "in-umsetzung", "im-betrieb", "abgeschlossen", "eingestellt"]
    known = {c.code for c in vocab["status"]}
    return [s for s in order if s in known] + sorted(known - set(order))


def _digital(counts: Counter[str | None]) -> dict[str, int]:
    return {
        "analog": counts["analog"],
        "teilweiseDigital": counts["teilweise-digital"],
        "vollstaendigDigital": counts["vollstaendig-digital"],
        "unknown": sum(n for k, n in counts.items() if k not in DIGITAL_WEIGHTS),
    }


def _with_unknown(rows: list[s.CountOut], figures: Figures) -> list[s.CountOut]:
    """The digital breakdown always shows "ohne Angabe", even at zero: it tells how complete the data are."""
    if not any(r.code == UNKNOWN for r in rows):
        rows.append(s.CountOut(**figures.concept("digitalDelivery", None), projects=0, sharedServiceCenters=0))
    return rows


def _level(count: int) -> int:
    for i, (lo, hi) in enumerate(LEGEND):
        if count >= lo and (hi is None or count <= hi):
            return i
    return len(LEGEND) - 1


def _legend_label(lo: int, hi: int | None) -> str:
    if hi is None:
        return f"{lo} und mehr"
    return str(lo) if lo == hi else f"{lo}–{hi}"
