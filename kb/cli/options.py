"""Options shared by several commands, and the bridge from flags to Settings."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from pydantic import ValidationError

from kb.config import Settings
from kb.errors import KbError


def data_dir_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--data-dir", type=click.Path(path_type=Path), default=None, help="Data directory [KB_DATA_DIR, default ./data].")(f)


def settings_from(**flags: Any) -> Settings:
    """Settings from ``KB_*`` variables, with the given CLI flags on top."""
    try:
        return Settings().with_overrides(**flags)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise click.UsageError(f"Ungültige Einstellung / invalid setting: {problems}") from None


def fail(exc: KbError) -> None:
    click.echo(f"Fehler: {exc.message}", err=True)
    if exc.message_en and exc.message_en != exc.message:
        click.echo(f"Error: {exc.message_en}", err=True)
    for v in getattr(exc, "violations", []):
        click.echo(f"  - {v.field}: {v.message}", err=True)
    sys.exit(1)


def open_node(settings: Settings):  # type: ignore[no-untyped-def]
    """A Node on the data directory, with a clear message if a running node holds it."""
    from kb.node import Node

    try:
        return Node(settings)
    except OSError as exc:
        if "lock" in str(exc).lower():
            raise click.ClickException(
                f"Das Datenverzeichnis {settings.data_dir} wird von einem laufenden Knoten benutzt. "
                "Bitte nutzen Sie --url und --token, um über die API zu arbeiten, oder halten Sie den Knoten an."
            ) from None
        raise


def admin_api(node_url: str, admin_token: str | None, method: str, path: str, *, timeout: float | None = None, **kwargs: Any) -> Any:
    """One call to a running node's API as its admin; failures become CLI errors with the node's German message."""
    import logging

    import httpx

    logging.getLogger("httpx").setLevel(logging.WARNING)
    if not admin_token:
        raise click.UsageError("Bitte den Admin-Zugangsschlüssel angeben (--admin-token oder KB_ADMIN_TOKEN).")
    try:
        with httpx.Client(base_url=node_url.rstrip("/"), headers={"Authorization": f"Bearer {admin_token}"}, timeout=timeout) as client:
            response = client.request(method, path, **kwargs)
    except httpx.TransportError as exc:
        raise click.ClickException(f"Der Knoten {node_url} ist nicht erreichbar ({type(exc).__name__}).") from None
    if response.status_code >= 400:
        try:
            message = response.json().get("message", response.text)
        except ValueError:
            message = response.text
        raise click.ClickException(f"{response.status_code}: {message}")
    return response.json() if response.content else None
