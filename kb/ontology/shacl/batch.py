"""The data graph of one validation run, indexed once so every shape runs over all its focus nodes."""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import Literal, NamedNode, Quad, Store, Triple

from kb.ontology.shacl.datatypes import REWRITTEN_BY_RDFLIB, as_rdflib_reads
from kb.ontology.shacl.terms import RDF_TYPE, RDFS_SUBCLASSOF, Term

Objects = dict[Term, None]  # an ordered set of objects
EMPTY: Objects = {}


class Batch:
    """The data graph of one validation run, indexed subject → predicate → objects (ordered sets)."""

    __slots__ = ("spo", "allowed", "_types", "_subs", "_supers", "_stores")

    def __init__(self, groups: Iterable[Iterable[Triple]], allowed: frozenset[NamedNode]) -> None:
        spo: dict[Term, dict[NamedNode, Objects]] = {}
        get = spo.get
        rewritten = REWRITTEN_BY_RDFLIB
        for triples in groups:
            for s, p, o in triples:
                if type(o) is Literal and o.datatype in rewritten:
                    o = as_rdflib_reads(o)
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
        self.allowed = allowed  # severities that do not make the data non-conforming
        self._types: dict[Term, Objects] | None = None
        self._subs: dict[Term, Objects] | None = None
        self._supers: dict[Term, Objects] = {}
        self._stores: dict[frozenset[NamedNode], Store] = {}

    def objects(self, s: Term, p: NamedNode) -> Objects:
        po = self.spo.get(s)
        return po.get(p, EMPTY) if po else EMPTY

    def subjects_of(self, p: NamedNode) -> Iterable[Term]:
        return (s for s, po in self.spo.items() if p in po)

    def objects_of(self, p: NamedNode) -> Iterable[Term]:
        for po in self.spo.values():
            objs = po.get(p)
            if objs:
                yield from objs

    def instances(self, cls: Term) -> Objects:
        """rdf:type cls, or rdf:type a transitive rdfs:subClassOf cls in the data graph (pyshacl)."""
        if self._types is None:
            types: dict[Term, Objects] = {}
            for s, po in self.spo.items():
                for t in po.get(RDF_TYPE, EMPTY):
                    types.setdefault(t, {})[s] = None
            self._types = types
        out = dict(self._types.get(cls, EMPTY))
        for sub in self._subclasses(cls):
            out.update(self._types.get(sub, EMPTY))
        return out

    def _subclasses(self, cls: Term) -> list[Term]:
        if self._subs is None:
            subs: dict[Term, Objects] = {}
            for s, po in self.spo.items():
                for sup in po.get(RDFS_SUBCLASSOF, EMPTY):
                    subs.setdefault(sup, {})[s] = None
            self._subs = subs
        if not self._subs:
            return []
        seen: Objects = {}
        todo = [cls]
        while todo:
            for s in self._subs.get(todo.pop(), EMPTY):
                if s not in seen and s != cls:
                    seen[s] = None
                    todo.append(s)
        return list(seen)

    def is_instance(self, v: Term, cls: Term) -> bool:
        types = self.objects(v, RDF_TYPE)
        return cls in types or any(cls in self._superclasses(t) for t in types)

    def _superclasses(self, t: Term) -> Objects:
        supers = self._supers.get(t)
        if supers is None:
            supers = {}
            todo = [t]
            while todo:
                for sup in self.objects(todo.pop(), RDFS_SUBCLASSOF):
                    if sup not in supers:
                        supers[sup] = None
                        todo.append(sup)
            self._supers[t] = supers
        return supers

    def store(self, predicates: frozenset[NamedNode]) -> Store:
        """An in-memory store with the triples whose predicate is in ``predicates``."""
        store = self._stores.get(predicates)
        if store is None:
            quads: list[Quad] = []
            add = quads.append
            for s, po in self.spo.items():
                if isinstance(s, Literal):
                    continue  # a subject is never a literal: the index only holds data triples
                for p, objs in po.items():
                    if p in predicates:
                        for o in objs:
                            add(Quad(s, p, o))
            store = Store()
            store.extend(quads)
            self._stores[predicates] = store
        return store
