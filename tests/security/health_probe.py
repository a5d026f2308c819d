"""A node's ``/healthz`` asked over and over while a test attacks it from other threads.

Shared by the security tests that load a real ``kb serve`` process: the probe records how long
each answer took and every answer that was not a 200, and the attackers run as threads that are
all started, then all joined.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx


@dataclass
class HealthProbe:
    failures: list[str] = field(default_factory=list)
    """Each ``/healthz`` that failed, and whatever else the test counts as a failure."""
    times: list[float] = field(default_factory=list)
    """Seconds each ``/healthz`` took."""


@contextmanager
def healthz_probe(url: str, *, every: float, timeout: float, join: float) -> Iterator[HealthProbe]:
    """Ask ``url/healthz`` every ``every`` seconds until the block ends."""
    probe = HealthProbe()
    stop = threading.Event()

    def ask() -> None:
        with httpx.Client(timeout=timeout) as client:
            while not stop.is_set():
                started = time.monotonic()
                try:
                    status = client.get(url + "/healthz").status_code
                    if status != 200:
                        probe.failures.append(f"healthz {status}")
                except httpx.HTTPError as exc:
                    probe.failures.append(f"healthz {type(exc).__name__}")
                probe.times.append(time.monotonic() - started)
                time.sleep(every)

    prober = threading.Thread(target=ask)
    prober.start()
    try:
        yield probe
    finally:
        stop.set()
        prober.join(timeout=join)


def run_all(target: Callable[..., Any], args: Iterable[Any], *, join: float) -> int:
    """``target(a)`` for each of ``args`` in a thread of its own, all at once; returns how many ran."""
    threads = [threading.Thread(target=target, args=(a,)) for a in args]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=join)
    return len(threads)
