"""Upgrading a data directory from before kb followed the W3C specifications, once, on start
(docs/decisions.md "Data Integrity as specified" and "LDES as specified").

One pass over the change log does two things:

- **Re-signing.** Each of the node's own, not compacted versions whose proof is still in the old
  form (proof in the member's graph, untyped cryptosuite, sorted N-Triples) is signed anew with
  the same version number, time, visibility, erasure horizon and content, so its member IRI and
  stream position stay; only the proof changes. Harvested versions are left as their origin
  signed them (a relay cannot sign for another node); the harvester still accepts the old form,
  flagged, see ``ParsedMember.legacy``.
- **Stream times.** Entries written before kb kept the time it logged them get one: the running
  maximum of the versions' own times, so the stream's ``ldes:timestampPath`` never goes backwards.

A private document records that the pass is done, so later starts do not read the whole log again.
"""

from __future__ import annotations

import logging

from kb.federation.members import MemberError, parse_payload, sealer_for
from kb.federation.signing import NodeKey
from kb.ontology.namespaces import SEC
from kb.store.catalog import Catalog
from kb.store.model import later

log = logging.getLogger(__name__)

DONE = ("federation", "log-format")
FORMAT = "eddsa-rdfc-2022/proof-graph+stream-time"
BATCH = 500


def upgrade_log(catalog: Catalog, key: NodeKey, node_iri: str) -> tuple[int, int]:
    """Re-sign legacy own versions and add missing stream times; returns how many of each."""
    done = catalog.get_doc(*DONE)
    if isinstance(done, dict) and done.get("format") == FORMAT:
        return 0, 0
    seal = sealer_for(key, node_iri)
    payloads: dict[int, str] = {}
    times: dict[int, str] = {}
    resigned = timed = 0
    running = ""
    for seq in range(1, catalog.last_seq + 1):
        found = catalog.event(seq)
        if found is None:
            break
        event, payload = found
        if event.logged:
            running = later(running, event.logged) if running else event.logged
        else:
            running = later(running, event.timestamp) if running else event.timestamp
            times[seq] = running
        if event.local and not event.compacted and payload and f" {SEC.proof} _:" not in payload:
            try:
                old = parse_payload(event.member, payload)
            except MemberError as exc:  # pragma: no cover - the node wrote it itself
                log.warning("own version %s not re-signed: %s", event.member, exc)
                old = None
            if old is not None and old.legacy:
                payloads[seq] = seal(old.record, old.record_triples, version=old.version, kind=old.kind,
                                     timestamp=old.timestamp, visibility=old.visibility, erased_before=old.erased_before).payload
        if len(payloads) + len(times) >= BATCH:
            catalog.rewrite_entries(payloads, times)
            resigned, timed, payloads, times = resigned + len(payloads), timed + len(times), {}, {}
    catalog.rewrite_entries(payloads, times)
    resigned, timed = resigned + len(payloads), timed + len(times)
    catalog.put_docs({DONE: {"format": FORMAT, "resigned": resigned, "streamTimes": timed}})
    if resigned or timed:
        log.info("log upgraded: %d own versions re-signed (eddsa-rdfc-2022, proof graph), %d stream times added",
                 resigned, timed)
    return resigned, timed
