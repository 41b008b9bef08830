"""Every result of a search for other programs: CSV and JSONL streamed (not one page,
up to ``EXPORT_LIMIT`` rows), and an Atom feed of the newest reports."""

from __future__ import annotations

from itertools import chain, islice

from flask import Response, request, stream_with_context, url_for

from searcher.results.export import to_atom, to_csv, to_jsonl
from web.presenters import chips
from web.state import bp, get_engine, parse_state

EXPORT_LIMIT = 100_000  # rows in one export: the whole archive, not an unbounded loop
FEED_ENTRIES = 50


@bp.route("/export.csv", endpoint="export_csv")
@bp.route("/export.jsonl", endpoint="export_jsonl")
def export() -> Response:
    """Every result of a search, streamed, with all metadata columns."""
    _, search_request = parse_state()
    rows = islice(get_engine().export(search_request), EXPORT_LIMIT)
    if request.path.endswith(".csv"):
        body, mimetype = chain(["\ufeff"], to_csv(rows)), "text/csv"  # BOM: Excel reads UTF-8
    else:
        body, mimetype = to_jsonl(rows), "application/x-ndjson"
    name = "ket-qua" + request.path[request.path.rindex(".") :]
    return Response(
        stream_with_context(body),
        mimetype=f"{mimetype}; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@bp.route("/feed.atom")
def feed() -> Response:
    """The newest reports of any search, as an Atom feed a feed reader can follow."""
    state, search_request = parse_state()
    search_request.sort = "newest"
    rows = islice(get_engine().export(search_request), FEED_ENTRIES)
    root = request.url_root.rstrip("/")
    label = state.q or "tất cả báo cáo"
    title = f"Báo cáo VKSND: {label}" + "".join(f", {c.label}" for c in chips(state))
    body = to_atom(
        rows,
        title=title,
        feed_url=root + request.full_path.rstrip("?"),
        page_url=root + state.url(),
        article_url=lambda i: root + url_for("web.article_page", article_id=i),
    )
    return Response(stream_with_context(body), mimetype="application/atom+xml; charset=utf-8")
