"""Live sources: RSS/Atom feeds polled by `eventwire watch`.

Feed parsing (`feeds`) is a pure function over bytes; fetching pages politely (`eventwire.ingest.fetch`) and
reading them (`eventwire.ingest.pages`, `eventwire.ingest.html`) belong to ingest's sources, below this package.
`watch.poll` ties them to the pipeline and the store. Needs the `live` extra (httpx, feedparser, trafilatura,
lxml_html_clean).
"""
