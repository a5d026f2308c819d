"""Attaching documents to a record over real HTTP: upload, download, bad files, keeping and removing them."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from kb.documents.examples import make_docx, make_odt, make_pdf
from tests.conftest import HELLWEG, LiveNode, make_settings

AGREEMENT = make_pdf("Mustervertrag Standesamt", ["Öffentlich-rechtliche Vereinbarung über ein gemeinsames Standesamt.",
                                                 "§ 4 Kosten: nach Einwohnerzahl und Fallzahlen."])


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveNode]:
    node = LiveNode(make_settings(tmp_path_factory.mktemp("documents"), document_max_bytes=200_000)).start()
    yield node
    node.stop()


def new_record(live: LiveNode, title: str, **changes: Any) -> str:
    with live.client() as c:
        r = c.post("/api/projects", json={**HELLWEG, "title": title, **changes})
        assert r.status_code == 201, r.text
        return str(r.json()["key"])


def upload(client: httpx.Client, key: str, data: bytes, name: str, **fields: str) -> httpx.Response:
    form = {"title": "Öffentlich-rechtliche Vereinbarung (Muster)", "type": "vereinbarung", **fields}
    return client.post(f"/api/projects/{key}/documents", files={"file": (name, data, "application/octet-stream")}, data=form)


def test_an_uploaded_pdf_is_in_the_signed_record_and_downloads_with_the_same_bytes(live: LiveNode) -> None:
    key = new_record(live, "Standesamt mit Vertrag")
    with live.client() as admin:
        r = upload(admin, key, AGREEMENT, "Mustervertrag Standesamt.pdf")
        assert r.status_code == 201, r.text
        doc = r.json()["document"]
        sha = hashlib.sha256(AGREEMENT).hexdigest()
        assert doc["sha256"] == sha and doc["url"] == f"{live.url}/documents/{sha}"
        assert doc["mediaType"] == "application/pdf" and doc["size"] == len(AGREEMENT)
        assert "gemeinsames Standesamt" in doc["text"] and doc["licence"]["code"] == "cc-by-4.0"
        turtle = admin.get(f"/api/projects/{key}", headers={"Accept": "text/turtle"}).text
        assert sha in turtle and ("ikz:document" in turtle or "ontology#document" in turtle)
        assert [d["sha256"] for d in admin.get(f"/api/projects/{key}/documents").json()] == [sha]
    with live.client(token=None) as anyone:
        got = anyone.get(f"/documents/{sha}")
        assert got.status_code == 200
        assert hashlib.sha256(got.content).hexdigest() == sha
        assert got.headers["content-type"] == "application/pdf"
        assert got.headers["x-content-type-options"] == "nosniff"
        disposition = got.headers["content-disposition"]
        assert disposition.startswith("attachment;") and "filename*=UTF-8''Mustervertrag%20Standesamt.pdf" in disposition


@pytest.mark.parametrize(("name", "maker", "media"), [
    pytest.param("kostenschluessel.docx", make_docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", id="docx"),
    pytest.param("leistungen.odt", make_odt, "application/vnd.oasis.opendocument.text", id="odt"),
])
def test_odt_and_docx_are_read_too(live: LiveNode, name: str, maker: Any, media: str) -> None:
    key = new_record(live, f"Kooperation mit {name}")
    data = maker("Kostenschlüssel", ["Umlage nach Einwohnerzahl und Fallzahlen des Vorjahres."])
    with live.client() as admin:
        r = upload(admin, key, data, name, type="kostenschluessel")
        assert r.status_code == 201, r.text
        assert r.json()["document"]["mediaType"] == media
        assert "Umlage nach Einwohnerzahl" in r.json()["document"]["text"]


def _bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
        z.writestr("word/media/zeros.bin", b"\0" * 50_000_000)
    return out.getvalue()


def _traversal() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
        z.writestr("../../etc/cron.d/x", "boom")
    return out.getvalue()


@pytest.mark.parametrize(("name", "data", "status", "words"), [
    pytest.param("programm.exe", b"MZ\x90\x00" + b"\0" * 100, 415, "PDF, ODT", id="wrong-type"),
    pytest.param("notiz.txt", b"nur Text", 415, "PDF, ODT", id="text-file"),
    pytest.param("vertrag.pdf", b"Dies ist kein PDF.", 400, "kein PDF", id="pdf-that-is-not-a-pdf"),
    pytest.param("kaputt.pdf", b"%PDF-1.4\n" + b"\x00\xff" * 500, 400, "nicht lesen", id="pdf-that-does-not-parse"),
    pytest.param("bombe.docx", _bomb(), 400, "Archivbomben", id="zip-bomb"),
    pytest.param("pfad.docx", _traversal(), 400, "Pfad", id="zip-path-trick"),
    pytest.param("../../etc/passwd.pdf", AGREEMENT, 400, "Verzeichnis", id="path-in-file-name"),
    pytest.param("vertrag.docx", AGREEMENT, 400, "ist aber ein PDF", id="name-and-content-disagree"),
    pytest.param("gross.pdf", b"%PDF-1.4\n" + b"0" * 300_000, 413, "zu groß", id="over-size"),
])
def test_bad_files_get_a_clear_4xx_and_change_nothing(live: LiveNode, name: str, data: bytes, status: int, words: str) -> None:
    key = new_record(live, f"Projekt für {name[:20]}")
    with live.client() as admin:
        before = admin.get(f"/api/projects/{key}").json()["provenance"]["version"]
        r = upload(admin, key, data, name)
        assert r.status_code == status, r.text
        body = r.json()
        assert words in body["message"] and body["message_en"]
        after = admin.get(f"/api/projects/{key}").json()
        assert after["provenance"]["version"] == before and after["documents"] == []


def test_only_the_publisher_may_attach(live: LiveNode) -> None:
    key = new_record(live, "Projekt ohne fremde Dokumente")
    with live.client(token=None) as anyone:
        assert upload(anyone, key, AGREEMENT, "vertrag.pdf").status_code == 401


def test_a_put_without_documents_keeps_them_and_one_cannot_invent_a_file(live: LiveNode) -> None:
    key = new_record(live, "Projekt mit bleibendem Dokument")
    with live.client() as admin:
        sha = upload(admin, key, AGREEMENT, "vertrag.pdf").json()["document"]["sha256"]
        r = admin.put(f"/api/projects/{key}", json={**HELLWEG, "title": "Projekt mit bleibendem Dokument", "status": "geplant"})
        assert r.status_code == 200, r.text
        assert [d["sha256"] for d in admin.get(f"/api/projects/{key}").json()["documents"]] == [sha]
        invented = {"title": "Erfunden", "type": "satzung", "sha256": "0" * 64, "text": "untergeschoben"}
        r = admin.put(f"/api/projects/{key}", json={**HELLWEG, "title": "Projekt mit bleibendem Dokument", "documents": [invented]})
        assert r.status_code == 422 and r.json()["violations"][0]["field"] == "documents.0"
        for odd in ({}, [], 7, None):  # the fuzz run's {"sha256": {}} gave a 500 (an unhashable key)
            r = admin.post("/api/projects", json={**HELLWEG, "title": "Neu mit Dokument", "documents": [{**invented, "sha256": odd}]})
            assert r.status_code == 422 and r.json()["violations"][0]["field"] == "documents.0", (odd, r.text)


def test_a_withdrawn_record_takes_its_files_with_it(live: LiveNode) -> None:
    key = new_record(live, "Projekt das zurückgezogen wird")
    data = make_pdf("Satzung", ["Einzigartiger Satzungstext für das Zurückziehen."])
    sha = hashlib.sha256(data).hexdigest()
    with live.client() as admin:
        assert upload(admin, key, data, "satzung.pdf", type="satzung").status_code == 201
        assert admin.get(f"/documents/{sha}").status_code == 200
        assert admin.delete(f"/api/projects/{key}").status_code == 200
        live.node.documents.collect()
        assert admin.get(f"/documents/{sha}").status_code == 404
    assert not live.node.documents.files.has(sha)


def test_a_removed_document_is_gone(live: LiveNode) -> None:
    key = new_record(live, "Projekt mit entferntem Dokument")
    data = make_pdf("Präsentation", ["Folien, die wieder entfernt werden."])
    sha = hashlib.sha256(data).hexdigest()
    with live.client() as admin:
        assert upload(admin, key, data, "folien.pdf", type="praesentation").status_code == 201
        assert admin.delete(f"/api/projects/{key}/documents/{sha}").status_code == 200
        assert admin.get(f"/api/projects/{key}").json()["documents"] == []
        assert admin.get(f"/documents/{sha}").status_code == 404


def test_a_network_only_document_is_for_members_and_its_text_stays_out_of_a_public_record(live: LiveNode, tmp_path: Path) -> None:
    key = new_record(live, "Projekt mit internem Dokument")
    data = make_pdf("Interne Kalkulation", ["Vertrauliche Kalkulation der Umlage."])
    sha = hashlib.sha256(data).hexdigest()
    with live.client() as admin:
        r = upload(admin, key, data, "kalkulation.pdf", type="kostenschluessel", licence="network")
        assert r.status_code == 201, r.text
        assert r.json()["document"]["text"] is None
        assert admin.get(f"/documents/{sha}").status_code == 200
    with live.client(token=None) as anyone:
        assert anyone.get(f"/documents/{sha}").status_code == 404
        assert "Vertrauliche" not in anyone.get(f"/api/projects/{key}", headers={"Accept": "text/turtle"}).text


def test_text_extraction_that_takes_too_long_is_stopped_and_reported() -> None:
    from kb.documents.extract import extract_text

    read = extract_text(AGREEMENT, "application/pdf", max_pages=5, max_chars=1000, timeout=0.001)
    assert not read.ok and read.timed_out and "länger als" in read.problem


def test_search_reads_the_titles_and_text_of_documents() -> None:
    from kb.search.documents import build_document

    record = {"id": "https://example.org/projects/p", "title": "Standesamtverbund", "description": "Ein gemeinsames Standesamt.",
              "documents": [{"title": "Mustervertrag", "type": {"code": "vereinbarung", "label": "Vereinbarung"},
                             "text": "§ 4 Kosten: Umlage nach Einwohnerzahl"}]}
    doc = build_document(record, content_hash="sha256:x", origin="https://example.org/node", summary=None)
    assert "Umlage nach Einwohnerzahl" in doc.lexical_text and "Mustervertrag" in doc.dense_text
