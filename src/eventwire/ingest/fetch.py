"""A polite HTTP fetcher: timeouts, retries with exponential backoff, a user agent that says who is asking,
robots.txt (fetched once per host and cached), a minimum interval between requests to one host, a size cap,
a content-type check, and conditional GETs. A failure is a value (FetchFailure), never an exception.

The clock and the sleep are injectable so that tests do not wait for backoffs and rate limits.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from types import TracebackType
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from eventwire import __version__
from eventwire.errors import REJECT_FETCH, REJECT_ROBOTS, REJECT_UNSUPPORTED
from eventwire.records import Rejection

PROJECT_URL = "https://pypi.org/project/eventwire/"
DEFAULT_USER_AGENT = f"eventwire/{__version__} (+{PROJECT_URL})"
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
              "application/x-rss+xml", "text/plain")
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
_ROBOTS_RETRY_S = 300.0  # a robots.txt that could not be read is asked for again after this long
# A usable response's parts, in Fetched's order after the URLs: status, body, media type, charset, ETag,
# Last-Modified.
_Parts = tuple[int, bytes, str | None, str | None, str | None, str | None]


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    user_agent: str = DEFAULT_USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # longest silence while waiting for bytes
    total_timeout: float = 60.0  # longest a whole response may take
    retries: int = 2  # further tries after the first, on network errors, timeouts, 429 and 5xx
    backoff: float = 1.0  # wait before the first retry; doubles after each
    max_retry_after: float = 120.0  # a longer Retry-After gives up (the next poll tries again)
    min_interval: float = 1.0  # seconds between requests to one host (robots.txt Crawl-delay can raise it)
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    robots_ttl: float = 86_400.0  # robots.txt is read again after a day


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response eventwire can use: 200 with the body, or 304 (unchanged since the validators given)."""

    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    content: bytes
    content_type: str | None = None  # media type, lower case, without parameters
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == HTTPStatus.NOT_MODIFIED


@dataclass(frozen=True, slots=True)
class FetchFailure:
    url: str
    code: str
    reason: str  # one line a person can act on
    status: int | None = None  # the HTTP status, when the server answered
    transient: bool = True  # worth trying again later (network, timeout, 429, 5xx)

    def rejection(self) -> Rejection:
        return Rejection(input=self.url, stage="fetch", code=self.code, reason=self.reason)


@dataclass(slots=True)
class _Robots:
    expires: float
    rules: RobotFileParser | None  # None: everything allowed (no robots.txt)
    failure: FetchFailure | None = None  # it could not be read: nothing is fetched from the host for a while


class Fetcher:
    """One per job; reuses connections. Use as a context manager or call close()."""

    def __init__(self, policy: FetchPolicy | None = None, *, transport: httpx.BaseTransport | None = None,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep) -> None:
        self.policy = p = policy or FetchPolicy()
        timeout = httpx.Timeout(p.read_timeout, connect=p.connect_timeout, pool=p.connect_timeout)
        self._client = httpx.Client(timeout=timeout, headers={"User-Agent": p.user_agent}, follow_redirects=False,
                                    transport=transport)
        self._clock, self._sleep = clock, sleep
        self._free_at: dict[str, float] = {}  # host -> earliest time of its next request
        self._robots: dict[str, _Robots] = {}
        self.requests = 0  # requests sent, robots.txt included (tests and summaries read it)

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            accept: tuple[str, ...] | None = None, require_type: bool = True) -> Fetched | FetchFailure:
        """GET `url`, following redirects (each hop checked against robots.txt). With `etag`/`last_modified`
        the request is conditional and an unchanged resource comes back as a 304 Fetched with no content.
        `accept`: media types the caller can read, sent as the Accept header; with `require_type` another type fails
        (a missing Content-Type passes). Feeds are often served with the wrong type, so their reader sniffs."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        if accept:
            headers["Accept"] = ", ".join(accept) + ", */*;q=0.1"
        current = url
        for _hop in range(self.policy.max_redirects + 1):
            if urlsplit(current).scheme not in ("http", "https") or not urlsplit(current).hostname:
                return FetchFailure(url, REJECT_FETCH, f"{current!r} is not an http(s) URL; give a full "
                                    "http:// or https:// address", transient=False)
            denied = self._robots_denies(current)
            if denied is not None:
                return FetchFailure(url, denied.code, denied.reason, denied.status, denied.transient)
            outcome = self._get_with_retries(current, headers, accept if require_type else None)
            if isinstance(outcome, FetchFailure):
                return FetchFailure(url, outcome.code, outcome.reason, outcome.status, outcome.transient)
            if isinstance(outcome, str):  # a redirect's target
                current = urljoin(current, outcome)
                continue
            return Fetched(url, current, *outcome)
        return FetchFailure(url, REJECT_FETCH, f"more than {self.policy.max_redirects} redirects; open it in a "
                            "browser to find the page's final address", transient=False)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # -- requests ------------------------------------------------------------------------------------------

    def _get_with_retries(self, url: str, headers: dict[str, str], accept: tuple[str, ...] | None,
                          ) -> _Parts | str | FetchFailure:
        p = self.policy
        tries = p.retries + 1
        for attempt in range(tries):
            outcome, retry_after = self._attempt(url, headers, accept)
            if not (isinstance(outcome, FetchFailure) and outcome.transient) or attempt == tries - 1:
                break
            wait = p.backoff * 2 ** attempt if retry_after is None else retry_after
            if wait > p.max_retry_after:
                return FetchFailure(url, outcome.code, f"{outcome.reason}; the server asks to come back in "
                                    f"{wait:.0f} s, so it is left for a later try", outcome.status)
            self._sleep(wait)
        if isinstance(outcome, FetchFailure) and outcome.transient and tries > 1:
            return FetchFailure(url, outcome.code, f"{outcome.reason} (tried {tries} times)", outcome.status)
        return outcome

    def _attempt(self, url: str, headers: dict[str, str], accept: tuple[str, ...] | None,
                 ) -> tuple[_Parts | str | FetchFailure, float | None]:
        """One request: the response's parts, a redirect target, or a failure (with Retry-After, if any)."""
        p = self.policy
        host = urlsplit(url).netloc.lower()
        self._wait_turn(host)
        started = self._clock()
        self.requests += 1
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                status = response.status_code
                if status in _REDIRECTS and response.headers.get("location"):
                    return response.headers["location"], None
                if status == HTTPStatus.NOT_MODIFIED:
                    return (status, b"", None, None, response.headers.get("etag"),
                            response.headers.get("last-modified")), None
                if status != HTTPStatus.OK:
                    return _status_failure(url, status), _retry_after(response.headers.get("retry-after"))
                media_type = response.headers.get("content-type", "").split(";")[0].strip().lower() or None
                if accept and media_type and media_type not in accept:
                    return FetchFailure(url, REJECT_UNSUPPORTED, f"the server sends {media_type}, not "
                                        f"{' or '.join(accept[:2])}; give eventwire the address of an article's page",
                                        status, transient=False), None
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > p.max_bytes:
                    return _too_large(url, status, p.max_bytes), None
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > p.max_bytes:
                        return _too_large(url, status, p.max_bytes), None
                    if self._clock() - started > p.total_timeout:
                        return FetchFailure(url, REJECT_FETCH, f"the response took longer than {p.total_timeout:g} s;"
                                            " the server is too slow, try later", status), None
                return (status, bytes(body), media_type, response.charset_encoding, response.headers.get("etag"),
                        response.headers.get("last-modified")), None
        except httpx.TimeoutException as exc:
            kind = "connecting" if isinstance(exc, httpx.ConnectTimeout) else "waiting for the answer"
            limit = p.connect_timeout if isinstance(exc, httpx.ConnectTimeout) else p.read_timeout
            return FetchFailure(url, REJECT_FETCH, f"timed out after {limit:g} s {kind}; the server is slow or "
                                "down, try later"), None
        except httpx.TransportError as exc:
            return FetchFailure(url, REJECT_FETCH, f"cannot reach {host} ({type(exc).__name__}: "
                                f"{_one_line(str(exc)) or 'no detail'}); check the address and the network"), None
        finally:
            self._free_at[host] = self._clock() + self._interval(host)

    def _wait_turn(self, host: str) -> None:
        wait = self._free_at.get(host, float("-inf")) - self._clock()
        if wait > 0:
            self._sleep(wait)

    def _interval(self, host: str) -> float:
        robots = self._robots.get(host)
        delay = None
        if robots is not None and robots.rules is not None:
            crawl_delay = robots.rules.crawl_delay(self.policy.user_agent)
            delay = float(crawl_delay) if crawl_delay is not None else None
        return max(self.policy.min_interval, min(delay or 0.0, 60.0))

    # -- robots.txt ----------------------------------------------------------------------------------------

    def _robots_denies(self, url: str) -> FetchFailure | None:
        parts = urlsplit(url)
        host = parts.netloc.lower()
        robots = self._robots.get(host)
        if robots is None or robots.expires <= self._clock():
            robots = self._read_robots(f"{parts.scheme}://{parts.netloc}/robots.txt")
            self._robots[host] = robots
        if robots.failure is not None:
            return robots.failure
        if robots.rules is not None and not robots.rules.can_fetch(self.policy.user_agent, url):
            return FetchFailure(url, REJECT_ROBOTS, f"{host}'s robots.txt disallows this address for "
                                "eventwire; leave it out or ask the site for access", transient=False)
        return None

    def _read_robots(self, robots_url: str) -> _Robots:
        p = self.policy
        hops = 0
        current = robots_url
        while True:
            outcome = self._get_with_retries(current, {}, None)
            if isinstance(outcome, str) and hops < p.max_redirects:
                current, hops = urljoin(current, outcome), hops + 1
                continue
            break
        expires = self._clock() + p.robots_ttl
        if isinstance(outcome, tuple):
            rules = RobotFileParser(robots_url)
            rules.parse(outcome[1].decode("utf-8", errors="replace").splitlines())
            return _Robots(expires, rules)
        if isinstance(outcome, FetchFailure) and (outcome.status is None or outcome.status >= 500
                                                  or outcome.status == HTTPStatus.TOO_MANY_REQUESTS):
            # RFC 9309: an unreachable robots.txt means "disallow everything" until it can be read.
            reason = f"cannot read {robots_url}: {outcome.reason}"
            return _Robots(self._clock() + _ROBOTS_RETRY_S, None, FetchFailure(robots_url, REJECT_FETCH, reason,
                                                                                outcome.status))
        return _Robots(expires, None)  # 4xx (no robots.txt), or one that redirects in circles: all allowed


def _status_failure(url: str, status: int) -> FetchFailure:
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "unknown status"
    if status in _RETRY_STATUSES:
        return FetchFailure(url, REJECT_FETCH, f"the server answered {status} {phrase}; it is busy or down, "
                            "try later", status)
    if status >= 500:
        return FetchFailure(url, REJECT_FETCH, f"the server answered {status} {phrase}; try later", status)
    if status in (401, 403):
        return FetchFailure(url, REJECT_FETCH, f"the server answered {status} {phrase}; the page is not public, "
                            "leave it out", status, transient=False)
    return FetchFailure(url, REJECT_FETCH, f"the server answered {status} {phrase}; check the address",
                        status, transient=False)


def _too_large(url: str, status: int, limit: int) -> FetchFailure:
    return FetchFailure(url, REJECT_FETCH, f"larger than {limit // 1_000_000} MB; eventwire reads article pages "
                        "and feeds, not large files", status, transient=False)


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _one_line(text: str) -> str:
    return " ".join(text.split())[:200]
