"""Serve the app with waitress, every response carrying the security headers, in
several worker processes sharing one listening socket (pre-fork).

Each worker is a waitress server with its own threads and its own engine; the
index's arrays are memory-mapped, so the workers share their pages. The parent
only supervises: a worker that dies is replaced, SIGTERM/SIGINT stop them all.

Waitress answers some requests itself, before the app sees them: a request line
with raw non-ASCII bytes, headers over its size limit. Its error task is
subclassed so those answers carry the same headers as the app's. URLs up to
1 MB reach the app, which answers anything over 8 kB with a clear 414. What one
client may hold of a worker (connections, time, a thread) is bounded by
``web.channel.Limits``.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import os
import resource
import signal
import socket
import sys
import time
from collections.abc import Callable
from dataclasses import replace

from waitress.server import create_server

from web.channel import DEFAULT, Limits, harden

MAX_HEADER_BYTES = 1 << 20


def make_server(app, host: str, port: int, threads: int = 8, sockets: list | None = None,
                limits: Limits = DEFAULT):  # fmt: skip
    """A waitress server for ``app`` (call ``.run()``); never Flask's debug server."""
    options = {"sockets": sockets} if sockets else {"host": host, "port": port}
    limits = replace(limits, connection_limit=min(limits.connection_limit, _open_files() - 64))
    server = create_server(
        app, threads=threads, ident="searcher", max_request_header_size=MAX_HEADER_BYTES,
        **limits.waitress_options(), **options,
    )  # fmt: skip
    harden(server, limits)
    return server


def _open_files(wanted: int = 4096) -> int:
    """Raise this process's open-file limit towards ``wanted`` (each connection is
    one); the limit it now has."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    return wanted if soft == resource.RLIM_INFINITY else soft


def listening_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(1024)
    sock.setblocking(False)
    return sock


def _glibc(call: str, *args: int) -> None:
    """Call a glibc allocator function; elsewhere (not glibc), nothing."""
    with contextlib.suppress(OSError, AttributeError):
        getattr(ctypes.CDLL("libc.so.6"), call)(*args)


def _few_malloc_arenas(arenas: int = 2) -> None:
    """glibc gives each busy thread its own heap arena (up to 8 per core), each holding
    freed memory: a worker's threads share two."""
    _glibc("mallopt", -8, arenas)  # M_ARENA_MAX


def _warm(warm: Callable[[], None] | None) -> None:
    """Run a worker's warm-up; one that fails (an index not built yet, a damaged one)
    leaves the first request to open the index and report it, as without warming. The
    heap its temporaries freed is handed back to the system (glibc keeps it otherwise:
    about 40 MB a worker at 35k articles)."""
    if warm is None:
        return
    with contextlib.suppress(Exception):
        warm()
    _glibc("malloc_trim", 0)


def serve(app, sock: socket.socket, *, workers: int = 2, threads: int = 8,
          preload: Callable[[], None] | None = None,
          warm: Callable[[], None] | None = None) -> None:  # fmt: skip
    """Serve ``app`` on ``sock`` (``listening_socket``) until SIGTERM/SIGINT: ``workers``
    processes (1: this one). ``preload`` loads, before forking, what every worker reads:
    the workers share those pages (frozen out of the garbage collector's reach, which
    would write to them). ``warm`` runs in each worker before it takes requests (what
    cannot be shared: the open index)."""
    host, port = sock.getsockname()[:2]
    _few_malloc_arenas()
    sys.setswitchinterval(0.001)  # a request waiting for the GIL gets it in 1 ms, not 5
    if preload is not None:
        preload()
    gc.collect()
    gc.freeze()
    if workers <= 1:
        _warm(warm)
        make_server(app, host, port, threads, [sock]).run()
        return
    children: set[int] = set()
    stopping = False

    def spawn() -> None:
        pid = os.fork()
        if pid == 0:  # a worker: default signals, serve until killed
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            code = 0
            try:
                _warm(warm)
                make_server(app, host, port, threads, [sock]).run()
            except BaseException:
                code = 1
            os._exit(code)
        children.add(pid)

    def stop(signum, frame) -> None:
        nonlocal stopping
        stopping = True
        for pid in list(children):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for _ in range(workers):
        spawn()
    while children:
        try:
            pid, _ = os.wait()
        except ChildProcessError:
            break
        children.discard(pid)
        if not stopping:
            time.sleep(0.2)  # a worker that dies at once is not restarted in a tight loop
            spawn()
