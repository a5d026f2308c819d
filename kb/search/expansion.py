"""Query expansion from the ontology: SKOS labels name concepts, the glossary bridges English.

A query word (or phrase) that equals a prefLabel or altLabel of a task area or legal form, in
German or English, folded and stemmed, also as a part of a compound ("Standesamtsverbund" holds
"Standesamt"), adds that concept: records carrying it score higher. English phrases of the
glossary add their German words to the lexical query.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kb.ontology.text import fold
from kb.ontology.vocabulary import Concept, Vocabularies
from kb.search.analysis import GermanAnalyzer, tokens
from kb.search.glossary import EVERYDAY, GLOSSARY

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
        self._glossary = sorted(((fold(k).split(), v) for k, v in GLOSSARY.items()), key=lambda kv: -len(kv[0]))
        self._everyday = sorted(((fold(k).split(), v) for k, v in EVERYDAY.items()), key=lambda kv: -len(kv[0]))

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
