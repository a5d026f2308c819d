"""The short passage a result card shows, with the words that matched the query marked.

A snippet is plain text plus character ranges to highlight, never HTML: the web page escapes the
text and wraps the ranges in ``<mark>`` itself, and API clients do what they like with them. A
word matches when one of its index terms (its stem, or the stem of a compound part:
"Standesamtsbezirk" holds "standesamt") is a term of the query, so highlighting agrees with
what BM25 counted, except that the generic head of a query compound is not marked on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kb.ontology.text import fold
from kb.search.analysis import STOP_WORDS, GermanAnalyzer, stem, tokens

SNIPPET_WORDS = 30
"""Length of the passage, in words."""
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class Snippet:
    text: str
    highlights: list[tuple[int, int]] = field(default_factory=list)
    """[start, end) character ranges of ``text`` that matched the query."""

    def parts(self) -> list[tuple[str, bool]]:
        """The text cut into (piece, highlighted) runs, for a template to escape and mark."""
        out: list[tuple[str, bool]] = []
        at = 0
        for start, end in self.highlights:
            if start > at:
                out.append((self.text[at:start], False))
            out.append((self.text[start:end], True))
            at = end
        if at < len(self.text):
            out.append((self.text[at:], False))
        return out


def snippet_terms(texts: list[str], analyzer: GermanAnalyzer) -> set[str]:
    """The terms to mark for query texts: each word's stem and the stems of its compound's leading
    parts. The head of a German compound is the generic part ("Friedhofsverwaltung" → mark
    "Friedhof", not every "Verwaltung")."""
    out: set[str] = set()
    for text in texts:
        for token in tokens(text):
            out.add(stem(token))
            parts = analyzer.split(token)
            out.update(stem(p) for p in parts[:-1])
    return out


def _matches(word: str, terms: set[str], analyzer: GermanAnalyzer) -> bool:
    folded = fold(word)
    if not folded or folded in STOP_WORDS or " " in folded:
        return False
    if stem(folded) in terms:
        return True
    return any(stem(part) in terms for part in analyzer.decompose(folded))


def make_snippet(text: str, terms: set[str], analyzer: GermanAnalyzer, words: int = SNIPPET_WORDS) -> Snippet:
    """The window of ``words`` words of ``text`` holding the most distinct query terms."""
    text = " ".join(text.split())
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    if not spans:
        return Snippet("")
    hit = [_matches(text[s:e], terms, analyzer) for s, e in spans] if terms else [False] * len(spans)
    best_start, best_score = 0, -1
    if any(hit):
        for start in range(0, max(1, len(spans) - words + 1)):
            window = {fold(text[s:e]) for (s, e), h in zip(spans[start:start + words], hit[start:start + words], strict=True) if h}
            score = len(window) * 100 + sum(hit[start:start + words])
            if score > best_score:
                best_start, best_score = start, score
        best_start = max(0, min(best_start, len(spans) - words))
        # begin at a sentence start if one is close before the first hit
        for back in range(best_start, max(-1, best_start - 8), -1):
            if back == 0 or text[spans[back][0] - 2: spans[back][0]].rstrip().endswith((".", "!", "?")):
                best_start = back
                break
    end_word = min(len(spans), best_start + words)
    begin, finish = spans[best_start][0], spans[end_word - 1][1]
    if end_word < len(spans) or finish < len(text):
        finish_text = text[begin:finish]
        suffix = " …" if end_word < len(spans) else text[finish:]
    else:
        finish_text, suffix = text[begin:finish], text[finish:]
    prefix = "… " if begin > 0 else ""
    snippet = prefix + finish_text + suffix
    offset = len(prefix) - begin
    marks = [(s + offset, e + offset) for (s, e), h in zip(spans[best_start:end_word], hit[best_start:end_word], strict=True) if h]
    return Snippet(snippet, marks)
