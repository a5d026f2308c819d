"""Atom feeds (RFC 4287) of Börse entries, so that staff can subscribe without an account or e-mail.

Built with ElementTree, which escapes every text and attribute: titles and descriptions come from
peers and may hold anything. Only public entries go into a feed (feeds are read without signing in).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml; charset=utf-8"
MAX_ENTRIES = 50


@dataclass(frozen=True)
class FeedItem:
    id: str
    title: str
    link: str
    updated: str
    summary: str
    author: str


def _stamp(value: str) -> str:
    """An RFC 3339 timestamp (Atom requires a time zone)."""
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        parsed = datetime.fromtimestamp(0, UTC)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _clean(text: str) -> str:
    """Characters XML 1.0 cannot carry at all (control characters) are dropped, not escaped."""
    return "".join(c for c in text if c in "\t\n\r" or (ord(c) >= 0x20 and not 0xD800 <= ord(c) <= 0xDFFF and c not in "\ufffe\uffff"))


def feed(*, feed_id: str, title: str, self_link: str, page_link: str, items: Iterable[FeedItem]) -> bytes:
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "de"})
    entries = list(items)[:MAX_ENTRIES]
    ET.SubElement(root, f"{{{ATOM}}}id").text = feed_id
    ET.SubElement(root, f"{{{ATOM}}}title").text = _clean(title)
    ET.SubElement(root, f"{{{ATOM}}}updated").text = max((_stamp(i.updated) for i in entries), default=_stamp("1970-01-01T00:00:00+00:00"))
    ET.SubElement(root, f"{{{ATOM}}}link", {"rel": "self", "type": "application/atom+xml", "href": self_link})
    ET.SubElement(root, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": page_link})
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = _clean(title)
    for item in entries:
        entry = ET.SubElement(root, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = item.id
        ET.SubElement(entry, f"{{{ATOM}}}title").text = _clean(item.title)
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(item.updated)
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": item.link})
        who = ET.SubElement(entry, f"{{{ATOM}}}author")
        ET.SubElement(who, f"{{{ATOM}}}name").text = _clean(item.author) or "unbekannt"
        ET.SubElement(entry, f"{{{ATOM}}}summary", {"type": "text"}).text = _clean(item.summary)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False)
