"""The pages "Förderung" (``/foerderung``, ``/foerderung/{programme}``) and "Smart-City-Initiativen" (``/initiativen``).

Thin handlers over :class:`kb.funding.FundingProgrammes` and :class:`kb.initiatives.Initiatives`;
the initiatives' map is server-side SVG (``kb/api/svg_map.py``), like the Bestandsaufnahme's.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from kb.api.cards import CardsDep
from kb.api.deps import FundingDep, InitiativesDep, PrincipalDep, RegisterDep, VocabulariesDep
from kb.api.routes.pages import web_of
from kb.api.svg_map import Projection
from kb.funding import LEVELS, Programme
from kb.initiatives import Initiative
from kb.ontology.register import Register
from kb.ontology.vocabulary import Vocabularies

router = APIRouter(include_in_schema=False)

MAX_CODE = 200


def _programme_view(vocab: Vocabularies, programme: Programme) -> dict[str, Any]:
    view = programme.as_json(vocab)
    land = vocab.concept(programme.concept.details.get("spatial", ""))
    view["landLabel"] = land.label() if land else None
    return view


@router.get("/foerderung", response_class=HTMLResponse)
def funding_overview(request: Request, funding: FundingDep, vocab: VocabulariesDep, principal: PrincipalDep) -> Response:
    programmes = funding.programmes(include_network=principal.can_see_network)
    groups = [(title, [_programme_view(vocab, p) for p in programmes if p.level == level]) for level, title in LEVELS]
    return web_of(request).render(request, "funding.html", title="Förderung", groups=[g for g in groups if g[1]])


@router.get("/foerderung/{code}", response_class=HTMLResponse)
def funding_programme(code: str, request: Request, funding: FundingDep, cards_of: CardsDep, principal: PrincipalDep) -> Response:
    programme = funding.get(code[:MAX_CODE], include_network=principal.can_see_network)
    cards = {r.iri: c for r in programme.records if (c := cards_of.card(r.iri))}
    rounds = [{"code": r.code, "label": r.label(), "definition": r.definition, "sources": r.details.get("sources", []),
               "projects": [cards[x.iri] for x in programme.records if x.round == r.code and x.iri in cards]}
              for r in programme.rounds]
    in_rounds = {x.iri for x in programme.records if x.round}
    other = [cards[x.iri] for x in programme.records if x.iri not in in_rounds and x.iri in cards]
    view = _programme_view(cards_of.vocabularies, programme)
    return web_of(request).render(request, "funding_programme.html", title=view["label"], p=view, rounds=rounds, other=other,
                                  total=len(cards))


@router.get("/initiativen", response_class=HTMLResponse)
def initiatives_page(request: Request, all_initiatives: InitiativesDep, vocab: VocabulariesDep, register: RegisterDep,
                     principal: PrincipalDep) -> Response:
    initiatives = all_initiatives.all(include_network=principal.can_see_network)
    entries: list[dict[str, Any]] = []
    participating: set[str] = set()
    for n, i in enumerate(initiatives, start=1):
        participating.update(m.ags for m in i.municipalities)
        entries.append({
            "n": n, "id": i.iri, "title": i.title,
            "members": [{"name": m.short_name, "ags": m.ags} for m in i.municipalities],
            "others": [name for name in i.member_names if name not in {m.short_name for m in i.municipalities}
                       and name not in {m.name for m in i.municipalities}],
            "taskAreas": [c.label() for code in i.task_areas if (c := vocab["taskArea"].get(code))],
            "keywords": list(i.keywords),
            "programmes": [{"code": c.code, "label": c.label()} for code in i.programmes if (c := vocab["fundingProgramme"].get(code))],
            "round": (c.label() if (c := vocab["fundingProgramme"].get(i.round)) else i.round) if i.round else None,
            "status": (c.label() if (c := vocab["status"].get(i.status)) else i.status) if i.status else None,
            "fundingText": i.funding_text if not i.programmes else None,
            "projects": [{"id": iri, "title": title} for iri, title in i.projects],
        })
    return web_of(request).render(request, "initiatives.html", title="Smart-City-Initiativen", initiatives=entries,
                                  participations=len(participating), map=initiatives_map(register, initiatives))


def initiatives_map(register: Register, initiatives: list[Initiative]) -> dict[str, Any] | None:
    """The members of every initiative as dots over the register's municipalities, with a numbered marker each."""
    members = [m for i in initiatives for m in i.municipalities]
    projection = Projection.fitting(members)
    if projection is None:
        return None
    markers = []
    for n, i in enumerate(initiatives, start=1):
        placed = [m for m in i.municipalities if m.lat is not None and m.lon is not None]
        if placed:
            x, y = projection.xy(sum(m.lat for m in placed) / len(placed), sum(m.lon for m in placed) / len(placed))  # type: ignore[misc]
            markers.append({"n": n, "x": round(x, 1), "y": round(y, 1), "title": i.title})
    return {"width": projection.width, "height": projection.height, "background": projection.dots(register.municipalities),
            "members": projection.dots(members), "markers": markers}
