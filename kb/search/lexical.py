"""The lexical index: BM25 (bm25s) over the German analyser's terms.

bm25s indexes are static, so a :class:`LexicalIndex` is an immutable snapshot: the search
service builds a new one in the background when records change and swaps it in, while the old
one keeps answering. Each snapshot carries the analyser (and its lexicon) it was built with, so
queries are analysed exactly like the documents they are matched against.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import bm25s
import numpy as np

from kb.search.analysis import ANALYZER_VERSION, GermanAnalyzer, Lexicon, tokens

log = logging.getLogger(__name__)
logging.getLogger("bm25s").setLevel(logging.WARNING)  # it logs every index build at DEBUG

K1 = 1.2
B = 0.75


class LexicalIndex:
    """An immutable BM25 snapshot over (doc id, text) pairs."""

    def __init__(self, docs: Sequence[tuple[int, str]], extra_words: Iterable[str] = ()) -> None:
        started = time.perf_counter()
        extra_words = list(extra_words)
        self.words_key = words_key(extra_words)
        """Which analyser and which extra (SKOS) words the snapshot was built with: a saved snapshot is
        only reused under the same ones."""
        words = [tokens(text) for _, text in docs]
        self.analyzer = GermanAnalyzer(Lexicon.from_tokens(words, extra_words))
        self.doc_ids = np.asarray([doc_id for doc_id, _ in docs], dtype=np.int64)
        corpus = [self.analyzer.terms_of(w) or [""] for w in words]
        self._bm25: bm25s.BM25 | None = None
        if docs:
            self._bm25 = bm25s.BM25(k1=K1, b=B)
            self._bm25.index(corpus, show_progress=False)
        self.build_seconds = time.perf_counter() - started
        self.from_disk = False
        """Loaded from a saved snapshot rather than built from the texts."""

    def __len__(self) -> int:
        return len(self.doc_ids)

    def save(self, directory: Path) -> None:
        """Write the snapshot (lexicon, row ids, BM25 matrices) into ``directory``, which must not exist yet.

        A restart loads it instead of analysing every text again (about 8 s for 10,000 records)."""
        directory.mkdir(parents=True)
        lexicon = self.analyzer.lexicon
        meta = {"wordsKey": self.words_key, "counts": dict(lexicon.counts), "surface": sorted(lexicon.surface)}
        (directory / "lexicon.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        np.save(directory / "doc_ids.npy", self.doc_ids, allow_pickle=False)
        if self._bm25 is not None:
            self._bm25.save(str(directory / "bm25"), show_progress=False)

    @classmethod
    def load(cls, directory: Path, extra_words: Iterable[str]) -> LexicalIndex | None:
        """A saved snapshot, or None if it was built by another analyser or with other extra words."""
        meta = json.loads((directory / "lexicon.json").read_text(encoding="utf-8"))
        key = words_key(list(extra_words))
        if meta.get("wordsKey") != key:
            return None
        self = cls.__new__(cls)
        started = time.perf_counter()
        self.words_key = key
        self.analyzer = GermanAnalyzer(Lexicon(Counter(meta["counts"]), set(meta["surface"])))
        self.doc_ids = np.load(directory / "doc_ids.npy", allow_pickle=False).astype(np.int64, copy=False)
        bm25_dir = directory / "bm25"
        self._bm25 = bm25s.BM25.load(str(bm25_dir), show_progress=False, verbosity=0) if bm25_dir.exists() else None
        if (self._bm25 is None) != (len(self.doc_ids) == 0):
            raise ValueError("lexical snapshot: BM25 matrices and row ids disagree")
        self.build_seconds = time.perf_counter() - started
        self.from_disk = True
        return self

    def knows(self, term: str) -> bool:
        return self._bm25 is not None and term in self._bm25.vocab_dict

    def term_scores(self, term: str) -> np.ndarray:
        """BM25 contribution of one (analysed) term to every document, by row."""
        if self._bm25 is None or term not in self._bm25.vocab_dict or not term:
            return np.zeros(len(self.doc_ids), dtype=np.float32)
        scores: np.ndarray = self._bm25.get_scores([term]).astype(np.float32, copy=False)
        return scores


def words_key(extra_words: list[str]) -> str:
    """The analyser version and a hash of the extra words: what a saved snapshot must match."""
    digest = hashlib.sha256("\n".join(extra_words).encode("utf-8")).hexdigest()[:16]
    return f"{ANALYZER_VERSION}:{digest}"


EMPTY = LexicalIndex([])
