"""The German analyser of the lexical index: folding, stop words, compound splitting, stemming.

One analyser serves documents and queries, so both sides agree on every term::

    >>> a = GermanAnalyzer(Lexicon.from_texts(["Lebensmittel und Überwachung", "Amt für Kontrollen"]))
    >>> a.split("lebensmittelueberwachungsamt")
    ['lebensmittel', 'ueberwachung', 'amt']
    >>> a.terms("Lebensmittelüberwachungsamt")
    ['lebensmitteluberwachungsamt', 'lebensmittel', 'uberwach', 'amt']

Compounds are split against a :class:`Lexicon` of known words (the corpus itself and the SKOS
labels, counted by stem), choosing the split whose parts are, on geometric mean, more frequent
than the whole word (Koehn & Knight 2003), with linking elements (Fugen-s, -es, -n, -en, -er, -e)
allowed between parts. A word the corpus only knows as a whole stays whole.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer

from kb.ontology.text import fold

_GERMAN_STOP = """
aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes anders auch auf aus bei beim
bin bis bist bzw da damit dann das dass dasselbe dazu dein deine dem den denn der derer des dessen dich die dies diese
diesem diesen dieser dieses dir doch dort du durch ein eine einem einen einer eines einig einige einigen einiges einmal
er es etwa etwas euch euer eure fuer gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr
ihre ihrem ihren ihrer ihres im in indem ins ist jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt kann
kein keine keinem keinen keiner keines koennen koennte man manche mein meine mich mir mit muss musste nach nicht nichts
noch nun nur ob oder ohne schon sehr sein seine seinem seinen seiner seines seit selbst sich sie sind so solche soll
sollte sondern sonst sowie ueber um und uns unser unsere unter viel vom von vor waehrend war waren was weg weil weiter
welche welchem welchen welcher welches wenn wer werde werden wie wieder will wir wird wo wollen wollte wuerde wuerden
zu zum zur zwar zwischen z b usw ca bereits gibt geht gut mehr neue neuen neuer wurde wurden worden
"""
_ENGLISH_STOP = """
a an and are as at be by for from has have how in into is its of on or our that the their there these this to
was we were what which who will with within our us i my can do does any
"""
STOP_WORDS = frozenset(_GERMAN_STOP.split()) | frozenset(_ENGLISH_STOP.split())
"""Folded stop words of German and English (queries come in both)."""

LINKING_ELEMENTS = ("s", "es", "n", "en", "er", "e")
"""Fugenelemente that may join the parts of a German compound (Lebensmittel-s-kontrolle)."""

NOT_PARTS = frozenset("ver vor zer ent ung heit keit lich ige isch bar sam los ab an be ge er miss un ur".split())
"""Affixes that look like words but never stand as a compound part on their own."""

ANALYZER_VERSION = 1
"""Raise when folding, stop words, splitting or stemming change: saved lexical snapshots are then rebuilt."""

MIN_PART = 3
MIN_SPLIT = 7
MAX_PARTS = 4
_NUMBER = re.compile(r"^\d+$")

_stemmer_lock_free = Stemmer.Stemmer("german")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball German stem of a folded word (``ueberwachungen`` → ``uberwach``)."""
    return _stemmer_lock_free.stemWord(word)  # type: ignore[no-any-return]


def tokens(text: str) -> list[str]:
    """Folded words of ``text`` without stop words (numbers kept: "115", "2b")."""
    return [t for t in fold(text).split() if t not in STOP_WORDS and (len(t) > 1 or t.isdigit())]


@dataclass
class Lexicon:
    """Known words for compound splitting: document frequency by stem, and the surface forms seen."""

    counts: Counter[str] = field(default_factory=Counter)
    surface: set[str] = field(default_factory=set)

    @classmethod
    def from_texts(cls, texts: Iterable[str], extra: Iterable[str] = (), extra_weight: int = 2) -> Lexicon:
        """Count each word once per text; ``extra`` words (SKOS labels) count ``extra_weight`` times."""
        return cls.from_tokens((tokens(text) for text in texts), extra, extra_weight)

    @classmethod
    def from_tokens(cls, token_lists: Iterable[list[str]], extra: Iterable[str] = (), extra_weight: int = 2) -> Lexicon:
        """As :meth:`from_texts`, for texts already cut into :func:`tokens` (the index build does that once)."""
        counts: Counter[str] = Counter()
        surface: set[str] = set()
        for text_tokens in token_lists:
            words = {t for t in text_tokens if len(t) >= MIN_PART and not _NUMBER.match(t)}
            surface.update(words)
            counts.update({stem(t) for t in words})
        for text in extra:
            for t in tokens(text):
                if len(t) >= MIN_PART and not _NUMBER.match(t):
                    surface.add(t)
                    counts[stem(t)] += extra_weight
        return cls(counts, surface)

    def frequency(self, word: str) -> int:
        """How often a word is seen, in any inflection (the head of a compound)."""
        return self.counts.get(stem(word), 0)

    def modifier_frequency(self, word: str) -> int:
        """As :meth:`frequency`, for a compound's leading part: it must be a word form seen as such
        (``lebensmittel``), or one with its final -e elided (``schul`` for ``schule``)."""
        if word in NOT_PARTS or word in STOP_WORDS:
            return 0
        if word in self.surface or word + "e" in self.surface:
            return self.frequency(word) or self.frequency(word + "e")
        return 0

    def __len__(self) -> int:
        return len(self.counts)


class GermanAnalyzer:
    """Turns text into index terms; compounds add their parts beside the whole word."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or Lexicon()
        self._splits: dict[str, list[str]] = {}

    def split(self, word: str) -> list[str]:
        """The parts of a folded compound (surface forms, linking elements dropped), or ``[word]``."""
        cached = self._splits.get(word)
        if cached is not None:
            return cached
        parts = [word]
        if len(word) >= MIN_SPLIT and not _NUMBER.match(word):
            whole = self.lexicon.frequency(word)
            best_score, best = float(whole), None
            for candidate in self._segmentations(word, 0, MAX_PARTS):
                if len(candidate) < 2:
                    continue
                score = math.exp(sum(math.log(f) for _, f in candidate) / len(candidate))
                if score >= best_score:
                    best_score, best = score, candidate
            if best is not None:
                parts = [p for p, _ in best]
        if len(self._splits) < 500_000:
            self._splits[word] = parts
        return parts

    def _segmentations(self, word: str, start: int, budget: int) -> list[list[tuple[str, int]]]:
        """All ways to cut ``word[start:]`` into known parts (with optional linking elements)."""
        rest = word[start:]
        out: list[list[tuple[str, int]]] = []
        whole = self.lexicon.frequency(rest) if len(rest) >= MIN_PART and rest not in STOP_WORDS and rest not in NOT_PARTS else 0
        if whole:
            out.append([(rest, whole)])
        if budget <= 1:
            return out
        for end in range(start + MIN_PART, len(word) - MIN_PART + 1):
            part = word[start:end]
            freq = self.lexicon.modifier_frequency(part)
            if not freq:
                continue
            nexts = [end] + [end + len(link) for link in LINKING_ELEMENTS if word.startswith(link, end)]
            for nxt in nexts:
                if len(word) - nxt < MIN_PART:
                    continue
                for tail in self._segmentations(word, nxt, budget - 1):
                    out.append([(part, freq), *tail])
        return out

    def decompose(self, word: str) -> list[str]:
        """Every part of a compound, recursively (``lebensmittelueberwachungsamt`` →
        ``lebensmittelueberwachung``, ``lebensmittel``, ``ueberwachung``, ``amt``); [] if none."""
        parts = self.split(word)
        if len(parts) < 2:
            return []
        out: list[str] = []
        for part in parts:
            out.append(part)
            out.extend(self.decompose(part))
        return out

    def terms(self, text: str) -> list[str]:
        """Index terms: the stem of each word, then the stems of its compound parts."""
        return self.terms_of(tokens(text))

    def terms_of(self, words: list[str]) -> list[str]:
        """As :meth:`terms`, for a text already cut into :func:`tokens`."""
        out: list[str] = []
        for token in words:
            out.append(stem(token))
            out.extend(stem(p) for p in self.decompose(token))
        return out

    def query_terms(self, text: str) -> list[tuple[str, str]]:
        """Distinct (term, word it came from) pairs of a query, in order of appearance."""
        seen: dict[str, str] = {}
        for token in tokens(text):
            for part in [token, *self.decompose(token)]:
                seen.setdefault(stem(part), token)
        return list(seen.items())

    def sequences(self, text: str) -> tuple[list[str], list[str]]:
        """The stems of ``text`` word by word, and with each compound replaced by its parts."""
        whole: list[str] = []
        split: list[str] = []
        for token in tokens(text):
            whole.append(stem(token))
            split.extend(stem(p) for p in self.split(token))
        return whole, split
