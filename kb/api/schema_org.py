"""schema.org JSON-LD for the web pages, so search engines and link previews understand them.

Data, not script: ``<script type="application/ld+json">`` is a data block that browsers never run,
so the strict policy (``script-src 'self'``, kb/api/security.py) does not apply to it and needs no
nonce. The JSON is escaped so that no ``</script>`` (or ``<!--``) in a title can end the block.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from kb.ontology.register import Municipality

SCHEMA = "https://schema.org"
MUNICIPALITY_PAGE = "/gemeinde/"


def script_block(data: dict[str, Any]) -> Markup:
    """The JSON-LD as the body of a script data block, safe to put into HTML as is."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')


def _place(name: str, municipality: Municipality | None = None) -> dict[str, Any]:
    place: dict[str, Any] = {"@type": "Place", "name": name}
    if municipality is not None:
        if municipality.lat is not None and municipality.lon is not None:
            place["geo"] = {"@type": "GeoCoordinates", "latitude": municipality.lat, "longitude": municipality.lon}
        place["containedInPlace"] = {"@type": "AdministrativeArea", "name": municipality.kreis_name}
        place["address"] = {"@type": "PostalAddress", "addressLocality": municipality.short_name, "addressCountry": "DE"}
    return place


def participant(entry: dict[str, Any], municipality: Municipality | None, base: str) -> dict[str, Any]:
    org: dict[str, Any] = {"@type": "GovernmentOrganization", "name": entry.get("name", "")}
    if municipality is not None:
        org["@id"] = municipality.iri
        org["url"] = f"{base}{MUNICIPALITY_PAGE}{municipality.ags}"
        org["identifier"] = {"@type": "PropertyValue", "propertyID": "AGS", "value": municipality.ags}
        org["location"] = _place(municipality.short_name, municipality)
    elif entry.get("country"):
        org["address"] = {"@type": "PostalAddress", "addressCountry": entry["country"]}
    return org


def project(view: dict[str, Any], page_url: str, register: Any, base: str) -> dict[str, Any]:
    """A cooperation project as ``schema:Project`` with its participants as ``GovernmentOrganization``."""
    members = []
    for entry in view.get("participants") or []:
        found = register.get(entry["ags"]) if entry.get("ags") else None
        members.append(participant(entry, found, base))
    out: dict[str, Any] = {"@context": SCHEMA, "@type": "Project", "@id": view["id"], "name": view.get("title", ""), "url": page_url}
    if view.get("description"):
        out["description"] = view["description"]
    if members:
        out["member"] = members
    if view.get("state"):
        out["areaServed"] = _place(view["state"].get("label", ""))
    if view.get("startDate"):
        out["foundingDate"] = view["startDate"]
    if view.get("endDate"):
        out["dissolutionDate"] = view["endDate"]
    if view.get("website"):
        out["sameAs"] = view["website"]
    if view.get("keywords"):
        out["keywords"] = ", ".join(str(k) for k in view["keywords"])
    if view.get("taskAreas"):
        out["knowsAbout"] = [t.get("label", "") for t in view["taskAreas"]]
    return out


def municipality(m: Municipality, page_url: str, project_urls: list[tuple[str, str]]) -> dict[str, Any]:
    """A municipality as ``GovernmentOrganization`` at its ``Place``, with the projects it takes part in."""
    out: dict[str, Any] = {
        "@context": SCHEMA, "@type": "GovernmentOrganization", "@id": m.iri, "name": m.name, "alternateName": m.short_name,
        "url": page_url, "identifier": {"@type": "PropertyValue", "propertyID": "AGS", "value": m.ags},
        "location": _place(m.short_name, m),
    }
    if project_urls:
        out["memberOf"] = [{"@type": "Project", "name": title, "url": url} for title, url in project_urls]
    return out
