"""Which fusion helps: dense alone, dense + BM25, + SKOS concepts, + glossary, RRF vs convex, on the DEV split.

    .venv/bin/python bench/search_fusion.py                 # the grid on the dev split
    .venv/bin/python bench/search_fusion.py --check NAME..  # named variants on the check split (once, at the end)

One seeded node (the default embedding model, or KB_EMBED_BACKEND / KB_EMBED_MODEL), every
variant through ``SearchService.search`` with a :class:`kb.search.ranking.Fusion`, so what is
measured is what a node answers. Prints nDCG@10 overall and per query kind.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kb.cli.node import seed_node  # noqa: E402
from kb.cli.options import open_node, settings_from  # noqa: E402
from kb.search.evaluation import QUERY_SET, evaluate, load_queries  # noqa: E402
from kb.search.ranking import Fusion  # noqa: E402

BASE = Fusion(glossary=False, concept_weight=0.0, model_language_weight=None)


def variants() -> dict[str, tuple[str, Fusion]]:
    """name → (method, fusion)."""
    out: dict[str, tuple[str, Fusion]] = {"dense": ("dense", BASE), "bm25": ("lexical", BASE), "bm25+glossary": ("lexical", replace(BASE, glossary=True))}
    for w in (0.35, 0.7, 1.0, 1.5, 2.0, 3.0):
        out[f"rrf w{w}"] = ("hybrid", replace(BASE, dense_weight=w))
        out[f"rrf w{w} +skos"] = ("hybrid", replace(BASE, dense_weight=w, concept_weight=0.6))
        out[f"rrf w{w} +skos +gloss"] = ("hybrid", replace(BASE, dense_weight=w, concept_weight=0.6, glossary=True))
    for w in (0.5, 0.6, 0.7, 0.8, 0.9):
        out[f"convex w{w}"] = ("hybrid", replace(BASE, combination="convex", dense_weight=w))
        for c in (0.05, 0.1):
            out[f"convex w{w} +skos{c}"] = ("hybrid", replace(BASE, combination="convex", dense_weight=w, concept_weight=c))
            out[f"convex w{w} +skos{c} +gloss"] = ("hybrid", replace(BASE, combination="convex", dense_weight=w, concept_weight=c,
                                                                       glossary=True))
    out["today (rrf 0.35/1.0, skos, gloss)"] = ("hybrid", Fusion())
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", nargs="*", help="evaluate these variants on the check split instead of the grid on dev")
    parser.add_argument("--only", nargs="*", help="only these variants (dev)")
    parser.add_argument("--grep", default="", help="only variants whose name matches this regular expression (dev)")
    parser.add_argument("--extra", default="", help="python expression: dict name -> (method, Fusion) of further variants")
    args = parser.parse_args()
    split = "check" if args.check else "dev"
    queries = load_queries(QUERY_SET, split)
    table = variants()
    if args.extra:
        table.update(eval(args.extra, {"Fusion": Fusion, "replace": replace, "BASE": BASE}))  # noqa: S307 - a bench knob
    names = args.check or args.only or [n for n in table if re.search(args.grep, n)]
    with tempfile.TemporaryDirectory(prefix="kb-fusion-") as tmp:
        node = open_node(settings_from(data_dir=Path(tmp), search_enabled=True, port=0))
        try:
            seed_node(node)
            service = node.extensions["search"]
            service.reindex_now()
            titles = {d.iri: d.title for d in service.indexer.view.docs.values()}
            print(f"{len(queries)} queries ({split}), {len(titles)} records, model {service.embedder.identity}")
            kinds: list[str] = sorted({q.kind for q in queries})
            print(f"{'variant':<38} {'nDCG@10':>7} " + " ".join(f"{k[:8]:>8}" for k in kinds))
            for name in names:
                method, fusion = table[name]

                def rank(query: str, _: str, method: str = method, fusion: Fusion = fusion) -> list[str]:
                    return [h.id for h in service.search(query, limit=10, include_network=True, method=method,  # type: ignore[arg-type]
                                                         with_facets=False, fusion=fusion).results]

                report = evaluate(queries, rank, titles, methods=("x",))
                by_kind = {k: v["x"]["ndcg"] for k, v in report.by_kind.items()}
                print(f"{name:<38} {report.methods['x']['ndcg']:>7.3f} " + " ".join(f"{by_kind.get(k, 0):>8.3f}" for k in kinds),
                      flush=True)
            if report.unknown:
                print("unknown:", report.unknown)
        finally:
            node.close()


if __name__ == "__main__":
    main()
