"""The municipality map as a list a keyboard can reach, for any number of municipalities.

Up to ``INLINE`` municipalities the Bestandsaufnahme page lists them itself (folded behind a
``<details>``); more (a large Land, Germany) are listed on ``/bestandsaufnahme/gemeinden`` in
alphabetical pages, so that no page carries a table of ten thousand rows.
"""

from __future__ import annotations

import re

import httpx

from kb.api.routes.inventory_page import INLINE, PAGE_SIZE
from tests.inventory.expect import register


def rows_of(html: str) -> list[str]:
    table = html.split('<table id="gemeinden-tabelle"', 1)[1].split("</table>", 1)[0]
    return re.findall(r'<td><a href="/gemeinde/(\d{8})">', table)


def test_a_land_lists_every_inhabited_municipality_on_the_page(seeded_anonymous: httpx.Client) -> None:
    page = seeded_anonymous.get("/bestandsaufnahme", params={"state": "NW"}).text
    nrw = {m.ags for m in register.municipalities if m.land_code == "NW" and m.population > 0}
    assert len(nrw) <= INLINE
    assert '<details class="municipality-list" id="gemeinden-liste">' in page
    assert f"Alle {len(nrw)} Kommunen als Liste" in page
    listed = rows_of(page)
    assert sorted(listed) == sorted(nrw), "each inhabited municipality once, linked to its page"


def test_germany_is_listed_in_pages(seeded_anonymous: httpx.Client) -> None:
    page = seeded_anonymous.get("/bestandsaufnahme").text
    inhabited = [m for m in register.municipalities if m.population > 0]
    pages = -(-len(inhabited) // PAGE_SIZE)
    assert '<table id="gemeinden-tabelle"' not in page, "no table of ten thousand rows on the page"
    links = re.findall(r'<a href="(/bestandsaufnahme/gemeinden\?seite=\d+)">Seite \d+: ', page)
    assert len(links) == pages
    seen: list[str] = []
    for link in links:
        listed = rows_of(seeded_anonymous.get(link.replace("&amp;", "&")).text)
        assert 0 < len(listed) <= PAGE_SIZE
        seen += listed
    assert sorted(seen) == sorted(m.ags for m in inhabited), "together the pages list every municipality once"


def test_the_list_keeps_the_selection_and_refuses_bad_input(seeded_anonymous: httpx.Client) -> None:
    page = seeded_anonymous.get("/bestandsaufnahme/gemeinden", params=[("kreis", "Soest"), ("taskArea", "02")])
    assert page.status_code == 200
    assert sorted(rows_of(page.text)) == sorted(m.ags for m in register.municipalities if m.kreis_key == "05974" and m.population > 0)
    assert 'href="/bestandsaufnahme?kreis=05974&amp;taskArea=02#karte"' in page.text
    assert seeded_anonymous.get("/bestandsaufnahme/gemeinden", params={"seite": "999"}).status_code == 422
    bad = seeded_anonymous.get("/bestandsaufnahme/gemeinden", params={"kreis": "Atlantis"}, headers={"Accept": "application/json"})
    assert bad.status_code == 422 and bad.json()["message"] and bad.json()["message_en"]
