"""Digitalisation priorities that rest on thin data say so, in the table and in the report's summary.

NRW's first place in the seed data rests on 13 of 25 records (12 say nothing about how digital they
work): just enough to be ranked (the threshold for "zu wenig Angaben" is half), but a ministry
reader must not take it for a place resting on all 25.
"""

from __future__ import annotations

import httpx

from kb.inventory import schemas as s
from kb.inventory.figures import MIN_DATA_COVERAGE, SURE_DATA_COVERAGE
from kb.inventory.report import _caveats


def test_a_place_resting_on_thin_data_is_marked_and_explained(seeded_anonymous: httpx.Client) -> None:
    items = seeded_anonymous.get("/api/inventory/priorities", params={"state": "NW"}).json()["items"]
    for i in items:
        assert i["uncertain"] == (MIN_DATA_COVERAGE <= i["dataCoverage"] < SURE_DATA_COVERAGE) and not (i["uncertain"] and i["tooFewData"])
        if i["uncertain"]:
            known = i["projects"] - i["unknown"]
            assert f"der Platz stützt sich nur auf {known} von {i['projects']} Projekten" in i["reason"]
    assert any(i["uncertain"] for i in items), "the seed data have such an area in NRW"
    page = seeded_anonymous.get("/bestandsaufnahme", params={"state": "NW"}).text
    assert '<strong class="flag">unsichere Datenlage</strong>' in page
    csv = seeded_anonymous.get("/api/inventory/priorities", params={"state": "NW", "format": "csv"}).content.decode("utf-8-sig")
    assert csv.splitlines()[0].split(";")[-3:] == ["zu wenig Angaben", "unsichere Datenlage", "Gezählt"]


def item(rank: int, label: str, projects: int, unknown: int, score: float) -> s.PriorityItem:
    known = projects - unknown
    coverage = known / projects
    return s.PriorityItem(rank=rank, taskArea=s.ConceptRef(code=f"{rank:02}", label=label, labelEn=label), projects=projects,
                          municipalities=1, volume=1.0, analog=known, teilweiseDigital=0, vollstaendigDigital=0, unknown=unknown,
                          dataCoverage=coverage, digitalGap=1.0, gapAssumed=False, score=score, uncertain=0.5 <= coverage < 2 / 3)


def test_the_summary_warns_before_thin_or_nearly_tied_first_places() -> None:
    first, second, third = item(1, "Räumliche Planung", 25, 12, 37.0), item(2, "Innere Verwaltung", 39, 14, 36.0), item(3, "ÖPNV", 15, 1, 26.1)
    text = " ".join(_caveats([first, second, third]))
    assert ("Vorsicht: Die Angabe, wie digital gearbeitet wird, fehlt für „Räumliche Planung“ (Rang 1) bei 12 von 25 Projekten "
            "und für „Innere Verwaltung“ (Rang 2) bei 14 von 39 Projekten. Ihre Plätze stützen sich nur auf die übrigen") in text
    assert "„Räumliche Planung“ und „Innere Verwaltung“ liegen fast gleichauf (37 und 36 von 100 Punkten)" in text
    assert "Sein Platz stützt sich" in " ".join(_caveats([first, item(2, "B", 10, 0, 10.0)]))
    assert _caveats([item(1, "A", 10, 0, 80.0), item(2, "B", 10, 1, 50.0)]) == [], "sure and clearly apart: nothing to warn about"
