"""Facts that should not change when a page is written the way other sites write it.

Hidden pages come from sites this project has not read. Rather than wait for them, this
benchmark rewrites each development page (``../devset/facts``, the pages of
``bench/facts.py``'s development part, never a held-out set) in shapes real sites use, all
carrying the same facts: its dates with dots, dashes or in words ("12.9.2022", "12 tháng 9
năm 2022"), its stamps with an en dash, a list of other articles' headlines under it ("Tin
liên quan"), a breadcrumb, a tool bar or share buttons above it, a paper's tag before its
lead ("(PLVN) - "), a site's name after its title ("… - Báo Pháp luật Việt Nam"), province
names in their other spellings ("TP.HCM", "Đăk Lăk"), its body as one paragraph. Each page
goes through the user's path (a JSONL record read by the importer) and every fact that
changes is listed. Dates are rewritten in lines longer than 80 characters only and not
before a clock (prose, not the stamps, whose shapes are tested apart); a change can still be
the rewrite's own doing (a paper's tag before a paragraph makes it a summary): read them.

    .venv/bin/python bench/facts_invariance.py                    # every rewrite
    .venv/bin/python bench/facts_invariance.py related flat       # some
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # after PYTHONPATH

from bench.facts import DEFAULT_ROUND, DEVSET, load_pages

FIELDS = ("level", "province", "year", "meeting_date", "meeting_types", "published", "period",
          "period_year")  # fmt: skip
# a day/month/year in prose; not a stamp with its clock glued to a line ("1/15/2021 7:29:59
# AM…", whose shapes are tested apart)
_DMY = re.compile(r"(?<![\d/.-])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])(?!\s+\d{1,2}:\d\d)")
_RELATED = ("\nTin liên quan\nVKSND tỉnh Cà Mau tổ chức hội nghị giao ban công tác tháng 5 năm "
            "2019 (12/05/2019)\nViện kiểm sát nhân dân huyện Đầm Dơi sơ kết công tác 6 tháng đầu "
            "năm 2018\nĐại hội Chi bộ VKSND tỉnh Bạc Liêu nhiệm kỳ 2020-2025 "
            "(03/06/2020)")  # fmt: skip
_SPELLINGS = [
    (r"\b[Tt]hành phố Hồ Chí Minh\b", "TPHCM"), (r"\bTP\.? ?HCM\b", "TP Hồ Chí Minh"),
    (r"\bTP\.? Hồ Chí Minh\b", "TP.HCM"), (r"Thừa Thiên Huế", "Thừa Thiên - Huế"),
    (r"Bà Rịa - Vũng Tàu", "Bà Rịa – Vũng Tàu"), (r"Đắk Lắk", "Đăk Lăk"),
    (r"Đắk Nông", "Đăk Nông"), (r"Kon Tum", "Kontum"),
]  # fmt: skip


def _prose(rewrite: Callable[[str], str]) -> Callable[[str], str]:
    """``rewrite`` applied to the lines longer than 80 characters (prose, not stamps)."""
    return lambda text: "\n".join(rewrite(x) if len(x) > 80 else x for x in text.split("\n"))


def _short(rewrite: Callable[[str], str]) -> Callable[[str], str]:
    return lambda text: "\n".join(rewrite(x) if len(x) <= 80 else x for x in text.split("\n"))


def _before_lead(prefix: str) -> Callable[[str], str]:
    """``prefix`` before the first line of prose that is no stamp or header."""

    def rewrite(text: str) -> str:
        lines = text.split("\n")
        for i, line in enumerate(lines):
            if i and len(line) > 80 and line[:1].isupper() and not re.search(r"\d:\d\d", line):
                lines[i] = prefix + line
                break
        return "\n".join(lines)

    return rewrite


def _spellings(text: str) -> str:
    for pattern, spelling in _SPELLINGS:
        text = re.sub(pattern, spelling, text)
    return text


# name → (rewrite of the title, rewrite of the body)
REWRITES: dict[str, tuple[Callable[[str], str], Callable[[str], str]]] = {
    "dates with dashes": (_prose(lambda x: _DMY.sub(r"\1-\2-\3", x)),) * 2,
    "dates with dots": (_prose(lambda x: _DMY.sub(r"\1.\2.\3", x)),) * 2,
    "dates in words": (_prose(lambda x: _DMY.sub(r"\1 tháng \2 năm \3", x)),) * 2,
    "stamps with an en dash": (_short(lambda x: x.replace(" - ", " – ")),) * 2,
    "related headlines": (str, lambda body: body + _RELATED),
    "breadcrumb": (str, lambda body: "Trang chủ » Tin tức - Sự kiện » Hoạt động\n" + body),
    "tool bar": (str, lambda body: "Cỡ chữ: A- A A+ | In bài viết | Gửi email\n" + body),
    "share buttons": (str, lambda body: "Chia sẻ Facebook Zalo Twitter\n" + body),
    "paper's tag": (str, _before_lead("(PLVN) - ")),
    "site's name": (lambda title: title + " - Báo Pháp luật Việt Nam", str),
    "province spellings": (_spellings, _spellings),
    "one paragraph": (str, lambda body: " ".join(x.strip() for x in body.split("\n") if x.strip())),
}  # fmt: skip


def facts(title: str, body: str, url: str) -> dict:
    """The facts of one page read through the importer, as a user's JSONL export is."""
    from searcher.facts.metadata import extract
    from searcher.read.files import read_file

    record = {"id": "x", "title": title, "body": body, "url": url}
    with tempfile.TemporaryDirectory(prefix="facts-invariance-") as tmp:
        path = Path(tmp) / "page.jsonl"
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
        [article] = read_file(path)
    m = extract(article)
    return {f: getattr(m, f) for f in FIELDS}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rewrites", nargs="*", help=f"some of: {', '.join(REWRITES)}")
    parser.add_argument("--files", default=str(DEVSET / "set_*.jsonl"), help="glob of pages")
    args = parser.parse_args()
    chosen = [r for r in REWRITES if not args.rewrites or any(w in r for w in args.rewrites)]
    pages = load_pages(args.files, final=False, round_=DEFAULT_ROUND)
    changed = dict.fromkeys(chosen, 0)
    for page in pages:
        title, _, body = page["text"].partition("\n")
        before = facts(title, body, page["url"])
        for name in chosen:
            rewrite_title, rewrite_body = REWRITES[name]
            new_title, new_body = rewrite_title(title), rewrite_body(body)
            if (new_title, new_body) == (title, body):
                continue
            after = facts(new_title, new_body, page["url"])
            if diff := {f: (before[f], after[f]) for f in FIELDS if before[f] != after[f]}:
                changed[name] += 1
                print(f"{name}: {page['id']} {diff}", flush=True)
    print(f"\n{len(pages)} development pages; pages whose facts change, by rewrite:")
    for name, n in changed.items():
        print(f"  {name}: {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
