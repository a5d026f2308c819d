"""Phone numbers as people read them: "02947 8880", "+31 20 123 4567" (display only).

The record keeps the number as digits in a ``tel:`` IRI (``tel:029478880``), the form that
``kb erase --match`` looks for, so the stored form does not change; pages format it here, in one
place, with libphonenumber (``phonenumbers``), which knows the length of every German area code
(``02947`` Warstein-Belecke, ``0221`` Köln). German numbers are shown in the national format
(DIN 5008 style, area code and number separated by a space), all others internationally with their
country code. A typed extension dash ("888-0") is not stored and so cannot come back; what cannot be
parsed is shown as stored.
"""

from __future__ import annotations

import phonenumbers

HOME = "DE"
"""Where a number without country code is dialled (the records are German municipalities')."""


def _parse(value: str) -> phonenumbers.PhoneNumber | None:
    text = value.strip().removeprefix("tel:")
    if not text or len(text) > 40:
        return None
    try:
        number = phonenumbers.parse(text, HOME)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_possible_number(number) else None


def display_phone(value: str | None) -> str:
    """A stored phone number the German way: national for German numbers, international for others."""
    if not value:
        return ""
    number = _parse(value)
    if number is None:
        return value
    if number.country_code == phonenumbers.country_code_for_region(HOME):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def phone_href(value: str | None) -> str:
    """The ``tel:`` link of a number (E.164, ``tel:+4929478880``), or of the digits as stored if it cannot be parsed."""
    if not value:
        return ""
    number = _parse(value)
    if number is None:
        return "tel:" + "".join(ch for ch in value if ch.isdigit() or ch == "+")
    return "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
