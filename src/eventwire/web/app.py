"""The FastAPI app: the API under /api, the page at /, its assets under /static, OpenAPI docs at /docs."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from eventwire import __version__
from eventwire.store import open_store
from eventwire.web import api_read, api_write
from eventwire.web.errors import install_handlers
from eventwire.web.guard import Guard
from eventwire.web.stores import Stores

STATIC = Path(str(files("eventwire.web") / "static"))
# The page shows untrusted article text: scripts only from this server, OSM tiles the only outside images.
PAGE_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
               "img-src 'self' data: https://tile.openstreetmap.org; connect-src 'self'; object-src 'none'; "
               "base-uri 'none'; frame-ancestors 'none'")


def create_app(store_url: str | None = None, host: str | None = None) -> FastAPI:
    """`host`: the --host the server was started with, a name requests may use besides the bound address."""
    open_store(store_url).close()  # fail now, with the store's message, if the database cannot be opened
    stores = Stores(store_url)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    # The docs page's scripts come from this server (vendored swagger-ui), not from a CDN: it works offline.
    app = FastAPI(title="eventwire", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Events coded from news articles: filters, downloads, evidence, corrections. "
                  "Reads are open; writes need `Authorization: Bearer TOKEN` from `eventwire token create NAME`.")
    app.state.stores = stores
    install_handlers(app)
    app.add_middleware(Guard, allowed_hosts=(host,))
    app.include_router(api_read.router)
    app.include_router(api_write.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Content-Security-Policy": PAGE_POLICY,
                                                            "X-Content-Type-Options": "nosniff",
                                                            "Cache-Control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="eventwire API",
                                   swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="data:,")

    return app
