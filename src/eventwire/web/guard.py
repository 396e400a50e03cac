"""What every request passes before the API sees it, as one ASGI middleware: the Host header must name this
server (a page on another site that rebinds its DNS name to 127.0.0.1 cannot read a local API), a request
body is at most MAX_BODY bytes (413), and every response says `nosniff`; the docs page gets a CSP.

Write bodies are also parsed strictly (`strict_json`): NaN, Infinity and numbers too large for a double
are not JSON, though Python's parser takes them, and a stored NaN would break every later read."""

from __future__ import annotations

import ipaddress
import json
import math
import os
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

from fastapi import Request

from eventwire.web.errors import ApiError, error_body

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_BODY = 1_000_000  # bytes: a correction is a few hundred; a merge of 100 ids a few thousand
ALLOWED_HOSTS_ENV = "EVENTWIRE_ALLOWED_HOSTS"  # extra host names, comma-separated (a proxy's public name)
_LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "localhost.localdomain"})
# The docs page runs swagger-ui from this server; its inline bootstrap script needs 'unsafe-inline'.
DOCS_POLICY = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
               "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


class Guard:
    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str | None] = ()) -> None:
        self.app = app
        names = [*(h for h in allowed_hosts if h), *os.environ.get(ALLOWED_HOSTS_ENV, "").split(",")]
        self.allowed = {h.strip().lower().strip("[]") for h in names if h.strip()}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", ())}
        host = _host_name(headers.get("host", ""))
        if not self._host_allowed(host, scope.get("server")):
            await _reply(send, 421, "wrong_host", "this server does not answer to that host name; use the "
                         f"address it listens on, or list the name in {ALLOWED_HOSTS_ENV}")
            return
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            await _reply(send, 413, "too_large", f"the request body is over {MAX_BODY:,} bytes; send less at once")
            return
        if length is None and scope.get("method") in ("POST", "PUT", "PATCH", "DELETE"):
            buffered = await _buffered(receive)  # chunked: read it here, where a 413 can still be sent
            if buffered is None:
                await _reply(send, 413, "too_large", f"the request body is over {MAX_BODY:,} bytes; send less at once")
                return
            receive = buffered
        await self.app(scope, receive, _with_headers(send, scope.get("path", "")))

    def _host_allowed(self, host: str, server: tuple[str, int] | None) -> bool:
        """The name the client used must be this server's: the address it connected to, a loopback name when
        that address is loopback, the --host given, or a name listed in EVENTWIRE_ALLOWED_HOSTS."""
        bound = (server[0] if server else "").lower().strip("[]")
        if not host or host in self.allowed or host == bound:
            return True  # (no Host at all: an HTTP/1.0 client, which no browser is)
        return _is_loopback(bound) and _is_loopback(host)


def _host_name(header: str) -> str:
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host in _LOOPBACK_NAMES


async def _buffered(receive: Receive) -> Receive | None:
    """The whole body read (None when it passes MAX_BODY), handed on as one message."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break  # the client went away; the app sees that on its first receive
        chunks.append(message.get("body", b""))
        size += len(chunks[-1])
        if size > MAX_BODY:
            return None
        if not message.get("more_body", False):
            break
    replay = [{"type": "http.request", "body": b"".join(chunks), "more_body": False}]

    async def again() -> Message:
        return replay.pop() if replay else await receive()

    return again


def _with_headers(send: Send, path: str) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            names = {k.lower() for k, _ in headers}
            if b"x-content-type-options" not in names:
                headers.append((b"x-content-type-options", b"nosniff"))
            if path == "/docs" and b"content-security-policy" not in names:
                headers.append((b"content-security-policy", DOCS_POLICY.encode()))
            message["headers"] = headers
        await send(message)

    return wrapped


async def _reply(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps(error_body(code, message)).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"x-content-type-options", b"nosniff")]})
    await send({"type": "http.response.body", "body": body})


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text[:40]} is too large for a number")
    return value


async def strict_json(request: Request) -> None:
    """A dependency of the write endpoints: their body, if any, must be strict JSON (see the module doc)."""
    body = await request.body()
    if not body.strip():
        return
    try:
        json.loads(body, parse_constant=_refuse_constant, parse_float=_finite)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError is a ValueError; so is a 5,000-digit int
        raise ApiError(400, "bad_parameter", f"the body is not strict JSON ({str(exc)[:200]}); "
                       "send finite numbers, no NaN or Infinity") from exc
