"""Ontology-aware expansion: SKOS labels (German and English, inside compounds) and the glossary."""

from __future__ import annotations

import pytest

from kb.node import shared_vocabularies
from kb.search.analysis import GermanAnalyzer, Lexicon
from kb.search.expansion import ConceptMatcher
from kb.search.indexer import vocabulary_words


@pytest.fixture(scope="module")
def matcher() -> ConceptMatcher:
    vocab = shared_vocabularies()
    analyzer = GermanAnalyzer(Lexicon.from_texts(["Ein Verbund mehrerer Gemeinden"], vocabulary_words(vocab)))
    return ConceptMatcher(vocab, analyzer)


def codes(matcher: ConceptMatcher, query: str) -> set[str]:
    return {c.code for c in matcher.expand(query).concepts}


@pytest.mark.parametrize(
    ("query", "code"),
    [
        pytest.param("gemeinsames Standesamt", "02", id="altLabel"),
        pytest.param("Standesamtsverbund", "02", id="altLabel-inside-compound"),
        pytest.param("kfz zulassung", "02", id="hyphenated-label-folded"),
        pytest.param("Lohnabrechnung", "01", id="payroll-de"),
        pytest.param("registry office", "02", id="english-label"),
        pytest.param("shared procurement office", "01", id="english-label-in-phrase"),
        pytest.param("Musikschule", "04", id="culture"),
        pytest.param("Zweckverband", "zweckverband", id="legal-form"),
    ],
)
def test_query_words_naming_a_concept_add_it(matcher: ConceptMatcher, query: str, code: str) -> None:
    assert code in codes(matcher, query)


def test_unrelated_words_add_nothing(matcher: ConceptMatcher) -> None:
    assert codes(matcher, "Hellweg Erwitte 2023") == set()


def test_english_phrases_add_german_words(matcher: ConceptMatcher) -> None:
    expansion = matcher.expand("shared procurement office")
    assert ("procurement office", "Vergabestelle Beschaffung") in expansion.translations
    assert any(t[0] == "shared" for t in expansion.translations)


def test_expansion_is_reported_for_the_api(matcher: ConceptMatcher) -> None:
    items = matcher.expand("registry office").as_json()
    assert {"kind": "concept", "code": "02"}.items() <= next(i for i in items if i["kind"] == "concept").items()


def test_everyday_words_add_the_administrative_ones(matcher: ConceptMatcher) -> None:
    expansion = matcher.expand("Hochzeit im Nachbarort")
    assert ("hochzeit", "Eheschließung Trauung Standesamt") in expansion.synonyms
    assert {"kind": "synonym", "matched": "hochzeit"}.items() <= next(i for i in expansion.as_json() if i["kind"] == "synonym").items()
