"""Routers per area. ``records`` (the record IRIs ``/projects/{key}``) is mounted last."""

from kb.api.routes import imports, meta, ontology, projects, records, sparql

ROUTERS = [meta, ontology, projects, imports, sparql]

__all__ = ["ROUTERS", "records"]
