"""Reading the shapes graph and compiling each shape into checks, or naming why it cannot be.

Only what ``shapes.ttl`` uses is compiled: targets ``sh:targetClass`` (``rdfs:subClassOf`` from
the data graph only), ``sh:targetSubjectsOf`` and ``sh:targetObjectsOf``; paths that are a
predicate or an ``sh:alternativePath`` of predicates; the constraints in
:data:`kb.ontology.shacl.constraints.COMPILED`; ``sh:severity`` and ``sh:message``. Anything
else is a *problem* of the shape it sits on. A shape with targets that has a problem, or uses a
shape that has one (``sh:property``, ``sh:or``, ``sh:not``), is not compiled:
:attr:`CompiledShapes.fallback` names it with the reasons, and
:meth:`CompiledShapes.fallback_triples` is the shapes graph pyshacl runs for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from kb.ontology.shacl.batch import Batch, Objects
from kb.ontology.shacl.constraints import COMPILED, SINGLE
from kb.ontology.shacl.shape import Shape
from kb.ontology.shacl.terms import RDF, RDF_NIL, RDFS, RDFS_CLASS, SH, Term, name_of, sh, short

# sh: predicates that carry no rule of their own, or are read as part of a compiled construct.
_STRUCTURAL = {SH + n for n in (
    "name description order group defaultValue message severity path alternativePath "
    "targetClass targetSubjectsOf targetObjectsOf declare prefix namespace prefixes select"
).split()}
_TARGETS = {SH + n for n in "targetClass targetNode targetSubjectsOf targetObjectsOf target".split()}
_SHAPE_TYPES = {sh("NodeShape"), sh("PropertyShape")}
# rdf:types of the sh: namespace that add nothing a shape would have to interpret.
_TYPES_OK = {SH + n for n in ("NodeShape", "PropertyShape", "SPARQLConstraint", "Shape", "PrefixDeclaration")}
_COUNT = re.compile(r"[+]?\d+")
_INTEGERS = {"http://www.w3.org/2001/XMLSchema#" + n for n in (
    "integer int long short byte nonNegativeInteger positiveInteger unsignedLong unsignedInt unsignedShort unsignedByte"
).split()}


class CompiledShapes:
    """The shapes graph, compiled: ``top`` are the shapes with targets that run here."""

    def __init__(self, triples: Iterable[Triple]) -> None:
        self.triples = list(triples)
        self.graph: dict[Term, dict[str, list[Term]]] = {}
        for s, p, o in self.triples:
            self.graph.setdefault(s, {}).setdefault(p.value, []).append(o)
        self.problems: dict[Term, list[str]] = {}  # node → what is not compiled there
        self.global_problems: list[str] = []  # problems no single shape owns: nothing is compiled
        self.shapes: dict[Term, Shape] = {}
        self.uses: dict[Term, dict[Term, None]] = {}  # shape → the shapes it uses
        self._compiling: list[Term] = []
        self._check_vocabulary()
        tops = [node for node in self._shape_nodes() if self._is_top(node)]
        for node in tops:
            self.shape(node)
        self.fallback = self._fallback(tops)
        self.top = [self.shapes[node] for node in tops if node not in self.fallback]

    # -- reading the shapes graph

    def objs(self, s: Term, p: str) -> list[Term]:
        return self.graph.get(s, {}).get(p, [])

    def one(self, s: Term, p: str) -> Term | None:
        objs = self.objs(s, p)
        if len(objs) > 1:
            self.problem(s, f"more than one {short(p)}")
        return objs[0] if objs else None

    def rdf_list(self, head: Term) -> list[Term] | None:
        """The members of an RDF list, or None if it is not well-formed."""
        items: list[Term] = []
        seen = set()
        while head != RDF_NIL:
            if head in seen:
                return None
            seen.add(head)
            first, rest = self.objs(head, RDF + "first"), self.objs(head, RDF + "rest")
            if len(first) != 1 or len(rest) != 1:
                return None
            items.append(first[0])
            head = rest[0]
        return items

    def count(self, node: Term, value: Term, what: str) -> int | None:
        """A non-negative integer parameter (sh:minCount 1), or None and a problem."""
        if not (isinstance(value, Literal) and value.datatype.value in _INTEGERS and _COUNT.fullmatch(value.value)):
            self.problem(node, f"{what} is not a non-negative integer")
            return None
        return int(value.value)

    def problem(self, node: Term, what: str) -> None:
        self.problems.setdefault(node, []).append(what)

    def _check_vocabulary(self) -> None:
        for s, po in self.graph.items():
            for p, objs in po.items():
                if p.startswith(SH) and p not in _STRUCTURAL and p not in COMPILED:
                    self.problem(s, f"{short(p)} is not compiled")
                if p == RDF + "type":
                    for o in objs:
                        if isinstance(o, NamedNode) and o.value.startswith(SH) and o.value not in _TYPES_OK:
                            self.global_problems.append(f"{name_of(s)}: rdf:type {short(o.value)} is not compiled")

    def _shape_nodes(self) -> list[Term]:
        """Shapes as pyshacl finds them: typed, targeted, or carrying constraint parameters."""
        nodes: dict[Term, None] = {}
        for s, po in self.graph.items():
            types = po.get(RDF + "type", [])
            if (any(t in _SHAPE_TYPES for t in types) or any(p in _TARGETS for p in po)
                    or any(p in COMPILED or p == SH + "path" for p in po)):
                nodes[s] = None
        return list(nodes)

    def _class_types(self) -> set[Term]:
        return {RDFS_CLASS} | {s for s, po in self.graph.items() if RDFS_CLASS in po.get(RDFS + "subClassOf", [])}

    def _is_top(self, node: Term) -> bool:
        po = self.graph.get(node, {})
        classes = self._class_types()
        return any(p in _TARGETS for p in po) or any(t in classes for t in po.get(RDF + "type", []))

    # -- compiling

    def shape(self, node: Term) -> Shape:
        """The compiled shape of ``node`` (compiled on first use)."""
        if self._compiling:
            self.uses.setdefault(self._compiling[-1], {})[node] = None
        shape = self.shapes.get(node)
        if shape is not None:
            if node in self._compiling:
                self.problem(node, "recursive shape reference")
            return shape
        self._compiling.append(node)
        shape = self.shapes[node] = Shape(node)
        sev = self.one(node, SH + "severity")
        if sev is not None:
            if isinstance(sev, NamedNode):
                shape.severity = sev
            else:
                self.problem(node, "sh:severity is not an IRI")
        shape.messages = tuple((m.value, m.language) for m in self.objs(node, SH + "message") if isinstance(m, Literal))
        path = self.one(node, SH + "path")
        if path is not None:
            compiled = self.path(node, path)
            shape.path = path
            if compiled is not None:
                shape.values = compiled[0]
                shape.predicate = path if isinstance(path, NamedNode) else None
        self._targets(node, shape)
        for p, objs in self.graph.get(node, {}).items():
            build = COMPILED.get(p)
            if build is None:
                continue
            if p in SINGLE and len(objs) != 1:
                self.problem(node, f"more than one {short(p)}")
                continue
            build(self, node, shape, objs)
        self._compiling.pop()
        return shape

    def _targets(self, node: Term, shape: Shape) -> None:
        def instances(cls: Term) -> Callable[[Batch], Iterable[Term]]:
            return lambda b: b.instances(cls)

        def subjects_of(p: NamedNode) -> Callable[[Batch], Iterable[Term]]:
            return lambda b: b.subjects_of(p)

        def objects_of(p: NamedNode) -> Callable[[Batch], Iterable[Term]]:
            return lambda b: b.objects_of(p)

        classes = self._class_types()
        if any(t in classes for t in self.objs(node, RDF + "type")):
            self.problem(node, "a shape that is also a class (implicit class target) is not compiled")
        for cls in self.objs(node, SH + "targetClass"):
            shape.targets.append(instances(cls))
        for name, target in (("targetSubjectsOf", subjects_of), ("targetObjectsOf", objects_of)):
            for p in self.objs(node, SH + name):
                if isinstance(p, NamedNode):
                    shape.targets.append(target(p))
                else:
                    self.problem(node, f"sh:{name} is not an IRI")

    def path(self, node: Term, path: Term) -> tuple[Callable[[Batch, Term], Objects], str] | None:
        """(values of a focus node, the path in SPARQL) for a predicate or an alternative of predicates."""
        if isinstance(path, NamedNode):
            return (lambda b, f: b.objects(f, path)), f"<{path.value}>"
        po = self.graph.get(path, {}) if isinstance(path, BlankNode) else {}
        items = self.rdf_list(po[SH + "alternativePath"][0]) if list(po) == [SH + "alternativePath"] else None
        if not items or len(po[SH + "alternativePath"]) != 1 or not all(isinstance(i, NamedNode) for i in items):
            self.problem(node, "a path other than a predicate or an sh:alternativePath of predicates is not compiled")
            return None
        predicates = [i for i in items if isinstance(i, NamedNode)]

        def alternative(b: Batch, f: Term) -> Objects:
            out: Objects = {}
            for p in predicates:
                out.update(b.objects(f, p))
            return out

        return alternative, "(" + " | ".join(f"<{p.value}>" for p in predicates) + ")"

    # -- what falls back to pyshacl

    def _used(self, node: Term) -> list[Term]:
        """``node`` and every shape it uses, directly or through others."""
        seen = {node: None}
        todo = [node]
        while todo:
            for used in self.uses.get(todo.pop(), {}):
                if used not in seen:
                    seen[used] = None
                    todo.append(used)
        return list(seen)

    def _fallback(self, tops: list[Term]) -> dict[Term, list[str]]:
        """The shapes with targets that pyshacl validates, with the reasons."""
        if self.global_problems:
            return {node: list(self.global_problems) for node in tops}
        out = {node: [f"{name_of(n)}: {why}" for n in self._used(node) for why in self.problems.get(n, [])]
               for node in tops}
        return {node: reasons for node, reasons in out.items() if reasons}

    def fallback_triples(self) -> list[Triple]:
        """The shapes graph pyshacl validates: all of it, without the targets of the compiled shapes.

        So pyshacl reports nothing twice, and a compiled shape that a fallback shape uses (in
        ``sh:node``, say) is still there for it to use.
        """
        compiled = {shape.node for shape in self.top}
        return [t for t in self.triples if not (t.subject in compiled and t.predicate.value in _TARGETS)]
