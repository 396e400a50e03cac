"""One store connection per server thread: sqlite3 connections must stay on the thread that opened them,
and opening one per request would re-run the schema check every time."""

from __future__ import annotations

import contextlib
import threading

from fastapi import Request

from eventwire.store import Store, open_store
from eventwire.web.errors import ApiError


class Stores:
    def __init__(self, url: str | None) -> None:
        self.url = url
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()

    def get(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.url)
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def close(self) -> None:
        """At shutdown. Connections of threads still running are closed too; no request is in flight then."""
        with self._lock:
            for store in self._all:
                # sqlite3 refuses to close another thread's connection; the process ends anyway.
                with contextlib.suppress(Exception):
                    store.close()
            self._all.clear()


def store_of(request: Request) -> Store:
    """Call inside the endpoint body (FastAPI may run dependencies on another thread than the endpoint)."""
    stores: Stores = request.app.state.stores
    return stores.get()


def writer(request: Request, store: Store) -> str:
    """The name of the token in `Authorization: Bearer …`; writes without a known token are refused."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "unauthorized", "writes need a token: run `eventwire token create NAME` and send "
                       "the header Authorization: Bearer TOKEN")
    name = store.token_name(token.strip())
    if name is None:
        raise ApiError(401, "unauthorized", "this token is unknown; create one with `eventwire token create NAME`")
    return name
