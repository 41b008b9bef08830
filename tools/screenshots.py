"""The README's screenshots of the search page, taken in headless Chromium from a
served index (the 35k benchmark index of bench/type_to_paint.py, or any other).

    .venv/bin/python tools/screenshots.py --index /path/to/index

Writes docs/search-page.png (1280 × 900), docs/search-page-phone.png and
docs/search-map-phone.png (390 × 844, the filter drawer open on the 34-province map).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from common import serve  # noqa: E402

QUERY = "/search?q=h%E1%BB%99i+ngh%E1%BB%8B+t%E1%BB%95ng+k%E1%BA%BFt&year=2017"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--query", default=QUERY, help="the page to show (path and query)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    docs = ROOT / "docs"
    with serve(args.index) as (base, _), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=FLAGS)
        desktop = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
        desktop.goto(base + args.query)
        desktop.screenshot(path=str(docs / "search-page.png"))
        phone = browser.new_page(viewport={"width": 390, "height": 844}, locale="vi-VN",
                                 is_mobile=True, device_scale_factor=2)  # fmt: skip
        phone.goto(base + args.query)
        phone.screenshot(path=str(docs / "search-page-phone.png"))
        phone.goto(base + args.query + "&map=34")
        phone.locator(".drawer > summary").click()
        phone.evaluate("() => window.scrollTo(0, document.querySelector('.drawer').offsetTop - 8)")
        phone.screenshot(path=str(docs / "search-map-phone.png"))
        browser.close()


if __name__ == "__main__":
    main()
