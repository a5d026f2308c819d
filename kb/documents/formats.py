"""What an uploaded file is, judged by its bytes, and whether it is safe to open.

A publisher's upload is untrusted input. Before anything reads it, this module decides from the
bytes (not from the name or the declared type) whether it is a PDF, an ODT or a DOCX, and refuses
everything else with a clear 4xx. ODT and DOCX are ZIP archives: their directory is checked for
archive bombs (too many members, too many bytes once unpacked, too high a compression ratio) and
path tricks *before* any member is unpacked. Parsing the content happens later, in a separate
process (``kb.documents.extract``).
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass

from kb.errors import BadRequest, TooLarge, Unsupported

PDF, ODT, DOCX = "application/pdf", "application/vnd.oasis.opendocument.text", \
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
EXTENSIONS = {PDF: "pdf", ODT: "odt", DOCX: "docx"}
KIND_NAMES = {PDF: "PDF", ODT: "ODT", DOCX: "DOCX"}

ZIP_MAX_MEMBERS = 2_000
"""Members an ODT or DOCX may have; real ones have a few dozen."""
ZIP_MAX_UNPACKED = 100_000_000
"""Bytes all members of an ODT or DOCX may have once unpacked."""
ZIP_MAX_RATIO = 100
"""Unpacked : packed bytes, above 1 MB unpacked. Text compresses about 5–20 : 1; bombs 1000 : 1 and more."""
FILE_NAME_MAX = 120


@dataclass(frozen=True)
class Inspected:
    media_type: str
    file_name: str
    size: int


def inspect(data: bytes, file_name: str, *, max_bytes: int) -> Inspected:
    """The kind of an uploaded file and a safe name for it; a 4xx ``KbError`` for anything else."""
    if len(data) > max_bytes:
        raise TooLarge(f"Die Datei ist zu groß ({len(data):,} Bytes); erlaubt sind höchstens {max_bytes:,} Bytes.".replace(",", "."),
                       f"The file is too large ({len(data)} bytes); at most {max_bytes} bytes are allowed.", limit=max_bytes)
    if not data:
        raise BadRequest("Die Datei ist leer.", "The file is empty.")
    name = safe_file_name(file_name)
    claimed = _kind_of_name(name)
    found = sniff(data)
    if found is None:
        if claimed is not None:
            raise BadRequest(f"Die Datei heißt „{name}“, ist aber kein {KIND_NAMES[claimed]}: Ihr Inhalt passt nicht dazu.",
                             f"The file is named {name!r} but is not a {KIND_NAMES[claimed]}: its content does not match.")
        raise Unsupported("Dokumente können als PDF, ODT (LibreOffice/OpenOffice) oder DOCX (Word) beigefügt werden. "
                          "Diese Datei ist nichts davon.",
                          "Documents can be attached as PDF, ODT or DOCX. This file is none of them.")
    if claimed is not None and claimed != found:
        raise BadRequest(f"Die Datei heißt „{name}“, ist aber ein {KIND_NAMES[found]}. Bitte prüfen Sie die Datei.",
                         f"The file is named {name!r} but is a {KIND_NAMES[found]}. Please check the file.")
    if found in (ODT, DOCX):
        check_archive(data, found)
    stem = name.rsplit(".", 1)[0] if claimed else name
    return Inspected(found, f"{stem}.{EXTENSIONS[found]}", len(data))


def sniff(data: bytes) -> str | None:
    """PDF, ODT or DOCX by the file's first bytes and (for ZIPs) its directory, else None."""
    if data.startswith(b"%PDF-"):
        return PDF
    if not data.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist()[:ZIP_MAX_MEMBERS + 1])
            if "mimetype" in names and z.getinfo("mimetype").file_size < 100 and \
                    z.read("mimetype").strip() == ODT.encode() and "content.xml" in names:
                return ODT
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                return DOCX
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, ValueError, NotImplementedError, OSError, EOFError):
        return None
    return None


def check_archive(data: bytes, media_type: str) -> None:
    """Refuse ZIP bombs and path tricks by the archive's directory alone (nothing is unpacked)."""
    kind = KIND_NAMES[media_type]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, NotImplementedError, OSError, EOFError):
        raise BadRequest(f"Die Datei ist kein lesbares {kind}.", f"The file is not a readable {kind}.") from None
    if len(infos) > ZIP_MAX_MEMBERS:
        raise BadRequest(f"Das {kind} enthält {len(infos)} Teile; mehr als {ZIP_MAX_MEMBERS} nimmt kb nicht an.",
                         f"The {kind} has {len(infos)} parts; kb accepts at most {ZIP_MAX_MEMBERS}.")
    unpacked = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if unpacked > ZIP_MAX_UNPACKED or (unpacked > 1_000_000 and unpacked / packed > ZIP_MAX_RATIO):
        raise BadRequest(f"Das {kind} würde entpackt {unpacked:,} Bytes groß (gepackt {packed:,}); so stark gepackte Dateien "
                         "nimmt kb nicht an (Schutz vor Archivbomben).".replace(",", "."),
                         f"The {kind} would unpack to {unpacked} bytes (packed {packed}); kb refuses archives packed this "
                         "tightly (archive bomb protection).")
    for info in infos:
        parts = info.filename.replace("\\", "/").split("/")
        if info.filename.startswith(("/", "\\")) or ".." in parts or ":" in parts[0]:
            raise BadRequest(f"Das {kind} enthält einen unzulässigen Pfad ({info.filename[:80]!r}).",
                             f"The {kind} contains a forbidden path ({info.filename[:80]!r}).")


def safe_file_name(name: str) -> str:
    """The name as people see it, refused if it tries to name a path; NFC, printable, at most 120 characters."""
    name = unicodedata.normalize("NFC", name or "").strip()
    if "/" in name or "\\" in name or name in (".", "..") or name.startswith(".") or "\x00" in name:
        raise BadRequest("Der Dateiname darf kein Verzeichnis enthalten (kein „/“, „\\“ oder „..“).",
                         "The file name must not contain a directory (no '/', '\\' or '..').")
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C")
    name = re.sub(r"\s+", " ", name)
    if len(name) > FILE_NAME_MAX:
        stem, dot, ext = name.rpartition(".")
        name = f"{stem[:FILE_NAME_MAX - 10]}.{ext[:8]}" if dot else name[:FILE_NAME_MAX]
    return name or "dokument"


def download_name(name: str | None, media_type: str, fallback: str) -> str:
    """The name a download is offered under: ``safe_file_name`` and the extension of its media type.

    A mirrored record's ``fileName`` comes from a peer and may hold a right-to-left override
    (``rechnung\u202efdp.exe`` shows as ``rechnungexe.pdf``) or another extension than its kind.
    """
    try:
        cleaned = safe_file_name(name) if name and name.strip() else ""
    except BadRequest:
        cleaned = ""
    extension = EXTENSIONS.get(media_type)
    stem = cleaned.rsplit(".", 1)[0] if _kind_of_name(cleaned) else cleaned
    stem = stem or fallback
    return f"{stem}.{extension}" if extension else stem


def ascii_file_name(name: str) -> str:
    """A plain-ASCII fallback for ``Content-Disposition: filename=`` (``filename*`` carries the real one)."""
    folded = unicodedata.normalize("NFKD", name.replace("ß", "ss")).encode("ascii", "ignore").decode()
    folded = re.sub(r"[^A-Za-z0-9._ -]", "_", folded).strip() or "dokument"
    return folded


def _kind_of_name(name: str) -> str | None:
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return next((media for media, e in EXTENSIONS.items() if e == ext), None)
