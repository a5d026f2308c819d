"""Folding German text for matching: case, umlauts and ß, punctuation.

One function so that the vocabulary, the register and the search analyser agree on when two
spellings are the same word ("Lebensmittelüberwachung" = "lebensmittelueberwachung").
"""

from __future__ import annotations

import re
import unicodedata

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})
_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower-case, umlauts spelled out (ä → ae), other accents dropped, punctuation as spaces.

    >>> fold("Lebensmittelüberwachung, Kfz-Zulassung")
    'lebensmittelueberwachung kfz zulassung'
    >>> fold("Bad Sassendorf") == fold("bad-sassendorf")
    True
    """
    lowered = unicodedata.normalize("NFC", text).lower().translate(_UMLAUTS)
    stripped = "".join(ch for ch in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", stripped).strip()


def slug(text: str, max_length: int = 48) -> str:
    """A readable IRI segment from a title: ``Standesamtverbund Hellweg`` → ``standesamtverbund-hellweg``."""
    words = fold(text).split()
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > max_length:
            break
        out = candidate
    return out or "projekt"
