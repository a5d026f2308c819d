"""HTTP: the only package that knows about FastAPI."""

from kb.api.app import create_app

__all__ = ["create_app"]
