"""The field table (kb/ontology/record_fields.toml) and the SHACL shapes name the same fields.

The table drives the JSON form, the mapping, the summaries, the API schemas and the web form; the
shapes hold the rules. These tests keep the two from drifting apart, so that a field added to one
and forgotten in the other fails here, not in front of a user.
"""

from __future__ import annotations

import pytest
import rdflib

from kb.api.schemas import ProjectOut
from kb.ontology.fields import FIELD_OF_PATH, FIELDS, SUB_FIELDS, load_fields
from kb.ontology.records import ProjectIn, RecordMapper
from kb.ontology.validation import SHAPES_PATH

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
KBSH = rdflib.Namespace("https://w3id.org/ikz-kb/shapes#")
RECORD_CLASSES = {"https://w3id.org/ikz-kb/ontology#" + c for c in ("CooperationProject", "SharedServiceCenter", "SmartCityInitiative",
                                                                           "CooperationRequest", "CooperationOffer")}
SUB_RESOURCES = {"ContactShape": "contact", "ContactConsentShape": "contact", "OutcomeFigureShape": "outcomeFigures"}


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(SHAPES_PATH, format="turtle")


def property_shapes(shapes: rdflib.Graph) -> list[tuple[str, str, rdflib.term.Node, str]]:
    """(node shape, property shape, path, jsonField) for every property shape with a kbsh:jsonField."""
    out = []
    for node_shape, prop in shapes.subject_objects(SH.property):
        field = shapes.value(prop, KBSH.jsonField)
        if field is not None:
            out.append((str(node_shape).rsplit("#", 1)[1], str(prop), shapes.value(prop, SH.path), str(field)))
    return out


def record_shapes(shapes: rdflib.Graph) -> set[str]:
    return {str(s).rsplit("#", 1)[1] for s, c in shapes.subject_objects(SH.targetClass) if str(c) in RECORD_CLASSES}


def test_every_property_shape_on_a_record_names_the_field_of_its_path(shapes: rdflib.Graph) -> None:
    on_records = record_shapes(shapes)
    checked = 0
    for node_shape, prop, path, field in property_shapes(shapes):
        if node_shape not in on_records or not isinstance(path, rdflib.URIRef):
            continue  # sub-resources below; an alternative path (lead among participants) has no one property
        assert FIELD_OF_PATH.get(str(path)) == field, (prop, str(path), field)
        checked += 1
    assert checked >= len(FIELDS) - 1


def test_every_field_of_the_table_has_a_property_shape_on_records(shapes: rdflib.Graph) -> None:
    on_records = record_shapes(shapes)
    shaped = {(str(path), field) for node_shape, _prop, path, field in property_shapes(shapes) if node_shape in on_records}
    missing = [f.name for f in FIELDS if f.kind != "type" and (f.path, f.name) not in shaped]
    assert not missing, f"fields without a property shape in shapes.ttl: {missing}"


def test_sub_resource_shapes_name_the_json_fields_of_the_table(shapes: rdflib.Graph) -> None:
    for node_shape, prop, path, field in property_shapes(shapes):
        if node_shape in SUB_RESOURCES:
            assert SUB_FIELDS[SUB_RESOURCES[node_shape]].get(str(path)) == field, (prop, field)


def test_the_json_schemas_are_the_table() -> None:
    names = [f.name for f in FIELDS]
    assert list(ProjectIn.model_fields) == [*names, "language"]
    assert list(ProjectOut.model_fields) == ["id", *names, "provenance"]
    assert [n for n, f in ProjectIn.model_fields.items() if f.is_required()] == [f.name for f in FIELDS if f.required]


def test_summaries_hold_the_summary_fields_of_the_table(mapper: RecordMapper) -> None:
    graph = mapper.to_graph("https://example.org/projects/p", {
        "title": "Standesamtverbund Hellweg", "description": "Ein gemeinsames Standesamt für drei Kommunen am Hellweg.",
        "participants": ["Erwitte", "Anröchte"], "state": "NW", "taskAreas": ["02"]})
    summary = mapper.summarize(graph.iri, graph.triples)
    assert {f.name for f in FIELDS if f.summary} <= set(summary)
    assert summary["taskAreas"] == ["02"] and summary["state"] == "NW" and summary["country"] == "DE"


def test_personal_fields_are_those_erasure_removes() -> None:
    from kb.ontology.namespaces import DCAT

    assert {f.path for f in FIELDS if f.personal} == {DCAT.contactPoint.value}


def test_a_typo_in_the_table_fails_at_load(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "fields.toml"
    path.write_text('[[field]]\nname = "x"\npath = "ikz:x"\nkind = "txet"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="unknown kind"):
        load_fields(path)


@pytest.fixture(scope="module")
def mapper() -> RecordMapper:
    from kb.node import shared_register, shared_vocabularies

    return RecordMapper(shared_register(), shared_vocabularies())
