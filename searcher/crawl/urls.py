"""Addresses: which links may be followed, one form per article, a stable id.

The same article reached as ``http://`` and ``https://``, with tracking parameters
(``utm_*``, ``fbclid`` …), with a fragment, or as its print view (``?print=1``,
``/print``) has one key and one id, derived from the address alone (never from
the time it was fetched), so a re-crawl or a re-index keeps every id.

>>> article_key("http://www.vks.example/tin/hoi-nghi?utm_source=fb&id=3&print=1#top")
'vks.example/tin/hoi-nghi?id=3'
>>> article_id("https://vks.example/tin/hoi-nghi?id=3")
'vks.example-6fd132d39a20'
>>> follow_link("javascript:alert(1)", "https://vks.example/"), follow_link("file:///etc/passwd", "https://vks.example/")
(None, None)
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

MAX_URL_CHARS = 2000
TRACKING = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|yclid|mc_[ce]id|_ga|_gl|igshid|zarsrc|ref|"
    r"source|share|s_cid|cmpid)$",
    re.IGNORECASE,
)
# a print view of the same article: a parameter that only changes the layout …
PRINT_PARAMS = {
    "print": None,
    "printable": None,
    "in": None,
    "inbai": None,
    "view": "print",
    "format": "print",
    "output": "print",
    "layout": "print",
    "mode": "print",
    "template": "print",
}
# … or a last path segment that says "print"
PRINT_SEGMENT = re.compile(r"/(?:print|printable|in-bai|ban-in|print\.aspx|print\.html?)/?$", re.I)


def follow_link(href: str, base: str) -> str | None:
    """``href`` resolved against ``base`` when it is an http(s) address, else None
    (``javascript:``, ``mailto:``, ``file:``, ``data:``, over-long or malformed)."""
    href = href.strip()
    if not href or len(href) > MAX_URL_CHARS or any(ch in href for ch in "\r\n\t\x00"):
        return None
    try:
        absolute = urljoin(base, href)
        parts = urlsplit(absolute)
        parts.port  # noqa: B018 (raises on a malformed port)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


def host_of(url: str) -> str:
    """The host, lower case, without ``www.``, with its port when it is not the
    scheme's own (one site however it is typed; robots.txt is per host and port).

    >>> host_of("https://WWW.vks.example:443/tin"), host_of("http://127.0.0.1:8080/")
    ('vks.example', '127.0.0.1:8080')
    """
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().rstrip(".")
    host = host[4:] if host.startswith("www.") else host
    try:
        port = parts.port
    except ValueError:
        port = None
    default = {"http": 80, "https": 443}.get(parts.scheme)
    return f"{host}:{port}" if port and port != default else host


def on_site(url: str, hosts: frozenset[str]) -> bool:
    """Whether ``url`` stays on one of the site's hosts (``www.`` or not)."""
    return host_of(url) in hosts


def _print_param(key: str, value: str) -> bool:
    key = key.lower()
    if key not in PRINT_PARAMS:
        return False
    wanted = PRINT_PARAMS[key]
    return wanted is None or value.lower() == wanted


def clean_url(url: str) -> str:
    """``url`` without fragment, tracking parameters or print-view markers
    (scheme kept: it is what is fetched).

    >>> clean_url("https://vks.example/a/print?id=2&utm_medium=x&view=print")
    'https://vks.example/a?id=2'
    """
    parts = urlsplit(url)
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not TRACKING.match(k) and not _print_param(k, v)
    ]
    path = PRINT_SEGMENT.sub("", parts.path) or "/"
    netloc = parts.netloc.lower()
    if (parts.scheme, parts.port) in (("http", 80), ("https", 443)):
        netloc = netloc.rsplit(":", 1)[0]
    return urlunsplit((parts.scheme, netloc, path, urlencode(query), ""))


def article_key(url: str) -> str:
    """One key per article: the clean address without scheme or ``www.``."""
    parts = urlsplit(clean_url(url))
    key = host_of(url) + parts.path
    return key + (f"?{parts.query}" if parts.query else "")


def article_id(canonical: str) -> str:
    """A stable article id from the canonical address: ``<host>-<12 hex>``."""
    digest = hashlib.sha1(article_key(canonical).encode("utf-8")).hexdigest()[:12]
    host = re.sub(r"[^a-z0-9.-]", "-", host_of(canonical))[:80].strip("-.") or "site"
    return f"{host}-{digest}"
