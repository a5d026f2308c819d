"""The shapes graph validated by the compiled evaluator where it can, and by pyshacl for the rest."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from pyoxigraph import Triple

from kb.gcpause import gc_paused
from kb.ontology.shacl.batch import Batch
from kb.ontology.shacl.compiler import CompiledShapes
from kb.ontology.shacl.reference import Reference, to_rdflib
from kb.ontology.shacl.shape import evaluate
from kb.ontology.shacl.terms import SH_INFO, SH_WARNING, Result, Term, name_of

log = logging.getLogger(__name__)


class Shapes:
    """Validates batches of records against one shapes graph.

    With ``compiled`` (the default) every shape the evaluator compiles runs in it and pyshacl
    validates only the other shapes (logged once, here); without, pyshacl validates everything.
    """

    def __init__(self, triples: Iterable[Triple], *, compiled: bool = True, name: str = "shapes") -> None:
        triples = list(triples)
        self.compiled = CompiledShapes(triples) if compiled else None
        self.fallback: dict[Term, list[str]] = {}
        self.reference: Reference | None = None
        if self.compiled is None:
            self.reference = Reference(to_rdflib(triples))
        elif self.compiled.fallback:
            self.fallback = self.compiled.fallback
            self.reference = Reference(to_rdflib(self.compiled.fallback_triples()))
            log.warning("SHACL: %d shape(s) of %s use what the fast evaluator does not compile; pyshacl validates "
                        "them: %s", len(self.fallback), name, self.fallback_reason)

    @property
    def fallback_reason(self) -> str | None:
        """Which shapes pyshacl validates and why, in one line (None if the evaluator runs all)."""
        if not self.fallback:
            return None
        return "; ".join(f"{name_of(node)} ({', '.join(reasons)})" for node, reasons in self.fallback.items())

    def results(self, groups: Iterable[Iterable[Triple]], *, allow_warnings: bool = False,
                allow_infos: bool = False) -> tuple[bool, list[Result]]:
        """Validate the union of ``groups`` of triples (one group per record): (conforms, results).

        ``allow_warnings``/``allow_infos`` as in pyshacl: results of those severities do not make
        the data non-conforming (and shapes of those severities conform inside sh:or etc.).
        """
        groups = [list(g) for g in groups] if self.reference is not None and self.compiled is not None else groups
        conforms = True
        results: list[Result] = []
        if self.compiled is not None:
            allowed = {SH_INFO} if allow_infos or allow_warnings else set()
            if allow_warnings:
                allowed.add(SH_WARNING)
            with gc_paused():
                batch = Batch(groups, frozenset(allowed))
                for shape in self.compiled.top:
                    focus: dict[Term, None] = {}
                    for target in shape.targets:
                        focus.update(dict.fromkeys(target(batch)))
                    if focus and not evaluate(batch, shape, list(focus), results):
                        conforms = False
        if self.reference is not None:
            ok, more = self.reference.results(groups, allow_warnings=allow_warnings, allow_infos=allow_infos)
            conforms, results = conforms and ok, results + more
        return conforms, results
