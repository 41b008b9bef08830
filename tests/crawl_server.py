"""Local HTTP servers for the fixture sites of ``crawl_sites`` (no internet): one
threading server per site on its own port, static pages with ETag/Last-Modified,
special pages (redirects, 429, slow, 10 MB, gzip bomb, never-ending, endless lists).

Each server counts requests (path, arrival and end time, status, conditional or not)
so tests can check what was fetched, how often, and how far apart.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from crawl_sites import (
    GOV,
    GOV_SLOW,
    GOV_TWIN,
    SP,
    SP_LIST,
    SP_LIST_2,
    SP_PRINT,
    WP,
    WP_PRINT,
    cp1258,
    fill,
    gov_feed,
    wp_article,
    wp_sitemap,
)

STAMP = formatdate(1_700_000_000, usegmt=True)


@dataclass
class Hit:
    path: str
    at: float  # when the request arrived
    end: float  # when its answer was written
    status: int
    conditional: bool


@dataclass
class FixtureSite:
    """One website on its own port: static pages (with ETag/Last-Modified) and
    special handlers; ``hits`` records every request."""

    name: str
    pages: dict[str, tuple[bytes, str]] = field(default_factory=dict)  # path → (body, type)
    special: dict = field(default_factory=dict)  # path → callable(handler) -> status
    hits: list[Hit] = field(default_factory=list)
    base: str = ""
    server: ThreadingHTTPServer | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def put(self, path: str, text: str | bytes, kind: str = "text/html; charset=utf-8") -> None:
        self.pages[path] = (text.encode("utf-8") if isinstance(text, str) else text, kind)

    def record(self, path: str, at: float, status: int, conditional: bool) -> None:
        with self.lock:
            self.hits.append(Hit(path, at, time.monotonic(), status, conditional))

    def count(self, path: str | None = None, status: int | None = None) -> int:
        return sum(
            1
            for h in self.hits
            if (path is None or h.path == path) and (status is None or h.status == status)
        )


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        at = time.monotonic()
        site: FixtureSite = self.server.site  # type: ignore[attr-defined]
        conditional = bool(
            self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since")
        )
        special = site.special.get(self.path) or site.special.get(self.path.split("?")[0])
        try:
            status = special(self) if special else self.serve_static()
        except (BrokenPipeError, ConnectionResetError):
            status = 499  # the client hung up (a limit)
        site.record(self.path, at, status, conditional)

    def serve_static(self, path: str | None = None) -> int:
        site: FixtureSite = self.server.site  # type: ignore[attr-defined]
        path = path or self.path
        if path not in site.pages:
            self.send(404, "<h1>Không tìm thấy</h1>".encode())
            return 404
        body, kind = site.pages[path]
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send(304, b"", etag=etag)
            return 304
        self.send(200, body, kind, etag=etag)
        return 200

    def send(self, status: int, body: bytes, kind: str = "text/html; charset=utf-8",
             **headers: str) -> None:  # fmt: skip
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        if "etag" in headers:
            self.send_header("ETag", headers.pop("etag"))
            self.send_header("Last-Modified", STAMP)
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        self.end_headers()
        if body:
            self.wfile.write(body)


def start(site: FixtureSite) -> FixtureSite:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.site = site  # type: ignore[attr-defined]
    site.server = server
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    return site


# -- special pages ------------------------------------------------------------------
def redirect(to: str, code: int = 301):
    def handle(h: Handler) -> int:
        h.send(code, b"", Location=to)
        return code

    return handle


def too_many_first(path: str):
    """429 with Retry-After: 1 on the first request, then the page."""
    asked = []

    def handle(h: Handler) -> int:
        if not asked:
            asked.append(time.monotonic())
            h.send(429, b"", Retry_After="1")
            return 429
        return h.serve_static(path)

    return handle


def slow(path: str, seconds: float = 0.15):
    def handle(h: Handler) -> int:
        time.sleep(seconds)
        return h.serve_static(path)

    return handle


def huge(h: Handler) -> int:
    """10 MB of markup, no Content-Length: only the read limit stops it."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.end_headers()
    chunk = "<p>Trang này cố tình rất dài để thử giới hạn đọc.</p>".encode() * 1000
    for _ in range(10_000_000 // len(chunk) + 1):
        h.wfile.write(chunk)
    return 200


_BOMB: list[bytes] = []


def bomb(h: Handler) -> int:
    """A 20 KB gzip body that unpacks to 20 MB."""
    if not _BOMB:
        _BOMB.append(gzip.compress(b"<p>" + b"0" * 20_000_000, compresslevel=9))
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Content-Encoding", "gzip")
    h.send_header("Content-Length", str(len(_BOMB[0])))
    h.end_headers()
    h.wfile.write(_BOMB[0])
    return 200


def endless_body(h: Handler) -> int:
    """A page that never ends: a paragraph every 50 ms until the client hangs up."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.end_headers()
    for _ in range(2000):
        h.wfile.write("<p>Vẫn còn tiếp nữa…</p>".encode())
        h.wfile.flush()
        time.sleep(0.05)
    return 200


def endless_list(h: Handler) -> int:
    """List page N links to two new articles and to page N + 1, forever."""
    n = int(h.path.rsplit("=", 1)[-1]) if "=" in h.path else 1
    links = "".join(
        f"<li><a href='/bai-{n}-{k}.html'>Bài số {k} của trang danh sách thứ {n}</a></li>"
        for k in (1, 2)
    )
    body = f"<ul>{links}</ul><a href='/danh-sach?trang={n + 1}'>Trang sau</a>"
    h.send(200, body.encode())
    return 200


def endless_article(h: Handler) -> int:
    name = h.path.strip("/").removesuffix(".html")
    page = wp_article(
        f"Bản tin tự sinh {name} của trang thử nghiệm",
        "2024-01-02",
        ["Nội dung này được máy chủ thử nghiệm tạo ra cho mỗi địa chỉ khác nhau: " + name],
    )
    h.send(200, page.encode())
    return 200


def build_sites() -> dict[str, FixtureSite]:
    """Every fixture site, started, its pages filled with the others' addresses."""
    if not _BOMB:  # made once, before any request
        _BOMB.append(gzip.compress(b"<p>" + b"0" * 20_000_000, compresslevel=9))
    sites = {n: start(FixtureSite(n)) for n in ("sp", "gov", "wp", "endless", "closed")}
    bases = {n: s.base for n, s in sites.items()}
    sp, gov, wp = sites["sp"], sites["gov"], sites["wp"]
    for path, page in SP.items():
        sp.put(path, fill(page, bases))
    sp.put(
        SP_PRINT,
        fill(SP["/Pages/giao-ban-quy-1-2021.aspx"], bases).replace(
            "<div class='top-menu'>", "<div class='top-menu' hidden>"
        ),
    )
    sp.put("/Pages/tin-tuc.aspx", fill(SP_LIST, bases))
    sp.put("/Pages/tin-tuc.aspx?Page=2", fill(SP_LIST_2, bases))
    sp.put("/robots.txt", "User-agent: *\nDisallow: /Pages/noi-bo\n", "text/plain")
    sp.special["/Pages/bai-cu.aspx"] = redirect("/Pages/bai-moi.aspx")
    sp.special["/Pages/chuyen-di.aspx"] = redirect(f"{gov.base}/tin-tuc/ngoai-trang.html", 302)
    sp.special["/Pages/cho-doi.aspx"] = too_many_first("/Pages/cho-doi.aspx")
    for path, page in GOV.items():
        text = fill(page, bases)
        if "windows-1258" in text:
            gov.put(path, cp1258(text), "text/html")
        else:
            gov.put(path, text)
    gov.put("/index.php?option=bai-viet&id=7", fill(GOV["/tin-tuc/id-7.html"], bases))
    gov.put("/robots.txt", "User-agent: *\nCrawl-delay: 0.2\n", "text/plain")
    gov.put(GOV_TWIN, fill(GOV["/tin-tuc/id-8.html"], bases))
    gov.put("/rss", fill(gov_feed(), bases), "application/rss+xml")
    gov.special[GOV_SLOW] = slow(GOV_SLOW)
    for path, page in WP.items():
        wp.put(path, page)
    canonical = f"<link rel='canonical' href='{wp.base}/2024/06/tuyen-truyen-phap-luat/'>"
    wp.put(WP_PRINT, WP["/2024/06/tuyen-truyen-phap-luat/"].replace("<head>", "<head>" + canonical))
    wp.put("/sitemap.xml", fill(wp_sitemap(), bases), "application/xml")
    wp.put(
        "/robots.txt", f"User-agent: *\nAllow: /\nSitemap: {wp.base}/sitemap.xml\n", "text/plain"
    )
    wp.special.update({"/trang-rat-lon/": huge, "/bom-nen/": bomb,
                       "/khong-bao-gio-het/": endless_body, "/vong-a/": redirect("/vong-b/", 302),
                       "/vong-b/": redirect("/vong-a/", 302)})  # fmt: skip
    sites["endless"].special["/danh-sach"] = endless_list
    for n in range(1, 50):
        for k in (1, 2):
            sites["endless"].special[f"/bai-{n}-{k}.html"] = endless_article
    sites["closed"].put("/robots.txt", "User-agent: *\nDisallow: /\n", "text/plain")
    sites["closed"].put("/tin-tuc", SP_LIST)
    return sites
