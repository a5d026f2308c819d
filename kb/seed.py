"""The seed projects: hand-written JSON Lines in ``seed_data/projects/``, names resolved at import.

The files name participating municipalities the way staff would ("Erwitte", "Bad Sassendorf"),
in the API's own JSON form, and this module resolves every name with the register the API uses
(``kb/ontology/register.py``) into the official key, so no key is typed by hand and there is no
compiled copy to keep in step. A name the register cannot resolve to exactly one municipality
stops the import with the file, line, record and name (``SeedDataError``): seed data is ours,
so a typo is a bug to fix, not a record to skip.

A participant is written as one of:

- ``"Erwitte"``: a name, resolved with the record's ``state`` as the hint among namesakes;
- ``{"name": "Hamburg", "state": "HH"}``: a name in another Land than the record's;
- ``{"ags": "01056041", "name": "Quickborn"}``: the key, for a name that stays ambiguous within its
  Land (two Quickborns in Schleswig-Holstein); the name must be one of the key's names;
- ``{"name": "Gemeente Berg en Dal", "kind": "organisation", "country": "NL"}``: no key, kept as it is.

The resolved records are exactly the JSON form the node imports (participants and lead as AGS),
so their record IRIs, which derive from title and participants, stay stable.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from kb.errors import KbError, UnresolvedValue
from kb.ontology import safejson
from kb.ontology.records import BOERSE_TYPES
from kb.ontology.register import Register

SEED_PROJECTS = Path(__file__).resolve().parents[1] / "seed_data" / "projects"
SEED_BOERSE = Path(__file__).resolve().parents[1] / "seed_data" / "boerse"
"""Illustrative requests and offers of the Kooperationsbörse (``kb demo`` loads them)."""


class SeedDataError(KbError):
    """A seed file that cannot be imported as written (unknown or ambiguous name, bad line)."""

    code = "seed_data"


def seed_files(paths: Iterable[Path] | None = None) -> list[Path]:
    """The ``.jsonl`` files under ``paths`` (files or folders; default: the shipped seed projects), sorted."""
    files: list[Path] = []
    for path in paths or [SEED_PROJECTS]:
        files.extend(sorted(path.glob("*.jsonl")) if path.is_dir() else [path])
    return files


def load_seed_projects(register: Register, paths: Iterable[Path] | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
    """(``file:line``, record in the node's JSON form) for every seed record, names resolved to AGS."""
    for path in seed_files(paths):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            label = f"{path.name}:{number}"
            try:
                record = safejson.loads(line)
            except (ValueError, KbError) as exc:
                raise SeedDataError(f"{label}: keine gültige JSON-Zeile ({exc})", f"{label}: not a valid JSON line ({exc})") from exc
            if not isinstance(record, dict):
                raise SeedDataError(f"{label}: jede Zeile muss ein JSON-Objekt sein.", f"{label}: each line must be a JSON object.")
            yield label, with_valid_until(resolve_names(register, record, label))


def with_valid_until(record: dict[str, Any], today: date | None = None) -> dict[str, Any]:
    """A seed request or offer without ``validUntil`` is valid until the end of next year, so that the
    demo's Börse never runs empty (its record IRI does not depend on the date)."""
    if record.get("type") not in BOERSE_TYPES or record.get("validUntil"):
        return record
    return {**record, "validUntil": f"{(today or date.today()).year + 1}-12-31"}


def resolve_names(register: Register, record: dict[str, Any], label: str = "") -> dict[str, Any]:
    """``record`` with each municipal participant and the lead given as its AGS."""
    resolved = dict(record)
    state = record.get("state")
    where = f"{label} „{record.get('title', '')}“"
    resolved["participants"] = [_participant(register, p, state, f"{where}, participants.{i}")
                                for i, p in enumerate(record.get("participants") or [])]
    if record.get("lead") is not None:
        resolved["lead"] = _participant(register, record["lead"], state, f"{where}, lead")
    return resolved


def _participant(register: Register, value: Any, state: str | None, where: str) -> Any:
    if isinstance(value, dict) and value.get("kind") == "organisation":
        return value
    if isinstance(value, str):
        name, hint, ags = value, state, None
    elif isinstance(value, dict) and set(value) <= {"name", "state", "ags"} and value.get("name"):
        name, hint, ags = value["name"], value.get("state", state), value.get("ags")
    else:
        raise SeedDataError(f"{where}: {value!r} ist weder ein Gemeindename noch eine Organisation.",
                            f"{where}: {value!r} is neither a municipality's name nor an organisation.")
    try:
        if ags is None:
            return register.resolve(name, hint).ags
        municipality = register.resolve(ags)
    except UnresolvedValue as exc:
        candidates = exc.violations[0].candidates if exc.violations else []
        named = "; ".join(f"{c['ags']} {c['name']} ({c['kreis']}, {c['state']})" for c in candidates)
        raise SeedDataError(f"{where}: {exc.message}" + (f" Kandidaten: {named}" if named else ""),
                            f"{where}: {exc.message_en}" + (f" Candidates: {named}" if named else "")) from exc
    if municipality not in register.find(name):
        raise SeedDataError(f"{where}: „{name}“ ist nicht der Name der Gemeinde {ags} ({municipality.short_name}).",
                            f"{where}: '{name}' is not the name of municipality {ags} ({municipality.short_name}).")
    return municipality.ags
