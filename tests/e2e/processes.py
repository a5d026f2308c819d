"""Real node processes (``kb serve``) for end-to-end tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.conftest import ADMIN_TOKEN, free_port

REPO = Path(__file__).resolve().parents[2]


class NodeProcess:
    def __init__(self, data_dir: Path, *, name: str = "Knoten", port: int | None = None, state: str = "NW",
                 extra_args: list[str] | None = None, env: dict[str, str] | None = None) -> None:
        self.data_dir = data_dir
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.name = name
        self.state = state
        self.extra_args = extra_args or []
        self.env = {**os.environ, "KB_ADMIN_TOKEN": ADMIN_TOKEN, "KB_SEARCH_ENABLED": "false", "KB_SYNC_INTERVAL": "0",
                    "KB_OUTBOUND_ALLOW_NETWORKS": "127.0.0.0/8", **(env or {})}
        self.proc: subprocess.Popen[bytes] | None = None
        self._log = None
        self.log_path = data_dir.parent / f"{data_dir.name}.log"

    def start(self, timeout: float = 60) -> NodeProcess:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        log = self._log = self.log_path.open("ab")
        cmd = [sys.executable, "-m", "kb.cli", "serve", "--data-dir", str(self.data_dir), "--port", str(self.port),
               "--name", self.name, "--state", self.state, *self.extra_args]
        self.proc = subprocess.Popen(cmd, cwd=REPO, env=self.env, stdout=log, stderr=log)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"node exited early:\n{self.log_path.read_text(errors='replace')[-3000:]}")
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"node did not answer in {timeout}s:\n{self.log_path.read_text(errors='replace')[-3000:]}")

    def client(self, token: str | None = ADMIN_TOKEN, timeout: float = 30) -> httpx.Client:
        return httpx.Client(base_url=self.url, headers={"Authorization": f"Bearer {token}"} if token else {}, timeout=timeout)

    def kill9(self) -> None:
        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)
        self._close_log()

    def _close_log(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill9()
        self._close_log()
