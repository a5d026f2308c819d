"""Every setting and every command-line option is documented (docs/configuration.md)."""

from __future__ import annotations

from pathlib import Path

import click

from kb.cli import main
from kb.config import Settings

DOC = (Path(__file__).resolve().parents[1] / "docs" / "configuration.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "kb") -> list[tuple[str, click.Command]]:
    out = []
    for name, command in group.commands.items():
        path = f"{prefix} {name}"
        out.append((path, command))
        if isinstance(command, click.Group):
            out.extend(_commands(command, path))
    return out


def test_every_setting_is_documented_with_its_variable() -> None:
    missing = [f"KB_{name.upper()}" for name in Settings.model_fields if f"KB_{name.upper()}" not in DOC]
    assert missing == [], f"undocumented settings: {missing}"


def test_every_command_and_option_is_documented() -> None:
    missing = []
    for path, command in _commands(main):
        if f"`{path}" not in DOC:
            missing.append(path)
        for param in command.params:
            if isinstance(param, click.Option):
                flag = max(param.opts, key=len)
                if flag not in ("--help",) and flag not in DOC:
                    missing.append(f"{path} {flag}")
    assert missing == [], f"undocumented commands or options: {missing}"
