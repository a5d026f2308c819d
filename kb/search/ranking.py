"""Hybrid ranking: dense and lexical scores fused, with concept boosts, filters and facets.

Everything here is arithmetic over arrays indexed by record id, so a query costs one dense
matrix-vector product (or an HNSW lookup), a few BM25 column reads and a handful of numpy
passes, whatever the size of the matching set.

Fusion is reciprocal rank fusion (Cormack et al. 2009): ``Σ w / (k + rank)`` over the dense and
the lexical ranking, plus a concept list (records carrying a concept the query names, in dense
order). ``kb eval`` compares it with each method alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from kb.search.expansion import ConceptMatch

Method = Literal["hybrid", "dense", "lexical"]
Combination = Literal["rrf", "convex"]

RRF_K = 10
DENSE_WEIGHT = 0.35
LEXICAL_WEIGHT = 1.0
CONCEPT_WEIGHT = 0.6
DENSE_MATCH = 0.5
"""Cosine above which a record counts as matching on meaning alone: on the dev set 58 % of the
records above it are judged relevant (22 % of the relevant ones reach it)."""
LEXICAL_CUTOFF = 0.15
"""Lexical hits below this share of the best BM25 score (and without a dense match) are dropped
from the result set: they only share a frequent word ("gemeinsam") with the query."""
ILLUSTRATIVE_FACTOR = 0.7
"""Fused score factor for illustrative (made-up) records, so real examples come first. Costs
0.016 nDCG@10 on the dev set, which grades real and illustrative records alike."""
CONCEPT_SPECIFIC = True
"""Scale the concept list's weight by how specific the concepts are: full weight when the carriers
are a tenth of the records or fewer, none when every record carries them."""
DENSE_DEPTH = 1000
"""Dense ranks beyond this depth add nothing to the fused score."""


@dataclass(frozen=True)
class Fusion:
    """How the evidence of one query is combined: the choices compared in ``bench/search_fusion.py``.

    ``rrf`` sums ``w / (k + rank)`` over the dense, lexical and concept rankings; ``convex`` adds
    ``dense_weight × cosine + (1 − dense_weight) × BM25 / best BM25`` plus ``concept_weight`` for
    records carrying a concept the query names (Bruch et al. 2023 on convex vs. rank fusion)."""

    combination: Combination = "rrf"
    dense_weight: float = DENSE_WEIGHT
    lexical_weight: float = LEXICAL_WEIGHT
    concept_weight: float = CONCEPT_WEIGHT
    k: int = RRF_K
    glossary: bool = True
    """English→German glossary and everyday-word thesaurus in the lexical query."""
    translate_dense: bool = True
    """Append the glossary's German words to an English query before embedding it."""
    spelling: bool = True
    """Query words the index does not know are corrected to close index words (lexical side)."""
    phrase_boost: float = 0.0
    """Fused-score bonus (factor 1 + this) for records whose title or keywords hold the query phrase."""
    model_language_weight: float | None = 1.0
    """Dense weight for queries in the embedding model's own language (None: no such switch)."""
    dense_match: float = DENSE_MATCH
    """Cosine from which a record belongs to the result set on meaning alone (model-specific)."""
    dense_full: float = 1.0
    """Cosine shown as a full match in the relevance percentage (convex; model-specific)."""


LEGACY_FUSION = Fusion()
"""Tuned in November for the English MiniLM (RRF; BM25 leads, the model follows at 0.35)."""
USE_FUSION = Fusion(combination="convex", dense_weight=0.9, dense_match=0.2, concept_weight=0.05, model_language_weight=None,
                    dense_full=0.6)
"""Tuned on the dev split with the multilingual USE (bench/search_fusion.py, docs/search.md): meaning
leads (0.9 × cosine), BM25 / best BM25 adds 0.1, a concept the query names 0.05; records belong to
the result set from cosine 0.2 (on the dev split 66 % of the relevant and 2.5 % of the other
records reach 0.25). A cosine of 0.6 is shown as a full match: the best hit of a dev query has a
median cosine of 0.35."""
FUSIONS: dict[str, Fusion] = {"use": USE_FUSION}
"""The fusion of each embedding backend; backends not named use LEGACY_FUSION."""
DEFAULT_FUSION = LEGACY_FUSION


def fusion_for(backend: str) -> Fusion:
    return FUSIONS.get(backend, LEGACY_FUSION)


@dataclass
class QueryTerm:
    term: str
    word: str
    weight: float = 1.0


@dataclass
class Scored:
    """Per-record evidence for one query, arrays indexed by record id."""

    allowed: np.ndarray
    dense: np.ndarray | None = None
    lexical: np.ndarray | None = None
    term_hits: dict[str, np.ndarray] = field(default_factory=dict)
    """word → its BM25 contribution per id (for 'why')."""
    concepts: list[tuple[ConceptMatch, np.ndarray]] = field(default_factory=list)
    prior: np.ndarray | None = None
    """Per-id factor on the fused score (illustrative records < 1, the named region > 1)."""
    phrase: np.ndarray | None = None
    """Records holding the query phrase in title or keywords (bool per id), or None."""
    terms: list[QueryTerm] = field(default_factory=list)
    """The query's index terms (with translations, synonyms, corrections) the index knows."""


def ranks_of(scores: np.ndarray, candidates: np.ndarray, depth: int | None = None) -> np.ndarray:
    """1-based rank of each id among ``candidates`` by descending score (0 = unranked)."""
    out = np.zeros(len(scores), dtype=np.int64)
    ids = np.flatnonzero(candidates)
    if len(ids) == 0:
        return out
    values = scores[ids]
    if depth is not None and len(ids) > depth:
        top = np.argpartition(-values, depth - 1)[:depth]
        ids, values = ids[top], values[top]
    order = np.argsort(-values, kind="stable")
    out[ids[order]] = np.arange(1, len(order) + 1)
    return out


def rrf(ranks: Sequence[tuple[np.ndarray, float]], k: int = RRF_K) -> np.ndarray:
    """Σ weight / (k + rank) over ranked lists; unranked ids contribute 0."""
    total = np.zeros(len(ranks[0][0]), dtype=np.float64)
    for rank, weight in ranks:
        hit = rank > 0
        total[hit] += weight / (k + rank[hit])
    return total


def concept_score(scored: Scored) -> np.ndarray | None:
    """Share of the query's concepts each record carries (0..1), or None without concepts."""
    if not scored.concepts:
        return None
    total = np.zeros(len(scored.allowed), dtype=np.float64)
    for _, carriers in scored.concepts:
        total += carriers
    return total / len(scored.concepts)


def fuse(scored: Scored, method: Method, *, dense_match: float | None = None, dense_weight: float | None = None,
         fusion: Fusion = DEFAULT_FUSION) -> tuple[np.ndarray, np.ndarray]:
    """(scores, matching) over all ids. ``matching`` is the result set: lexical hits and records
    whose cosine passes ``dense_match`` (for ``lexical`` alone: lexical hits)."""
    allowed = scored.allowed
    dense_match = fusion.dense_match if dense_match is None else dense_match
    dense_weight = fusion.dense_weight if dense_weight is None else dense_weight
    lexical_hit = np.zeros_like(allowed)
    if scored.lexical is not None:
        lexical_hit = allowed & (scored.lexical > 0)
        if method != "lexical" and lexical_hit.any():
            lexical_hit &= scored.lexical >= LEXICAL_CUTOFF * scored.lexical[lexical_hit].max()
    dense_hit = allowed & (scored.dense >= dense_match) if scored.dense is not None else np.zeros_like(allowed)
    if method == "lexical":
        assert scored.lexical is not None
        return scored.lexical.astype(np.float64), lexical_hit
    if method == "dense":  # plain nearest neighbours, the baseline
        assert scored.dense is not None
        return scored.dense.astype(np.float64), allowed & (scored.dense > -1)
    matching = lexical_hit | dense_hit
    concepts = concept_score(scored)
    carriers = allowed & (concepts > 0) if concepts is not None else None
    specificity = 1.0
    if carriers is not None and CONCEPT_SPECIFIC and allowed.any():
        specificity = float(np.clip(np.log(allowed.sum() / max(1, carriers.sum())) / np.log(10), 0.0, 1.0))
    if fusion.combination == "convex":
        fused = np.zeros(len(allowed), dtype=np.float64)
        if scored.dense is not None:
            fused += dense_weight * np.clip(scored.dense, 0.0, 1.0)
        if scored.lexical is not None and lexical_hit.any():
            best = float(scored.lexical[lexical_hit].max())
            fused += (1.0 - dense_weight) * np.where(lexical_hit, scored.lexical / best, 0.0) * fusion.lexical_weight
        if concepts is not None and carriers is not None:
            fused += fusion.concept_weight * specificity * np.where(carriers, concepts, 0.0)
        fused = np.where(allowed, fused, 0.0)
    else:
        lists: list[tuple[np.ndarray, float]] = []
        if scored.dense is not None:
            lists.append((ranks_of(scored.dense, allowed, DENSE_DEPTH), dense_weight))
        if scored.lexical is not None:
            lists.append((ranks_of(scored.lexical, lexical_hit), fusion.lexical_weight))
        if concepts is not None and carriers is not None and scored.dense is not None:
            lists.append((ranks_of(concepts + 1e-3 * scored.dense, carriers, DENSE_DEPTH), fusion.concept_weight * specificity))
        if not lists:
            return np.zeros(len(allowed)), matching
        fused = rrf(lists, fusion.k)
    if carriers is not None and scored.dense is not None:
        matching |= carriers & (scored.dense >= dense_match - 0.1)
    if scored.phrase is not None and fusion.phrase_boost:
        fused = fused * np.where(scored.phrase, 1.0 + fusion.phrase_boost, 1.0)
    if scored.prior is not None:
        fused = fused * scored.prior
    return fused, matching


def ceiling(fusion: Fusion, method: Method, *, dense_weight: float | None = None, has_concepts: bool = False,
            prior: float = 1.0) -> float:
    """The fused score of a record first in every list with the largest prior: relevance 100 %."""
    w = fusion.dense_weight if dense_weight is None else dense_weight
    if method != "hybrid":
        return 1.0
    if fusion.combination == "convex":
        best = w * fusion.dense_full + (1.0 - w) * fusion.lexical_weight + (fusion.concept_weight if has_concepts else 0.0)
    else:
        best = (w + fusion.lexical_weight + (fusion.concept_weight if has_concepts else 0.0)) / (fusion.k + 1)
    return best * (1.0 + fusion.phrase_boost) * prior


def top(scores: np.ndarray, matching: np.ndarray, offset: int, limit: int) -> list[int]:
    """Ids of the page ``offset..offset+limit`` of ``matching``, best first (ties by id)."""
    ids = np.flatnonzero(matching)
    if len(ids) == 0:
        return []
    want = min(len(ids), offset + limit)
    values = scores[ids]
    if want < len(ids):
        part = np.argpartition(-values, want - 1)[:want]
        ids, values = ids[part], values[part]
    order = np.lexsort((ids, -values))
    return [int(i) for i in ids[order][offset:offset + limit]]
