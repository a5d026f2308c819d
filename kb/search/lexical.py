"""The lexical index: BM25 (bm25s) over the German analyser's terms.

bm25s indexes are static, so a :class:`LexicalIndex` is an immutable snapshot: the search
service builds a new one in the background when records change and swaps it in, while the old
one keeps answering. Each snapshot carries the analyser (and its lexicon) it was built with, so
queries are analysed exactly like the documents they are matched against.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Sequence

import bm25s
import numpy as np

from kb.search.analysis import GermanAnalyzer, Lexicon, tokens

log = logging.getLogger(__name__)
logging.getLogger("bm25s").setLevel(logging.WARNING)  # it logs every index build at DEBUG

K1 = 1.2
B = 0.75


class LexicalIndex:
    """An immutable BM25 snapshot over (doc id, text) pairs."""

    def __init__(self, docs: Sequence[tuple[int, str]], extra_words: Iterable[str] = ()) -> None:
        started = time.perf_counter()
        words = [tokens(text) for _, text in docs]
        self.analyzer = GermanAnalyzer(Lexicon.from_tokens(words, extra_words))
        self.doc_ids = np.asarray([doc_id for doc_id, _ in docs], dtype=np.int64)
        corpus = [self.analyzer.terms_of(w) or [""] for w in words]
        self._bm25: bm25s.BM25 | None = None
        if docs:
            self._bm25 = bm25s.BM25(k1=K1, b=B)
            self._bm25.index(corpus, show_progress=False)
        self.build_seconds = time.perf_counter() - started

    def __len__(self) -> int:
        return len(self.doc_ids)

    def knows(self, term: str) -> bool:
        return self._bm25 is not None and term in self._bm25.vocab_dict

    def term_scores(self, term: str) -> np.ndarray:
        """BM25 contribution of one (analysed) term to every document, by row."""
        if self._bm25 is None or term not in self._bm25.vocab_dict or not term:
            return np.zeros(len(self.doc_ids), dtype=np.float32)
        scores: np.ndarray = self._bm25.get_scores([term]).astype(np.float32, copy=False)
        return scores


EMPTY = LexicalIndex([])
