"""Places a query names: a municipality or a Kreis biases the ranking toward that Kreis.

"Standesamt im Kreis Soest", "Bauhof Arnsberg": records with a participant in the named Kreis
(a municipality stands for its Kreis) get a higher fused score; nothing is filtered out, so
"total" and the facets stay those of the query without the place. Names come from the register
(``seed_data/municipalities.csv``, ``kreise.csv``), folded, matched as whole words, written with a
capital letter in the query (so "lage" in lower case is a word, "Lage" may be the town).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kb.ontology.text import fold
from kb.search.analysis import STOP_WORDS

REGION_BOOST = 0.3
"""Fused-score factor 1 + this for records in the named Kreis."""
MIN_NAME = 4
MAX_WORDS = 4
_TOKEN = re.compile(r"[\w]+", re.UNICODE)


@dataclass(frozen=True)
class Place:
    name: str
    """As the query wrote it."""
    kreise: frozenset[str]


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
        raw = _TOKEN.findall(query)
        words = [fold(w) for w in raw]
        out: list[Place] = []
        i = 0
        while i < len(words):
            for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
                key = tuple(w for w in words[i:i + n])
                kreise = self._names.get(key)
                if kreise and raw[i][:1].isupper():
                    out.append(Place(" ".join(raw[i:i + n]), kreise))
                    i += n
                    break
            else:
                i += 1
        return out
