"""Screenshots of the main pages of the demo aggregator for docs/screenshots/.

    .venv/bin/python scripts/screenshots.py

Starts `kb demo` in a temporary directory, waits until the federation is synced, and drives
Debian's Chromium (Playwright) over: start page, results with facets, a harvested project with
its verified origin and similar projects, the aggregator's network page, the Bestandsaufnahme.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "screenshots"


def start_demo(work: Path) -> tuple[subprocess.Popen[str], dict[str, str]]:
    proc = subprocess.Popen([sys.executable, "-m", "kb.cli", "demo", "--data-dir", str(work), "--base-port", "8811", "--fresh"],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    urls: dict[str, str] = {}
    assert proc.stdout is not None
    deadline = time.monotonic() + 900
    for line in proc.stdout:
        sys.stdout.write(line)
        found = re.search(r"^\s+(.+?)\s{2,}\S+\s+\S+\s+\d+\s+(http://\S+)", line)
        if found:
            urls[found.group(1).strip()] = found.group(2)
        if "Beenden mit Strg+C" in line or time.monotonic() > deadline:
            break
    return proc, urls


def wait_for_search(url: str, minimum: int) -> None:
    deadline = time.monotonic() + 900
    while time.monotonic() < deadline:
        state = httpx.get(url + "/.well-known/kb-node", timeout=10).json().get("search", {})
        if state.get("state") == "ready" and state.get("records", 0) >= minimum:
            return
        time.sleep(2)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kb-screens-") as tmp:
        proc, urls = start_demo(Path(tmp))
        try:
            aggregator = next(u for name, u in urls.items() if "Gemeindebund NRW" in name)
            total = httpx.get(aggregator + "/healthz").json()["records"]
            wait_for_search(aggregator, total)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"])
                page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="de-DE")
                page.goto(aggregator + "/")
                page.screenshot(path=OUT / "start.png", full_page=True)
                page.goto(aggregator + "/suche?q=Tierseuchen+und+Lebensmittelkontrolle+gemeinsam&state=NW")
                page.screenshot(path=OUT / "results-with-facets.png", full_page=True)
                page.goto(aggregator + "/suche?q=gemeinsames+Standesamt")
                page.locator("ol.cards h3 a", has_text="Standesamtverbund Hellweg").first.click()
                page.screenshot(path=OUT / "project-with-similar.png", full_page=True)
                page.goto(aggregator + "/netzwerk")
                page.screenshot(path=OUT / "network-aggregator.png", full_page=True)
                page.goto(aggregator + "/bestandsaufnahme?state=NW")
                page.set_viewport_size({"width": 1280, "height": 1500})
                page.screenshot(path=OUT / "inventory-overview-map.png")
                page.locator("#abschnitt-matrix").screenshot(path=OUT / "inventory-matrix.png")
                page.locator("#abschnitt-potenziale").screenshot(path=OUT / "inventory-potentials.png")
                page.locator("#abschnitt-prioritaeten").screenshot(path=OUT / "inventory-priorities.png")
                browser.close()
        finally:
            proc.terminate()
            proc.wait(timeout=60)
    print("screenshots written to", OUT)


if __name__ == "__main__":
    main()
