"""`searcher serve` in several worker processes: same answers, both cores, clean stop."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from searcher.engine.engine import Engine
from searcher.query.parse import build_request

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from common import process_tree, serve

QUERIES = ["giao ban", "vien kiem sat", "thanh hoa", "tổng kết", "vksnd thái bình", "xyzzy"]


def _children(pid: int) -> list[int]:
    return process_tree(pid)[1:]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except OSError:
        return False
    return state != "Z"


def test_two_workers_answer_what_one_engine_answers(fresh) -> None:
    _, index = fresh
    with serve(index, "--workers", "2") as (base, pid):
        workers = _children(pid)
        assert len(workers) == 2

        def fetch(q: str) -> dict:
            url = f"{base}/api/search?q={urllib.parse.quote(q)}"
            return json.loads(urllib.request.urlopen(url, timeout=10).read())

        with ThreadPoolExecutor(4) as pool:
            answers = list(pool.map(fetch, QUERIES * 8))
        engine = Engine(index)
        for q, got in zip(QUERIES * 8, answers, strict=True):
            want = engine.search(build_request(q)).to_json()
            for key in ("total", "suggestion", "facets", "relaxed"):
                assert got[key] == want[key], (q, key)
            assert [h["id"] for h in got["hits"]] == [h["id"] for h in want["hits"]], q
        killed = workers[0]
        subprocess.run(["kill", "-9", str(killed)], check=True)
        for _ in range(300):  # the parent replaces a worker that died (slow under load)
            if len(_children(pid)) == 2 and killed not in _children(pid):
                break
            time.sleep(0.1)
        assert len(_children(pid)) == 2 and killed not in _children(pid)
        assert fetch("giao ban")["total"] == answers[0]["total"]
        workers = _children(pid)
    time.sleep(0.2)
    assert not any(_alive(w) for w in workers)  # no worker outlives the parent
