"""Polite, bounded HTTP GETs (stdlib ``http.client``: one connection at a time per host).

Every request waits the site's delay after the previous one to the same host, names
the project in its User-Agent, asks conditionally (ETag / Last-Modified) when it
can, honours ``Retry-After`` on 429/503 and backs off exponentially on network
errors and 5xx. What is read is bounded: bytes (also after gzip: a bomb stops at the
limit), time (a page that never ends), redirects (a loop, too many hops), schemes
(http and https only) and hosts (``allowed`` says where a hop may go).

>>> retry_after("120", now=0.0), retry_after("soon", now=0.0)
(120.0, None)
"""

from __future__ import annotations

import email.utils
import http.client
import ssl
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from searcher.crawl.urls import follow_link, host_of
from searcher.read.sources import MAX_ARTICLE_BYTES

USER_AGENT = "vksnd-searcher/0.1 (+https://github.com/vksnd-searcher; archive crawler)"
ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml;q=0.9,*/*;q=0.5"


@dataclass(frozen=True)
class Limits:
    """What one request may take. Tests make the numbers small."""

    max_bytes: int = MAX_ARTICLE_BYTES  # the corpus's limit per article, after decompression
    read_seconds: float = 30.0  # the whole body, however slowly it comes
    connect_seconds: float = 15.0
    max_redirects: int = 5
    retries: int = 3  # after the first try, on 429/503/5xx/network errors
    backoff: float = 2.0  # first back-off, doubled each time
    max_wait: float = 300.0  # the longest Retry-After honoured within a run


@dataclass
class Response:
    url: str  # after redirects
    status: int
    headers: dict[str, str]
    body: bytes
    seconds: float
    redirects: list[str] = field(default_factory=list)

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


class FetchError(Exception):
    """A request that gave nothing usable; ``kind`` sorts it for the health table
    (robots, offsite, limit, redirect, network, status, budget)."""

    def __init__(self, url: str, kind: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url, self.kind, self.reason = url, kind, reason


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks for (a number or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class HostClock:
    """When each host may be asked again; one lock per host makes the requests to a
    host one at a time, whatever thread asks."""

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.clock, self.sleep = clock, sleep
        self.next_at: dict[str, float] = {}
        self.locks: dict[str, threading.Lock] = {}
        self.guard = threading.Lock()

    def lock(self, host: str) -> threading.Lock:
        with self.guard:
            return self.locks.setdefault(host, threading.Lock())

    def wait(self, host: str, deadline: float | None) -> None:
        delay = self.next_at.get(host, 0.0) - self.clock()
        if delay > 0:
            if deadline is not None and self.clock() + delay > deadline:
                raise FetchError(host, "budget", "the run's time budget is spent")
            self.sleep(delay)

    def done(self, host: str, delay: float) -> None:
        self.next_at[host] = max(self.next_at.get(host, 0.0), self.clock() + delay)


class Fetcher:
    """GETs with the limits above; ``get`` raises ``FetchError`` with a plain reason."""

    def __init__(
        self,
        limits: Limits | None = None,
        user_agent: str = USER_AGENT,
        clock: HostClock | None = None,
        deadline: float | None = None,
    ) -> None:
        self.limits = limits or Limits()
        self.user_agent = user_agent
        self.clock = clock or HostClock()
        self.deadline = deadline  # on self.clock's time: no wait or request after it

    def get(
        self,
        url: str,
        *,
        delay: float,
        allowed: Callable[[str], str | None],
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Response:
        """The response to ``url`` after redirects (2xx, 304 or an error status).
        ``allowed(url)`` returns why an address may not be fetched, or None."""
        seen, hops = [url], []
        while True:
            if reason := allowed(url):
                kind = "robots" if "robots" in reason else "offsite"
                raise FetchError(url, kind, reason)
            headers = (
                {"If-None-Match": etag, "If-Modified-Since": last_modified} if not hops else {}
            )
            response = self._with_retries(url, delay, headers)
            location = response.headers.get("location")
            if response.status not in (301, 302, 303, 307, 308) or not location:
                response.redirects = hops
                return response
            target = follow_link(location, url)
            if target is None:
                raise FetchError(
                    url, "redirect", f"redirect to a non-web address {location[:80]!r}"
                )
            if target in seen:
                raise FetchError(url, "redirect", "redirect loop")
            if len(hops) >= self.limits.max_redirects:
                raise FetchError(
                    url, "redirect", f"more than {self.limits.max_redirects} redirects"
                )
            hops.append(url)
            seen.append(target)
            url = target

    def _with_retries(self, url: str, delay: float, headers: dict) -> Response:
        host, wait, attempt = host_of(url), self.limits.backoff, 0
        while True:
            try:
                response = self._once(url, delay, headers)
            except FetchError as exc:
                if exc.kind != "network" or attempt >= self.limits.retries:
                    raise
                self._pause(host, wait, delay)
            else:
                if response.status not in (429, 500, 502, 503, 504):
                    return response
                asked = retry_after(response.headers.get("retry-after"))
                if attempt >= self.limits.retries:
                    raise FetchError(url, "status", f"HTTP {response.status}, {attempt + 1} tries")
                if asked is not None and asked > self.limits.max_wait:
                    raise FetchError(
                        url,
                        "status",
                        f"HTTP {response.status}: the site asks to wait "
                        f"{asked:.0f} s; left for the next run",
                    )
                self._pause(host, asked if asked is not None else wait, delay)
            attempt, wait = attempt + 1, wait * 2

    def _pause(self, host: str, seconds: float, delay: float) -> None:
        self.clock.done(host, max(seconds, delay))

    def _once(self, url: str, delay: float, extra: dict) -> Response:
        host = host_of(url)
        with self.clock.lock(host):
            self.clock.wait(host, self.deadline)
            try:
                return self._request(url, {k: v for k, v in extra.items() if v})
            finally:
                self.clock.done(host, delay)

    def _request(self, url: str, extra: dict) -> Response:
        parts, limits = urlsplit(url), self.limits
        started = time.monotonic()
        kind = (
            http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        )
        kwargs = {"context": ssl.create_default_context()} if parts.scheme == "https" else {}
        conn = kind(parts.hostname, parts.port, timeout=limits.connect_seconds, **kwargs)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        headers = {
            "User-Agent": self.user_agent,
            "Accept": ACCEPT,
            "Accept-Encoding": "gzip",
            "Accept-Language": "vi,en;q=0.5",
            "Connection": "close",
            **extra,
        }
        resp = None
        try:
            conn.request("GET", path, headers=headers)
            resp = conn.getresponse()
            found = {k.lower(): v for k, v in resp.getheaders()}
            body = b"" if resp.status in (204, 304) else _read(resp, conn, limits, started, url)
        except (OSError, http.client.HTTPException) as exc:
            raise FetchError(
                url, "network", f"network error: {exc.__class__.__name__} {exc}"
            ) from None
        finally:
            if resp is not None:
                resp.close()  # its socket file too: a body left unread is not leaked
            conn.close()
        if "location" in found:
            found["location"] = urljoin(url, found["location"])
        return Response(url, resp.status, found, body, time.monotonic() - started)


def _mb(size: int) -> str:
    """Bytes in MB as the corpus limit is said ("5 MB"): binary megabytes.

    >>> _mb(5 * 1024 * 1024), _mb(10_000_000)
    ('5 MB', '9.5 MB')
    """
    mb = size / 2**20
    return f"{mb:.0f} MB" if mb == int(mb) else f"{mb:.1f} MB"


def _read(resp, conn, limits: Limits, started: float, url: str) -> bytes:
    """The body within the byte and time limits, gunzipped with the same byte limit."""
    length = resp.getheader("content-length")
    if length and length.isdigit() and int(length) > limits.max_bytes:
        raise FetchError(
            url,
            "limit",
            f"page too large ({_mb(int(length))}, the limit is {_mb(limits.max_bytes)})",
        )
    gzipped = resp.getheader("content-encoding", "").lower() in ("gzip", "x-gzip")
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzipped else None
    out, size = [], 0
    while True:
        left = started + limits.read_seconds - time.monotonic()
        if left <= 0:
            raise FetchError(url, "limit", f"page not finished after {limits.read_seconds:g} s")
        if conn.sock is not None:
            conn.sock.settimeout(min(left, limits.connect_seconds))
        try:
            chunk = resp.read1(65536)
        except TimeoutError:  # the page stopped coming: as final as one that never ends
            wait = min(left, limits.connect_seconds)
            raise FetchError(url, "limit", f"page stalled (nothing for {wait:g} s)") from None
        if not chunk:
            break
        if inflate is not None:
            chunk = inflate.decompress(chunk, limits.max_bytes + 1 - size)
            if inflate.unconsumed_tail:
                size = limits.max_bytes + 1
        size += len(chunk)
        if size > limits.max_bytes:
            what = "unpacks to more than" if inflate is not None else "larger than"
            raise FetchError(url, "limit", f"page {what} {_mb(limits.max_bytes)}: not read")
        out.append(chunk)
    return b"".join(out)
