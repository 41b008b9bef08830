"""Shared fixtures: a corpus of the seeds plus a few fixture articles, indexed once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from searcher.engine.engine import Engine
from searcher.index.operations import rebuild

ROOT = Path(__file__).parent.parent
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


def pytest_report_header(config: pytest.Config) -> str:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium:
        return f"browser tests: headless Chromium at {chromium}"
    return "browser tests: SKIPPED, no Chromium installed (apt-get install chromium)"


@pytest.fixture
def free_port() -> int:
    """A loopback TCP port nothing listens on."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
