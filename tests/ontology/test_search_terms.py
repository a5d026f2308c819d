"""The search-term scheme (kb/ontology/vocabularies/suchbegriffe.ttl): English altLabels and everyday
hiddenLabels of German administrative words, read by the search's query expansion.

Lint: every concept has one German prefLabel (the words records use), English labels only as
altLabel@en, everyday words only as hiddenLabel@de, no label leads to two concepts, and what the
search loads is exactly what the file says.
"""

from __future__ import annotations

from collections import defaultdict

import rdflib
from rdflib import RDF, SKOS, Literal, URIRef
from rdflib.namespace import DCTERMS

from kb.ontology.text import fold
from kb.ontology.vocabulary import VOCABULARY_DIR, Vocabularies
from kb.search.analysis import tokens
from kb.search.expansion import search_terms

FILE = VOCABULARY_DIR / "suchbegriffe.ttl"
VOCAB = "https://w3id.org/ikz-kb/vocab/"
NS = VOCAB + "suchbegriff/"
SCHEME = URIRef(VOCAB + "suchbegriff")


def graph() -> rdflib.Graph:
    return rdflib.Graph().parse(FILE, format="turtle")


def test_the_scheme_is_described_in_german_and_english() -> None:
    g = graph()
    assert list(g.subjects(RDF.type, SKOS.ConceptScheme)) == [SCHEME]
    for predicate in (SKOS.prefLabel, SKOS.definition, DCTERMS.title):
        assert {o.language for o in g.objects(SCHEME, predicate)} == {"de", "en"}, predicate


def test_every_concept_has_one_german_preflabel_and_labels_in_their_language() -> None:
    g = graph()
    concepts = set(g.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) > 250
    for concept in concepts:
        local = str(concept)[len(NS):]
        assert str(concept).startswith(NS) and local, concept
        assert set(g.objects(concept, SKOS.inScheme)) == {SCHEME} == set(g.objects(concept, SKOS.topConceptOf)), concept
        assert [str(n) for n in g.objects(concept, SKOS.notation)] == [local], concept
        prefs = list(g.objects(concept, SKOS.prefLabel))
        assert len(prefs) == 1 and prefs[0].language == "de" and tokens(str(prefs[0])), concept
        alts = list(g.objects(concept, SKOS.altLabel))
        hidden = list(g.objects(concept, SKOS.hiddenLabel))
        assert alts or hidden, f"{concept} has no label to be found by"
        assert all(isinstance(a, Literal) and a.language == "en" for a in alts), f"{concept}: altLabels are English phrases"
        assert all(isinstance(h, Literal) and h.language == "de" for h in hidden), f"{concept}: hiddenLabels are everyday German"


def test_no_label_leads_to_two_concepts() -> None:
    g = graph()
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    for predicate in (SKOS.altLabel, SKOS.hiddenLabel):
        for concept, label in g.subject_objects(predicate):
            seen[(str(predicate), fold(str(label)))].add(str(concept))
    assert not {k: v for k, v in seen.items() if len(v) > 1}


def test_the_search_loads_what_the_file_says() -> None:
    english, everyday = search_terms(Vocabularies.load())
    g = graph()
    assert len(english) == len(list(g.subject_objects(SKOS.altLabel)))
    assert len(everyday) == len(list(g.subject_objects(SKOS.hiddenLabel)))
    assert english["procurement office"] == "Vergabestelle Beschaffung"
    assert everyday["hochzeit"] == "Eheschließung Trauung Standesamt"
