"""A real ``oxigraph serve`` (from the ``oxigraph`` package) on a free loopback port, for the server store."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx


def oxigraph_binary() -> str:
    """The ``oxigraph`` command of this environment (the dev extra installs it next to python)."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        raise RuntimeError("the oxigraph server is missing: pip install -e '.[dev]'")
    return found


class OxigraphServer:
    def __init__(self, location: Path, port: int) -> None:
        self.location = location
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 30) -> OxigraphServer:
        self.location.mkdir(parents=True, exist_ok=True)
        log = (self.location.parent / f"{self.location.name}.log").open("ab")
        self.proc = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}",
                                      "--timeout-s", "10"],
                                     stdout=log, stderr=log)
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"oxigraph serve exited with {self.proc.returncode}")
            try:
                if httpx.post(self.url + "/query", data={"query": "ASK {}"}, timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        raise RuntimeError("oxigraph serve did not answer")

    def clear(self) -> None:
        httpx.post(self.url + "/update", data={"update": "DROP ALL"}, timeout=30).raise_for_status()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
