"""Shared helpers for the benchmark scripts: machine facts and BENCHMARKS.md sections."""

from __future__ import annotations

import contextlib
import os
import platform
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
REPORT = ROOT / "BENCHMARKS.md"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return f"{cpu}, {os.cpu_count()} cores{mem}, Python {platform.python_version()}"


def header(command: str, corpus: str) -> str:
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    commit = ""
    with contextlib.suppress(OSError):
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    return (
        f"- command: `{command}`\n- corpus: {corpus}\n- machine: {machine()}\n"
        f"- date: {stamp}, commit {commit or '?'}\n"
    )


def write_section(name: str, title: str, body: str, path: Path = REPORT) -> None:
    """Replace (or append) the section ``name`` of BENCHMARKS.md."""
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    block = f"{start}\n## {title}\n\n{body.rstrip()}\n{end}"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
    text = (
        pattern.sub(lambda _: block, text)
        if pattern.search(text)
        else text.rstrip() + "\n\n" + block + "\n"
    )
    path.write_text(text, encoding="utf-8")


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def table(headers: list[str], rows: list[list[object]]) -> str:
    out = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(out) + "\n"


def argv() -> str:
    return " ".join([Path(sys.argv[0]).as_posix().replace(str(ROOT) + "/", ""), *sys.argv[1:]])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(index: Path, *options: str):
    """`searcher serve` on a free loopback port, as users run it (``options`` added to
    its command line): yields (base URL, pid) once it answers, stops it on leaving."""
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "searcher",
            "--index",
            str(index),
            "serve",
            "--port",
            str(port),
            *options,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        yield base, proc.pid
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=10)


def process_tree(pid: int) -> list[int]:
    """``pid`` and its descendants (a pre-forking server's workers)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        with contextlib.suppress(OSError):
            todo += [int(c) for c in Path(f"/proc/{p}/task/{p}/children").read_text().split()]
    return out


def pss_mb(pid: int) -> int:
    """Proportional set size of ``pid`` and its descendants, summed: shared pages
    (the memory-mapped index) counted once over the processes that map them."""
    total = 0
    for p in process_tree(pid):
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
    return total // 1024


def rss_mb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) // 1024
    return 0


def load_loop(
    base: str, queries: list[str], seconds: float, clients: int = 4, rate: float = 0.0,
    path: str = "/search", warm: list[str] | None = None,
) -> dict:  # fmt: skip
    """GET ``path``?q=… from ``clients`` threads for ``seconds`` (bounded in time and
    count); with ``rate`` > 0, at most that many requests per second in total. The
    warm-up sends ``warm`` (default: the first 20 queries, which are then repeated)."""
    for q in queries[:20] if warm is None else warm:  # warm-up
        urllib.request.urlopen(f"{base}{path}?q={urllib.parse.quote(q)}", timeout=30).read()
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    start = time.monotonic()
    stop = start + seconds
    interval = clients / rate if rate > 0 else 0.0

    def client(k: int) -> None:
        i = k
        next_at = start + (interval * k / clients if interval else 0)
        while time.monotonic() < stop and i < 1_000_000:
            if interval:
                time.sleep(max(0.0, next_at - time.monotonic()))
                next_at += interval
            url = f"{base}{path}?q={urllib.parse.quote(queries[i % len(queries)])}"
            t0 = time.perf_counter()
            try:
                with urllib.request.urlopen(url, timeout=30) as r:
                    r.read()
                    ok = r.status == 200
            except OSError:
                ok = False
            with lock:
                latencies.append((time.perf_counter() - t0) * 1000)
                errors[0] += 0 if ok else 1
            i += clients

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    return {
        "rps": len(latencies) / wall,
        "p50": percentile(latencies, 50),
        "p95": percentile(latencies, 95),
        "p99": percentile(latencies, 99),
        "errors": errors[0],
        "requests": len(latencies),
    }
