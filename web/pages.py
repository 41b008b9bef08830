"""The HTML pages: search (with facets, chips, sorting, pages, the closest articles),
an article, and the favicon; each reads a view model from ``web.presenters``."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit

from flask import abort, current_app, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from searcher.query.forgive import forgive
from searcher.query.parse import QueryError, build_request
from searcher.read.articles import id_problem
from searcher.results.hits import ArticleView
from web.presenters import article_view, search_page_view
from web.state import KNOWN_PARAMS, bp, get_engine, parse_state


@bp.route("/")
@bp.route("/search")
def search_page() -> str:
    state, search_request = parse_state()
    results = get_engine().search(search_request)
    view = search_page_view(results, state, article_path=article_path,
                            export_limit=current_app.config["EXPORT_LIMIT"])  # fmt: skip
    return render_template("search.html", view=view)


def article_path(article_id: str) -> str:
    """The address of exactly this article. An id is a path (``/article/tin/2024``)
    unless a browser or a proxy would change that path: an empty, ``.`` or ``..``
    segment (``/lead``, ``a//b``, ``a/../lead``, ``tin/``) goes in the query instead.

    >>> from web import create_app
    >>> with create_app().test_request_context():
    ...     article_path("tin/2024"), article_path("/lead")
    ('/article/tin/2024', '/article?id=/lead')
    """
    if any(seg in ("", ".", "..") for seg in article_id.split("/")):
        return url_for("web.article_by_query", id=article_id)
    return url_for("web.article_page", article_id=article_id)


@bp.app_context_processor
def header_query() -> dict:
    """The query stays in the header's search box on every page (errors included)."""
    return {"header_q": request.args.get("q", "")[:500]}


def article_or_404(article_id: str) -> ArticleView:
    if id_problem(article_id):
        abort(404)
    search_request = None
    if request.args.get("q"):
        try:
            search_request = build_request(forgive(request.args.get("q", "")).text)
        except QueryError:
            search_request = None
    article = get_engine().article(article_id, search_request)
    if article is None:
        abort(404)
    return article


@bp.route("/article", endpoint="article_by_query")
@bp.route("/article/<path:article_id>", merge_slashes=False)  # '/article//lead' is '/lead'
def article_page(article_id: str | None = None) -> str:
    article = article_or_404(article_id if article_id is not None else request.args.get("id", ""))
    back = _safe_back(request.args.get("back", ""))
    return render_template("article.html", view=article_view(article, back, article_path))


def _safe_back(raw: str) -> str:
    """A way back to the search page, re-encoded; anything else is the search page."""
    search = url_for("web.search_page")
    parts = urlsplit(raw)
    if parts.scheme or parts.netloc or parts.path not in (search, "/"):
        return search
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k in KNOWN_PARAMS])
    return f"{search}?{query}" if query else search


@bp.route("/subscribe")
def subscribe() -> str:
    """How to follow a search in a feed reader: the Atom address to copy (a link to
    the feed itself would show a reader raw XML)."""
    state, _ = parse_state()
    query = urlencode(state.params(page=False))
    feed = url_for("web.feed", _external=True) + (f"?{query}" if query else "")
    return render_template("subscribe.html", feed=feed, back=state.url())


@bp.route("/favicon.ico")
def favicon() -> Response:
    return redirect(url_for("static", filename="favicon.svg"), code=301)
