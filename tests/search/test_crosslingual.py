"""Cross-lingual search without a glossary: German queries find the English and Dutch records of
partners abroad (seed_data/projects/illustrative_abroad.jsonl), English queries find German
records, through meaning alone (the search terms of suchbegriffe.ttl switched off)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.conftest import LiveNode
from tests.search.conftest import search_of

pytestmark = pytest.mark.slow


def top(seeded: LiveNode, query: str, n: int) -> list[str]:
    service = search_of(seeded.node)
    result = service.search(query, limit=n, fusion=replace(service.fusion, glossary=False))
    assert not [e for e in result.expansion if e["kind"] in ("translation", "synonym")], "no glossary in these tests"
    return [h.title for h in result.results]


@pytest.mark.parametrize(
    ("query", "expected", "within"),
    [
        pytest.param("Müllabfuhr und Recyclinghof gemeinsam betreiben", "Joint Waste Partnership Northfield and Eastmoor", 2, id="de-en-waste"),
        pytest.param("Steuern gemeinsam erheben", "Belastingsamenwerking Brabantse Wal", 3, id="de-nl-tax"),
        pytest.param("Steuern gemeinsam erheben", "Shared Revenues and Benefits Service for Northfield, Eastmoor and Westbrook", 5, id="de-en-tax"),
        pytest.param("Feuerwehr grenzüberschreitend mit den Niederlanden", "Grensoverschrijdende brandweersamenwerking Kerkrade en Herzogenrath", 3,
                     id="de-nl-fire"),
        pytest.param("gemeinsame IT-Abteilung mehrerer Gemeinden", "ICT-samenwerking Rivierenland", 5, id="de-nl-it"),
    ],
)
def test_german_queries_find_english_and_dutch_records(seeded: LiveNode, query: str, expected: str, within: int) -> None:
    assert expected in top(seeded, query, within), top(seeded, query, 10)


def test_english_queries_find_german_records(seeded: LiveNode) -> None:
    found = top(seeded, "marriage registration shared between small towns", 5)
    assert all("Standesamt" in t for t in found), found


def test_the_api_answers_a_german_query_with_a_dutch_record(seeded: LiveNode) -> None:
    with seeded.client(token=None) as client:
        body = client.get("/api/search", params={"q": "Feuerwehr grenzüberschreitend mit den Niederlanden", "limit": 5}).json()
    hit = next(r for r in body["results"] if r["title"].startswith("Grensoverschrijdende brandweersamenwerking"))
    assert hit["illustrative"] is True and hit["snippet"]
