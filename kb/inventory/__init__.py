"""The inventory of cooperation (Bestandsaufnahme): counts, map, matrix, potentials, priorities.

Usage from the node (``node.extensions["inventory"]``) or a web page::

    inv = node.extensions["inventory"]
    scope = inv.resolve_scope(state="NW", regierungsbezirk="059")   # 422 on unknown values
    inv.task_areas(scope, include_network=principal.can_see_network)
    inv.potentials(scope, task_area="02", limit=20)
    inv.municipality("05974016")

Every figure is its response model from ``schemas`` (shared from a cache: do not change it);
``export.TABLES`` turns it into a CSV table. See docs/inventory.md.
"""

from .export import MUNICIPALITY_TABLES, TABLES, municipality_table, to_csv
from .facts import ACTIVE_STATUSES, RecordFacts, Snapshot
from .figures import DEFAULT_MAX_KM, DEFAULT_NEIGHBOURS, DIGITAL_WEIGHTS, Figures
from .neighbours import NeighbourTable, neighbour_table
from .scope import EVERYTHING, Scope, resolve_scope
from .service import Inventory

__all__ = [
    "ACTIVE_STATUSES",
    "DEFAULT_MAX_KM",
    "DEFAULT_NEIGHBOURS",
    "DIGITAL_WEIGHTS",
    "EVERYTHING",
    "Figures",
    "Inventory",
    "MUNICIPALITY_TABLES",
    "NeighbourTable",
    "RecordFacts",
    "Scope",
    "Snapshot",
    "TABLES",
    "municipality_table",
    "neighbour_table",
    "resolve_scope",
    "to_csv",
]
