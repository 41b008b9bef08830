"""The JSON twins: ``/api/search`` (the CLI's ``--json`` contract), ``/api/article/<id>``,
``/api/suggest`` (completions) and ``/healthz``."""

from __future__ import annotations

from flask import Response, jsonify, request

from searcher.query.parse import build_request
from web.errors import BadRequest
from web.pages import article_or_404
from web.state import bp, get_engine, parse_state


@bp.route("/api/search")
def api_search() -> Response:
    _, search_request = parse_state()
    return jsonify(get_engine().search(search_request).to_json())


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
    return jsonify({"query": q, "suggestions": get_engine().completions(q)})


@bp.route("/healthz")
def healthz() -> Response:
    stats = get_engine().search(build_request("", limit=1))
    return jsonify({"status": "ok", "articles": stats.total})
