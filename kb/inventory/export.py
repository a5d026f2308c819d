"""CSV downloads of the figures, for German Excel and for scripts.

The format, chosen for what German office machines open with a double click:

- UTF-8 with a byte order mark (so Excel shows "Gießen" and "Öffentlich-rechtlich" correctly);
- semicolon as separator, CRLF line ends, fields quoted only where needed (RFC 4180 otherwise);
- decimal comma in fractional numbers (``0,25``; ``7,3`` km), integers without thousands separator;
- German column headers; one header row, one table per file;
- a text cell that starts with ``=``, ``+``, ``-``, ``@`` or a tab is prefixed with ``'`` so a
  project title can never run as a spreadsheet formula;
- a last column "Gezählt" says in every row what was counted ("nur öffentliche Einträge" or
  "öffentliche Einträge und solche, die nur Netzwerkmitglieder sehen"). A column, not a comment line above the
  header: the file keeps one header row (scripts and Excel's table import keep working), and the
  statement stays with every row that is filtered, sorted or copied into a report.

Each ``*_table`` function turns a figure (the response model the API answers as JSON) into
``(headers, rows)``, so the CSV holds exactly the numbers of the JSON.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from typing import Any

from . import schemas as s

Table = tuple[list[str], list[list[Any]]]

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> str:
    """One value as German Excel reads it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)  # shortest form that reads back as the same number (as in the JSON)
        if "e" in text or "E" in text:
            text = f"{value:.10f}".rstrip("0")
            text += "0" if text.endswith(".") else ""
        return text.replace(".", ",")
    text = str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def to_csv(table: Table) -> bytes:
    headers, rows = table
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(headers)
    for row in rows:
        writer.writerow([cell(v) for v in row])
    return out.getvalue().encode("utf-8")


COUNTED_COLUMN = "Gezählt"


def with_counted(table: Table, include_network: bool) -> Table:
    """The table with the column "Gezählt" (what was counted) added at the end."""
    from .figures import COUNTED

    headers, rows = table
    statement = COUNTED[include_network][0]
    return [*headers, COUNTED_COLUMN], [[*row, statement] for row in rows]


def _join(values: Sequence[str]) -> str:
    return " | ".join(values)


def overview_table(fig: s.OverviewOut) -> Table:
    t = fig.totals.model_dump()
    names = {
        "projects": "Projekte",
        "sharedServiceCenters": "davon Shared-Service-Center",
        "smartCityInitiatives": "davon Smart-City-Initiativen",
        "active": "aktiv (geplant, in Umsetzung, im Betrieb)",
        "municipalities": "Gemeinden in der Auswahl",
        "municipalitiesCooperating": "Gemeinden mit mindestens einer Kooperation",
        "municipalitiesShare": "Anteil Gemeinden mit Kooperation",
        "population": "Einwohner in der Auswahl",
        "populationCooperating": "Einwohner in Gemeinden mit Kooperation",
        "kreise": "Kreise und kreisfreie Städte in der Auswahl",
        "kreiseCooperating": "Kreise mit Kooperation",
    }
    rows: list[list[Any]] = [["Kennzahl", key, label, t[key]] for key, label in names.items()]
    for group, counts in (("Typ", fig.byType), ("Status", fig.byStatus), ("Rechtsform", fig.byLegalForm),
                          ("Aufgabenbereich", fig.byTaskArea), ("Digitalisierungsgrad", fig.byDigitalDelivery)):
        rows.extend([group, r.code, r.label, r.projects] for r in counts)
    return ["Gruppe", "Code", "Bezeichnung", "Wert"], rows


def task_areas_table(fig: s.TaskAreasOut) -> Table:
    headers = ["Produktbereich", "Aufgabenbereich", "Projekte", "davon Shared-Service-Center", "aktiv", "beteiligte Gemeinden", "Kreise",
               "Anteil an allen Projekten", "analog", "teilweise digital", "vollständig digital", "ohne Angabe"]
    rows = [[r.code, r.label, r.projects, r.sharedServiceCenters, r.active, r.municipalities, r.kreise, r.share,
             r.digital.analog, r.digital.teilweiseDigital, r.digital.vollstaendigDigital, r.digital.unknown]
            for r in fig.items]
    return headers, rows


def legal_forms_table(fig: s.LegalFormsOut) -> Table:
    headers = ["Code", "Rechtsform", "Projekte", "davon Shared-Service-Center", "beteiligte Gemeinden", "Anteil an allen Projekten"]
    rows = [[r.code, r.label, r.projects, r.sharedServiceCenters, r.municipalities, r.share] for r in fig.items]
    return headers, rows


def kreise_table(fig: s.KreiseOut) -> Table:
    headers = ["Kreisschlüssel", "Kreis", "Regierungsbezirk", "Bundesland", "kreisfrei", "Projekte", "davon Shared-Service-Center", "aktiv",
               "Gemeinden", "Gemeinden mit Kooperation", "Anteil Gemeinden mit Kooperation", "Einwohner", "Aufgabenbereiche"]
    rows = [[r.key, r.name, r.regierungsbezirk.name if r.regierungsbezirk else None, r.state, r.kreisfrei, r.projects,
             r.sharedServiceCenters, r.active, r.municipalities, r.municipalitiesCooperating, r.share, r.population,
             r.taskAreas] for r in fig.items]
    return headers, rows


def municipalities_table(fig: s.MunicipalitiesOut) -> Table:
    headers = ["AGS", "Gemeinde", "Kreisschlüssel", "Einwohner", "Längengrad", "Breitengrad", "Kooperationen", "davon aktiv", "Klasse"]
    rows = [[r.ags, r.name, r.kreis, r.population, r.lon, r.lat, r.count, r.active, r.level]
            for r in fig.items]
    return headers, rows


def matrix_table(fig: s.MatrixOut) -> Table:
    headers = ["Kreisschlüssel", "Kreis", *[f"{c.code} {c.label}" for c in fig.columns], "Projekte gesamt"]
    rows = [[r.key, r.name, *r.counts, r.total] for r in fig.rows]
    rows.append(["", "Summe", *fig.columnTotals, fig.total])
    return headers, rows


def potentials_table(fig: s.PotentialsOut) -> Table:
    headers = ["Produktbereich", "Aufgabenbereich", "Rang", "AGS", "Gemeinde", "Kreis", "Einwohner", "Nachbarn",
               "kooperierende Nachbarn", "nächster kooperierender Nachbar (km)", "vorgeschlagene Partner", "Projekte der Nachbarn"]
    rows = []
    for area in fig.items:
        ta = area.taskArea
        for i in area.items:
            partners = _join([f"{p.name} ({cell(p.km)} km)" for p in i.partners])
            rows.append([ta.code, ta.label, i.rank, i.ags, i.name, i.kreis.name if i.kreis else None, i.population,
                         i.neighbours, i.cooperatingNeighbours, i.nearestKm, partners, _join([p.title for p in i.projects])])
    return headers, rows


def priorities_table(fig: s.PrioritiesOut) -> Table:
    headers = ["Rang", "Produktbereich", "Aufgabenbereich", "Projekte", "beteiligte Gemeinden", "Umfang", "analog", "teilweise digital",
               "vollständig digital", "ohne Angabe", "Datenabdeckung", "Digitalisierungslücke", "Lücke angenommen", "Punktzahl",
               "zu wenig Angaben", "unsichere Datenlage"]
    rows = [[i.rank, i.taskArea.code, i.taskArea.label, i.projects, i.municipalities, i.volume, i.analog,
             i.teilweiseDigital, i.vollstaendigDigital, i.unknown, i.dataCoverage, i.digitalGap, i.gapAssumed, i.score,
             i.tooFewData, i.uncertain]
            for i in fig.items]
    return headers, rows


MUNICIPALITY_TABLES = ("neighbours", "projects", "potentials", "partners")


def municipality_table(fig: s.MunicipalityOut, table: str = "neighbours") -> Table:
    """One of the tables of a municipality page: its neighbours (default), projects, potentials or partners."""
    name = fig.municipality.name
    if table == "projects":
        headers = ["Titel", "Typ", "Status", "Aufgabenbereiche", "Rechtsform", "Digitalisierungsgrad", "Beteiligte", "aktiv", "Adresse"]
        rows: list[list[Any]] = [[p.title, p.type, p.status, ", ".join(p.taskAreas), p.legalForm, p.digitalDelivery, p.participants,
                 p.active, p.id] for p in fig.projects]
        return headers, rows
    if table == "potentials":
        headers = ["Produktbereich", "Aufgabenbereich", "AGS des Nachbarn", "Nachbar", "Entfernung (km)", "Projekte des Nachbarn"]
        rows = [[p.taskArea.code, p.taskArea.label, n.ags, n.name, n.km, _join([r.title for r in n.projects])]
                for p in fig.potentials for n in p.neighbours]
        return headers, rows
    if table == "partners":
        headers = ["AGS", "Gemeinde", "gemeinsame Projekte"]
        return headers, [[p.ags, p.name, p.projects] for p in fig.partners]
    suggestions = {p.ags: p for p in fig.suggestedPartners}
    headers = ["AGS", "Gemeinde", "Entfernung (km)", "Einwohner", "bereits Partner", "Kooperationen", "Aufgabenbereiche (aktiv)",
               f"Aufgabenbereiche, die {name} noch nicht hat", "Projekte in diesen Aufgabenbereichen"]
    rows = []
    for n in fig.neighbours:
        suggestion = suggestions.get(n.ags)
        rows.append([n.ags, n.name, n.km, n.population, n.partner, n.projects, ", ".join(n.taskAreas),
                     ", ".join(f"{a.code} {a.label}" for a in suggestion.taskAreas) if suggestion else "",
                     _join([p.title for p in suggestion.projects]) if suggestion else ""])
    return headers, rows


TABLES: dict[str, Callable[[Any], Table]] = {
    "overview": overview_table,
    "task-areas": task_areas_table,
    "legal-forms": legal_forms_table,
    "kreise": kreise_table,
    "municipalities": municipalities_table,
    "matrix": matrix_table,
    "potentials": potentials_table,
    "priorities": priorities_table,
}
"""Figure name → its CSV table."""
