"""The Bestandsaufnahme as a report: PDF (WeasyPrint, from the page's templates) and DOCX (python-docx, editable).

Both are built from the same context as the page (``kb.api.routes.inventory_page.inventory_context``):
the figures, the SVG charts and maps. WeasyPrint draws the SVG as it is; Word cannot take SVG
reliably, so the DOCX gets the maps and charts as PNG (the SVG drawn to a one-page PDF by
WeasyPrint, rasterised by pypdfium2) and the figures as real tables the ministry can edit.

WeasyPrint never fetches anything: its URL fetcher refuses every URL, the stylesheet is passed
in as a string and the templates contain no images or fonts to load.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any

from . import schemas as s

NEAR_TIE = 5.0
"""Scores (0 to 100) closer than this are called "fast gleichauf" in the summary."""


def _num(value: float) -> str:
    return f"{int(value):,}".replace(",", ".") if float(value).is_integer() else f"{value:,.1f}".replace(",", "X").replace(".", ",").replace("X", ".")


def _pct(share: float) -> str:
    return f"{share * 100:.0f} %"


def summary(ctx: Mapping[str, Any]) -> list[str]:
    """The report's summary in plain German: a few sentences from the figures."""
    o: s.OverviewOut = ctx["overview"]
    t = o.totals
    areas: s.TaskAreasOut = ctx["task_areas"]
    pri: s.PrioritiesOut = ctx["priorities"]
    out = [f"Für {o.scope.label} sind {_num(t.projects)} Kooperationen erfasst, davon {_num(t.active)} geplant oder aktiv und "
           f"{_num(t.sharedServiceCenters)} Shared-Service-Center. {_num(t.municipalitiesCooperating)} von {_num(t.municipalities)} "
           f"bewohnten Kommunen ({_pct(t.municipalitiesShare)}) sind an mindestens einer beteiligt; in {_num(t.kreiseCooperating)} "
           f"von {_num(t.kreise)} Kreisen und kreisfreien Städten gibt es Zusammenarbeit."]
    if t.illustrative:
        out.append(f"Achtung: {_num(t.illustrative)} dieser {_num(t.projects)} Einträge ({_pct(t.illustrative / t.projects)}) sind erfundene "
                   "Beispiele (Testdaten). Die Zahlen zeigen, wie die Auswertung aussieht, nicht die tatsächliche Lage.")
    top = sorted((i for i in areas.items if i.projects), key=lambda i: -i.projects)[:3]
    if top:
        out.append("Am häufigsten wird zusammengearbeitet in: " + ", ".join(f"{i.label} ({_num(i.projects)})" for i in top) + ".")
    placed = [k for k in ctx["kreise"].items if k.municipalities]
    if len(placed) > 1:
        low = sorted(placed, key=lambda k: (k.share, -k.municipalities))[:3]
        out.append("Wenig Zusammenarbeit zeigen die Daten in: " + ", ".join(f"{k.label or k.name} ({_pct(k.share)} der Kommunen beteiligt)"
                                                                            for k in low) + ".")
    ranked = [i for i in pri.items if not i.tooFewData][:3]
    if ranked:
        out.append("Für die Digitalisierung liegen vorn: " + ", ".join(i.taskArea.label for i in ranked)
                   + " – dort wird viel zusammengearbeitet, aber noch wenig digital.")
        out.extend(_caveats(ranked))
    few = [i for i in pri.items if i.tooFewData]
    if few:
        out.append(f"Für {len(few)} Aufgabenbereiche sagen zu wenige Einträge, wie digital sie arbeiten; sie stehen ohne Rang am Ende.")
    pots = [a for a in ctx["potentials"].items if a.candidates]
    if pots:
        best = max(pots, key=lambda a: a.candidates)
        out.append(f"Die meisten Kommunen mit naheliegender Zusammenarbeit gibt es im Bereich {best.taskArea.label}: {_num(best.candidates)} "
                   "Kommunen arbeiten dort noch nicht zusammen, obwohl Nachbarn es tun.")
    return out


def _refuse(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    raise ValueError(f"the report loads nothing ({url[:80]})")


def pdf(html: str, css: str, base_url: str) -> bytes:
    """The report's HTML as PDF; nothing is fetched."""
    import weasyprint

    document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=_refuse)
    return bytes(document.write_pdf(stylesheets=[weasyprint.CSS(string=css, url_fetcher=_refuse)]))


def svg_pngs(svgs: Mapping[str, str], width_mm: int = 170) -> dict[str, bytes]:
    """SVG drawings as PNG (for Word): WeasyPrint draws them one per page, pypdfium2 rasterises and crops each."""
    import pypdfium2
    import weasyprint
    from PIL import ImageChops

    names = [name for name, svg in svgs.items() if svg]
    if not names:
        return {}
    html = "<html><body>" + "".join(f'<div class="p">{svgs[name]}</div>' for name in names) + "</body></html>"
    css = (f"@page {{ size: {width_mm + 4}mm 300mm; margin: 2mm; }} body {{ margin: 0; }} .p {{ break-after: page; }} "
           f"svg {{ width: {width_mm}mm; height: auto; max-height: 290mm; display: block; }}")
    data = weasyprint.HTML(string=html, url_fetcher=_refuse).write_pdf(stylesheets=[weasyprint.CSS(string=css, url_fetcher=_refuse)])
    document = pypdfium2.PdfDocument(bytes(data))
    out: dict[str, bytes] = {}
    try:
        for index, name in enumerate(names[:len(document)]):
            image = document[index].render(scale=2.5).to_pil().convert("RGB")
            box = ImageChops.invert(image).getbbox()
            if box:
                image = image.crop((0, 0, image.width, min(image.height, box[3] + 8)))
            buffer = io.BytesIO()
            image.save(buffer, format="PNG", optimize=True)
            out[name] = buffer.getvalue()
    finally:
        document.close()
    return out


def _table(doc: Any, head: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    table = doc.add_table(rows=1, cols=len(head))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, head, strict=True):
        cell.text = str(text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = _num(value) if isinstance(value, int | float) and not isinstance(value, bool) else str(value)


def _caveats(ranked: Sequence[s.PriorityItem]) -> list[str]:
    """What a reader must know before quoting the first places, in one paragraph: thin data under them, and near ties."""
    thin = [i for i in ranked if i.uncertain]
    parts = []
    if thin:
        each = [f"für „{i.taskArea.label}“ (Rang {i.rank}) bei {_num(i.unknown)} von {_num(i.projects)} Projekten" for i in thin]
        one = len(thin) == 1
        parts.append(f"Vorsicht: Die Angabe, wie digital gearbeitet wird, fehlt {_and(each)}. "
                     f"{'Sein Platz stützt' if one else 'Ihre Plätze stützen'} sich nur auf die übrigen Projekte und "
                     f"{'kann' if one else 'können'} mit den fehlenden Angaben höher oder niedriger liegen.")
    if len(ranked) > 1 and ranked[0].score - ranked[1].score < NEAR_TIE:
        parts.append(f"„{ranked[0].taskArea.label}“ und „{ranked[1].taskArea.label}“ liegen fast gleichauf ({_num(ranked[0].score)} und "
                     f"{_num(ranked[1].score)} von 100 Punkten); die Reihenfolge der beiden ist kein belastbarer Unterschied.")
    return [" ".join(parts)] if parts else []


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " und " + items[-1]


def _flag(item: s.PriorityItem) -> str:
    return " – zu wenig Angaben" if item.tooFewData else " – unsichere Datenlage" if item.uncertain else ""


def docx(ctx: Mapping[str, Any], pictures: Mapping[str, bytes]) -> bytes:
    """The report as an editable Word file: the same sections, the figures as tables, maps and charts as pictures."""
    from docx import Document
    from docx.shared import Mm

    o: s.OverviewOut = ctx["overview"]
    t = o.totals
    doc = Document()
    doc.core_properties.title = f"Bestandsaufnahme der interkommunalen Zusammenarbeit – {o.scope.label}"
    doc.core_properties.language = "de-DE"
    doc.add_heading("Bestandsaufnahme der interkommunalen Zusammenarbeit", 0)
    doc.add_paragraph(o.scope.label)
    doc.add_paragraph("Aufgabenbereiche: " + (", ".join(f"{a.code} {a.label}" for a in o.scope.taskAreas) if o.scope.taskAreas else "alle"))
    doc.add_paragraph(f"Stand der Daten: {ctx['data_date']}. Erstellt: {ctx['created']}. Gezählt: {o.scope.counted}.")
    doc.add_paragraph(f"Grundlage: {_num(t.projects)} Einträge" + (f", davon {_num(t.illustrative)} erfundene Beispiele." if t.illustrative else "."))
    doc.add_heading("Zusammenfassung", 1)
    for paragraph in ctx["summary"]:
        doc.add_paragraph(paragraph)

    def picture(key: str, caption: str) -> None:
        if pictures.get(key):
            doc.add_picture(io.BytesIO(pictures[key]), width=Mm(160))
            doc.add_paragraph(caption)

    doc.add_heading("Karte", 1)
    picture("kreis_map", "Kreise: Anteil der Kommunen, die an mindestens einer Kooperation beteiligt sind (Flächen aus den Koordinaten "
                         "des Gemeindeverzeichnisses abgeleitet, keine amtlichen Grenzen).")
    picture("municipality_map", "Kommunen: Zahl der Kooperationen je Kommune. Grau: keine; je dunkler, desto mehr.")

    areas: s.TaskAreasOut = ctx["task_areas"]
    doc.add_heading("Kooperationen je Aufgabenbereich", 1)
    picture("task_areas", "Dunkel: gemeldete Kooperationen; hell: erfundene Beispiele.")
    _table(doc, ["Produktbereich", "Projekte", "Anteil", "davon Beispiele", "davon SSC", "Kommunen"],
           [[f"{i.code} {i.label}", i.projects, _pct(i.share), i.illustrative, i.sharedServiceCenters, i.municipalities] for i in areas.items])
    forms: s.LegalFormsOut = ctx["legal_forms"]
    doc.add_heading("Kooperationen je Rechtsform", 1)
    picture("legal_forms", "Dunkel: gemeldete Kooperationen; hell: erfundene Beispiele.")
    _table(doc, ["Rechtsform", "Projekte", "Anteil", "davon Beispiele", "Kommunen"],
           [[i.label, i.projects, _pct(i.share), i.illustrative, i.municipalities] for i in forms.items])
    doc.add_heading("Verlauf: Beginn der Kooperationen", 1)
    picture("trend", f"Projekte nach dem Jahr ihres Beginns; {_num(o.withoutStartYear)} Einträge nennen keinen Beginn.")
    doc.add_heading("Shared-Service-Center", 1)
    picture("ssc", "Shared-Service-Center je Aufgabenbereich.")

    matrix: s.MatrixOut = ctx["matrix"]
    doc.add_heading("Abdeckung: Kreis × Aufgabenbereich", 1)
    _table(doc, ["Kreis", *[c.code for c in matrix.columns], "Projekte (ohne Doppelzählung)"],
           [[r.label or r.name, *r.counts, r.total] for r in matrix.rows if r.total])
    doc.add_paragraph("Jedes Projekt zählt in seinem Kreis einmal; ein Projekt mit mehreren Aufgabenbereichen steht in mehreren Spalten.")

    doc.add_heading("Potenziale: wo mehr Zusammenarbeit naheliegt", 1)
    for area in ctx["potentials"].items:
        if not area.items:
            continue
        doc.add_heading(f"{area.taskArea.code} {area.taskArea.label} ({_num(area.candidates)} Kommunen)", 2)
        for c in area.items:
            partners = ", ".join(f"{p.name} ({_num(p.km)} km)" for p in c.partners[:3])
            kreis = ctx["kreis_labels"].get(c.kreis.key, c.kreis.name) if c.kreis else ""
            doc.add_paragraph(f"{c.name} ({kreis}, {_num(c.population)} Einw.): {c.cooperatingNeighbours} von {c.neighbours} Nachbarn "
                              f"kooperieren – z. B. {partners}", style="List Bullet")

    pri: s.PrioritiesOut = ctx["priorities"]
    doc.add_heading("Digitalisierung: was zuerst?", 1)
    doc.add_paragraph(pri.method)
    _table(doc, ["Rang", "Aufgabenbereich", "Projekte", "Punktzahl", "Begründung"],
           [[i.rank, f"{i.taskArea.code} {i.taskArea.label}" + _flag(i), i.projects, i.score, i.reason] for i in pri.items])

    doc.add_heading("Kreise und kreisfreie Städte", 1)
    _table(doc, ["Kreis", "Projekte", "davon Beispiele", "Kommunen beteiligt", "Anteil beteiligt"],
           [[k.label or k.name, k.projects, k.illustrative, f"{k.municipalitiesCooperating} von {k.municipalities}", _pct(k.share)]
            for k in ctx["kreise_sorted"]])

    doc.add_heading("Methode, Datenlage und Quellen", 1)
    for text in ctx["method"]:
        doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
