"""``searcher crawl``: new articles from the procuracy websites (``searcher.crawl``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from searcher.cli.group import Context, Seconds, cli, fail, summary_as_json, wait_for_writer
from searcher.cli.writing import WRITER_ERRORS, print_report, writer_failed


@cli.command("crawl")
@click.argument("urls", nargs=-1)
@click.option(
    "--sources",
    type=click.Path(path_type=Path),
    default="sources.toml",
    envvar="SEARCHER_SOURCES",
    show_default=True,
    help="The source registry.",
)
@click.option("--status", is_flag=True, help="Print each site's health and exit.")
@click.option("--site", "only", multiple=True, help="Only the registry sites of these names.")
@click.option(
    "--max-pages",
    default=2000,
    show_default=True,
    type=click.IntRange(1),
    help="Requests in the whole run.",
)
@click.option(
    "--max-seconds",
    default=3600.0,
    show_default=True,
    type=Seconds(1),
    help="Time budget of the run.",
)
@click.option(
    "--delay",
    type=Seconds(0, 3600),
    default=None,
    help="Seconds between two requests to one host (overrides the registry).",
)
@click.option("--recheck", is_flag=True, help="Ask again (conditionally) for every known article.")
@summary_as_json
@wait_for_writer
@click.pass_obj
def crawl_cmd(
    obj: Context,
    urls: tuple[str, ...],
    sources: Path,
    status: bool,
    only: tuple[str, ...],
    max_pages: int,
    max_seconds: float,
    delay: float | None,
    recheck: bool,
    as_json: bool,
    wait: float,
) -> None:
    """Fetch new and changed articles from the registry's sites (or only URLS) and index
    them as `add` does; polite: robots.txt, a delay per host, conditional requests."""
    from searcher.crawl import commands

    try:
        if status:
            click.echo(commands.status_text(obj.corpus, as_json))
            return
        report = commands.run(
            list(urls),
            sources,
            obj.corpus,
            obj.index,
            only=list(only),
            max_pages=max_pages,
            max_seconds=max_seconds,
            delay=delay,
            recheck=recheck,
            wait=wait,
        )
    except commands.UsageError as exc:
        fail(str(exc), 2, as_json)
    except WRITER_ERRORS as exc:
        writer_failed(exc, as_json)
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
    else:
        for line in report.messages:
            click.echo(f"crawl {line}", err=True)
        if report.index is not None:
            print_report(report.index, "added", False)
        click.echo(commands.summary(report))
    if report.messages or (report.index is not None and report.index.partial):
        sys.exit(1)
