"""Which id an article gets: the user's, or ``id~2`` when another source holds it; and
for a record without an id (``tin-2``, given by its place), the id its content had
in that file before, never one the file gave to another content.

>>> fresh_id("Hà Nội@1", 1), fresh_id("Hà Nội@1", 3)
('Hà Nội@1', 'Hà Nội@1~3')
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from searcher.read.articles import Article

RETIRED = 10_000  # ids of gone records a file remembers (never given to another record)

def fresh_id(wanted: str, n: int) -> str:
    """The n-th id tried for an article whose id is taken: "bao-cao~2"."""
    return wanted if n == 1 else f"{wanted}~{n}"


def renamed(previous: str | None, wanted: str) -> bool:
    """Was ``previous`` given for ``wanted`` because it was taken ("bao-cao~2")? Such
    an id stays with its content when the first holder goes.

    >>> renamed("bao-cao~2", "bao-cao"), renamed("bao-cao", "bao-cao"), renamed(None, "x")
    (True, False, False)
    """
    if previous is None or not previous.startswith(wanted + "~"):
        return False
    return previous[len(wanted) + 1 :].isdigit()


def positional(article: Article, name: str) -> bool:
    """Was the id made from the record's place ("tin-2": no ``id`` in the record)?"""
    if article.locator is None:
        return False
    return article.id == unicodedata.normalize("NFC", f"{Path(name).stem}-{article.locator}")


def by_place(article_id: str, stem: str) -> bool:
    """Is this an id given by place ("tin-2", "tin-2~3"), the kind a file remembers?

    >>> by_place("tin-2~3", "tin"), by_place("Hội nghị 12", "tin")
    (True, False)
    """
    head = unicodedata.normalize("NFC", stem) + "-"
    rest = article_id[len(head) :].split("~")
    return article_id.startswith(head) and len(rest) <= 2 and all(p.isdigit() for p in rest)
