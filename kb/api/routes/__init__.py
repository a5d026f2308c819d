"""Routers per area. ``records`` (the record IRIs ``/projects/{key}``) is mounted last."""

from kb.api.routes import boerse, erasure, federation, imports, inventory, meta, ontology, projects, records, sparql

ROUTERS = [meta, ontology, projects, imports, sparql, federation, inventory, erasure, boerse]

from kb.api.routes import search  # noqa: E402

ROUTERS.insert(ROUTERS.index(projects), search)  # /api/projects/{key}/similar before the projects catch-all

__all__ = ["ROUTERS", "records"]
