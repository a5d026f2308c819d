"""The funding programmes (vocabularies/foerderprogramme.ttl), read as a specification.

Staff decide by these entries whether to apply, so each programme says where it is written down
(an official source), what it demands in short, and which Land it covers; rounds (Staffeln) sit
under their programme; and the NRW guideline carries the Landtag motion's demand that shared
service centres be named fundable.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib import RDF, SKOS, Literal, URIRef
from rdflib.namespace import DCTERMS

from kb.ontology.vocabulary import Vocabularies

FILE = Path(__file__).resolve().parents[2] / "kb" / "ontology" / "vocabularies" / "foerderprogramme.ttl"
VOCAB = "https://w3id.org/ikz-kb/vocab/"
FP = rdflib.Namespace(VOCAB + "foerderprogramm/")
LAND = rdflib.Namespace(VOCAB + "land/")
SCHEME = URIRef(VOCAB + "foerderprogramm")
PROGRAMMES = {"ikz-nrw": LAND.NW, "ikz-hessen": LAND.HE, "ikz-rheinland-pfalz": LAND.RP, "zukunftsraeume-niedersachsen": LAND.NI,
              "digitale-modellregionen-nrw": LAND.NW, "leader": None, "modellprojekte-smart-cities": None}
ROUNDS = [f"modellprojekte-smart-cities-staffel-{n}" for n in (1, 2, 3)]


@pytest.fixture(scope="module")
def graph() -> rdflib.Graph:
    return rdflib.Graph().parse(FILE, format="turtle")


def german(graph: rdflib.Graph, subject: URIRef, predicate: URIRef) -> list[str]:
    return [str(o) for o in graph.objects(subject, predicate) if isinstance(o, Literal) and o.language == "de"]


def test_the_scheme_holds_the_programmes_as_top_concepts_and_the_rounds_below(graph: rdflib.Graph) -> None:
    assert list(graph.subjects(RDF.type, SKOS.ConceptScheme)) == [SCHEME]
    assert set(graph.objects(SCHEME, SKOS.hasTopConcept)) == {FP[c] for c in PROGRAMMES}
    assert set(graph.subjects(RDF.type, SKOS.Concept)) == {FP[c] for c in [*PROGRAMMES, *ROUNDS]}
    for code in ROUNDS:
        assert list(graph.objects(FP[code], SKOS.broader)) == [FP["modellprojekte-smart-cities"]]
        assert (FP["modellprojekte-smart-cities"], SKOS.narrower, FP[code]) in graph
        assert (FP[code], SKOS.topConceptOf, SCHEME) not in graph


@pytest.mark.parametrize("code", sorted(PROGRAMMES))
def test_every_programme_has_a_source_its_conditions_and_its_land(graph: rdflib.Graph, code: str) -> None:
    concept = FP[code]
    assert list(graph.objects(concept, SKOS.notation)) == [Literal(code)]
    for predicate in (SKOS.prefLabel, SKOS.definition, SKOS.scopeNote):
        assert german(graph, concept, predicate), f"{code}: no German {predicate}"
    assert len(german(graph, concept, SKOS.prefLabel)) == 1
    sources = list(graph.objects(concept, DCTERMS.source))
    assert sources and all(isinstance(s, URIRef) and str(s).startswith(("https://", "http://")) for s in sources)
    assert list(graph.objects(concept, DCTERMS.spatial)) == ([PROGRAMMES[code]] if PROGRAMMES[code] else [])


@pytest.mark.parametrize("code", ROUNDS)
def test_every_round_has_a_year_a_source_and_a_definition(graph: rdflib.Graph, code: str) -> None:
    year = {"1": "2019", "2": "2020", "3": "2021"}[code[-1]]
    assert year in german(graph, FP[code], SKOS.prefLabel)[0]
    assert german(graph, FP[code], SKOS.definition)
    assert list(graph.objects(FP[code], DCTERMS.source))


def test_the_nrw_guideline_records_the_motions_demand_for_shared_service_centres(graph: rdflib.Graph) -> None:
    note = " ".join(german(graph, FP["ikz-nrw"], SKOS.note))
    assert "Shared-Service-Center" in note and "förderfähig" in note


def test_the_free_text_of_the_seed_records_names_the_programmes() -> None:
    """The words people wrote in the free-text field find the programme (altLabels)."""
    programmes = Vocabularies.load()["fundingProgramme"]
    for words, code in [("Förderung der interkommunalen Zusammenarbeit des Landes NRW", "ikz-nrw"), ("LEADER 2023–2027", "leader"),
                        ("Modellprojekte Smart Cities (Bund)", "modellprojekte-smart-cities"), ("Staffel 2", ROUNDS[1]),
                        ("Digitale Modellregionen in NRW (MWIDE NRW)", "digitale-modellregionen-nrw"),
                        ("IKZ-Förderung des Ministeriums des Innern und für Sport Rheinland-Pfalz", "ikz-rheinland-pfalz")]:
        found = programmes.get(words)
        assert found is not None and found.code == code, words
    assert programmes.get(ROUNDS[0]).broader == str(FP["modellprojekte-smart-cities"])  # type: ignore[union-attr]
