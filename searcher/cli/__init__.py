"""The ``searcher`` command: thin click commands that validate and call the core.

    searcher sync
    searcher rebuild
    searcher add bai-moi.txt thu-muc/
    scraper | searcher add -
    searcher remove "tin-2024@17"
    searcher search "giao ban" --province "Thanh Hóa" --year 2022
    searcher show 001_19c58e07ec207b15
    searcher stats --json
    searcher serve --port 8000

Exit codes: 0 success (also for zero hits), 2 usage or query error, 1 any
other failure; messages on stderr.
"""

from __future__ import annotations

from searcher.cli import crawl, reading, writing  # noqa: F401  (each registers its commands)
from searcher.cli.group import Context, cli

__all__ = ["Context", "cli", "main"]


def main() -> None:
    """The core commands only; the ``searcher`` program is ``web.cli.main`` (adds ``serve``)."""
    cli(prog_name="searcher")
