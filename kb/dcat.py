"""The node's catalogue in DCAT-AP.de: what GovData and the state open-data portals harvest.

A portal does not read LDES or SPARQL; it harvests a ``dcat:Catalog`` (``/catalog``) and shows
its datasets. kb describes the collection of cooperation projects of one operator as one
``dcat:Dataset`` ("Interkommunale Kooperationsprojekte – <operator>") with downloads (TriG, CSV,
JSON) and two data services (SPARQL, LDES). An aggregator adds one dataset per origin node it
holds records of, each with that origin's operator as publisher, so a portal credits the right
authority. The terms and vocabularies are those the official DCAT-AP 3.0.1 and DCAT-AP.de shapes
check (tests/dcat/); referenced concepts carry their type so that the range checks hold.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from kb.ontology.namespaces import STATE, Namespace

if TYPE_CHECKING:
    from kb.node import Node
    from kb.ontology.vocabulary import Vocabularies

DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_RESOURCE = NamedNode("http://www.w3.org/2000/01/rdf-schema#Resource")
XSD_DATE = NamedNode("http://www.w3.org/2001/XMLSchema#date")
XSD_DATETIME = NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")

EU = "http://publications.europa.eu/resource/authority/"
THEME_GOVE = NamedNode(EU + "data-theme/GOVE")
LANGUAGE_DEU = NamedNode(EU + "language/DEU")
ACCESS_PUBLIC = NamedNode(EU + "access-right/PUBLIC")
FREQUENCY_CONT = NamedNode(EU + "frequency/UPDATE_CONT")
FILE_TYPE = EU + "file-type/"
IANA = "https://www.iana.org/assignments/media-types/"
GEOCODING = "http://dcat-ap.de/def/politicalGeocoding/"
DEFAULT_LICENSE = "http://dcat-ap.de/def/licenses/dl-by-de/2.0"
SPARQL_PROTOCOL = NamedNode("https://www.w3.org/TR/sparql11-protocol/")
LDES_SPEC = NamedNode("https://w3id.org/ldes/specification")

DOWNLOADS = {
    "trig": ("RDF_TRIG", "application/trig", "TriG (alle Projekte als RDF, ein Graph je Projekt)", "TriG (every project as RDF)"),
    "csv": ("CSV", "text/csv", "CSV (eine Zeile je Projekt)", "CSV (one row per project)"),
    "json": ("JSON", "application/json", "JSON (die Übersicht aller Projekte)", "JSON (an overview of every project)"),
}
"""The downloads of every dataset: file name suffix -> (EU file type, media type, German and English title)."""

_LEVELS = {2: ("stateKey", "state"), 5: ("districtKey", "administrativeDistrict"), 8: ("municipalityKey", "municipality"),
           12: ("regionalKey", "municipality")}
"""Length of an official key (Land, Kreis, AGS, ARS) -> its DCAT-AP.de geocoding list and level."""


@dataclass(frozen=True)
class Publisher:
    """Who publishes one dataset: the operator of the node the records come from."""

    node: str
    """The node IRI ({base}/node)."""
    name: str
    state_key: str = ""
    """The official key of the operator's area: 2 (Land), 5 (Kreis), 8 (AGS) or 12 (ARS) digits; "" unknown."""
    state_iri: str = ""
    """The Land concept (https://w3id.org/ikz-kb/vocab/land/NW) or ""."""


@dataclass(frozen=True)
class DatasetFacts:
    """What the catalogue says about the records of one origin node."""

    publisher: Publisher
    records: int
    first_created: str
    """Earliest creation time (ISO 8601) of a record in it: the start of the temporal coverage."""
    last_modified: str
    local: bool
    """True for this node's own records."""


@dataclass(frozen=True)
class CatalogueFacts:
    base_url: str
    name: str
    license: str
    contact_email: str
    own: Publisher
    datasets: tuple[DatasetFacts, ...]


def geocoding(key: str) -> tuple[NamedNode, NamedNode] | None:
    """The DCAT-AP.de political geocoding URI and level for an official key, or None."""
    found = _LEVELS.get(len(key)) if key.isdigit() else None
    if found is None:
        return None
    kind, level = found
    return NamedNode(f"{GEOCODING}{kind}/{key}"), NamedNode(f"{GEOCODING}Level/{level}")


def dataset_iri(base_url: str, facts: DatasetFacts) -> NamedNode:
    if facts.local:
        return NamedNode(f"{base_url}/catalog#projekte")
    return NamedNode(f"{base_url}/catalog#projekte-{_short(facts.publisher.node)}")


def download_url(base_url: str, facts: DatasetFacts, suffix: str) -> str:
    query = "" if facts.local else "?herkunft=" + quote(facts.publisher.node, safe="")
    return f"{base_url}/catalog/projekte.{suffix}{query}"


def _short(iri: str) -> str:
    return hashlib.sha256(iri.encode()).hexdigest()[:12]


def _date(timestamp: str) -> Literal:
    return Literal(timestamp[:10], datatype=XSD_DATE)


def _datetime(timestamp: str) -> Literal:
    return Literal(timestamp, datatype=XSD_DATETIME) if "T" in timestamp else _date(timestamp)


def _de(text: str) -> Literal:
    return Literal(text, language="de")


def _en(text: str) -> Literal:
    return Literal(text, language="en")


class CatalogueGraph:
    """Builds the triples of ``/catalog`` from ``CatalogueFacts`` (no store access: the node gathers the facts)."""

    def __init__(self, facts: CatalogueFacts) -> None:
        self.facts = facts
        self.base = facts.base_url
        self.out: list[Triple] = []
        self._typed: set[tuple[str, str]] = set()

    def add(self, s: NamedNode | BlankNode, p: NamedNode, o: NamedNode | BlankNode | Literal) -> None:
        self.out.append(Triple(s, p, o))

    def typed(self, node: NamedNode, cls: NamedNode) -> NamedNode:
        """A referenced resource with its class, once (the DCAT-AP range shapes check the class)."""
        if (node.value, cls.value) not in self._typed:
            self._typed.add((node.value, cls.value))
            self.add(node, RDF_TYPE, cls)
        return node

    def build(self) -> list[Triple]:
        f = self.facts
        catalog = NamedNode(f"{self.base}/catalog")
        self.add(catalog, RDF_TYPE, DCAT.Catalog)
        self.add(catalog, DCT.title, _de(f"Wissensnetz interkommunale Zusammenarbeit – {f.name}"))
        self.add(catalog, DCT.title, _en(f"Knowledge network for inter-municipal cooperation – {f.name}"))
        self.add(catalog, DCT.description, _de(
            "Projekte der interkommunalen Zusammenarbeit als offene Daten: wer mit wem welche Aufgabe gemeinsam "
            "erledigt, in welcher Rechtsform und seit wann. Veröffentlicht von einem Knoten des Wissensnetzes (kb)."))
        self.add(catalog, DCT.description, _en(
            "Inter-municipal cooperation projects as open data: who works together with whom on which task, in which "
            "legal form and since when. Published by a node of the kb knowledge network."))
        self.add(catalog, DCT.publisher, self.agent(f.own))
        self.add(catalog, FOAF.homepage, self.typed(NamedNode(f"{self.base}/"), FOAF.Document))
        self.add(catalog, DCT.language, self.typed(LANGUAGE_DEU, DCT.LinguisticSystem))
        self.add(catalog, DCT.license, self.license())
        modified = max((d.last_modified for d in f.datasets), default="")
        if modified:
            self.add(catalog, DCT.modified, _datetime(modified))
        if f.own.state_iri:
            self.add(catalog, DCT.spatial, self.typed(NamedNode(f.own.state_iri), DCT.Location))
        sparql = self.service("sparql", "SPARQL-Endpunkt", "SPARQL endpoint", SPARQL_PROTOCOL, f"{self.base}/sparql")
        ldes = self.service("ldes", "Änderungsstrom (LDES)", "Change stream (Linked Data Event Stream)", LDES_SPEC, f"{self.base}/ldes")
        self.add(catalog, DCAT.service, sparql)
        self.add(catalog, DCAT.service, ldes)
        for facts in f.datasets:
            dataset = self.dataset(facts)
            self.add(catalog, DCAT.dataset, dataset)
            self.add(sparql, DCAT.servesDataset, dataset)
            self.add(ldes, DCAT.servesDataset, dataset)
        return _by_subject(self.out)

    def license(self) -> NamedNode:
        return self.typed(NamedNode(self.facts.license), DCT.LicenseDocument)

    def agent(self, who: Publisher) -> NamedNode:
        agent = NamedNode(f"{who.node}#betreiber")
        if (agent.value, "agent") not in self._typed:
            self._typed.add((agent.value, "agent"))
            self.add(agent, RDF_TYPE, FOAF.Agent)
            self.add(agent, RDF_TYPE, FOAF.Organization)
            self.add(agent, FOAF.name, _de(who.name))
        return agent

    def contact(self, who: Publisher, local: bool) -> BlankNode:
        point = BlankNode()
        self.add(point, RDF_TYPE, VCARD.Kind)
        self.add(point, RDF_TYPE, VCARD.Organization)
        self.add(point, VCARD.fn, Literal(who.name))
        if local and self.facts.contact_email:
            self.add(point, VCARD.hasEmail, NamedNode("mailto:" + self.facts.contact_email))
        base = who.node.removesuffix("/node")
        self.add(point, VCARD.hasURL, NamedNode(f"{base}/impressum" if local else f"{base}/"))
        return point

    def service(self, name: str, title_de: str, title_en: str, standard: NamedNode, endpoint: str) -> NamedNode:
        service = NamedNode(f"{self.base}/catalog#{name}")
        self.add(service, RDF_TYPE, DCAT.DataService)
        self.add(service, DCT.title, _de(f"{title_de} – {self.facts.name}"))
        self.add(service, DCT.title, _en(f"{title_en} – {self.facts.name}"))
        self.add(service, DCAT.endpointURL, self.typed(NamedNode(endpoint), RDFS_RESOURCE))
        self.add(service, DCAT.endpointDescription, self.typed(NamedNode(endpoint), RDFS_RESOURCE))
        self.add(service, DCT.conformsTo, self.typed(standard, DCT.Standard))
        self.add(service, DCT.publisher, self.agent(self.facts.own))
        self.add(service, DCT.license, self.license())
        self.add(service, DCT.accessRights, self.typed(ACCESS_PUBLIC, DCT.RightsStatement))
        return service

    def dataset(self, facts: DatasetFacts) -> NamedNode:
        who = facts.publisher
        dataset = dataset_iri(self.base, facts)
        self.add(dataset, RDF_TYPE, DCAT.Dataset)
        self.add(dataset, DCT.title, _de(f"Interkommunale Kooperationsprojekte – {who.name}"))
        self.add(dataset, DCT.title, _en(f"Inter-municipal cooperation projects – {who.name}"))
        self.add(dataset, DCT.description, _de(
            f"{facts.records} Projekte der interkommunalen Zusammenarbeit, veröffentlicht von {who.name}: Beteiligte "
            "Kommunen, Aufgabenbereich, Rechtsform, Stand und Ansprechpartner, als Linked Data nach der Ontologie "
            "https://w3id.org/ikz-kb/ontology."))
        self.add(dataset, DCT.description, _en(
            f"{facts.records} inter-municipal cooperation projects published by {who.name}: participating "
            "municipalities, task area, legal form and status, as Linked Data."))
        self.add(dataset, DCT.identifier, Literal(dataset.value))
        self.add(dataset, DCT.publisher, self.agent(who))
        self.add(dataset, DCAT.contactPoint, self.contact(who, facts.local))
        self.add(dataset, DCAT.theme, self.typed(THEME_GOVE, SKOS.Concept))
        self.add(dataset, DCAT.keyword, _de("Interkommunale Zusammenarbeit"))
        self.add(dataset, DCAT.keyword, _de("Verwaltungskooperation"))
        self.add(dataset, DCT.language, self.typed(LANGUAGE_DEU, DCT.LinguisticSystem))
        self.add(dataset, DCT.accessRights, self.typed(ACCESS_PUBLIC, DCT.RightsStatement))
        self.add(dataset, DCT.license, self.license())  # DCAT-AP puts it on the distributions (below); stated here too for readers
        self.add(dataset, DCT.accrualPeriodicity, self.typed(FREQUENCY_CONT, DCT.Frequency))
        self.add(dataset, DCT.modified, _datetime(facts.last_modified))
        self.add(dataset, DCAT.landingPage, self.typed(NamedNode(f"{self.base}/suche" if facts.local else f"{who.node.removesuffix('/node')}/"),
                                                      FOAF.Document))
        if facts.first_created:
            period = BlankNode()
            self.add(period, RDF_TYPE, DCT.PeriodOfTime)
            self.add(period, DCAT.startDate, _date(facts.first_created))
            self.add(dataset, DCT.temporal, period)
        if who.state_iri:
            self.add(dataset, DCT.spatial, self.typed(NamedNode(who.state_iri), DCT.Location))
        located = geocoding(who.state_key)
        if located is not None:  # dct:spatial is DCAT-AP.de 3.0's way; politicalGeocodingURI (deprecated there) for older harvesters
            self.add(dataset, DCT.spatial, self.typed(located[0], DCT.Location))
            self.add(dataset, DCATDE.politicalGeocodingURI, located[0])
            self.add(dataset, DCATDE.politicalGeocodingLevelURI, located[1])
        for suffix in DOWNLOADS:
            self.add(dataset, DCAT.distribution, self.distribution(facts, suffix))
        return dataset

    def distribution(self, facts: DatasetFacts, suffix: str) -> NamedNode:
        file_type, media, title_de, title_en = DOWNLOADS[suffix]
        url = NamedNode(download_url(self.base, facts, suffix))
        distribution = NamedNode(f"{dataset_iri(self.base, facts).value}-{suffix}")
        self.add(distribution, RDF_TYPE, DCAT.Distribution)
        self.add(distribution, DCT.title, _de(title_de))
        self.add(distribution, DCT.title, _en(title_en))
        self.add(distribution, DCAT.accessURL, url)
        self.add(distribution, DCAT.downloadURL, url)
        self.add(distribution, DCT.format, self.typed(NamedNode(FILE_TYPE + file_type), DCT.MediaTypeOrExtent))
        self.add(distribution, DCAT.mediaType, self.typed(NamedNode(IANA + media), DCT.MediaType))
        self.add(distribution, DCT.license, self.license())
        self.add(distribution, DCATDE.licenseAttributionByText, _de(f"{facts.publisher.name}, über {self.facts.name}"))
        self.add(distribution, DCT.modified, _datetime(facts.last_modified))
        return distribution


def _by_subject(triples: list[Triple]) -> list[Triple]:
    """The triples grouped by subject (in order of first appearance), so that Turtle writes each resource once."""
    groups: dict[object, list[Triple]] = {}
    for t in triples:
        groups.setdefault(t.subject, []).append(t)
    return [t for group in groups.values() for t in group]


def state_parts(vocabularies: Vocabularies, code: str) -> tuple[str, str]:
    """(Land concept IRI, two-digit official key) of a Bundesland code such as ``NW``; ("", "") if unknown."""
    concept = vocabularies.concept(STATE[code].value) if code else None
    if concept is None:
        return "", ""
    key = next((n for n in concept.notations if n.isdigit() and len(n) == 2), "")
    return concept.iri, key


_STATS: dict[str, tuple[int, dict[str, tuple[int, str, str]]]] = {}
"""Per node: (change-log position, per origin (records, first created, last modified)), so that a
crawler asking for /catalog again and again costs one pass over the records per change, not per request."""


def origin_stats(node: Node) -> dict[str, tuple[int, str, str]]:
    """Public current records per origin node: (count, earliest creation, latest modification)."""
    seq = node.catalog.last_seq
    hit = _STATS.get(node.iri)
    if hit is not None and hit[0] == seq:
        return hit[1]
    stats: dict[str, tuple[int, str, str]] = {}
    for record in node.catalog.iter_live_records(include_network=False):
        meta = node.catalog.meta(record)
        if meta is None:
            continue
        count, first, last = stats.get(meta.origin, (0, "", ""))
        first = meta.created if meta.created and (not first or meta.created < first) else first
        last = max(last, meta.modified or "")
        stats[meta.origin] = (count + 1, first, last)
    _STATS[node.iri] = (seq, stats)
    return stats


def catalogue_facts(node: Node) -> CatalogueFacts:
    """What ``/catalog`` says, from the node's settings, its peers and its public records."""
    s = node.settings
    stats = origin_stats(node)
    counts = {origin: v[0] for origin, v in stats.items()}
    first = {origin: v[1] for origin, v in stats.items()}
    last = {origin: v[2] for origin, v in stats.items()}
    state_iri, state_key = state_parts(node.vocabularies, s.state)
    own = Publisher(node.iri, s.operator or s.name, s.operator_ags or state_key, state_iri)
    datasets = [DatasetFacts(own, counts.get(node.iri, 0), first.get(node.iri, ""), last.get(node.iri, "") or _started(node), True)]
    for origin in sorted(o for o in counts if o != node.iri):
        peer = node.federation.peer_for_node(origin)
        name = (peer.operator or peer.name) if peer is not None else (node.node_name(origin) or origin.removesuffix("/node"))
        peer_state_iri, peer_key = state_parts(node.vocabularies, peer.state) if peer is not None else ("", "")
        datasets.append(DatasetFacts(Publisher(origin, name, peer_key, peer_state_iri), counts[origin], first.get(origin, ""),
                                     last[origin], False))
    return CatalogueFacts(node.base_url, s.name, s.license, s.contact_email, own, tuple(datasets))


def _started(node: Node) -> str:
    """The modification date of an empty dataset: when the node's store was made (its key file)."""
    from datetime import UTC, datetime

    made = (node.settings.data_dir / "node.key").stat().st_mtime
    return datetime.fromtimestamp(made, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
