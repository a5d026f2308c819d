"""The constraint components ``shapes.ttl`` uses, each turned into checks on a compiled shape.

Each builder reads its parameters from the shapes graph and adds checks to the shape, or records
a problem (then the shape falls back to pyshacl). The checks reproduce pyshacl's results,
including where it departs from the letter of the SHACL spec (see :mod:`kb.ontology.shacl`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from pyoxigraph import BlankNode, Literal, NamedNode

from kb.ontology.shacl.batch import Batch
from kb.ontology.shacl.datatypes import datatype_check
from kb.ontology.shacl.shape import Shape, Values, conforms, evaluate
from kb.ontology.shacl.sparql import SparqlConstraint
from kb.ontology.shacl.terms import SH, Result, Term, name_of

if TYPE_CHECKING:
    from kb.ontology.shacl.compiler import CompiledShapes

Builder = Callable[["CompiledShapes", Term, Shape, list[Term]], None]

_NODE_KINDS = {
    SH + "IRI": (NamedNode,),
    SH + "BlankNode": (BlankNode,),
    SH + "Literal": (Literal,),
    SH + "BlankNodeOrIRI": (BlankNode, NamedNode),
    SH + "BlankNodeOrLiteral": (BlankNode, Literal),
    SH + "IRIOrLiteral": (NamedNode, Literal),
}


def _each_value(shape: Shape, component: str, ok: Callable[[Term], bool]) -> None:
    """A check that each value node passes ``ok``; a result per failing value."""
    result = shape.result(component)

    def check(b: Batch, f: Term, vals: Values, out: list[Result] | None) -> bool:
        passed = True
        for v in vals:
            if not ok(v):
                if out is None:
                    return False
                passed = False
                out.append(result(f, v))
        return passed

    shape.add(check, skips_empty=True)


def _min_count(c: CompiledShapes, node: Term, shape: Shape, objs: list[Term]) -> None:
    n = c.count(node, objs[0], "sh:minCount")
    if not n:
        return
    result = shape.result("MinCount")

    def check(b: Batch, f: Term, vals: Values, out: list[Result] | None) -> bool:
        if len(vals) >= n:
            return True
        if out is not None:
            out.append(result(f, None))
        return False

    shape.add(check, skips_empty=False)


def _max_count(c: CompiledShapes, node: Term, shape: Shape, objs: list[Term]) -> None:
    n = c.count(node, objs[0], "sh:maxCount")
    if n is None:
        return
    result = shape.result("MaxCount")

    def check(b: Batch, f: Term, vals: Values, out: list[Result] | None) -> bool:
        if len(vals) <= n:
            return True
        if out is not None:
            out.append(result(f, None))
        return False

    shape.add(check, skips_empty=True)


def _datatype(c: CompiledShapes, node: Term, shape: Shape, objs: list[Term]) -> None:
    rule = objs[0]
    check = datatype_check(rule) if isinstance(rule, NamedNode) else None
    if check is None:
        c.problem(node, f"sh:datatype {name_of(rule)} is not compiled")
        return
    _each_value(shape, "Datatype", check)


def _node_kind(c: CompiledShapes, node: Term, shape: Shape, objs: list[Term]) -> None:
    kinds = _NODE_KINDS.get(objs[0].value if isinstance(objs[0], NamedNode) else "")
    if kinds is None:
        c.problem(node, f"unknown sh:nodeKind {objs[0]}")
        return
    _each_value(shape, "NodeKind", lambda v: type(v) in kinds)


def _min_length(c: CompiledShapes, node: Term, shape: Shape, objs: list[Term]) -> None:
    n = c.count(node, objs[0], "sh:minLength")
    if n:  # sh:minLength 0 always passes, even for blank nodes (pyshacl)
        _each_value(shape, "MinLength", lambda v: type(v) is not BlankNode and len(v.value) >= n)


def _max_length(c: CompiledShapes, node: Term, shape: Shape, objs: list[Term]) -> None:
    n = c.count(node, objs[0], "sh:maxLength")
    if n is not None:
        _each_value(shape, "MaxLength", lambda v: type(v) is not BlankNode and len(v.value) <= n)


def _pattern(c: CompiledShapes, node: Term, shape: Shape, objs: list[Term]) -> None:
    for pattern in objs:  # no sh:flags: that is not compiled (a problem of the shape)
        if not isinstance(pattern, Literal):
            c.problem(node, "sh:pattern is not a literal")
            continue
        try:
            search = re.compile(pattern.value).search
        except re.error as exc:
            c.problem(node, f"sh:pattern does not compile in Python: {exc}")
            continue
        _each_value(shape, "Pattern", _matches(search))


def _matches(search: Callable[[str], object]) -> Callable[[Term], bool]:
    return lambda v: type(v) is not BlankNode and search(v.value) is not None


def _in(c: CompiledShapes, node: Term, shape: Shape, objs: list[Term]) -> None:
    items = c.rdf_list(objs[0])
    if items is None:
        c.problem(node, "sh:in is not a well-formed list")
        return
    _each_value(shape, "In", frozenset(items).__contains__)


def _class(c: CompiledShapes, node: Term, shape: Shape, objs: list[Term]) -> None:
    result = shape.result("Class")
    for cls in objs:

        def check(b: Batch, f: Term, vals: Values, out: list[Result] | None, cls: Term = cls) -> bool:
            passed = True
            for v in vals:
                if type(v) is Literal or not b.is_instance(v, cls):
                    if out is None:
                        return False
                    passed = False
                    out.append(result(f, v))
            return passed

        shape.add(check, skips_empty=True)


def _has_value(c: CompiledShapes, node: Term, shape: Shape, objs: list[Term]) -> None:
    result = shape.result("HasValue")
    for hv in objs:

        def check(b: Batch, f: Term, vals: Values, out: list[Result] | None, hv: Term = hv) -> bool:
            if hv in vals:
                return True
            if out is not None:
                out.append(result(f, None))
            return False

        shape.add(check, skips_empty=False)


def _equals(c: CompiledShapes, node: Term, shape: Shape, objs: list[Term]) -> None:
    result = shape.result("Equals")
    for p in objs:
        if not isinstance(p, NamedNode):
            c.problem(node, "sh:equals is not an IRI")
            continue

        def check(b: Batch, f: Term, vals: Values, out: list[Result] | None, p: NamedNode = p) -> bool:
            other = b.objects(f, p)
            differ = [v for v in vals if v not in other] + [o for o in other if o not in vals]
            if not differ:
                return True
            if out is not None:
                out.extend(result(f, v) for v in differ)
            return False

        shape.add(check, skips_empty=False)


def _logical(c: CompiledShapes, shape: Shape, component: str, operands: list[Shape],
             passes: Callable[[int, int], bool]) -> None:
    result = shape.result(component)

    def check(b: Batch, f: Term, vals: Values, out: list[Result] | None) -> bool:
        passed = True
        for v in vals:
            hits = sum(1 for s in operands if conforms(b, s, v))
            if not passes(hits, len(operands)):
                if out is None:
                    return False
                passed = False
                out.append(result(f, v))
        return passed

    shape.add(check, skips_empty=True)


def _or(c: CompiledShapes, node: Term, shape: Shape, objs: list[Term]) -> None:
    for o in objs:
        items = c.rdf_list(o)
        if not items:
            c.problem(node, "sh:or is not a well-formed list")
            continue
        _logical(c, shape, "Or", [c.shape(i) for i in dict.fromkeys(items)], lambda hits, n: hits > 0)


def _not(c: CompiledShapes, node: Term, shape: Shape, objs: list[Term]) -> None:
    for o in objs:
        _logical(c, shape, "Not", [c.shape(o)], lambda hits, n: hits == 0)


def _property(c: CompiledShapes, node: Term, shape: Shape, objs: list[Term]) -> None:
    children = [c.shape(o) for o in dict.fromkeys(objs)]
    for child in children:
        if not child.is_property:
            c.problem(node, "sh:property points to a shape without sh:path")

    def check(b: Batch, pairs: list[tuple[Term, Values]], out: list[Result] | None) -> bool:
        focus = [v for _f, vals in pairs for v in vals]
        passed = True
        for child in children:
            if not evaluate(b, child, focus, out):
                if out is None:
                    return False
                passed = False
        return passed

    shape.batch_checks.append(check)


def _sparql(c: CompiledShapes, node: Term, shape: Shape, objs: list[Term]) -> None:
    for constraint in objs:
        compiled = SparqlConstraint.compile(c, node, shape, constraint)
        if compiled is not None:
            shape.batch_checks.append(compiled.check)


COMPILED: dict[str, Builder] = {SH + name: build for name, build in (
    ("minCount", _min_count), ("maxCount", _max_count), ("datatype", _datatype), ("nodeKind", _node_kind),
    ("minLength", _min_length), ("maxLength", _max_length), ("pattern", _pattern), ("in", _in),
    ("class", _class), ("hasValue", _has_value), ("equals", _equals), ("or", _or), ("not", _not),
    ("property", _property), ("sparql", _sparql),
)}
SINGLE = {SH + n for n in ("minCount", "maxCount", "datatype", "nodeKind", "minLength", "maxLength", "in")}
