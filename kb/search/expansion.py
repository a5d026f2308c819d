"""Query expansion from the ontology: SKOS labels name concepts, search terms bridge English.

A query word (or phrase) that equals a prefLabel or altLabel of a task area or legal form, in
German or English, folded and stemmed, also as a part of a compound ("Standesamtsverbund" holds
"Standesamt"), adds that concept: records carrying it score higher. The search-term scheme
(``kb/ontology/vocabularies/suchbegriffe.ttl``) adds German words to the lexical query: those of a
concept whose English altLabel the query holds, at full weight, and those of a concept whose
everyday hiddenLabel it holds, at a lower weight.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pyoxigraph import Literal

from kb.ontology.namespaces import SEARCH_TERM, SKOS
from kb.ontology.terms import value
from kb.ontology.text import fold
from kb.ontology.vocabulary import Concept, Vocabularies
from kb.search.analysis import GermanAnalyzer, tokens

EXPANDED_SCHEMES = ("taskArea", "legalForm")
USE_EVERYDAY = True


@dataclass(frozen=True)
class ConceptMatch:
    scheme: str
    iri: str
    code: str
    label: str
    matched: str
    """The label that matched, as written in the vocabulary."""


@dataclass
class Expansion:
    concepts: list[ConceptMatch] = field(default_factory=list)
    translations: list[tuple[str, str]] = field(default_factory=list)
    """(English phrase, German words) pairs added to the lexical query."""
    synonyms: list[tuple[str, str]] = field(default_factory=list)
    """(everyday word, administrative words) pairs added to the lexical query at lower weight."""

    def as_json(self) -> list[dict[str, str]]:
        out = [{"kind": "concept", "scheme": c.scheme, "id": c.iri, "code": c.code, "label": c.label, "matched": c.matched}
               for c in self.concepts]
        out += [{"kind": "translation", "matched": en, "label": de} for en, de in self.translations]
        out += [{"kind": "synonym", "matched": word, "label": words} for word, words in self.synonyms]
        return out


def search_terms(vocabularies: Vocabularies) -> tuple[dict[str, str], dict[str, str]]:
    """(English phrase → German words, everyday German word → German words) from the search-term
    scheme: altLabel@en and hiddenLabel@de of each concept, to its prefLabel@de."""
    labels: dict[str, dict[str, list[Literal]]] = {}
    for q in vocabularies.quads:
        if SEARCH_TERM.local_name(value(q.subject)) and isinstance(q.object, Literal):
            labels.setdefault(value(q.subject), {}).setdefault(q.predicate.value, []).append(q.object)
    english: dict[str, str] = {}
    everyday: dict[str, str] = {}
    for props in labels.values():
        german = next((lit.value for lit in props.get(SKOS.prefLabel.value, []) if lit.language == "de"), None)
        if not german:
            continue
        for lit in props.get(SKOS.altLabel.value, []):
            if lit.language == "en":
                english.setdefault(fold(lit.value), german)
        for lit in props.get(SKOS.hiddenLabel.value, []):
            everyday.setdefault(fold(lit.value), german)
    return english, everyday


def _contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return n > 0 and any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


class ConceptMatcher:
    """Finds the task areas and legal forms a query names. Built per analyser (lexicon)."""

    def __init__(self, vocabularies: Vocabularies, analyzer: GermanAnalyzer) -> None:
        self.analyzer = analyzer
        self._labels: list[tuple[list[str], list[str], str, Concept, str]] = []
        for scheme in EXPANDED_SCHEMES:
            for concept in vocabularies[scheme]:
                labels = [*concept.pref_labels.values(), *(label for label, _ in concept.alt_labels)]
                for label in dict.fromkeys(labels):
                    whole, split = analyzer.sequences(label)
                    if whole:
                        self._labels.append((whole, split, label, concept, scheme))
        english, everyday = search_terms(vocabularies)
        self._glossary = sorted(((k.split(), v) for k, v in english.items()), key=lambda kv: -len(kv[0]))
        self._everyday = sorted(((k.split(), v) for k, v in everyday.items()), key=lambda kv: -len(kv[0]))
        self.glossary_words = frozenset(word for phrase in (*english, *everyday) for word in phrase.split())
        """Every word of the search-term labels (English and everyday German): real words, never to be
        "corrected" toward an index word ("registry" is not a misspelling of "Register")."""

    def concepts(self, query: str) -> list[ConceptMatch]:
        whole, split = self.analyzer.sequences(query)
        found: dict[str, ConceptMatch] = {}
        for label_whole, label_split, label, concept, scheme in self._labels:
            if concept.iri in found:
                continue
            if any(_contains(q, lab) for q in (whole, split) for lab in (label_whole, label_split)):
                found[concept.iri] = ConceptMatch(scheme, concept.iri, concept.code, concept.label("de"), label)
        return list(found.values())

    def translations(self, query: str, everyday: bool = False) -> list[tuple[str, str]]:
        """Glossary phrases in the query (longest first, no overlaps) with their German words."""
        words = fold(query).split()
        used = [False] * len(words)
        out: list[tuple[str, str]] = []
        for phrase, german in (self._everyday if everyday else self._glossary):
            n = len(phrase)
            for i in range(len(words) - n + 1):
                if words[i:i + n] == phrase and not any(used[i:i + n]):
                    used[i:i + n] = [True] * n
                    out.append((" ".join(phrase), german))
        return out

    def expand(self, query: str) -> Expansion:
        translations = self.translations(query)
        synonyms = self.translations(query, everyday=True) if USE_EVERYDAY else []
        concepts = self.concepts(query)
        if translations:  # the German words may name concepts too ("Standesamt" for "registry office")
            known = {c.iri for c in concepts}
            for _, german in translations:
                for c in self.concepts(german):
                    if c.iri not in known:
                        known.add(c.iri)
                        concepts.append(c)
        return Expansion(concepts, translations, synonyms)


def is_searchable(query: str) -> bool:
    """Whether a query has any word left after folding and stop words."""
    return bool(tokens(query))
