"""Serve the app with waitress, every response carrying the security headers.

Waitress answers some requests itself, before the app sees them: a request line
with raw non-ASCII bytes, headers over its size limit. Its error task is
subclassed so those answers carry the same headers as the app's. URLs up to
1 MB reach the app, which answers anything over 8 kB with a clear 414.
"""

from __future__ import annotations

from waitress.channel import HTTPChannel
from waitress.server import create_server
from waitress.task import ErrorTask

from web.views import SECURITY_HEADERS

MAX_HEADER_BYTES = 1 << 20


class _ErrorTask(ErrorTask):
    def execute(self) -> None:
        self.response_headers.extend(SECURITY_HEADERS.items())
        super().execute()


class _Channel(HTTPChannel):
    error_task_class = _ErrorTask


def make_server(app, host: str, port: int, threads: int = 8):
    """A waitress server for ``app`` (call ``.run()``); never Flask's debug server."""
    server = create_server(
        app, host=host, port=port, threads=threads, ident="searcher",
        max_request_header_size=MAX_HEADER_BYTES,
    )  # fmt: skip
    server.channel_class = _Channel
    return server
