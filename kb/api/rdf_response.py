"""Answering with RDF in the format the client asked for."""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import Request
from fastapi.responses import Response
from pyoxigraph import Triple

from kb.api.conneg import negotiate
from kb.errors import KbError
from kb.ontology.rdfio import FORMATS, Format, serialize_graph

RDF_OFFERS = [f.media_type for f in FORMATS.values()]


class NotAcceptable(KbError):
    status = 406
    code = "not_acceptable"


def pick_format(request: Request, offers: Sequence[str], default: str) -> str:
    """One of ``offers`` to answer with; ``?format=ttl|jsonld|nt|rdf|trig|json|html`` overrides Accept.

    An override names one of the offers or is refused (406): ``?format=html`` on a resource that has
    no page must not reach a serializer that cannot write it. ``json`` where only RDF is offered
    means the JSON these triples have, JSON-LD. An unknown override is ignored, as before.
    """
    override = request.query_params.get("format")
    if override:
        wanted = next((f.media_type for f in FORMATS.values() if override in (f.name, f.extension, f.media_type)), None)
        if override in ("json", "html"):
            wanted = "application/json" if override == "json" else "text/html"
            if wanted not in offers and override == "json":
                wanted = "application/ld+json"
        if wanted is not None:
            if wanted in offers:
                return wanted
            raise _not_acceptable(offers)
    chosen = negotiate(request.headers.get("accept"), offers, default)
    if chosen is None:
        raise _not_acceptable(offers)
    return chosen


def _not_acceptable(offers: Sequence[str]) -> NotAcceptable:
    return NotAcceptable(
        "Dieses Format kann nicht geliefert werden. Möglich: " + ", ".join(offers),
        "Cannot answer in an acceptable format. Available: " + ", ".join(offers),
    )


def format_for(media_type: str) -> Format:
    return next(f for f in FORMATS.values() if f.media_type == media_type)


def rdf_response(triples: Sequence[Triple], media_type: str, *, graph_name: str | None = None, headers: dict[str, str] | None = None) -> Response:
    fmt = format_for(media_type)
    body = serialize_graph(triples, fmt, graph_name=graph_name)
    return Response(body, media_type=f"{fmt.media_type}; charset=utf-8" if fmt.media_type.startswith("text/") else fmt.media_type,
                    headers={"Vary": "Accept", **(headers or {})})


def alternates(url: str, offers: Sequence[str]) -> str:
    """A ``Link`` header value naming each representation of ``url`` (``rel="alternate"`` with its type).

    Each one is addressed with ``?format=``, which ``pick_format`` honours, so a client can follow
    the link without content negotiation.
    """
    names = {f.media_type: f.extension for f in FORMATS.values()} | {"application/json": "json", "text/html": "html"}
    sep = "&" if "?" in url else "?"
    return ", ".join(f'<{url}{sep}format={names[media]}>; rel="alternate"; type="{media}"' for media in offers if media in names)
