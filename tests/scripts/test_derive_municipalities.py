"""Specification of scripts/derive_municipalities.py and of the committed register in seed_data/.

The fixture ``fixtures/gv-excerpt.csv`` is cut verbatim (BOM, quoting, blanks) from the Destatis
GV-ISys extract: Schleswig-Holstein (no Regierungsbezirke) with the kreisfreie Stadt Flensburg and
Kreis Dithmarschen with an Amt (Gemeindeverband Burg-St. Michaelisdonn); the city state Hamburg;
NRW (Regierungsbezirke Düsseldorf, Arnsberg) with Mülheim an der Ruhr, Solingen and three
Gemeinden of Kreis Soest; the unpopulated gemeindefreie Gebiete without coordinates
(Rheinland-Pfalz, Mecklenburg-Vorpommern); Stuttgart (Stadtkreis) and Halle (Saale).
"""

from __future__ import annotations

import csv
import importlib.util
import os
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).parent / "fixtures" / "gv-excerpt.csv"
SEED = REPO_ROOT / "seed_data"

_spec = importlib.util.spec_from_file_location("derive_municipalities", REPO_ROOT / "scripts" / "derive_municipalities.py")
assert _spec and _spec.loader
dm = importlib.util.module_from_spec(_spec)
sys.modules["derive_municipalities"] = dm
_spec.loader.exec_module(dm)

MUNICIPALITY_COLUMNS = (
    "ags,ars,name,short_name,kreis_key,kreis_name,rb_key,rb_name,land_key,land_code,land_name,"
    "population,area_km2,postcode,lon,lat,urbanisation"
).split(",")

# Germany's bounding box (mainland and islands), generous by a few hundredths of a degree.
LON_MIN, LON_MAX = 5.86, 15.05
LAT_MIN, LAT_MAX = 47.27, 55.06

# Unpopulated gemeindefreie Gebiete that the source lists without (or with 0/0) coordinates.
WITHOUT_COORDINATES = {"07000999", "10042999", "13000999"}


@pytest.fixture(scope="module")
def excerpt() -> dm.Register:
    return dm.derive(dm.read_rows(FIXTURE))


@pytest.fixture(scope="module")
def by_ags(excerpt: dm.Register) -> dict[str, dm.Municipality]:
    return {m.ags: m for m in excerpt.municipalities}


def read_seed(name: str) -> list[dict[str, str]]:
    with (SEED / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# ----------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("official", "short"),
    [
        ("Erwitte, Stadt", "Erwitte"),
        ("Solingen, Klingenstadt", "Solingen"),
        ("Mülheim an der Ruhr, Stadt", "Mülheim an der Ruhr"),
        ("Halle (Saale), Stadt", "Halle (Saale)"),
        ("Hamburg, Freie und Hansestadt", "Hamburg"),
        ("Erkrath, Fundort des Neanderthalers, Stadt", "Erkrath"),
        ("Sachsenwald (Forstgutsbez.),gemfr.Geb.", "Sachsenwald (Forstgutsbez.)"),
        ("Anröchte", "Anröchte"),
    ],
)
def test_short_name_drops_the_official_suffix(official: str, short: str) -> None:
    assert dm.short_name(official) == short


def test_numbers_lose_thousands_separators_and_use_a_decimal_dot() -> None:
    assert dm.parse_int("1 847 253") == 1847253
    assert dm.parse_int("  554") == 554
    assert dm.parse_int("  0") == 0
    assert dm.parse_int("") is None
    assert dm.parse_decimal(" 53.02") == 53.02
    assert dm.parse_decimal("9,43751") == 9.43751
    assert dm.parse_decimal("") is None


def test_placeholder_or_missing_coordinates_become_empty() -> None:
    assert dm.parse_coordinates("8,336195", "51,611473") == (8.336195, 51.611473)
    assert dm.parse_coordinates("0", "0") == (None, None)
    assert dm.parse_coordinates("", "") == (None, None)


# ----------------------------------------------------------------------------- fixture


def test_every_gemeinde_of_the_excerpt_becomes_one_row_sorted_by_ags(
    excerpt: dm.Register,
) -> None:
    agss = [m.ags for m in excerpt.municipalities]
    assert len(agss) == 14
    assert agss == sorted(agss)


def test_ags_and_ars_are_composed_from_the_key_columns(by_ags: dict) -> None:
    erwitte = by_ags["05974016"]
    assert erwitte.ars == "059740016016"  # land 05, rb 9, kreis 74, vb 0016, gemeinde 016
    averlak = by_ags["01051003"]
    assert averlak.ars == "010515163003"  # Amt Burg-St. Michaelisdonn (vb 5163)
    assert averlak.kreis_key == "01051"
    assert averlak.kreis_name == "Dithmarschen"
    assert by_ags["02000000"].ars == "020000000000"


def test_kreis_regierungsbezirk_and_land_are_resolved(by_ags: dict) -> None:
    erwitte = by_ags["05974016"]
    assert (erwitte.name, erwitte.short_name) == ("Erwitte, Stadt", "Erwitte")
    assert (erwitte.kreis_key, erwitte.kreis_name) == ("05974", "Soest")
    assert (erwitte.rb_key, erwitte.rb_name) == ("059", "Reg.-Bez. Arnsberg")
    assert (erwitte.land_key, erwitte.land_code, erwitte.land_name) == (
        "05",
        "NW",
        "Nordrhein-Westfalen",
    )
    solingen = by_ags["05122000"]
    assert solingen.short_name == "Solingen"
    assert solingen.kreis_name == "Solingen, Klingenstadt"
    assert solingen.rb_name == "Reg.-Bez. Düsseldorf"
    assert by_ags["05117000"].short_name == "Mülheim an der Ruhr"
    assert by_ags["15002000"].short_name == "Halle (Saale)"


def test_rb_name_is_empty_where_a_land_has_no_regierungsbezirke(by_ags: dict) -> None:
    flensburg = by_ags["01001000"]
    assert (flensburg.rb_key, flensburg.rb_name, flensburg.land_code) == ("010", "", "SH")
    hamburg = by_ags["02000000"]
    assert (hamburg.short_name, hamburg.rb_key, hamburg.rb_name) == ("Hamburg", "020", "")
    assert hamburg.land_code == "HH"


def test_numbers_and_coordinates_are_parsed(by_ags: dict) -> None:
    hamburg = by_ags["02000000"]
    assert hamburg.population == 1847253
    assert hamburg.area_km2 == 755.09
    assert (hamburg.lon, hamburg.lat) == (9.99697, 53.550678)
    assert hamburg.postcode == "20038"
    assert hamburg.urbanisation == "dicht besiedelt"
    halle = by_ags["15002000"]
    assert halle.postcode == "06108"  # leading zero kept


def test_rows_with_empty_fields_are_kept_without_inventing_values(by_ags: dict) -> None:
    coast = by_ags["13000999"]
    assert coast.population == 0
    assert (coast.lon, coast.lat, coast.postcode) == (None, None, "")
    assert coast.kreis_name == ""  # no satzart-40 row for Kreis 00 in MV
    condominium = by_ags["07000999"]
    assert (condominium.lon, condominium.lat) == (None, None)  # "0","0" in the source


def test_kreise_carry_kreisfrei_from_textkennzeichen(excerpt: dm.Register) -> None:
    kreise = {k.kreis_key: k for k in excerpt.kreise}
    assert kreise["01001"].kreisfrei is True  # 41 kreisfreie Stadt
    assert kreise["08111"].kreisfrei is True  # 42 Stadtkreis
    assert kreise["02000"].kreisfrei is True
    assert kreise["01051"].kreisfrei is False  # 43 Kreis
    assert kreise["05974"].kreisfrei is False
    assert (kreise["05122"].name, kreise["05122"].short_name) == (
        "Solingen, Klingenstadt",
        "Solingen",
    )
    assert kreise["05974"].rb_key == "059"


def test_regierungsbezirke(excerpt: dm.Register) -> None:
    rbs = {(r.rb_key, r.name, r.land_code) for r in excerpt.regierungsbezirke}
    assert rbs == {
        ("051", "Reg.-Bez. Düsseldorf", "NW"),
        ("059", "Reg.-Bez. Arnsberg", "NW"),
        ("081", "Reg.-Bez. Stuttgart", "BW"),
    }


def test_csv_output_has_exact_header_dot_decimals_and_no_bom(excerpt: dm.Register, tmp_path: Path) -> None:
    dm.write_register(excerpt, tmp_path)
    raw = (tmp_path / "municipalities.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in raw
    lines = raw.decode("utf-8").split("\n")
    assert lines[0].split(",") == MUNICIPALITY_COLUMNS
    assert lines[-1] == ""
    erwitte = next(line for line in lines if line.startswith("05974016,"))
    assert erwitte == (
        '05974016,059740016016,"Erwitte, Stadt",Erwitte,05974,Soest,059,Reg.-Bez. Arnsberg,'
        "05,NW,Nordrhein-Westfalen,16065,89.41,59597,8.336195,51.611473,mittlere Besiedlungsdichte"
    )
    kreise = (tmp_path / "kreise.csv").read_text(encoding="utf-8").split("\n")
    assert kreise[0] == "kreis_key,name,short_name,rb_key,land_code,kreisfrei"
    assert '01001,"Flensburg, Stadt",Flensburg,010,SH,true' in kreise
    rbs = (tmp_path / "regierungsbezirke.csv").read_text(encoding="utf-8").split("\n")
    assert rbs[0] == "rb_key,name,land_code"
    attribution = (tmp_path / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert dm.ATTRIBUTION_LINE in attribution


# ----------------------------------------------------------------------------- committed data


@pytest.fixture(scope="module")
def seed_rows() -> list[dict[str, str]]:
    return read_seed("municipalities.csv")


def test_committed_register_has_all_gemeinden(seed_rows: list[dict[str, str]]) -> None:
    assert list(seed_rows[0].keys()) == MUNICIPALITY_COLUMNS
    assert len(seed_rows) == 11004
    assert sum(1 for r in seed_rows if r["land_code"] == "NW") == 396
    agss = [r["ags"] for r in seed_rows]
    assert len(set(agss)) == len(agss)
    assert agss == sorted(agss)
    assert all(len(r["ags"]) == 8 and r["ags"].isdigit() for r in seed_rows)
    assert all(len(r["ars"]) == 12 and r["ars"].isdigit() for r in seed_rows)
    assert all(r["ags"] == r["ars"][:5] + r["ars"][9:] for r in seed_rows)


def test_committed_register_knows_erwitte(seed_rows: list[dict[str, str]]) -> None:
    # Erwitte is 05974016 (05974012 is Ense, its neighbour in Kreis Soest).
    erwitte = next(r for r in seed_rows if r["short_name"] == "Erwitte")
    assert erwitte["ags"] == "05974016"
    assert erwitte["name"] == "Erwitte, Stadt"
    assert (erwitte["kreis_key"], erwitte["kreis_name"]) == ("05974", "Soest")
    assert erwitte["rb_name"] == "Reg.-Bez. Arnsberg"
    assert erwitte["land_code"] == "NW"


def test_committed_register_coordinates_lie_in_germany(seed_rows: list[dict[str, str]]) -> None:
    missing = {r["ags"] for r in seed_rows if not r["lon"] or not r["lat"]}
    assert missing == WITHOUT_COORDINATES
    for row in seed_rows:
        if row["ags"] in missing:
            continue
        lon, lat = float(row["lon"]), float(row["lat"])
        assert LON_MIN <= lon <= LON_MAX, row["ags"]
        assert LAT_MIN <= lat <= LAT_MAX, row["ags"]


def test_committed_kreise_and_regierungsbezirke() -> None:
    kreise = read_seed("kreise.csv")
    assert len(kreise) == 401
    assert sum(1 for k in kreise if k["land_code"] == "NW") == 53
    assert sum(1 for k in kreise if k["land_code"] == "NW" and k["kreisfrei"] == "true") == 22
    rbs = {r["rb_key"]: r for r in read_seed("regierungsbezirke.csv")}
    assert [rbs[k]["name"] for k in ("051", "053", "055", "057", "059")] == [
        "Reg.-Bez. Düsseldorf",
        "Reg.-Bez. Köln",
        "Reg.-Bez. Münster",
        "Reg.-Bez. Detmold",
        "Reg.-Bez. Arnsberg",
    ]


def test_attribution_travels_with_the_data() -> None:
    text = (SEED / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert "Datenquelle: Statistisches Bundesamt (Destatis), GV-ISys" in text
    assert "https://www.govdata.de/dl-de/by-2-0" in text
    assert "scripts/derive_municipalities.py" in text


def register_source() -> Path:
    configured = os.environ.get(dm.SOURCE_ENV, "../shared/data/gemeindeverzeichnis-destatis.csv")
    path = Path(configured)
    return path if path.is_absolute() else REPO_ROOT / path


def test_rerunning_on_the_full_source_reproduces_the_committed_files(tmp_path: Path) -> None:
    source = register_source()
    if not source.is_file():
        pytest.skip(f"register source not available at {source} (set {dm.SOURCE_ENV})")
    assert dm.main(["--source", str(source), "--out", str(tmp_path)]) == 0
    for name in ("municipalities.csv", "kreise.csv", "regierungsbezirke.csv", "ATTRIBUTION.md"):
        assert (tmp_path / name).read_bytes() == (SEED / name).read_bytes(), name
