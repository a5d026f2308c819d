"""The shared ontology files, read as a specification.

- ontology.ttl (OWL) defines every ikz: term with German and English labels and comments and links
  it to the reused vocabularies (ORG, CPOV, schema.org, DCAT, DCTERMS, PROV-O, SKOS, ADMS).
- vocabularies/*.ttl are SKOS concept schemes with the fixed concept IRIs of docs/data-model.md;
  their altLabels feed search query expansion and label lookup, so a word names one concept only.
- shapes.ttl (SHACL) checks records; every property shape speaks German and English, and a valid
  record conforms while each kind of broken record fails with a message that names the problem.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pyoxigraph
import pyshacl
import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY_DIR = ROOT / "kb" / "ontology"
ONTOLOGY = ONTOLOGY_DIR / "ontology.ttl"
SHAPES = ONTOLOGY_DIR / "shapes.ttl"
VOCABULARIES = ONTOLOGY_DIR / "vocabularies"
DATA_MODEL = ROOT / "docs" / "data-model.md"
FIXTURES = Path(__file__).parent / "fixtures"
VALID = FIXTURES / "valid-project.ttl"

KB = "https://w3id.org/ikz-kb/"
IKZ = rdflib.Namespace(KB + "ontology#")
VOCAB = KB + "vocab/"
PB = rdflib.Namespace(VOCAB + "produktbereich/")
RECHTSFORM = rdflib.Namespace(VOCAB + "rechtsform/")
STATUS = rdflib.Namespace(VOCAB + "status/")
LAND = rdflib.Namespace(VOCAB + "land/")
DIGITAL = rdflib.Namespace(VOCAB + "digitalisierung/")
UST = rdflib.Namespace(VOCAB + "umsatzsteuer/")
SICHTBARKEIT = rdflib.Namespace(VOCAB + "sichtbarkeit/")
GEMEINDE = rdflib.Namespace(KB + "gemeinde/")
KBSH = rdflib.Namespace(KB + "shapes#")
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
CV = rdflib.Namespace("http://data.europa.eu/m8g/")
SCHEMA = rdflib.Namespace("https://schema.org/")
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
ADMS = rdflib.Namespace("http://www.w3.org/ns/adms#")
VCARD = rdflib.Namespace("http://www.w3.org/2006/vcard/ns#")
FOAF = rdflib.Namespace("http://xmlns.com/foaf/0.1/")

RECORD = URIRef("http://127.0.0.1:8001/projects/standesamtverbund-hellweg")
CONTACT = URIRef(str(RECORD) + "#contact")
ERWITTE = GEMEINDE["05974016"]

ALL_TURTLE = [ONTOLOGY, SHAPES, *sorted(VOCABULARIES.glob("*.ttl")), VALID]


def load(path: Path) -> rdflib.Graph:
    return rdflib.Graph().parse(path, format="turtle")


def texts(graph: rdflib.Graph, subject, predicate) -> dict[str, list[str]]:
    """Literal values of ``subject predicate`` by language tag ('' for none)."""
    out: dict[str, list[str]] = defaultdict(list)
    for value in graph.objects(subject, predicate):
        if isinstance(value, Literal):
            out[value.language or ""].append(str(value))
    return out


def fold(text: str) -> str:
    """Case and umlaut folding, as label lookup and search do it."""
    text = text.casefold()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b)
    return " ".join(text.split())


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return load(ONTOLOGY)


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return load(SHAPES)


@pytest.fixture(scope="module")
def vocabularies() -> dict[str, rdflib.Graph]:
    return {path.name: load(path) for path in sorted(VOCABULARIES.glob("*.ttl"))}


# ---------------------------------------------------------------------------------------------
# Files
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ALL_TURTLE, ids=lambda p: p.name)
def test_file_parses_with_pyoxigraph(path: Path) -> None:
    quads = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(quads) > 10


@pytest.mark.parametrize("path", ALL_TURTLE, ids=lambda p: p.name)
def test_file_parses_with_rdflib(path: Path) -> None:
    assert len(load(path)) > 10


@pytest.mark.parametrize("path", ALL_TURTLE, ids=lambda p: p.name)
def test_file_is_utf8_with_real_umlauts(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")  # raises on anything that is not UTF-8
    assert not text.startswith("\ufeff"), "no byte order mark"
    assert not re.search("Ã[¤¶¼„–œŸ]", text), "umlauts are double-encoded"
    assert not re.search(r"\\u00[eEcCdD][0-9a-fA-F]", text), "umlauts are written as escapes"
    assert re.search("[äöüÄÖÜß]", text), "German text keeps its umlauts"


def test_root_ontology_ttl_is_a_symlink_to_the_ontology() -> None:
    link = ROOT / "ontology.ttl"
    assert link.is_symlink()
    assert link.resolve() == ONTOLOGY.resolve()


# ---------------------------------------------------------------------------------------------
# ontology.ttl
# ---------------------------------------------------------------------------------------------

ONTOLOGY_IRI = URIRef(KB + "ontology")

CLASSES = {
    "CooperationProject": {ORG.OrganizationalCollaboration, SCHEMA.Project},
    "SharedServiceCenter": {IKZ.CooperationProject},
    "SmartCityInitiative": {SCHEMA.Project, ORG.OrganizationalCollaboration},
    "CooperationRequest": {SCHEMA.Demand},
    "CooperationOffer": {SCHEMA.Offer},
    "Organisation": {ORG.Organization},
    "Municipality": {IKZ.Organisation, CV.PublicOrganisation},
    "Node": {PROV.Agent, DCAT.Catalog},
    "OutcomeFigure": {SCHEMA.QuantitativeValue},
}

PROPERTIES = {
    # property: super-properties it must have (empty: none required)
    "lead": {ORG.hasMember},
    "taskArea": {DCTERMS.subject},
    "legalForm": {DCTERMS.type},
    "ags": {DCTERMS.identifier},
    "ars": {DCTERMS.identifier},
    "state": set(),
    "country": set(),
    "nutsRegion": set(),
    "fundingProgramme": set(),
    "outcome": set(),
    "outcomeFigure": set(),
    "lessonsLearned": set(),
    "transferability": set(),
    "digitalDelivery": set(),
    "vatTreatment": set(),
    "publicationConsent": set(),
    "visibility": set(),
    "illustrative": set(),
    "operator": set(),
    "publicKey": set(),
    "eventStream": set(),
    "peer": set(),
}

TERM_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDFS.Datatype}


def ikz_terms(graph: rdflib.Graph) -> set[URIRef]:
    return {
        s
        for t in TERM_TYPES
        for s in graph.subjects(RDF.type, t)
        if isinstance(s, URIRef) and str(s).startswith(str(IKZ))
    }


def test_ontology_header(ontology: rdflib.Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    for predicate in (DCTERMS.title, DCTERMS.description):
        langs = texts(ontology, ONTOLOGY_IRI, predicate)
        assert langs.get("de") and langs.get("en"), predicate
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")


def test_every_ikz_term_has_german_and_english_label_and_comment(ontology: rdflib.Graph) -> None:
    missing = []
    for term in sorted(ikz_terms(ontology)):
        for predicate in (RDFS.label, RDFS.comment):
            langs = texts(ontology, term, predicate)
            for lang in ("de", "en"):
                if len(langs.get(lang, [])) != 1:
                    missing.append(f"{term} {predicate} @{lang}")
        if ontology.value(term, RDFS.isDefinedBy) != ONTOLOGY_IRI:
            missing.append(f"{term} rdfs:isDefinedBy")
    assert not missing, "\n".join(missing)


def test_no_ikz_term_is_used_without_being_typed(ontology: rdflib.Graph) -> None:
    used = {t for triple in ontology for t in triple if isinstance(t, URIRef) and str(t).startswith(str(IKZ))}
    assert used <= ikz_terms(ontology)


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_class_is_defined_with_its_super_classes(ontology: rdflib.Graph, name: str) -> None:
    term = IKZ[name]
    assert (term, RDF.type, OWL.Class) in ontology
    assert CLASSES[name] <= set(ontology.objects(term, RDFS.subClassOf))


@pytest.mark.parametrize("name", sorted(PROPERTIES))
def test_property_is_defined_with_range_domain_and_super_properties(ontology: rdflib.Graph, name: str) -> None:
    term = IKZ[name]
    kinds = set(ontology.objects(term, RDF.type))
    assert kinds & {OWL.ObjectProperty, OWL.DatatypeProperty}, f"{name} is not typed as a property"
    assert ontology.value(term, RDFS.range) is not None, f"{name} has no rdfs:range"
    domains = set(ontology.objects(term, RDFS.domain)) | set(ontology.objects(term, SCHEMA.domainIncludes))
    assert domains, f"{name} has neither rdfs:domain nor schema:domainIncludes"
    assert PROPERTIES[name] <= set(ontology.objects(term, RDFS.subPropertyOf))


def test_land_key_is_a_datatype(ontology: rdflib.Graph) -> None:
    assert (IKZ.landKey, RDF.type, RDFS.Datatype) in ontology


def test_comments_explain_the_german_terms_of_art(ontology: rdflib.Graph) -> None:
    comments = " ".join(str(o) for o in ontology.objects(None, RDFS.comment))
    for term in ("Produktbereich", "Zweckverband", "§ 2b", "AGS", "ARS", "GkG NRW", "NKF"):
        assert term in comments, term


def test_every_ikz_term_in_the_data_model_is_defined_and_vice_versa(ontology: rdflib.Graph) -> None:
    documented = set(re.findall(r"`ikz:([A-Za-z]+)", DATA_MODEL.read_text(encoding="utf-8")))
    defined = {str(t).removeprefix(str(IKZ)) for t in ikz_terms(ontology)}
    assert documented - defined == set(), "documented in docs/data-model.md but not defined"
    assert defined - documented == set(), "defined but missing from docs/data-model.md"


def test_shapes_and_vocabularies_use_only_defined_ikz_terms(
    ontology: rdflib.Graph, shapes: rdflib.Graph, vocabularies: dict[str, rdflib.Graph]
) -> None:
    defined = ikz_terms(ontology)
    for name, graph in [("shapes.ttl", shapes), *vocabularies.items()]:
        used = {t for triple in graph for t in triple if isinstance(t, URIRef) and str(t).startswith(str(IKZ))}
        used |= {o.datatype for o in graph.objects() if isinstance(o, Literal) and o.datatype and str(o.datatype).startswith(str(IKZ))}
        assert used <= defined, f"{name}: {sorted(used - defined)}"


# ---------------------------------------------------------------------------------------------
# Vocabularies
# ---------------------------------------------------------------------------------------------

LAENDER = ["SH", "HH", "NI", "HB", "NW", "HE", "RP", "BW", "BY", "SL", "BE", "BB", "MV", "SN", "ST", "TH"]

SCHEMES = {
    # file: (scheme IRI, concept namespace, expected local names)
    "produktbereiche.ttl": ("produktbereich", PB, [f"{n:02d}" for n in range(1, 18)]),
    "rechtsformen.ttl": (
        "rechtsform",
        RECHTSFORM,
        ["arbeitsgemeinschaft", "oerv-delegierend", "oerv-mandatierend", "zweckverband",
         "gemeinsames-kommunalunternehmen", "privatrechtlich", "sonstige"],
    ),
    "status.ttl": ("status", STATUS, ["geplant", "in-umsetzung", "im-betrieb", "abgeschlossen", "eingestellt"]),
    "bundeslaender.ttl": ("land", LAND, LAENDER),
    "digitalisierung.ttl": ("digitalisierung", DIGITAL, ["analog", "teilweise-digital", "vollstaendig-digital"]),
    "umsatzsteuer.ttl": ("umsatzsteuer", UST, ["nicht-steuerbar", "steuerpflichtig", "in-pruefung", "nicht-relevant"]),
    "sichtbarkeit.ttl": ("sichtbarkeit", SICHTBARKEIT, ["public", "network"]),
}

ALT_LABEL_EXCEPTIONS = {
    # Words that legitimately name more than one concept of a scheme. A lookup by such a word is
    # ambiguous on purpose and must offer the candidates instead of picking one.
    "rechtsform": {
        # The words alone do not say whether the agreement delegates or mandates (§ 23 GkG NRW).
        fold("öffentlich-rechtliche Vereinbarung"): {"oerv-delegierend", "oerv-mandatierend"},
        fold("ÖrV"): {"oerv-delegierend", "oerv-mandatierend"},
        # Name used in other Länder (e.g. Bavaria) for both variants.
        fold("Zweckvereinbarung"): {"oerv-delegierend", "oerv-mandatierend"},
    },
}


SEARCH_TERMS = "suchbegriffe.ttl"
"""The search-term scheme (query expansion, not a record field): linted in tests/ontology/test_search_terms.py."""


def test_there_is_one_file_per_expected_scheme() -> None:
    assert sorted(p.name for p in VOCABULARIES.glob("*.ttl")) == sorted([*SCHEMES, SEARCH_TERMS])


@pytest.mark.parametrize("filename", sorted(SCHEMES))
def test_scheme_has_expected_concepts_with_labels_and_definitions(
    vocabularies: dict[str, rdflib.Graph], filename: str
) -> None:
    graph = vocabularies[filename]
    scheme_name, ns, expected = SCHEMES[filename]
    scheme = URIRef(VOCAB + scheme_name)
    assert list(graph.subjects(RDF.type, SKOS.ConceptScheme)) == [scheme]
    for predicate in (SKOS.prefLabel, SKOS.definition):
        langs = texts(graph, scheme, predicate)
        assert langs.get("de") and langs.get("en"), f"scheme {predicate}"

    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    assert concepts == {ns[local] for local in expected}
    assert set(graph.objects(scheme, SKOS.hasTopConcept)) == concepts
    for concept in concepts:
        assert set(graph.objects(concept, SKOS.inScheme)) == {scheme}, concept
        assert set(graph.objects(concept, SKOS.topConceptOf)) == {scheme}, concept
        assert list(graph.objects(concept, SKOS.notation)), f"{concept} has no skos:notation"
        prefs = texts(graph, concept, SKOS.prefLabel)
        assert len(prefs.get("de", [])) == 1 and len(prefs.get("en", [])) == 1, f"{concept} prefLabel de/en"
        assert texts(graph, concept, SKOS.definition).get("de"), f"{concept} has no German definition"
        labels = [o for o in graph.objects(concept, SKOS.altLabel)]
        assert all(isinstance(o, Literal) and o.language for o in labels), f"{concept} altLabel without language"


def test_every_concept_is_in_exactly_one_scheme(vocabularies: dict[str, rdflib.Graph]) -> None:
    union = rdflib.Graph()
    for graph in vocabularies.values():
        union += graph
    for concept in union.subjects(RDF.type, SKOS.Concept):
        assert len(set(union.objects(concept, SKOS.inScheme))) == 1, concept


def test_produktbereiche_notations_are_01_to_17(vocabularies: dict[str, rdflib.Graph]) -> None:
    graph = vocabularies["produktbereiche.ttl"]
    for n in range(1, 18):
        code = f"{n:02d}"
        assert list(graph.objects(PB[code], SKOS.notation)) == [Literal(code)]


def test_produktbereiche_names_follow_the_nkf_produktrahmen(vocabularies: dict[str, rdflib.Graph]) -> None:
    graph = vocabularies["produktbereiche.ttl"]
    names = {str(c).rsplit("/", 1)[1]: texts(graph, c, SKOS.prefLabel)["de"][0] for c in graph.subjects(RDF.type, SKOS.Concept)}
    assert names["01"] == "Innere Verwaltung"
    assert names["02"] == "Sicherheit und Ordnung"
    assert names["09"] == "Räumliche Planung und Entwicklung, Geoinformationen"
    assert names["12"] == "Verkehrsflächen und -anlagen, ÖPNV"
    assert names["16"] == "Allgemeine Finanzwirtschaft"
    assert names["17"] == "Stiftungen"


def test_each_produktbereich_has_10_to_30_german_and_some_english_search_words(
    vocabularies: dict[str, rdflib.Graph],
) -> None:
    graph = vocabularies["produktbereiche.ttl"]
    for concept in graph.subjects(RDF.type, SKOS.Concept):
        alts = texts(graph, concept, SKOS.altLabel)
        assert 10 <= len(alts["de"]) <= 30, f"{concept}: {len(alts['de'])} German altLabels"
        assert len(alts["en"]) >= 3, f"{concept}: {len(alts['en'])} English altLabels"


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Standesamt", "02"), ("Kfz-Zulassung", "02"), ("Führerscheinstelle", "02"), ("Feuerwehr", "02"),
        ("Veterinäramt", "02"), ("Lebensmittelüberwachung", "02"), ("Ausländerbehörde", "02"),
        ("Lohnabrechnung", "01"), ("Bezügeabrechnung", "01"), ("Vergabestelle", "01"), ("Bauhof", "01"),
        ("Rechenzentrum", "01"), ("Servicecenter 115", "01"), ("Kämmerei", "01"), ("Kasse", "01"),
        ("Vollstreckung", "01"), ("Steueramt", "01"), ("Beihilfe", "01"),
        ("Grundsteuer", "16"), ("Schlüsselzuweisungen", "16"), ("Kreisumlage", "16"),
        ("Schülerbeförderung", "03"), ("Volkshochschule", "04"), ("Grundsicherung", "05"), ("Wohngeld", "05"),
        ("Kita", "06"), ("Gesundheitsamt", "07"), ("Schwimmbad", "08"), ("Bebauungsplan", "09"),
        ("Katasteramt", "09"), ("Baugenehmigung", "10"), ("Abwasser", "11"), ("Winterdienst", "12"),
        ("ÖPNV", "12"), ("Friedhof", "13"), ("Klimaschutz", "14"), ("Wirtschaftsförderung", "15"),
        ("Treuhandstiftung", "17"),
        ("registry office", "02"), ("vehicle registration", "02"), ("veterinary office", "02"),
        ("food control", "02"), ("payroll", "01"), ("procurement office", "01"), ("building yard", "01"),
    ],
)
def test_search_words_point_to_their_produktbereich(vocabularies: dict[str, rdflib.Graph], word: str, code: str) -> None:
    graph = vocabularies["produktbereiche.ttl"]
    found = {str(c).rsplit("/", 1)[1] for c, label in graph.subject_objects(SKOS.altLabel) if fold(label) == fold(word)}
    assert found == {code}


@pytest.mark.parametrize("filename", sorted(SCHEMES))
def test_a_word_names_one_concept_per_scheme(vocabularies: dict[str, rdflib.Graph], filename: str) -> None:
    """prefLabels, altLabels and notations, folded, point to one concept (or are listed exceptions)."""
    graph = vocabularies[filename]
    scheme_name = SCHEMES[filename][0]
    owners: dict[str, set[str]] = defaultdict(set)
    for predicate in (SKOS.prefLabel, SKOS.altLabel, SKOS.notation):
        for concept, label in graph.subject_objects(predicate):
            owners[fold(str(label))].add(str(concept).rsplit("/", 1)[1])
    exceptions = ALT_LABEL_EXCEPTIONS.get(scheme_name, {})
    clashes = {word: concepts for word, concepts in owners.items() if len(concepts) > 1 and exceptions.get(word) != concepts}
    assert not clashes
    for word, concepts in exceptions.items():
        assert owners[word] == concepts, f"exception '{word}' is out of date"


def test_laender_carry_code_and_official_key(vocabularies: dict[str, rdflib.Graph]) -> None:
    graph = vocabularies["bundeslaender.ttl"]
    for key, code in enumerate(LAENDER, start=1):
        notations = set(graph.objects(LAND[code], SKOS.notation))
        assert notations == {Literal(code), Literal(f"{key:02d}", datatype=IKZ.landKey)}, code
    alts = {fold(str(o)) for o in graph.objects(LAND.NW, SKOS.altLabel)}
    assert "nrw" in alts
    assert texts(graph, LAND.NW, SKOS.prefLabel) == {"de": ["Nordrhein-Westfalen"], "en": ["North Rhine-Westphalia"]}
    assert texts(graph, LAND.BY, SKOS.prefLabel) == {"de": ["Bayern"], "en": ["Bavaria"]}


def test_legal_form_definitions_cite_the_gkg_nrw(vocabularies: dict[str, rdflib.Graph]) -> None:
    graph = vocabularies["rechtsformen.ttl"]
    cites = {
        "arbeitsgemeinschaft": "§§ 2 und 3 GkG NRW",
        "oerv-delegierend": "§ 23 GkG NRW",
        "oerv-mandatierend": "§ 23 GkG NRW",
        "zweckverband": "§§ 4 ff. GkG NRW",
        "gemeinsames-kommunalunternehmen": "§§ 27 ff. GkG NRW",
        "privatrechtlich": "§§ 107 ff. GO NRW",
    }
    for local, citation in cites.items():
        assert citation in texts(graph, RECHTSFORM[local], SKOS.definition)["de"][0], local


def test_concept_namespaces_match_the_python_namespaces() -> None:
    from kb.ontology import namespaces

    assert str(namespaces.TASK_AREA) == str(PB)
    assert str(namespaces.LEGAL_FORM) == str(RECHTSFORM)
    assert str(namespaces.STATUS) == str(STATUS)
    assert str(namespaces.STATE) == str(LAND)
    assert str(namespaces.DIGITAL) == str(DIGITAL)
    assert str(namespaces.VAT) == str(UST)
    assert str(namespaces.VISIBILITY) == str(SICHTBARKEIT)
    assert str(namespaces.IKZ) == str(IKZ)
    assert str(namespaces.SHAPES) == str(KBSH)


# ---------------------------------------------------------------------------------------------
# shapes.ttl: structure
# ---------------------------------------------------------------------------------------------

RECORD_CLASSES = {IKZ.CooperationProject, IKZ.SharedServiceCenter, IKZ.SmartCityInitiative, IKZ.CooperationRequest, IKZ.CooperationOffer}
COOPERATION_CLASSES = {IKZ.CooperationProject, IKZ.SharedServiceCenter, IKZ.SmartCityInitiative}


def property_shapes(shapes: rdflib.Graph) -> set:
    return set(shapes.subjects(SH.path, None))


def test_every_property_shape_speaks_german_and_english(shapes: rdflib.Graph) -> None:
    """Including the operands of sh:or: their names show up in forms even if their messages do not."""
    missing = []
    for shape in sorted(property_shapes(shapes), key=str):
        assert isinstance(shape, URIRef), "property shapes have IRIs, so results can point at them"
        for predicate in (SH.name, SH.message, SH.description):
            langs = texts(shapes, shape, predicate)
            for lang in ("de", "en"):
                if len(langs.get(lang, [])) != 1:
                    missing.append(f"{shape} {predicate} @{lang}")
    assert not missing, "\n".join(missing)


def test_every_shape_says_its_severity(shapes: rdflib.Graph) -> None:
    for shape in property_shapes(shapes):
        assert shapes.value(shape, SH.severity) in {SH.Violation, SH.Warning}, shape


def test_every_node_shape_with_a_target_has_labels(shapes: rdflib.Graph) -> None:
    targets = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf)
    node_shapes = {s for t in targets for s in shapes.subjects(t, None)}
    assert len(node_shapes) >= 8
    for shape in node_shapes:
        langs = texts(shapes, shape, RDFS.label)
        assert langs.get("de") and langs.get("en"), shape
        assert texts(shapes, shape, SH.description).get("de"), shape


def test_record_shapes_target_all_three_record_classes(shapes: rdflib.Graph) -> None:
    for shape in (KBSH.RecordShape, KBSH.RecordStateShape):
        assert set(shapes.objects(shape, SH.targetClass)) == RECORD_CLASSES
    assert set(shapes.objects(KBSH.CooperationRequiredShape, SH.targetClass)) == COOPERATION_CLASSES  # legal form and status
    assert set(shapes.objects(KBSH.BoerseEntryShape, SH.targetClass)) == RECORD_CLASSES - COOPERATION_CLASSES  # valid until


def test_only_the_date_order_rule_uses_sparql(shapes: rdflib.Graph) -> None:
    """SHACL Core is much faster in pyshacl; "lead among participants" is sh:equals over a path."""
    assert set(shapes.subjects(SH.sparql, None)) == {KBSH["DateOrderShape-endDate"]}
    assert set(shapes.objects(KBSH.DateOrderShape, SH.targetSubjectsOf)) == {SCHEMA.endDate}


@pytest.mark.parametrize(
    ("path", "filename"),
    [
        (IKZ.taskArea, "produktbereiche.ttl"),
        (IKZ.legalForm, "rechtsformen.ttl"),
        (ADMS.status, "status.ttl"),
        (IKZ.state, "bundeslaender.ttl"),
        (IKZ.digitalDelivery, "digitalisierung.ttl"),
        (IKZ.vatTreatment, "umsatzsteuer.ttl"),
        (IKZ.visibility, "sichtbarkeit.ttl"),
    ],
)
def test_sh_in_lists_match_the_vocabularies(
    shapes: rdflib.Graph, vocabularies: dict[str, rdflib.Graph], path: URIRef, filename: str
) -> None:
    concepts = set(vocabularies[filename].subjects(RDF.type, SKOS.Concept))
    lists = [shapes.value(s, SH["in"]) for s in shapes.subjects(SH.path, path) if shapes.value(s, SH["in"]) is not None]
    assert lists, f"no sh:in for {path}"
    for head in lists:
        assert set(rdflib.collection.Collection(shapes, head)) == concepts


def test_shapes_name_the_json_fields_of_the_data_model(shapes: rdflib.Graph) -> None:
    doc = DATA_MODEL.read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+)`(?: / `(\w+)`)?", doc, flags=re.M)
    fields = {name for row in rows for name in row if name}
    on_records = {str(shapes.value(s, KBSH.jsonField)) for s in shapes.objects(KBSH.RecordShape, SH.property)}
    assert on_records == fields - {"type", "language"}


# ---------------------------------------------------------------------------------------------
# shapes.ttl: validating records
# ---------------------------------------------------------------------------------------------


def valid_record() -> rdflib.Graph:
    return load(VALID)


def message_language(message: Literal, shape, shapes: rdflib.Graph) -> str | None:
    """pyshacl drops the language tag of messages on SPARQL-based results; the shape still has it."""
    if message.language:
        return message.language
    for tagged in shapes.objects(shape, SH.message):
        if str(tagged) == str(message):
            return tagged.language
    return None


def validate(data: rdflib.Graph, shapes: rdflib.Graph, **options) -> tuple[bool, list[dict]]:
    conforms, report, _text = pyshacl.validate(data, shacl_graph=shapes, inference="none", **options)
    results = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        shape = report.value(result, SH.sourceShape)
        messages = defaultdict(list)
        for m in report.objects(result, SH.resultMessage):
            messages[message_language(m, shape, shapes)].append(str(m))
        results.append(
            {
                "focus": report.value(result, SH.focusNode),
                "path": report.value(result, SH.resultPath),
                "shape": shape,
                "severity": report.value(result, SH.resultSeverity),
                "de": " ".join(messages["de"]),
                "en": " ".join(messages["en"]),
            }
        )
    return conforms, results


def test_the_valid_example_record_conforms(shapes: rdflib.Graph) -> None:
    conforms, results = validate(valid_record(), shapes)
    assert conforms, results


def test_the_valid_example_record_has_no_blank_nodes() -> None:
    data = valid_record()
    assert not any(isinstance(term, rdflib.BNode) for triple in data for term in triple)
    sub_resources = {s for s in data.subjects() if str(s).startswith(str(RECORD) + "#")}
    assert {str(s).split("#")[1] for s in sub_resources} == {"org-1", "figure-1", "contact"}


@pytest.mark.parametrize("record_class", sorted(RECORD_CLASSES), ids=lambda c: c.split("#")[1])
def test_every_record_type_is_checked(shapes: rdflib.Graph, record_class: URIRef) -> None:
    data = valid_record()
    data.set((RECORD, RDF.type, record_class))
    if record_class not in COOPERATION_CLASSES:  # a request or offer needs its "valid until" date
        assert not validate(data, shapes)[0]
        data.add((RECORD, SCHEMA.validThrough, Literal("2027-06-30", datatype=XSD.date)))
    assert validate(data, shapes)[0]
    data.remove((RECORD, DCTERMS.title, None))
    assert not validate(data, shapes)[0]


Mutation = Callable[[rdflib.Graph], None]


def _set(predicate, value, subject=RECORD) -> Mutation:
    return lambda g: g.set((subject, predicate, value))


def _add(predicate, value, subject=RECORD) -> Mutation:
    return lambda g: g.add((subject, predicate, value))


def _drop(predicate, subject=RECORD) -> Mutation:
    return lambda g: g.remove((subject, predicate, None))


def _all(*mutations: Mutation) -> Mutation:
    def apply(g: rdflib.Graph) -> None:
        for m in mutations:
            m(g)

    return apply


@pytest.mark.parametrize(
    "mutate",
    [
        pytest.param(_drop(VCARD.fn, CONTACT), id="functional-contact-without-name-needs-no-consent"),
        pytest.param(_all(_drop(VCARD.fn, CONTACT), _drop(IKZ.publicationConsent, CONTACT)), id="contact-without-name-or-consent"),
        pytest.param(_set(SCHEMA.endDate, Literal("2023", datatype=XSD.gYear)), id="end-year-equals-start-year"),
        pytest.param(
            _all(_set(SCHEMA.startDate, Literal("2018", datatype=XSD.gYear)), _set(SCHEMA.endDate, Literal("2023-06-30", datatype=XSD.date))),
            id="start-year-end-date",
        ),
        pytest.param(
            _all(_set(SCHEMA.startDate, Literal("2023-05-01", datatype=XSD.date)), _set(SCHEMA.endDate, Literal("2023", datatype=XSD.gYear))),
            id="start-date-end-same-year",
        ),
        pytest.param(_set(SCHEMA.endDate, Literal("2023-01-01", datatype=XSD.date)), id="end-on-start-day"),
        pytest.param(_all(_drop(SCHEMA.startDate), _set(SCHEMA.endDate, Literal("2026", datatype=XSD.gYear))), id="end-without-start"),
        pytest.param(_all(_drop(IKZ.state), _set(IKZ.country, Literal("NL"))), id="project-abroad-without-land"),
        pytest.param(_set(IKZ.nutsRegion, Literal("NL423")), id="nuts-region"),
        pytest.param(_drop(IKZ.lead), id="no-lead"),
        pytest.param(_set(IKZ.visibility, SICHTBARKEIT.network), id="network-visibility"),
        pytest.param(_add(IKZ.taskArea, PB["01"]), id="two-task-areas"),
        pytest.param(_set(SCHEMA.startDate, Literal("2023", datatype=XSD.gYear)), id="start-as-year"),
    ],
)
def test_valid_variants_conform(shapes: rdflib.Graph, mutate: Mutation) -> None:
    data = valid_record()
    mutate(data)
    conforms, results = validate(data, shapes)
    assert conforms, results


BROKEN = [
    # (mutation, shape whose rule must fire, word in the German message, word in the English message)
    pytest.param(_drop(DCTERMS.title), KBSH["RecordShape-title"], "Titel", "title", id="missing-title"),
    pytest.param(_set(DCTERMS.title, Literal("St", lang="de")), KBSH["RecordShape-title"], "3 bis 300 Zeichen", "3 to 300 characters", id="title-too-short"),
    pytest.param(_set(DCTERMS.title, Literal("Standesamtverbund Hellweg")), KBSH["RecordShape-title"], "Sprachangabe", "language tag", id="title-without-language"),
    pytest.param(_set(DCTERMS.description, Literal("Zu kurz.", lang="de")), KBSH["RecordShape-description"], "20 bis 20.000 Zeichen", "20 to 20,000", id="description-too-short"),
    pytest.param(_add(IKZ.taskArea, PB["18"]), KBSH["RecordShape-taskArea"], "Aufgabenbereich", "task area", id="unknown-task-area"),
    pytest.param(_drop(IKZ.taskArea), KBSH["RecordShape-taskArea"], "mindestens einen Aufgabenbereich", "at least one task area", id="no-task-area"),
    pytest.param(_add(IKZ.legalForm, RECHTSFORM.zweckverband), KBSH["RecordShape-legalForm"], "genau eine Rechtsform", "exactly one legal form", id="two-legal-forms"),
    pytest.param(_drop(IKZ.legalForm), KBSH["CooperationRequiredShape-legalForm"], "Rechtsform", "legal form", id="no-legal-form"),
    pytest.param(_set(ADMS.status, STATUS.unbekannt), KBSH["RecordShape-status"], "Status", "status", id="unknown-status"),
    pytest.param(_set(IKZ.lead, GEMEINDE["05974012"]), KBSH["LeadShape-lead"], "nicht unter den Beteiligten", "not among the participants", id="lead-not-a-participant"),
    pytest.param(_drop(ORG.hasMember), KBSH["RecordShape-participant"], "mindestens eine beteiligte", "at least one participating", id="no-participants"),
    pytest.param(_add(ORG.hasMember, GEMEINDE["05974012"]), KBSH["RecordShape-participant"], "ikz:Municipality", "described in the record", id="participant-not-described"),
    pytest.param(_drop(IKZ.publicationConsent, CONTACT), KBSH.ContactConsentShape, "Einwilligung", "consent", id="contact-name-without-consent"),
    pytest.param(_set(IKZ.publicationConsent, Literal(False), CONTACT), KBSH.ContactConsentShape, "Einwilligung", "consent", id="contact-name-consent-false"),
    pytest.param(_set(VCARD.hasEmail, Literal("standesamt@example.org"), CONTACT), KBSH["ContactShape-email"], "mailto:", "mailto:", id="email-not-a-mailto-iri"),
    pytest.param(_set(SCHEMA.endDate, Literal("2022-12-31", datatype=XSD.date)), KBSH["DateOrderShape-endDate"], "vor dem Beginn", "before the start", id="end-before-start"),
    pytest.param(
        _all(_set(SCHEMA.startDate, Literal("2023", datatype=XSD.gYear)), _set(SCHEMA.endDate, Literal("2022", datatype=XSD.gYear))),
        KBSH["DateOrderShape-endDate"], "vor dem Beginn", "before the start", id="end-year-before-start-year",
    ),
    pytest.param(
        _all(_set(SCHEMA.startDate, Literal("2023", datatype=XSD.gYear)), _set(SCHEMA.endDate, Literal("2022-12-31", datatype=XSD.date))),
        KBSH["DateOrderShape-endDate"], "vor dem Beginn", "before the start", id="end-date-before-start-year",
    ),
    pytest.param(
        _all(_set(SCHEMA.startDate, Literal("2023-05-01", datatype=XSD.date)), _set(SCHEMA.endDate, Literal("2022", datatype=XSD.gYear))),
        KBSH["DateOrderShape-endDate"], "vor dem Beginn", "before the start", id="end-year-before-start-date",
    ),
    pytest.param(_set(SCHEMA.startDate, Literal("01.01.2023")), KBSH["RecordShape-startDate"], "JJJJ-MM-TT", "YYYY-MM-DD", id="start-date-not-iso"),
    pytest.param(_set(IKZ.ags, Literal("5974016"), ERWITTE), KBSH["MunicipalityShape-ags"], "AGS", "AGS", id="bad-ags"),
    pytest.param(_set(IKZ.ars, Literal("05974016016"), ERWITTE), KBSH["MunicipalityShape-ars"], "ARS", "ARS", id="bad-ars"),
    pytest.param(_drop(SCHEMA.name, ERWITTE), KBSH["OrganisationShape-name"], "Namen", "name", id="municipality-without-name"),
    pytest.param(_set(FOAF.homepage, URIRef("ftp://www.erwitte.de/")), KBSH["RecordShape-website"], "http://", "http://", id="website-not-http"),
    pytest.param(_set(FOAF.homepage, Literal("www.erwitte.de")), KBSH["RecordShape-website"], "Website", "website", id="website-not-an-iri"),
    pytest.param(_drop(IKZ.state), KBSH.RecordStateShape, "Bundesland", "German Land", id="german-project-without-land"),
    pytest.param(_set(IKZ.state, LAND.XX), KBSH["RecordShape-state"], "16 Länder", "16 Länder", id="unknown-land"),
    pytest.param(_set(IKZ.country, Literal("Deutschland")), KBSH["RecordShape-country"], "zweistelligen Code", "two-letter", id="country-not-iso"),
    pytest.param(
        _all(*[_add(DCAT.keyword, Literal(f"Schlagwort {i}", lang="de")) for i in range(30)]),
        KBSH["RecordShape-keyword"], "höchstens 30 Schlagwörter", "at most 30 keywords", id="too-many-keywords",
    ),
    pytest.param(_add(DCAT.keyword, Literal("x" * 101, lang="de")), KBSH["RecordShape-keyword"], "100 Zeichen", "100 characters", id="keyword-too-long"),
    pytest.param(_set(IKZ.visibility, URIRef(VOCAB + "sichtbarkeit/geheim")), KBSH["RecordShape-visibility"], "Sichtbarkeit", "visibility", id="unknown-visibility"),
    pytest.param(
        _set(SCHEMA.value, Literal(40000), URIRef(str(RECORD) + "#figure-1")),
        KBSH["OutcomeFigureShape-value"], "Dezimalzahl", "decimal", id="figure-value-not-decimal",
    ),
    pytest.param(_set(IKZ.illustrative, Literal("ja")), KBSH["RecordShape-illustrative"], "Wahrheitswert", "boolean", id="illustrative-not-boolean"),
    pytest.param(_add(DCTERMS.title, Literal("Second title", lang="en")), KBSH["RecordShape-title"], "genau einen", "exactly one", id="two-titles"),
]


@pytest.mark.parametrize(("mutate", "shape", "german", "english"), BROKEN)
def test_broken_record_fails_with_a_message_that_names_the_problem(
    shapes: rdflib.Graph, mutate: Mutation, shape: URIRef, german: str, english: str
) -> None:
    data = valid_record()
    mutate(data)
    conforms, results = validate(data, shapes)
    assert not conforms
    fired = [r for r in results if r["shape"] == shape]
    assert fired, f"expected {shape} to fire, got {[str(r['shape']) for r in results]}"
    assert all(r["severity"] == SH.Violation for r in fired)
    assert any(german in r["de"] for r in fired), [r["de"] for r in fired]
    assert any(english in r["en"] for r in fired), [r["en"] for r in fired]


def test_blank_node_participant_is_rejected(shapes: rdflib.Graph) -> None:
    data = valid_record()
    org = rdflib.BNode()
    data.add((RECORD, ORG.hasMember, org))
    data.add((org, RDF.type, IKZ.Organisation))
    data.add((org, SCHEMA.name, Literal("Ohne IRI")))
    conforms, results = validate(data, shapes)
    assert not conforms
    assert {r["shape"] for r in results} >= {KBSH["RecordShape-participant"], KBSH.OrganisationShape}


def test_a_municipality_iri_is_gemeinde_plus_ags(shapes: rdflib.Graph) -> None:
    data = valid_record()
    wrong = URIRef("http://127.0.0.1:8001/projects/standesamtverbund-hellweg#org-2")
    data.add((RECORD, ORG.hasMember, wrong))
    data.add((wrong, RDF.type, IKZ.Municipality))
    data.add((wrong, SCHEMA.name, Literal("Lippstadt")))
    data.add((wrong, IKZ.ags, Literal("05974028")))
    conforms, results = validate(data, shapes)
    assert not conforms
    assert any(r["shape"] == KBSH.MunicipalityShape and "gemeinde/" in r["de"] for r in results)


def test_one_participant_is_only_a_warning(shapes: rdflib.Graph) -> None:
    data = valid_record()
    for member in list(data.objects(RECORD, ORG.hasMember)):
        if member != ERWITTE:
            data.remove((RECORD, ORG.hasMember, member))
    conforms, results = validate(data, shapes)
    assert not conforms, "by default pyshacl reports warnings as non-conformance"
    assert [(r["shape"], r["severity"]) for r in results] == [(KBSH["CooperationParticipantsShape-participant"], SH.Warning)]
    assert "mindestens zwei Beteiligte" in results[0]["de"]
    assert validate(data, shapes, allow_warnings=True)[0]


def test_one_participant_is_fine_for_a_smart_city_initiative(shapes: rdflib.Graph) -> None:
    data = valid_record()
    data.set((RECORD, RDF.type, IKZ.SmartCityInitiative))
    for member in list(data.objects(RECORD, ORG.hasMember)):
        if member != ERWITTE:
            data.remove((RECORD, ORG.hasMember, member))
    assert validate(data, shapes)[0]
