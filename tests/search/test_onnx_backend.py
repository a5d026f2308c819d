"""The optional ONNX Runtime backend reproduces the torch model's vectors (fp32) or comes close (int8)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("onnxruntime")
pytest.importorskip("onnx")

pytestmark = pytest.mark.slow

TEXTS = ["Gemeinsames Standesamt Hellweg", "Zentrale Vergabestelle für drei Städte", "shared procurement office"]


@pytest.mark.parametrize(("backend", "closeness"), [pytest.param("onnx", 0.999, id="fp32"), pytest.param("onnx-int8", 0.85, id="int8")])
def test_onnx_vectors_match_torch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backend: str, closeness: float) -> None:
    from kb.config import default_embed_model
    from kb.search.embedder import Embedder

    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path))
    torch_vectors = Embedder(default_embed_model()).encode(TEXTS)
    onnx = Embedder(default_embed_model(), backend=backend)
    vectors = onnx.encode(TEXTS)
    assert vectors.shape == torch_vectors.shape and onnx.identity.endswith(backend)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert float(np.min(np.sum(vectors * torch_vectors, axis=1))) > closeness
