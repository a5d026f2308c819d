"""People name concepts by code, label or the words they use; ambiguity is said, not guessed."""

from __future__ import annotations

import pytest

from kb.errors import UnresolvedValue
from kb.node import shared_vocabularies


@pytest.mark.parametrize("scheme,value,code", [
    pytest.param("taskArea", "02", "02", id="notation"),
    pytest.param("taskArea", "Standesamt", "02", id="altLabel"),
    pytest.param("taskArea", "standesamt", "02", id="case-folded"),
    pytest.param("taskArea", "Lebensmittelueberwachung", "02", id="umlaut-spelled-out"),
    pytest.param("taskArea", "https://w3id.org/ikz-kb/vocab/produktbereich/11", "11", id="iri"),
    pytest.param("legalForm", "Zweckverband", "zweckverband", id="prefLabel"),
    pytest.param("state", "NRW", "NW", id="state-altLabel"),
    pytest.param("state", "05", "NW", id="state-key"),
    pytest.param("taskArea", "registry office", "02", id="english"),
])
def test_concepts_resolve_from_the_words_people_use(scheme: str, value: str, code: str) -> None:
    assert shared_vocabularies()[scheme].resolve(value).code == code


def test_an_ambiguous_word_lists_its_candidates() -> None:
    with pytest.raises(UnresolvedValue) as caught:
        shared_vocabularies()["legalForm"].resolve("ÖrV")
    codes = {c["code"] for c in caught.value.violations[0].candidates}
    assert codes == {"oerv-delegierend", "oerv-mandatierend"}


def test_an_unknown_word_suggests_close_ones() -> None:
    with pytest.raises(UnresolvedValue) as caught:
        shared_vocabularies()["taskArea"].resolve("Standesammt")
    assert caught.value.violations[0].candidates[0]["code"] == "02"
