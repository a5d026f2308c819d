"""SHACL validation for batches of small records: the shapes compiled, pyshacl for the rest.

pyshacl rebuilds its constraint components for every (shape, focus node) pair and parses a SPARQL
constraint again for every focus node; on a 2-core node that caps validation at a few hundred
records per second. This package reads ``shapes.ttl`` once and turns every shape into a few Python
closures over pyoxigraph terms, so the shapes stay the single source of truth and nothing about a
rule is written here. A batch is indexed once (subject → predicate → objects) and every shape runs
over all its focus nodes at once; the SPARQL-based constraint runs once per batch in an in-memory
``pyoxigraph.Store`` holding only the triples its query can reach.

It compiles only the constructs ``shapes.ttl`` uses (listed in :mod:`.compiler`). A shape that
uses anything else is validated by pyshacl, and the node says so once in its log
(:class:`Shapes`): a new rule in the shapes is never ignored, at worst it is slow.

pyshacl (inference none, as ``RecordValidator`` calls it) is the reference, and the compiled shapes
reproduce its results, including where it departs from the letter of the SHACL spec:

- ``sh:datatype`` checks well-formedness the way rdflib does (:mod:`.datatypes`);
- ``sh:pattern`` uses Python's ``re``;
- a shape whose severity is allowed (warnings/infos) conforms inside ``sh:or``, ``sh:not`` and
  ``sh:property``;
- SPARQL results carry the messages of the constraint and the shape without language tags.

Modules: :mod:`.terms` (vocabulary, ``Result``), :mod:`.datatypes`, :mod:`.batch` (the indexed
data), :mod:`.shape` (a compiled shape and how it runs), :mod:`.constraints`, :mod:`.sparql`,
:mod:`.compiler` (shapes graph → shapes, and what falls back), :mod:`.reference` (pyshacl),
:mod:`.engine` (both together).
"""

from kb.ontology.shacl.compiler import CompiledShapes
from kb.ontology.shacl.engine import Shapes
from kb.ontology.shacl.reference import from_rdflib_term, to_rdflib, to_rdflib_term
from kb.ontology.shacl.terms import Result

__all__ = ["CompiledShapes", "Result", "Shapes", "from_rdflib_term", "to_rdflib", "to_rdflib_term"]
