"""The README's screenshots, taken in headless Chromium from a served index: the search
page, the phone's filter drawer, an article page with its people, a grouped card.

    .venv/bin/python tools/screenshots.py --index /path/to/index

The index should hold the reports of tests/fixtures/people (the article and the grouped
card are theirs): copy people.jsonl into the corpus beside any other export and sync.
Writes docs/search-page.png (1280 × 900), docs/search-page-phone.png and
docs/search-map-phone.png (390 × 844 at 2×, the filter drawer open on the 34-province
map), docs/article-people.png (1280, the whole article) and docs/grouped-card.png
(1280 × 900, the first card's "N bài cùng hội nghị" opened).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from common import serve  # noqa: E402

QUERY = "/search?q=giao+ban&province=H%C3%A0+N%E1%BB%99i"  # giao ban, Hà Nội
ARTICLE = "/article/hanam-site-a"  # tests/fixtures/people: chair, attendee, similar
GROUPED = "/search?q=giao+ban+qu%C3%BD+I"  # its first card has "1 bài cùng hội nghị"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--query", default=QUERY, help="the search page (path and query)")
    parser.add_argument("--article", default=ARTICLE, help="the article page")
    parser.add_argument("--grouped", default=GROUPED, help="a search whose first card groups")
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    out = args.out
    with serve(args.index) as (base, _), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=FLAGS)
        desktop = browser.new_page(viewport=DESKTOP, locale="vi-VN")
        desktop.goto(base + args.query)
        desktop.screenshot(path=str(out / "search-page.png"))
        desktop.goto(base + args.article)
        desktop.screenshot(path=str(out / "article-people.png"), full_page=True)
        desktop.goto(base + args.grouped)
        desktop.locator(".hit details.group > summary").first.click()
        desktop.screenshot(path=str(out / "grouped-card.png"))
        phone = browser.new_page(viewport=PHONE, locale="vi-VN", is_mobile=True,
                                 device_scale_factor=2)  # fmt: skip
        phone.goto(base + args.query)
        phone.screenshot(path=str(out / "search-page-phone.png"))
        phone.goto(base + args.query + "&map=34")
        phone.locator(".drawer > summary").click()
        phone.evaluate("() => window.scrollTo(0, document.querySelector('.drawer').offsetTop - 8)")
        phone.screenshot(path=str(out / "search-map-phone.png"))
        browser.close()


if __name__ == "__main__":
    main()
