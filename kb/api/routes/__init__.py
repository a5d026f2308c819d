"""Routers per area. ``records`` (the record IRIs ``/projects/{key}``) is mounted last."""

from kb.api.routes import federation, imports, meta, ontology, projects, records, sparql

ROUTERS = [meta, ontology, projects, imports, sparql, federation]

__all__ = ["ROUTERS", "records"]
