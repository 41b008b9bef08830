"""The blueprint, the one accessor for the shared engine, and a request's state.

The query is read forgivingly (``searcher.query.forgive``): the page says how.

Every page, API route and export parses its URL through ``parse_state``: the page
state (what links keep) and a validated ``SearchRequest``, or ``BadRequest``.
"""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, current_app, request, url_for

from searcher.engine.engine import Engine
from searcher.query.forgive import forgive
from searcher.query.parse import QueryError, SearchRequest, build_request
from searcher.vi.text import canonical
from web.errors import BadRequest
from web.urlstate import PARAMS, UrlState

bp = Blueprint("web", __name__)
KNOWN_PARAMS = {"q", "sort", "page", "limit", "from", "to", "exact", "map", "live", *PARAMS}
MAX_FILTER_VALUES = 20  # distinct values of one filter in a URL (README: "The web UI")


def get_engine() -> Engine:
    """The one shared searcher of this app (opened on first use)."""
    engine = current_app.extensions.get("searcher")
    if engine is None:
        engine = Engine(Path(current_app.config["INDEX_DIR"]))
        current_app.extensions["searcher"] = engine
    return engine


def warm_engine(app) -> None:
    """Open ``app``'s engine and build what its first searches would read (a server's
    worker, before its first request)."""
    with app.app_context():
        get_engine().warm()


def _values(args, param: str) -> list[str]:
    """A filter's values, each once (as first spelled; "thanh hóa" is "Thanh Hóa"), at
    most ``MAX_FILTER_VALUES``: a repeated parameter is read once, and no page repeats
    it in every link."""
    first: dict[str, str] = {}
    for value in args.getlist(param):
        first.setdefault(canonical(value.strip()), value)
    values = list(first.values())
    if len(values) > MAX_FILTER_VALUES:
        raise BadRequest(
            f"Bộ lọc '{param}' có {len(values)} giá trị khác nhau; "
            f"chỉ chọn được tối đa {MAX_FILTER_VALUES} giá trị cho mỗi bộ lọc."
        )
    return values


def parse_state() -> tuple[UrlState, SearchRequest]:
    """URL parameters → (the page state, a validated request); BadRequest otherwise."""
    args = request.args
    unknown = sorted(set(args) - KNOWN_PARAMS)
    if unknown:
        raise BadRequest(f"Tham số không được hỗ trợ: {', '.join(unknown)[:80]}.")
    if args.get("map", "63") not in ("63", "34"):
        raise BadRequest("Bản đồ chỉ có hai dạng: map=63 (trước 1/7/2025) hoặc map=34.")
    filters = {facet: _values(args, param) for param, facet in PARAMS.items() if param in args}
    reading = forgive(args.get("q", ""))  # the query as meant ("tỉnh:hà nội" → Hà Nội)
    try:
        search_request = build_request(
            reading.text,
            filters=filters,
            sort=args.get("sort") or None,
            page=args.get("page"),
            limit=args.get("limit"),
            date_from=args.get("from"),
            date_to=args.get("to"),
            exact=args.get("exact") == "1",
        )
    except QueryError as exc:
        raise BadRequest(str(exc)) from None
    # live=1: asked while typing; the last word is often half typed ("hà n"), so no
    # did-you-mean until the typing settles (the page asks again without it)
    search_request.suggest = args.get("live") != "1"
    state = UrlState(
        q=args.get("q", "").strip(),
        filters={k: v for k, v in filters.items() if v},
        sort=args.get("sort", ""),
        page=search_request.page,
        limit=search_request.limit,
        date_from=search_request.date_from.isoformat() if search_request.date_from else "",
        date_to=search_request.date_to.isoformat() if search_request.date_to else "",
        map_mode="34" if args.get("map") == "34" else "",
        exact=args.get("exact") == "1",
        path=url_for("web.search_page"),
        reading=reading,
    )
    return state, search_request
