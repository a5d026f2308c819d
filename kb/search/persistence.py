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
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from kb.search.documents import TEXT_VERSION, SearchDocument
from kb.search.lexical import LexicalIndex
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
    lexical: LexicalIndex | None = None
    """The BM25 snapshot saved with these documents, if it is still usable (same analyser and words)."""


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

    def save(self, *, last_seq: int, next_id: int, docs: dict[int, SearchDocument], vectors: VectorIndex,
             lexical: LexicalIndex | None = None) -> None:
        """Write a new generation. ``lexical`` is saved with it only if it covers exactly the saved documents."""
        self.directory.mkdir(parents=True, exist_ok=True)
        embedded = set(vectors.ids().tolist())
        docs = {i: d for i, d in docs.items() if i in embedded}  # mid re-embedding: the rest is embedded after a restart
        previous = self._generation()
        generation = previous + 1
        lexical_saved = False
        if lexical is not None and len(lexical) == len(docs) and set(lexical.doc_ids.tolist()) == set(docs):
            lexical_dir = self.directory / f"lexical-{generation}"
            shutil.rmtree(lexical_dir, ignore_errors=True)
            lexical.save(lexical_dir)
            lexical_saved = True
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
            "lexical": lexical_saved,
            "records": {d.iri: [i, d.content_hash] for i, d in docs.items()},
        }
        _write_atomic(self.manifest_path, json.dumps(manifest, ensure_ascii=False).encode("utf-8"))
        _fsync_dir(self.directory)
        for old in self.directory.glob("*-*.*"):
            if old.stem.rsplit("-", 1)[-1] != str(generation) and old.suffix in (".jsonl", ".faiss"):
                old.unlink(missing_ok=True)
        for old in self.directory.glob("lexical-*"):
            if old.name != f"lexical-{generation}":
                shutil.rmtree(old, ignore_errors=True)

    def _generation(self) -> int:
        try:
            manifest = self.read_manifest()
        except CorruptIndex:
            manifest = None
        return int((manifest or {}).get("generation", 0))

    def load(self, hnsw_threshold: int, lexical_words: Iterable[str] = ()) -> Saved | None:
        """The saved index, None if there is none yet; CorruptIndex if it is unusable. ``lexical_words``
        are the extra words the BM25 snapshot must have been built with to be reused."""
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
        lexical = self._load_lexical(manifest, generation, docs, lexical_words) if manifest.get("lexical") else None
        return Saved(int(manifest["lastSeq"]), int(manifest["nextId"]), docs, vectors, lexical)

    def _load_lexical(self, manifest: dict[str, Any], generation: int, docs: dict[int, SearchDocument],
                      words: Iterable[str]) -> LexicalIndex | None:
        """The saved BM25 snapshot, or None (then it is rebuilt from the documents: slower, never wrong)."""
        try:
            lexical = LexicalIndex.load(self.directory / f"lexical-{generation}", words)
        except Exception as exc:  # noqa: BLE001 - a cache: whatever is wrong with it (EOFError, a bm25s error), rebuild
            log.warning("saved word index unusable (%s); rebuilding it", exc)
            return None
        if lexical is not None and not np.array_equal(lexical.doc_ids, np.asarray(sorted(docs), dtype=np.int64)):
            log.warning("saved word index does not match the documents; rebuilding it")
            return None
        return lexical
