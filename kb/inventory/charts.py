"""Charts of the inventory as plain SVG, built from the figures (the page and the report show the same ones).

Hand-built rather than from a charting library: four kinds of bar charts are a few lines each,
work offline and under the strict CSP (presentation attributes, no scripts, no inline styles),
and WeasyPrint draws them in the PDF as they look on the page. Each bar is split into reported
cooperations and made-up examples, so that nobody mistakes the examples for data, and carries a
tooltip with its numbers; the tables beside the charts hold the same figures for screen readers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from . import schemas as s

WIDTH = 640
TEXT = "#1a1a1a"
REPORTED = "#0b3a6e"
"""Bars of reported cooperations (11:1 against white)."""
EXAMPLE = "#3b8bc2"
"""Bars of made-up examples (3.7:1 against white, 3:1 against the reported colour's neighbours by lightness)."""
ROW = 22
LABEL_WIDTH = 250


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    examples: int = 0


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _tip(bar: Bar) -> str:
    return f"{bar.label}: {_number(bar.value)}" + (f", davon {_number(bar.examples)} Beispiele" if bar.examples else "")


def legend() -> list[tuple[str, str]]:
    """(colour, words) for the two parts of every bar."""
    return [(REPORTED, "gemeldete Kooperationen"), (EXAMPLE, "erfundene Beispiele (Testdaten)")]


def bar_chart(ident: str, title: str, bars: Sequence[Bar]) -> str:
    """Horizontal bars with their labels on the left and their numbers on the right."""
    if not bars:
        return ""
    most = max((b.value for b in bars), default=0) or 1
    room = WIDTH - LABEL_WIDTH - 60
    height = ROW * len(bars) + 8
    out = [f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
           f'role="img" aria-labelledby="{ident}-titel" id="{ident}"><title id="{ident}-titel">{escape(title)}</title>']
    for i, b in enumerate(bars):
        y = 4 + i * ROW
        label = b.label if len(b.label) <= 36 else b.label[:35] + "…"
        full = room * b.value / most
        real = room * (b.value - b.examples) / most
        out.append(f'<g><title>{escape(_tip(b))}</title>'
                   f'<text x="{LABEL_WIDTH - 6}" y="{y + 15}" font-size="12" text-anchor="end" fill="{TEXT}">{escape(label)}</text>')
        if real > 0:
            out.append(f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{real:.1f}" height="{ROW - 7}" fill="{REPORTED}"/>')
        if full - real > 0:
            out.append(f'<rect x="{LABEL_WIDTH + real:.1f}" y="{y + 3}" width="{full - real:.1f}" height="{ROW - 7}" fill="{EXAMPLE}"/>')
        out.append(f'<text x="{LABEL_WIDTH + full + 5:.1f}" y="{y + 15}" font-size="12" fill="{TEXT}">{_number(b.value)}</text></g>')
    out.append("</svg>")
    return "".join(out)


def column_chart(ident: str, title: str, bars: Sequence[Bar]) -> str:
    """Vertical bars (a trend over years): labels below, numbers above each bar."""
    if not bars:
        return ""
    height = 200
    base = height - 24
    most = max((b.value for b in bars), default=0) or 1
    step = (WIDTH - 20) / len(bars)
    every = max(1, round(len(bars) / 12))
    out = [f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
           f'role="img" aria-labelledby="{ident}-titel" id="{ident}"><title id="{ident}-titel">{escape(title)}</title>'
           f'<path d="M10 {base}H{WIDTH - 10}" stroke="{TEXT}" stroke-width="1"/>']
    for i, b in enumerate(bars):
        x = 10 + i * step
        w = max(step * 0.7, 1.0)
        full = (base - 20) * b.value / most
        real = (base - 20) * (b.value - b.examples) / most
        out.append(f"<g><title>{escape(_tip(b))}</title>")
        if real > 0:
            out.append(f'<rect x="{x:.1f}" y="{base - real:.1f}" width="{w:.1f}" height="{real:.1f}" fill="{REPORTED}"/>')
        if full - real > 0:
            out.append(f'<rect x="{x:.1f}" y="{base - full:.1f}" width="{w:.1f}" height="{full - real:.1f}" fill="{EXAMPLE}"/>')
        if b.value and len(bars) <= 30:
            out.append(f'<text x="{x + w / 2:.1f}" y="{base - full - 4:.1f}" font-size="11" text-anchor="middle" fill="{TEXT}">{b.value}</text>')
        if i % every == 0:
            out.append(f'<text x="{x + w / 2:.1f}" y="{base + 16}" font-size="11" text-anchor="middle" fill="{TEXT}">{escape(b.label)}</text>')
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)


def task_area_chart(data: s.TaskAreasOut) -> str:
    return bar_chart("diagramm-aufgaben", f"Projekte je Aufgabenbereich in {data.scope.label}",
                     [Bar(f"{i.code} {i.label}", i.projects, i.illustrative) for i in data.items])


def legal_form_chart(data: s.LegalFormsOut) -> str:
    return bar_chart("diagramm-rechtsformen", f"Projekte je Rechtsform in {data.scope.label}",
                     [Bar(i.label, i.projects, i.illustrative) for i in data.items if i.projects])


def trend_chart(data: s.OverviewOut) -> str:
    return column_chart("diagramm-verlauf", f"Projekte nach dem Jahr ihres Beginns in {data.scope.label}",
                        [Bar(str(y.year), y.projects, y.illustrative) for y in data.byStartYear])


def ssc_chart(data: s.TaskAreasOut) -> str:
    """Shared-Service-Center per task area (only the areas that have one)."""
    return bar_chart("diagramm-ssc", f"Shared-Service-Center je Aufgabenbereich in {data.scope.label}",
                     [Bar(f"{i.code} {i.label}", i.sharedServiceCenters, i.sharedServiceCentersIllustrative) for i in data.items if i.sharedServiceCenters])
