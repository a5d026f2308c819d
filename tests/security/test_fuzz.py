"""Fuzzing: a bounded schemathesis run against a real node must find no 5xx and no schema violation.

The node is a real ``kb serve --seed`` process with search switched on (the node as operators run
it). Schemathesis reads the node's own ``/openapi.json`` and tests every operation with every check
it has (server errors, response schema, status codes, content types, headers, negative and
positive data, unsupported methods, ignored auth, stateful links ...), once as an anonymous caller
and once with the admin token. The run is bounded (a fixed number of examples per operation and a
fixed seed), so it takes the same few minutes on every run and finds the same things.

Why the CLI in a subprocess: its report names each failure with a ``curl`` line that reproduces it,
which is what a developer needs when this test fails. The figures for its run time are in
``docs/benchmarks.md``.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import ADMIN_TOKEN, LiveNode
from tests.e2e.processes import NodeProcess

MAX_EXAMPLES = 10
"""Examples per operation and phase: enough to hit every parameter with odd values, few enough for minutes."""
SEED = 20261206
"""A fixed seed: the same inputs on every run, so a failure is reproducible and a pass means something."""
REQUEST_TIMEOUT = 30
CONFIG = Path(__file__).with_name("schemathesis.toml")


@pytest.fixture(scope="module")
def fuzzed_node(tmp_path_factory: pytest.TempPathFactory) -> Iterator[NodeProcess]:
    """A seeded node with search on, ready to answer searches."""
    node = NodeProcess(tmp_path_factory.mktemp("fuzz") / "node", name="Fuzzknoten", extra_args=["--seed", "--operator", "Fuzzbetrieb"],
                       env={"KB_SEARCH_ENABLED": "true"}).start(timeout=180)
    try:
        _wait_for_search(node)
        yield node
    finally:
        node.stop()


def _wait_for_search(node: NodeProcess) -> None:
    deadline = time.monotonic() + 240
    with node.client() as admin:
        while time.monotonic() < deadline:
            if admin.get("/api/search/status").json().get("state") == "ready":
                return
            time.sleep(0.5)
    raise AssertionError("search index not ready")


def _schemathesis(node: NodeProcess, report_dir: Path, headers: list[str]) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "schemathesis.cli", "--config-file", str(CONFIG), "run", f"{node.url}/openapi.json",
           "--checks", "all",
           "--max-examples", str(MAX_EXAMPLES),
           "--seed", str(SEED),
           "--workers", "1",
           "--request-timeout", str(REQUEST_TIMEOUT),
           "--generation-database", "none",
           "--no-color",
           "--report", "junit", "--report-dir", str(report_dir),
           *[arg for header in headers for arg in ("--header", header)]]
    return subprocess.run(cmd, cwd=report_dir, capture_output=True, text=True, timeout=1200)


@pytest.mark.slow
@pytest.mark.timeout(1500)
@pytest.mark.parametrize("caller", ["anonymous", "admin"])
def test_bounded_schemathesis_run_finds_no_server_error_and_no_schema_violation(
        fuzzed_node: NodeProcess, tmp_path: Path, caller: str) -> None:
    """Fuzzing: every operation, every check, as an anonymous caller and as admin: no 5xx, no schema violation."""
    pytest.importorskip("schemathesis")
    headers = [f"Authorization: Bearer {ADMIN_TOKEN}"] if caller == "admin" else []
    started = time.monotonic()
    result = _schemathesis(fuzzed_node, tmp_path, headers)
    elapsed = time.monotonic() - started
    (tmp_path / "schemathesis.txt").write_text(result.stdout + result.stderr, encoding="utf-8")
    report = result.stdout[:100_000] + result.stderr[-3000:]
    assert result.returncode == 0, f"schemathesis found failures ({caller}, {elapsed:.0f} s):\n{report}"
    with httpx.Client(base_url=fuzzed_node.url, timeout=5) as client:
        assert client.get("/healthz").status_code == 200, "the node must still be up after fuzzing"


# What the first fuzz runs found in the parts of the API this module's author fixed; each stays fixed.


def test_openapi_documents_the_error_body_kb_really_sends(live: LiveNode) -> None:
    """Fuzzing: every operation documents its error answers with kb's error body, not FastAPI's unused {"detail": ...}."""
    with live.client(token=None) as client:
        spec = client.get("/openapi.json").json()
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            for status in ("400", "401", "404", "413", "422", "429"):
                assert operation["responses"][status]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/ErrorOut"}, \
                    (method, path, status)
    with live.client(token=None) as client:
        client_error = client.get("/api/projects", params={"limit": "viele"})
        error = client_error.json()
    assert client_error.status_code == 422
    assert set(error) >= {"error", "message", "message_en", "violations"}


def test_ontology_documents_its_media_types_and_answers_format_json(live: LiveNode) -> None:
    """Fuzzing: /ontology?format=json gave 500; the ontology routes now document the RDF media types they answer."""
    with live.client(token=None) as client:
        spec = client.get("/openapi.json").json()
        for path in ("/ontology", "/ontology/shapes", "/ontology/vocabularies/{name}"):
            content = spec["paths"][path]["get"]["responses"]["200"]["content"]
            assert set(content) == {"text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml"}, path
            assert any(p["name"] == "format" for p in spec["paths"][path]["get"]["parameters"]), path
        for path in ("/ontology", "/ontology/shapes", "/ontology/vocabularies/status"):
            answer = client.get(path, params={"format": "json"})
            assert answer.status_code == 200, path
            assert answer.headers["content-type"].startswith("application/ld+json"), path
            assert isinstance(answer.json(), list | dict)
            assert client.get(path, headers={"Accept": "text/turtle"}).headers["content-type"].startswith("text/turtle")


def test_search_switched_off_answers_404_not_503(live: LiveNode) -> None:
    """Fuzzing: a node without search answered 503 ("try again later") for good; it is 404 with a German message."""
    with live.client(token=None) as client:
        for path in ("/api/search?q=Standesamt", "/api/search/status"):
            answer = client.get(path)
            assert answer.status_code == 404, path
            assert answer.json()["message"] == "Die Suche ist auf diesem Knoten abgeschaltet."
        health = client.get("/healthz")
        assert health.status_code == 200 and set(health.json()) == {"status", "records", "lastSeq"}
