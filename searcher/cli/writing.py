"""The writing commands: rebuild, sync, add, remove, and how a batch's report is printed.

searcher sync
searcher add bai-moi.txt thu-muc/
scraper | searcher add -
searcher remove "tin-2024@17"
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
from pathlib import Path

import click

from searcher.cli.group import Context, cli, fail, summary_as_json, wait_for_writer
from searcher.crawl.archive import crawl_home, forget, has_copy
from searcher.engine.engine import Engine
from searcher.index.generations import LockTimeout, current_generation
from searcher.index.operations import DiskFull, EmptyCorpus, Report, add, rebuild, remove, sync

SHOWN = 10  # duplicates, renamings and notes printed before "… and N more"


def _summary(report: Report, verb: str) -> str:
    first = report.removed if verb == "removed" else report.indexed
    parts = [f"{verb} {first}"]
    for label, n in (("replaced", report.replaced), ("removed", report.removed),
                     ("unchanged files", report.unchanged)):  # fmt: skip
        if n and label != verb:
            parts.append(f"{label} {n}")
    parts.append(f"duplicates {len(report.duplicates)}")
    parts.append(f"skipped {len(report.skipped)}")
    line = ", ".join(parts) + f" in {report.seconds:.1f} s"
    if report.full_rebuild and verb != "indexed":
        line += " (full rebuild)"
    return line + (" (partial: some articles were skipped)" if report.partial else "")


def print_report(report: Report, verb: str, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
    else:
        for problem in report.skipped:  # every skipped article is named
            click.echo(f"skipped {problem}", err=True)
        for label, lines in (("duplicate", report.duplicates), ("renamed", report.renamed),
                             ("note", report.notes)):  # fmt: skip
            for line in lines[:SHOWN]:
                click.echo(f"{label} {line}", err=True)
            if len(lines) > SHOWN:
                click.echo(f"… and {len(lines) - SHOWN} more ({label}; --json lists all)", err=True)
        click.echo(_summary(report, verb))


@contextlib.contextmanager
def _progress(enabled: bool):
    """A progress bar on a terminal (bytes read, articles indexed, articles/s, ETA)."""
    if not (enabled and sys.stderr.isatty()):
        yield None
        return
    started = time.monotonic()
    state = {"articles": 0}

    def label(_item) -> str:
        rate = state["articles"] / max(time.monotonic() - started, 1e-3)
        return f"{state['articles']} articles, {rate:.0f}/s"

    with click.progressbar(length=1, label="indexing", file=sys.stderr, show_eta=True,
                           show_percent=True, item_show_func=label) as bar:  # fmt: skip

        def update(done: int, total: int, articles: int) -> None:
            bar.length = max(total, 1)
            state["articles"] = articles
            bar.update(max(done - bar.pos, 0), articles)

        yield update


WRITER_ERRORS = (LockTimeout, DiskFull, EmptyCorpus)


def writer_failed(exc: Exception, as_json: bool) -> None:
    """A busy index, a full disk or an empty corpus end a writing command with one line
    and exit 1."""
    fail(str(exc.strerror if isinstance(exc, DiskFull) else exc), 1, as_json)


def require_corpus(obj: Context, as_json: bool) -> None:
    if not obj.corpus.is_dir():
        fail(f"corpus directory not found: {obj.corpus}", 2, as_json)


def _run(action, verb: str, as_json: bool) -> None:
    """Run a writing command and print its report (exit 1 when it was partial)."""
    try:
        with _progress(not as_json) as progress:
            report = action(progress)
    except WRITER_ERRORS as exc:
        writer_failed(exc, as_json)
    if verb == "indexed" and not as_json:
        if report.reason:
            click.echo(f"rebuilding: {report.reason}", err=True)
        elif not (report.full_rebuild or report.indexed or report.replaced or report.removed):
            click.echo("index is up to date", err=True)
    print_report(report, verb, as_json)
    if report.partial:
        sys.exit(1)


@cli.command("rebuild")
@summary_as_json
@click.option("--if-needed", is_flag=True, help="Only bring the index up to date (= sync).")
@wait_for_writer
@click.pass_obj
def rebuild_cmd(obj: Context, as_json: bool, if_needed: bool, wait: float) -> None:
    """Build a fresh index from the corpus and swap it in atomically."""
    require_corpus(obj, as_json)
    if if_needed:
        _run(lambda p: sync(obj.corpus, obj.index, progress=p, timeout=wait), "indexed", as_json)
        return
    _run(lambda p: rebuild(obj.corpus, obj.index, progress=p, timeout=wait), "indexed", as_json)


@cli.command("sync")
@summary_as_json
@wait_for_writer
@click.option("--allow-empty", is_flag=True, help="Let an empty corpus empty the index.")
@click.pass_obj
def sync_cmd(obj: Context, as_json: bool, wait: float, allow_empty: bool) -> None:
    """Bring the index in line with the corpus: index new and changed files, remove
    deleted ones (a full rebuild only for a new index or schema)."""
    require_corpus(obj, as_json)
    _run(
        lambda p: sync(obj.corpus, obj.index, progress=p, timeout=wait, allow_empty=allow_empty),
        "indexed",
        as_json,
    )


@cli.command("add")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@summary_as_json
@wait_for_writer
@click.option(
    "--replace",
    is_flag=True,
    help="Replace a corpus file of the same name even when it came from another path.",
)
@click.pass_obj
def add_cmd(
    obj: Context, paths: tuple[Path, ...], as_json: bool, wait: float, replace: bool
) -> None:
    """Copy new articles (files or folders) into the corpus and index them.
    "-" reads JSONL (one article a line) from standard input."""
    stdin = sys.stdin.buffer if Path("-") in paths else None
    files = [p for p in paths if p != Path("-")]
    missing = [str(p) for p in files if not p.exists() and not p.is_symlink()]
    if missing:
        fail(f"no such file or folder: {', '.join(missing)}", 2, as_json)
    _run(
        lambda p: add(
            files, obj.corpus, obj.index, timeout=wait, stdin=stdin, progress=p, replace=replace
        ),
        "added",
        as_json,
    )


@cli.command("remove")
@click.argument("ids", nargs=-1, required=True)
@summary_as_json
@wait_for_writer
@click.pass_obj
def remove_cmd(obj: Context, ids: tuple[str, ...], as_json: bool, wait: float) -> None:
    """Delete articles from the index and from the corpus (a JSONL record's line is emptied)."""

    def action(progress) -> Report:
        report = remove(ids, obj.corpus, obj.index, timeout=wait)
        home = crawl_home(obj.corpus)  # a crawled page's stored copy goes with its article
        crawled = [ident for ident in ids if has_copy(home, ident)]
        if crawled and current_generation(obj.index) is not None:
            engine = Engine(obj.index)  # opened only when a copy may have to go
            for ident in crawled:
                if engine.article(ident) is None:
                    forget(home, ident)
        return report

    _run(action, "removed", as_json)
