"""Places a query names: a municipality or a Kreis biases the ranking toward that Kreis.

"Standesamt im Kreis Soest", "Bauhof Arnsberg": records with a participant in the named Kreis
(a municipality stands for its Kreis) get a higher fused score, and the rest of the query
("Standesamt") is what the words and the meaning are matched with; nothing is filtered out. Names come from the register
(``seed_data/municipalities.csv``, ``kreise.csv``), folded, matched as whole words, written with a
capital letter in the query (so "lage" in lower case is a word, "Lage" may be the town).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kb.ontology.text import fold
from kb.search.analysis import STOP_WORDS

REGION_BOOST = 1.0
"""Fused-score factor 1 + this for records in the named Kreis."""
MIN_NAME = 4
MAX_WORDS = 4
_TOKEN = re.compile(r"[\w]+", re.UNICODE)
PLACE_WORDS = frozenset({"kreis", "landkreis", "stadt", "gemeinde", "region", "staedteregion"})
"""Words before a name that belong to it ("im Kreis Soest")."""


@dataclass(frozen=True)
class Place:
    name: str
    """As the query wrote it."""
    kreise: frozenset[str]
    start: int = 0
    end: int = 0
    """Character range of the name in the query, with a "Kreis"/"Landkreis" written before it."""


class PlaceMatcher:
    def __init__(self, register: object) -> None:
        names: dict[tuple[str, ...], set[str]] = {}
        kreise = getattr(register, "kreise", {})
        for kreis in kreise.values():
            for name in {kreis.short_name, kreis.name.split(",")[0]}:
                self._add(names, name, kreis.key)
        for m in getattr(register, "municipalities", []):
            self._add(names, m.short_name, m.kreis_key)
        self._names = {k: frozenset(v) for k, v in names.items()}

    @staticmethod
    def _add(names: dict[tuple[str, ...], set[str]], name: str, kreis: str) -> None:
        words = tuple(fold(name).split())
        if not words or len(words) > MAX_WORDS or (len(words) == 1 and (len(words[0]) < MIN_NAME or words[0] in STOP_WORDS)):
            return
        names.setdefault(words, set()).add(kreis)

    def places(self, query: str) -> list[Place]:
        matches = list(_TOKEN.finditer(query))
        raw = [m.group(0) for m in matches]
        words = [fold(w) for w in raw]
        out: list[Place] = []
        i = 0
        while i < len(words):
            for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
                kreise = self._names.get(tuple(words[i:i + n]))
                if kreise and raw[i][:1].isupper():
                    first = i - 1 if i > 0 and words[i - 1] in PLACE_WORDS else i
                    out.append(Place(" ".join(raw[i:i + n]), kreise, matches[first].start(), matches[i + n - 1].end()))
                    i += n
                    break
            else:
                i += 1
        return out

    @staticmethod
    def topic(query: str, places: list[Place]) -> str:
        """The query without the place names: what is searched for, the places say where."""
        out, at = [], 0
        for p in places:
            out.append(query[at:p.start])
            at = p.end
        out.append(query[at:])
        return " ".join("".join(out).split())
