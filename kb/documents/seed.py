"""Attach the generated example documents of ``seed_data/documents.toml`` to the seed projects a node holds."""

from __future__ import annotations

import logging
import tomllib
from pathlib import Path
from typing import Any

from kb.auth import Principal
from kb.documents.examples import MAKERS
from kb.documents.library import DocumentLibrary
from kb.errors import KbError
from kb.store import Catalog

log = logging.getLogger(__name__)

SEED_DOCUMENTS = Path(__file__).resolve().parents[2] / "seed_data" / "documents.toml"


def attach_seed_documents(documents: DocumentLibrary, catalog: Catalog, principal: Principal,
                          path: Path = SEED_DOCUMENTS) -> int:
    """Attach each example document to the local seed record of that title; how many were attached."""
    if not path.is_file():
        return 0
    entries: list[dict[str, Any]] = tomllib.loads(path.read_text(encoding="utf-8")).get("document", [])
    by_title = {s.get("title"): iri for iri, s in catalog.summaries().items()
                if (meta := catalog.meta(iri)) is not None and meta.local}
    attached = 0
    for entry in entries:
        iri = by_title.get(entry["record"])
        if iri is None:
            continue
        data = MAKERS[entry["format"]](entry["title"], list(entry["paragraphs"]))
        try:
            documents.attach(principal, iri, data, entry["file"], title=entry["title"], doc_type=entry["type"])
            attached += 1
        except KbError as exc:
            log.warning("example document %s not attached to %s: %s", entry["file"], iri, exc.message)
    return attached
