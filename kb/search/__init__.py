"""Semantic search over the federated catalogue: dense (multilingual USE by default), lexical (German BM25), SKOS expansion.

The node attaches one :class:`SearchService`; everything else is internal. See ``docs/search.md``.
"""

from kb.search.analysis import GermanAnalyzer, Lexicon
from kb.search.evaluation import evaluate, load_queries
from kb.search.service import Hit, SearchFilters, SearchResult, SearchService

__all__ = ["SearchService", "SearchResult", "SearchFilters", "Hit", "GermanAnalyzer", "Lexicon", "evaluate", "load_queries"]
