"""The ``kb`` command. One module per area; each adds its commands to ``main``."""

from __future__ import annotations

import logging
import os
import sys

import click

from kb import __version__

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", "-V", prog_name="kb", message="%(prog)s %(version)s")
@click.option("--log-level", envvar="KB_LOG_LEVEL", default="INFO", show_default=True, help="Logging level.")
def main(log_level: str) -> None:
    """kb – Wissensnetz für interkommunale Zusammenarbeit (knowledge network for inter-municipal cooperation)."""
    logging.basicConfig(
        level=getattr(logging, log_level.upper(), logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    for chatty in ("faiss.loader", "sentence_transformers", "httpx"):  # library start-up chatter
        logging.getLogger(chatty).setLevel(max(logging.WARNING, logging.getLogger().level))


def _register() -> None:
    from kb.cli import erase as _erase  # noqa: F401
    from kb.cli import node as _node  # noqa: F401

    for name in ("federation", "search"):
        try:
            __import__(f"kb.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"kb.cli.{name}":
                raise


_register()
