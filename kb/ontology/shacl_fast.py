"""A SHACL evaluator compiled from the shapes graph, for batches of small records.

pyshacl rebuilds its constraint components for every (shape, focus node) pair and parses a SPARQL
constraint again for every focus node; on a 2-core node that caps validation at a few hundred
records per second. This module reads ``shapes.ttl`` once and turns every shape into a few Python
closures over pyoxigraph terms, so the shapes stay the single source of truth and nothing about a
rule is written here. A batch is indexed once (subject → predicate → objects) and every shape runs
over all its focus nodes at once; a SPARQL-based constraint runs once per batch in an in-memory
``pyoxigraph.Store`` holding only the triples its query can reach, with ``$this`` bound to all focus
nodes together.

pyshacl (called as ``RecordValidator`` calls it: inference none, warnings and infos allowed) is the
reference: the evaluator reproduces its results, including where pyshacl departs from the letter
of the SHACL spec:

- ``sh:datatype`` checks well-formedness the way rdflib does (``xsd:decimal`` is whatever Python's
  ``Decimal`` parses, ``xsd:date`` whatever ``date.fromisoformat`` parses after rdflib's trimming,
  ``xsd:gYear`` and other datatypes rdflib has no parser for are not checked at all);
- ``sh:pattern`` uses Python's ``re`` with only the flags ``i`` and ``m``;
- a shape whose severity is allowed (warnings/infos) counts as conforming inside ``sh:or``,
  ``sh:and``, ``sh:xone``, ``sh:not`` and ``sh:property``;
- results of ``sh:node`` carry the nested results too (pyshacl adds them to the report);
- SPARQL results carry the messages of the constraint and the shape without language tags.

One difference remains by design: SPARQL-based constraints run in pyoxigraph, which follows the
SPARQL spec, while pyshacl runs them in rdflib's engine, which departs from it in places (it
compares an ill-typed number such as "x"^^xsd:integer as greater than 150, where SPARQL raises a
type error and the FILTER drops the solution). The one query of shapes.ttl compares strings only
(STR, CONCAT, <), where both engines agree.

It covers exactly what can be replicated with confidence; everything else makes
:class:`CompiledShapes` raise :class:`UnsupportedShapes` at load time, naming each construct, so
the caller can fall back to pyshacl: targets (``sh:targetClass`` with ``rdfs:subClassOf`` from the
data graph only, ``sh:targetNode``, ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``, implicit class
targets), paths (predicate, inverse predicate, sequence, alternative, zero-or-more, one-or-more,
zero-or-one), ``sh:minCount``, ``sh:maxCount``, ``sh:datatype``, ``sh:nodeKind``, ``sh:minLength``,
``sh:maxLength``, ``sh:pattern``/``sh:flags``, ``sh:in``, ``sh:class``, ``sh:hasValue``,
``sh:equals``, ``sh:disjoint``, ``sh:lessThan``, ``sh:lessThanOrEquals``, ``sh:not``, ``sh:and``,
``sh:or``, ``sh:xone``, ``sh:node``, ``sh:property``, ``sh:severity``, ``sh:deactivated``,
``sh:message`` and SPARQL-based constraints (``sh:sparql``/``sh:select``/``sh:prefixes``).
Where data reaches a corner the evaluator does not replicate (comparing values of kinds rdflib
orders in its own way, blank nodes in ``sh:lessThan``), :meth:`CompiledShapes.evaluate` raises
:class:`NeedsReference` and the caller validates that batch with pyshacl.
"""

from __future__ import annotations

import gc
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple, cast

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, QuerySolutions, Store, Triple

Term = NamedNode | BlankNode | Literal

SH = "http://www.w3.org/ns/shacl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"

_RDF_TYPE = NamedNode(RDF + "type")
_RDF_FIRST = NamedNode(RDF + "first")
_RDF_REST = NamedNode(RDF + "rest")
_RDF_NIL = NamedNode(RDF + "nil")
_RDFS_SUBCLASSOF = NamedNode(RDFS + "subClassOf")
_RDFS_CLASS = NamedNode(RDFS + "Class")
_OWL_ONTOLOGY = NamedNode(OWL + "Ontology")
_XSD_STRING = NamedNode(XSD + "string")
_XSD_BOOLEAN = NamedNode(XSD + "boolean")
_RDF_LANGSTRING = NamedNode(RDF + "langString")
_SH_VIOLATION = NamedNode(SH + "Violation")
_SH_WARNING = NamedNode(SH + "Warning")
_SH_INFO = NamedNode(SH + "Info")


def _sh(name: str) -> NamedNode:
    return NamedNode(SH + name)


class UnsupportedShapes(Exception):
    """The shapes graph uses something this evaluator does not implement (one reason per line)."""

    def __init__(self, reasons: Sequence[str]) -> None:
        self.reasons = list(reasons)
        super().__init__("; ".join(self.reasons))


class NeedsReference(Exception):
    """This batch reaches a corner the evaluator does not replicate: validate it with pyshacl."""


class Result(NamedTuple):
    """One validation result, as in a SHACL validation report."""

    focus: Term
    shape: Term
    severity: NamedNode
    value: Term | None
    path: Term | None
    messages: tuple[tuple[str, str | None], ...]
    component: NamedNode


# ---------------------------------------------------------------------------------------------
# Datatypes: well-formedness as rdflib decides it (pyshacl asks rdflib)
# ---------------------------------------------------------------------------------------------

# Datatypes rdflib maps to Python values (rdflib.term.XSDToPython, plus rdf:XMLLiteral/rdf:HTML).
_RDFLIB_KNOWN = {XSD + n for n in (
    "time date dateTime duration dayTimeDuration yearMonthDuration hexBinary string normalizedString token "
    "language boolean decimal integer nonPositiveInteger long nonNegativeInteger negativeInteger int "
    "unsignedLong positiveInteger short unsignedInt byte unsignedShort unsignedByte float double "
    "base64Binary anyURI"
).split()} | {RDF + "XMLLiteral", RDF + "HTML"}

_NUMERIC = {XSD + n for n in (
    "integer decimal double float byte int long negativeInteger nonNegativeInteger nonPositiveInteger "
    "positiveInteger short unsignedByte unsignedInt unsignedLong unsignedShort"
).split()}
# Datatypes whose rdflib value is a Python str (no converter): plain strings for comparisons.
_STRING_VALUED = {XSD + n for n in ("string", "normalizedString", "token", "language", "anyURI")} | {RDF + "langString"}


def _parse_xsd_date(text: str) -> date:
    """rdflib.xsd_datetime.parse_xsd_date on Python 3.11+ (date.fromisoformat after trimming)."""
    if text.endswith(("Z", "z")):
        text = text[:-1]
    minus = text.startswith("-")
    if minus:
        text = text[1:]
    if "T" in text:
        text = text.split("T")[0]
    else:
        plus = text.rfind("+")
        if plus > 0:
            text = text[:plus]
        else:
            parts = text.rsplit("-", 1)
            if len(parts) > 1 and ":" in parts[-1]:
                text = parts[0]
    if "-" not in text:
        raise ValueError("XSD Date string must contain at least two dashes")
    return date.fromisoformat(text if not minus else "-" + text)


def _bool_value(text: str) -> bool:
    return text.lower() in ("1", "true")


# datatype → (lexical → Python value, raising on ill-typed lexical forms; isinstance check pyshacl adds)
_PARSERS: dict[str, tuple[Callable[[str], Any], type | tuple[type, ...] | None]] = {
    XSD + "decimal": (Decimal, Decimal),
    XSD + "integer": (int, int),
    XSD + "float": (float, float),
    XSD + "double": (float, None),
}
if sys.version_info >= (3, 11):  # noqa: UP036 - rdflib uses isodate below 3.11
    _PARSERS[XSD + "date"] = (_parse_xsd_date, date)
    _PARSERS[XSD + "dateTime"] = (datetime.fromisoformat, datetime)
    _PARSERS[XSD + "time"] = (time.fromisoformat, time)


def _value_of(lexical: str, datatype: str) -> Any:
    """rdflib's Python value of a typed literal (None if ill-typed or no converter); may raise NeedsReference."""
    if datatype in _STRING_VALUED:
        return lexical
    if datatype == XSD + "boolean":
        return _bool_value(lexical) if lexical in ("true", "false", "1", "0") else None
    if datatype in _NUMERIC and datatype not in _PARSERS:
        try:
            return int(lexical)
        except ValueError:
            return None
    parser = _PARSERS.get(datatype)
    if parser is None:
        if datatype in _RDFLIB_KNOWN:
            raise NeedsReference(f"no rdflib-compatible value for datatype {datatype}")
        return None
    try:
        return parser[0](lexical)
    except (ValueError, ArithmeticError, InvalidOperation, TypeError):
        return None


def _datatype_check(rule: NamedNode) -> Callable[[Term], bool] | None:
    """A check for ``sh:datatype rule`` as pyshacl does it, or None if it cannot be replicated."""
    iri = rule.value
    if iri == XSD + "string":
        return lambda v: type(v) is Literal and v.language is None and v.datatype == _XSD_STRING
    if iri == RDF + "langString":
        return lambda v: type(v) is Literal and v.language is not None
    if iri == RDFS + "Literal":
        return lambda v: type(v) is Literal
    if iri == RDFS + "Datatype":
        return lambda v: type(v) is Literal and v.language is None and v.datatype != _XSD_STRING
    if iri in (XSD + "normalizedString", XSD + "token", XSD + "language", XSD + "anyURI") or iri not in _RDFLIB_KNOWN:
        return lambda v: type(v) is Literal and v.datatype == rule
    if iri == XSD + "boolean":
        return lambda v: type(v) is Literal and v.datatype == rule and v.value in ("true", "false", "1", "0")
    parser = _PARSERS.get(iri)
    if parser is None:
        return None
    parse, kind = parser
    memo: dict[str, bool] = {}

    def well_formed(lexical: str) -> bool:
        ok = memo.get(lexical)
        if ok is None:
            try:
                value = parse(lexical)
                ok = kind is None or isinstance(value, kind)
            except (ValueError, ArithmeticError, InvalidOperation, TypeError):
                ok = False
            if len(memo) > 50_000:
                memo.clear()
            memo[lexical] = ok
        return ok

    return lambda v: type(v) is Literal and v.datatype == rule and well_formed(v.value)


# rdflib rewrites the lexical form of these two datatypes when it builds the literal.
_REWRITTEN = {NamedNode(XSD + "normalizedString"), NamedNode(XSD + "token")}


def _matches(search: Callable[[str], Any]) -> Callable[[Term], bool]:
    return lambda v: type(v) is not BlankNode and search(v.value) is not None


def _rdflib_literal(o: Literal) -> Literal:
    text = o.value.replace("\t", " ").replace("\n", " ").replace("\r", " ")
    if o.datatype.value == XSD + "token":
        text = re.sub(" +", " ", text.strip())
    return Literal(text, datatype=o.datatype) if text != o.value else o


# ---------------------------------------------------------------------------------------------
# Ordering for sh:lessThan / sh:lessThanOrEquals (pyshacl compares rdflib terms)
# ---------------------------------------------------------------------------------------------


def _order_key(term: Term) -> tuple[str, Any]:
    """('s', str) for what pyshacl compares as strings, ('n'|'d', value) for numbers and dates."""
    if type(term) is NamedNode:
        return "s", term.value
    if type(term) is BlankNode:
        raise NeedsReference("sh:lessThan on a blank node (pyshacl raises)")
    if term.language is not None or term.datatype.value in _STRING_VALUED:
        return "s", term.value
    dt = term.datatype.value
    if dt in _NUMERIC:
        value = _value_of(term.value, dt)
        if value is None or (isinstance(value, Decimal | float) and value != value):
            raise NeedsReference("comparing an ill-typed or NaN number")
        if isinstance(value, Decimal) and value.is_infinite():
            raise NeedsReference("comparing an infinite decimal")
        return "n", value
    if dt == XSD + "date":
        value = _value_of(term.value, dt)
        if value is None:
            raise NeedsReference("comparing an ill-typed date")
        return "d", value
    raise NeedsReference(f"comparing literals of datatype {dt}")


def _less(a: Term, b: Term, or_equal: bool) -> bool:
    ka, kb = _order_key(a), _order_key(b)
    if (ka[0] == "s") != (kb[0] == "s"):
        return False
    if ka[0] != kb[0]:
        raise NeedsReference("comparing a number with a date")
    return ka[1] <= kb[1] if or_equal else ka[1] < kb[1]


# ---------------------------------------------------------------------------------------------
# The batch: an index of the data graph
# ---------------------------------------------------------------------------------------------

_EMPTY: dict = {}
_FOCUS_GRAPH = NamedNode("urn:x-kb:shacl-fast:focus")
_FOCUS_SUBJECT = NamedNode("urn:x-kb:shacl-fast:this")


class _Batch:
    """The data graph of one validation run, indexed subject → predicate → objects (ordered sets)."""

    __slots__ = ("spo", "allowed", "_ops", "_types", "_subs", "_supers", "_stores")

    def __init__(self, groups: Iterable[Iterable[Triple]], allowed: frozenset) -> None:
        spo: dict[Term, dict[NamedNode, dict[Term, None]]] = {}
        get = spo.get
        rewritten = _REWRITTEN
        for triples in groups:
            for s, p, o in triples:
                if type(o) is Literal and o.datatype in rewritten:
                    o = _rdflib_literal(o)
                po = get(s)
                if po is None:
                    spo[s] = {p: {o: None}}
                else:
                    objs = po.get(p)
                    if objs is None:
                        po[p] = {o: None}
                    else:
                        objs[o] = None
        self.spo = spo
        self.allowed = allowed
        self._ops: dict | None = None
        self._types: dict | None = None
        self._subs: dict | None = None
        self._supers: dict | None = None
        self._stores: dict[frozenset | None, Store] = {}

    def objects(self, s: Term, p: NamedNode) -> dict:
        po = self.spo.get(s)
        return po.get(p, _EMPTY) if po else _EMPTY

    def subjects(self, p: NamedNode, o: Term) -> dict:
        if self._ops is None:
            ops: dict = {}
            for s, po in self.spo.items():
                for pred, objs in po.items():
                    for obj in objs:
                        ops.setdefault((obj, pred), {})[s] = None
            self._ops = ops
        return self._ops.get((o, p), _EMPTY)

    def subjects_of(self, p: NamedNode) -> Iterable[Term]:
        return (s for s, po in self.spo.items() if p in po)

    def objects_of(self, p: NamedNode) -> Iterable[Term]:
        for po in self.spo.values():
            objs = po.get(p)
            if objs:
                yield from objs

    def instances(self, cls: Term) -> Iterable[Term]:
        """rdf:type cls, or rdf:type of a transitive rdfs:subClassOf cls in the data graph (pyshacl)."""
        if self._types is None:
            types: dict = {}
            for s, po in self.spo.items():
                for t in po.get(_RDF_TYPE, _EMPTY):
                    types.setdefault(t, {})[s] = None
            self._types = types
        out = dict(self._types.get(cls, _EMPTY))
        for sub in self._subclasses(cls):
            out.update(self._types.get(sub, _EMPTY))
        return out

    def _subclasses(self, cls: Term) -> list[Term]:
        if self._subs is None:
            subs: dict = {}
            for s, po in self.spo.items():
                for sup in po.get(_RDFS_SUBCLASSOF, _EMPTY):
                    subs.setdefault(sup, {})[s] = None
            self._subs = subs
        if not self._subs:
            return []
        seen: dict = {}
        todo = [cls]
        while todo:
            for s in self._subs.get(todo.pop(), _EMPTY):
                if s not in seen and s != cls:
                    seen[s] = None
                    todo.append(s)
        return list(seen)

    def is_instance(self, v: Term, cls: Term) -> bool:
        types = self.objects(v, _RDF_TYPE)
        if cls in types:
            return True
        if not types:
            return False
        if self._supers is None:
            self._supers = {}
        for t in types:
            supers = self._supers.get(t)
            if supers is None:
                supers = {}
                todo = [t]
                while todo:
                    for sup in self.objects(todo.pop(), _RDFS_SUBCLASSOF):
                        if sup not in supers:
                            supers[sup] = None
                            todo.append(sup)
                self._supers[t] = supers
            if cls in supers:
                return True
        return False

    def store(self, predicates: frozenset | None) -> Store:
        """An in-memory store with the triples whose predicate is in ``predicates`` (all if None)."""
        store = self._stores.get(predicates)
        if store is None:
            quads: list[Quad] = []
            add = quads.append
            for s, po in self.spo.items():
                for p, objs in po.items():
                    if predicates is None or p in predicates:
                        for o in objs:
                            add(Quad(s, p, o))  # type: ignore[arg-type]  # subjects are never literals
            store = Store()
            store.extend(quads)
            self._stores[predicates] = store
        return store


# ---------------------------------------------------------------------------------------------
# The shapes graph
# ---------------------------------------------------------------------------------------------

# sh: predicates that carry no rule of their own (or are read as part of another construct).
_STRUCTURAL = {SH + n for n in (
    "name description order group defaultValue message severity deactivated path alternativePath "
    "inversePath zeroOrMorePath oneOrMorePath zeroOrOnePath targetClass targetNode targetSubjectsOf "
    "targetObjectsOf declare prefix namespace prefixes select flags"
).split()}
_CONSTRAINTS = {SH + n for n in (
    "class datatype nodeKind minCount maxCount minLength maxLength pattern in hasValue equals disjoint "
    "lessThan lessThanOrEquals not and or xone node property sparql"
).split()}
_TYPES_OK = {SH + n for n in ("NodeShape", "PropertyShape", "SPARQLConstraint", "Shape", "PrefixDeclaration")}
_NODE_KINDS = {
    SH + "IRI": (NamedNode,),
    SH + "BlankNode": (BlankNode,),
    SH + "Literal": (Literal,),
    SH + "BlankNodeOrIRI": (BlankNode, NamedNode),
    SH + "BlankNodeOrLiteral": (BlankNode, Literal),
    SH + "IRIOrLiteral": (NamedNode, Literal),
}
_INTEGERS = {XSD + n for n in (
    "integer int long short byte nonNegativeInteger positiveInteger unsignedLong unsignedInt unsignedShort unsignedByte"
).split()}

Check = Callable[[_Batch, Term, Any, "list | None"], bool]
BatchCheck = Callable[[_Batch, list, "list | None"], bool]


class _Shape:
    __slots__ = ("node", "path", "predicate", "values", "severity", "deactivated", "messages", "checks",
                 "batch_checks", "targets", "is_property")

    def __init__(self, node: Term) -> None:
        self.node = node
        self.path: Term | None = None
        self.predicate: NamedNode | None = None  # set when the path is a single predicate
        self.values: Callable[[_Batch, Term], Any] = _self_value
        self.severity: NamedNode = _SH_VIOLATION
        self.deactivated = False
        self.messages: tuple[tuple[str, str | None], ...] = ()
        self.checks: list[Check] = []
        self.batch_checks: list[BatchCheck] = []
        self.targets: list[Callable[[_Batch], Iterable[Term]]] = []
        self.is_property = False


def _passes_without_values(check: Check) -> Check:
    """Mark a check that holds for a focus node without values (it only looks at each value, or
    bounds their number from above), so ``_evaluate`` need not call it for such nodes: most
    optional fields are absent from most records."""
    check.skips_empty = True  # type: ignore[attr-defined]
    return check


def _self_value(batch: _Batch, f: Term) -> tuple:
    return (f,)


def _evaluate(batch: _Batch, shape: _Shape, focus: Sequence[Term], out: list | None) -> bool:
    """Validate ``focus`` against ``shape``; results go to ``out`` (None: conformance only)."""
    if shape.deactivated:
        return True
    allowed = shape.severity in batch.allowed
    if out is None and allowed:
        return True
    ok = True
    if not (shape.checks or shape.batch_checks):
        return True
    p = shape.predicate
    pairs: list[tuple[Term, Any]]
    if p is not None:
        get = batch.spo.get
        pairs = [(f, po.get(p, _EMPTY) if (po := get(f)) else _EMPTY) for f in focus]
    elif not shape.is_property:
        pairs = [(f, (f,)) for f in focus]
    else:
        values = shape.values
        pairs = [(f, values(batch, f)) for f in focus]
    filled: list[tuple[Term, Any]] | None = None
    for check in shape.checks:
        todo = pairs
        if getattr(check, "skips_empty", False):
            if filled is None:
                filled = [pair for pair in pairs if pair[1]]
            todo = filled
        for f, vals in todo:
            if not check(batch, f, vals, out):
                ok = False
                if out is None:
                    return False
    for batch_check in shape.batch_checks:
        if not batch_check(batch, pairs, out):
            ok = False
            if out is None:
                return False
    return ok or allowed


def _conforms(batch: _Batch, shape: _Shape, v: Term) -> bool:
    """Does ``v`` conform to ``shape``? (_evaluate for one focus node, no results, no lists)."""
    if shape.deactivated or shape.severity in batch.allowed:
        return True
    if shape.batch_checks:
        return _evaluate(batch, shape, (v,), None)
    p = shape.predicate
    vals: Any
    if p is not None:
        po = batch.spo.get(v)
        vals = po.get(p, _EMPTY) if po else _EMPTY
    elif not shape.is_property:
        vals = (v,)
    else:
        vals = shape.values(batch, v)
    for check in shape.checks:
        if not check(batch, v, vals, None):
            return False
    return True


class CompiledShapes:
    """The shapes graph, compiled. ``evaluate`` validates one batch (thread-safe)."""

    def __init__(self, triples: Iterable[Triple]) -> None:
        self._g: dict[Term, dict[str, list[Term]]] = {}
        for s, p, o in triples:
            self._g.setdefault(s, {}).setdefault(p.value, []).append(o)
        self._reasons: list[str] = []
        self._shapes: dict[Term, _Shape] = {}
        self._compiling: set[Term] = set()
        self._check_vocabulary()
        for node in self._shape_nodes():
            self._shape(node)
        if self._reasons:
            raise UnsupportedShapes(sorted(set(self._reasons)))
        self.top = [s for s in self._shapes.values() if s.targets]
        self.shapes = self._shapes

    # -- reading the shapes graph

    def _objs(self, s: Term, p: str) -> list[Term]:
        return self._g.get(s, {}).get(p, [])

    def _one(self, s: Term, p: str) -> Term | None:
        objs = self._objs(s, p)
        if len(objs) > 1:
            self._unsupported(s, f"more than one {_short(p)}")
        return objs[0] if objs else None

    def _list(self, head: Term) -> list[Term] | None:
        items: list[Term] = []
        seen = set()
        while head != _RDF_NIL:
            if head in seen:
                return None
            seen.add(head)
            first, rest = self._objs(head, RDF + "first"), self._objs(head, RDF + "rest")
            if len(first) != 1 or len(rest) != 1:
                return None
            items.append(first[0])
            head = rest[0]
        return items

    def _unsupported(self, node: Term, what: str) -> None:
        self._reasons.append(f"{_short(str(node) if not hasattr(node, 'value') else node.value)}: {what}")

    def _check_vocabulary(self) -> None:
        for s, po in self._g.items():
            for p, objs in po.items():
                if p.startswith(SH) and p not in _STRUCTURAL and p not in _CONSTRAINTS:
                    self._unsupported(s, f"{_short(p)} is not implemented")
                if p == RDF + "type":
                    for o in objs:
                        if isinstance(o, NamedNode) and o.value.startswith(SH) and o.value not in _TYPES_OK:
                            self._unsupported(s, f"rdf:type {_short(o.value)} is not implemented")

    def _shape_nodes(self) -> list[Term]:
        """Shapes as pyshacl finds them: typed, targeted, or carrying constraint parameters."""
        nodes: dict[Term, None] = {}
        for s, po in self._g.items():
            types = po.get(RDF + "type", [])
            if _sh("NodeShape") in types or _sh("PropertyShape") in types:
                nodes[s] = None
            if any(p in po for p in (SH + "targetClass", SH + "targetNode", SH + "targetSubjectsOf", SH + "targetObjectsOf")):
                nodes[s] = None
            if any(p in _CONSTRAINTS or p == SH + "path" for p in po):
                nodes[s] = None
        return list(nodes)

    # -- compiling

    def _shape(self, node: Term) -> _Shape:
        if node in self._compiling:
            self._unsupported(node, "recursive shape reference")
            return _Shape(node)
        shape = self._shapes.get(node)
        if shape is not None:
            return shape
        self._compiling.add(node)
        shape = _Shape(node)
        self._shapes[node] = shape
        po = self._g.get(node, {})
        sev = self._one(node, SH + "severity")
        if sev is not None:
            if not isinstance(sev, NamedNode):
                self._unsupported(node, "sh:severity is not an IRI")
            else:
                shape.severity = sev
        deact = self._one(node, SH + "deactivated")
        if deact is not None:
            if not (isinstance(deact, Literal) and deact.datatype == _XSD_BOOLEAN and deact.value in ("true", "false", "1", "0")):
                self._unsupported(node, "sh:deactivated is not a boolean")
            else:
                shape.deactivated = _bool_value(deact.value)
        shape.messages = tuple((m.value, m.language) for m in self._objs(node, SH + "message") if isinstance(m, Literal))
        path = self._one(node, SH + "path")
        if path is not None:
            shape.is_property = True
            shape.path = path
            if isinstance(path, NamedNode):
                shape.predicate = path
            compiled = self._path(node, path)
            if compiled is not None:
                shape.values = compiled[0]
        self._targets(node, shape)
        for p in po:
            if p in _CONSTRAINTS:
                self._constraint(node, shape, p)
        self._compiling.discard(node)
        return shape

    def _targets(self, node: Term, shape: _Shape) -> None:
        def instances(cls: Term) -> Callable[[_Batch], Iterable[Term]]:
            return lambda b: b.instances(cls)

        def subjects_of(p: NamedNode) -> Callable[[_Batch], Iterable[Term]]:
            return lambda b: b.subjects_of(p)

        def objects_of(p: NamedNode) -> Callable[[_Batch], Iterable[Term]]:
            return lambda b: b.objects_of(p)

        for cls in self._objs(node, SH + "targetClass"):
            shape.targets.append(instances(cls))
        types = self._objs(node, RDF + "type")
        class_types = {_RDFS_CLASS} | {s for s, po in self._g.items() if _RDFS_CLASS in po.get(RDFS + "subClassOf", [])}
        if any(t in class_types for t in types):
            shape.targets.append(instances(node))
        nodes = tuple(self._objs(node, SH + "targetNode"))
        if nodes:
            shape.targets.append(lambda b: nodes)
        for p in self._objs(node, SH + "targetSubjectsOf"):
            if not isinstance(p, NamedNode):
                self._unsupported(node, "sh:targetSubjectsOf is not an IRI")
                continue
            shape.targets.append(subjects_of(p))
        for p in self._objs(node, SH + "targetObjectsOf"):
            if not isinstance(p, NamedNode):
                self._unsupported(node, "sh:targetObjectsOf is not an IRI")
                continue
            shape.targets.append(objects_of(p))

    def _path(self, node: Term, path: Term, depth: int = 0) -> tuple[Callable[[_Batch, Term], Any], str] | None:
        """(values function, SPARQL path) for a SHACL path, or None if it is not supported."""
        if depth > 10:
            self._unsupported(node, "path too deep")
            return None
        if isinstance(path, NamedNode):
            return (lambda b, f, p=path: b.objects(f, p)), f"<{path.value}>"
        if isinstance(path, Literal):
            self._unsupported(node, "a literal as sh:path")
            return None
        po = self._g.get(path, {})
        if RDF + "first" in po:
            items = self._list(path)
            if items is None or len(items) < 2:
                self._unsupported(node, "ill-formed sequence path")
                return None
            parts = [c for i in items if (c := self._path(node, i, depth + 1)) is not None]
            if len(parts) != len(items):
                return None
            fns = [p[0] for p in parts]

            def sequence(b: _Batch, f: Term, fns=fns) -> dict:
                current: dict = {f: None}
                for fn in fns:
                    nxt: dict = {}
                    for n in current:
                        nxt.update(fn(b, n))
                    current = nxt
                return current

            return sequence, "(" + " / ".join(p[1] for p in parts) + ")"
        keys = [k for k in po if k != RDF + "type"]
        if len(keys) != 1 or len(po[keys[0]]) != 1:
            self._unsupported(node, "ill-formed path")
            return None
        kind, arg = keys[0], po[keys[0]][0]
        if kind == SH + "inversePath":
            if not isinstance(arg, NamedNode):
                self._unsupported(node, "sh:inversePath of anything but a predicate")
                return None
            return (lambda b, f, p=arg: b.subjects(p, f)), f"^<{arg.value}>"
        if kind == SH + "alternativePath":
            items = self._list(arg)
            if items is None or len(items) < 2:
                self._unsupported(node, "ill-formed sh:alternativePath")
                return None
            parts = [c for i in items if (c := self._path(node, i, depth + 1)) is not None]
            if len(parts) != len(items):
                return None
            fns = [p[0] for p in parts]

            def alternative(b: _Batch, f: Term, fns=fns) -> dict:
                out: dict = {}
                for fn in fns:
                    out.update(fn(b, f))
                return out

            return alternative, "(" + " | ".join(p[1] for p in parts) + ")"
        if kind in (SH + "zeroOrMorePath", SH + "oneOrMorePath", SH + "zeroOrOnePath"):
            inner = self._path(node, arg, depth + 1)
            if inner is None:
                return None
            fn = inner[0]
            if kind == SH + "zeroOrOnePath":
                return (lambda b, f, fn=fn: {f: None, **fn(b, f)}), f"({inner[1]})?"
            with_self = kind == SH + "zeroOrMorePath"

            def closure(b: _Batch, f: Term, fn=fn, with_self=with_self) -> dict:
                out: dict = {f: None} if with_self else {}
                todo = list(fn(b, f))
                while todo:
                    n = todo.pop()
                    if n not in out:
                        out[n] = None
                        todo.extend(fn(b, n))
                return out

            return closure, f"({inner[1]}){'*' if with_self else '+'}"
        self._unsupported(node, f"path {_short(kind)} is not implemented")
        return None

    def _constraint(self, node: Term, shape: _Shape, param: str) -> None:
        name = param[len(SH):]
        objs = self._objs(node, param)
        single = name in ("minCount", "maxCount", "datatype", "nodeKind", "minLength", "maxLength", "in")
        if single and len(objs) != 1:
            self._unsupported(node, f"more than one sh:{name}")
            return
        getattr(self, f"_c_{name}")(node, shape, objs)

    # Each _c_* adds checks to the shape. A check returns False if a value fails and, given a
    # list, appends one result per failure.

    @staticmethod
    def _result(shape: _Shape, component: str) -> Callable[[Term, Term | None], Result]:
        comp = _sh(component + "ConstraintComponent")
        node, severity, path, messages = shape.node, shape.severity, shape.path, shape.messages
        return lambda f, v: Result(f, node, severity, v, path, messages, comp)

    def _value_check(self, shape: _Shape, component: str, ok: Callable[[Term], bool]) -> None:
        """A check that each value node passes ``ok``; a result per failing value."""
        result = self._result(shape, component)

        def check(b: _Batch, f: Term, vals: Any, out: list | None) -> bool:
            passed = True
            for v in vals:
                if not ok(v):
                    if out is None:
                        return False
                    passed = False
                    out.append(result(f, v))
            return passed

        shape.checks.append(_passes_without_values(check))

    def _count(self, node: Term, value: Term, what: str) -> int | None:
        if not (isinstance(value, Literal) and value.datatype.value in _INTEGERS and re.fullmatch(r"[+]?\d+", value.value)):
            self._unsupported(node, f"{what} is not a non-negative integer")
            return None
        return int(value.value)

    def _c_minCount(self, node: Term, shape: _Shape, objs: list) -> None:
        n = self._count(node, objs[0], "sh:minCount")
        if not n:
            return
        result = self._result(shape, "MinCount")

        def check(b: _Batch, f: Term, vals: Any, out: list | None) -> bool:
            if len(vals) >= n:
                return True
            if out is not None:
                out.append(result(f, None))
            return False

        shape.checks.append(check)

    def _c_maxCount(self, node: Term, shape: _Shape, objs: list) -> None:
        n = self._count(node, objs[0], "sh:maxCount")
        if n is None:
            return
        result = self._result(shape, "MaxCount")

        def check(b: _Batch, f: Term, vals: Any, out: list | None) -> bool:
            if len(vals) <= n:
                return True
            if out is not None:
                out.append(result(f, None))
            return False

        shape.checks.append(_passes_without_values(check))

    def _c_datatype(self, node: Term, shape: _Shape, objs: list) -> None:
        rule = objs[0]
        check = _datatype_check(rule) if isinstance(rule, NamedNode) else None
        if check is None:
            self._unsupported(node, f"sh:datatype {_short(getattr(rule, 'value', str(rule)))} cannot be checked like rdflib does")
            return
        self._value_check(shape, "Datatype", check)

    def _c_nodeKind(self, node: Term, shape: _Shape, objs: list) -> None:
        kinds = _NODE_KINDS.get(getattr(objs[0], "value", ""))
        if kinds is None:
            self._unsupported(node, f"unknown sh:nodeKind {objs[0]}")
            return
        self._value_check(shape, "NodeKind", lambda v: type(v) in kinds)

    def _c_minLength(self, node: Term, shape: _Shape, objs: list) -> None:
        n = self._count(node, objs[0], "sh:minLength")
        if n:  # sh:minLength 0 always passes, even for blank nodes (pyshacl)
            self._value_check(shape, "MinLength", lambda v: type(v) is not BlankNode and len(v.value) >= n)

    def _c_maxLength(self, node: Term, shape: _Shape, objs: list) -> None:
        n = self._count(node, objs[0], "sh:maxLength")
        if n is not None:
            self._value_check(shape, "MaxLength", lambda v: type(v) is not BlankNode and len(v.value) <= n)

    def _c_pattern(self, node: Term, shape: _Shape, objs: list) -> None:
        flags_node = self._one(node, SH + "flags")
        flags = 0
        if flags_node is not None:
            if not isinstance(flags_node, Literal):
                self._unsupported(node, "sh:flags is not a literal")
                return
            text = flags_node.value.lower()  # pyshacl honours i and m only
            flags = (re.I if "i" in text else 0) | (re.M if "m" in text else 0)
        for pattern in objs:
            if not isinstance(pattern, Literal):
                self._unsupported(node, "sh:pattern is not a literal")
                continue
            try:
                search = re.compile(pattern.value, flags).search
            except re.error as exc:
                self._unsupported(node, f"sh:pattern does not compile in Python: {exc}")
                continue
            self._value_check(shape, "Pattern", _matches(search))

    def _c_in(self, node: Term, shape: _Shape, objs: list) -> None:
        items = self._list(objs[0])
        if items is None:
            self._unsupported(node, "sh:in is not a well-formed list")
            return
        allowed = frozenset(items)
        self._value_check(shape, "In", allowed.__contains__)

    def _c_class(self, node: Term, shape: _Shape, objs: list) -> None:
        result = self._result(shape, "Class")
        for cls in objs:

            def check(b: _Batch, f: Term, vals: Any, out: list | None, cls: Term = cls) -> bool:
                passed = True
                for v in vals:
                    if type(v) is Literal or not b.is_instance(v, cls):
                        if out is None:
                            return False
                        passed = False
                        out.append(result(f, v))
                return passed

            shape.checks.append(_passes_without_values(check))

    def _c_hasValue(self, node: Term, shape: _Shape, objs: list) -> None:
        result = self._result(shape, "HasValue")
        for hv in objs:

            def check(b: _Batch, f: Term, vals: Any, out: list | None, hv: Term = hv) -> bool:
                if hv in vals:
                    return True
                if out is not None:
                    out.append(result(f, None))
                return False

            shape.checks.append(check)

    def _pair_predicates(self, node: Term, objs: list, name: str) -> list[NamedNode]:
        preds = [p for p in objs if isinstance(p, NamedNode)]
        if len(preds) != len(objs):
            self._unsupported(node, f"sh:{name} is not an IRI")
        return preds

    def _c_equals(self, node: Term, shape: _Shape, objs: list) -> None:
        result = self._result(shape, "Equals")
        for p in self._pair_predicates(node, objs, "equals"):

            def check(b: _Batch, f: Term, vals: Any, out: list | None, p: NamedNode = p) -> bool:
                other = b.objects(f, p)
                missing = [v for v in vals if v not in other] + [o for o in other if o not in vals]
                if not missing:
                    return True
                if out is not None:
                    out.extend(result(f, v) for v in missing)
                return False

            shape.checks.append(check)

    def _c_disjoint(self, node: Term, shape: _Shape, objs: list) -> None:
        result = self._result(shape, "Disjoint")
        for p in self._pair_predicates(node, objs, "disjoint"):

            def check(b: _Batch, f: Term, vals: Any, out: list | None, p: NamedNode = p) -> bool:
                other = b.objects(f, p)
                common = [v for v in vals if v in other]
                if not common:
                    return True
                if out is not None:
                    out.extend(result(f, v) for v in common)
                return False

            shape.checks.append(_passes_without_values(check))

    def _compare(self, node: Term, shape: _Shape, objs: list, name: str, or_equal: bool) -> None:
        if not shape.is_property:
            self._unsupported(node, f"sh:{name} on a node shape (pyshacl refuses it)")
            return
        result = self._result(shape, name[0].upper() + name[1:])
        for p in self._pair_predicates(node, objs, name):

            def check(b: _Batch, f: Term, vals: Any, out: list | None, p: NamedNode = p) -> bool:
                passed = True
                other = b.objects(f, p)
                for v in vals:
                    for o in other:
                        if not _less(v, o, or_equal):
                            if out is None:
                                return False
                            passed = False
                            out.append(result(f, v))
                return passed

            shape.checks.append(_passes_without_values(check))

    def _c_lessThan(self, node: Term, shape: _Shape, objs: list) -> None:
        self._compare(node, shape, objs, "lessThan", False)

    def _c_lessThanOrEquals(self, node: Term, shape: _Shape, objs: list) -> None:
        self._compare(node, shape, objs, "lessThanOrEquals", True)

    def _operands(self, node: Term, objs: list, name: str, lists: bool) -> list[list[_Shape]]:
        groups = []
        for o in objs:
            items = self._list(o) if lists else [o]
            if items is None or (lists and not items):
                self._unsupported(node, f"sh:{name} is not a well-formed list")
                continue
            groups.append([self._shape(i) for i in dict.fromkeys(items)])
        return groups

    def _logical(self, shape: _Shape, component: str, groups: list[list[_Shape]], passes: Callable[[int, int], bool]) -> None:
        result = self._result(shape, component)
        for operands in groups:

            def check(b: _Batch, f: Term, vals: Any, out: list | None, operands: list = operands) -> bool:
                passed = True
                for v in vals:
                    hits = sum(1 for s in operands if _conforms(b, s, v))
                    if not passes(hits, len(operands)):
                        if out is None:
                            return False
                        passed = False
                        out.append(result(f, v))
                return passed

            shape.checks.append(_passes_without_values(check))

    def _c_or(self, node: Term, shape: _Shape, objs: list) -> None:
        self._logical(shape, "Or", self._operands(node, objs, "or", True), lambda hits, n: hits > 0)

    def _c_and(self, node: Term, shape: _Shape, objs: list) -> None:
        self._logical(shape, "And", self._operands(node, objs, "and", True), lambda hits, n: hits == n)

    def _c_xone(self, node: Term, shape: _Shape, objs: list) -> None:
        self._logical(shape, "Xone", self._operands(node, objs, "xone", True), lambda hits, n: hits == 1)

    def _c_not(self, node: Term, shape: _Shape, objs: list) -> None:
        for group in self._operands(node, objs, "not", False):
            self._logical(shape, "Not", [group], lambda hits, n: hits == 0)

    def _c_node(self, node: Term, shape: _Shape, objs: list) -> None:
        result = self._result(shape, "Node")
        for (target,) in self._operands(node, objs, "node", False):
            if target.is_property:
                self._unsupported(node, "sh:node points to a property shape (pyshacl refuses it)")
                continue

            def check(b: _Batch, f: Term, vals: Any, out: list | None, target: _Shape = target) -> bool:
                passed = True
                for v in vals:
                    nested: list = []
                    if not _evaluate(b, target, (v,), nested) or nested:
                        if out is None:
                            return False
                        passed = False
                        out.append(result(f, v))
                        out.extend(nested)  # pyshacl puts them in the report as sh:detail
                return passed

            shape.checks.append(_passes_without_values(check))

    def _c_property(self, node: Term, shape: _Shape, objs: list) -> None:
        children = [g[0] for g in self._operands(node, objs, "property", False)]
        for child in children:
            if not child.is_property:
                self._unsupported(node, "sh:property points to a shape without sh:path")

        def check(b: _Batch, pairs: list, out: list | None) -> bool:
            focus = [v for _f, vals in pairs for v in vals]
            passed = True
            for child in children:
                if not _evaluate(b, child, focus, out):
                    if out is None:
                        return False
                    passed = False
            return passed

        shape.batch_checks.append(check)

    def _c_sparql(self, node: Term, shape: _Shape, objs: list) -> None:
        for constraint in objs:
            compiled = _SparqlConstraint.compile(self, node, shape, constraint)
            if compiled is not None and not compiled.deactivated:
                shape.batch_checks.append(compiled.check)

    # -- running

    def evaluate(
        self,
        groups: Iterable[Iterable[Triple]],
        *,
        allow_warnings: bool = False,
        allow_infos: bool = False,
    ) -> tuple[bool, list[Result]]:
        """Validate the union of ``groups`` of triples (one group per record): (conforms, results).

        ``allow_warnings``/``allow_infos`` as in pyshacl: results of those severities do not make
        the data non-conforming (and shapes of those severities conform inside sh:or etc.).
        Raises NeedsReference if this batch needs the reference implementation.
        """
        allowed = set()
        if allow_infos or allow_warnings:
            allowed.add(_SH_INFO)
        if allow_warnings:
            allowed.add(_SH_WARNING)
        results: list[Result] = []
        conforms = True
        with _gc_paused():
            batch = _Batch(groups, frozenset(allowed))
            for shape in self.top:
                focus: dict[Term, None] = {}
                for target in shape.targets:
                    focus.update(dict.fromkeys(target(batch)))
                if focus and not _evaluate(batch, shape, list(focus), results):
                    conforms = False
        return conforms, results


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a batch is indexed and checked.

    The index is thousands of small dicts; each few hundred allocations start a collection that
    walks the whole heap of the process (the node's is large), which more than halves throughput.
    Nothing built here is cyclic, so reference counting frees it all; collection resumes after.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# ---------------------------------------------------------------------------------------------
# SPARQL-based constraints
# ---------------------------------------------------------------------------------------------

_TOKEN = re.compile(
    r"""(?P<ws>\s+)
    |(?P<comment>\#[^\n]*)
    |(?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    |(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    |(?P<var>[?$][A-Za-z0-9_\u00b7\u00c0-\uffff]+)
    |(?P<word>[A-Za-z_\u00c0-\uffff][\w\-.:\u00b7\u00c0-\uffff]*(?<!\.)|:[\w\-.\u00b7\u00c0-\uffff]*(?<!\.))
    |(?P<punct>.)""",
    re.X | re.S,
)
_REFUSED = {"MINUS", "VALUES", "SERVICE", "LIMIT", "OFFSET", "GROUP", "HAVING", "ORDER", "FROM", "GRAPH", "COUNT",
            "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT", "LOAD", "INSERT", "DELETE", "CONSTRUCT", "ASK", "DESCRIBE"}
_PYSHACL_PATH = re.compile(r"([\s{}()])[$?]PATH")


def _tokens(text: str) -> list[tuple[str, str, int]]:
    return [(m.lastgroup or "", m.group(), m.start()) for m in _TOKEN.finditer(text) if m.lastgroup not in ("ws", "comment")]


class _SparqlConstraint:
    """One sh:sparql constraint: its SELECT rewritten to run for all focus nodes of a batch at once."""

    def __init__(self) -> None:
        self.deactivated = False
        self.query = ""
        self.predicates: frozenset | None = None
        self.this_projected = True
        self.result: Callable[..., Result] = Result
        self.messages: tuple = ()
        self.node_shape = True
        self._shape_path: Term | None = None

    @classmethod
    def compile(cls, shapes: CompiledShapes, node: Term, shape: _Shape, constraint: Term) -> _SparqlConstraint | None:
        self = cls()

        def refuse(why: str) -> None:
            shapes._unsupported(node, f"SPARQL constraint: {why}")

        selects = shapes._objs(constraint, SH + "select")
        if len(selects) != 1 or not isinstance(selects[0], Literal) or selects[0].language is not None:
            refuse("needs exactly one sh:select string")
            return None
        for p in shapes._g.get(constraint, {}):
            if p.startswith(SH) and p not in (SH + "select", SH + "message", SH + "prefixes", SH + "deactivated"):
                refuse(f"{_short(p)} is not implemented")
                return None
        deact = shapes._one(constraint, SH + "deactivated")
        if deact is not None:
            if not (isinstance(deact, Literal) and deact.datatype == _XSD_BOOLEAN and deact.value in ("true", "false", "1", "0")):
                refuse("sh:deactivated is not a boolean")
                return None
            self.deactivated = _bool_value(deact.value)
        prefixes = _prefixes(shapes, constraint, refuse)
        if prefixes is None:
            return None
        text = selects[0].value
        if re.search(r"[\s{}()][$?](shapesGraph|currentShape)\b", text):
            refuse("$shapesGraph and $currentShape are not implemented")
            return None
        sparql_path = None
        if shape.path is not None:
            compiled = shapes._path(node, shape.path)
            if compiled is None:
                return None
            sparql_path = compiled[1]
            text = _PYSHACL_PATH.sub(lambda m: m.group(1) + sparql_path, text)
        elif _PYSHACL_PATH.search(text):
            refuse("$PATH on a node shape")
            return None
        tokens = _tokens(text)
        words = [t[1].upper() for t in tokens if t[0] == "word"]
        if words.count("SELECT") != 1 or any(w in _REFUSED for w in words):
            refuse("one plain SELECT without sub-queries, MINUS, VALUES, SERVICE, GRAPH, FROM, aggregates, "
                   "ORDER/GROUP BY, LIMIT or OFFSET is supported")
            return None
        for i, (kind, value, _pos) in enumerate(tokens[:-1]):
            if kind == "word" and value.upper() == "AS" and tokens[i + 1][0] == "var" and tokens[i + 1][1][1:] in ("this", "value", "path"):
                refuse(f"AS rebinds {tokens[i + 1][1]}")
                return None
        select_at = next(i for i, t in enumerate(tokens) if t[0] == "word" and t[1].upper() == "SELECT")
        brace_at = next((i for i, t in enumerate(tokens) if i > select_at and t[1] == "{"), None)
        if brace_at is None:
            refuse("no WHERE group")
            return None
        projection = tokens[select_at + 1:brace_at]
        if any(t[1] == "*" for t in projection):
            refuse("SELECT * is not implemented")
            return None
        self.this_projected = any(t[0] == "var" and t[1][1:] == "this" for t in projection)
        body = tokens[brace_at:]
        if not _flat_enough(body):
            refuse("FILTER or BIND inside a nested group (other than EXISTS) is not implemented")
            return None
        # Bind ?this to all focus nodes of the batch: they are listed in a graph of their own.
        insert_at = tokens[brace_at][2] + 1
        bind = f" GRAPH <{_FOCUS_GRAPH.value}> {{ <{_FOCUS_SUBJECT.value}> <{_FOCUS_SUBJECT.value}> ?this }} "
        text = text[:insert_at] + bind + text[insert_at:]
        if not self.this_projected:
            after = tokens[select_at][2] + len(tokens[select_at][1])
            if select_at + 1 < len(tokens) and tokens[select_at + 1][1].upper() in ("DISTINCT", "REDUCED"):
                after = tokens[select_at + 1][2] + len(tokens[select_at + 1][1])
            text = text[:after] + " ?this" + text[after:]
        header = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in prefixes.items())
        self.query = header + text
        self.predicates = _predicates(self.query)
        try:
            Store().query(self.query)
        except (SyntaxError, ValueError, OSError) as exc:
            refuse(f"the query does not parse in pyoxigraph: {str(exc).splitlines()[0]}")
            return None
        messages = [m for m in shapes._objs(constraint, SH + "message") if isinstance(m, Literal)]
        self.messages = tuple(m.value for m in messages) + tuple(m for m, _lang in shape.messages)
        self.node_shape = not shape.is_property
        comp = _sh("SPARQLConstraintComponent")
        self.result = lambda f, v, p, msgs: Result(f, shape.node, shape.severity, v, p, msgs, comp)
        self._shape_path = shape.path
        return self

    def check(self, batch: _Batch, pairs: list, out: list | None) -> bool:
        if not pairs:
            return True
        store = batch.store(self.predicates)
        store.clear_graph(_FOCUS_GRAPH)
        store.extend(Quad(_FOCUS_SUBJECT, _FOCUS_SUBJECT, f, _FOCUS_GRAPH) for f in dict.fromkeys(f for f, _v in pairs))
        rows: dict[Term, list] = {}
        solutions = cast(QuerySolutions, store.query(self.query))
        names = [v.value for v in solutions.variables]
        for solution in solutions:
            f = solution["this"]
            bound = {n: solution[n] for n in names if solution[n] is not None}
            found = rows.setdefault(f, [])
            if "failure" in bound:
                if True not in found:
                    found.append(True)
                continue
            t = bound.pop("this", None) if self.this_projected else None
            bound.pop("this", None)
            p, v = bound.pop("path", None), bound.pop("value", None)
            if t is None and p is None and v is None:
                continue
            key = (p, v, tuple(sorted(bound.items(), key=lambda kv: kv[0])))
            if key not in found:
                found.append(key)
        passed = True
        for f, _vals in pairs:
            for row in rows.get(f, ()):
                passed = False
                if out is None:
                    return False
                default = f if self.node_shape else None
                if row is True:
                    out.append(self.result(f, default, self._shape_path, self._format({}, f, None, None)))
                    continue
                p, v, extra = row
                value = v if v is not None else default
                out.append(self.result(f, value, p if p is not None else self._shape_path,
                                       self._format(dict(extra), f, p, value)))
        return passed

    def _format(self, bound: dict, this: Term, path: Term | None, value: Term | None) -> tuple:
        """Messages as pyshacl words them for SPARQL results: {?var} filled in, no language tag."""
        names = dict(bound)
        for k, term in (("this", this), ("path", path), ("value", value)):
            if term is not None:
                names[k] = term
        out = []
        for text in self.messages:
            for var, term in names.items():
                text = re.sub(f"{{[?$]{var}}}", term.value.replace("\\", "\\\\"), text)
            out.append((text, None))
        return tuple(out)


def _prefixes(shapes: CompiledShapes, constraint: Term, refuse: Callable[[str], None]) -> dict[str, str] | None:
    """The PREFIX declarations pyshacl prepends (rdf, rdfs, owl and the sh:declare of sh:prefixes)."""
    out = {"rdf": RDF, "rdfs": RDFS, "owl": OWL}
    values = shapes._objs(constraint, SH + "prefixes")
    if not values:
        return out
    ontologies = [s for s, po in shapes._g.items() if _OWL_ONTOLOGY in po.get(RDF + "type", [])]
    everywhere = [d for o in ontologies for d in shapes._objs(o, SH + "declare")]
    declared: dict[str, set[str]] = {}
    for value in values:
        own = shapes._objs(value, SH + "declare")
        for dec in own if (own and value in ontologies) else [*everywhere, *own]:
            names, namespaces = shapes._objs(dec, SH + "prefix"), shapes._objs(dec, SH + "namespace")
            if len(names) != 1 or len(namespaces) != 1 or not isinstance(names[0], Literal) or not isinstance(namespaces[0], Literal):
                refuse("ill-formed sh:declare")
                return None
            declared.setdefault(names[0].value, set()).add(namespaces[0].value)
    for prefix, spelled in declared.items():
        if len(spelled) != 1:
            refuse(f"prefix {prefix} declared with different namespaces")
            return None
        out[prefix] = next(iter(spelled))
    return out


def _flat_enough(body: list[tuple[str, str, int]]) -> bool:
    """True if no FILTER/BIND sits in a nested group other than (NOT) EXISTS of the WHERE group.

    A nested group is evaluated before it is joined with the focus nodes, so there a FILTER or BIND
    would not see ?this where pyshacl's pre-binding makes it visible; EXISTS is evaluated with the
    bindings of the solution at hand, so it sees ?this.
    """
    stack: list[str] = []  # per open brace: "top", "exists" or "other"
    prev = ""
    for kind, value, _pos in body:
        if value == "{":
            if not stack:
                stack.append("top")
            elif prev.upper() == "EXISTS" and stack[-1] in ("top", "exists"):
                stack.append("exists")
            else:
                stack.append("other")
        elif value == "}":
            if stack:
                stack.pop()
        elif kind == "word" and value.upper() in ("FILTER", "BIND") and stack and stack[-1] == "other":
            return False
        prev = value
    return True


def _predicates(query: str) -> frozenset | None:
    """The predicates the query can match, or None if it could match any triple.

    Read from rdflib's algebra of the query, at load time only. None for a variable in predicate
    position, a negated property set, a zero-length path (it matches every node of the graph) or a
    query rdflib does not parse: then the store holds the whole batch.
    """
    try:
        from rdflib import URIRef
        from rdflib.paths import AlternativePath, InvPath, MulPath, SequencePath
        from rdflib.plugins.sparql import prepareQuery
        from rdflib.plugins.sparql.algebra import translateGroupGraphPattern
        from rdflib.plugins.sparql.parserutils import CompValue

        algebra = prepareQuery(query).algebra
    except Exception:  # noqa: BLE001 - any parse problem: load everything, which is always correct
        return None
    preds: set[NamedNode] = set()

    class Any_(Exception):
        pass

    def path(p: object) -> None:
        if isinstance(p, URIRef):
            preds.add(NamedNode(str(p)))
        elif isinstance(p, (SequencePath, AlternativePath)):
            for a in p.args:
                path(a)
        elif isinstance(p, InvPath):
            path(p.arg)
        elif isinstance(p, MulPath) and p.mod == "+":
            path(p.path)
        else:  # Variable, NegatedPath, zero-length MulPath, anything unknown
            raise Any_

    def visit(node: object, depth: int = 0) -> None:
        if depth > 200:
            raise Any_
        if isinstance(node, CompValue):
            if node.name == "BGP":
                for _s, p, _o in node.get("triples") or ():
                    path(p)
            elif node.name in ("Builtin_EXISTS", "Builtin_NOTEXISTS"):  # left untranslated by rdflib
                visit(translateGroupGraphPattern(node["graph"]), depth + 1)
                return
            elif node.name in ("TriplesBlock", "GroupGraphPatternSub"):
                raise Any_
            for value in node.values():
                visit(value, depth + 1)
        elif isinstance(node, (list, tuple, set)):
            for value in node:
                visit(value, depth + 1)

    try:
        visit(algebra)
    except Any_:
        return None
    return frozenset(preds)


def _short(iri: str) -> str:
    for prefix, ns in (("sh:", SH), ("rdf:", RDF), ("rdfs:", RDFS), ("xsd:", XSD)):
        if iri.startswith(ns):
            return prefix + iri[len(ns):]
    return iri


def load(path: str) -> CompiledShapes:
    """Compile a Turtle shapes file."""
    from pyoxigraph import RdfFormat, parse

    return CompiledShapes(q.triple for q in parse(path=str(path), format=RdfFormat.TURTLE))

