"""The ``searcher`` program: the core commands of ``searcher.cli`` plus ``serve``,
which lives here with the web package it starts (the core knows nothing of Flask).

    searcher serve --host 127.0.0.1 --port 8000 --workers 2 --base-url https://bao-cao.example
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

import click

from searcher.cli import Context, cli
from searcher.engine.view import load_shared_tables
from web import create_app
from web.server import listening_socket, serve
from web.state import warm_engine


def base_url(value: str | None, host: str, port: int) -> str:
    """The public origin every absolute link (the Atom feed's) is written from: the
    ``--base-url`` given (``http(s)://host[:port]``, nothing after), else the bind address.

    >>> base_url(None, "0.0.0.0", 8000), base_url("https://bao-cao.example/", "h", 1)
    ('http://0.0.0.0:8000', 'https://bao-cao.example')
    """
    if value is None:
        return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
    parts = urlsplit(value.strip())
    try:
        parts.port  # noqa: B018 (raises on a bad port)
    except ValueError:
        parts = parts._replace(netloc="")
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.username \
            or parts.path not in ("", "/") or parts.query or parts.fragment:  # fmt: skip
        raise click.BadParameter(
            f"{value!r}: give the public origin, as http(s)://host[:port]", param_hint="--base-url"
        )
    return f"{parts.scheme}://{parts.netloc}"


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 256),
              help="per worker; exports use at most a quarter of them")  # fmt: skip
@click.option("--workers", default=min(2, os.cpu_count() or 1), show_default=True,
              type=click.IntRange(1, 64), help="processes sharing the port")  # fmt: skip
@click.option("--base-url", "base", default=None, metavar="URL",
              help="public origin for absolute links (feeds), e.g. https://bao-cao.example; "
              "default: the bind address (never the request's Host)")  # fmt: skip
@click.pass_obj
def serve_cmd(obj: Context, host: str, port: int, threads: int, workers: int,
              base: str | None) -> None:  # fmt: skip
    """Serve the web UI with waitress (a production WSGI server), in several processes."""
    origin = base_url(base, host, port)
    try:
        sock = listening_socket(host, port)
    except (OSError, OverflowError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise click.ClickException(f"cannot listen on {host}:{port}: {reason}") from None
    app = create_app({"INDEX_DIR": str(obj.index), "CORPUS_DIR": str(obj.corpus),
                      "BASE_URL": origin, "EXPORT_SLOTS": max(1, threads // 4)})  # fmt: skip
    click.echo(f"serving http://{host}:{port}/ as {origin} (index: {obj.index}, "
               f"{workers} workers)", err=True)  # fmt: skip
    serve(app, sock, workers=workers, threads=threads, preload=load_shared_tables,
          warm=lambda: warm_engine(app))  # fmt: skip


def main() -> None:
    cli(prog_name="searcher")
