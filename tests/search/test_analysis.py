"""The German analyser: folding, stop words, compound splitting with linking elements, stemming."""

from __future__ import annotations

import pytest

from kb.search.analysis import GermanAnalyzer, Lexicon, stem, tokens

LEXICON = Lexicon.from_texts(
    ["Lebensmittel und ihre Überwachung", "Das Amt kontrolliert", "Ein Standesamt im Verbund", "Kontrollen der Betriebe"],
    extra=["Vergabestelle", "Beschaffung"],
)


@pytest.fixture
def analyzer() -> GermanAnalyzer:
    return GermanAnalyzer(LEXICON)


def test_folding_treats_umlauts_and_spelled_out_umlauts_alike(analyzer: GermanAnalyzer) -> None:
    assert analyzer.terms("Überwachung") == analyzer.terms("ueberwachung") == analyzer.terms("UEBERWACHUNG")


def test_eszett_folds_to_ss() -> None:
    assert tokens("Straße") == tokens("strasse") == ["strasse"]


def test_stop_words_are_dropped_in_german_and_english() -> None:
    assert tokens("Wer betreibt schon ein gemeinsames Standesamt?") == ["betreibt", "gemeinsames", "standesamt"]
    assert tokens("the registry office of a town") == ["registry", "office", "town"]


def test_stemming_joins_inflections() -> None:
    assert stem("kontrollen") == stem("kontrolle")
    assert stem("standesaemter") == stem("standesamt")


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        pytest.param("lebensmittelueberwachungsamt", ["lebensmittel", "ueberwachung", "amt"], id="three-parts-with-fugen-s"),
        pytest.param("lebensmittelkontrolle", ["lebensmittel", "kontrolle"], id="head-known-only-inflected"),
        pytest.param("standesamtsverbund", ["standesamt", "verbund"], id="fugen-s"),
        pytest.param("beschaffungsamt", ["beschaffung", "amt"], id="label-words-count"),
        pytest.param("standesamt", ["standesamt"], id="known-whole-word-stays"),
        pytest.param("hellweg", ["hellweg"], id="unknown-word-stays"),
    ],
)
def test_compounds_split_into_known_words(analyzer: GermanAnalyzer, word: str, parts: list[str]) -> None:
    assert analyzer.split(word) == parts


def test_affixes_are_never_parts() -> None:
    analyzer = GermanAnalyzer(Lexicon.from_texts(["ver", "wertung", "klärschlamm"]))
    assert "ver" not in analyzer.split("klaerschlammverwertung")


def test_index_terms_hold_the_whole_word_and_its_parts(analyzer: GermanAnalyzer) -> None:
    terms = analyzer.terms("Lebensmittelüberwachungsamt")
    assert terms[0] == stem("lebensmitteluberwachungsamt")
    assert {stem("lebensmittel"), stem("ueberwachung"), stem("amt")} <= set(terms)


def test_a_query_compound_meets_the_document_compound_through_its_parts(analyzer: GermanAnalyzer) -> None:
    document = set(analyzer.terms("Bergisches Lebensmittelüberwachungsamt"))
    query = {term for term, _ in analyzer.query_terms("Lebensmittelkontrolle")}
    assert stem("lebensmittel") in document & query
