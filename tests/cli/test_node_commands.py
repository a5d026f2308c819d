"""The node's command line: import, export, validate, tokens."""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path

import pytest
from click.testing import CliRunner

from kb.cli import main
from tests.conftest import HELLWEG


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("KB_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("KB_BASE_URL", "http://127.0.0.1:8123")
    monkeypatch.setenv("KB_SEARCH_ENABLED", "false")
    return CliRunner()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps([HELLWEG, {**HELLWEG, "title": "Standesamt Lippe", "participants": ["05766004", "05766016"], "lead": None}]), encoding="utf-8")
    (folder / "b.jsonl").write_text(json.dumps({**HELLWEG, "title": "Dritter Verbund"}) + "\n", encoding="utf-8")
    return folder


def test_import_of_a_folder_reports_counts_and_is_idempotent(runner: CliRunner, folder: Path) -> None:
    first = runner.invoke(main, ["import", str(folder)])
    assert first.exit_code == 0, first.output
    assert "3 neu" in first.output
    again = runner.invoke(main, ["import", str(folder)])
    assert again.exit_code == 0 and "0 neu, 0 geändert, 3 unverändert" in again.output


def test_import_names_each_invalid_item_and_fails(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([HELLWEG, {**HELLWEG, "title": "x", "legalForm": "Raumstation"}]), encoding="utf-8")
    result = runner.invoke(main, ["import", str(bad)])
    assert result.exit_code == 1
    assert "1 neu" in result.output and "bad.json#2" in result.output and "legalForm" in result.output


def test_export_writes_every_current_record_as_trig(runner: CliRunner, folder: Path, tmp_path: Path) -> None:
    import rdflib

    runner.invoke(main, ["import", str(folder)])
    out = tmp_path / "export.trig"
    result = runner.invoke(main, ["export", "--out", str(out)])
    assert result.exit_code == 0, result.output
    dataset = rdflib.Dataset()
    dataset.parse(out, format="trig")
    graphs = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert len([g for g in graphs if "/projects/" in g]) == 3


def test_validate_accepts_good_files_and_explains_bad_ones(runner: CliRunner, folder: Path, tmp_path: Path) -> None:
    assert runner.invoke(main, ["validate", str(folder / "a.json")]).exit_code == 0
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**HELLWEG, "title": "ab"}), encoding="utf-8")
    result = runner.invoke(main, ["validate", str(bad)])
    assert result.exit_code == 1 and "title" in result.output and "Titel" in result.output


def test_tokens_are_created_once_listed_without_secret_and_revoked(runner: CliRunner, tmp_path: Path) -> None:
    from kb.auth import TokenStore

    created = runner.invoke(main, ["token", "create", "--name", "Stadt Erwitte"])
    assert created.exit_code == 0
    secret = created.stdout.strip().splitlines()[0]
    store = TokenStore(tmp_path / "data" / "tokens.json")
    assert store.authenticate(secret).role == "publisher"
    assert secret.split("_")[2] not in (tmp_path / "data" / "tokens.json").read_text()
    listing = runner.invoke(main, ["token", "list"])
    token_id = secret.split("_")[1]
    assert token_id in listing.output and "Stadt Erwitte" in listing.output
    assert runner.invoke(main, ["token", "revoke", token_id]).exit_code == 0
    from kb.errors import Unauthenticated

    with pytest.raises(Unauthenticated):
        store.authenticate(secret)


def test_version_is_the_package_version(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"kb {version('kb')}"
