"""Write each country's main-landmass centre point for the gazetteer build, from the Natural Earth borders
the package already ships (`src/eventwire/web/static/countries.geojson`, public domain).

The centre is the area centroid of the country's largest polygon (the contiguous United States, mainland
India), with that polygon's share of the country's area; the build averages it with the atlas point of
`countryinfo` where the polygon is most of the country; see `geo.world.country_point`.
Run from the repo root:

    .venv/bin/python tools/geo/country_points.py
"""

from __future__ import annotations

import json
from pathlib import Path

SOURCE = Path("src/eventwire/web/static/countries.geojson")
OUT = Path("src/eventwire/data/country_points.tsv")


def ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """(area, lat, lon) of a closed ring, by the shoelace formula on degrees: good enough for a centre."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area, cx, cy = area + cross, cx + (x0 + x1) * cross, cy + (y0 + y1) * cross
    area /= 2
    if area == 0:
        return 0.0, ring[0][1], ring[0][0]
    return abs(area), cy / (6 * area), cx / (6 * area)


def main() -> None:
    data = json.loads(SOURCE.read_text(encoding="utf-8"))
    rows = []
    for feature in data["features"]:
        cc = feature["properties"].get("iso_a2") or ""
        geom = feature["geometry"]
        polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        rings = [ring_centroid(p[0]) for p in polygons]
        area, lat, lon = max(rings, key=lambda t: t[0])
        share = area / (sum(r[0] for r in rings) or 1.0)
        if len(cc) == 2 and cc.isalpha():
            rows.append(f"{cc}\t{lat:.4f}\t{lon:.4f}\t{share:.3f}")
    header = ("# country\tlat\tlon\tshare: centroid of the largest polygon and its share of the country's area, "
              "Natural Earth 1:10m admin-0 5.1.1 (public domain)")
    OUT.write_text("\n".join([header, *sorted(set(rows))]) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(rows)} countries")


if __name__ == "__main__":
    main()
