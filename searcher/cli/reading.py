"""The reading commands: search, show, stats.

searcher search "giao ban" --province "Thanh Hóa" --year 2022
searcher show 001_19c58e07ec207b15
searcher stats --json
"""

from __future__ import annotations

import json
import re

import click

from searcher.cli.group import Context, cli, fail
from searcher.engine.engine import Engine, Hit, SearchResults
from searcher.index.generations import current_generation
from searcher.index.registry import FACETS
from searcher.query.parse import QueryError, build_request
from searcher.results.export import to_csv, to_jsonl

FACET_LABELS = {f.name: f.english for f in FACETS}


def require_index(obj: Context, as_json: bool = False) -> Engine:
    if current_generation(obj.index) is None:
        fail(
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


def _print_listed(hits: list[Hit]) -> None:
    """Articles listed after the results: title, id, the words each lacks, snippet."""
    for hit in hits:
        click.echo()
        click.echo(click.style(f"- {hit.title}", bold=True) + f"  [{hit.id}]")
        if hit.missing:
            click.echo("   missing: " + ", ".join(hit.missing))
        click.echo("   " + _ansi(hit.snippet))


def _print_results(results: SearchResults) -> None:
    took = results.took_ms / 1000
    click.echo(f"{results.total:,} results ({took:.2f} s) — page {results.page}/{results.pages}")
    if results.total and results.page > results.pages:
        click.echo(f"Page {results.page} is past the last page ({results.pages}).")
    if results.shortened:
        click.echo(f"Long question: searched by its {results.shortened} most informative words")
    if results.corrected:
        typed = (f"'{results.query}' found {results.typed_total:,} articles holding its words "
                 "apart, never together" if results.typed_total
                 else f"Nothing matched '{results.query}'")  # fmt: skip
        also = "".join(f", {r}" for r in results.readings)
        click.echo(f"{typed}; showing results for: {results.corrected}{also} "
                   "(--exact: no correction)")  # fmt: skip
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
        some = "Articles holding some of the words:"
        click.echo("\n" + (some if results.hits else "No article holds every word. Closest:"))
    if results.closest_suggested:
        click.echo(f"(the first {results.closest_suggested} hold every word of "
                   f"\"{results.suggestion}\")")  # fmt: skip
    _print_listed(results.closest)
    if results.as_typed:
        click.echo(f"\nArticles holding the words as typed ('{results.query}'):")
    _print_listed(results.as_typed)
    click.echo()
    for name, values in results.facets.items():
        shown = ", ".join(f"{'*' if v.selected else ''}{v.value} ({v.count})" for v in values)
        click.echo(f"{FACET_LABELS[name]}: {shown or '—'}")


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
        fail(exc.english, 2, as_json)
    engine = require_index(obj, as_json)
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
    article = require_index(obj, as_json).article(article_id)
    if article is None:
        fail(f"no article with id '{article_id}'", 1, as_json)
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
    month = tuple(map(int, article.published_month.split("-"))) if article.published_month else None
    meta = extract(Article(article.id, title, article.body, article.author, published,
                           published_month=month))  # fmt: skip
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
    stats = require_index(obj, as_json).stats()
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
