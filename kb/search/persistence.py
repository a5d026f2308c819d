"""The index on disk: ``{data_dir}/search/`` with a manifest, documents and vectors.

Files of one generation (``docs-N.jsonl``, ``vectors-N.faiss``) are written first; the manifest
that names generation N is then replaced atomically (write, fsync, rename), and older files are
removed. A crash at any point leaves the previous manifest and its files intact. The manifest
records the model, the dimension, the text recipe, the last change-log sequence processed and the
content hash of every record, so a restart re-embeds nothing that did not change. An index made
by another model (or pooling, or text recipe) is never searched with the new model's queries:
:class:`ModelChanged` makes the indexer embed every record again.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kb.search.documents import TEXT_VERSION, SearchDocument
from kb.search.vectors import VectorIndex

log = logging.getLogger(__name__)

FORMAT = 1
MANIFEST = "manifest.json"


class CorruptIndex(Exception):
    """The files on disk cannot be used; the service rebuilds from the store."""


class ModelChanged(CorruptIndex):
    """The vectors were made by another model (or pooling, or text recipe): every record is embedded
    again. The documents are still good for word search meanwhile (:attr:`docs`)."""

    def __init__(self, message: str, docs: dict[int, SearchDocument] | None = None, next_id: int = 0) -> None:
        super().__init__(message)
        self.docs = docs or {}
        self.next_id = next_id


@dataclass
class Saved:
    last_seq: int
    next_id: int
    docs: dict[int, SearchDocument]
    vectors: VectorIndex


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover - not on every platform
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class IndexFiles:
    def __init__(self, directory: Path, *, model: str, dimension: int | None) -> None:
        """``dimension=None`` accepts the manifest's (checked against the model once it is loaded)."""
        self.directory = directory
        self.model = model
        self.dimension = dimension

    @property
    def manifest_path(self) -> Path:
        return self.directory / MANIFEST

    def read_manifest(self) -> dict[str, Any] | None:
        try:
            return json.loads(self.manifest_path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise CorruptIndex(f"manifest unreadable: {exc}") from exc

    def save(self, *, last_seq: int, next_id: int, docs: dict[int, SearchDocument], vectors: VectorIndex) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        embedded = set(vectors.ids().tolist())
        docs = {i: d for i, d in docs.items() if i in embedded}  # mid re-embedding: the rest is embedded after a restart
        previous = self._generation()
        generation = previous + 1
        docs_path = self.directory / f"docs-{generation}.jsonl"
        vectors_path = self.directory / f"vectors-{generation}.faiss"
        lines = "".join(json.dumps({"id": i, **d.as_json()}, ensure_ascii=False) + "\n" for i, d in sorted(docs.items()))
        _write_atomic(docs_path, lines.encode("utf-8"))
        vectors.save(vectors_path.with_name(vectors_path.name + ".tmp"))
        with open(vectors_path.with_name(vectors_path.name + ".tmp"), "rb+") as f:
            os.fsync(f.fileno())
        os.replace(vectors_path.with_name(vectors_path.name + ".tmp"), vectors_path)
        manifest = {
            "format": FORMAT,
            "model": self.model,
            "dimension": self.dimension,
            "textVersion": TEXT_VERSION,
            "generation": generation,
            "lastSeq": last_seq,
            "nextId": next_id,
            "count": len(docs),
            "records": {d.iri: [i, d.content_hash] for i, d in docs.items()},
        }
        _write_atomic(self.manifest_path, json.dumps(manifest, ensure_ascii=False).encode("utf-8"))
        _fsync_dir(self.directory)
        for old in self.directory.glob("*-*.*"):
            if old.stem.rsplit("-", 1)[-1] != str(generation) and old.suffix in (".jsonl", ".faiss"):
                old.unlink(missing_ok=True)

    def _generation(self) -> int:
        try:
            manifest = self.read_manifest()
        except CorruptIndex:
            manifest = None
        return int((manifest or {}).get("generation", 0))

    def load(self, hnsw_threshold: int) -> Saved | None:
        """The saved index, None if there is none yet; CorruptIndex if it is unusable."""
        manifest = self.read_manifest()
        if manifest is None:
            return None
        if self.dimension is None and isinstance(manifest.get("dimension"), int):
            self.dimension = manifest["dimension"]
        if manifest.get("format") != FORMAT:
            raise CorruptIndex(f"index was built with format={manifest.get('format')!r}, now {FORMAT!r}")
        generation = manifest["generation"]
        try:
            docs: dict[int, SearchDocument] = {}
            with open(self.directory / f"docs-{generation}.jsonl", encoding="utf-8") as f:
                for line in f:
                    data = json.loads(line)
                    docs[int(data.pop("id"))] = SearchDocument.from_json(data)
        except (OSError, ValueError, RuntimeError, TypeError, KeyError) as exc:
            raise CorruptIndex(f"index files unreadable: {exc}") from exc
        records = manifest.get("records", {})
        if len(docs) != len(records) or any(records.get(d.iri, [None, None]) != [i, d.content_hash] for i, d in docs.items()):
            raise CorruptIndex("documents do not match the manifest")
        for key, value in {"model": self.model, "textVersion": TEXT_VERSION}.items():
            if manifest.get(key) != value:
                same_text = manifest.get("textVersion") == TEXT_VERSION
                raise ModelChanged(f"index was built with {key}={manifest.get(key)!r}, now {value!r}",
                                   docs if same_text else None, int(manifest.get("nextId", 0)) if same_text else 0)
        if manifest.get("dimension") != self.dimension:
            raise CorruptIndex(f"index was built with dimension={manifest.get('dimension')!r}, now {self.dimension!r}")
        try:
            assert self.dimension is not None
            vectors = VectorIndex.load(self.directory / f"vectors-{generation}.faiss", self.dimension, hnsw_threshold)
        except (OSError, ValueError, RuntimeError, TypeError, KeyError) as exc:
            raise CorruptIndex(f"index files unreadable: {exc}") from exc
        if set(vectors.ids().tolist()) != set(docs):
            raise CorruptIndex("vectors do not match the documents")
        return Saved(int(manifest["lastSeq"]), int(manifest["nextId"]), docs, vectors)
