"""The JSON twins: ``/api/search`` (the CLI's ``--json`` contract), ``/api/article/<id>``,
``/api/suggest`` (completions) and ``/healthz``."""

from __future__ import annotations

from flask import Response, jsonify, request

from web.errors import BadRequest
from web.pages import article_or_404
from web.state import bp, get_engine, parse_state


@bp.route("/api/search")
def api_search() -> Response:
    _, search_request = parse_state()
    return jsonify(get_engine().search(search_request).to_json())


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
    """The served state's article count; "degraded" when the newest state cannot be
    read (503 when nothing can be served, 200 while a previous state is)."""
    health = get_engine().health()
    degraded = health["status"] != "ok" and not health["articles"]
    return jsonify(health), 503 if degraded else 200
