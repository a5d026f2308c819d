"""The node's document files, content-addressed: ``documents/ab/abcdef…`` by SHA-256.

A file's name is its hash, so the same bytes are stored once however many records attach them,
a mirror from a peer is the same file as the original, and a file on disk is checked against its
name before it is served to anyone. Writes go to a temporary file in the same directory, are
flushed to disk and then renamed into place, so a crash never leaves half a file under a hash.
Beside each file a small JSON sidecar says whether it was uploaded here or mirrored from a peer.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HASH = re.compile(r"^[0-9a-f]{64}$")


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class DocumentFiles:
    """Files by SHA-256 under one directory (``{data_dir}/documents``)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def path(self, sha: str) -> Path:
        if not HASH.match(sha):
            raise ValueError("not a SHA-256 in hex")
        return self.root / sha[:2] / sha

    def has(self, sha: str) -> bool:
        return HASH.match(sha) is not None and self.path(sha).is_file()

    def put(self, data: bytes, *, mirrored: bool) -> str:
        """Store ``data`` (atomically) and return its SHA-256; storing the same bytes again is a no-op."""
        sha = sha256_of(data)
        target = self.path(sha)
        if target.is_file():
            return sha
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            self._write_meta(sha, {"mirrored": mirrored, "size": len(data)})
            os.replace(tmp, target)
            _fsync_dir(target.parent)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return sha

    def read_verified(self, sha: str) -> bytes | None:
        """The file's bytes if they still match their hash (None if missing or changed on disk)."""
        try:
            data = self.path(sha).read_bytes()
        except (OSError, ValueError):
            return None
        return data if sha256_of(data) == sha else None

    def meta(self, sha: str) -> dict[str, Any]:
        try:
            found = json.loads(self._meta_path(sha).read_text(encoding="utf-8"))
            return found if isinstance(found, dict) else {}
        except (OSError, ValueError):
            return {}

    def delete(self, sha: str) -> None:
        self.path(sha).unlink(missing_ok=True)
        self._meta_path(sha).unlink(missing_ok=True)

    def stored(self) -> Iterator[str]:
        """Hashes of all stored files."""
        for sub in self.root.iterdir():
            if sub.is_dir() and len(sub.name) == 2:
                for f in sub.iterdir():
                    if HASH.match(f.name):
                        yield f.name

    def mirrored_bytes(self) -> int:
        return sum(m.get("size", 0) for sha in self.stored() if (m := self.meta(sha)).get("mirrored"))

    def uploaded_bytes(self) -> int:
        """Bytes of the files uploaded here (not mirrored), for ``KB_DOCUMENT_UPLOAD_BUDGET``."""
        return sum(m.get("size", 0) for sha in self.stored() if not (m := self.meta(sha)).get("mirrored"))

    def _meta_path(self, sha: str) -> Path:
        return self.path(sha).with_name(f"{sha}.json")

    def _write_meta(self, sha: str, meta: dict[str, Any]) -> None:
        target = self._meta_path(sha)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(meta, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
