"""Maps of the inventory as SVG, drawn from the register's coordinates alone (no tiles, no boundaries).

No open administrative boundaries install here as a package, so each municipality gets the area
nearer to its coordinate than to any other municipality's (a Voronoi cell), cut off at a radius
so that the outer edge follows the places and not a rectangle. Cells of the same Kreis together
approximate the Kreis; its border is drawn where cells of two Kreise meet. That is not the legal
boundary, and the map says so (docs/inventory.md), but it shows at a glance where there is much
or little cooperation, and every cell is a link to the municipality's page with a tooltip.

The geometry depends only on the register and the scope, so it is computed once per scope; the
colours come from the figures of each request. Above ``MAX_LINKED`` municipalities (a whole
Land like Bayern, or Germany) the map is drawn as one path per colour, without links and
tooltips, to stay small; the tables below it list everything.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape

import numpy as np

from . import schemas as s

WIDTH = 640
MARGIN = 12
MAX_LINKED = 2500
"""Most municipalities drawn as separate links with tooltips."""
MAX_TAB_STOPS = 100
"""Above this many municipalities their links on the map leave the tab order (hundreds of stops before the
tables); the keyboard reaches them through the table of Kreise and each Kreis's own view."""
MAX_LABELS = 60
"""Most Kreise (or municipalities, in a single Kreis) labelled by name."""

TEXT = "#1a1a1a"
LEVEL_COLOURS = ("#8c8c8c", "#3b8bc2", "#1f5f9e", "#16497f", "#0b3a6e", "#05264a")
"""Municipality classes (0, 1, 2–3, 4–7, 8–15, 16+ cooperations): each has at least 3:1 contrast to white."""
SHARE_CLASSES = ((0.0, "keine"), (0.25, "unter 25 %"), (0.5, "25 bis unter 50 %"), (0.75, "50 bis unter 75 %"), (1.01, "75 % und mehr"))
"""Kreis classes by the share of its municipalities that cooperate (upper bounds, exclusive; 0 is its own class)."""
SHARE_COLOURS = ("#8c8c8c", "#3b8bc2", "#1f5f9e", "#0b3a6e", "#05264a")
PROJECT_COLOUR = "#c86400"


@dataclass(frozen=True)
class Geometry:
    """Cells of the municipalities of one scope, in SVG coordinates."""

    keys: tuple[str, ...]
    """AGS of each cell, in the order of ``cells`` and ``points``."""
    points: tuple[tuple[float, float], ...]
    cells: tuple[str, ...]
    """SVG path data of each cell."""
    kreis_borders: str
    """Path data of the lines where cells of two Kreise meet."""
    height: int
    lon0: float
    lat1: float
    scale: float
    coslat: float

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return MARGIN + (lon - self.lon0) * self.coslat * self.scale, MARGIN + (self.lat1 - lat) * self.scale


def _disc(x: float, y: float, r: float, n: int = 20) -> list[tuple[float, float]]:
    return [(x + r * math.cos(2 * math.pi * i / n), y + r * math.sin(2 * math.pi * i / n)) for i in range(n)]


def _side(a: tuple[float, float], b: tuple[float, float], p: tuple[float, float]) -> float:
    """Positive if p lies left of the line a→b."""
    return (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])


def _crossing(a: tuple[float, float], b: tuple[float, float], p: tuple[float, float], q: tuple[float, float]) -> tuple[float, float]:
    """Where the segment p–q crosses the line a→b."""
    sp, sq = _side(a, b, p), _side(a, b, q)
    t = sp / (sp - sq) if sp != sq else 0.0
    return p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])


def _clip(subject: list[tuple[float, float]], clip: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Sutherland–Hodgman: the part of a convex polygon inside another convex polygon (both counter-clockwise)."""
    out = subject
    for i in range(len(clip)):
        a, b = clip[i], clip[(i + 1) % len(clip)]
        points, out = out, []
        for j, cur in enumerate(points):
            prev = points[j - 1]
            if _side(a, b, cur) >= 0:
                if _side(a, b, prev) < 0:
                    out.append(_crossing(a, b, prev, cur))
                out.append(cur)
            elif _side(a, b, prev) >= 0:
                out.append(_crossing(a, b, prev, cur))
        if not out:
            break
    return out


def _ccw(poly: list[tuple[float, float]]) -> list[tuple[float, float]]:
    area = sum(poly[i - 1][0] * p[1] - p[0] * poly[i - 1][1] for i, p in enumerate(poly))
    return poly if area >= 0 else poly[::-1]


def _segment_in_circle(p: np.ndarray, q: np.ndarray, c: np.ndarray, r: float) -> tuple[np.ndarray, np.ndarray] | None:
    """The part of segment p–q inside the circle (c, r), or None."""
    d = q - p
    f = p - c
    a = float(d @ d)
    if a == 0:
        return None
    b = 2 * float(f @ d)
    disc = b * b - 4 * a * (float(f @ f) - r * r)
    if disc <= 0:
        return None
    root = math.sqrt(disc)
    t0, t1 = max(0.0, (-b - root) / (2 * a)), min(1.0, (-b + root) / (2 * a))
    if t0 >= t1:
        return None
    return p + t0 * d, p + t1 * d


@lru_cache(maxsize=32)
def geometry(located: tuple[tuple[str, str, float, float], ...]) -> Geometry:
    """Cells for municipalities given as (ags, kreis key, lon, lat); cached per scope (the register never changes)."""
    lons = [m[2] for m in located]
    lats = [m[3] for m in located]
    lon0, lon1, lat0, lat1 = min(lons), max(lons), min(lats), max(lats)
    coslat = math.cos(math.radians((lat0 + lat1) / 2))
    span = max((lon1 - lon0) * coslat, (lat1 - lat0) * 0.5, 1e-3)
    scale = (WIDTH - 2 * MARGIN) / span
    height = int((lat1 - lat0) * scale) + 2 * MARGIN
    pts = np.array([[MARGIN + (lon - lon0) * coslat * scale, MARGIN + (lat1 - lat) * scale] for _a, _k, lon, lat in located])
    from scipy.spatial import Voronoi, cKDTree  # here, not at import: scipy costs a node's start ~0.5 s

    n = len(pts)
    if n > 1:
        dist, _ = cKDTree(pts).query(pts, k=2)
        radius = float(np.median(dist[:, 1])) * 1.25
    else:
        radius = 40.0
    radius = max(radius, 3.0)
    far = 10 * (WIDTH + height)
    dummies = np.array([[-far, -far], [far, -far], [far, far], [-far, far]])
    vor = Voronoi(np.vstack([pts, dummies]), qhull_options="Qbb Qc Qz QJ")
    cells: list[str] = []
    for i in range(n):
        region = vor.regions[vor.point_region[i]]
        x, y = float(pts[i][0]), float(pts[i][1])
        if not region or -1 in region:
            poly = _disc(x, y, radius)
        else:
            poly = _clip(_ccw([(float(vor.vertices[v][0]), float(vor.vertices[v][1])) for v in region]), _disc(x, y, radius))
            if len(poly) < 3:  # a degenerate cell (places at the same coordinates): a small disc instead
                poly = _disc(x, y, radius / 3, 8)
        cells.append("M" + "L".join(f"{px:.1f} {py:.1f}" for px, py in poly) + "Z" if len(poly) >= 3 else "")
    borders: list[str] = []
    kreis = [m[1] for m in located]
    for (i, j), ridge in zip(vor.ridge_points, vor.ridge_vertices, strict=True):
        if i >= n or j >= n or kreis[i] == kreis[j] or -1 in ridge:
            continue
        part = _segment_in_circle(vor.vertices[ridge[0]], vor.vertices[ridge[1]], pts[i], radius)
        if part is not None:
            a, b = part
            borders.append(f"M{a[0]:.1f} {a[1]:.1f}L{b[0]:.1f} {b[1]:.1f}")
    return Geometry(keys=tuple(m[0] for m in located), points=tuple((float(p[0]), float(p[1])) for p in pts), cells=tuple(cells),
                    kreis_borders="".join(borders), height=height, lon0=lon0, lat1=lat1, scale=scale, coslat=coslat)


def geometry_of(items: Sequence[s.MapPoint]) -> Geometry | None:
    """Cells of the municipalities, or None if there are none with coordinates or too many (see ``MAX_LINKED``)."""
    located = tuple((m.ags, m.kreis, m.lon, m.lat) for m in items if m.lon is not None and m.lat is not None)
    return geometry(located) if located and len(located) <= MAX_LINKED else None


def kreis_geometry(items: Sequence[s.MapPoint]) -> Geometry | None:
    """Cells of the Kreise around the mean coordinates of their municipalities (for scopes too large for municipality cells)."""
    sums: dict[str, list[float]] = {}
    for m in items:
        if m.lon is not None and m.lat is not None:
            acc = sums.setdefault(m.kreis, [0.0, 0.0, 0.0])
            acc[0] += m.lon
            acc[1] += m.lat
            acc[2] += 1
    located = tuple((key, key, acc[0] / acc[2], acc[1] / acc[2]) for key, acc in sorted(sums.items()))
    return geometry(located) if located else None


def _dots(items: Sequence[s.MapPoint]) -> tuple[Geometry, str] | None:
    """A dot per municipality, one path per colour: the map of a scope too large for cells."""
    located = [m for m in items if m.lon is not None and m.lat is not None]
    if not located:
        return None
    geo = kreis_geometry(located)
    assert geo is not None
    paths: dict[int, list[str]] = {}
    for m in located:
        x, y = geo.xy(m.lon, m.lat)  # type: ignore[arg-type]
        paths.setdefault(min(m.level, 5), []).append(f"M{x:.1f} {y:.1f}h0")
    width = 2.4 if len(located) < 5000 else 1.8
    return geo, "".join(f'<path d="{"".join(d)}" stroke="{LEVEL_COLOURS[level]}" stroke-width="{width}" stroke-linecap="round" fill="none"/>'
                        for level, d in sorted(paths.items()))


def share_class(share: float, cooperating: int) -> int:
    if cooperating == 0:
        return 0
    return next(i for i, (upper, _label) in enumerate(SHARE_CLASSES) if i > 0 and share < upper)


def _label(x: float, y: float, text: str, size: int = 10) -> str:
    """Dark text on a white halo (drawn twice: WeasyPrint does not know paint-order)."""
    common = f'x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="middle" pointer-events="none"'
    return (f'<text {common} fill="#ffffff" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" aria-hidden="true">{escape(text)}</text>'
            f'<text {common} fill="{TEXT}">{escape(text)}</text>')


def _labels(spots: Iterable[tuple[float, float, str, float]], size: int = 9) -> list[str]:
    """Labels (x, y, text, weight) that do not overlap: heavier ones first, a label that would cover another is left out
    (the tooltips and the tables name every place)."""
    placed: list[tuple[float, float, float, float]] = []
    out = []
    for x, y, text, _weight in sorted(spots, key=lambda s: -s[3]):
        half = len(text) * size * 0.3 + 2
        box = (x - half, y - size, x + half, y + 3)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
            continue
        placed.append(box)
        out.append(_label(x, y + 3, text, size))
    return out


def _centroids(geo: Geometry, group: dict[str, str]) -> dict[str, tuple[float, float]]:
    sums: dict[str, list[float]] = {}
    for key, (x, y) in zip(geo.keys, geo.points, strict=True):
        g = group.get(key)
        if g is None:
            continue
        acc = sums.setdefault(g, [0.0, 0.0, 0.0])
        acc[0] += x
        acc[1] += y
        acc[2] += 1
    return {g: (acc[0] / acc[2], acc[1] / acc[2]) for g, acc in sums.items()}


def _open(geo: Geometry, ident: str, title: str, desc: str) -> str:
    return (f'<svg class="map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {geo.height}" width="{WIDTH}" '
            f'height="{geo.height}" role="group" aria-labelledby="{ident}-titel {ident}-text" id="{ident}">'
            f'<title id="{ident}-titel">{escape(title)}</title><desc id="{ident}-text">{escape(desc)}</desc>')


def municipality_map(data: s.MunicipalitiesOut, kreise: s.KreiseOut, *, ident: str = "karte-kommunen",
                     projects: Iterable[tuple[str, str, list[str]]] = (), linked: bool = True) -> str:
    """Every municipality of the scope, coloured by the number of cooperations it takes part in.

    ``projects`` are (link, title, AGS of participants) drawn as markers at their participants' mean position.
    """
    names = {k.key: k.label or k.name for k in kreise.items}
    geo = geometry_of(data.items)
    if geo is None:
        dots = _dots(data.items)
        if dots is None:
            return ""
        geo, drawn = dots
        return (_open(geo, ident, f"Kommunen in {data.scope.label} nach der Zahl ihrer Kooperationen",
                      "Jeder Punkt ist eine Kommune an ihren Koordinaten; dunkler heißt mehr Kooperationen, grau heißt keine. "
                      "Dünne Linien trennen die Kreise (aus den Mittelpunkten ihrer Kommunen abgeleitet).")
                + f'<path d="{geo.kreis_borders}" fill="none" stroke="#b0b0b0" stroke-width="0.6"/>' + drawn + "</svg>")
    by_ags = {m.ags: m for m in data.items}
    parts = [_open(geo, ident, f"Kommunen in {data.scope.label} nach der Zahl ihrer Kooperationen",
                   "Jede Fläche ist das Gebiet, das den Koordinaten einer Kommune am nächsten liegt (keine amtlichen Grenzen). "
                   "Dunkler heißt mehr Kooperationen, grau heißt keine. Dicke Linien trennen die Kreise. "
                   "Die Zahlen stehen auch in den Tabellen.")]
    if linked:
        parts.append('<g stroke="#ffffff" stroke-width="0.5">')
        focus = "" if len(geo.keys) <= MAX_TAB_STOPS else ' tabindex="-1"'
        for key, d in zip(geo.keys, geo.cells, strict=True):
            m = by_ags[key]
            word = "Kooperation" if m.count == 1 else "Kooperationen"
            tip = f"{m.name} ({names.get(m.kreis, m.kreis)}): {m.count} {word}"
            parts.append(f'<a href="/gemeinde/{m.ags}"{focus} aria-label="{escape(tip)}"><path d="{d}" fill="{LEVEL_COLOURS[min(m.level, 5)]}">'
                         f'<title>{escape(tip)}</title></path></a>')
        parts.append("</g>")
    else:
        per_level: dict[int, list[str]] = {}
        for key, d in zip(geo.keys, geo.cells, strict=True):
            per_level.setdefault(min(by_ags[key].level, 5), []).append(d)
        for level, ds in sorted(per_level.items()):
            parts.append(f'<path d="{"".join(ds)}" fill="{LEVEL_COLOURS[level]}" stroke="#ffffff" stroke-width="0.3"/>')
    parts.append(f'<path d="{geo.kreis_borders}" fill="none" stroke="{TEXT}" stroke-width="1.2" stroke-linecap="round"/>')
    kreis_keys = {m.kreis for m in data.items}
    if len(kreis_keys) == 1 and len(geo.keys) <= MAX_LABELS:
        parts += _labels((x, y, by_ags[key].name, by_ags[key].population) for key, (x, y) in zip(geo.keys, geo.points, strict=True))
    elif len(kreis_keys) <= MAX_LABELS:
        sizes = _sizes(data.items)
        parts += _labels((x, y, _short(names.get(key, key)), sizes.get(key, 0))
                         for key, (x, y) in _centroids(geo, {m.ags: m.kreis for m in data.items}).items())
    for link, title, members in projects:
        spots = [geo.points[i] for i, key in enumerate(geo.keys) if key in set(members)]
        if not spots:
            continue
        x = sum(p[0] for p in spots) / len(spots)
        y = sum(p[1] for p in spots) / len(spots)
        tip = f"Projekt: {title} ({len(members)} Beteiligte)"
        parts.append(f'<a href="{escape(link)}" aria-label="{escape(tip)}"><path d="M{x:.1f} {y - 5:.1f}l5 5-5 5-5-5z" fill="{PROJECT_COLOUR}" '
                     f'stroke="#ffffff" stroke-width="1"><title>{escape(tip)}</title></path></a>')
    parts.append("</svg>")
    return "".join(parts)


def kreis_map(data: s.MunicipalitiesOut, kreise: s.KreiseOut, *, ident: str = "karte-kreise", link: bool = True) -> str:
    """The Kreise of the scope, coloured by the share of their municipalities that cooperate; each links to its own view."""
    if len(kreise.items) < 2:
        return ""
    geo = geometry_of(data.items)
    kreis_of = {m.ags: m.kreis for m in data.items}
    if geo is None:
        geo = kreis_geometry(data.items)
        kreis_of = {k.key: k.key for k in kreise.items}
    if geo is None:
        return ""
    rows = {k.key: k for k in kreise.items}
    cells: dict[str, list[str]] = {}
    for key, d in zip(geo.keys, geo.cells, strict=True):
        cells.setdefault(kreis_of[key], []).append(d)
    parts = [_open(geo, ident, f"Kreise in {data.scope.label} nach dem Anteil ihrer Kommunen mit Kooperation",
                   "Jede Fläche setzt sich aus den Gebieten zusammen, die den Kommunen eines Kreises am nächsten liegen "
                   "(keine amtlichen Grenzen). Dunkler heißt: ein größerer Anteil der Kommunen arbeitet mit anderen zusammen.")]
    for key, ds in sorted(cells.items()):
        row = rows.get(key)
        if row is None:
            continue
        colour = SHARE_COLOURS[share_class(row.share, row.municipalitiesCooperating)]
        tip = (f"{row.label or row.name}: {row.municipalitiesCooperating} von {row.municipalities} Kommunen beteiligt "
               f"({_percent(row.share)}), {row.projects} {'Projekt' if row.projects == 1 else 'Projekte'}")
        shape = f'<path d="{"".join(ds)}" fill="{colour}" stroke="{colour}" stroke-width="0.6"><title>{escape(tip)}</title></path>'
        if link:
            shape = f'<a href="/bestandsaufnahme?kreis={key}" aria-label="{escape(tip)}">{shape}</a>'
        parts.append(shape)
    parts.append(f'<path d="{geo.kreis_borders}" fill="none" stroke="#ffffff" stroke-width="1.4" stroke-linecap="round"/>')
    if len(rows) <= MAX_LABELS:
        sizes = _sizes(data.items)
        parts += _labels((x, y, f"{_short(row.label or row.name)} {_percent(row.share, 0)}", sizes.get(key, 0))
                         for key, (x, y) in _centroids(geo, kreis_of).items() if (row := rows.get(key)) is not None)
    parts.append("</svg>")
    return "".join(parts)


def _sizes(items: Sequence[s.MapPoint]) -> dict[str, int]:
    """Municipalities per Kreis: larger Kreise get their label first."""
    out: dict[str, int] = {}
    for m in items:
        out[m.kreis] = out.get(m.kreis, 0) + 1
    return out


def _short(label: str) -> str:
    """A map label: "Soest" for "Kreis Soest", "Bochum" for "Bochum (kreisfreie Stadt)"."""
    for prefix in ("Landkreis ", "Kreis "):
        if label.startswith(prefix):
            return label[len(prefix):]
    return label.split(" (", 1)[0]


def _percent(share: float, digits: int = 1) -> str:
    return f"{share * 100:.{digits}f}".replace(".", ",") + " %"


def legend_levels(legend: Sequence[s.LegendClass]) -> list[tuple[str, str]]:
    """(colour, words) of the municipality map's classes."""
    return [(LEVEL_COLOURS[min(c.level, 5)], f"{c.label} {'Kooperation' if c.label == '1' else 'Kooperationen'}") for c in legend]


def legend_shares() -> list[tuple[str, str]]:
    """(colour, words) of the Kreis map's classes."""
    return [(colour, f"{label} der Kommunen beteiligt") for colour, (_upper, label) in zip(SHARE_COLOURS, SHARE_CLASSES, strict=True)]
