"""Every result of a search for other programs: CSV and JSONL streamed (not one page,
up to ``EXPORT_LIMIT`` rows, a last line saying so when there were more), and an Atom
feed of the newest reports.

Exports are the one thing a client can make long: at most ``EXPORT_SLOTS`` stream at
once in a worker (503 with ``Retry-After`` beyond), in chunks of ``CHUNK_CHARS``;
a client that stops reading loses its connection (``web.channel``).

>>> list(chunked(["Hội ", "nghị\x1b", " giao ban"], size=5))
['Hội nghị', ' giao ban']
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from urllib.parse import urlencode

from flask import Response, current_app, request, stream_with_context, url_for

from searcher.results.export import to_atom, to_csv, to_jsonl, xml_safe
from web.errors import error_response
from web.pages import article_path
from web.presenters import chips, vi_number
from web.state import bp, get_engine, parse_state

FEED_ENTRIES = 50
CHUNK_CHARS = 1 << 16
RETRY_AFTER = 30  # seconds a client turned away by a full export slot is asked to wait


def chunked(parts: Iterable[str], size: int = CHUNK_CHARS) -> Iterator[str]:
    """``parts`` joined into pieces of about ``size`` characters, XML-safe (one write to
    the socket per piece, not per row)."""
    buffer: list[str] = []
    length = 0
    for part in parts:
        buffer.append(part)
        length += len(part)
        if length >= size:
            yield xml_safe("".join(buffer))
            buffer, length = [], 0
    if buffer:
        yield xml_safe("".join(buffer))


def truncated_note(limit: int) -> str:
    """What the last line of a cut export says (no comma: one CSV cell)."""
    return (
        f"Kết quả bị cắt: tệp chỉ có {vi_number(limit)} kết quả đầu tiên; "
        "hãy thu hẹp tìm kiếm (bộ lọc hoặc khoảng ngày) để tải phần còn lại."
    )


@bp.route("/export.csv", endpoint="export_csv")
@bp.route("/export.jsonl", endpoint="export_jsonl")
def export() -> Response:
    """Every result of a search, streamed, with all metadata columns; when the search
    has more than ``EXPORT_LIMIT`` results, the file's last line says it was cut."""
    _, search_request = parse_state()
    slots = current_app.extensions["export_slots"]
    if not slots.acquire(blocking=False):
        return error_response(
            503,
            "Máy chủ đang bận",
            "Đang có nhiều lượt tải kết quả cùng lúc. Vui lòng thử lại sau ít phút.",
            {"Retry-After": str(RETRY_AFTER)},
        )
    try:
        limit = int(current_app.config["EXPORT_LIMIT"])
        more = [False]

        def capped() -> Iterator[dict]:
            for n, row in enumerate(get_engine().export(search_request)):
                if n == limit:
                    more[0] = True
                    return
                yield row

        csv = request.path.endswith(".csv")

        def note() -> Iterator[str]:
            if more[0] and csv:
                yield f"# {truncated_note(limit)}\n"
            elif more[0]:
                marker = {"truncated": True, "limit": limit, "message": truncated_note(limit)}
                yield json.dumps(marker, ensure_ascii=False) + "\n"

        if csv:  # BOM: Excel reads UTF-8
            body, mimetype = chain(["\ufeff"], to_csv(capped()), note()), "text/csv"
        else:
            body, mimetype = chain(to_jsonl(capped()), note()), "application/x-ndjson"
        name = "ket-qua" + request.path[request.path.rindex(".") :]
        response = Response(
            stream_with_context(chunked(body)),
            content_type=f"{mimetype}; charset=utf-8",
            headers={
                "Content-Disposition": f'attachment; filename="{name}"',
                "X-Export-Limit": str(limit),
            },
        )
    except BaseException:
        slots.release()
        raise
    response.call_on_close(slots.release)
    return response


@bp.route("/feed.atom")
def feed() -> Response:
    """The newest reports of any search, as an Atom feed a feed reader can follow.
    Absolute links start with ``BASE_URL``, never with the request's ``Host``."""
    state, search_request = parse_state()
    search_request.sort = "newest"
    rows = islice(get_engine().export(search_request), FEED_ENTRIES)
    root = current_app.config["BASE_URL"]
    label = state.q or "tất cả báo cáo"
    title = f"Báo cáo VKSND: {label}" + "".join(f", {c.label}" for c in chips(state))
    query = urlencode(state.params(page=False))
    body = to_atom(
        rows,
        title=title,
        feed_url=root + url_for("web.feed") + (f"?{query}" if query else ""),
        page_url=root + state.url(),
        article_url=lambda i: root + article_path(i),
    )
    return Response(stream_with_context(body), content_type="application/atom+xml; charset=utf-8")
