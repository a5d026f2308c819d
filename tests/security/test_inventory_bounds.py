"""The inventory (Bestandsaufnahme) of a real ``kb serve --seed`` process: what it counts is the
caller's explicit choice and is stated in every answer, and no request costs unbounded work."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import ADMIN_TOKEN
from tests.e2e.processes import NodeProcess
from tests.inventory.expect import parse_csv

pytestmark = pytest.mark.slow

PUBLIC = "nur öffentliche Einträge"
WITH_NETWORK = "öffentliche Einträge und solche, die nur Netzwerkmitglieder sehen"
NETWORK = {"includeNetwork": "true"}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[NodeProcess]:
    process = NodeProcess(tmp_path_factory.mktemp("inventory-bounds") / "kb", extra_args=["--seed"]).start(timeout=180)
    yield process
    process.stop()


def cpu_seconds(pid: int) -> float:
    """User and system CPU time the process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def page_total(html: str) -> int:
    found = re.search(r"<strong>([\d.]+)</strong> Kooperationen", html)
    assert found, "the page shows the number of cooperations"
    return int(found.group(1).replace(".", ""))


def test_signed_in_members_get_the_public_figures_unless_they_choose_otherwise(seeded: NodeProcess) -> None:
    """Finding 8: when signed in, the Bestandsaufnahme silently included `network` records (216 instead of 206)."""
    with seeded.client(token=None) as anonymous, seeded.client() as member:
        public = anonymous.get("/api/inventory").json()
        default = member.get("/api/inventory").json()
        chosen = member.get("/api/inventory", params=NETWORK).json()
        assert default["totals"] == public["totals"], "a token alone changes no figure"
        assert (default["scope"]["includesNetwork"], default["scope"]["counted"]) == (False, PUBLIC)
        assert (chosen["scope"]["includesNetwork"], chosen["scope"]["counted"]) == (True, WITH_NETWORK)
        assert chosen["totals"]["projects"] > public["totals"]["projects"], "the seed has records only members see"
        assert anonymous.get("/api/inventory", params=NETWORK).status_code == 401

        for params, statement in (({}, PUBLIC), (NETWORK, WITH_NETWORK)):
            answer = member.get("/api/inventory/task-areas", params={**params, "format": "csv"})
            rows = parse_csv(answer.content)
            assert rows and {row["Gezählt"] for row in rows} == {statement}
            assert ("mit-netzwerk" in answer.headers["content-disposition"]) is bool(params)
        municipality = member.get("/api/inventory/municipalities/05974016").json()
        assert (municipality["includesNetwork"], municipality["counted"]) == (False, PUBLIC)

    with httpx.Client(base_url=seeded.url, timeout=60) as browser:  # the page, signed in with the form
        assert browser.post("/anmelden", data={"token": ADMIN_TOKEN, "weiter": "/"}).status_code == 303
        page = browser.get("/bestandsaufnahme").text
        assert f"Gezählt: {PUBLIC}." in page and page_total(page) == public["totals"]["projects"]
        assert 'name="includeNetwork"' in page, "a member can choose"
        page = browser.get("/bestandsaufnahme", params=NETWORK).text
        assert f"Gezählt: {WITH_NETWORK}." in page and page_total(page) == chosen["totals"]["projects"]
        link = re.search(r'href="([^"]+)">Überblick \(CSV\)', page)
        assert link, "the page offers its figures for download"
        download = browser.get(link.group(1).replace("&amp;", "&"))
        assert download.status_code == 200
        assert {row["Gezählt"] for row in parse_csv(download.content)} == {WITH_NETWORK}


def test_a_members_link_opened_without_signing_in_shows_the_public_figures_and_a_way_in(seeded: NodeProcess) -> None:
    """A shared ``?includeNetwork=true`` link (or Back after signing out) is no dead end: the page shows the public
    figures, says so, and its sign-in link returns to the members' figures."""
    with seeded.client(token=None) as anonymous:
        public = anonymous.get("/api/inventory").json()
        answer = anonymous.get("/bestandsaufnahme", params=NETWORK)
    assert answer.status_code == 200
    assert f"Gezählt: {PUBLIC}." in answer.text and page_total(answer.text) == public["totals"]["projects"]
    assert 'id="nur-mitglieder"' in answer.text
    assert "/anmelden?weiter=%2Fbestandsaufnahme%3FincludeNetwork%3Dtrue" in answer.text


@pytest.mark.parametrize(("path", "params"), [
    ("/api/inventory/potentials", {"maxKm": 99, "neighbours": 10}),
    ("/api/inventory/potentials", {"maxKm": 51}),
    ("/api/inventory/potentials", {"neighbours": 31}),
    ("/api/inventory/potentials", {"minNeighbours": 31}),
    ("/api/inventory/potentials", {"limit": 201}),
    ("/api/inventory/potentials", {"offset": 20_001}),
    ("/api/inventory/municipalities/05974016", {"maxKm": 99}),
    ("/api/inventory/municipalities/05974016", {"neighbours": 31}),
])
def test_parameters_above_their_maxima_are_refused(seeded: NodeProcess, path: str, params: dict[str, object]) -> None:
    """Finding 19: `/api/inventory/potentials?maxKm=99&neighbours=10` cost 10–17 CPU seconds per anonymous request."""
    with seeded.client(token=None) as anonymous:
        answer = anonymous.get(path, params=params)
    assert answer.status_code == 422, answer.text[:300]
    assert answer.json()["message"] and answer.json()["violations"]


def test_the_most_expensive_requests_have_a_bounded_cost(seeded: NodeProcess) -> None:
    """Finding 19: expensive inventory requests cost seconds each, queued behind each other, and memory grew from
    0.4 to 1.8 GB under fuzzing."""
    assert seeded.proc is not None
    pid = seeded.proc.pid
    with seeded.client(token=None, timeout=120) as anonymous:
        assert anonymous.get("/api/inventory/potentials").status_code == 200  # the snapshot is built
        widest = {"maxKm": 50, "neighbours": 30}  # the maxima
        before = cpu_seconds(pid)
        first = anonymous.get("/api/inventory/potentials", params=widest)
        second = anonymous.get("/api/inventory/potentials", params=widest)
        spent = cpu_seconds(pid) - before
        assert first.status_code == second.status_code == 200
        assert first.content == second.content
        assert spent < 3.0, f"{spent:.1f} CPU seconds for the widest request, twice"

        # a fuzzer's walk through the parameter space: each variant once
        rss_before, before = rss_mb(pid), cpu_seconds(pid)
        for i in range(12):
            variant = {"maxKm": 30 + i * 1.7, "neighbours": 12 + i, "limit": 200 if i % 4 == 0 else 10 + i}
            assert anonymous.get("/api/inventory/potentials", params=variant).status_code == 200
            assert anonymous.get("/api/inventory/municipalities/05974016", params={"maxKm": 20 + i, "neighbours": 5 + i}).status_code == 200
        spent, grown = cpu_seconds(pid) - before, rss_mb(pid) - rss_before
        assert spent < 15.0, f"{spent:.1f} CPU seconds for 24 requests"
        assert grown < 250, f"memory grew by {grown:.0f} MB"
        assert anonymous.get("/healthz", timeout=1).status_code == 200
