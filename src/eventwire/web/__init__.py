"""The HTTP API and the map-and-timeline page (`eventwire serve`). `create_app(store_url)` builds the app."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI


def create_app(store_url: str | None = None, host: str | None = None) -> FastAPI:
    """Imported lazily so that `eventwire --help` does not load FastAPI."""
    from eventwire.web.app import create_app as build

    return build(store_url, host)


__all__ = ["create_app"]
