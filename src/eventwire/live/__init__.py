"""Live sources: fetching web pages and RSS/Atom feeds politely, and `eventwire watch`.

Network I/O lives in `fetch.Fetcher` alone; feed parsing (`feeds`) and HTML reading (`eventwire.ingest.html`)
are pure functions over bytes, and `watch.poll` ties them to the pipeline and the store.
Needs the `live` extra (httpx, feedparser, trafilatura, lxml_html_clean).
"""
