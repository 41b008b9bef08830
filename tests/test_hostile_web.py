"""Issue 23, the server's side: each test is a hole a hostile tester found in the web
server or its output, written before its fix (the item number is the issue's).

Sockets that never finish a request, exports nobody reads, repeated parameters, text
XML cannot hold, a forged ``Host``, ids that look like paths, a silent export cap and
nonsense ``serve`` options.
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
import threading
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from click.testing import CliRunner
from conftest import ServerThread

from searcher.engine.engine import Engine
from searcher.index.operations import rebuild
from web import create_app
from web.cli import cli

FORBIDDEN = "\x1b\x01\x00\ufffe\ud800"  # ESC, SOH, NUL, a noncharacter, a lone surrogate


class Dirty:
    """The real engine, with characters XML 1.0 forbids in every text it returns:
    what an index built before ingest stripped them (or by a bug) would hold."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def __getattr__(self, name: str):
        return getattr(self._engine, name)

    def search(self, request):
        results = self._engine.search(request)
        for h in results.hits:
            h.title, h.title_html = FORBIDDEN + h.title, FORBIDDEN + h.title_html
            h.snippet, h.unit = FORBIDDEN + h.snippet, FORBIDDEN + (h.unit or "")
        return results

    def article(self, article_id, request=None):
        view = self._engine.article(article_id, request)
        if view is not None:
            view.title, view.title_html = FORBIDDEN + view.title, FORBIDDEN + view.title_html
            view.body_html = FORBIDDEN + view.body_html
        return view

    def export(self, request):
        for row in self._engine.export(request):
            yield {**row, "title": FORBIDDEN + row["title"], "unit": FORBIDDEN}


class Big:
    """An engine whose every export is ~100 MB (rows of 1 kB), produced fast."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def __getattr__(self, name: str):
        return getattr(self._engine, name)

    def export(self, request):
        for i in range(100_000):
            yield {"id": f"x{i}", "title": "x" * 1000}


def _app(index: Path, **config):
    return create_app({"TESTING": True, "INDEX_DIR": str(index), **config})


def _running(app, threads: int = 4, **limits):
    from web.server import Limits, make_server

    server = make_server(app, "127.0.0.1", 0, threads=threads, limits=Limits(**limits))
    return server.socket.getsockname()[1], ServerThread(server)


def _get(port: int, path: str, timeout: float = 5) -> bytes:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=timeout) as r:
        return r.read()


def _closed_by_server(sock: socket.socket, within: float) -> bool:
    """Whether the server closes ``sock`` within ``within`` seconds (what was sent
    before is read and dropped)."""
    sock.settimeout(0.2)
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            if sock.recv(1 << 20) == b"":
                return True
        except TimeoutError:
            continue
        except OSError:
            return True
    return False


# 7. idle sockets and header tricklers
def test_hundreds_of_idle_sockets_do_not_shut_out_a_reader(built) -> None:
    port, running = _running(_app(built[1]))
    idle = []
    try:
        for _ in range(250):  # waitress's default limit is 100 a process
            idle.append(socket.create_connection(("127.0.0.1", port), timeout=5))
        assert json.loads(_get(port, "/healthz"))["status"] == "ok"
    finally:
        for s in idle:
            s.close()
        running.close()


@pytest.mark.slow
def test_a_request_that_never_ends_its_headers_is_cut(built) -> None:
    port, running = _running(_app(built[1]), request_timeout=2, idle_timeout=3)
    trickling, idle = [], socket.create_connection(("127.0.0.1", port), timeout=5)
    stop = threading.Event()

    def trickle() -> None:
        n = 0
        while not stop.is_set():
            for s in trickling:
                with contextlib.suppress(OSError):
                    s.sendall(f"X-Line-{n}: 1\r\n".encode())
            n += 1
            stop.wait(0.3)

    try:
        for _ in range(20):
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            s.sendall(b"GET /search HTTP/1.1\r\nHost: x\r\n")
            trickling.append(s)
        thread = threading.Thread(target=trickle)
        thread.start()
        assert all(_closed_by_server(s, within=5) for s in trickling)
        assert _closed_by_server(idle, within=3)  # never sent a byte: closed too
        assert json.loads(_get(port, "/healthz"))["status"] == "ok"
    finally:
        stop.set()
        thread.join()
        for s in [*trickling, idle]:
            s.close()
        running.close()


# 8. exports nobody reads
def _non_reader(port: int, path: str = "/export.jsonl") -> socket.socket:
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.connect(("127.0.0.1", port))
    s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    return s


def _status(sock: socket.socket) -> tuple[int, str]:
    sock.settimeout(5)
    head = sock.recv(4096).decode("latin-1")
    return int(head.split()[1]), head


@pytest.mark.slow
def test_exports_are_capped_and_a_non_reader_loses_its_thread(built) -> None:
    app = _app(built[1], EXPORT_SLOTS=1)
    app.extensions["searcher"] = Big(Engine(built[1]))
    port, running = _running(app, threads=2, send_timeout=2)
    first = _non_reader(port)
    try:
        time.sleep(0.5)  # the first export fills its buffers and waits for its reader
        second = _non_reader(port)
        status, head = _status(second)
        assert status == 503 and "Retry-After:" in head, head
        second.close()
        assert json.loads(_get(port, "/healthz"))["status"] == "ok"  # a thread is free
        # the reader that never reads is dropped: its thread and its export slot come back
        assert _closed_by_server(first, within=8)
        third = _non_reader(port)
        assert _status(third)[0] == 200
        third.close()
    finally:
        first.close()
        running.close()


@pytest.mark.slow
def test_a_reader_of_a_trickle_loses_its_thread_too(built) -> None:
    app = _app(built[1], EXPORT_SLOTS=1)
    app.extensions["searcher"] = Big(Engine(built[1]))
    port, running = _running(app, threads=2, send_timeout=2)
    slow, stop = _non_reader(port), threading.Event()

    def trickle() -> None:  # 16 kB a second (half of 64 kB in 2 s), for ever
        slow.settimeout(1)
        while not stop.is_set():
            with contextlib.suppress(OSError):
                for _ in range(4):
                    slow.recv(4096)
            stop.wait(1)

    reader = threading.Thread(target=trickle)
    reader.start()
    try:
        time.sleep(0.5)
        statuses = []
        for _ in range(12):  # the slot comes back once the trickle is cut
            probe = _non_reader(port)
            statuses.append(_status(probe)[0])
            probe.close()
            if statuses[-1] == 200:
                break
            time.sleep(1)
        assert statuses[0] == 503 and statuses[-1] == 200, statuses
    finally:
        stop.set()
        reader.join()
        slow.close()
        running.close()


# 11. repeated parameters
def test_repeated_parameters_are_read_once(client) -> None:
    from web.security import MAX_PARAMS

    once = client.get("/search?year=2020").get_data(as_text=True)
    r = client.get("/search?" + "year=2020&" * (MAX_PARAMS - 1))
    assert r.status_code == 200
    page = r.get_data(as_text=True)
    assert len(page) < len(once) + 1000 and "year=2020&amp;year=2020" not in page
    r = client.get("/search?" + "year=2020&" * 800)  # the tester's 7 kB URL: 11 MB before
    assert r.status_code == 400 and "quá nhiều tham số" in r.get_data(as_text=True)


def test_a_flood_of_parameters_never_reaches_the_app(built) -> None:
    app = _app(built[1])
    calls = []
    app.before_request(lambda: calls.append(1))
    port, running = _running(app)
    try:
        with pytest.raises(urllib.error.HTTPError) as refused:
            _get(port, "/search?" + "year=2020&" * 800)
        assert refused.value.code == 400 and refused.value.headers["Content-Security-Policy"]
        assert "quá nhiều tham số" in refused.value.read().decode("utf-8")
        assert not calls  # answered by waitress itself: no app thread for it
        assert b"2020" in _get(port, "/search?" + "year=2020&" * 100)
    finally:
        running.close()


def test_too_many_values_of_one_filter_is_a_400(client) -> None:
    from web.state import MAX_FILTER_VALUES

    ok = "&".join(f"year={1990 + i}" for i in range(MAX_FILTER_VALUES))
    assert client.get("/search?" + ok).status_code == 200
    r = client.get(f"/search?{ok}&year=2999")
    assert r.status_code == 400 and f"tối đa {MAX_FILTER_VALUES}" in r.get_data(as_text=True)
    assert client.get(f"/api/search?{ok}&year=2999").status_code == 400


# 12. characters XML 1.0 forbids, whatever the index holds
def test_no_forbidden_character_leaves_the_server(built) -> None:
    app = _app(built[1])
    app.extensions["searcher"] = Dirty(Engine(built[1]))
    client = app.test_client()
    for query, entries in (("giao+ban", True), ("giao+ban%1B%01%EF%BF%BE", False)):
        feed = client.get(f"/feed.atom?q={query}")
        assert feed.status_code == 200
        root = ET.fromstring(feed.get_data())  # well-formed XML
        assert bool(root.findall("{http://www.w3.org/2005/Atom}entry")) is entries
    for url in ("/search?q=giao+ban", "/article/001_19c58e07ec207b15", "/export.jsonl?q=giao+ban",
                "/export.csv?q=giao+ban", "/api/search?q=giao+ban"):  # fmt: skip
        with client.get(url) as r:
            text = r.get_data().decode("utf-8")  # no lone surrogate either
        assert r.status_code == 200, url
        assert not any(ch in text for ch in FORBIDDEN), url


# 13. Host never writes a link
def test_feed_links_come_from_the_base_url_not_host(built) -> None:
    client = _app(built[1], BASE_URL="https://bao-cao.example").test_client()
    r = client.get("/feed.atom?q=giao+ban", headers={"Host": "evil.example"})
    text = r.get_data(as_text=True)
    assert "evil.example" not in text
    links = [e.get("href") for e in ET.fromstring(r.get_data()).iter() if e.get("href")]
    assert links and all(h.startswith("https://bao-cao.example/") for h in links), links
    r = client.get("//search?q=x", headers={"Host": "evil.example"})
    assert "evil.example" not in r.headers.get("Location", "")


# 14. ids that look like paths
ODD_IDS = ["/lead", "lead", "a/../lead", "x//y", "tin/2024", "end/", "a%2Fb", "./z"]


@pytest.fixture(scope="module")
def odd(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("odd")
    corpus = base / "corpus"
    corpus.mkdir()
    with (corpus / "odd.jsonl").open("w", encoding="utf-8") as fh:
        for n, article_id in enumerate(ODD_IDS):
            record = {"id": article_id, "title": f"Hội nghị giao ban số {n} kỳ lạ",
                      "body": f"VKSND tỉnh Nghệ An giao ban lần thứ {n}, mã zq{n}x."}  # fmt: skip
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    report = rebuild(corpus, base / "index")
    assert report.indexed == len(ODD_IDS), report.to_json()
    return base / "index"


@pytest.mark.parametrize("n", range(len(ODD_IDS)))
def test_every_id_links_to_exactly_its_article(odd: Path, n: int) -> None:
    client = _app(odd).test_client()
    page = client.get(f"/search?q=zq{n}x").get_data(as_text=True)
    start = page.index('<h3><a href="') + len('<h3><a href="')
    link = page[start : page.index('"', start)].replace("&amp;", "&")
    # as a browser does: dot segments resolved; a proxy may also merge slashes
    parts = urlsplit(urljoin("http://h/", link))
    for path in {parts.path, re.sub("/+", "/", parts.path)}:
        r = client.get(f"{path}?{parts.query}")
        if r.status_code in (301, 302, 307, 308):
            r = client.get(r.headers["Location"])
        assert r.status_code == 200, (ODD_IDS[n], link, path)
        assert f"giao ban số {n} kỳ lạ" in r.get_data(as_text=True), (ODD_IDS[n], link)
    api = client.get(link.replace("/article", "/api/article", 1).split("&back")[0])
    assert api.status_code == 200 and api.get_json()["id"] == ODD_IDS[n]


# 15. the export cap, said on the page and in the file
def _read(client, url: str) -> str:
    with client.get(url) as r:  # closed: its export slot is given back
        return r.get_data(as_text=True)


def test_the_export_cap_is_visible(client, built) -> None:
    capped = _app(built[1], EXPORT_LIMIT=3).test_client()
    page = capped.get("/search").get_data(as_text=True)
    assert "Tải 3 kết quả đầu tiên" in page and "toàn bộ" not in page
    assert "Tải toàn bộ 9 kết quả" in client.get("/search").get_data(as_text=True)
    lines = _read(capped, "/export.jsonl").splitlines()
    assert len(lines) == 4 and json.loads(lines[-1])["truncated"] is True
    assert "id" not in json.loads(lines[-1])
    rows = _read(capped, "/export.csv").splitlines()
    assert len(rows) == 5 and rows[-1].startswith("# ")
    full = _read(client, "/export.jsonl").splitlines()
    assert len(full) == 9 and all("truncated" not in json.loads(line) for line in full)


# 19. serve's options, 20. the CSV's content type
@pytest.mark.parametrize(
    "args",
    [["--port", "99999"], ["--port", "-1"], ["--threads", "0"], ["--workers", "0"],
     ["--base-url", "ftp://x"], ["--base-url", "https://x/?q=1"], ["--base-url", "nonsense"]],
)  # fmt: skip
def test_serve_refuses_nonsense_options(args: list[str], tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["--index", str(tmp_path), "serve", *args])
    assert r.exit_code == 2, r.output
    assert "Traceback" not in r.output and "serving" not in r.output


def test_csv_says_its_charset_once(client) -> None:
    with client.get("/export.csv") as r:  # closed: its export slot is given back
        assert r.headers["Content-Type"] == "text/csv; charset=utf-8"
