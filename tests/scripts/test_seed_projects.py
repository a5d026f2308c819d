"""Coverage rules for the seed projects in seed_data/projects/ (read as a specification).

real.jsonl holds real cooperations with public sources; illustrative.jsonl holds made-up catalogue
entries that feed search and inventory tests. Both name their participants; the checks run on the
records as a node imports them (names resolved to AGS by the register, ``kb/seed.py``). They keep
both files valid against docs/data-model.md and keep the illustrative set broad enough (task
areas, legal forms, statuses, Länder, types) that the seed data cannot silently degrade.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from kb.node import shared_register
from kb.ontology.records import ProjectIn
from kb.seed import SeedDataError, load_seed_projects

REPO_ROOT = Path(__file__).resolve().parents[2]
PROJECTS = REPO_ROOT / "seed_data" / "projects"
REGISTER = REPO_ROOT / "seed_data" / "municipalities.csv"

TYPES = {"project", "sharedServiceCenter", "smartCityInitiative"}
TASK_AREAS = {f"{n:02d}" for n in range(1, 18)}
LEGAL_FORMS = {
    "arbeitsgemeinschaft",
    "oerv-delegierend",
    "oerv-mandatierend",
    "zweckverband",
    "gemeinsames-kommunalunternehmen",
    "privatrechtlich",
    "sonstige",
}
STATUSES = {"geplant", "in-umsetzung", "im-betrieb", "abgeschlossen", "eingestellt"}
DIGITAL = {"analog", "teilweise-digital", "vollstaendig-digital"}
VAT2B = {"nicht-steuerbar", "steuerpflichtig", "in-pruefung", "nicht-relevant"}
VISIBILITY = {"public", "network"}
LAENDER = {"SH", "HH", "NI", "HB", "NW", "HE", "RP", "BW", "BY", "SL", "BE", "BB", "MV", "SN", "ST", "TH"}
NRW_RBS = {"051": "Düsseldorf", "053": "Köln", "055": "Münster", "057": "Detmold", "059": "Arnsberg"}
DATE = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")
EMAIL = re.compile(r"^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$")
FIELDS = set(ProjectIn.model_fields)  # the JSON form the node accepts
MOTION_EXAMPLES = [
    "Standesamtverbund Hellweg",
    "Bergisches Veterinär- und Lebensmittelüberwachungsamt",
    "Telefon-Service-Zentrale",
    "Nordlippe: gemeinsames Gebäude- und Energiemanagement",
    "Fachstelle für soziale Sicherungssysteme",
]


# ----------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def register() -> dict[str, dict[str, str]]:
    with REGISTER.open(encoding="utf-8", newline="") as handle:
        return {row["ags"]: row for row in csv.DictReader(handle)}


def load(name: str) -> list[dict[str, Any]]:
    return [record for _label, record in load_seed_projects(shared_register(), [PROJECTS / name])]


@pytest.fixture(scope="module")
def real() -> list[dict[str, Any]]:
    return load("real.jsonl")


def words(text: str) -> int:
    return len(text.split())


def municipal(record: dict[str, Any]) -> list[str]:
    return [p for p in record["participants"] if isinstance(p, str)]


def km(a: dict[str, str], b: dict[str, str]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, map(float, (a["lat"], a["lon"], b["lat"], b["lon"])))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


# ----------------------------------------------------------------------------- shared rules


def check_record(record: dict[str, Any], register: dict[str, dict[str, str]]) -> None:
    title = record.get("title", "")
    assert set(record) <= FIELDS, (title, set(record) - FIELDS)
    assert 3 <= len(title) <= 300
    assert 20 <= len(record["description"]) <= 20000, title
    assert record.get("type", "project") in TYPES, title
    assert record["state"] in LAENDER, title
    assert record.get("country", "DE") == "DE", title
    assert record["taskAreas"] and set(record["taskAreas"]) <= TASK_AREAS, title
    assert record["legalForm"] in LEGAL_FORMS, title
    assert record["status"] in STATUSES, title
    assert record.get("digitalDelivery", "analog") in DIGITAL, title
    assert record.get("vat2b", "nicht-relevant") in VAT2B, title
    assert record.get("visibility", "public") in VISIBILITY, title
    assert len(record.get("keywords", [])) <= 30, title
    for key in ("startDate", "endDate"):
        if key in record:
            assert DATE.match(record[key]), (title, record[key])
    if "startDate" in record and "endDate" in record:
        assert record["endDate"][:4] >= record["startDate"][:4], title
    participants = record["participants"]
    assert participants, title
    keys = []
    for participant in participants:
        if isinstance(participant, str):
            assert participant in register, (title, participant)
            keys.append(participant)
        else:
            assert participant["kind"] == "organisation", title
            assert participant["name"] and len(participant["country"]) == 2, title
            keys.append(json.dumps(participant, sort_keys=True))
    assert len(keys) == len(set(keys)), f"duplicate participant in {title}"
    if "lead" in record:
        assert record["lead"] in participants, title
        if isinstance(record["lead"], str):
            assert register[record["lead"]]["land_code"] == record["state"], title
    for figure in record.get("outcomeFigures", []):
        assert set(figure) == {"label", "value", "unit"}, title
        assert isinstance(figure["value"], (int, float)) and figure["label"] and figure["unit"]
    if "contact" in record:
        contact = record["contact"]
        assert "name" not in contact, f"no personal names in contacts ({title})"
        assert EMAIL.match(contact["email"]) and contact["organisation"], title
    if "website" in record:
        assert record["website"].startswith("https://"), title


# ----------------------------------------------------------------------------- real examples


def test_real_examples_are_valid_and_sourced(real: list[dict[str, Any]], register: dict) -> None:
    assert len(real) >= 13
    for record in real:
        check_record(record, register)
        assert record["illustrative"] is False, record["title"]
        assert record["sources"], record["title"]
        assert all(re.match(r"^https?://\S+$", url) for url in record["sources"]), record["title"]
        assert 60 <= words(record["description"]) <= 200, (record["title"], words(record["description"]))


def test_real_examples_include_the_motion_examples(real: list[dict[str, Any]]) -> None:
    titles = [record["title"] for record in real]
    for expected in MOTION_EXAMPLES:
        assert any(expected in title for title in titles), expected


def test_standesamtverbund_hellweg_uses_the_register_keys(real: list, register: dict) -> None:
    hellweg = next(r for r in real if r["title"] == "Standesamtverbund Hellweg")
    names = {register[ags]["short_name"] for ags in hellweg["participants"]}
    assert names == {"Erwitte", "Anröchte", "Bad Sassendorf"}
    assert register[hellweg["lead"]]["short_name"] == "Erwitte"
    assert all(register[ags]["kreis_name"] == "Soest" for ags in hellweg["participants"])


def test_at_least_eight_further_real_nrw_examples(real: list[dict[str, Any]]) -> None:
    further = [
        r
        for r in real
        if r["state"] == "NW" and not any(m in r["title"] for m in MOTION_EXAMPLES) and not r["title"].startswith("Nordlippe:")
    ]
    assert len(further) >= 8


# ----------------------------------------------------------------------------- names in the files


def written(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_files_name_municipalities_and_give_a_key_only_where_a_name_is_ambiguous(register: dict) -> None:
    """Data as people write it: names; a key only with its name, where the register needs it."""
    register_names = shared_register()
    for path in PROJECTS.glob("*.jsonl"):
        for record in written(path):
            for participant in [*record["participants"], record.get("lead")]:
                if isinstance(participant, str):
                    assert not participant.isdigit(), (record["title"], participant)
                elif isinstance(participant, dict) and "ags" in participant:
                    assert participant["ags"] in register, (record["title"], participant)
                    in_land = [m for m in register_names.find(participant["name"]) if m.land_code == register[participant["ags"]]["land_code"]]
                    assert len(in_land) > 1, f"{participant} is unique in its Land: write the name alone ({record['title']})"


def test_only_jsonl_data_files_no_compiled_copy() -> None:
    data_files = {p.name for p in PROJECTS.iterdir() if p.suffix != ".md"}
    assert {"illustrative.jsonl", "real.jsonl"} <= data_files
    assert all(name.endswith(".jsonl") for name in data_files), data_files


def write_seed(tmp_path: Path, participants: list[Any], lead: Any = None) -> Path:
    record = {"title": "Probe", "description": "x" * 30, "participants": participants, "state": "NW",
              "taskAreas": ["02"], "legalForm": "sonstige", "status": "geplant"}
    if lead is not None:
        record["lead"] = lead
    path = tmp_path / "probe.jsonl"
    path.write_text("\n" + json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_names_and_qualified_names_resolve_with_the_register(tmp_path: Path, register: dict) -> None:
    path = write_seed(tmp_path, ["Erwitte", {"name": "Hamburg", "state": "HH"}, {"ags": "01056041", "name": "Quickborn"}, "Bautzen",
                                 {"name": "Gemeente Berg en Dal", "kind": "organisation", "country": "NL"}], lead="Erwitte")
    [(label, record)] = load_seed_projects(shared_register(), [path])
    assert label == "probe.jsonl:2"
    assert [register[p]["short_name"] if isinstance(p, str) else p["name"] for p in record["participants"]] == [
        "Erwitte", "Hamburg", "Quickborn", "Bautzen / Budyšin", "Gemeente Berg en Dal"]
    assert record["lead"] == record["participants"][0] == "05974016"


@pytest.mark.parametrize(
    ("participant", "problem"),
    [
        ("Erwittee", "nicht zu finden"),  # a typo
        ("Quickborn", "mehrdeutig"),  # two in Schleswig-Holstein, written without the key
        ({"ags": "01051089", "name": "Erwitte"}, "nicht der Name"),  # key and name disagree
        ({"ags": "99999999", "name": "Erwitte"}, "Kein Eintrag"),
        (42, "weder ein Gemeindename"),
    ],
)
def test_an_unresolvable_name_is_a_clear_error_at_import(tmp_path: Path, participant: Any, problem: str) -> None:
    participants = ["Erwitte", participant]
    path = write_seed(tmp_path, participants)
    if participant == "Quickborn":
        path.write_text(path.read_text(encoding="utf-8").replace('"NW"', '"SH"'), encoding="utf-8")
    with pytest.raises(SeedDataError) as caught:
        list(load_seed_projects(shared_register(), [path]))
    message = caught.value.message
    assert problem in message and "probe.jsonl:2" in message and "„Probe“" in message and "participants.1" in message, message
    if participant == "Quickborn":
        assert "01051089" in message and "01056041" in message, "the candidates are named"


def test_a_bad_seed_stops_kb_serve_before_anything_is_written(tmp_path: Path) -> None:
    from kb.cli.node import seed_node
    from kb.node import Node
    from tests.conftest import make_settings

    path = write_seed(tmp_path, ["Erwitte", "Anröchte"])
    path.write_text(path.read_text(encoding="utf-8") + path.read_text(encoding="utf-8").replace("Anröchte", "Nirgendwo am See"), encoding="utf-8")
    node = Node(make_settings(tmp_path / "node"))
    try:
        with pytest.raises(SeedDataError, match="Nirgendwo am See"):
            seed_node(node, [path])
        assert list(node.catalog.iter_live_records()) == []
    finally:
        node.close()


# ----------------------------------------------------------------------------- illustrative set


@pytest.fixture(scope="module")
def illustrative() -> list[dict[str, Any]]:
    return load("illustrative.jsonl")


def test_illustrative_records_are_valid_catalogue_entries(illustrative: list[dict[str, Any]], register: dict) -> None:
    assert len(illustrative) >= 170
    for record in illustrative:
        title = record["title"]
        check_record(record, register)
        assert record["illustrative"] is True, title
        assert "sources" not in record, title
        assert 50 <= words(record["description"]) <= 150, (title, words(record["description"]))
        assert 2 <= len(record["participants"]) <= 8, title
        assert "lead" in record and "startDate" in record, title
        assert 3 <= len(record["keywords"]) <= 8, title


def test_illustrative_participants_lie_near_each_other(illustrative: list[dict[str, Any]], register: dict) -> None:
    for record in illustrative:
        rows = [register[ags] for ags in municipal(record)]
        assert rows, record["title"]
        widest = max((km(a, b) for a in rows for b in rows), default=0.0)
        assert widest <= 60, (record["title"], round(widest))


def test_illustrative_cover_all_concepts(illustrative: list[dict[str, Any]]) -> None:
    areas = Counter(area for record in illustrative for area in record["taskAreas"])
    assert set(areas) == TASK_AREAS
    assert areas["17"] >= 2
    forms = Counter(record["legalForm"] for record in illustrative)
    assert set(forms) == LEGAL_FORMS and min(forms.values()) >= 8, forms
    assert {record["status"] for record in illustrative} == STATUSES
    assert {record.get("digitalDelivery") for record in illustrative} >= DIGITAL
    assert {record.get("vat2b") for record in illustrative} >= VAT2B
    types = Counter(record.get("type", "project") for record in illustrative)
    assert types["sharedServiceCenter"] >= 25 and types["smartCityInitiative"] >= 20, types


def test_illustrative_spread_over_nrw_and_other_laender(illustrative: list[dict[str, Any]], register: dict) -> None:
    states = Counter(record["state"] for record in illustrative)
    assert 100 <= states["NW"] <= 120, states
    assert len(set(states) - {"NW"}) >= 5, states
    nrw = [record for record in illustrative if record["state"] == "NW"]
    rbs = {register[ags]["rb_key"] for record in nrw for ags in municipal(record)}
    assert set(NRW_RBS) <= rbs
    kreise = {register[ags]["kreis_key"] for record in nrw for ags in municipal(record)}
    assert len(kreise) >= 30


def test_illustrative_optional_fields_are_used_like_a_real_catalogue(
    illustrative: list[dict[str, Any]],
) -> None:
    total = len(illustrative)

    def share(predicate: Any) -> float:
        return sum(1 for record in illustrative if predicate(record)) / total

    assert 0.25 <= share(lambda r: r.get("outcomeFigures")) <= 0.45
    assert share(lambda r: r.get("lessonsLearned")) >= 0.6
    assert share(lambda r: r.get("transferability")) >= 0.6
    assert 0.05 <= share(lambda r: r.get("website")) <= 0.3
    assert share(lambda r: r.get("fundingProgramme")) >= 0.1
    assert share(lambda r: r.get("contact")) > 0
    network = sum(1 for r in illustrative if r.get("visibility") == "network")
    assert 5 <= network <= 12
    abroad = [r for r in illustrative if any(isinstance(p, dict) and p["country"] in {"NL", "BE"} for p in r["participants"])]
    assert len(abroad) >= 2 and all(r.get("nutsRegion") for r in abroad)


def test_illustrative_contain_near_duplicates_for_similarity_search(
    illustrative: list[dict[str, Any]],
) -> None:
    def count(*terms: str) -> int:
        return sum(1 for r in illustrative if any(t in r["title"] or t in r["keywords"] for t in terms))

    assert count("Standesamt") >= 3
    assert count("Lohnabrechnung", "Bezügeabrechnung", "Entgeltabrechnung", "Gehaltsabrechnung") >= 3
    assert count("Vergabestelle") >= 2
    assert count("gemeinsame Beschaffung", "Einkaufsgemeinschaft", "Beschaffung") >= 2


def test_titles_are_unique_across_both_files(real: list, illustrative: list) -> None:
    titles = [record["title"] for record in real + illustrative]
    assert len(titles) == len(set(titles))


# ----------------------------------------------------------------------------- partners abroad


def test_records_from_partners_abroad_are_illustrative_english_or_dutch(real: list, illustrative: list, register: dict) -> None:
    """A few made-up records in English and Dutch (cross-lingual search is tested over them)."""
    abroad = load("illustrative_abroad.jsonl")
    assert {r["language"] for r in abroad} == {"en", "nl"}
    assert sum(r["language"] == "en" for r in abroad) >= 3 and sum(r["language"] == "nl" for r in abroad) >= 3
    for record in abroad:
        title = record["title"]
        assert record["illustrative"] is True, title
        assert set(record) <= FIELDS, title
        assert record["country"] in {"GB", "IE", "NL"}, title
        ProjectIn.model_validate(record)
        for participant in record["participants"]:
            assert isinstance(participant, str) or participant["country"] in {"GB", "IE", "NL"}, title
    titles = [r["title"] for r in real + illustrative + abroad]
    assert len(titles) == len(set(titles))
