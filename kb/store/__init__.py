"""The record store: the ``Catalog`` interface and its backends (see ``kb.store.catalog``)."""

from kb.store.catalog import Catalog, Checkpoints, PreparedMembers

__all__ = ["Catalog", "Checkpoints", "PreparedMembers"]
