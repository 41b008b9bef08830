"""Slow and hostile clients against `searcher serve` (issue 23), each alone beside normal
traffic: 300 idle sockets, 300 header tricklers, 20 clients that request an export and
never read it, 8 clients repeating one parameter 800 times; and, for reference, 8
clients flooding the cheapest URL (/healthz): what any flood costs on this machine.

Each attack runs in its own process (``python bench/slow_clients.py ATTACK PORT SECONDS``
prints its counts as JSON), so its threads never slow the normal clients' measurements.
``bench/load.py --slow-clients`` runs them all and writes the table.
"""

from __future__ import annotations

import contextlib
import json
import select
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import load_loop

ATTACKS = {
    "300 idle sockets": ("idle", 300),
    "300 header tricklers (a line every 5 s)": ("trickle", 300),
    "20 non-reading export clients": ("export", 20),
    "8 clients repeating year=2020 800 times": ("repeat", 8),
    "(reference) 8 clients flooding /healthz": ("flood", 8),
}


def _connect(port: int, rcvbuf: int = 0) -> socket.socket | None:
    s = socket.socket()
    if rcvbuf:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    s.settimeout(5)
    try:
        s.connect(("127.0.0.1", port))
    except OSError:
        s.close()
        return None
    return s


def _closed(socks: list[socket.socket]) -> list[socket.socket]:
    """The sockets the server has closed (readable, and reading gives nothing)."""
    if not socks:
        return []
    readable, _, _ = select.select(socks, [], [], 0)
    out = []
    for s in readable:
        with contextlib.suppress(OSError):
            if s.recv(65536, socket.MSG_DONTWAIT) != b"":
                continue
        out.append(s)
    return out


def hold(port: int, n: int, seconds: float, trickle: bool) -> dict:
    """``n`` connections kept open (reopened when the server closes one); a trickler
    sends a request line, then one header line every 5 s, never the end of its headers."""
    stats = {"connections": 0, "closed_by_server": 0}
    socks: list[socket.socket] = []
    end, next_line, line = time.monotonic() + seconds, 0.0, 0
    while time.monotonic() < end:
        for s in _closed(socks):
            socks.remove(s)
            s.close()
            stats["closed_by_server"] += 1
        while len(socks) < n and time.monotonic() < end:
            s = _connect(port)
            if s is None:
                break
            if trickle:
                with contextlib.suppress(OSError):
                    s.sendall(b"GET /search?q=giao+ban HTTP/1.1\r\nHost: x\r\n")
            socks.append(s)
            stats["connections"] += 1
        if trickle and time.monotonic() >= next_line:
            next_line, line = time.monotonic() + 5, line + 1
            for s in socks:
                with contextlib.suppress(OSError):
                    s.sendall(f"X-Trickle-{line}: 1\r\n".encode())
        time.sleep(0.2)
    for s in socks:
        s.close()
    return stats


def exports(port: int, n: int, seconds: float, keep: float = 20) -> dict:
    """``n`` clients, each asking for /export.jsonl, reading its status line and nothing
    more, holding the connection ``keep`` seconds, then asking again."""
    stats = {"requests": 0, "200": 0, "503": 0, "other": 0}
    lock = threading.Lock()
    end = time.monotonic() + seconds

    def client() -> None:
        while time.monotonic() < end:
            s = _connect(port, rcvbuf=4096)
            if s is None:
                time.sleep(1)
                continue
            try:
                s.sendall(b"GET /export.jsonl HTTP/1.1\r\nHost: x\r\n\r\n")
                status = s.recv(12).decode("latin-1")[9:12]
            except OSError:
                status = "other"
            with lock:
                stats["requests"] += 1
                stats[status if status in ("200", "503") else "other"] += 1
            time.sleep(max(0.0, min(keep, end - time.monotonic())))
            s.close()

    threads = [threading.Thread(target=client) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return stats


def repeated(port: int, n: int, seconds: float, path: str = "") -> dict:
    """``n`` clients sending /search with ``year=2020`` 800 times (or ``path``: the
    reference flood of a cheap URL), as fast as they can."""
    path = path or "/search?" + "&".join(["year=2020"] * 800)
    url = f"http://127.0.0.1:{port}{path}"
    stats = {"requests": 0, "200": 0, "400": 0, "failed": 0, "bytes": 0}
    lock = threading.Lock()
    end = time.monotonic() + seconds

    def client() -> None:
        while time.monotonic() < end:
            size, status = 0, "failed"
            try:
                with urllib.request.urlopen(url, timeout=30) as r:
                    size, status = len(r.read()), str(r.status)
            except urllib.error.HTTPError as exc:
                size, status = len(exc.read()), str(exc.code)
            except (urllib.error.URLError, OSError):
                pass
            with lock:
                stats["requests"] += 1
                stats[status if status in stats else "failed"] += 1
                stats["bytes"] = max(stats["bytes"], size)

    threads = [threading.Thread(target=client) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return stats


def attack(kind: str, port: int, n: int, seconds: float) -> dict:
    if kind in ("idle", "trickle"):
        return hold(port, n, seconds, trickle=kind == "trickle")
    if kind == "export":
        return exports(port, n, seconds)
    return repeated(port, n, seconds, "/healthz" if kind == "flood" else "")


def describe(kind: str, stats: dict) -> str:
    if kind in ("idle", "trickle"):
        return (
            f"{stats['connections']} connections, {stats['closed_by_server']} closed by the server"
        )
    if kind == "export":
        return f"{stats['requests']} exports asked: {stats['200']} × 200, {stats['503']} × 503"
    return (
        f"{stats['requests']} requests: {stats['400']} × 400, {stats['200']} × 200, "
        f"{stats['failed']} failed; answer ≤ {stats['bytes'] / 1024:.0f} kB"
    )


def phases(base: str, queries: list[str], seconds: float, clients: int, rate: float,
           only: str = "") -> list:  # fmt: skip
    """For each attack (those whose name holds ``only``): normal load alone, then the same
    beside the attack (its own process). Rows of (name, alone, attacked, what it did):
    the machine is shared, so each attack is compared with the baseline just before it."""
    port = int(base.rsplit(":", 1)[1])
    load_loop(base, queries, 2, clients, rate)  # warm-up
    rows = []
    for name, (kind, n) in ATTACKS.items():
        if only not in name:
            continue
        alone = load_loop(base, queries, seconds, clients, rate, warm=[])
        proc = subprocess.Popen(
            [sys.executable, __file__, kind, str(port), str(n), str(seconds)],
            stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        time.sleep(2)  # the attack in place before the normal clients start
        result = load_loop(base, queries, seconds, clients, rate, warm=[])
        out, _ = proc.communicate(timeout=seconds + 60)
        rows.append((name, alone, result, describe(kind, json.loads(out))))
        time.sleep(3)  # what the attack left behind is closed before the next
    return rows


if __name__ == "__main__":
    kind, port, n, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    print(json.dumps(attack(kind, port, n, seconds + 2)))
