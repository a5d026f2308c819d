"""HTTP hardening of a real ``kb serve`` process: security headers, the session cookie only for the
node's own forms, a limit on failed authentication, and no short admin token."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from tests.conftest import ADMIN_TOKEN, HELLWEG, free_port
from tests.e2e.processes import REPO, NodeProcess

pytestmark = pytest.mark.slow

EVIL = {"Origin": "http://evil.example", "Sec-Fetch-Site": "cross-site"}


@pytest.fixture(scope="module")
def node(tmp_path_factory: pytest.TempPathFactory) -> Iterator[NodeProcess]:
    process = NodeProcess(tmp_path_factory.mktemp("hardening") / "kb").start()
    yield process
    process.stop()


@pytest.fixture
def fresh_node(tmp_path: Path) -> Iterator[NodeProcess]:
    """A node of its own: the failure counts are per client address, and every test runs from 127.0.0.1."""
    process = NodeProcess(tmp_path / "kb").start()
    yield process
    process.stop()


@contextmanager
def signed_in(node: NodeProcess) -> Iterator[httpx.Client]:
    """A browser-like client signed in through the form: it holds only the session cookie, no bearer token."""
    with httpx.Client(base_url=node.url, timeout=30) as client:
        answer = client.post("/anmelden", data={"token": ADMIN_TOKEN, "weiter": "/"})
        assert answer.status_code == 303 and "kb_session" in client.cookies
        yield client


def csrf_of(client: httpx.Client) -> str:
    page = client.get("/veroeffentlichen").text
    return page.split('name="csrf" value="', 1)[1].split('"', 1)[0]


def total(node: NodeProcess) -> int:
    with node.client() as admin:
        return int(admin.get("/api/projects").json()["total"])


def test_every_kind_of_answer_carries_the_security_headers(node: NodeProcess) -> None:
    """Finding 17: no Content-Security-Policy, X-Content-Type-Options, frame-ancestors/X-Frame-Options or
    Referrer-Policy on any page."""
    with node.client(token=None) as client:
        answers = {
            "page": client.get("/", headers={"Accept": "text/html"}),
            "inventory page": client.get("/bestandsaufnahme"),
            "sign-in page": client.get("/anmelden"),
            "JSON": client.get("/api/inventory"),
            "stylesheet": client.get("/static/kb.css"),
            "HTML 404": client.get("/gibt-es-nicht", headers={"Accept": "text/html"}),
            "JSON 404": client.get("/api/projects/gibt-es-nicht"),
            "422": client.get("/api/inventory/potentials", params={"limit": "viele"}),
            "401": client.post("/api/projects", json=HELLWEG),
            "LDES": client.get("/ldes"),
            "docs": client.get("/docs"),
        }
    for what, answer in answers.items():
        assert answer.status_code < 500, what
        csp = answer.headers.get("content-security-policy", "")
        directives = {d.strip().split(" ")[0]: d.strip() for d in csp.split(";") if d.strip()}
        assert directives.get("frame-ancestors") == "frame-ancestors 'none'", (what, csp)
        assert directives.get("base-uri") == "base-uri 'none'", (what, csp)
        assert directives.get("form-action") == "form-action 'self'", (what, csp)
        assert "'unsafe-inline'" not in directives.get("script-src", "") and "'unsafe-eval'" not in csp, (what, csp)
        assert answer.headers.get("x-content-type-options") == "nosniff", what
        assert answer.headers.get("x-frame-options") == "DENY", what
        assert answer.headers.get("referrer-policy") in ("same-origin", "no-referrer", "strict-origin-when-cross-origin"), what
    for what in ("page", "inventory page", "sign-in page", "HTML 404", "JSON", "stylesheet"):
        csp = answers[what].headers["content-security-policy"]
        assert "default-src 'self'" in csp and "'unsafe-inline'" not in csp, (what, csp)
    assert "style=" not in answers["inventory page"].text
    # No inline script: the one script a page may load is a file of this node (the search box's town
    # suggestions, static/places.js), with an empty element body.
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", answers["page"].text, flags=re.S)
    assert scripts == [(' src="/static/places.js" defer', "")], scripts
    assert answers["page"].text.count("<script") == 1


def test_a_cross_site_form_post_with_the_session_cookie_creates_nothing(node: NodeProcess) -> None:
    """Finding 16: the API accepted the session cookie without a CSRF or Origin check, so a text/plain form
    POST from another site created a record."""
    with node.client() as admin:
        created = admin.post("/api/projects", json=HELLWEG).json()
        triples = admin.get(f"/api/projects/{created['key']}", headers={"Accept": "application/n-triples"}).text
    forged = triples.replace(created["id"], created["id"].rsplit("/", 1)[0] + "/fremd").replace("Standesamtverbund Hellweg",
                                                                                                  "Von fremder Seite angelegt")
    before = total(node)
    with signed_in(node) as browser:
        as_form = browser.post("/api/projects", content=forged.encode(), headers={"Content-Type": "text/plain", **EVIL})
        as_json = browser.post("/api/projects", json={**HELLWEG, "title": "Auch nicht"}, headers=EVIL)
        assert as_form.status_code in (401, 403), as_form.text
        assert as_json.status_code in (401, 403), as_json.text
        assert browser.post("/api/import", json=[{**HELLWEG, "title": "Import"}], headers=EVIL).status_code in (401, 403)

        # the node's own form, with the session's CSRF token, but sent from another site
        form = {"csrf": csrf_of(browser), "title": "Formular von fremder Seite", "description": HELLWEG["description"],
                "type": "project", "participants": "Erwitte\nAnröchte", "lead": "Erwitte", "state": "NW",
                "taskAreas": "02", "legalForm": "oerv-delegierend", "status": "im-betrieb", "visibility": "public"}
        assert browser.post("/veroeffentlichen", data=form, headers=EVIL).status_code == 403
        assert browser.post("/veroeffentlichen", data={**form, "csrf": "geraten"}).status_code == 403
        assert total(node) == before

        # another site cannot sign the browser in either (with its own token, to see what the user then publishes)
        with httpx.Client(base_url=node.url, timeout=30) as other:
            assert other.post("/anmelden", data={"token": ADMIN_TOKEN, "weiter": "/"}, headers=EVIL).status_code == 403
            assert "kb_session" not in other.cookies

        # the same form from the node's own page works: the cookie still counts where it should
        own = browser.post("/veroeffentlichen", data=form, headers={"Origin": node.url, "Sec-Fetch-Site": "same-origin"})
        assert own.status_code == 303, own.text
    assert total(node) == before + 1
    with node.client() as admin:  # the API with the bearer token takes the forged N-Triples: they were a valid record
        assert admin.post("/api/projects", content=forged.encode(), headers={"Content-Type": "text/plain"}).status_code == 201


@pytest.mark.parametrize("target", ["//evil.example/", "/\\evil.example/", "https://evil.example/", "/\tevil"])
def test_sign_in_returns_only_to_a_page_of_this_node(node: NodeProcess, target: str) -> None:
    """The sign-in form's return target (``weiter``) cannot send the browser to another site (``/\\host`` is
    ``//host`` to a browser)."""
    with httpx.Client(base_url=node.url, timeout=30) as browser:
        answer = browser.post("/anmelden", data={"token": ADMIN_TOKEN, "weiter": target})
    assert answer.status_code == 303 and answer.headers["location"] == "/"


def test_wrong_bearer_tokens_are_answered_with_429_after_a_few(fresh_node: NodeProcess) -> None:
    """Finding 20: no limit on wrong bearer tokens (40 in 5 s, never a 429)."""
    with fresh_node.client() as admin:  # right tokens are never held up
        assert all(admin.get("/api/peers").status_code == 200 for _ in range(30))
    with fresh_node.client(token="kb_0000aaaa_geraten") as guesser:
        answers = [guesser.get("/api/projects") for _ in range(40)]
    statuses = [a.status_code for a in answers]
    assert statuses[:5] == [401] * 5
    assert 429 in statuses, statuses
    limited = answers[statuses.index(429)]
    assert 0 < int(limited.headers["retry-after"]) <= 3600
    assert limited.json()["message"].startswith("Zu viele") and limited.json()["message_en"]
    assert all(s == 429 for s in statuses[statuses.index(429):]), "once limited, every guess is refused"
    with fresh_node.client() as admin:  # from the same address even the right token waits: a right guess must not stand out
        assert admin.get("/api/peers").status_code == 429
    with fresh_node.client(token=None) as anonymous:  # reading without a token is not affected
        assert anonymous.get("/api/projects").status_code == 200


def test_failed_sign_ins_are_answered_with_429_after_a_few(fresh_node: NodeProcess) -> None:
    """Finding 20: no limit on failed sign-ins through the web form."""
    with httpx.Client(base_url=fresh_node.url, timeout=30) as browser:
        statuses = []
        for _ in range(25):
            answer = browser.post("/anmelden", data={"token": "falsch-geraten", "weiter": "/"}, headers={"Accept": "text/html"})
            statuses.append(answer.status_code)
            if answer.status_code == 429:
                assert 0 < int(answer.headers["retry-after"]) <= 3600
                assert "Zu viele fehlgeschlagene Anmeldungen" in answer.text
                assert 'name="token"' in answer.text, "the sign-in form again, not a dead end"
        assert statuses[:5] == [401] * 5
        assert 429 in statuses, statuses
        assert browser.post("/anmelden", data={"token": ADMIN_TOKEN, "weiter": "/"}).status_code == 429


def test_a_short_admin_token_is_refused_at_start(tmp_path: Path) -> None:
    """Finding 20: ``KB_ADMIN_TOKEN=a`` was accepted."""
    env = {**os.environ, "KB_ADMIN_TOKEN": "a", "KB_SEARCH_ENABLED": "false"}
    process = subprocess.Popen([sys.executable, "-m", "kb.cli", "serve", "--data-dir", str(tmp_path / "kb"), "--port", str(free_port())],
                               cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _, stderr = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        pytest.fail("the node started with KB_ADMIN_TOKEN=a")
    assert process.returncode != 0
    assert "KB_ADMIN_TOKEN" in stderr and "24" in stderr, stderr
    assert not (tmp_path / "kb" / "store").exists(), "refused before anything is created"
