"""Offline evaluation: nDCG@10, Recall@10 and MRR of lexical, dense and hybrid ranking.

A query set is JSON::

    {"queries": [{"id": "q1", "query": "gemeinsames Standesamt", "kind": "keyword", "split": "dev",
                  "relevant": {"Standesamtverbund Hellweg": 3, "https://…/projects/x": 1}}]}

``split`` ("dev" or "check") was fixed before tuning: tune on "dev", report "check" once.

Relevance is graded (3 = the answer, 2 = very relevant, 1 = related) and names records by IRI or
by exact title. Metrics follow the usual definitions (Järvelin & Kekäläinen 2002 for nDCG with
exponential gain ``2^rel - 1``; Recall@10 over records with grade ≥ 1; MRR of the first record
with grade ≥ 1).

    >>> round(ndcg([3, 0, 1], [3, 1], 10), 4)
    0.9828
    >>> recall([3, 0, 1], 2, 10), mrr([0, 2, 3])
    (1.0, 0.5)
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

METHODS = ("lexical", "dense", "hybrid")
K = 10


def dcg(gains: Sequence[float], k: int) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains[:k]))


def ndcg(ranked_grades: Sequence[float], all_grades: Sequence[float], k: int = K) -> float:
    """nDCG@k of a ranking (grades in ranked order) against every judged grade of the query."""
    ideal = dcg(sorted(all_grades, reverse=True), k)
    return dcg(ranked_grades, k) / ideal if ideal > 0 else 0.0


def recall(ranked_grades: Sequence[float], relevant_count: int, k: int = K) -> float:
    if relevant_count == 0:
        return 0.0
    return sum(1 for g in ranked_grades[:k] if g > 0) / relevant_count


def mrr(ranked_grades: Sequence[float]) -> float:
    for i, g in enumerate(ranked_grades):
        if g > 0:
            return 1.0 / (i + 1)
    return 0.0


@dataclass
class Query:
    id: str
    query: str
    relevant: dict[str, int]
    kind: str = ""
    split: str = "dev"


@dataclass
class Report:
    methods: dict[str, dict[str, float]] = field(default_factory=dict)
    by_kind: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)
    per_query: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)
    """Judged titles or IRIs that match no indexed record."""

    def table(self) -> str:
        lines = [f"{'method':<10} {'nDCG@10':>8} {'Recall@10':>10} {'MRR':>7}"]
        for method, m in self.methods.items():
            lines.append(f"{method:<10} {m['ndcg']:>8.3f} {m['recall']:>10.3f} {m['mrr']:>7.3f}")
        if self.by_kind:
            lines.append("")
            lines.append(f"{'kind':<12} {'n':>3} " + " ".join(f"{m:>8}" for m in self.methods) + "   (nDCG@10)")
            for kind, per_method in sorted(self.by_kind.items()):
                n = int(next(iter(per_method.values()))["n"])
                lines.append(f"{kind:<12} {n:>3} " + " ".join(f"{per_method[m]['ndcg']:>8.3f}" for m in self.methods))
        return "\n".join(lines)

    def as_json(self) -> dict[str, Any]:
        return {"methods": self.methods, "byKind": self.by_kind, "perQuery": self.per_query, "unknown": self.unknown}


QUERY_SET = Path(__file__).resolve().parents[2] / "bench" / "search_queries.json"
"""The project's query set over the seed data (a source checkout; not part of an installed wheel)."""
SPLITS = ("dev", "check", "all")


def load_queries(path: Path = QUERY_SET, split: str = "all") -> list[Query]:
    """The queries of ``path``, only those of ``split`` ("dev", "check") unless "all"."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    items = data["queries"] if isinstance(data, dict) else data
    queries = [Query(str(q.get("id", i)), q["query"], {str(k): int(v) for k, v in q["relevant"].items()}, q.get("kind", ""),
                     q.get("split", "dev")) for i, q in enumerate(items)]
    return queries if split == "all" else [q for q in queries if q.split == split]


Ranker = Callable[[str, str], list[str]]
"""(query, method) → record IRIs, best first."""


def evaluate(queries: Sequence[Query], rank: Ranker, titles: dict[str, str], methods: Sequence[str] = METHODS,
             k: int = K) -> Report:
    """Scores every method on every query. ``titles`` maps record IRI → title (to resolve judgements)."""
    by_title: dict[str, str] = {}
    for record, title in titles.items():
        by_title.setdefault(title.strip().lower(), record)
    report = Report()
    sums: dict[str, dict[str, float]] = {m: {"ndcg": 0.0, "recall": 0.0, "mrr": 0.0} for m in methods}
    kinds: dict[str, dict[str, dict[str, float]]] = {}
    for q in queries:
        grades: dict[str, int] = {}
        for key, grade in q.relevant.items():
            iri = key if key in titles else by_title.get(key.strip().lower())
            if iri is None:
                report.unknown.append(f"{q.id}: {key}")
                continue
            grades[iri] = max(grade, grades.get(iri, 0))
        relevant_count = sum(1 for g in grades.values() if g > 0)
        report.per_query[q.id] = {}
        for method in methods:
            ranked = [grades.get(iri, 0) for iri in rank(q.query, method)[:k]]
            scores = {"ndcg": ndcg(ranked, list(grades.values()), k), "recall": recall(ranked, relevant_count, k), "mrr": mrr(ranked)}
            report.per_query[q.id][method] = scores
            for name, value in scores.items():
                sums[method][name] += value
            bucket = kinds.setdefault(q.kind or "all", {}).setdefault(method, {"ndcg": 0.0, "n": 0})
            bucket["ndcg"] += scores["ndcg"]
            bucket["n"] += 1
    n = max(1, len(queries))
    report.methods = {m: {name: value / n for name, value in s.items()} for m, s in sums.items()}
    report.by_kind = {kind: {m: {"ndcg": v["ndcg"] / max(1, v["n"]), "n": v["n"]} for m, v in per.items()}
                      for kind, per in kinds.items()}
    return report
