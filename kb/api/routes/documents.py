"""Documents of a record: upload (API and web form), removal, and downloads.

``POST /api/projects/{key}/documents`` (multipart: ``file``, ``title``, ``type``, ``licence``) and
the small form at ``/projects/{key}/dokumente`` both go through ``DocumentLibrary.attach``, which
checks the file and publishes a new version of the record through the one write path. Downloads
at ``/documents/{sha256}`` are served as attachments with their media type, a safe file name and
``nosniff``, so a browser never renders an uploaded file as a page of this site.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.datastructures import FormData, UploadFile

from kb.api.deps import WEB_PAGE, CatalogDep, DocumentsDep, PrincipalDep, PublisherDep, SettingsDep, ViewsDep, VocabulariesDep
from kb.api.routes.pages import web_of
from kb.api.routes.projects import _expected_version, resolve_record
from kb.api.routes.publish import _editable, _require_session
from kb.api.schemas import DocumentOut
from kb.auth import Principal
from kb.config import Settings
from kb.documents.formats import ascii_file_name
from kb.documents.library import DocumentLibrary
from kb.errors import BadRequest, KbError, NotFound, TooLarge
from kb.ontology.vocabulary import Vocabularies
from kb.publishing import Publisher
from kb.store.catalog import Catalog
from kb.views import RecordViews

router = APIRouter()
web_router = APIRouter(include_in_schema=False, dependencies=[WEB_PAGE])

UPLOAD_OVERHEAD = 100_000
"""Bytes a multipart upload may carry besides the file (boundaries, title, type, licence)."""
UPLOAD_PATHS = ("/documents", "/dokumente")
"""Path endings of the upload routes: only their bodies may be as large as a document (kb/api/app.py BodyLimit)."""


async def _read_upload(limit: int, form: FormData) -> tuple[bytes, str, dict[str, str]]:
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise BadRequest("Bitte wählen Sie eine Datei aus (Feld „file“).", "Please choose a file (field 'file').")
    data = await upload.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"Die Datei ist zu groß; erlaubt sind höchstens {limit:,} Bytes.".replace(",", "."),
                       f"The file is too large; at most {limit} bytes are allowed.", limit=limit)
    fields = {k: str(form.get(k) or "").strip() for k in ("title", "type", "licence")}
    if not 3 <= len(fields["title"]) <= 300:
        raise BadRequest("Bitte geben Sie dem Dokument einen Titel mit 3 bis 300 Zeichen.",
                         "Please give the document a title of 3 to 300 characters.", field="title")
    if not fields["type"]:
        raise BadRequest("Bitte wählen Sie die Art des Dokuments.", "Please choose the document type.", field="type")
    return data, upload.filename or "", fields


def _attach(documents: DocumentLibrary, principal: Principal, iri: str, data: bytes, file_name: str, fields: dict[str, str],
            expected: int | None) -> dict[str, Any]:
    return documents.attach(principal, iri, data, file_name, title=fields["title"], doc_type=fields["type"],
                                 licence=fields["licence"] or "cc-by-4.0", expected_version=expected)


_UPLOAD_DOC = {
    "requestBody": {
        "content": {"multipart/form-data": {"schema": {
            "type": "object",
            "required": ["file", "title", "type"],
            "properties": {
                "file": {"type": "string", "format": "binary", "description": "The PDF, ODT or DOCX file."},
                "title": {"type": "string", "minLength": 3, "maxLength": 300},
                "type": {"type": "string", "description": "vereinbarung, satzung, kostenschluessel, leistungsbeschreibung, "
                                                          "evaluation or praesentation"},
                "licence": {"type": "string", "enum": ["cc-by-4.0", "network"], "default": "cc-by-4.0"},
            },
        }}},
        "required": True,
    }
}


@router.post("/api/projects/{key}/documents", status_code=201, tags=["documents"], openapi_extra=_UPLOAD_DOC)
async def upload_document(key: str, request: Request, publisher: PublisherDep, catalog: CatalogDep, documents: DocumentsDep,
                          settings: SettingsDep, principal: PrincipalDep) -> JSONResponse:
    """Ein Dokument beifügen (multipart: file, title, type, licence) / attach a PDF, ODT or DOCX to a record."""
    principal.require_publisher()
    iri = resolve_record(publisher, key)
    expected = _expected_version(request)
    form = await request.form(max_files=1, max_fields=10)
    try:
        data, file_name, fields = await _read_upload(settings.document_max_bytes, form)
    finally:
        await form.close()
    doc = await run_in_threadpool(_attach, documents, principal, iri, data, file_name, fields, expected)
    meta = catalog.meta(iri)
    version = meta.version if meta else 0
    return JSONResponse({"record": iri, "version": version, "document": doc}, status_code=201,
                        headers={"Location": doc["url"], "ETag": f'"v{version}"'})


@router.get("/api/projects/{key}/documents", tags=["documents"], response_model=list[DocumentOut])
def list_documents(key: str, publisher: PublisherDep, catalog: CatalogDep, views: ViewsDep, principal: PrincipalDep) -> list[dict[str, Any]]:
    """Die Dokumente eines Projekts / the documents attached to a record (local key or full IRI)."""
    stored = catalog.get_live(resolve_record(publisher, key), include_network=principal.can_see_network)
    return list(views.project_view(stored)["documents"])


@router.get("/api/projects/{key}/documents/{sha256}", tags=["documents"], response_model=DocumentOut)
def document_entry(key: str, sha256: str, publisher: PublisherDep, catalog: CatalogDep, views: ViewsDep,
                   principal: PrincipalDep) -> dict[str, Any]:
    """Ein Dokument eines Projekts (Angaben, nicht die Datei: die liegt unter /documents/{sha256}) / one document's entry."""
    for doc in list_documents(key, publisher, catalog, views, principal):
        if doc["sha256"] == sha256:
            return doc
    raise NotFound("Dieses Dokument ist dem Projekt nicht beigefügt.", "This document is not attached to the record.")


@router.delete("/api/projects/{key}/documents/{sha256}", tags=["documents"])
def remove_document(key: str, sha256: str, request: Request, publisher: PublisherDep, catalog: CatalogDep, documents: DocumentsDep,
                    principal: PrincipalDep) -> dict[str, Any]:
    """Ein Dokument entfernen (neue Fassung ohne das Dokument) / detach a document from a record."""
    iri = resolve_record(publisher, key)
    documents.detach(principal, iri, sha256, expected_version=_expected_version(request))
    meta = catalog.meta(iri)
    return {"record": iri, "version": meta.version if meta else 0, "removed": sha256}


@router.get("/documents/{sha256}", tags=["documents"], response_class=Response,
            responses={200: {"content": {"application/pdf": {}, "application/vnd.oasis.opendocument.text": {},
                                         "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {}}}})
def download_document(sha256: str, request: Request, documents: DocumentsDep, principal: PrincipalDep) -> Response:
    """Ein Dokument herunterladen / download an attached file (network-only files need a peer or member token)."""
    found = documents.download(sha256, can_see_network=principal.can_see_network)
    etag = f'"{found.sha256}"'
    headers = {
        "Content-Disposition": f"attachment; filename=\"{ascii_file_name(found.file_name)}\"; "
                               f"filename*=UTF-8''{quote(found.file_name, safe='')}",
        "X-Content-Type-Options": "nosniff",
        "ETag": etag,
        "Cache-Control": "public, max-age=86400, immutable" if not principal.can_see_network else "private, no-cache",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Digest": f"sha-256={_b64(found.sha256)}",
    }
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    return FileResponse(found.path, media_type=found.media_type, headers=headers)


def _b64(hex_digest: str) -> str:
    import base64

    return base64.b64encode(bytes.fromhex(hex_digest)).decode()


# ---------------------------------------------------------------------- the web form


@dataclass(frozen=True)
class DocumentForm:
    """The parts the document form reads and writes through."""

    publisher: Publisher
    catalog: Catalog
    views: RecordViews
    vocabularies: Vocabularies
    documents: DocumentLibrary
    settings: Settings


def get_document_form(publisher: PublisherDep, catalog: CatalogDep, views: ViewsDep, vocabularies: VocabulariesDep,
                      documents: DocumentsDep, settings: SettingsDep) -> DocumentForm:
    return DocumentForm(publisher, catalog, views, vocabularies, documents, settings)


DocumentFormDep = Annotated[DocumentForm, Depends(get_document_form)]


@web_router.get("/projects/{key}/dokumente", response_class=HTMLResponse)
def document_form(key: str, request: Request, form: DocumentFormDep, principal: PrincipalDep) -> Response:
    if web_of(request).sessions.get(request) is None:
        return RedirectResponse(f"/anmelden?weiter=/projects/{key}/dokumente", status_code=303)
    _require_session(request, principal)
    iri = _editable(form.publisher, principal, key)
    return _render_form(request, form, key, iri)


def _render_form(request: Request, form: DocumentForm, key: str, iri: str, *, status: int = 200, error: str | None = None,
                 values: dict[str, str] | None = None) -> HTMLResponse:
    stored = form.catalog.get_live(iri, include_network=True)
    view = form.views.project_view(stored)
    vocab = form.vocabularies
    return web_of(request).render(
        request, "documents.html", status=status, title="Dokumente", key=key, p=view, error=error, values=values or {},
        types=[(c.code, c.label()) for c in vocab["documentType"]], licences=[(c.code, c.label()) for c in vocab["documentLicence"]],
        max_mb=form.settings.document_max_bytes / 1_000_000,
    )


@web_router.post("/projects/{key}/dokumente", response_class=HTMLResponse)
async def document_upload(key: str, request: Request, page: DocumentFormDep, principal: PrincipalDep) -> Response:
    _require_session(request, principal)
    web = web_of(request)
    form = await request.form(max_files=1, max_fields=10)
    try:
        web.sessions.check_csrf(request, str(form.get("csrf", "")))
        iri = await run_in_threadpool(_editable, page.publisher, principal, key)
    except KbError:
        await form.close()
        raise
    values = {k: str(form.get(k) or "") for k in ("title", "type", "licence")}
    try:
        try:
            data, file_name, fields = await _read_upload(page.settings.document_max_bytes, form)
        finally:
            await form.close()
        await run_in_threadpool(_attach, page.documents, principal, iri, data, file_name, fields, None)
    except KbError as exc:
        if exc.status >= 500 or exc.status in (401, 403):
            raise
        return _render_form(request, page, key, iri, status=exc.status, error=exc.message, values=values)
    return RedirectResponse(f"/projects/{key}?dokument=1#dokumente", status_code=303)


@web_router.post("/projects/{key}/dokumente/{sha256}/entfernen")
async def document_remove(key: str, sha256: str, request: Request, publisher: PublisherDep, documents: DocumentsDep,
                          principal: PrincipalDep) -> Response:
    _require_session(request, principal)
    form = await request.form()
    web_of(request).sessions.check_csrf(request, str(form.get("csrf", "")))
    iri = await run_in_threadpool(_editable, publisher, principal, key)
    await run_in_threadpool(lambda: documents.detach(principal, iri, sha256))
    return RedirectResponse(f"/projects/{key}#dokumente", status_code=303)
