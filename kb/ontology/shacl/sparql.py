"""SPARQL-based constraints of the one form ``shapes.ttl`` uses, run once per batch in pyoxigraph.

pyshacl parses a constraint's query again for every focus node and runs it with ``$this``
pre-bound. Here the query runs once per batch, as a sub-query joined with a graph that lists all
focus nodes. That join gives the same solutions as pre-binding only for a plain
``SELECT $this [?value] [?path] WHERE { basic graph pattern with $this . FILTER … }``, so that is
the one form compiled: rdflib's parser (pyshacl's own) reads the query, and any other form — and
``sh:deactivated``, ``$shapesGraph``, ``$currentShape``, ``?failure`` — is a problem of the shape,
which then falls back to pyshacl.

One difference remains by design: pyoxigraph follows the SPARQL spec where rdflib's engine departs
from it (rdflib compares an ill-typed number such as "x"^^xsd:integer as greater than 150; SPARQL
raises a type error and the FILTER drops the solution). The query of shapes.ttl compares strings
only (STR, CONCAT, <), where both engines agree.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, cast

from pyoxigraph import Literal, NamedNode, Quad, QuerySolutions, Store
from rdflib import URIRef, Variable
from rdflib.paths import AlternativePath
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue

from kb.ontology.shacl.batch import Batch
from kb.ontology.shacl.shape import Pairs, Shape
from kb.ontology.shacl.terms import OWL, OWL_ONTOLOGY, RDF, RDFS, SH, Result, Term, sh, short

if TYPE_CHECKING:
    from kb.ontology.shacl.compiler import CompiledShapes

_FOCUS_GRAPH = NamedNode("urn:x-kb:shacl:focus")
_FOCUS_SUBJECT = NamedNode("urn:x-kb:shacl:this")
_PYSHACL_PATH = re.compile(r"([\s{}()])[$?]PATH")  # pyshacl substitutes $PATH as text, so do we
_PROJECTED = {Variable("this"), Variable("value"), Variable("path")}
_COMPONENT = sh("SPARQLConstraintComponent")


class SparqlConstraint:
    """One ``sh:sparql`` constraint of a shape, run for all focus nodes of a batch at once."""

    def __init__(self, shape: Shape, query: str, predicates: frozenset[NamedNode], messages: tuple[str, ...]) -> None:
        self.shape = shape
        self.query = query
        self.predicates = predicates  # the batch's store holds only triples with these predicates
        self.messages = messages

    @classmethod
    def compile(cls, shapes: CompiledShapes, node: Term, shape: Shape, constraint: Term) -> SparqlConstraint | None:
        def refuse(why: str) -> None:
            shapes.problem(node, f"SPARQL constraint: {why}")

        selects = shapes.objs(constraint, SH + "select")
        if len(selects) != 1 or not isinstance(selects[0], Literal) or selects[0].language is not None:
            refuse("needs exactly one sh:select string")
            return None
        for p in shapes.graph.get(constraint, {}):
            if p.startswith(SH) and p not in (SH + "select", SH + "message", SH + "prefixes"):
                refuse(f"{short(p)} is not compiled")
                return None
        prefixes = _prefixes(shapes, constraint)
        if prefixes is None:
            refuse("ill-formed or contradicting sh:declare")
            return None
        text = selects[0].value
        if re.search(r"[\s{}()][$?](shapesGraph|currentShape)\b", text):
            refuse("$shapesGraph and $currentShape are not compiled")
            return None
        if shape.path is not None:
            compiled = shapes.path(node, shape.path)
            if compiled is None:
                return None
            text = _PYSHACL_PATH.sub(lambda m: m.group(1) + compiled[1], text)
        elif _PYSHACL_PATH.search(text):
            refuse("$PATH on a node shape")
            return None
        header = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in prefixes.items())
        try:
            algebra = prepareQuery(header + text).algebra
        except Exception as exc:  # noqa: BLE001 - rdflib raises many kinds; any of them means "not this form"
            refuse(f"the query does not parse: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")
            return None
        predicates = _plain_select(algebra)
        if predicates is None:
            refuse("only SELECT $this [?value] [?path] WHERE { triples with $this . FILTER (…) } is compiled")
            return None
        query = (header + f"SELECT * WHERE {{ GRAPH <{_FOCUS_GRAPH.value}> {{ <{_FOCUS_SUBJECT.value}> "
                 f"<{_FOCUS_SUBJECT.value}> ?this }} {{ {text} }} }}")
        try:
            Store().query(query)
        except (SyntaxError, ValueError, OSError) as exc:
            refuse(f"the query does not parse in pyoxigraph: {str(exc).splitlines()[0]}")
            return None
        own = tuple(m.value for m in shapes.objs(constraint, SH + "message") if isinstance(m, Literal))
        return cls(shape, query, predicates, own + tuple(m for m, _lang in shape.messages))

    def check(self, batch: Batch, pairs: Pairs, out: list[Result] | None) -> bool:
        if not pairs:
            return True
        store = batch.store(self.predicates)
        store.clear_graph(_FOCUS_GRAPH)
        store.extend(Quad(_FOCUS_SUBJECT, _FOCUS_SUBJECT, f, _FOCUS_GRAPH) for f in dict.fromkeys(f for f, _v in pairs))
        rows: dict[Term, dict[tuple[Term | None, Term | None], None]] = {}
        for solution in cast(QuerySolutions, store.query(self.query)):
            rows.setdefault(solution["this"], {})[(solution["path"], solution["value"])] = None
        if not rows:
            return True
        if out is None:
            return False
        shape = self.shape
        for f, _vals in pairs:
            for p, v in rows.pop(f, ()):
                value = v if v is not None else (f if not shape.is_property else None)
                path = p if p is not None else shape.path
                out.append(Result(f, shape.node, shape.severity, value, path, self._format(f, path, value), _COMPONENT))
        return False

    def _format(self, this: Term, path: Term | None, value: Term | None) -> tuple[tuple[str, None], ...]:
        """Messages as pyshacl words them for SPARQL results: {?var} filled in, no language tag."""
        names = {k: term for k, term in (("this", this), ("path", path), ("value", value)) if term is not None}
        out = []
        for text in self.messages:
            for var, term in names.items():
                text = re.sub(f"{{[?$]{var}}}", term.value.replace("\\", "\\\\"), text)
            out.append((text, None))
        return tuple(out)


def _plain_select(algebra: CompValue) -> frozenset[NamedNode] | None:
    """The predicates of ``SELECT $this … WHERE { BGP with $this . FILTER … }``, None for any other form."""
    if algebra.name != "SelectQuery" or algebra.get("datasetClause"):
        return None
    project = algebra.p
    if project.name != "Project" or Variable("this") not in project.PV or not set(project.PV) <= _PROJECTED:
        return None
    pattern = project.p
    while pattern.name == "Filter":
        if _has_pattern(pattern.expr):
            return None
        pattern = pattern.p
    if pattern.name != "BGP":
        return None
    predicates: set[NamedNode] = set()
    for _s, p, _o in pattern.triples:
        options = p.args if isinstance(p, AlternativePath) else [p]
        if not all(isinstance(q, URIRef) for q in options):
            return None
        predicates.update(NamedNode(str(q)) for q in options)
    if not any(Variable("this") in (s, o) for s, _p, o in pattern.triples):
        return None
    return frozenset(predicates)


def _has_pattern(expr: object) -> bool:
    """Does a FILTER expression hold a graph pattern ((NOT) EXISTS)? Then it is not the plain form."""
    if isinstance(expr, CompValue):
        return expr.name.startswith(("Builtin_EXISTS", "Builtin_NOTEXISTS")) or any(_has_pattern(v) for v in expr.values())
    if isinstance(expr, list | tuple):
        return any(_has_pattern(v) for v in expr)
    return False


def _prefixes(shapes: CompiledShapes, constraint: Term) -> dict[str, str] | None:
    """The PREFIX declarations pyshacl prepends (rdf, rdfs, owl and the sh:declare of sh:prefixes)."""
    out = {"rdf": RDF, "rdfs": RDFS, "owl": OWL}
    values = shapes.objs(constraint, SH + "prefixes")
    if not values:
        return out
    ontologies = [s for s, po in shapes.graph.items() if OWL_ONTOLOGY in po.get(RDF + "type", [])]
    everywhere = [d for o in ontologies for d in shapes.objs(o, SH + "declare")]
    declared: dict[str, set[str]] = {}
    for value in values:
        own = shapes.objs(value, SH + "declare")
        for dec in own if (own and value in ontologies) else [*everywhere, *own]:
            names, namespaces = shapes.objs(dec, SH + "prefix"), shapes.objs(dec, SH + "namespace")
            if len(names) != 1 or len(namespaces) != 1 or not isinstance(names[0], Literal) or not isinstance(namespaces[0], Literal):
                return None
            declared.setdefault(names[0].value, set()).add(namespaces[0].value)
    for prefix, spelled in declared.items():
        if len(spelled) != 1:
            return None
        out[prefix] = next(iter(spelled))
    return out
