"""Places read from an article and its address: a gazetteer name at the start of some
words, how often each province is named, the province a site's address names and
whether the site is a procuracy's own. ``units`` weighs the units these places make.

>>> from searcher.vi.places import gazetteer
>>> g = gazetteer()
>>> match_name("cho lach da to chuc", g.district_keys)
'cho lach'
>>> site_province("https://vksndthaibinh.gov.vn/gioi-thieu", g), procuracy_site("vkspy.gov.vn")
('Thái Bình', True)
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import urlsplit

from searcher.vi.places import Gazetteer, name_key, written_words
from searcher.vi.text import fold, has_diacritics


def match_name(words: str, keys: list[str]) -> str | None:
    """The longest gazetteer key that ``words`` starts with (whole words): its first
    words looked up, the most first (a few set look-ups, not one per key)."""
    words = name_key(words)  # "Ia H’Drai", "Ia H' Drai": the gazetteer's "ia hdrai"
    known, most = _key_set(keys)
    parts = words.split(" ")
    for n in range(min(most, len(parts)), 0, -1):
        if (head := " ".join(parts[:n])) in known:
            return head
    return None


_KEY_SETS: dict[int, tuple[list[str], frozenset[str], int]] = {}


def _key_set(keys: list[str]) -> tuple[frozenset[str], int]:
    """The keys as a set, and the most words one has (built once per list)."""
    found = _KEY_SETS.get(id(keys))
    if found is None or found[0] is not keys:
        most = max((k.count(" ") + 1 for k in keys), default=0)
        found = _KEY_SETS[id(keys)] = (keys, frozenset(keys), most)
    return found[1], found[2]


def province_counts(text: str, g: Gazetteer) -> dict[str, int]:
    """How often each province is named anywhere (for ambiguous districts and fallbacks):
    one scan of the folded text for all names at once. A name written with other marks
    is another word or place ("diễn biến" is not Điện Biên, "Trại giam Thạnh Hòa" not
    Thanh Hóa); one written without marks counts."""
    names, pattern = _province_pattern(g)
    written = unicodedata.normalize("NFC", text)
    folded = fold(written)
    same_offsets = len(folded) == len(written)  # fold keeps NFC text's length, nearly always
    words = " " + _NOT_ALNUM.sub(" ", folded) + " "  # its offsets, plus one
    skipped = _merged(m.span() for r in (_PERSON_NAMED, _HISTORIC) for m in r.finditer(words))
    starts = [a for a, _ in skipped]
    counts: dict[str, int] = {}
    verdicts: dict[tuple[str, str], bool] = {}  # a name is written the same ways, page long
    for m in pattern.finditer(words):
        at = bisect.bisect_right(starts, m.start()) - 1
        if at >= 0 and m.start() < skipped[at][1]:
            continue
        name = names[" ".join(m.group().split())]
        if same_offsets:
            key = (written[m.start() - 1 : m.end() - 1], name)
            if key not in verdicts:
                verdicts[key] = _written_as(*key, g)
            if not verdicts[key]:
                continue
        counts[name] = counts.get(name, 0) + 1
    return counts


_NOT_ALNUM = re.compile(r"[^a-z0-9]")


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans joined where they overlap, in order: a match is looked up in them by
    bisection (linear in the page, however many names it repeats)."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _written_as(as_written: str, name: str, g: Gazetteer) -> bool:
    """Whether the words ``as_written`` (a folded match) are the province ``name``: written
    without marks, or with its own or an alias's ("Thanh Hoá", "THANH HÓA", "Đăk Lăk";
    not "Thạnh Hòa")."""
    if not has_diacritics(as_written):
        return True
    return written_words(as_written) in g.written.get(name, ())


# the President's name, not the city: his title, his thought, the youth union named after him
# (the words of the folded text are apart by one space or more: ``province_counts``)
_PERSON_NAMED = re.compile(
    r" (?:chu +tich|bac|tu +tuong|dao +duc|phong +cach|tam +guong|lang|bao +tang|tncs|"
    r"doan +thanh +nien|cong +san|thanh +nien|nguoi|ten|duong|dai +lo|giai +thuong|"
    r"huan +chuong) +ho +chi +minh(?= )"
)
# a battle, not the province ("kỷ niệm chiến thắng Điện Biên Phủ")
_HISTORIC = re.compile(r" (?:chien +thang|chien +dich|tran) +(?:lich +su +)?dien +bien +phu(?= )")
_PATTERNS: dict[int, tuple[dict[str, str], re.Pattern]] = {}


# a procuracy's site named by the province's initials: "vkspy.gov.vn", "vksbrvt.gov.vn"
_PROCURACY_HOST = re.compile(r"(?:vienkiemsat|vksnd|vks(?!nd))([a-z]{2,5})\.")
_PROCURACY_SITE = re.compile(r"(?:vienkiemsat|vksnd|vks)[a-z0-9-]*\.")


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[a-z]+", fold(name)))


def site_host(url: str | None) -> str:
    """The host of a page's address, "" when it has none."""
    return (urlsplit(url).hostname or "") if url else ""


def site_province(url: str | None, g: Gazetteer) -> str | None:
    """The one province a site's host names ("vksbinhdinh.gov.vn", "baophuyen.vn"), by
    its folded name without spaces; None when it names none or several.

    >>> from searcher.vi.places import gazetteer
    >>> site_province("http://vksbinhdinh.gov.vn/newsdetail.asp?newsID=1", gazetteer())
    'Bình Định'
    """
    if not (host := site_host(url)):
        return None
    keys = _host_keys(g)
    found = {name for key, name in keys if len(key) >= 4 and key in host}
    # a name inside another one found is the other's part
    found = {p for p in found if not any(p != q and _key(p) in _key(q) for q in found)}
    if not found:  # a procuracy's site by the province's initials: "vkspy", "vkskh", "vksbrvt",
        # or its short name whole ("vkshue")
        m = _PROCURACY_HOST.match(host.removeprefix("www."))
        short = m.group(1) if m else ""
        found = {p.name for p in g.provinces if len(short) >= 2 and _initials(p.name) == short}
        found = found or {name for key, name in keys if key == short}
    return found.pop() if len(found) == 1 else None


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(name))


_HOST_KEYS: dict[int, list[tuple[str, str]]] = {}


def _host_keys(g: Gazetteer) -> list[tuple[str, str]]:
    """(name as a host writes it, province): each province's name and its aliases folded
    without spaces ("thuathienhue" → Huế, "tphcm" → Hồ Chí Minh), built once."""
    if id(g) not in _HOST_KEYS:
        _HOST_KEYS[id(g)] = [(_key(" ".join(words)), p.name) for p in g.provinces
                             for words in g.written[p.name]]  # fmt: skip
    return _HOST_KEYS[id(g)]


def _province_pattern(g: Gazetteer) -> tuple[dict[str, str], re.Pattern]:
    """(folded name → province, one regex of every folded name), built once per gazetteer."""
    if id(g) not in _PATTERNS:
        names = {re.sub(r"[^a-z0-9]+", " ", fold(p.name)).strip(): p.name for p in g.provinces}
        # and the other spellings pages use ("TPHCM", "TP.HCM", "Sài Gòn", "Đăk Lăk"), but
        # not two letters ("HN"), which are other words too
        for alias in g.aliases:
            key = re.sub(r"[^a-z0-9]+", " ", fold(alias)).strip()
            if len(key.replace(" ", "")) > 2 and (found := g.province(alias)) is not None:
                names.setdefault(key, found.name)
        keys = sorted(names, key=len, reverse=True)
        alternation = "|".join(" +".join(map(re.escape, k.split())) for k in keys)
        _PATTERNS[id(g)] = names, re.compile(rf"(?<= )(?:{alternation})(?= )")
    return _PATTERNS[id(g)]


def procuracy_site(host: str) -> bool:
    """Whether a site's host is a procuracy's own ("vksndthaibinh.gov.vn", "vkspy.gov.vn",
    "vienkiemsatbrvt.gov.vn"), not a newspaper's."""
    return bool(_PROCURACY_SITE.match(host.removeprefix("www.")))
