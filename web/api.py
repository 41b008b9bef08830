"""The JSON twins: ``/api/search`` (the CLI's ``--json`` contract), ``/api/article/<id>``,
``/api/suggest`` (completions, grouped), ``/api/page`` (the search page's main area,
rendered, for results as you type) and ``/healthz``."""

from __future__ import annotations

from flask import Response, current_app, jsonify, render_template, request

from web.errors import BadRequest
from web.pages import article_or_404, article_path
from web.presenters import search_page_view
from web.state import bp, get_engine, parse_state


@bp.route("/api/search")
def api_search() -> Response:
    state, search_request = parse_state()
    answer = get_engine().search(search_request).to_json()
    answer["reading"] = state.reading.to_json() if state.reading else None  # how q was read
    return jsonify(answer)


@bp.route("/api/article", endpoint="api_article_by_query")
@bp.route("/api/article/<path:article_id>", merge_slashes=False)
def api_article(article_id: str | None = None) -> Response:
    """One article; ``/api/article?id=…`` for an id that is no faithful path (``/lead``)."""
    article_id = article_id if article_id is not None else request.args.get("id", "")
    return jsonify(article_or_404(article_id).to_json())


@bp.route("/api/suggest")
def api_suggest() -> Response:
    q = request.args.get("q", "")
    if len(q) > 200:
        raise BadRequest("Chuỗi gợi ý quá dài (tối đa 200 ký tự).")
    found = get_engine().completion_groups(q)
    flat = found.words + [title for title, _ in found.titles]
    groups = found.to_json()
    for entry in groups["titles"]:
        entry["url"] = article_path(entry["id"])
    return jsonify({"query": q, "suggestions": flat, "groups": groups})


@bp.route("/api/page")
def api_page() -> Response:
    """The search page's results, facets, timeline and map as HTML (the same template
    as the page), its address and title, and how the query was read: what the search
    box's script swaps in place while the user types."""
    state, search_request = parse_state()
    results = get_engine().search(search_request)
    view = search_page_view(results, state, article_path=article_path,
                            export_limit=current_app.config["EXPORT_LIMIT"])  # fmt: skip
    return jsonify({
        "url": state.url(),
        "title": f"{state.q} – Tìm kiếm báo cáo VKSND" if state.q else "Tìm kiếm báo cáo VKSND",
        "total": results.total,
        "html": render_template("_results.html", view=view),
        "reading": state.reading.to_json() if state.reading else None,
    })  # fmt: skip


@bp.route("/healthz")
def healthz() -> Response:
    """The served state's article count; "degraded" when the newest state cannot be
    read (503 when nothing can be served, 200 while a previous state is)."""
    health = get_engine().health()
    degraded = health["status"] != "ok" and not health["articles"]
    return jsonify(health), 503 if degraded else 200
