"""A node's own uploads together stay within KB_DOCUMENT_UPLOAD_BUDGET (API and web form, real HTTP)."""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable
from typing import Any

import httpx

from kb.documents.examples import make_pdf
from tests.conftest import ADMIN_TOKEN, HELLWEG, LiveNode

AGREEMENT = make_pdf("Vereinbarung", ["Öffentlich-rechtliche Vereinbarung über den Bauhof."])
STATUTE = make_pdf("Satzung", ["Satzung des Zweckverbands Abwasser, Fassung 2024."])
REPORT = make_pdf("Bericht", ["Bericht über zwei Jahre gemeinsamen Bauhof, mit Kosten."])


def new_record(live: LiveNode, title: str) -> str:
    with live.client() as c:
        r = c.post("/api/projects", json={**HELLWEG, "title": title})
        assert r.status_code == 201, r.text
        return str(r.json()["key"])


def upload(live: LiveNode, key: str, data: bytes, name: str) -> httpx.Response:
    with live.client() as c:
        return c.post(f"/api/projects/{key}/documents", files={"file": (name, data, "application/pdf")},
                      data={"title": f"Dokument {name}", "type": "vereinbarung"})


def documents_of(live: LiveNode, key: str) -> list[str]:
    with live.client() as c:
        return [d["sha256"] for d in c.get(f"/api/projects/{key}/documents").json()]


def test_an_upload_beyond_the_budget_is_refused_and_removing_documents_makes_room(node_factory: Callable[..., LiveNode]) -> None:
    live = node_factory(document_upload_budget=len(AGREEMENT) + len(STATUTE) + len(REPORT) // 2)
    bauhof, abwasser = new_record(live, "Gemeinsamer Bauhof"), new_record(live, "Zweckverband Abwasser")
    first = upload(live, bauhof, AGREEMENT, "vereinbarung.pdf")
    assert first.status_code == 201, first.text
    again = upload(live, abwasser, AGREEMENT, "vereinbarung.pdf")  # the same bytes take no more room
    assert again.status_code == 201, again.text
    assert upload(live, abwasser, STATUTE, "satzung.pdf").status_code == 201

    refused = upload(live, bauhof, REPORT, "bericht.pdf")
    assert refused.status_code == 413, refused.text
    body: dict[str, Any] = refused.json()
    assert body["error"] == "upload_budget_exhausted"
    assert "kein Platz mehr" in body["message"] and "entfernen Sie Dokumente" in body["message"]
    assert "remove documents" in body["message_en"] and "KB_DOCUMENT_UPLOAD_BUDGET" in body["message_en"]
    assert body["used"] == len(AGREEMENT) + len(STATUTE) and body["size"] == len(REPORT)
    assert len(documents_of(live, bauhof)) == 1  # nothing changed: no new version, no file kept
    assert not live.node.documents.files.has(hashlib.sha256(REPORT).hexdigest())

    with live.client() as c:  # removing the statute frees its room at once
        statute = next(sha for sha in documents_of(live, abwasser) if sha != first.json()["document"]["sha256"])
        assert c.delete(f"/api/projects/{abwasser}/documents/{statute}").status_code == 200
    assert upload(live, bauhof, REPORT, "bericht.pdf").status_code == 201


def test_two_uploads_at_once_cannot_both_take_the_last_room(node_factory: Callable[..., LiveNode]) -> None:
    live = node_factory(document_upload_budget=max(len(STATUTE), len(REPORT)) + 10)  # room for one of the two, not both
    keys = [new_record(live, "Zweckverband Abwasser"), new_record(live, "Gemeinsamer Bauhof")]
    answers: list[httpx.Response] = []
    start = threading.Barrier(2)

    def send(key: str, data: bytes) -> None:
        start.wait()
        answers.append(upload(live, key, data, "datei.pdf"))

    threads = [threading.Thread(target=send, args=(key, data)) for key, data in zip(keys, (STATUTE, REPORT), strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r.status_code for r in answers) == [201, 413], [r.text for r in answers]
    assert live.node.documents.files.uploaded_bytes() <= live.settings.document_upload_budget


def test_the_web_form_shows_the_budget_in_plain_german(node_factory: Callable[..., LiveNode]) -> None:
    live = node_factory(document_upload_budget=len(AGREEMENT))
    key = new_record(live, "Gemeinsamer Bauhof")
    assert upload(live, key, AGREEMENT, "vereinbarung.pdf").status_code == 201
    with httpx.Client(base_url=live.url, timeout=30, headers={"Origin": live.url, "Accept": "text/html"}) as browser:
        assert browser.post("/anmelden", data={"token": ADMIN_TOKEN, "weiter": f"/projects/{key}/dokumente"}).status_code == 303
        form = browser.get(f"/projects/{key}/dokumente")
        csrf = re.search(r'name="csrf" value="([^"]+)"', form.text)
        assert csrf, form.text[:500]
        page = browser.post(f"/projects/{key}/dokumente", files={"file": ("satzung.pdf", STATUTE, "application/pdf")},
                            data={"csrf": csrf.group(1), "title": "Satzung des Zweckverbands", "type": "satzung", "licence": "cc-by-4.0"})
    assert page.status_code == 413 and page.headers["content-type"].startswith("text/html")
    assert "Das Dokument wurde nicht hinzugefügt." in page.text
    assert "kein Platz mehr für weitere Dokumente" in page.text and "Bitte entfernen Sie Dokumente" in page.text
    assert 'value="Satzung des Zweckverbands"' in page.text  # what was typed is kept
    assert len(documents_of(live, key)) == 1
