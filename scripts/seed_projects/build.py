#!/usr/bin/env python3
"""Assemble seed_data/projects/*.json from the hand-written entries in this package.

The entries (``real.py``, ``illustrative_*.py``) name participating municipalities the way staff
would ("Erwitte", "Menden", or "Neunkirchen|Saarland" when a name is ambiguous). This script
resolves every name against the committed register ``seed_data/municipalities.csv`` and writes the
8-digit AGS, so no key is ever typed by hand. It fails loudly on unknown or ambiguous names.

Organisations without an official key are written as ``Org("Name")`` / ``Org("Name", "NL")``.

Run from the repository root::

    python scripts/seed_projects/build.py
"""

from __future__ import annotations

import csv
import importlib
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
REGISTER = REPO_ROOT / "seed_data" / "municipalities.csv"
OUT_DIR = REPO_ROOT / "seed_data" / "projects"

# JSON field order of a record (docs/data-model.md).
FIELD_ORDER = [
    "type",
    "title",
    "description",
    "participants",
    "lead",
    "state",
    "country",
    "nutsRegion",
    "taskAreas",
    "legalForm",
    "status",
    "startDate",
    "endDate",
    "fundingProgramme",
    "outcomes",
    "outcomeFigures",
    "lessonsLearned",
    "transferability",
    "digitalDelivery",
    "vat2b",
    "contact",
    "website",
    "keywords",
    "visibility",
    "sources",
    "illustrative",
]


@dataclass(frozen=True)
class Org:
    """An organisation without an official municipal key."""

    name: str
    country: str = "DE"

    def as_json(self) -> dict[str, str]:
        return {"name": self.name, "kind": "organisation", "country": self.country}


Participant = str | Org


class Register:
    """Name -> AGS lookup over seed_data/municipalities.csv."""

    def __init__(self, path: Path = REGISTER) -> None:
        with path.open(encoding="utf-8", newline="") as handle:
            self.rows = list(csv.DictReader(handle))
        self.by_ags = {row["ags"]: row for row in self.rows}

    def resolve(self, spec: str, state: str) -> str:
        """AGS for "Name" (in Land ``state``) or "Name|hint" (hint: Land code or Kreis name)."""
        name, _, hint = spec.partition("|")
        land = state
        kreis = ""
        if hint:
            if len(hint) == 2 and hint.isupper():
                land = hint
            else:
                kreis = hint
        candidates = [
            row
            for row in self.rows
            if row["land_code"] == land
            and (row["short_name"] == name or row["short_name"].startswith(name + " (") or row["short_name"].startswith(name + " / "))
            and (not kreis or kreis in (row["kreis_name"], row["kreis_name"].split(",")[0]))
        ]
        # Unpopulated gemeindefreie Gebiete share names with towns ("Holzminden, gemfr. Gebiet").
        candidates = [row for row in candidates if "gemfr" not in row["name"]] or candidates
        exact = [row for row in candidates if row["short_name"] == name]
        if len(exact) == 1:
            return exact[0]["ags"]
        if len(candidates) == 1:
            return candidates[0]["ags"]
        found = [(r["ags"], r["name"], r["kreis_name"]) for r in candidates]
        raise ValueError(f"{spec!r} in {land}: {'ambiguous' if found else 'unknown'} {found}")


def resolve_participant(register: Register, item: Participant, state: str) -> Any:
    # Duck-typed: the entry modules import O from ``seed_projects.build``, which is a different
    # class object than ``__main__.Org`` when this file is run as a script.
    if not isinstance(item, str):
        return item.as_json()
    return register.resolve(item, state)


def build_record(register: Register, entry: dict[str, Any], illustrative: bool) -> dict[str, Any]:
    record = dict(entry)
    state = record["state"]
    participants = [resolve_participant(register, p, state) for p in record["participants"]]
    record["participants"] = participants
    lead = record.get("lead")
    if lead is not None:
        resolved = resolve_participant(register, lead, state)
        if resolved not in participants:
            raise ValueError(f"lead {lead!r} is not a participant of {record['title']!r}")
        record["lead"] = resolved
    record.setdefault("type", "project")
    record["illustrative"] = illustrative
    unknown = set(record) - set(FIELD_ORDER)
    if unknown:
        raise ValueError(f"unknown fields {sorted(unknown)} in {record['title']!r}")
    return {key: record[key] for key in FIELD_ORDER if key in record}


def build(entries: Iterable[dict[str, Any]], illustrative: bool, register: Register) -> list[dict]:
    records = [build_record(register, entry, illustrative) for entry in entries]
    titles = [r["title"] for r in records]
    duplicates = {t for t in titles if titles.count(t) > 1}
    if duplicates:
        raise ValueError(f"duplicate titles: {sorted(duplicates)}")
    return records


def to_json(records: Sequence[dict[str, Any]]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def load_entries(module_names: Sequence[str]) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    for name in module_names:
        module = importlib.import_module(f"seed_projects.{name}")
        entries.extend(module.ENTRIES)
    return entries


REAL_MODULES = ["real"]
ILLUSTRATIVE_MODULES = [
    "illustrative_nw_duesseldorf",
    "illustrative_nw_koeln",
    "illustrative_nw_muenster_detmold",
    "illustrative_nw_arnsberg",
    "illustrative_other_north_east",
    "illustrative_other_south_west",
]


def available(modules: Sequence[str]) -> list[str]:
    here = Path(__file__).parent
    return [m for m in modules if (here / f"{m}.py").is_file()]


def render() -> dict[Path, str]:
    """File path -> JSON text for every output file."""
    register = Register()
    outputs = {
        OUT_DIR / "real.json": to_json(build(load_entries(REAL_MODULES), False, register)),
    }
    illustrative = available(ILLUSTRATIVE_MODULES)
    if illustrative:
        outputs[OUT_DIR / "illustrative.json"] = to_json(build(load_entries(illustrative), True, register))
    return outputs


def main() -> int:
    for path, text in render().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        count = len(json.loads(text))
        print(f"wrote {path.relative_to(REPO_ROOT)} ({count} records)")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main())
