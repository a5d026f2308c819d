"""Evaluation metrics on a tiny example computed by hand."""

from __future__ import annotations

import math

import pytest

from kb.search.evaluation import Query, evaluate, mrr, ndcg, recall


def test_ndcg_by_hand() -> None:
    # ranking grades [3, 0, 1]; judged grades {3, 1}
    dcg = 7 / math.log2(2) + 0 + 1 / math.log2(4)
    ideal = 7 / math.log2(2) + 1 / math.log2(3)
    assert ndcg([3, 0, 1], [3, 1], 10) == pytest.approx(dcg / ideal)


def test_recall_and_mrr_by_hand() -> None:
    assert recall([0, 2, 0, 1], relevant_count=4, k=10) == 0.5
    assert mrr([0, 0, 1]) == pytest.approx(1 / 3)
    assert mrr([0, 0]) == 0.0


def test_evaluate_resolves_titles_and_reports_unknown_ones() -> None:
    titles = {"urn:a": "Standesamt A", "urn:b": "Bauhof B"}
    queries = [Query("q1", "standesamt", {"Standesamt A": 3, "Gibt es nicht": 1})]
    report = evaluate(queries, lambda q, m: ["urn:b", "urn:a"], titles, methods=["hybrid"])
    assert report.methods["hybrid"]["mrr"] == 0.5
    assert report.unknown == ["q1: Gibt es nicht"]
    assert "hybrid" in report.table()
