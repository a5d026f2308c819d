"""The ONNX Runtime backend (sentence-transformers extra) gives the torch model's vectors and starts without torch."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from kb.config import default_embed_model
from kb.search.embedder import Embedder

pytestmark = pytest.mark.slow
pytest.importorskip("sentence_transformers", reason="the sentence-transformers extra is not installed "
                    "(make setup-sentence-transformers); the default multilingual backend is tested in test_multilingual.py")
pytest.importorskip("onnxruntime", reason="the sentence-transformers extra (with onnxruntime) is not installed")

TEXTS = ["Gemeinsames Standesamt Hellweg", "Zentrale Vergabestelle für drei Städte", "shared procurement office",
         "Lebensmittelüberwachung " * 400, "", "🙂 Ämter ß"]


@pytest.mark.parametrize(("backend", "closeness", "stable"), [pytest.param("onnx", 0.999, 0.99999, id="fp32"),
                                                          pytest.param("onnx-int8", 0.85, 0.95, id="int8")])
def test_onnx_vectors_match_torch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backend: str, closeness: float,
                                  stable: float) -> None:
    """fp32 reproduces torch; int8 comes close, and its vectors shift a little with the batch (dynamic ranges)."""
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path))
    torch_vectors = Embedder(default_embed_model(), backend="torch").encode(TEXTS)
    onnx = Embedder(default_embed_model(), backend=backend)
    vectors = onnx.encode(TEXTS)
    assert vectors.shape == torch_vectors.shape and backend in onnx.identity.split("#")
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert float(np.min(np.sum(vectors * torch_vectors, axis=1))) > closeness
    alone = np.vstack([onnx.encode_query(text) for text in TEXTS])
    assert float(np.min(np.sum(alone * vectors, axis=1))) > stable  # a query alone ≈ the same text in a batch


def test_a_node_restarting_with_an_exported_model_never_imports_torch(tmp_path: Path) -> None:
    """The export is made once; later starts load onnxruntime and tokenizers only (seconds, not tens)."""
    env = {**os.environ, "KB_CACHE_DIR": str(tmp_path), "HF_HUB_OFFLINE": "1"}
    code = ("import sys, json; from kb.config import default_embed_model; from kb.search.embedder import Embedder; "
            "e = Embedder(default_embed_model(), backend='onnx'); v = e.encode_query('gemeinsames Standesamt'); "
            "print(json.dumps({'torch': 'torch' in sys.modules, 'dim': len(v), 'share': e.vocabulary_share('shared office')}))")
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300, check=True)
    again = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300, check=True)
    assert json.loads(first.stdout.splitlines()[-1])["torch"] is True  # the one export needs torch
    assert json.loads(again.stdout.splitlines()[-1]) == {"torch": False, "dim": 384, "share": 1.0}


def test_a_half_written_export_is_made_again(tmp_path: Path) -> None:
    """Only a folder whose manifest was written last counts as exported (a crash mid-export is harmless)."""
    from kb.search import onnx

    folder = onnx.export_dir(default_embed_model(), tmp_path)
    folder.mkdir(parents=True)
    (folder / "model.onnx").write_bytes(b"half a file")
    assert not onnx.is_exported(folder)
    model = onnx.OnnxSentenceModel(default_embed_model(), int8=False, cache_dir=tmp_path)
    assert onnx.is_exported(folder) and model.encode(["Bauhof"]).shape == (1, 384)


def test_an_unwritable_cache_folder_is_named_in_the_error(tmp_path: Path) -> None:
    from kb.search import onnx

    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    with pytest.raises(RuntimeError, match="KB_CACHE_DIR"):
        onnx.OnnxSentenceModel(default_embed_model(), int8=False, cache_dir=blocked)
