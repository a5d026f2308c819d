"""Text of a PDF, ODT or DOCX, read in a separate process with limits on time, memory and pages.

Parsers of office formats are large and have had crashes and hangs on crafted files. So the node
never parses an uploaded file itself: ``extract_text`` runs ``python -m kb.documents.extract`` with
the bytes on stdin, an address-space limit and a CPU-time limit, waits at most
``KB_DOCUMENT_EXTRACT_TIMEOUT`` seconds and kills it after that. Whatever happens in there, the
node only sees "text", "unreadable" or "took too long".

Each child may use ``MEMORY_LIMIT`` of memory, so at most ``AT_ONCE`` run at a time: without that
bound every upload running in parallel started its own child, and a handful of crafted files could
take gigabytes from the machine (attack review 2026-12-07, docs/security.md). An upload that finds
no free place within the extraction timeout gets 503 with Retry-After.
"""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from kb.errors import Busy

log = logging.getLogger(__name__)

MEMORY_LIMIT = 1024 * 1024 * 1024
"""Address space of the extraction process (bytes)."""
AT_ONCE = 2
"""Extraction processes of one node at a time (each may use ``MEMORY_LIMIT``)."""
_places = threading.BoundedSemaphore(AT_ONCE)


@dataclass(frozen=True)
class Extracted:
    ok: bool
    text: str = ""
    problem: str = ""
    """Why the file could not be read ('' when ok), in German."""
    timed_out: bool = False


def extract_text(data: bytes, media_type: str, *, max_pages: int, max_chars: int, timeout: float) -> Extracted:
    """The text of ``data`` (normalised whitespace, at most ``max_chars``), read in a child process.

    Waits at most ``timeout`` seconds for one of the ``AT_ONCE`` places, else ``Busy`` (503).
    """
    if not _places.acquire(timeout=timeout):
        raise Busy("Gerade werden andere Dateien gelesen. Bitte versuchen Sie es in einer Minute noch einmal.",
                   "Other files are being read right now. Please try again in a minute.", retry_after=60)
    try:
        return _run_child(data, media_type, max_pages=max_pages, max_chars=max_chars, timeout=timeout)
    finally:
        _places.release()


def _run_child(data: bytes, media_type: str, *, max_pages: int, max_chars: int, timeout: float) -> Extracted:
    package_root = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH", "")) if p)}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "kb.documents.extract", media_type, str(max_pages), str(max_chars), str(int(timeout) + 1)],
            input=data, capture_output=True, timeout=timeout, env=env, check=False,
        )
    except subprocess.TimeoutExpired:
        return Extracted(False, problem=f"Das Auslesen des Texts dauerte länger als {timeout:.0f} s.", timed_out=True)
    try:
        answer = json.loads(done.stdout.decode("utf-8"))
    except ValueError:
        log.warning("text extraction of a %s ended with code %s: %s", media_type, done.returncode, done.stderr[-500:])
        return Extracted(False, problem="Die Datei lässt sich nicht lesen.")
    if answer.get("ok"):
        return Extracted(True, text=str(answer.get("text", ""))[:max_chars])
    return Extracted(False, problem=str(answer.get("problem", "Die Datei lässt sich nicht lesen.")))


def _limit_self(cpu_seconds: int) -> None:
    """The child's first act: cap its own memory and CPU time (the parent also kills it on time)."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds))


# ------------------------------------------------------------------ inside the child process


def _tidy(text: str, max_chars: int) -> str:
    return re.sub(r"[ \t\r\f\v]+", " ", re.sub(r"\n\s*\n+", "\n\n", text)).strip()[:max_chars]


def _pdf(data: bytes, max_pages: int) -> str:
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        raise ValueError("Das PDF ist verschlüsselt.")
    parts = []
    for i, page in enumerate(reader.pages):
        if i >= max_pages:
            break
        parts.append(page.extract_text() or "")
    return "\n\n".join(parts)


def _docx(data: bytes) -> str:
    import io

    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _odt(data: bytes) -> str:
    import io
    import zipfile

    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("content.xml"), parser)
    text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    blocks = root.iter(f"{{{text_ns}}}p", f"{{{text_ns}}}h")
    return "\n".join("".join(block.itertext()) for block in blocks)


def main() -> int:
    media_type, max_pages, max_chars, cpu_seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    _limit_self(cpu_seconds)
    data = sys.stdin.buffer.read()
    logging.disable(logging.CRITICAL)  # pypdf logs every oddity; the answer says what matters
    try:
        if media_type == "application/pdf":
            text = _pdf(data, max_pages)
        elif media_type.endswith("opendocument.text"):
            text = _odt(data)
        else:
            text = _docx(data)
        answer = {"ok": True, "text": _tidy(text, max_chars)}
    except MemoryError:
        answer = {"ok": False, "problem": "Die Datei braucht zum Lesen zu viel Speicher."}
    except Exception as exc:  # noqa: BLE001 - any parser failure means: not a readable file of this kind
        answer = {"ok": False, "problem": f"Die Datei lässt sich nicht lesen ({type(exc).__name__})."}
    sys.stdout.write(json.dumps(answer))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
