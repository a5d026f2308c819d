"""The smart-city initiatives of the catalogue, with their members, topics, funding and projects.

The Landtag motion asks for a network of the smart-city initiatives that are funded project by
project. This is what the page ``/initiativen`` shows of it: every record of type
``smartCityInitiative`` with its members (placed on the map by the register's coordinates), its
topics (task areas and keywords), its programme and funding round, and the cooperation projects of
its member municipalities in the same task areas — where an initiative's work meets everyday
cooperation. Built from the stored summaries, once per position of the change log.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kb.ontology.register import Municipality, Register
from kb.store import Catalog
from kb.store.per_state import PerState

MAX_PROJECTS = 5
"""Projects of the members shown per initiative."""


@dataclass(frozen=True)
class Initiative:
    iri: str
    title: str
    status: str | None
    state: str | None
    member_names: tuple[str, ...]
    municipalities: tuple[Municipality, ...]
    task_areas: tuple[str, ...]
    keywords: tuple[str, ...]
    programmes: tuple[str, ...]
    round: str | None
    funding_text: str | None
    """The free-text funding (``fundingProgramme``), shown when no programme of the list is named."""
    projects: tuple[tuple[str, str], ...]
    """(IRI, title) of cooperation projects of its member municipalities in its task areas."""


class Initiatives:
    """Every smart-city initiative a caller may see, ordered by title."""

    def __init__(self, catalog: Catalog, register: Register) -> None:
        self.catalog = catalog
        self.register = register
        self._per_state: PerState[bool, list[Initiative]] = PerState(lambda: catalog.last_seq)

    def all(self, *, include_network: bool) -> list[Initiative]:
        return self._per_state.get(include_network, lambda: self._compute(include_network))

    def _compute(self, include_network: bool) -> list[Initiative]:
        visible = {iri: s for iri, s in self.catalog.summaries().items()
                   if include_network or s.get("visibility", "public") == "public"}
        by_member: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        for iri, s in visible.items():
            if s.get("type") != "smartCityInitiative":
                for p in s.get("participants") or []:
                    by_member.setdefault(str(p), []).append((iri, s))
        out = []
        for iri, s in visible.items():
            if s.get("type") != "smartCityInitiative":
                continue
            members = [str(p) for p in s.get("participants") or []]
            areas = set(s.get("taskAreas") or [])
            shared: dict[str, tuple[int, str]] = {}
            for ags in members:
                for other, o in by_member.get(ags, []):
                    if areas & set(o.get("taskAreas") or []):
                        count, title = shared.get(other, (0, str(o.get("title") or other)))
                        shared[other] = (count + 1, title)
            projects = sorted(shared.items(), key=lambda kv: (-kv[1][0], kv[1][1].casefold()))[:MAX_PROJECTS]
            out.append(Initiative(
                iri=iri, title=str(s.get("title") or iri), status=s.get("status"), state=s.get("state"),
                member_names=tuple(s.get("participantNames") or []),
                municipalities=tuple(m for p in members if p.isdigit() and (m := self.register.get(p)) is not None),
                task_areas=tuple(sorted(areas)), keywords=tuple(s.get("keywords") or [])[:8],
                programmes=tuple(s.get("fundingProgrammes") or []), round=s.get("fundingRound") or None,
                funding_text=s.get("funding") or None,
                projects=tuple((p, t) for p, (_n, t) in projects),
            ))
        out.sort(key=lambda i: i.title.casefold())
        return out
