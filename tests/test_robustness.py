"""Bad input, crashes (kill -9), stale locks, concurrency: nothing lost, never a traceback."""

from __future__ import annotations

import codecs
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import unicodedata
from pathlib import Path

import pytest

from searcher.engine.engine import Engine
from searcher.index.generations import LockTimeout, read_pending, writer_lock
from searcher.index.operations import add, rebuild
from searcher.query.parse import build_request

ROOT = Path(__file__).parent.parent
SEEDS = sorted((ROOT / "corpus").glob("*.txt"))
GOOD = (
    "Hội nghị giao ban của VKSND tỉnh {p}\n"
    "Ngày 5/5/2023, VKSND tỉnh {p} tổ chức giao ban công tác tháng 4 năm 2023.\n"
    "Hội nghị thống nhất các giải pháp trọng tâm {n}./.\n"
)


def cli(*args: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "searcher", *args], capture_output=True, text=True,
        env={**os.environ, **(env or {})}, **kw,
    )  # fmt: skip


def bad_articles(folder: Path) -> dict[str, str]:
    """Write every kind of bad or awkward article; return good file → expected id."""
    folder.mkdir(parents=True)
    w = folder.joinpath
    w("empty.txt").write_bytes(b"")
    w("whitespace.txt").write_text("  \n\t \r\n", encoding="utf-8")
    w("garbage.txt").write_bytes(bytes(range(256)) * 64)
    with w("huge.txt").open("wb") as fh:  # 20 MB
        fh.write(("Hội nghị lớn\n" + "nội dung " * 100).encode() * 20_000)
    w("utf16.txt").write_bytes(
        codecs.BOM_UTF16_LE + GOOD.format(p="Nghệ An", n=1).encode("utf-16-le")
    )
    cp = GOOD.format(p="Bắc Ninh", n=2)
    w("cp1258.txt").write_bytes(
        "".join(
            unicodedata.normalize(
                "NFC",
                "".join(
                    c
                    for c in unicodedata.normalize("NFD", ch)
                    if c not in "\u0300\u0301\u0303\u0309\u0323"
                ),
            )
            + "".join(
                c for c in unicodedata.normalize("NFD", ch) if c in "\u0300\u0301\u0303\u0309\u0323"
            )
            for ch in cp
        ).encode("cp1258")
    )
    w("nfd.txt").write_text(
        unicodedata.normalize("NFD", GOOD.format(p="Cà Mau", n=3)), encoding="utf-8"
    )
    w("crlf.txt").write_bytes(GOOD.format(p="Lạng Sơn", n=4).replace("\n", "\r\n").encode())
    w("mixed.txt").write_bytes(GOOD.format(p="Sơn La", n=5).replace("\n", "\r", 1).encode())
    w("page.html").write_text(
        "<html><head><style>p{}</style><script>alert(1)</script><title>T</title></head><body>"
        "<article><h1>Hội nghị tập huấn của VKSND tỉnh Gia Lai</h1><p>Ngày 1/6/2023, VKSND tỉnh "
        "Gia Lai tổ chức tập huấn.</p></article></body></html>",
        encoding="utf-8",
    )
    w("missing.json").write_text('{"date": "2022-01-01"}', encoding="utf-8")
    w("wrongtype.json").write_text('{"title": 5, "body": {"x": 1}}', encoding="utf-8")
    good_line = json.dumps(
        {"title": "Hội nghị Đảng ủy", "body": "Đảng ủy VKSND tỉnh Phú Thọ họp."}, ensure_ascii=False
    )
    w("lines.jsonl").write_text(good_line + "\n{broken json\n", encoding="utf-8")
    same = GOOD.format(p="Hà Tĩnh", n=6)
    w("same-a.txt").write_text(same, encoding="utf-8")
    w("same-b.txt").write_text(same, encoding="utf-8")
    w("tên có dấu và khoảng trắng.txt").write_text(
        GOOD.format(p="Điện Biên", n=7), encoding="utf-8"
    )
    (folder / "dangling.txt").symlink_to(folder / "does-not-exist.txt")
    return {
        "utf16.txt": "utf16", "cp1258.txt": "cp1258", "nfd.txt": "nfd", "crlf.txt": "crlf",
        "mixed.txt": "mixed", "page.html": "page", "lines.jsonl": "lines-1",
        "same-a.txt": "same-a", "tên có dấu và khoảng trắng.txt": "tên có dấu và khoảng trắng",
    }  # fmt: skip


BAD = {
    "empty.txt": "empty",
    "whitespace.txt": "empty",
    "garbage.txt": "binary",
    "huge.txt": "too large",
    "missing.json": "missing fields 'title' and 'body'",
    "wrongtype.json": "not text: ignored; no text to index",  # issue 26: a list body is read
    "lines.jsonl:2": "invalid JSON on line 2",
    "dangling.txt": "broken symbolic link",
}


@pytest.mark.parametrize("command", ["add", "rebuild"])
def test_bad_articles_are_named_and_skipped(tmp_path: Path, command: str) -> None:
    folder = tmp_path / "in"
    good = bad_articles(folder)
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    if command == "add":
        result = cli("--corpus", str(corpus), "--index", str(index), "add", str(folder), "--json")
    else:
        result = cli("--corpus", str(folder), "--index", str(index), "rebuild", "--json")
    assert result.returncode == 1, result.stderr  # partial batch
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    assert report["partial"] is True
    reasons = {Path(s["source"]).name: s["reason"] for s in report["skipped"]}
    for name, reason in BAD.items():
        assert reason in reasons.get(name, ""), (name, reasons)
    assert len(report["duplicates"]) == 1 and "same-b.txt" in report["duplicates"][0]
    engine = Engine(index)
    found = {h.id for h in engine.search(build_request("", limit=100)).hits}
    assert found == set(good.values())
    assert engine.search(build_request("Cà Mau")).total == 1  # the NFD file reads right


def _corpus(tmp_path: Path, n: int = 60) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in SEEDS:
        shutil.copy(path, corpus / path.name)
    for i in range(n):
        (corpus / f"gen_{i:03d}.txt").write_text(GOOD.format(p="Nghệ An", n=i), encoding="utf-8")
    return corpus


@pytest.mark.parametrize("point", ["rebuild:indexing", "rebuild:before-publish"])
def test_kill_9_during_rebuild_keeps_the_last_index(tmp_path: Path, point: str) -> None:
    corpus = _corpus(tmp_path)
    index = tmp_path / "index"
    rebuild(corpus, index)
    before = Engine(index).search(build_request("")).total
    (corpus / "new.txt").write_text(GOOD.format(p="Cà Mau", n=99), encoding="utf-8")
    r = cli(
        "--corpus", str(corpus), "--index", str(index), "rebuild", env={"SEARCHER_CRASH_AT": point}
    )
    assert r.returncode == -signal.SIGKILL
    assert Engine(index).search(build_request("")).total == before
    r = cli("--corpus", str(corpus), "--index", str(index), "rebuild")
    assert r.returncode == 0, r.stderr
    assert Engine(index).search(build_request("")).total == before + 1
    assert not list(index.glob(".tmp-*"))


@pytest.mark.parametrize("point", ["add:after-copy", "add:before-commit", "add:after-commit"])
def test_kill_9_during_add_loses_nothing(tmp_path: Path, point: str) -> None:
    corpus = _corpus(tmp_path, n=5)
    index = tmp_path / "index"
    rebuild(corpus, index)
    before = Engine(index).search(build_request("")).total
    new = tmp_path / "moi.txt"
    new.write_text(GOOD.format(p="Cà Mau", n=42), encoding="utf-8")
    r = cli(
        "--corpus",
        str(corpus),
        "--index",
        str(index),
        "add",
        str(new),
        env={"SEARCHER_CRASH_AT": point},
    )
    assert r.returncode == -signal.SIGKILL
    assert (corpus / "moi.txt").exists()  # copied before the crash
    total = Engine(index).search(build_request("")).total
    assert total in (before, before + 1)  # the index opens, consistent
    assert read_pending(index)  # the journal remembers the copied file
    other = tmp_path / "khac.txt"
    other.write_text(GOOD.format(p="Sơn La", n=43), encoding="utf-8")
    r = cli("--corpus", str(corpus), "--index", str(index), "add", str(other), "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["duplicates"] == []
    engine = Engine(index)
    assert engine.search(build_request("")).total == before + 2
    assert engine.search(build_request('"Cà Mau"')).total == 1
    assert not read_pending(index)


def test_stale_lock_of_a_killed_writer_is_recovered(tmp_path: Path) -> None:
    index = tmp_path / "index"
    code = (
        "import os, signal, sys\nfrom pathlib import Path\n"
        "from searcher.index.generations import writer_lock\n"
        "with writer_lock(Path(sys.argv[1])):\n    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    r = subprocess.run([sys.executable, "-c", code, str(index)], check=False)
    assert r.returncode == -signal.SIGKILL
    assert (index / ".lock").exists()
    with writer_lock(index, timeout=1.0):
        pass


def test_a_live_writers_lock_is_never_broken(tmp_path: Path) -> None:
    index = tmp_path / "index"
    code = (
        "import sys, time\nfrom pathlib import Path\n"
        "from searcher.index.generations import writer_lock\n"
        "with writer_lock(Path(sys.argv[1])):\n"
        "    print('locked', flush=True)\n    time.sleep(30)\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code, str(index)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(LockTimeout), writer_lock(index, timeout=0.5):
            pass
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()


def test_two_adds_at_once_serialize(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, n=2)
    index = tmp_path / "index"
    rebuild(corpus, index)
    files = []
    for i, p in enumerate(("Cà Mau", "Sơn La")):
        f = tmp_path / f"in{i}.txt"
        f.write_text(GOOD.format(p=p, n=100 + i), encoding="utf-8")
        files.append(f)
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "searcher",
                "--corpus",
                str(corpus),
                "--index",
                str(index),
                "add",
                str(f),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for f in files
    ]
    for p in procs:
        _out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    assert Engine(index).search(build_request('"Cà Mau" OR "Sơn La"')).total == 2


def test_add_times_out_with_a_clear_message(tmp_path: Path) -> None:
    index = tmp_path / "index"
    new = tmp_path / "a.txt"
    new.write_text(GOOD.format(p="Cà Mau", n=1), encoding="utf-8")
    with writer_lock(index):
        r = cli(
            "--corpus", str(tmp_path / "c"), "--index", str(index), "add", str(new), "--wait", "0.5"
        )
    assert r.returncode == 1 and "another 'add' or 'rebuild'" in r.stderr
    assert "Traceback" not in r.stderr


def test_searches_keep_working_during_add_and_rebuild(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, n=40)
    index = tmp_path / "index"
    rebuild(corpus, index)
    engine = Engine(index)
    base = engine.search(build_request("")).total
    errors: list[BaseException] = []
    totals: set[int] = set()
    stop = threading.Event()

    def searcher_thread() -> None:
        while not stop.is_set():
            try:
                totals.add(engine.search(build_request("giao ban")).total)
                totals.add(Engine(index).search(build_request("")).total)
            except BaseException as exc:
                errors.append(exc)

    threads = [threading.Thread(target=searcher_thread) for _ in range(3)]
    for t in threads:
        t.start()
    checker = subprocess.Popen(  # a search from another process, in a loop
        [sys.executable, "-c",
         "import sys,time\nfrom pathlib import Path\nfrom searcher.engine.engine import Engine\n"
         "from searcher.query.parse import build_request\nend=time.time()+8\n"
         "while time.time()<end: Engine(Path(sys.argv[1])).search(build_request('tỉnh'))\n",
         str(index)], stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        for i in range(3):
            f = tmp_path / f"new{i}.txt"
            f.write_text(GOOD.format(p="Cà Mau", n=200 + i), encoding="utf-8")
            assert add([f], corpus, index).indexed == 1
            rebuild(corpus, index)
    finally:
        stop.set()
        for t in threads:
            t.join()
        _, err = checker.communicate(timeout=60)
    assert not errors, errors[:3]
    assert checker.returncode == 0, err
    assert Engine(index).search(build_request("")).total == base + 3
    engine.refresh()
    assert engine.search(build_request("")).total == base + 3
