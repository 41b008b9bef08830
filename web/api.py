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
    state, search_request = parse_state()
    answer = get_engine().search(search_request).to_json()
    answer["reading"] = state.reading.to_json() if state.reading else None  # how q was read
    return jsonify(answer)


@bp.route("/api/article/<path:article_id>")
def api_article(article_id: str) -> Response:
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
