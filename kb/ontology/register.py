"""The official municipal register (Destatis GV-ISys), as derived into ``seed_data/``.

Every node ships it, so a participant named "Anröchte" resolves to the same AGS everywhere, and
the inventory can place every municipality on the map. Datenquelle: Statistisches Bundesamt
(Destatis), GV-ISys; Datenlizenz Deutschland – Namensnennung – Version 2.0.
"""

from __future__ import annotations

import csv
import difflib
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from kb.errors import UnresolvedValue, Violation
from kb.ontology.namespaces import MUNICIPALITY
from kb.ontology.text import fold

SEED_DIR = Path(__file__).resolve().parents[2] / "seed_data"
ATTRIBUTION = "Datenquelle: Statistisches Bundesamt (Destatis), GV-ISys; Lizenz dl-de/by-2-0"

_PREFIXES = ("stadt ", "gemeinde ", "markt ", "hansestadt ", "kreisstadt ", "flecken ")


MAX_SUGGESTED_CHARS = 60
"""Longer names get no spelling suggestions: comparing one name with the whole register costs
about 50 ms, and no municipality's name is that long."""

UNKNOWN_MUNICIPALITY = "unknown_municipality"
"""``Violation.code`` of a name the register does not know (the web form words the way out its own way)."""


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
    land_code: str
    population: int
    lon: float | None
    lat: float | None

    @property
    def iri(self) -> str:
        return MUNICIPALITY + self.ags

    def as_candidate(self) -> dict[str, str]:
        return {"ags": self.ags, "name": self.short_name, "kreis": self.kreis_name, "state": self.land_code}


@dataclass(frozen=True)
class Kreis:
    key: str
    name: str
    short_name: str
    rb_key: str
    land_code: str
    kreisfrei: bool


class Register:
    """Lookup of municipalities by key or name; neighbours by distance."""

    def __init__(self, municipalities: list[Municipality], kreise: list[Kreis], rb_names: dict[str, str]) -> None:
        self.municipalities = municipalities
        self.by_ags = {m.ags: m for m in municipalities}
        self.by_ars = {m.ars: m for m in municipalities}
        self.kreise = {k.key: k for k in kreise}
        self.regierungsbezirke = rb_names
        self._by_name: dict[str, list[Municipality]] = {}
        for m in municipalities:
            plain = m.short_name.split("(", 1)[0]  # "Wickede (Ruhr)" is also just "Wickede"
            german = m.short_name.split(" / ", 1)[0]  # "Bautzen / Budyšin" (German / Sorbian) is also just "Bautzen"
            for key in {fold(m.short_name), fold(m.name), fold(plain), fold(german)}:
                self._by_name.setdefault(key, []).append(m)

    @classmethod
    def load(cls, directory: Path = SEED_DIR) -> Register:
        with (directory / "municipalities.csv").open(encoding="utf-8", newline="") as f:
            municipalities = [
                Municipality(
                    ags=row["ags"],
                    ars=row["ars"],
                    name=row["name"],
                    short_name=row["short_name"],
                    kreis_key=row["kreis_key"],
                    kreis_name=row["kreis_name"],
                    rb_key=row["rb_key"],
                    rb_name=row["rb_name"],
                    land_code=row["land_code"],
                    population=int(row["population"] or 0),
                    lon=float(row["lon"]) if row["lon"] else None,
                    lat=float(row["lat"]) if row["lat"] else None,
                )
                for row in csv.DictReader(f)
            ]
        kreise: list[Kreis] = []
        kreise_path = directory / "kreise.csv"
        if kreise_path.exists():
            with kreise_path.open(encoding="utf-8", newline="") as f:
                kreise = [
                    Kreis(
                        key=row["kreis_key"],
                        name=row["name"],
                        short_name=row.get("short_name") or row["name"],
                        rb_key=row["rb_key"],
                        land_code=row["land_code"],
                        kreisfrei=row["kreisfrei"].lower() == "true",
                    )
                    for row in csv.DictReader(f)
                ]
        rb_names: dict[str, str] = {}
        rb_path = directory / "regierungsbezirke.csv"
        if rb_path.exists():
            with rb_path.open(encoding="utf-8", newline="") as f:
                rb_names = {row["rb_key"]: row["name"] for row in csv.DictReader(f)}
        return cls(municipalities, kreise, rb_names)

    def __len__(self) -> int:
        return len(self.municipalities)

    def get(self, key: str) -> Municipality | None:
        """By AGS (8 digits), ARS (12 digits) or municipality IRI."""
        if key.startswith(str(MUNICIPALITY)):
            key = key[len(str(MUNICIPALITY)):]
        return self.by_ags.get(key) or self.by_ars.get(key)

    def find(self, name: str) -> list[Municipality]:
        key = fold(name)
        found = self._by_name.get(key)
        if found:
            return list(found)
        for prefix in _PREFIXES:
            if key.startswith(prefix) and (found := self._by_name.get(key[len(prefix):])):
                return list(found)
        return []

    @cached_property
    def _close_names(self) -> Callable[[str], tuple[str, ...]]:
        """Spelling suggestions for a folded name, remembered: the same typo costs the comparison once."""
        names = list(self._by_name)

        @lru_cache(maxsize=2048)
        def close(folded: str) -> tuple[str, ...]:
            return tuple(difflib.get_close_matches(folded, names, n=5, cutoff=0.8))

        return close

    def resolve(self, value: str, state_hint: str | None = None, field_name: str = "participants", *, suggest: bool = True) -> Municipality:
        """One municipality for a key or a name, or a 422 that lists candidates.

        The state hint picks among namesakes (there are many "Neustadt"); a name that exists only
        once in Germany is accepted even outside the hinted state (cooperations cross borders).
        ``suggest=False`` leaves out the spelling suggestions for an unknown name: the caller
        bounds how many it asks for in one request (``records.py``), since each one compares the
        name with the whole register.
        """
        value = value.strip()
        if not value:
            raise _unresolved(field_name, value, "Bitte geben Sie den Namen der Gemeinde oder ihren amtlichen Gemeindeschlüssel (AGS) an.",
                              "Please give the municipality's name or its official key (AGS).", [], code=UNKNOWN_MUNICIPALITY)
        if value.isdigit():
            found = self.get(value)
            if found is None:
                raise _unresolved(field_name, value, "Kein Eintrag mit diesem amtlichen Schlüssel (AGS/ARS) im Gemeindeverzeichnis.",
                                  "No municipality with this official key (AGS/ARS) in the register.", [])
            return found
        matches = self.find(value)
        if state_hint and len(matches) > 1:
            in_state = [m for m in matches if m.land_code == state_hint]
            matches = in_state or matches
        if len(matches) == 1:
            return matches[0]
        if not matches:
            close = self._close_names(fold(value)) if suggest and len(value) <= MAX_SUGGESTED_CHARS else ()
            candidates = [m for key in close for m in self._by_name[key]][:10]
            raise _unresolved(
                field_name, value,
                "Diese Gemeinde ist im amtlichen Gemeindeverzeichnis nicht zu finden. Bitte prüfen Sie die Schreibweise, "
                "geben Sie den amtlichen Gemeindeschlüssel (AGS) an oder tragen Sie eine Organisation ohne Schlüssel als "
                '{"name": ..., "kind": "organisation"} ein.',
                "This municipality is not in the official register. Check the spelling, give its official key (AGS), "
                'or enter an organisation without a key as {"name": ..., "kind": "organisation"}.',
                candidates, code=UNKNOWN_MUNICIPALITY,
            )
        raise _unresolved(
            field_name, value,
            f"Der Name „{value}“ ist mehrdeutig ({len(matches)} Gemeinden). Bitte geben Sie den amtlichen Gemeindeschlüssel (AGS) an.",
            f"The name '{value}' is ambiguous ({len(matches)} municipalities). Please give the official key (AGS).",
            matches[:20],
        )

    def in_kreis(self, kreis_key: str) -> list[Municipality]:
        return [m for m in self.municipalities if m.kreis_key == kreis_key]

    @cached_property
    def _located(self) -> list[Municipality]:
        return [m for m in self.municipalities if m.lat is not None and m.lon is not None]

    def neighbours(self, ags: str, limit: int = 10, max_km: float = 30.0) -> list[tuple[Municipality, float]]:
        """The nearest municipalities by the register's coordinates, with their distance in km."""
        origin = self.by_ags.get(ags)
        if origin is None or origin.lat is None or origin.lon is None:
            return []
        out = []
        for m in self._located:
            if m.ags == ags:
                continue
            d = distance_km(origin.lat, origin.lon, m.lat, m.lon)  # type: ignore[arg-type]
            if d <= max_km:
                out.append((m, d))
        out.sort(key=lambda pair: pair[1])
        return out[:limit]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _unresolved(field_name: str, value: str, de: str, en: str, candidates: list[Municipality], code: str = "") -> UnresolvedValue:
    return UnresolvedValue(
        [Violation(field=field_name, message=de, message_en=en, value=value, candidates=[m.as_candidate() for m in candidates],
                   code=code)],
        message=f"„{value}“: {de}",
        message_en=f"'{value}': {en}",
    )
