""" "Bản lưu": the copy of a crawled page as it was fetched, served as plain text (never
rendered, so none of its scripts, styles or links can run), with the fetch date on
the article page. Pages that were not crawled have no copy (404).
"""

from __future__ import annotations

from pathlib import Path

from flask import abort, current_app
from werkzeug.wrappers import Response

from searcher.crawl.archive import StoredCopy, crawl_home, stored
from searcher.crawl.extract import DecodeError, decode_page
from web.state import bp, get_engine


def _copy(article_id: str) -> StoredCopy | None:
    return stored(crawl_home(Path(current_app.config["CORPUS_DIR"])), article_id)


@bp.app_context_processor
def archived() -> dict:
    """``stored_copy_date(id)`` for the article template: "03/12/2026", or None."""

    def stored_copy_date(article_id: str) -> str | None:
        copy = _copy(article_id)
        if copy is None or len(copy.fetched_at) < 10:
            return None
        year, month, day = copy.fetched_at[:10].split("-")
        return f"{day}/{month}/{year}"

    return {"stored_copy_date": stored_copy_date}


@bp.route("/ban-luu/<path:article_id>")
def stored_copy_page(article_id: str) -> Response:
    copy = _copy(article_id)
    if copy is None or get_engine().article(article_id) is None:
        abort(404)  # a removed article's copy is never shown
    try:
        text = decode_page(copy.raw, copy.content_type)
    except DecodeError:
        text = copy.raw.decode("utf-8", errors="replace")
    note = f"Bản lưu của {copy.url}, tải về lúc {copy.fetched_at} (UTC).\n\n"
    response = Response(note + text, mimetype="text/plain")
    response.headers["Content-Disposition"] = f'inline; filename="{article_id}.html.txt"'
    response.headers["Cache-Control"] = "no-store"
    return response
