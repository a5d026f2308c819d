"""Rank fusion, matching set and paging, on hand-made score arrays."""

from __future__ import annotations

import numpy as np
import pytest

from kb.search import ranking
from kb.search.ranking import Scored, fuse, ranks_of, rrf, top


def test_ranks_are_one_based_and_zero_outside_the_candidates() -> None:
    scores = np.array([0.1, 0.9, 0.5, 0.7])
    assert ranks_of(scores, np.array([True, True, False, True])).tolist() == [3, 1, 0, 2]


def test_rrf_adds_reciprocal_ranks_with_weights() -> None:
    a, b = np.array([1, 2, 0]), np.array([2, 0, 1])
    fused = rrf([(a, 1.0), (b, 0.5)], k=10)
    assert np.allclose(fused, [1 / 11 + 0.5 / 12, 1 / 12, 0.5 / 11])


def test_a_record_found_by_both_methods_beats_one_found_by_one() -> None:
    scored = Scored(allowed=np.ones(3, dtype=bool), dense=np.array([0.6, 0.7, 0.1], dtype=np.float32),
                    lexical=np.array([5.0, 0.0, 4.0], dtype=np.float32))
    scores, matching = fuse(scored, "hybrid")
    assert top(scores, matching, 0, 3)[0] == 0


def test_records_outside_the_filter_never_match() -> None:
    scored = Scored(allowed=np.array([False, True]), dense=np.array([0.9, 0.6], dtype=np.float32),
                    lexical=np.array([9.0, 1.0], dtype=np.float32))
    _, matching = fuse(scored, "hybrid")
    assert matching.tolist() == [False, True]


def test_weak_lexical_hits_without_meaning_leave_the_result_set() -> None:
    scored = Scored(allowed=np.ones(3, dtype=bool), dense=np.array([0.2, 0.2, 0.2], dtype=np.float32),
                    lexical=np.array([10.0, 0.5, 0.0], dtype=np.float32))
    _, matching = fuse(scored, "hybrid")
    assert matching.tolist() == [True, False, False]
    _, lexical_only = fuse(scored, "lexical")
    assert lexical_only.tolist() == [True, True, False]


def test_dense_matches_above_the_threshold_join_the_result_set() -> None:
    scored = Scored(allowed=np.ones(2, dtype=bool), dense=np.array([ranking.DENSE_MATCH + 0.01, 0.1], dtype=np.float32),
                    lexical=np.zeros(2, dtype=np.float32))
    _, matching = fuse(scored, "hybrid")
    assert matching.tolist() == [True, False]


def test_paging_is_stable() -> None:
    scores = np.array([0.5, 0.5, 0.9, 0.1])
    matching = np.ones(4, dtype=bool)
    assert top(scores, matching, 0, 2) + top(scores, matching, 2, 2) == [2, 0, 1, 3]


def test_the_meaning_side_counts_more_for_queries_in_the_models_language() -> None:
    """The MiniLM model is English: it reads "shared procurement office" word by word, while
    German queries fall apart into sub-word pieces (and keep the lexical side in the lead)."""
    pytest.importorskip("sentence_transformers", reason="the sentence-transformers extra (MiniLM) is not installed")
    from kb.config import default_embed_model
    from kb.search.embedder import Embedder

    embedder = Embedder(default_embed_model(), backend="onnx")
    assert embedder.vocabulary_share("shared procurement office") == 1.0
    assert embedder.vocabulary_share("who takes care of stray animals") == 1.0
    assert embedder.vocabulary_share("gemeinsames Standesamt") == 0.0
    assert embedder.vocabulary_share("Lohnabrechnung zusammen mit Nachbargemeinden") < 0.8
