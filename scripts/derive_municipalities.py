#!/usr/bin/env python3
"""Derive the municipal register used by kb from the Destatis Gemeindeverzeichnis.

Reads the GV-ISys extract (``gemeindeverzeichnis-destatis.csv``, UTF-8 with BOM, one row per
territorial unit, ``satzart`` 10 Land, 20 Regierungsbezirk, 30 Region, 40 Kreis,
50 Gemeindeverband, 60 Gemeinde) and writes to ``seed_data/``:

- ``municipalities.csv``   one row per Gemeinde (satzart 60), sorted by AGS
- ``kreise.csv``           one row per Kreis / kreisfreie Stadt (satzart 40)
- ``regierungsbezirke.csv`` one row per Regierungsbezirk (satzart 20)
- ``ATTRIBUTION.md``       source, licence and the required attribution line

Standard library only. Re-run with::

    python scripts/derive_municipalities.py \\
        --source ../shared/data/gemeindeverzeichnis-destatis.csv --out seed_data
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO_ROOT / ".." / "shared" / "data" / "gemeindeverzeichnis-destatis.csv"
DEFAULT_OUT = REPO_ROOT / "seed_data"
SOURCE_ENV = "KB_REGISTER_SOURCE"

ATTRIBUTION_LINE = "Datenquelle: Statistisches Bundesamt (Destatis), GV-ISys"
LICENCE_NAME = "Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)"
LICENCE_URL = "https://www.govdata.de/dl-de/by-2-0"
EDITION = (
    'GV-ISys extract "AuszugGV4QAktuell" (quarterly extract of the Gemeindeverzeichnis, '
    "Gebietsstand about 2020; the file itself carries no reference date)"
)

# Two-digit Land key -> two-letter code (ISO 3166-2:DE without the "DE-" prefix).
LAENDER: dict[str, str] = {
    "01": "SH",
    "02": "HH",
    "03": "NI",
    "04": "HB",
    "05": "NW",
    "06": "HE",
    "07": "RP",
    "08": "BW",
    "09": "BY",
    "10": "SL",
    "11": "BE",
    "12": "BB",
    "13": "MV",
    "14": "SN",
    "15": "ST",
    "16": "TH",
}

# textkennzeichen of satzart 40: 41 kreisfreie Stadt, 42 Stadtkreis (BW), 43 Kreis,
# 44 Landkreis, 45 Regionalverband (Saarbrücken). The first two are kreisfrei.
KREISFREI_KENNZEICHEN = frozenset({"41", "42"})


@dataclass(frozen=True)
class Municipality:
    ags: str
    ars: str
    name: str
    short_name: str
    kreis_key: str
    kreis_name: str
    rb_key: str
    rb_name: str
    land_key: str
    land_code: str
    land_name: str
    population: int | None
    area_km2: float | None
    postcode: str
    lon: float | None
    lat: float | None
    urbanisation: str


@dataclass(frozen=True)
class Kreis:
    kreis_key: str
    name: str
    short_name: str
    rb_key: str
    land_code: str
    kreisfrei: bool


@dataclass(frozen=True)
class Regierungsbezirk:
    rb_key: str
    name: str
    land_code: str


@dataclass(frozen=True)
class Register:
    municipalities: list[Municipality]
    kreise: list[Kreis]
    regierungsbezirke: list[Regierungsbezirk]


# --------------------------------------------------------------------------- parsing helpers


def short_name(official: str) -> str:
    """Display name without the official suffix after the first comma.

    >>> short_name("Erwitte, Stadt")
    'Erwitte'
    >>> short_name("Halle (Saale), Stadt")
    'Halle (Saale)'
    >>> short_name("Sachsenwald (Forstgutsbez.),gemfr.Geb.")
    'Sachsenwald (Forstgutsbez.)'
    """
    return official.split(",", 1)[0].strip()


def parse_int(text: str) -> int | None:
    """Integer with space thousands separators (" 1 847 253"); empty -> None."""
    cleaned = text.replace(" ", "").replace("\u00a0", "")
    return int(cleaned) if cleaned else None


def parse_decimal(text: str) -> float | None:
    """Decimal with comma or dot as separator ("9,43751", " 53.02"); empty -> None."""
    cleaned = text.strip().replace(" ", "").replace(",", ".")
    return float(cleaned) if cleaned else None


def parse_coordinates(lon_text: str, lat_text: str) -> tuple[float | None, float | None]:
    """Longitude/latitude; a missing value or the placeholder pair (0, 0) -> (None, None).

    Unpopulated gemeindefreie Gebiete (coastal waters, the German-Luxembourg condominium) carry
    no coordinates, or "0"/"0" as a placeholder, in the source.
    """
    lon, lat = parse_decimal(lon_text), parse_decimal(lat_text)
    if lon is None or lat is None or (lon == 0 and lat == 0):
        return None, None
    return lon, lat


def ags_of(row: dict[str, str]) -> str:
    """8-digit Amtlicher Gemeindeschlüssel: land + rb + kreis + gemeinde."""
    return row["land"] + row["rb"] + row["kreis"] + row["gemeinde"]


def ars_of(row: dict[str, str]) -> str:
    """12-digit Amtlicher Regionalschlüssel: land + rb + kreis + vb + gemeinde."""
    return row["land"] + row["rb"] + row["kreis"] + row["vb"] + row["gemeinde"]


def kreis_key_of(row: dict[str, str]) -> str:
    return row["land"] + row["rb"] + row["kreis"]


def rb_key_of(row: dict[str, str]) -> str:
    return row["land"] + row["rb"]


# --------------------------------------------------------------------------- derivation


def read_rows(path: Path) -> list[dict[str, str]]:
    """Rows of the GV-ISys CSV as dicts (the BOM is dropped by utf-8-sig)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def derive(rows: Iterable[dict[str, str]]) -> Register:
    """Build the register from the raw rows (any order)."""
    rows = list(rows)
    laender = {r["land"]: r["gemeindename"] for r in rows if r["satzart"] == "10"}
    rb_rows = {rb_key_of(r): r for r in rows if r["satzart"] == "20"}
    kreis_rows = {kreis_key_of(r): r for r in rows if r["satzart"] == "40"}

    municipalities: list[Municipality] = []
    for row in rows:
        if row["satzart"] != "60":
            continue
        land_key = row["land"]
        kreis_key = kreis_key_of(row)
        rb_key = rb_key_of(row)
        kreis_row = kreis_rows.get(kreis_key)
        rb_row = rb_rows.get(rb_key)
        lon, lat = parse_coordinates(row["laengengrad"], row["breitengrad"])
        municipalities.append(
            Municipality(
                ags=ags_of(row),
                ars=ars_of(row),
                name=row["gemeindename"].strip(),
                short_name=short_name(row["gemeindename"]),
                kreis_key=kreis_key,
                kreis_name=kreis_row["gemeindename"].strip() if kreis_row else "",
                rb_key=rb_key,
                rb_name=rb_row["gemeindename"].strip() if rb_row else "",
                land_key=land_key,
                land_code=LAENDER[land_key],
                land_name=laender.get(land_key, ""),
                population=parse_int(row["bevoelkerung"]),
                area_km2=parse_decimal(row["flaeche"]),
                postcode=row["postleitzahl"].strip(),
                lon=lon,
                lat=lat,
                urbanisation=row["verstaedterungbezeichnung"].strip(),
            )
        )
    municipalities.sort(key=lambda m: m.ags)

    kreise = sorted(
        (
            Kreis(
                kreis_key=key,
                name=row["gemeindename"].strip(),
                short_name=short_name(row["gemeindename"]),
                rb_key=rb_key_of(row),
                land_code=LAENDER[row["land"]],
                kreisfrei=row["textkennzeichen"] in KREISFREI_KENNZEICHEN,
            )
            for key, row in kreis_rows.items()
        ),
        key=lambda k: k.kreis_key,
    )
    regierungsbezirke = sorted(
        (Regierungsbezirk(rb_key=key, name=row["gemeindename"].strip(), land_code=LAENDER[row["land"]]) for key, row in rb_rows.items()),
        key=lambda rb: rb.rb_key,
    )
    return Register(municipalities, kreise, regierungsbezirke)


# --------------------------------------------------------------------------- writing


def format_value(value: object) -> str:
    """CSV cell text: None -> empty, bool -> true/false, float -> shortest repr with dot."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def to_csv(records: Sequence[object], columns: Sequence[str]) -> str:
    """Dataclass records as CSV text with header, `\\n` line endings."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for record in records:
        values = asdict(record)  # type: ignore[call-overload]
        writer.writerow([format_value(values[c]) for c in columns])
    return buffer.getvalue()


def column_names(cls: type) -> list[str]:
    return [f.name for f in fields(cls)]


MUNICIPALITY_CONTENT = (
    "AGS, ARS, official and short name, Kreis, Regierungsbezirk, Land, population, area, postcode, coordinates, urbanisation"
)


def attribution_text(register: Register) -> str:
    nrw = sum(1 for m in register.municipalities if m.land_code == "NW")
    gemeinden = f"{len(register.municipalities):,} Gemeinden (satzart 60, including gemeindefreie Gebiete; {nrw} in Nordrhein-Westfalen)"
    return f"""# Attribution: municipal register

{ATTRIBUTION_LINE}

The files `municipalities.csv`, `kreise.csv` and `regierungsbezirke.csv` in this directory are
derived from the official municipal register of Germany (Gemeindeverzeichnis) published by the
Statistisches Bundesamt (Destatis) in its Gemeindeverzeichnis-Informationssystem GV-ISys.

| file | content |
|---|---|
| `municipalities.csv` | {gemeinden} with {MUNICIPALITY_CONTENT} |
| `kreise.csv` | {len(register.kreise)} Kreise and kreisfreie Städte (satzart 40) |
| `regierungsbezirke.csv` | {len(register.regierungsbezirke)} Regierungsbezirke / statistical regions (satzart 20) |

- Source: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis-Informationssystem GV-ISys,
  https://www.destatis.de/DE/Themen/Laender-Regionen/Regionales/Gemeindeverzeichnis/_inhalt.html
- Edition: {EDITION}.
- Licence: {LICENCE_NAME}, {LICENCE_URL}
- Required attribution (must travel with any copy or derived data, e.g. in the web interface's
  footer): "{ATTRIBUTION_LINE}"
- Changes: columns selected and renamed, keys composed (AGS = land+rb+kreis+gemeinde,
  ARS = land+rb+kreis+vb+gemeinde), short display names derived by dropping the official suffix
  after the first comma, numbers normalised (no thousands separators, decimal dot), the
  placeholder coordinates "0"/"0" dropped (coordinates are empty for three unpopulated
  gemeindefreie Gebiete).

Derived with scripts/derive_municipalities.py. To re-run it from the repository root:

```sh
python scripts/derive_municipalities.py --source ../shared/data/gemeindeverzeichnis-destatis.csv --out seed_data
```

The project records in `projects/` are not derived from the register; they name municipalities,
and a node resolves the names with this register when it imports them (`kb serve --seed`).
`projects/illustrative.jsonl` holds made-up examples (`"illustrative": true`);
`projects/real.jsonl` describes real cooperations with public sources (`projects/README.md`).
"""


def write_text(path: Path, text: str) -> None:
    """UTF-8 without BOM, newlines written verbatim."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def write_register(register: Register, out_dir: Path) -> None:
    write_text(
        out_dir / "municipalities.csv",
        to_csv(register.municipalities, column_names(Municipality)),
    )
    write_text(out_dir / "kreise.csv", to_csv(register.kreise, column_names(Kreis)))
    write_text(
        out_dir / "regierungsbezirke.csv",
        to_csv(register.regierungsbezirke, column_names(Regierungsbezirk)),
    )
    write_text(out_dir / "ATTRIBUTION.md", attribution_text(register))


def default_source() -> Path:
    env = os.environ.get(SOURCE_ENV)
    if env:
        return Path(env)
    return DEFAULT_SOURCE


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--source",
        type=Path,
        default=None,
        help=f"GV-ISys CSV (default: ${SOURCE_ENV} or ../shared/data/gemeindeverzeichnis-destatis.csv)",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory")
    args = parser.parse_args(argv)
    source: Path = args.source or default_source()
    if not source.is_file():
        print(f"register source not found: {source}", file=sys.stderr)
        return 2
    register = derive(read_rows(source))
    write_register(register, args.out)
    print(
        f"wrote {len(register.municipalities)} municipalities, {len(register.kreise)} Kreise, "
        f"{len(register.regierungsbezirke)} Regierungsbezirke to {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
