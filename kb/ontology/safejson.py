"""JSON from outside, read safely: UTF-8 only, nesting limited, no lone surrogates.

Every JSON that reaches kb from outside (API bodies, ``kb import`` files, inbox notifications,
peers' node descriptions, JSON-LD documents) goes through :func:`check` before a parser sees it:

- it must be UTF-8 (RFC 8259; ``json.loads`` would also guess UTF-16 and UTF-32);
- it must not nest deeper than ``KB_MAX_NESTING`` (:mod:`kb.ontology.nesting`): Python's ``json``
  raises ``RecursionError`` at about 1,000 levels, pyoxigraph's JSON-LD parser crashes the
  process at a few thousand;
- it must not hold a lone surrogate escape (``"\\ud800"``). ``json`` turns one into a Python
  string that no UTF-8 encoder accepts, so it would fail far away (storing, signing, even writing
  the error answer). kb refuses it at the door rather than replacing it: a silent change of
  somebody's data is worse than a clear 400.
"""

from __future__ import annotations

import json
import re
from typing import Any

from kb.ontology.nesting import BadText, check_depth

_MAYBE_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")
_ESCAPE = re.compile(rb"\\(?:u([0-9a-fA-F]{4})|.)", re.DOTALL)


def _utf8(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadText(
            f"Das Dokument ({what}) ist kein gültiges UTF-8 (Byte {exc.start + 1}).",
            f"The {what} document is not valid UTF-8 (byte {exc.start + 1}).",
        ) from None


def lone_surrogate(data: bytes) -> bool:
    """Whether a JSON text has a ``\\uD800``–``\\uDFFF`` escape without its partner.

    Cheap when there is none (one regex search); otherwise the escapes are read in order, which
    also pairs escaped backslashes correctly (``\\\\ud800`` is text, not an escape).
    """
    if not _MAYBE_SURROGATE.search(data):
        return False
    high_ends_at = -1
    for m in _ESCAPE.finditer(data):
        code = int(m.group(1), 16) if m.group(1) else None
        if high_ends_at >= 0:
            if m.start() == high_ends_at and code is not None and 0xDC00 <= code <= 0xDFFF:
                high_ends_at = -1
                continue
            return True
        if code is not None and 0xD800 <= code <= 0xDBFF:
            high_ends_at = m.end()
        elif code is not None and 0xDC00 <= code <= 0xDFFF:
            return True
    return high_ends_at >= 0


def check(data: bytes, what: str = "JSON", *, max_depth: int | None = None) -> str:
    """The text of ``data`` if it is safe to hand to a JSON parser; else :class:`BadText` or ``TooDeep``."""
    text = _utf8(data, what)
    check_depth(data, "json", what, max_depth)
    if lone_surrogate(data):
        raise BadText(
            f"Das Dokument ({what}) enthält ein einzelnes Surrogat (\\uD800–\\uDFFF ohne Partner); "
            "das ist kein gültiges Zeichen. Bitte senden Sie den Text als UTF-8.",
            f"The {what} document contains a lone surrogate escape (\\uD800–\\uDFFF without its pair), "
            "which is not a valid character. Please send the text as UTF-8.",
        )
    return text


def loads(data: bytes | str, what: str = "JSON", *, max_depth: int | None = None) -> Any:
    """``json.loads`` for untrusted input: :func:`check` first, then the standard parser.

    Syntax errors stay ``json.JSONDecodeError`` (a ``ValueError`` with line and column); the
    refusals of :func:`check` are ``ValueError`` too, and carry a German and an English text.
    """
    if isinstance(data, str):
        try:
            data = data.encode("utf-8")
        except UnicodeEncodeError:
            raise BadText(f"Das Dokument ({what}) enthält ungültige Zeichen.", f"The {what} document contains invalid characters.") from None
    return json.loads(check(data, what, max_depth=max_depth))
