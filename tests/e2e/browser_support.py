"""Shared browser-test support: one Chromium and one seeded municipal node for every browser test file.

The fixtures are session-scoped (tests/e2e/conftest.py) so that new browser test files do not each
pay for a node with the seed data and a built search index.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from tests.conftest import ADMIN_TOKEN
from tests.e2e.processes import REPO, NodeProcess

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(__file__).with_name("node_modules") / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCREENSHOTS = os.environ.get("KB_SCREENSHOTS")

def wait_for_search(client: httpx.Client) -> None:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        hits = client.get("/api/search", params={"q": "Standesamt"}).json()
        if hits.get("results") and not any("aufgebaut" in n for n in hits.get("notes", [])):
            return
        time.sleep(0.5)
    raise AssertionError("search index not ready")


def shot(page: object, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


def check_basics(page: object) -> None:
    """Basics of BITV 2.0 / WCAG 2.1 AA every page must meet (German, labels, one h1, named links)."""
    assert page.get_attribute("html", "lang") == "de"  # type: ignore[attr-defined]
    assert page.locator("h1").count() == 1  # type: ignore[attr-defined]
    unlabelled = page.evaluate("""() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
        .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.closest('label'))
        .map(el => el.name || el.id)""")  # type: ignore[attr-defined]
    assert unlabelled == []
    nameless = page.evaluate("() => [...document.querySelectorAll('a')].filter(a => !a.textContent.trim() && !a.getAttribute('aria-label')).length")  # type: ignore[attr-defined]
    assert nameless == 0
    external = page.evaluate("""() => [...document.querySelectorAll('script[src], link[href], img[src]')]
        .map(el => el.src || el.href).filter(u => u && !u.startsWith(location.origin))""")  # type: ignore[attr-defined]
    assert external == [], "every asset must come from the node itself"


def wcag_violations(page: object) -> list[str]:
    """What axe-core (the W3C ACT-aligned checker) finds against WCAG 2.1 A/AA on the current page:
    contrast, labels, names, headings, landmarks, language, ARIA use."""
    page.evaluate(AXE.read_text(encoding="utf-8"))  # type: ignore[attr-defined]  # not a <script> tag: the pages' CSP refuses those
    return page.evaluate("""async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations
        .map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`)""",
                         WCAG_21_AA)  # type: ignore[attr-defined]




def publisher_token(node: NodeProcess, name: str = "Gemeinde Welver") -> str:
    """A publisher token created with the CLI, as an operator would."""
    result = subprocess.run([sys.executable, "-m", "kb.cli", "token", "create", "--name", name, "--data-dir", str(node.data_dir)],
                            capture_output=True, text=True, cwd=REPO, env={**os.environ, "KB_ADMIN_TOKEN": ADMIN_TOKEN}, check=True)
    return result.stdout.strip().splitlines()[0]


def wait_until(condition: Callable[[], object], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError("condition not met in time")
