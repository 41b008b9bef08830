"""One blueprint: the search page, the article page and their JSON twins."""

from __future__ import annotations

from dataclasses import replace
from itertools import chain, islice
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from flask import (
    Blueprint,
    Flask,
    Response,
    abort,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    stream_with_context,
    url_for,
)
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from searcher.engine.engine import Engine
from searcher.query.parse import QueryError, SearchRequest, build_request
from searcher.read.articles import id_problem
from searcher.results.export import to_atom, to_csv, to_jsonl
from web.presenters import (
    PARAMS,
    UrlState,
    article_urls,
    chips,
    facet_boxes,
    pagination,
    sort_links,
    took_text,
    vi_date,
)

bp = Blueprint("web", __name__)
KNOWN_PARAMS = {"q", "sort", "page", "limit", "from", "to", "exact", *PARAMS}
EXPORT_LIMIT = 100_000  # rows in one export: the whole archive, not an unbounded loop
FEED_ENTRIES = 50
MAX_URL_CHARS = 8192
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def get_engine() -> Engine:
    """The one shared searcher of this app (opened on first use)."""
    engine = current_app.extensions.get("searcher")
    if engine is None:
        engine = Engine(Path(current_app.config["INDEX_DIR"]))
        current_app.extensions["searcher"] = engine
    return engine


class BadRequest(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def parse_state() -> tuple[UrlState, SearchRequest]:
    """URL parameters → (the page state, a validated request); BadRequest otherwise."""
    args = request.args
    unknown = sorted(set(args) - KNOWN_PARAMS)
    if unknown:
        raise BadRequest(f"Tham số không được hỗ trợ: {', '.join(unknown)[:80]}.")
    filters = {facet: args.getlist(param) for param, facet in PARAMS.items() if param in args}
    try:
        search_request = build_request(
            args.get("q", ""),
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
    state = UrlState(
        q=args.get("q", "").strip(),
        filters={k: v for k, v in filters.items() if v},
        sort=args.get("sort", ""),
        page=search_request.page,
        limit=search_request.limit,
        date_from=args.get("from", "").strip(),
        date_to=args.get("to", "").strip(),
        exact=args.get("exact") == "1",
    )
    return state, search_request


@bp.route("/")
@bp.route("/search")
def search_page() -> str:
    state, search_request = parse_state()
    results = get_engine().search(search_request)
    suggestion_url = (
        UrlState(q=results.suggestion, filters=state.filters).url()
        if (results.suggestion)
        else None
    )
    past_end = results.total > 0 and state.page > results.pages
    return render_template(
        "search.html",
        state=state,
        results=results,
        past_end=past_end,
        hidden_params=[(k, v) for k, v in state.params(page=False) if k not in ("from", "to")],
        dates={
            h.id: vi_date(h.meeting_date or h.published) for h in results.hits + results.closest
        },
        last_page_url=state.with_page(results.pages).url() if past_end else None,
        export_params=urlencode(state.params(page=False)),
        took=took_text(results),
        boxes=facet_boxes(results, state),
        chips=chips(state),
        clear_url=UrlState(q=state.q, sort=state.sort, limit=state.limit).url(),
        pages=pagination(results, state),
        sorts=sort_links(state, results.sort),
        suggestion_url=suggestion_url,
        exact_url=replace(state, exact=True, page=1).url() if results.corrected else None,
        article_urls=article_urls(results, state),
    )


@bp.route("/export.csv")
@bp.route("/export.jsonl")
def export() -> Response:
    """Every result of a search (not one page), streamed, with all metadata columns."""
    _, search_request = parse_state()
    rows = islice(get_engine().export(search_request), EXPORT_LIMIT)
    if request.path.endswith(".csv"):
        body, mimetype = chain(["\ufeff"], to_csv(rows)), "text/csv"  # BOM: Excel reads UTF-8
    else:
        body, mimetype = to_jsonl(rows), "application/x-ndjson"
    name = "ket-qua" + request.path[len("/export") :]
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
        article_url=lambda i: f"{root}/article/{quote(i, safe='')}",
    )
    return Response(stream_with_context(body), mimetype="application/atom+xml; charset=utf-8")


@bp.route("/favicon.ico")
def favicon() -> Response:
    return redirect(url_for("static", filename="favicon.svg"), code=301)


@bp.app_context_processor
def header_query() -> dict:
    """The query stays in the header's search box on every page (errors included)."""
    return {"header_q": request.args.get("q", "")[:500]}


@bp.route("/api/search")
def api_search() -> Response:
    _, search_request = parse_state()
    return jsonify(get_engine().search(search_request).to_json())


@bp.before_app_request
def guard() -> None:
    """Over-long URLs get a 414; without a built index every page says so (503)."""
    if len(request.full_path) > MAX_URL_CHARS:
        abort(414)
    if request.endpoint != "static" and not get_engine().ready():
        raise IndexMissing()


class IndexMissing(Exception):
    """The index directory holds no index yet."""


def _article_or_404(article_id: str):
    if id_problem(article_id):
        abort(404)
    search_request = None
    if request.args.get("q"):
        try:
            search_request = build_request(request.args.get("q", ""))
        except QueryError:
            search_request = None
    article = get_engine().article(article_id, search_request)
    if article is None:
        abort(404)
    return article


@bp.route("/article/<path:article_id>")
def article_page(article_id: str) -> str:
    article = _article_or_404(article_id)
    back = _safe_back(request.args.get("back", ""))
    paragraphs = article.body_html.split("\n")
    dates = {"meeting": vi_date(article.meeting_date), "published": vi_date(article.published)}
    return render_template(
        "article.html", article=article, paragraphs=paragraphs, back_url=back, dates=dates
    )


def _safe_back(raw: str) -> str:
    """A way back to the search page, re-encoded; anything else becomes "/search"."""
    parts = urlsplit(raw)
    if parts.scheme or parts.netloc or parts.path not in ("/", "/search"):
        return "/search"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k in KNOWN_PARAMS])
    return f"/search?{query}" if query else "/search"


@bp.route("/api/article/<path:article_id>")
def api_article(article_id: str) -> Response:
    return jsonify(_article_or_404(article_id).to_json())


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


@bp.after_app_request
def security_headers(response: Response) -> Response:
    response.headers.update(SECURITY_HEADERS)
    return response


def _error(status: int, title: str, message: str, headers: dict | None = None):
    if request.path.startswith("/api/") or request.path == "/healthz":
        return jsonify({"error": message, "status": status}), status, headers or {}
    page = render_template("error.html", status=status, title=title, message=message)
    return page, status, headers or {}


def register_errors(app: Flask) -> None:
    @app.errorhandler(BadRequest)
    def bad_request(exc: BadRequest):
        return _error(400, "Yêu cầu không hợp lệ", exc.message)

    @app.errorhandler(IndexMissing)
    def index_missing(exc: IndexMissing):
        return _error(
            503,
            "Chưa có chỉ mục",
            "Chỉ mục tìm kiếm chưa được xây dựng. Người quản trị cần chạy "
            "'searcher sync' (hoặc 'make run') rồi tải lại trang.",
            {"Retry-After": "60"},
        )

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        messages = {
            404: ("Không tìm thấy", "Không có trang hoặc bài viết này."),
            405: ("Phương thức không được phép", "Trang này chỉ để đọc."),
            413: ("Yêu cầu quá lớn", "Yêu cầu gửi lên quá lớn."),
            414: ("Địa chỉ quá dài", f"Địa chỉ (URL) dài quá {MAX_URL_CHARS} ký tự."),
        }
        title, message = messages.get(exc.code or 500, ("Lỗi", exc.description or ""))
        headers = {}
        if isinstance(exc, MethodNotAllowed) and exc.valid_methods:
            headers["Allow"] = ", ".join(sorted(exc.valid_methods))
        return _error(exc.code or 500, title, message, headers)

    @app.errorhandler(Exception)
    def server_error(exc: Exception):
        app.logger.exception("unhandled error")
        return _error(500, "Lỗi máy chủ", "Đã có lỗi xảy ra; vui lòng thử lại.")
