"""Routers per area. ``records`` (the record IRIs ``/projects/{key}``) is mounted last."""

from kb.api.routes import boerse, catalog, erasure, federation, imports, inventory, meta, network, ontology, open_web, places, projects, records, sparql

ROUTERS = [meta, catalog, open_web, ontology, projects, imports, sparql, federation, network, places, inventory, erasure, boerse]

from kb.api.routes import funding, search  # noqa: E402

ROUTERS.append(funding)

ROUTERS.insert(ROUTERS.index(projects), search)  # /api/projects/{key}/similar before the projects catch-all

from kb.api.routes import documents  # noqa: E402

ROUTERS.insert(ROUTERS.index(projects), documents)  # /api/projects/{key}/documents, /documents/{sha256}

__all__ = ["ROUTERS", "records"]
