"""The Kooperationsbörse: requests for partners and offers of services, with computed matches and Atom feeds.

Entries are records (``cooperationRequest``, ``cooperationOffer``) published through the one
publishing pipeline; this package only lists, filters, matches and syndicates them. See
docs/boerse.md.
"""

from .board import KINDS, Board, Entry, Query, today_in_germany
from .matching import Matcher

__all__ = ["KINDS", "Board", "Entry", "Matcher", "Query", "today_in_germany"]
