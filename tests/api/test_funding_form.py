"""The web form lets a member of staff say which programme funded a project, and which round."""

from __future__ import annotations

import re

import httpx

from tests.conftest import HELLWEG, LiveNode


def test_the_form_publishes_programmes_and_a_round(live: LiveNode) -> None:
    token, _info = live.node.tokens.create("Formular", "publisher")
    with httpx.Client(base_url=live.url, timeout=30, headers={"Origin": live.url}) as browser:
        assert browser.post("/anmelden", data={"token": token, "weiter": "/veroeffentlichen"}).status_code in (200, 303)
        form = browser.get("/veroeffentlichen").text
        assert 'name="fundingProgrammes" value="ikz-nrw"' in form and 'value="modellprojekte-smart-cities-staffel-2"' in form
        assert 'name="fundingProgrammes" value="modellprojekte-smart-cities-staffel-2"' not in form  # rounds only in their select
        csrf = re.search(r'name="csrf" value="([^"]+)"', form).group(1)  # type: ignore[union-attr]
        sent = {"csrf": csrf, "title": "Smart Region Hellweg", "description": HELLWEG["description"], "type": "smartCityInitiative",
                "participants": "Erwitte\nAnröchte", "state": "NW", "taskAreas": "01", "legalForm": "arbeitsgemeinschaft",
                "status": "in-umsetzung", "visibility": "public", "fundingProgrammes": ["ikz-nrw"],
                "fundingRound": "modellprojekte-smart-cities-staffel-2"}
        done = browser.post("/veroeffentlichen", data=sent, follow_redirects=False)
        assert done.status_code == 303, done.text[:500]
    record = httpx.get(live.url + done.headers["location"], headers={"Accept": "application/json"}, timeout=30).json()
    assert sorted(c["code"] for c in record["fundingProgrammes"]) == ["ikz-nrw", "modellprojekte-smart-cities"]
    assert record["fundingRound"]["code"] == "modellprojekte-smart-cities-staffel-2"
