""""Meinten Sie …?": corrections of misspelt query words from the index's own vocabulary.

A query word the index does not know (its stem is no index term and it is no compound of known
parts) is compared with the words the indexed records use, by Damerau–Levenshtein distance (at
most 1 for words of up to 5 letters, 2 above), found through a symmetric-deletion table (Garbe's
SymSpell idea: a word and a misspelling within distance 2 share a form with at most one letter
deleted from each, or one is such a form of the other). The closest word wins, then the more
frequent. "Standesammt" → "Standesamt". The table is built by the indexer thread right after it
publishes a lexical snapshot (``warm``); until then a query gets no suggestion rather than waiting
(about 9 s for 10,000 generated records on this loaded machine, 18 MB).
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kb.ontology.text import fold
from kb.search.analysis import STOP_WORDS

WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
MIN_WORD = 4
"""Shorter query words are never corrected (too many neighbours)."""
MIN_COUNT = 1


def max_distance(word: str) -> int:
    return 1 if len(word) <= 5 else 2


def distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), capped at limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        low = cur[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
            low = min(low, cur[j])
        if low > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[len(b)]


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


@dataclass(frozen=True)
class Correction:
    word: str
    """The query word as typed."""
    suggestion: str
    """The index word, as records spell it ("Standesamt")."""


class Speller:
    """Close index words for unknown query words; built lazily from the indexed texts."""

    def __init__(self, texts: Callable[[], Iterable[str]]) -> None:
        self._texts = texts
        self._lock = threading.Lock()
        self._counts: Counter[str] | None = None
        self._display: dict[str, str] = {}
        self._table: dict[str, list[str]] = {}

    def _build(self) -> None:
        seen: Counter[str] = Counter()
        for text in self._texts():
            seen.update(WORD.findall(text))
        counts: Counter[str] = Counter()
        display: dict[str, Counter[str]] = {}
        for raw, n in seen.items():  # each distinct spelling folded once (in order of first use, as before)
            folded = fold(raw)
            if len(folded) < MIN_WORD or folded in STOP_WORDS or " " in folded:
                continue
            counts[folded] += n
            display.setdefault(folded, Counter())[raw] += n
        table: dict[str, list[str]] = {}
        for word in counts:
            table.setdefault(word, []).append(word)
            for d in _deletes(word):
                table.setdefault(d, []).append(word)
        self._display = {w: forms.most_common(1)[0][0] for w, forms in display.items()}
        self._table = table
        self._counts = counts

    def warm(self) -> None:
        """Build the table (in the indexer thread, never in a query)."""
        with self._lock:
            if self._counts is None:
                self._build()

    @property
    def ready(self) -> bool:
        return self._counts is not None

    def suggest(self, folded: str) -> str | None:
        """The closest index word to a folded query word (as records spell it), or None (also while
        the table is being built)."""
        counts = self._counts
        if counts is None or len(folded) < MIN_WORD or folded in counts:
            return None
        limit = max_distance(folded)
        candidates: set[str] = set()
        for key in (folded, *_deletes(folded)):
            candidates.update(self._table.get(key, ()))
        best: tuple[int, int, str] | None = None
        for candidate in candidates:
            if counts[candidate] < MIN_COUNT:
                continue
            d = distance(folded, candidate, limit)
            if d <= limit and (best is None or (d, -counts[candidate], candidate) < best):
                best = (d, -counts[candidate], candidate)
        return self._display.get(best[2], best[2]) if best else None
