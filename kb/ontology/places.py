"""Finding a place by (part of) its name: every municipality and Kreis of the register, typos forgiven.

Staff look for their own town first, and a town without any cooperation yet is exactly the one
that needs partner suggestions most; so every one of the register's ~11,000 municipalities (and
its ~400 Kreise) is a search result in its own right: in the search box's suggestions
(``GET /api/municipalities?q=``), as a card above the search results, and behind
``/gemeinde/{name}``.

Matching is on folded names (``kb.ontology.text.fold``: case, umlauts, ß, hyphens), in this order:
the whole name (also without "Stadt"/"Gemeinde" and parenthesised additions), the start of the
name, the start of a later word ("Sassendorf" → "Bad Sassendorf"), then close spellings
(``difflib``, only for queries up to ``MAX_FUZZY_CHARS``: it is the one part whose cost grows with
the query). Larger places rank first among equally good matches.
"""

from __future__ import annotations

import bisect
import difflib
from dataclasses import dataclass
from typing import Literal

from kb.ontology.register import Kreis, Municipality, Register
from kb.ontology.text import fold

MAX_QUERY_CHARS = 100
MAX_LIMIT = 50
MAX_FUZZY_CHARS = 40
_PREFIXES = ("stadt ", "gemeinde ", "markt ", "hansestadt ", "kreisstadt ", "flecken ", "kreis ", "landkreis ")

PlaceKind = Literal["gemeinde", "kreis"]


@dataclass(frozen=True)
class Place:
    """One match: a municipality (key = AGS) or a Kreis (key = Kreisschlüssel)."""

    kind: PlaceKind
    key: str
    name: str
    official_name: str
    kreis: str
    kreis_key: str
    state: str
    population: int
    score: float
    exact: bool

    @property
    def url(self) -> str:
        return f"/gemeinde/{self.key}" if self.kind == "gemeinde" else f"/suche?kreis={self.key}"

    def as_dict(self) -> dict[str, object]:
        return {"type": self.kind, "ags" if self.kind == "gemeinde" else "kreisKey": self.key, "name": self.name,
                "officialName": self.official_name, "kreis": self.kreis, "kreisKey": self.kreis_key, "state": self.state,
                "population": self.population, "url": self.url, "exact": self.exact}


class PlaceIndex:
    """Folded names of all municipalities and Kreise, sorted for prefix lookups."""

    def __init__(self, register: Register) -> None:
        self.register = register
        entries: dict[str, list[Municipality | Kreis]] = {}
        for m in register.municipalities:
            for name in {m.short_name, m.short_name.split("(", 1)[0], m.short_name.split(" / ", 1)[0], m.name.split(",", 1)[0]}:
                key = fold(name).strip()
                if key and m not in entries.setdefault(key, []):
                    entries[key].append(m)
        for k in register.kreise.values():
            if len(k.key) != 5 or k.kreisfrei:  # a kreisfreie Stadt is found as the town itself
                continue
            for name in {k.short_name, k.name.split(",", 1)[0]}:
                key = fold(name).strip()
                if key and k not in entries.setdefault(key, []):
                    entries[key].append(k)
        self._entries = entries
        self._keys = sorted(entries)
        self._words: dict[str, list[str]] = {}
        """Every later word of a multi-word name → the names it starts ("sassendorf" → ["bad sassendorf"])."""
        for key in self._keys:
            for word in key.split()[1:]:
                if len(word) >= 3:
                    self._words.setdefault(word, []).append(key)
        self._word_keys = sorted(self._words)

    def search(self, query: str, limit: int = 10) -> list[Place]:
        q = fold(query[:MAX_QUERY_CHARS]).strip()
        if not q:
            return []
        wants_kreis = q.startswith(("kreis ", "landkreis ")) or q.endswith("kreis")
        for prefix in _PREFIXES:
            if q.startswith(prefix) and len(q) > len(prefix):
                q = q[len(prefix):]
                break
        scored: dict[tuple[str, str], Place] = {}

        def add(key: str, score: float) -> None:
            for item in self._entries.get(key, []):
                place = self._place(item, score, exact=score >= 1.0)
                ident = (place.kind, place.key)
                if ident not in scored or scored[ident].score < score:
                    scored[ident] = place

        if q in self._entries:
            add(q, 1.0)
        for key in self._prefixed(self._keys, q, 200):
            if key != q:
                add(key, 0.9 - min(0.3, (len(key) - len(q)) / 100))
        for word in self._prefixed(self._word_keys, q, 50):
            for key in self._words[word]:
                add(key, 0.8 if word == q else 0.7)
        if not scored and 3 <= len(q) <= MAX_FUZZY_CHARS:  # nothing starts so: a typo?
            near = [k for k in self._keys if abs(len(k) - len(q)) <= 3 and (k[0] == q[0] or k[-2:] == q[-2:])]
            for key in difflib.get_close_matches(q, near, n=limit, cutoff=0.75):
                add(key, 0.6 * difflib.SequenceMatcher(None, q, key).ratio())
        # Good matches (whole name, start of name) by size: "Frankfurt" is Frankfurt am Main first.
        ranked = sorted(scored.values(), key=lambda p: (p.score < 0.8, (p.kind == "gemeinde") == wants_kreis,
                                                        -p.population if p.score >= 0.8 else -p.score, p.name))
        return ranked[:limit]

    def named(self, query: str) -> list[Place]:
        """The places whose whole name is ``query`` (a card on the search page, ``/gemeinde/{name}``):
        a dictionary lookup, no prefixes, no typos, so it is cheap for every phrase of a query."""
        q = fold(query[:MAX_QUERY_CHARS]).strip()
        items = self._entries.get(q, [])
        if not items:
            for prefix in _PREFIXES:
                if q.startswith(prefix) and (items := self._entries.get(q[len(prefix):], [])):
                    break
        places = [self._place(item, 1.0, exact=True) for item in items]
        return sorted(places, key=lambda p: (p.kind != "gemeinde", -p.population, p.name))

    def mentioned(self, query: str, limit: int = 3) -> list[Place]:
        """Places a search query names: the whole query (typos forgiven, if one place is clearly
        meant), or within a longer query a capitalised name of at least four letters
        ("Kooperationspartner gesucht Schwalm-Eder-Kreis"). Exact names only inside longer queries,
        so that ordinary words do not turn into towns."""
        query = query[:MAX_QUERY_CHARS].strip()
        if not query:
            return []
        whole = self.search(query, limit=limit)
        exact = [p for p in whole if p.exact]
        if exact:
            return exact[:limit]
        if len(query.split()) == 1 and whole and whole[0].score < 0.8:
            return whole[:1] if len(whole) == 1 or whole[0].score - whole[1].score >= 0.04 else []
        words = query.split()
        found: dict[tuple[str, str], Place] = {}
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                phrase = " ".join(words[i:i + size])
                if not phrase[:1].isupper() or len(phrase) < 4:
                    continue
                for place in self.named(phrase):
                    found.setdefault((place.kind, place.key), place)
        return sorted(found.values(), key=lambda p: -p.population)[:limit]

    @staticmethod
    def _prefixed(keys: list[str], q: str, cap: int) -> list[str]:
        start = bisect.bisect_left(keys, q)
        out = []
        for key in keys[start:start + cap]:
            if not key.startswith(q):
                break
            out.append(key)
        return out

    def _place(self, item: Municipality | Kreis, score: float, *, exact: bool) -> Place:
        if isinstance(item, Municipality):
            return Place("gemeinde", item.ags, item.short_name, item.name, item.kreis_name, item.kreis_key, item.land_code,
                         item.population, score, exact)
        population = sum(m.population for m in self.register.in_kreis(item.key)) if exact else 0
        label = item.short_name if item.kreisfrei or "kreis" in item.short_name.lower() else f"Kreis {item.short_name}"
        return Place("kreis", item.key, label, item.name, item.name, item.key, item.land_code, population, score, exact)
