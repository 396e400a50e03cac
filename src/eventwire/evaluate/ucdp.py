"""UCDP GED source headlines as articles: one per distinct headline, dated by its source date."""

from __future__ import annotations

import hashlib
from datetime import date, datetime

from eventwire.records import Article


def headline_article(row: dict[str, str], index: int) -> Article | None:
    """The `index`-th headline of a UCDP row as an article (id from the headline, so a headline cited by
    several events is one article); None when its date cannot be read."""
    headline = row["source_headline"].split(";")[index].strip()
    dates = row["source_date"].split(";")
    offices = row["source_office"].split(";")
    published = parse_date(dates[index] if index < len(dates) else dates[0])
    if published is None:
        return None
    office = offices[index].strip() if index < len(offices) else ""
    article_id = "ucdp-" + hashlib.sha1(headline.encode("utf-8")).hexdigest()[:12]
    return Article(id=article_id, text=headline, title=headline, published=published, source=office or None,
                   origin=f"ucdp:{row['id']}")


def parse_date(text: str) -> date | None:
    """UCDP writes source dates both as 2015-02-11 and as 11/02/2015 (day first)."""
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None
