"""The ``searcher`` program: the core commands of ``searcher.cli`` plus ``serve``,
which lives here with the web package it starts (the core knows nothing of Flask).

    searcher serve --host 127.0.0.1 --port 8000 --workers 2
"""

from __future__ import annotations

import os

import click

from searcher.cli import Context, cli
from searcher.engine.engine import load_shared_tables
from web import create_app
from web.server import serve


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--threads", default=8, show_default=True, type=int, help="per worker")
@click.option("--workers", default=min(2, os.cpu_count() or 1), show_default=True,
              type=click.IntRange(1, 64), help="processes sharing the port")  # fmt: skip
@click.pass_obj
def serve_cmd(obj: Context, host: str, port: int, threads: int, workers: int) -> None:
    """Serve the web UI with waitress (a production WSGI server), in several processes."""
    app = create_app({"INDEX_DIR": str(obj.index), "CORPUS_DIR": str(obj.corpus)})
    try:
        click.echo(f"serving http://{host}:{port}/ (index: {obj.index}, {workers} workers)",
                   err=True)  # fmt: skip
        serve(app, host, port, workers=workers, threads=threads, preload=load_shared_tables)
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror}") from None


def main() -> None:
    cli(prog_name="searcher")
