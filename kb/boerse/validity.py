"""How long a Börse entry is listed: one rule for the board, its feeds and matches, search and publishing.

An entry (``cooperationRequest``, ``cooperationOffer``) names its last day in ``validUntil``. A date
years ahead (``9999-12-31``) would keep it in every list for ever, so:

- **publishing here** refuses a ``validUntil`` later than ``LISTING_HORIZON_YEARS`` after today
  (``horizon_violations``, called by ``Publisher.validate``: API, RDF, import and web form alike);
- **listing** treats every entry, however it arrived, as open at most until
  ``LISTING_HORIZON_YEARS`` after it was last changed (``listed_until``). A peer's entry is never
  trusted: the start is the earlier of the modification time it claims and the time this node
  received it, so a claimed modification in the future buys nothing. The entry stays stored and
  federated as its origin signed it; it only leaves the lists.

"Today" is the day in Germany (Europe/Berlin) on every node, so entries expire at the same moment.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from pyoxigraph import Literal, Triple

from kb.errors import Violation
from kb.ontology.namespaces import SCHEMA
from kb.ontology.terms import value

try:
    from zoneinfo import ZoneInfo

    _BERLIN: Any = ZoneInfo("Europe/Berlin")
except Exception:  # pragma: no cover - a system without time zone data: UTC is at most a day off
    _BERLIN = UTC

LISTING_HORIZON_YEARS = 2
"""How far ahead an entry may be valid: its ``validUntil`` at publishing, and its listing after its last change.
Two years cover a call for partners for the next budget (the demo's seed entries run to the end of next year)."""

VALID_UNTIL = SCHEMA.validThrough
"""The predicate of ``validUntil`` (kb/ontology/record_fields.toml)."""


def today_in_germany() -> date:
    return datetime.now(_BERLIN).date()


def years_after(day: date, years: int) -> date:
    """The same day ``years`` later (29 February: the 28th in a year without it)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def latest_valid_until(today: date) -> date:
    """The latest ``validUntil`` an entry published on ``today`` may name."""
    return years_after(today, LISTING_HORIZON_YEARS)


def last_day(value: Any) -> date | None:
    """The ``validUntil`` date as written; None: never listed (no date, or not a full date)."""
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:  # a gYear or garbage from a peer: never open
        return None


def _day_of(timestamp: str | None) -> date | None:
    try:
        return date.fromisoformat(timestamp[:10]) if timestamp else None
    except ValueError:
        return None


def listed_until(valid_until: Any, *, modified: str | None, received_at: str | None = None) -> date | None:
    """The last day an entry is listed as open: its ``validUntil``, but no later than the horizon after
    its last change (the earlier of ``modified`` and ``received_at``). None: never listed."""
    last = last_day(valid_until)
    starts = [d for d in (_day_of(modified), _day_of(received_at)) if d is not None]
    if last is None or not starts:
        return None
    return min(last, latest_valid_until(min(starts)))


def horizon_violations(record_iri: str, triples: Sequence[Triple], today: date) -> list[Violation]:
    """A ``validUntil`` later than the horizon allows, as a field error (publishing here only)."""
    latest = latest_valid_until(today)
    out = []
    for t in triples:
        if t.predicate != VALID_UNTIL or value(t.subject) != record_iri or not isinstance(t.object, Literal):
            continue
        day = last_day(t.object.value)
        if day is not None and day > latest:
            out.append(Violation(
                "validUntil",
                f"Ein Eintrag in der Börse darf höchstens {LISTING_HORIZON_YEARS} Jahre gelten, also bis zum "
                f"{latest.strftime('%d.%m.%Y')}. Bitte wählen Sie ein früheres Datum; verlängern können Sie den Eintrag später.",
                f"validUntil may be at most {LISTING_HORIZON_YEARS} years ahead, that is {latest.isoformat()} at the latest. "
                f"Please choose an earlier date; the entry can be extended later.",
                value=t.object.value, code="too_far_ahead"))
    return out
