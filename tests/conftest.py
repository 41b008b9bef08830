"""Shared fixtures, defined once: a corpus of the seeds plus a few fixture articles
indexed once (``built``), an engine and a Flask test client over it, a private index
(``fresh``), and the real-browser fixtures (a waitress server, headless Chromium).

Tiers: ``make check`` runs everything not marked ``slow`` or ``browser`` (the edit
loop, under 30 s); ``make test`` runs everything (CI). A module is slow when it
starts processes, kills writers, fills disks or runs benchmarks (``SLOW_MODULES``),
or a test says so with ``@pytest.mark.slow``.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import threading
from pathlib import Path

import pytest

from searcher.engine.engine import Engine
from searcher.index.operations import rebuild

ROOT = Path(__file__).parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
SLOW_MODULES = {"test_bench", "test_robustness", "test_serve", "test_browser", "test_page"}
SEEDS = sorted((ROOT / "corpus").glob("*.txt"))
EXTRA = sorted((Path(__file__).parent / "fixtures" / "extra").glob("*.txt"))


def make_corpus(path: Path, files: list[Path]) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    for f in files:
        shutil.copy(f, path / f.name)
    return path


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(corpus, index) of the 5 seeds and 4 fixture articles; do not modify."""
    base = tmp_path_factory.mktemp("shared")
    corpus = make_corpus(base / "corpus", SEEDS + EXTRA)
    index = base / "index"
    report = rebuild(corpus, index)
    assert report.indexed == len(SEEDS) + len(EXTRA), report.to_json()
    return corpus, index


@pytest.fixture(scope="session")
def engine(built: tuple[Path, Path]) -> Engine:
    return Engine(built[1])


@pytest.fixture
def fresh(tmp_path: Path) -> tuple[Path, Path]:
    """A corpus of the 5 seeds and an index built from it, private to one test."""
    corpus = make_corpus(tmp_path / "corpus", SEEDS)
    index = tmp_path / "index"
    rebuild(corpus, index)
    return corpus, index


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if getattr(item, "module", None) is not None and item.module.__name__ in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)


def pytest_report_header(config: pytest.Config) -> str:
    if CHROMIUM:
        return f"browser tests: headless Chromium at {CHROMIUM}"
    return "browser tests: SKIPPED, no Chromium installed (apt-get install chromium)"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def free_port() -> int:
    """A loopback TCP port nothing listens on."""
    return _port()


@pytest.fixture(scope="session")
def client(built):
    """A Flask test client over the shared index (read-only)."""
    from web import create_app

    return create_app({"TESTING": True, "INDEX_DIR": str(built[1])}).test_client()


class ServerThread:
    """A waitress server running in a thread; ``close`` stops it and waits. (Closing
    the socket under a running loop makes it fail with EBADF: expected, not reported.)"""

    def __init__(self, server) -> None:
        self.server = server
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.server.run()

    def close(self) -> None:
        self.server.close()
        self.thread.join(10)


def serve_in_thread(index: Path) -> tuple[str, ServerThread]:
    """A waitress server for ``index`` on a free port, in a thread: (url, server)."""
    from waitress.server import create_server

    from web import create_app

    port = _port()
    app = create_app({"INDEX_DIR": str(index), "BASE_URL": f"http://127.0.0.1:{port}"})
    srv = create_server(app, host="127.0.0.1", port=port, threads=4)
    return f"http://127.0.0.1:{port}", ServerThread(srv)


@pytest.fixture(scope="module")
def server(built):
    url, srv = serve_in_thread(built[1])
    yield url
    srv.close()


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("no Chromium installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="vi-VN")
    pg = context.new_page()
    yield pg
    context.close()
