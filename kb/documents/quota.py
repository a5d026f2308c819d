"""The room a node gives its own uploads: ``KB_DOCUMENT_UPLOAD_BUDGET`` bytes for all of them together.

Each file is limited by ``KB_DOCUMENT_MAX_BYTES``; without a limit on their sum, one editor account
(or a stolen token) could fill the node's disk. Mirrors of other nodes' files have their own budget
(``KB_DOCUMENT_MIRROR_BUDGET``) and do not count here. ``DocumentLibrary.attach`` calls the check
before text extraction and again under its lock right before it stores the file, so two uploads
at once cannot both take the last room.
"""

from __future__ import annotations

from kb.documents.files import DocumentFiles
from kb.errors import UploadBudgetExhausted


def check_upload_room(files: DocumentFiles, sha: str, size: int, budget: int) -> None:
    """Refuse a new file that would take this node's uploads over ``budget`` bytes (413).

    A file already stored (the same bytes on another record, or uploaded again) takes no more room."""
    if files.has(sha):
        return
    used = files.uploaded_bytes()
    if used + size <= budget:
        return
    raise UploadBudgetExhausted(
        f"Auf diesem Knoten ist kein Platz mehr für weitere Dokumente: Die hochgeladenen Dokumente belegen "
        f"{size_text(used)} von {size_text(budget)}, diese Datei hat {size_text(size)}. Bitte entfernen Sie Dokumente, "
        f"die nicht mehr gebraucht werden, oder bitten Sie die Betreiber dieses Knotens, die Grenze zu erhöhen.",
        f"This node has no room for more documents: uploaded documents take {used} of {budget} bytes, this file has "
        f"{size}. Please remove documents that are no longer needed, or ask the node's operator to raise "
        f"KB_DOCUMENT_UPLOAD_BUDGET.",
        budget=budget, used=used, size=size)


def size_text(size: int) -> str:
    """``1,5 MB`` or ``12 kB``: a size as German staff read it."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000)) if size else 0} kB"
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")
