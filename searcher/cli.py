"""The ``searcher`` command: thin click commands that validate and call the core.

    searcher sync
    searcher rebuild
    searcher add bai-moi.txt thu-muc/
    scraper | searcher add -
    searcher remove "tin-2024@17"
    searcher search "giao ban" --province "Thanh Hóa" --year 2022
    searcher show 001_19c58e07ec207b15
    searcher stats --json
    searcher serve --port 8000

Exit codes: 0 success (also for zero hits), 2 usage or query error, 1 any
other failure; messages on stderr.
"""

from __future__ import annotations

import contextlib
import json
import math
import re
import sys
import time
from pathlib import Path

import click

from searcher.crawl.archive import crawl_home, forget
from searcher.engine.engine import Engine, SearchResults
from searcher.index.generations import LockTimeout, current_generation
from searcher.index.operations import DiskFull, EmptyCorpus, Report, add, rebuild, remove, sync
from searcher.index.registry import FACETS
from searcher.query.parse import QueryError, build_request
from searcher.results.export import to_csv, to_jsonl

FACET_LABELS = {f.name: f.english for f in FACETS}


class Seconds(click.FloatRange):
    """A number of seconds in a range; ``nan`` too is refused (it passes every
    comparison, so a nan budget or delay would be no limit at all)."""

    name = "seconds"

    def convert(self, value, param, ctx):
        out = super().convert(value, param, ctx)
        if math.isnan(out):
            self.fail(f"{value!r} is not a number of seconds", param, ctx)
        return out


SHOWN = 10  # duplicates, renamings and notes printed before "… and N more"


class Context:
    def __init__(self, index: Path, corpus: Path) -> None:
        self.index = index
        self.corpus = corpus


def _fail(message: str, code: int = 1, as_json: bool = False) -> None:
    if as_json:
        click.echo(json.dumps({"error": message, "exit": code}, ensure_ascii=False), err=True)
    else:
        click.echo(f"error: {message}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--index",
    "index_dir",
    type=click.Path(path_type=Path),
    default="index",
    envvar="SEARCHER_INDEX",
    show_default=True,
    help="Index directory.",
)
@click.option(
    "--corpus",
    "corpus_dir",
    type=click.Path(path_type=Path),
    default="corpus",
    envvar="SEARCHER_CORPUS",
    show_default=True,
    help="Corpus directory.",
)
@click.pass_context
def cli(ctx: click.Context, index_dir: Path, corpus_dir: Path) -> None:
    """Search Vietnamese procuracy (VKSND) reports."""
    ctx.obj = Context(index_dir, corpus_dir)


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


def _print_report(report: Report, verb: str, as_json: bool) -> None:
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


def _run(action, verb: str, as_json: bool) -> None:
    """Run a writing command; a clear message and exit 1 for a busy index or a full disk."""
    try:
        with _progress(not as_json) as progress:
            report = action(progress)
    except (LockTimeout, DiskFull, EmptyCorpus) as exc:
        _fail(str(exc.strerror if isinstance(exc, DiskFull) else exc), 1, as_json)
    if verb == "indexed" and not as_json:
        if report.reason:
            click.echo(f"rebuilding: {report.reason}", err=True)
        elif not (report.full_rebuild or report.indexed or report.replaced or report.removed):
            click.echo("index is up to date", err=True)
    _print_report(report, verb, as_json)
    if report.partial:
        sys.exit(1)


@cli.command("rebuild")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--if-needed", is_flag=True, help="Only bring the index up to date (= sync).")
@click.option(
    "--wait",
    default=30.0,
    type=Seconds(0),
    show_default=True,
    help="Seconds to wait for another writer.",
)
@click.pass_obj
def rebuild_cmd(obj: Context, as_json: bool, if_needed: bool, wait: float) -> None:
    """Build a fresh index from the corpus and swap it in atomically."""
    if not obj.corpus.is_dir():
        _fail(f"corpus directory not found: {obj.corpus}", 2, as_json)
    if if_needed:
        _run(lambda p: sync(obj.corpus, obj.index, progress=p, timeout=wait), "indexed", as_json)
        return
    _run(lambda p: rebuild(obj.corpus, obj.index, progress=p, timeout=wait), "indexed", as_json)


@cli.command("sync")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option(
    "--wait",
    default=30.0,
    type=Seconds(0),
    show_default=True,
    help="Seconds to wait for another writer.",
)
@click.option("--allow-empty", is_flag=True, help="Let an empty corpus empty the index.")
@click.pass_obj
def sync_cmd(obj: Context, as_json: bool, wait: float, allow_empty: bool) -> None:
    """Bring the index in line with the corpus: index new and changed files, remove
    deleted ones (a full rebuild only for a new index or schema)."""
    if not obj.corpus.is_dir():
        _fail(f"corpus directory not found: {obj.corpus}", 2, as_json)
    _run(
        lambda p: sync(obj.corpus, obj.index, progress=p, timeout=wait, allow_empty=allow_empty),
        "indexed",
        as_json,
    )


@cli.command("add")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option(
    "--wait",
    default=30.0,
    type=Seconds(0),
    show_default=True,
    help="Seconds to wait for another writer.",
)
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
        _fail(f"no such file or folder: {', '.join(missing)}", 2, as_json)
    _run(
        lambda p: add(
            files, obj.corpus, obj.index, timeout=wait, stdin=stdin, progress=p, replace=replace
        ),
        "added",
        as_json,
    )


@cli.command("remove")
@click.argument("ids", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option(
    "--wait",
    default=30.0,
    type=Seconds(0),
    show_default=True,
    help="Seconds to wait for another writer.",
)
@click.pass_obj
def remove_cmd(obj: Context, ids: tuple[str, ...], as_json: bool, wait: float) -> None:
    """Delete articles from the index and from the corpus (a JSONL record's line is emptied)."""

    def action(progress) -> Report:
        report = remove(ids, obj.corpus, obj.index, timeout=wait)
        if ids and current_generation(obj.index) is not None:
            engine = Engine(obj.index)  # a crawled page's stored copy goes with its article
            for ident in ids:
                if engine.article(ident) is None:
                    forget(crawl_home(obj.corpus), ident)
        return report

    _run(action, "removed", as_json)


def _require_index(obj: Context, as_json: bool = False) -> Engine:
    if current_generation(obj.index) is None:
        _fail(
            f"no index in {obj.index}: build it with 'searcher sync' (or check --index)",
            1,
            as_json,
        )
    return Engine(obj.index)


def _ansi(html: str) -> str:
    text = re.sub(
        r"<mark>(.*?)</mark>", lambda m: click.style(m.group(1), bold=True, fg="yellow"), html
    )
    import html as htmllib

    return htmllib.unescape(text)


def _print_results(results: SearchResults) -> None:
    took = results.took_ms / 1000
    click.echo(f"{results.total:,} results ({took:.2f} s) — page {results.page}/{results.pages}")
    if results.total and results.page > results.pages:
        click.echo(f"Page {results.page} is past the last page ({results.pages}).")
    if results.shortened:
        click.echo(f"Long question: searched by its {results.shortened} most informative words")
    if results.corrected:
        click.echo(f"Nothing matched '{results.query}'; showing results for: {results.corrected}"
                   " (--exact: no correction)")  # fmt: skip
    if results.suggestion:
        click.echo(f"Did you mean: {results.suggestion}")
    for n, hit in enumerate(results.hits, (results.page - 1) * results.limit + 1):
        when = hit.meeting_date or hit.published or (str(hit.year) if hit.year else "")
        click.echo()
        click.echo(click.style(f"{n}. {hit.title}", bold=True) + f"  [{hit.id}]")
        meta = [x for x in (when, hit.unit, hit.province, ", ".join(hit.meeting_types)) if x]
        click.echo("   " + " · ".join(meta))
        click.echo("   " + _ansi(hit.snippet))
    if results.closest:
        click.echo("\nNo article holds every word. Closest:")
    for hit in results.closest:
        click.echo()
        click.echo(click.style(f"- {hit.title}", bold=True) + f"  [{hit.id}]")
        click.echo("   missing: " + ", ".join(hit.missing))
        click.echo("   " + _ansi(hit.snippet))
    click.echo()
    for name, values in results.facets.items():
        shown = ", ".join(f"{'*' if v.selected else ''}{v.value} ({v.count})" for v in values)
        click.echo(f"{FACET_LABELS[name]}: {shown or '—'}")


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
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option(
    "--wait",
    default=30.0,
    type=Seconds(0),
    show_default=True,
    help="Seconds to wait for another writer.",
)
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
        _fail(str(exc), 2, as_json)
    except (LockTimeout, DiskFull) as exc:
        _fail(str(exc.strerror if isinstance(exc, DiskFull) else exc), 1, as_json)
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
    else:
        for line in report.messages:
            click.echo(f"crawl {line}", err=True)
        if report.index is not None:
            _print_report(report.index, "added", False)
        click.echo(commands.summary(report))
    if report.messages or (report.index is not None and report.index.partial):
        sys.exit(1)


@cli.command("search")
@click.argument("query", nargs=-1)
@click.option("--province", multiple=True, help="Province (before the 2025 merger).")
@click.option("--province-2025", "province_2025", multiple=True, help="Province since 2025.")
@click.option("--year", multiple=True, help="Year or range: 2022 or 2020-2022.")
@click.option("--type", "meeting_type", multiple=True, help="Meeting type, e.g. 'giao ban'.")
@click.option("--level", multiple=True, help="Level: tối cao, cấp cao, tỉnh, huyện, ...")
@click.option("--period", multiple=True, help="Reporting period: quý I, 9 tháng, tháng 3, năm.")
@click.option("--from", "date_from", default=None, help="Meeting date from (2023-01-31).")
@click.option("--to", "date_to", default=None, help="Meeting date to (2023-06-30).")
@click.option("--sort", type=click.Choice(["relevance", "newest", "oldest"]), default=None)
@click.option("--page", default=1, show_default=True, type=int)
@click.option("--limit", default=10, show_default=True, type=int)
@click.option("--json", "as_json", is_flag=True, help="Print the JSON contract (one page).")
@click.option("--exact", is_flag=True, help="No automatic correction when nothing matches.")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "csv", "jsonl"]), default=None,
    help="csv/jsonl: every result (not one page) with all metadata.",
)  # fmt: skip
@click.pass_obj
def search_cmd(
    obj: Context,
    query: tuple[str, ...],
    province,
    province_2025,
    year,
    meeting_type,
    level,
    period,
    date_from,
    date_to,
    sort,
    page,
    limit,
    as_json,
    exact,
    fmt,
) -> None:
    """Search; an empty query browses everything, newest first."""
    fmt = fmt or ("json" if as_json else "text")
    as_json = fmt == "json"
    filters = {
        "province": list(province),
        "province_2025": list(province_2025),
        "year": list(year),
        "meeting_type": list(meeting_type),
        "level": list(level),
        "period": list(period),
    }
    try:
        request = build_request(
            " ".join(query), filters=filters, sort=sort, page=page, limit=limit,
            date_from=date_from, date_to=date_to, exact=exact,
        )  # fmt: skip
    except QueryError as exc:
        _fail(exc.english, 2, as_json)
    engine = _require_index(obj, as_json)
    if fmt in ("csv", "jsonl"):
        rows = engine.export(request)
        for chunk in to_csv(rows) if fmt == "csv" else to_jsonl(rows):
            click.echo(chunk, nl=False)
        return
    results = engine.search(request)
    if as_json:
        click.echo(json.dumps(results.to_json(), ensure_ascii=False, indent=1))
    else:
        _print_results(results)


@cli.command("show")
@click.argument("article_id")
@click.option("--json", "as_json", is_flag=True)
@click.option("--explain", is_flag=True, help="Say, per field, which passage it was read from.")
@click.pass_obj
def show_cmd(obj: Context, article_id: str, as_json: bool, explain: bool) -> None:
    """An article's metadata and clean text."""
    article = _require_index(obj, as_json).article(article_id)
    if article is None:
        _fail(f"no article with id '{article_id}'", 1, as_json)
    if explain:
        _explain(article, as_json)
        return
    if as_json:
        data = article.to_json()
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    click.echo(click.style(article.title, bold=True))
    for label, value in (
        ("Unit", article.unit),
        ("Level", article.level),
        ("Province", article.province),
        ("Province since 1 July 2025", article.province_2025),
        ("Meeting date", article.meeting_date),
        ("Published", article.published),
        ("Meeting types", ", ".join(article.meeting_types)),
        ("Reporting period", " ".join(str(x) for x in (article.period, article.period_year) if x)),
        ("Chaired by", ", ".join(x for x in (article.chair, article.chair_role) if x)),
        ("Attended by", "; ".join(", ".join(x for x in (a["name"], a["role"]) if x)
                                  for a in article.attendees)),
        ("Author", article.author),
        ("Original", article.url),
        ("Source file", article.source),
        ("Same meeting", ", ".join(g.id for g in article.group)),
        ("Similar reports", ", ".join(g.id for g in article.similar)),
    ):  # fmt: skip
        if value:
            click.echo(f"{label}: {value}")
    click.echo()
    click.echo(article.body)


def _explain(article, as_json: bool) -> None:
    """Each fact with its value, the passage it came from, the role it was read in and
    the candidates set aside with why (re-read from the text)."""
    from datetime import date

    from searcher.facts.metadata import extract
    from searcher.read.articles import Article

    published = date.fromisoformat(article.published) if article.published else None
    title = article.title if article.titled else ""  # a first sentence shown, not a title
    meta = extract(Article(article.id, title, article.body, article.author, published))
    rows = {
        "level": meta.level, "unit": meta.unit, "province": meta.province,
        "province_2025": meta.province_2025, "year": meta.year,
        "meeting_date": meta.meeting_date.isoformat() if meta.meeting_date else None,
        "published": meta.published.isoformat() if meta.published else None,
        "meeting_types": ", ".join(meta.meeting_types),
        "period": f"{meta.period} {meta.period_year or ''}".strip() if meta.period else None,
    }  # fmt: skip
    if as_json:
        out = {}
        for name, value in rows.items():
            ev = meta.explain.get(name)
            out[name] = {
                "value": value,
                "from": ev.passage if ev else "",
                "role": ev.role if ev else "",
                "rejected": ev.rejected if ev else [],
            }
        click.echo(json.dumps(out, ensure_ascii=False, indent=1))
        return
    for name, value in rows.items():
        ev = meta.explain.get(name)
        click.echo(f"{name}: {value if value is not None else '—'}")
        click.echo(f"    from: {(ev.passage if ev else '') or '—'}")
        if ev and ev.role:
            click.echo(f"    role: {ev.role}")
        for why in ev.rejected if ev else []:
            click.echo(f"    set aside: {why}")


@cli.command("stats")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def stats_cmd(obj: Context, as_json: bool) -> None:
    """Article count, facet values, index size, last build."""
    stats = _require_index(obj, as_json).stats()
    if as_json:
        click.echo(json.dumps(stats, ensure_ascii=False, indent=1))
        return
    click.echo(f"articles: {stats['articles']}")
    sizes = stats["sizes"]
    click.echo(f"index size on disk: {_mb(sizes['total'])} in all ({obj.index})")
    click.echo(
        f"  served generation: {_mb(sizes['served'])} (Whoosh {_mb(sizes['whoosh'])}, "
        f"arrays {_mb(sizes['arrays'])}, bookkeeping {_mb(sizes['bookkeeping'])})"
    )
    click.echo(f"  segmentation cache: {_mb(sizes['cache'])}")
    click.echo(f"  other: {_mb(sizes['other'])} (previous generation, leftovers of a killed build)")
    build = stats["build"]
    click.echo(f"last build: {build.get('built', '—')}; last update: {build.get('updated', '—')}")
    for name, counts in stats["facets"].items():
        shown = ", ".join(f"{k} ({v})" for k, v in counts.items())
        click.echo(f"{FACET_LABELS[name]}: {shown or '—'}")


def _mb(size: int) -> str:
    return f"{size / 1e6:,.1f} MB"


def main() -> None:
    """The core commands only; the ``searcher`` program is ``web.cli.main`` (adds ``serve``)."""
    cli(prog_name="searcher")
