"""The network page says what kind of participant runs each node and filters by it (issue 13.6):
a member of staff looking for the smart-city initiatives of the network finds them in one click."""

from __future__ import annotations

from collections.abc import Callable

from tests.conftest import LiveNode
from tests.federation.conftest import add_peer


def test_network_page_shows_and_filters_the_kind_of_each_node(node_factory: Callable[..., LiveNode]) -> None:
    initiative = node_factory("initiative", kind="smart-city", operator="Smart Region Testland")
    kreis = node_factory("kreis", kind="kreis", operator="Kreis Testland")
    add_peer(kreis, initiative)
    with kreis.client(token=None) as anon:
        page = anon.get("/netzwerk").text
        assert '<th scope="col">Art</th>' in page
        row = next(r for r in page.split("<tr>") if "Smart Region Testland" in r).split("</tr>", 1)[0]
        assert "Smart-City-Initiative" in row
        assert 'href="/netzwerk?art=smart-city"' in page
        only = anon.get("/netzwerk", params={"art": "smart-city"})
        assert only.status_code == 200 and "Smart Region Testland" in only.text
        assert "Smart Region Testland" not in anon.get("/netzwerk", params={"art": "aggregator"}).text
        assert anon.get("/netzwerk", params={"art": "x" * 41}).status_code == 422
