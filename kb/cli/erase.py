"""``kb erase``: a data subject's request for erasure (Art. 17 GDPR).

Works on a stopped node's data directory or through a running node's API (``--url``, admin
token), like ``kb import``. Either way the catalogue rewrites its store afterwards, so the erased
text leaves its files too (``kb/store/generations.py``). Without ``--yes`` it only shows what it
would erase.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from kb.cli import main
from kb.cli.options import admin_api, data_dir_option, fail, open_node, settings_from
from kb.errors import KbError

_ACTIONS = {
    "erased": "gelöscht (neue Version ohne personenbezogene Daten)",
    "copies-erased": "hier gehaltene frühere Versionen gelöscht",
    "origin-must-erase": "Herkunftsknoten muss löschen",
    "nothing-to-erase": "nichts zu löschen",
}


@main.command()
@click.argument("key", required=False)
@click.option("--match", default=None, help="Name, e-mail address or phone number of the data subject: finds every record "
                                            "whose current or earlier versions mention it.")
@click.option("--yes", is_flag=True, default=False, help="Really erase (without it: only show what would be erased).")
@click.option("--rewrite-store", is_flag=True, default=False,
              help="Rewrite the store of a stopped node now (a node does it by itself after every erasure).")
@data_dir_option
@click.option("--url", default=None, help="Erase through a running node's API instead of the data directory.")
@click.option("--token", envvar="KB_ADMIN_TOKEN", default=None, help="Admin token for --url [KB_ADMIN_TOKEN].")
def erase(key: str | None, match: str | None, yes: bool, rewrite_store: bool, data_dir: Path | None, url: str | None,
          token: str | None) -> None:
    """Personenbezogene Daten löschen (Art. 17 DSGVO) / erase a person's data from this node and, for its own records, the network.

    \b
    kb erase --match "Erika Mustermann"        shows every record that mentions her (current or earlier versions)
    kb erase --match "Erika Mustermann" --yes  erases them
    kb erase KEY --yes                         erases the personal data of one record
    """
    if key and match:
        raise click.UsageError("Bitte entweder einen Eintrag (KEY) oder --match angeben, nicht beides.")
    if not key and not match and not rewrite_store:
        raise click.UsageError("Bitte einen Eintrag (KEY), --match oder --rewrite-store angeben.")
    if url:
        if rewrite_store:
            raise click.UsageError("--rewrite-store braucht den angehaltenen Knoten (--data-dir), nicht --url.")
        report = _via_api(url, token, key, match, dry_run=not yes)
    elif key or match:
        settings = settings_from(data_dir=data_dir)
        node = open_node(settings)
        try:
            erasure = node.erasure
            result = erasure.erase_matching(match, dry_run=not yes) if match else erasure.erase_record(key or "", dry_run=not yes)
            report = result.as_dict()
            node.catalog.settle()  # the store's rewrite runs in the background; a command waits for it
        except KbError as exc:
            fail(exc)
        finally:
            node.close()
    else:
        report = None
    if report is not None:
        _print(report)
    if rewrite_store:
        _rewrite(data_dir)
    if report is not None and not report["dryRun"] and not report["complete"]:
        sys.exit(1)


def _print(report: dict[str, Any]) -> None:
    records = report["records"]
    if not records:
        click.echo("Keine gespeicherte Version eines Eintrags nennt diese Angaben." if report["match"] else "Nichts gefunden.")
    for r in records:
        versions = ", ".join(str(v) for v in r["erasedVersions"]) or "–"
        click.echo(f"• {r['title'] or r['record']}\n  {r['record']}")
        if r["mentionedIn"]:
            click.echo(f"  genannt in Version(en): {', '.join(str(v) for v in r['mentionedIn'])}")
        verb = "würde löschen" if report["dryRun"] else "gelöscht"
        action = _ACTIONS[r["action"]] if not report["dryRun"] else f"würde: {_ACTIONS[r['action']]}"
        click.echo(f"  {action}; Versionen ({verb}): {versions}")
        if r["message"] and not report["dryRun"]:
            click.echo(f"  {r['message']}")
        elif r["action"] == "origin-must-erase":
            click.echo(f"  Herkunft: {r['originName'] or r['origin']} ({r['origin']}) muss die aktuelle Fassung löschen.")
        if r["stillMentioned"]:
            click.echo("  Achtung: der Text steht auch im übrigen Inhalt (z. B. Beschreibung); bitte dort entfernen.")
    if report["quarantineRemoved"]:
        click.echo(f"Quarantäne-Einträge {'zu löschen' if report['dryRun'] else 'gelöscht'}: {report['quarantineRemoved']}")
    if report["dryRun"]:
        if records:
            click.echo("Nichts geändert. Mit --yes wird gelöscht.")
    elif records:
        click.echo(report["physical"])


def _rewrite(data_dir: Path | None) -> None:
    import shutil

    from kb.store.generations import active_dir, rewrite_store
    from kb.store.sparql_snapshots import SNAPSHOT_DIR

    settings = settings_from(data_dir=data_dir)
    path = settings.data_dir / "store"
    if not active_dir(path).exists():
        raise click.ClickException(f"Im Datenverzeichnis {settings.data_dir} gibt es keinen Speicher.")
    try:
        copied, size = rewrite_store(path)
    except OSError as exc:
        if "lock" in str(exc).lower():
            raise click.ClickException(f"Der Speicher in {path} wird von einem laufenden Knoten benutzt. Bitte den Knoten "
                                       "anhalten und `kb erase --rewrite-store` wiederholen.") from None
        raise
    # Checkpoints a node killed before it could clean up hard-link the old store's files.
    shutil.rmtree(settings.data_dir / SNAPSHOT_DIR, ignore_errors=True)
    click.echo(f"Speicher neu geschrieben ({copied} Tripel, vorher {size / 1e6:.1f} MB): gelöschte Daten sind auch aus "
               "seinen Dateien entfernt.")


def _via_api(url: str, token: str | None, key: str | None, match: str | None, *, dry_run: bool) -> dict[str, Any]:
    if not token:
        raise click.UsageError("Für --url ist der Admin-Zugangsschlüssel nötig (--token oder KB_ADMIN_TOKEN).")
    body: dict[str, Any] = {"dryRun": dry_run, **({"match": match} if match else {"record": key})}
    return admin_api(url, token, "POST", "/api/erasure", json=body, timeout=600)  # type: ignore[no-any-return]
