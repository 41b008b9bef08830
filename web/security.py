"""What every response carries and every request must pass: security headers (no
inline script), a bound on the URL, and a 503 while no index is built."""

from __future__ import annotations

from flask import Response, abort, request

from web.errors import MAX_URL_CHARS, IndexMissing
from web.state import bp, get_engine

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
    """Over-long URLs get a 414; without a built index every page says so (503)."""
    if len(request.full_path) > MAX_URL_CHARS:
        abort(414)
    if request.endpoint != "static" and not get_engine().ready():
        raise IndexMissing()


@bp.after_app_request
def security_headers(response: Response) -> Response:
    response.headers.update(SECURITY_HEADERS)
    return response
