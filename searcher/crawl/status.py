"""The health table of ``searcher crawl --status``, as plain text (English, like the CLI).

>>> from searcher.crawl.store import Health
>>> row = Health("VKSND tỉnh A", "2026-12-03T19:00:00+00:00", 3, 1, 0, 0.42, 12, "HTTP 404")
>>> print(health_table([row]))
site          last success      new  errors  robots  median s  articles  last error
VKSND tỉnh A  2026-12-03 19:00    3       1       0      0.42        12  HTTP 404
"""

from __future__ import annotations

from searcher.crawl.store import Health

HEADERS = ("site", "last success", "new", "errors", "robots", "median s", "articles", "last error")
RIGHT = {2, 3, 4, 5, 6}


def _row(h: Health) -> list[str]:
    success = h.last_success.replace("T", " ")[:16] if h.last_success else "never"
    median = f"{h.median_seconds:.2f}" if h.median_seconds is not None else "-"
    return [
        h.site,
        success,
        str(h.new),
        str(h.errors),
        str(h.robots),
        median,
        str(h.articles),
        (h.last_error or "")[:60],
    ]


def health_table(rows: list[Health]) -> str:
    """Aligned columns, one site a line; "no crawl yet" when there is none."""
    if not rows:
        return "no crawl yet"
    cells = [list(HEADERS), *(_row(h) for h in rows)]
    widths = [max(len(r[i]) for r in cells) for i in range(len(HEADERS))]
    lines = []
    for r in cells:
        parts = [
            c.rjust(w) if i in RIGHT else c.ljust(w)
            for i, (c, w) in enumerate(zip(r, widths, strict=True))
        ]
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines)
