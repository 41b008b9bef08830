"""Errors as pages in Vietnamese (HTML) or JSON (``/api/…``), never a traceback:
400 for a bad parameter, 404, 405 with ``Allow``, 413, 414, 503 without an index."""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed

MAX_URL_CHARS = 8192


class BadRequest(Exception):
    """A parameter the engine cannot use; the message says what to fix."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class IndexMissing(Exception):
    """The index directory holds no index yet."""


def error_response(status: int, title: str, message: str, headers: dict | None = None):
    if request.path.startswith("/api/") or request.path == "/healthz":
        return jsonify({"error": message, "status": status}), status, headers or {}
    page = render_template("error.html", status=status, title=title, message=message)
    return page, status, headers or {}


def register_errors(app: Flask) -> None:
    @app.errorhandler(BadRequest)
    def bad_request(exc: BadRequest):
        return error_response(400, "Yêu cầu không hợp lệ", exc.message)

    @app.errorhandler(IndexMissing)
    def index_missing(exc: IndexMissing):
        return error_response(
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
        return error_response(exc.code or 500, title, message, headers)

    @app.errorhandler(Exception)
    def server_error(exc: Exception):
        app.logger.exception("unhandled error")
        return error_response(500, "Lỗi máy chủ", "Đã có lỗi xảy ra; vui lòng thử lại.")
