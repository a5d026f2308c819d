"""Content negotiation: pick what to send from an Accept header."""

from __future__ import annotations

from collections.abc import Sequence


def _ranges(accept: str) -> list[tuple[str, float, int]]:
    out = []
    for index, part in enumerate(accept.split(",")):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        q = 1.0
        for param in pieces[1:]:
            if param.lower().startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if media:
            out.append((media, q, index))
    return out


def negotiate(accept: str | None, offered: Sequence[str], default: str | None = None) -> str | None:
    """The offered media type the client likes best, or None if none is acceptable (406).

    Each offer gets the q of the most specific range that matches it (exact, then ``type/*``,
    then ``*/*``). Highest q wins; ties go to the more specific match, then to the client's order,
    then to ``default``, then to our order. No header means ``default`` (or the first offer).
    """
    preferred = default or offered[0]
    if not accept or not accept.strip():
        return preferred
    ranges = _ranges(accept)
    best_key: tuple[float, int, int, int, int] | None = None
    choice = None
    for rank, offer in enumerate(offered):
        match: tuple[int, float, int] | None = None  # (specificity, q, client index)
        for media, q, index in ranges:
            if media == offer:
                specificity = 3
            elif media.endswith("/*") and media != "*/*" and offer.startswith(media[:-1]):
                specificity = 2
            elif media == "*/*":
                specificity = 1
            else:
                continue
            if match is None or specificity > match[0]:
                match = (specificity, q, index)
        if match is None or match[1] <= 0:
            continue
        key = (-match[1], -match[0], match[2], 0 if offer == preferred else 1, rank)
        if best_key is None or key < best_key:
            best_key, choice = key, offer
    return choice
