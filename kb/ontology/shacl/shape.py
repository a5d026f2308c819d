"""A compiled shape and how it runs over the focus nodes of a batch.

A shape is a list of checks. A ``Check`` looks at one focus node and its value nodes; a
``BatchCheck`` (``sh:property``, SPARQL) looks at all focus nodes at once. Both return False if
something fails and, given a list, append one result per failure (no list: conformance only).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence

from pyoxigraph import NamedNode

from kb.ontology.shacl.batch import EMPTY, Batch
from kb.ontology.shacl.terms import SH_VIOLATION, Result, Term, sh

Values = Collection[Term]
Pairs = list[tuple[Term, Values]]  # (focus node, its value nodes)
Check = Callable[[Batch, Term, Values, "list[Result] | None"], bool]
BatchCheck = Callable[[Batch, Pairs, "list[Result] | None"], bool]


class Shape:
    """A node or property shape with its targets and checks, compiled from the shapes graph."""

    __slots__ = ("node", "path", "predicate", "values", "severity", "messages", "checks", "skip_empty",
                 "batch_checks", "targets")

    def __init__(self, node: Term) -> None:
        self.node = node
        self.path: Term | None = None  # the sh:path of a property shape, None for a node shape
        self.predicate: NamedNode | None = None  # set when the path is a single predicate
        self.values: Callable[[Batch, Term], Values] = _self_value
        self.severity: NamedNode = SH_VIOLATION
        self.messages: tuple[tuple[str, str | None], ...] = ()
        self.checks: list[Check] = []
        # Checks that hold for a focus node without values (they look at each value, or bound their
        # number from above): most optional fields are absent from most records, so skip those.
        self.skip_empty: list[bool] = []
        self.batch_checks: list[BatchCheck] = []
        self.targets: list[Callable[[Batch], Iterable[Term]]] = []

    @property
    def is_property(self) -> bool:
        return self.path is not None

    def add(self, check: Check, *, skips_empty: bool) -> None:
        self.checks.append(check)
        self.skip_empty.append(skips_empty)

    def result(self, component: str) -> Callable[[Term, Term | None], Result]:
        """A factory of this shape's results for one constraint component."""
        comp = sh(component + "ConstraintComponent")
        node, severity, path, messages = self.node, self.severity, self.path, self.messages
        return lambda f, v: Result(f, node, severity, v, path, messages, comp)


def _self_value(batch: Batch, f: Term) -> Values:
    return (f,)


def _pairs(batch: Batch, shape: Shape, focus: Sequence[Term]) -> Pairs:
    p = shape.predicate
    if p is not None:
        get = batch.spo.get
        return [(f, po.get(p, EMPTY) if (po := get(f)) else EMPTY) for f in focus]
    if shape.path is None:
        return [(f, (f,)) for f in focus]
    values = shape.values
    return [(f, values(batch, f)) for f in focus]


def evaluate(batch: Batch, shape: Shape, focus: Sequence[Term], out: list[Result] | None) -> bool:
    """Validate ``focus`` against ``shape``; results go to ``out`` (None: conformance only).

    A shape whose severity the caller allows (warnings, infos) conforms, as in pyshacl, also
    inside ``sh:or``, ``sh:not`` and ``sh:property``.
    """
    allowed = shape.severity in batch.allowed
    if (out is None and allowed) or not (shape.checks or shape.batch_checks):
        return True
    ok = True
    pairs = _pairs(batch, shape, focus)
    filled: Pairs | None = None
    for check, skips_empty in zip(shape.checks, shape.skip_empty, strict=True):
        todo = pairs
        if skips_empty:
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


def conforms(batch: Batch, shape: Shape, v: Term) -> bool:
    """Does ``v`` conform to ``shape``? (``evaluate`` for one node, without results or lists)."""
    if shape.severity in batch.allowed:
        return True
    if shape.batch_checks:
        return evaluate(batch, shape, (v,), None)
    vals: Values
    if shape.predicate is not None:
        vals = batch.objects(v, shape.predicate)
    elif shape.path is None:
        vals = (v,)
    else:
        vals = shape.values(batch, v)
    return all(check(batch, v, vals, None) for check in shape.checks)
