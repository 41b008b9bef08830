"""What every response carries and every request must pass: security headers (no
inline script), no character XML 1.0 forbids in its text, a bound on the URL, and a
503 while no index is built."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from flask import Response, abort, request

from searcher.results.export import xml_safe
from web.errors import MAX_URL_CHARS, BadRequest, IndexMissing
from web.state import MAX_FILTER_VALUES, bp, get_engine

MAX_PARAMS = 200  # parameters in one URL: 6 filters × 20 values and the rest fit
TOO_MANY_PARAMS = (
    f"Địa chỉ có quá nhiều tham số (tối đa {MAX_PARAMS}); "
    f"mỗi bộ lọc chọn được tối đa {MAX_FILTER_VALUES} giá trị."
)


def too_many_params(query: bytes | str) -> bool:
    """Whether a query string holds ``MAX_PARAMS`` parameters or more (counted, not parsed).

    >>> too_many_params("năm=2020&" * 300), too_many_params("q=giao+ban&year=2020")
    (True, False)
    """
    return query.count(b"&" if isinstance(query, bytes) else "&") >= MAX_PARAMS


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


@bp.before_app_request
def guard() -> None:
    """Over-long URLs get a 414, URLs of more than ``MAX_PARAMS`` parameters a 400 (told
    before they are parsed: no page of ours links to one); without a built index every
    page says so (503)."""
    if len(request.full_path) > MAX_URL_CHARS:
        abort(414)
    if too_many_params(request.query_string):
        raise BadRequest(TOO_MANY_PARAMS)
    if request.endpoint != "static" and not get_engine().ready():
        raise IndexMissing()


@bp.after_app_request
def security_headers(response: Response) -> Response:
    response.headers.update(SECURITY_HEADERS)
    parts = urlsplit(response.headers.get("Location", ""))
    if parts.netloc and parts.netloc == request.host:  # Werkzeug writes redirects from Host
        path = "/" + parts.path.lstrip("/")  # never '//elsewhere' (scheme-relative)
        response.headers["Location"] = urlunsplit(("", "", path, parts.query, parts.fragment))
    return response


class TextResponse(Response):
    """The app's response: a text body (a page, JSON) loses the characters XML 1.0
    forbids before it is encoded, whatever the index holds (an ESC in a stored title,
    a lone surrogate that UTF-8 cannot even write)."""

    def set_data(self, value: bytes | str) -> None:
        super().set_data(xml_safe(value) if isinstance(value, str) else value)
