"""A map as server-side SVG: places from the register's coordinates, no tiles, no script.

The same projection as the Bestandsaufnahme's dot map (``kb/api/routes/inventory_page.py``): an
equirectangular projection scaled by the cosine of the middle latitude, which is close enough for
Germany and keeps the page free of external assets, so the strict Content-Security-Policy holds.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from kb.ontology.register import Municipality

MAP_WIDTH = 640
PAD = 14.0


@dataclass(frozen=True)
class Projection:
    """Longitude/latitude to x/y in a box ``width`` wide (height follows the aspect)."""

    min_lon: float
    max_lat: float
    cos_lat: float
    scale: float
    width: int
    height: int

    @classmethod
    def fitting(cls, places: Iterable[Municipality], width: int = MAP_WIDTH) -> Projection | None:
        """The projection that shows every place with coordinates, or None without any."""
        points = [(m.lat, m.lon) for m in places if m.lat is not None and m.lon is not None]
        if not points:
            return None
        lats = [p[0] for p in points]
        lons = [p[1] for p in points]
        cos_lat = math.cos(math.radians((min(lats) + max(lats)) / 2))
        span_x = max((max(lons) - min(lons)) * cos_lat, 0.3)
        span_y = max(max(lats) - min(lats), 0.2)
        scale = min((width - 2 * PAD) / span_x, (width - 2 * PAD) / span_y)
        return cls(min(lons), max(lats), cos_lat, scale, width, int(span_y * scale + 2 * PAD))

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        return PAD + (lon - self.min_lon) * self.cos_lat * self.scale, PAD + (self.max_lat - lat) * self.scale

    def inside(self, lat: float, lon: float) -> bool:
        x, y = self.xy(lat, lon)
        return 0 <= x <= self.width and 0 <= y <= self.height

    def dots(self, places: Iterable[Municipality]) -> str:
        """An SVG path of round dots (``M x y h0``, drawn with a round line cap) for the places inside the box."""
        out = []
        for m in places:
            if m.lat is not None and m.lon is not None and self.inside(m.lat, m.lon):
                x, y = self.xy(m.lat, m.lon)
                out.append(f"M{x:.1f} {y:.1f}h0")
        return "".join(out)
