"""The publishing form's side of a record: form fields ↔ the JSON form, German input, every problem at once.

Staff type dates as TT.MM.JJJJ (or pick them), numbers as „12.500,5“, participants by name; the form
turns that into the JSON form the API takes, so one ``Publisher`` applies one set of rules. When a
submission is refused, :func:`review` collects every problem in one go (structure, the record rules
such as consent, and SHACL) instead of one stage at a time, and :func:`errors_by_field` words them
for people: the field table's plain ``form_message`` replaces messages that name RDF terms, codes or
JSON syntax.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from kb.api.phone import display_phone
from kb.errors import InvalidRecord, KbError, Violation
from kb.ontology.fields import BY_NAME, CONTACT_FIELDS, FIELDS, FORM_GROUPS
from kb.ontology.record_rules import content_violations
from kb.ontology.register import UNKNOWN_MUNICIPALITY
from kb.publishing import Publisher

ONE_VALUE_WIDGETS = ("input", "textarea", "select", "radio")
TEXT_FIELDS = tuple(f.name for f in FIELDS if f.widget in ONE_VALUE_WIDGETS and not f.many)
"""The form fields that are one text each, as in the JSON form (from the field table)."""
DATE_FIELDS = tuple(f.name for f in FIELDS if f.kind == "date" and f.form)
YEAR_SUFFIX = "_jahr"
"""``startDate_jahr``: the year field beside a date picker, for when only the year is known."""
ORGANISATION_LINE = ("organisation:", "org:")
"""A line of the participants field that names an organisation without a key ("Organisation: Name")."""
NAME_WITH_KEY = re.compile(r"^(?P<name>.*?)\s*\((?:AGS\s*)?(?P<ags>\d{8}|\d{12})\)\s*$")
"""„Anröchte (05974004)“: how the edit form shows a municipality, by name and unambiguous."""
FIGURE_PARTS = ("label", "value", "unit")
FIGURE_ROWS_MIN = 3
"""Empty rows for key figures the form offers (more after each saved figure, up to the field's max)."""

FORM_MESSAGES = {
    UNKNOWN_MUNICIPALITY: "Diese Gemeinde ist im amtlichen Gemeindeverzeichnis nicht zu finden. Bitte prüfen Sie die Schreibweise, "
                          "geben Sie den amtlichen Gemeindeschlüssel (AGS) an oder tragen Sie eine Organisation ohne Schlüssel als "
                          "„Organisation: Name“ in eine eigene Zeile ein.",
}
"""Messages the form words its own way (``Violation.code`` → German text): the API's name the JSON syntax."""
CONSENT_MESSAGE = ("Sie haben den Namen einer Person angegeben. Bitte bestätigen Sie, dass die Person der Veröffentlichung "
                   "zugestimmt hat, oder lassen Sie den Namen weg und nennen Sie nur die Stelle mit einem Funktionspostfach.")
FIGURE_VALUE_MESSAGE = "Bitte geben Sie den Wert als Zahl an, z. B. 12.500 oder 3,5."
FIGURE_LABEL_MESSAGE = "Bitte geben Sie an, was gemessen wurde (z. B. „Einsparung pro Jahr“)."
JARGON = re.compile(r"IRI|Sprachangabe|xsd:|ikz:|vcard:|land:|pb:|consent|\{|JJJJ-MM-TT|Dieses Feld fehlt|Objekt erwartet|Liste erwartet")
"""Marks of a message written for the JSON API (RDF terms, codes, JSON words): the form words those itself."""
MAX_ROUNDS = 6


# ---------------------------------------------------------------------- German input


def german_date(text: str) -> str:
    """``01.03.2024`` or ``1.3.2024`` → ``2024-03-01``; ISO dates and years pass; anything else is left for the check."""
    text = text.strip()
    found = re.fullmatch(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})", text)
    if found:
        day, month, year = (int(g) for g in found.groups())
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return text  # 31.02.2024: the check says "Dieses Datum gibt es nicht"
    return text


def german_number(text: str) -> float | str:
    """``12.500`` → 12500, ``3,5`` → 3.5, ``1.234,56 €`` → 1234.56; what is no number is returned as typed."""
    cleaned = re.sub(r"[\s\u00a0€%]", "", text)
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?\d{1,3}(\.\d{3})+", cleaned):
        cleaned = cleaned.replace(".", "")
    try:
        return float(cleaned)
    except ValueError:
        return text


def german_number_text(value: float | int) -> str:
    """The form shows a saved figure as staff type it: 12.500 or 3,5."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,}".replace(",", "X").replace(".", ",").replace("X", ".")


# ---------------------------------------------------------------------- form ↔ JSON


def _lines(value: Any) -> list[str]:
    return [line.strip() for line in str(value or "").splitlines() if line.strip()]


def _participant(line: str) -> str | dict[str, str]:
    if line.lower().startswith(ORGANISATION_LINE):
        return {"name": line.split(":", 1)[1].strip(), "kind": "organisation"}
    keyed = NAME_WITH_KEY.match(line)
    return keyed.group("ags") if keyed else line


def figure_rows(form: dict[str, Any]) -> list[dict[str, str]]:
    """The key-figure rows with anything typed in them, in order (empty rows dropped)."""
    rows = []
    limit = BY_NAME["outcomeFigures"].max or 20
    for i in range(limit):
        row = {part: str(form.get(f"figure_{part}_{i}", "") or "").strip() for part in FIGURE_PARTS}
        if any(row.values()):
            rows.append(row)
    return rows


def compact_figures(form: dict[str, Any]) -> None:
    """Renumber the typed rows 0, 1, … so that the JSON list's index is the form row's (for messages)."""
    rows = figure_rows(form)
    for key in [k for k in form if k.startswith("figure_")]:
        del form[key]
    for i, row in enumerate(rows):
        for part in FIGURE_PARTS:
            form[f"figure_{part}_{i}"] = row[part]


def form_to_json(form: dict[str, Any], task_areas: list[str]) -> dict[str, Any]:
    """The API's JSON form from the submitted fields (empty fields are left out)."""
    data: dict[str, Any] = {k: str(form[k]).strip() for k in TEXT_FIELDS if str(form.get(k, "") or "").strip()}
    for name in DATE_FIELDS:
        typed = german_date(str(form.get(name, "") or ""))
        year = str(form.get(name + YEAR_SUFFIX, "") or "").strip()
        if typed or year:
            data[name] = typed or year
    if "lead" in data:
        lead = _participant(data["lead"])
        data["lead"] = lead
    for f in FIELDS:
        if f.widget == "lines":  # participants: a municipality per line, or "Organisation: Name"
            data[f.name] = [_participant(line) for line in _lines(form.get(f.name))]
        elif f.widget == "checks":
            data[f.name] = task_areas if f.name == "taskAreas" else [str(v) for v in form.get(f.name) or []]
        elif f.widget == "input" and f.many:  # a list typed as one line, separated by commas
            data[f.name] = [k.strip() for k in str(form.get(f.name, "")).replace(";", ",").split(",") if k.strip()]
        elif f.widget == "figures":
            data[f.name] = [{"label": row["label"] or None, "value": german_number(row["value"]) if row["value"] else None,
                             "unit": row["unit"]} for row in figure_rows(form)]
        elif f.widget == "contact":
            given = {k: str(form.get(f"contact_{k}", "")).strip() for k in CONTACT_FIELDS if k != "consent"}
            contact: dict[str, Any] = {k: v for k, v in given.items() if v}
            if contact:
                contact["consent"] = form.get("contact_consent") == "ja"
                data[f.name] = contact
    return data


def _named(p: dict[str, Any]) -> str:
    if p.get("ags"):
        return f"{p['name']} ({p['ags']})"
    return f"Organisation: {p['name']}"


def json_to_form(record: dict[str, Any]) -> dict[str, Any]:
    """Form values of a stored record (for editing): participants by name, dates for the picker, figures as typed."""
    form: dict[str, Any] = {}
    for key in TEXT_FIELDS:
        value = record.get(key)
        if isinstance(value, dict):
            value = value.get("code")
        form[key] = value or ""
    participants = record.get("participants", [])
    lead = next((p for p in participants if p.get("lead")), None)
    form["lead"] = _named(lead) if lead and lead.get("ags") else (lead["name"] if lead else "")
    for name in DATE_FIELDS:
        value = str(record.get(name) or "")
        form[name], form[name + YEAR_SUFFIX] = (value, "") if len(value) == 10 else ("", value)
    for f in FIELDS:
        if f.widget == "lines":
            form[f.name] = "\n".join(_named(p) for p in record.get(f.name, []))
        elif f.widget == "checks":
            form[f.name] = [c["code"] for c in record.get(f.name, [])]
        elif f.widget == "input" and f.many:
            form[f.name] = ", ".join(record.get(f.name, []))
        elif f.widget == "figures":
            for i, fig in enumerate(record.get(f.name, [])):
                form[f"figure_label_{i}"] = fig.get("label", "")
                form[f"figure_value_{i}"] = german_number_text(fig["value"]) if fig.get("value") is not None else ""
                form[f"figure_unit_{i}"] = fig.get("unit", "")
        elif f.widget == "contact":
            contact = record.get(f.name) or {}
            for k in CONTACT_FIELDS:
                form[f"contact_{k}"] = contact.get(k, "") if k != "consent" else ("ja" if contact.get("consent") else "")
            form["contact_phone"] = display_phone(contact.get("phone"))  # as on the page; stored again as the same digits
    return form


def figure_row_count(form: dict[str, Any]) -> int:
    """How many key-figure rows the form shows: the typed ones and a few empty ones."""
    return min(BY_NAME["outcomeFigures"].max or 20, len(figure_rows(form)) + FIGURE_ROWS_MIN)


# ---------------------------------------------------------------------- every problem at once


_STAND_INS: dict[str, Any] = {"title": "Ohne Titel", "description": "Ohne Beschreibung – nur für die Prüfung der übrigen Felder.",
                              "participants": []}
"""Values that let the check go on past a missing or broken required field (its own problem is already noted)."""


def _top(field: str) -> str:
    return field.split(".")[0]


def review(publisher: Publisher, iri: str, data: dict[str, Any]) -> list[Violation]:
    """Every problem of a submission at once: structure and mapping, then the record rules and SHACL.

    The API stops at the first stage that fails, so a form would show its problems in rounds. Here a
    field that fails an earlier stage is set aside (or replaced by a neutral stand-in if required)
    and the later stages check the rest; a field keeps only its first stage's problems.
    """
    problems: list[Violation] = []
    work = dict(data)
    graph = None
    for _ in range(MAX_ROUNDS):
        try:
            graph = publisher.graph_from_json(iri, work)
            break
        except InvalidRecord as exc:
            problems.extend(exc.violations)
            progressed = False
            for name in {_top(v.field) for v in exc.violations}:
                if name in _STAND_INS and work.get(name) != _STAND_INS[name]:
                    work[name], progressed = _STAND_INS[name], True
                elif name not in _STAND_INS and name in work:
                    del work[name]
                    progressed = True
            if not progressed:
                break
        except KbError:
            break
    if graph is None:
        return problems
    flagged = {_top(v.field) for v in problems}
    later = content_violations(graph.iri, graph.triples, publisher.reference_triple)
    later += publisher.validator.validate({graph.iri: graph.triples}).get(graph.iri, [])
    problems += [v for v in later if v.severity == "violation" and _top(v.field) not in flagged]
    return problems


def _form_field(field: str, message: str) -> str:
    """The form field a violation's JSON field points at (``contact.email`` → ``contact_email``, figures by row)."""
    parts = field.split(".")
    if field == "contact":  # personal data elsewhere in the contact: the consent box is what to fix
        return "contact_consent"
    if field == "record" and "Bundesland" in message:  # the rule "in Germany, a Land" is on the record as a whole
        return "state"
    if parts[0] == "contact" and len(parts) > 1:
        return f"contact_{parts[1]}"
    if parts[0] == "outcomeFigures" and len(parts) > 2 and parts[1].isdigit() and parts[2] in FIGURE_PARTS:
        return f"figure_{parts[2]}_{parts[1]}"
    return parts[0]


def _plain(v: Violation, name: str) -> str:
    """The violation's message as the form words it."""
    if v.code in FORM_MESSAGES:
        return FORM_MESSAGES[v.code]
    if name.startswith("contact") and ("personenbezogene" in v.message or "Einwilligung" in v.message):
        return CONSENT_MESSAGE
    if name.startswith("figure_value_"):
        return FIGURE_VALUE_MESSAGE
    if name.startswith("figure_label_"):
        return FIGURE_LABEL_MESSAGE
    f = BY_NAME.get(name)
    missing = v.value is None and name != "participants"  # a required value not given (SHACL minCount, a missing key)
    if f is not None and f.form_message and (missing or JARGON.search(v.message)):
        return f.form_message
    if JARGON.search(v.message):
        return "Bitte prüfen Sie diese Angabe."
    return v.message


def errors_by_field(violations: list[Violation]) -> dict[str, list[str]]:
    """Messages by form field, in plain words, with candidates for municipality names; no message twice."""
    out: dict[str, list[str]] = {}
    for v in violations:
        name = _form_field(v.field, v.message)
        message = _plain(v, name)
        if v.candidates and name in ("participants", "lead"):
            names = ", ".join(f"{c.get('name')} ({c.get('kreis', '')}, AGS {c.get('ags')})" for c in v.candidates[:6] if c.get("ags"))
            if names:
                message += f" Meinten Sie: {names}?"
        if v.value and name in ("participants", "lead", "taskAreas"):
            message = f"„{v.value}“: {message}"
        if message not in out.get(name, []):
            out.setdefault(name, []).append(message)
    return dict(sorted(out.items(), key=lambda item: _form_order(item[0])))


_FORM_ORDER = {f.name: i for i, f in enumerate(sorted((f for f in FIELDS if f.form), key=lambda f: list(FORM_GROUPS).index(f.form)))}


def _form_order(name: str) -> tuple[int, str]:
    """Where a field stands in the form, so that the summary lists problems from top to bottom."""
    base = "contact" if name.startswith("contact") else "outcomeFigures" if name.startswith("figure_") else name
    return _FORM_ORDER.get(base, -1), name
