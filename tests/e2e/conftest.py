"""Browser fixtures shared by every tests/e2e/test_browser*.py file (one Chromium, one seeded node)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.browser_support import CHROMIUM, wait_for_search
from tests.e2e.processes import NodeProcess


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: run `make browser` (Debian package chromium)")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--no-first-run", "--disable-quic"],
        )
        yield b
        b.close()


@pytest.fixture(scope="session")
def municipal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[NodeProcess]:
    """A municipal node with the seed data and search switched on."""
    node = NodeProcess(tmp_path_factory.mktemp("browser") / "kommune", name="Kreis Soest", extra_args=["--seed", "--operator", "Kreis Soest"],
                       env={"KB_SEARCH_ENABLED": "true"}).start(timeout=180)
    with node.client() as admin:
        wait_for_search(admin)
    yield node
    node.stop()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    pg = context.new_page()
    refused: list[str] = []
    pg.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)  # type: ignore[attr-defined]
    yield pg
    context.close()
    assert refused == [], "the Content-Security-Policy blocked something on a page"
