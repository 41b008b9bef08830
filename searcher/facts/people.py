"""People named in a report, with their roles, and who chaired the meeting.

A person is a run of capitalised syllables that starts with a family name
(``data/surnames.txt``) and is marked as a person by its place in the sentence: an
honorific or rank before it ("đồng chí", "đ/c", "Thượng tá", "Tiến sĩ"), or a role
next to it — after it ("Lê Văn An, Phó Viện trưởng VKSND tỉnh Hà Nam") or before it
("Viện trưởng VKSND tối cao Lê Minh Trí", "các Phó Viện trưởng: Trần An, Lê Bình",
where the later names of the list share the role).

The chair is read from the clause that says so ("chủ trì", "chủ tọa", "điều hành"):
the last person named before the verb in the clause ("Hội nghị do đồng chí … chủ trì",
"Đồng chí …, Viện trưởng dự và chủ trì Hội nghị"), else the first after it ("Dự và chủ
trì Hội nghị có đồng chí …"). A clause in which a body, not a person, takes the lead
("VKSND tỉnh chủ trì, phối hợp với …") has no chair. Everyone else named is an
attendee. Cited documents (``spans``) name no one present.

Names are shown as written (NFC); ``person_key`` folds case, Unicode form, tone
placement and diacritics for matching, ``display_name`` gives the one spelling a facet
shows for all of them.

>>> p = read_people("Hội nghị giao ban", "Hội nghị do đồng chí Lê Văn An, Viện trưởng "
...     "VKSND tỉnh Hà Nam chủ trì. Dự hội nghị có đồng chí Trần Thị Bình, Phó Viện trưởng.")
>>> p.chair
Person(name='Lê Văn An', role='Viện trưởng VKSND tỉnh Hà Nam')
>>> [a.name for a in p.attendees], person_key("LÊ VĂN ẤN") == person_key("Le Van An")
(['Trần Thị Bình'], True)
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from searcher.facts.names import candidates, is_surname, person_key, places
from searcher.facts.spans import find_spans, inside
from searcher.vi.text import canonical, fold, has_diacritics

# where a role starts (canonical: lower case, one tone placement); the longer first
ROLE_HEADS = (
    "phó viện trưởng", "viện trưởng", "phó bí thư", "bí thư", "ủy viên", "tỉnh ủy viên",
    "thành ủy viên", "huyện ủy viên", "đảng ủy viên", "phó chủ tịch", "chủ tịch",
    "phó chánh án", "chánh án", "chánh văn phòng", "phó chánh văn phòng", "chánh thanh tra",
    "phó trưởng", "trưởng phòng", "trưởng ban", "trưởng đoàn", "trưởng khoa", "vụ trưởng",
    "phó vụ trưởng", "cục trưởng", "phó cục trưởng", "giám đốc", "phó giám đốc",
    "kiểm sát viên", "kiểm tra viên", "điều tra viên", "thủ trưởng", "hiệu trưởng",
    "phó hiệu trưởng", "tổng thư ký", "chủ nhiệm", "phó chủ nhiệm", "bộ trưởng", "thứ trưởng",
    "thủ tướng", "phó thủ tướng", "nguyên", "đại biểu", "thẩm phán", "chuyên viên",
    "tổ trưởng", "tổ phó", "cụm trưởng", "tư lệnh", "chính ủy", "chỉ huy trưởng",
    "trưởng", "phó", "tổng bí thư", "chủ tọa", "thư ký", "kế toán", "giảng viên",
)  # fmt: skip
HONORIFICS = (
    "đồng chí", "đ/c", "ông", "bà", "thượng tá", "đại tá", "trung tá", "thiếu tá",
    "đại úy", "thượng úy", "trung úy", "thiếu úy", "trung tướng", "thiếu tướng",
    "thượng tướng", "đại tướng", "tiến sĩ", "ts.", "ts", "pgs.ts", "pgs.ts.", "pgs", "gs.ts",
    "gs", "ths", "ths.", "thạc sĩ", "luật sư", "nhà văn", "nhà báo",
)  # fmt: skip
# a name's syllables stop where a role or a verb written with a capital starts
_NAME_STOPS = (*ROLE_HEADS, "phát biểu", "tham dự", "dự", "chủ trì", "cùng", "tại", "về")
# where a role after a name ends (folded): the clause's verb
_ROLE_END = re.compile(
    r"\b(?:du|tham du|den du|toi du|cung du|chu tri|chu toa|dieu hanh|phat bieu|trinh bay|"
    r"chi dao|cung|da|lam truong doan|lam|gui|nhan manh|yeu cau|khai mac|ket luan|bao cao|"
    r"trao|thay mat|tiep|va cac|va dong chi|de|duoc|neu|cho biet|khang dinh|danh gia|doc|ky|"
    r"pho bien|den|tai (?:hoi nghi|buoi|le|cuoc|dai hoi|hoi thao)|"
    r"quan triet|thong qua|cong bo|tang|chuc mung|ghi nhan|dong thoi|ve|chao mung|bay to|"
    r"luu y|mong muon|tiep tuc|chia se|dong chi)\b"
)
# short verbs that fold like names or places ("đã" / "Đà Nẵng"): verbs only in lower case
_NAME_LIKE = frozenset(("da", "de", "ve", "den", "lam", "tiep", "trao", "ky", "doc", "tang",
                        "neu", "cung", "du"))  # fmt: skip
# a clause's verb before a role ("… giao 84 nhiệm vụ. Sáng 6/2, Chủ tịch UBND …")
_CLAUSE_VERB = re.compile(
    r"\b(?:da|duoc|giao|cho biet|yeu cau|nhan manh|khang dinh|phat bieu|chu tri|tham du|"
    r"bao cao|ket luan)\b"
)
_JOINED = re.compile(  # "A (bên phải) và ông B": one chain of names
    r"^(?:\s*\([^)]{0,40}\))?[^.;]{0,120}?(?:\s|,)(?:va|cung)\s+(?:ong|ba|dong chi|d/c)?\s*$"
)
_CHAIR = re.compile(r"\b(?:chu tri|chu toa|dieu hanh)\b")
_ASSIGNS = re.compile(r"\b(?:giao(?! ban| duc| thong| luu| dich)|yeu cau|de nghi|phan cong)\b")
# what follows a chair's verb: the meeting ("chủ trì Hội nghị", "điều hành phiên họp"), the
# clause's end ("… chủ trì."), the people chairing with them ("chủ trì cùng …")
_CHAIRED = re.compile(
    r"\s*(?:va (?:chi dao|dieu hanh|phat bieu)\s*)?(?:truc tiep\s*)?(?:"
    r"hoi nghi|cuoc hop|buoi|phien|le\b|hoi thao|hop|dai hoi|toa dam|ky hop|chuong trinh|"
    r"doi thoai|giao ban|hoi thi|cuoc thi|dien dan|gap mat|hoi dam|tiep|so ket|tong ket|"
    r"[.;\n]|$|cung\b|tai\b|voi\b|gom\b|co\b)"
)
_NOT_A_CHAIR = re.compile(r"^\s*,?\s*(?:phoi hop|cung voi|cung lien nganh|tham muu|soan thao)")
# "giám đốc điều hành", "công tác điều hành", "cơ quan chủ trì": a title or a task, no chair
_NOT_A_CHAIR_BEFORE = re.compile(r"\b(?:giam doc|ban|cong tac|quan ly|co quan|don vi|su)\s*$")
_PLACE_BEFORE = re.compile(
    r"\b(?:tinh|thanh pho|tp\.?|huyen|quan|thi xa|xa|phuong|khu vuc|tai|cua|o)\s*$"
)
_CLAUSE = re.compile(r"[;\n]|\.(?=\s)|:(?!\s*$)")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
MAX_SYLLABLES = 5
MAX_ROLE = 160  # characters of a role written before a name
MAX_PEOPLE_CHARS = 100_000  # read for people: a report names who came in its first pages
# (a hostile 5 MB run of "Nguyễn Văn …" would take minutes; this bounds it to seconds)


@dataclass(frozen=True, slots=True)
class Person:
    name: str  # as written, NFC
    role: str = ""  # as written ("Phó Viện trưởng VKSND tỉnh Hà Nam"), "" unknown


@dataclass
class People:
    chair: Person | None = None
    attendees: list[Person] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    person: Person
    marked: bool  # an honorific or a role says it is a person


def _starts_with(text: str, heads: tuple[str, ...]) -> bool:
    """Does ``text`` start with one of ``heads``? With marks as written ("Trương" is no
    "trưởng"); a passage typed without marks, folded."""
    low = canonical(text[:48].lstrip(" ,-–:("))
    if not has_diacritics(low[:40]):
        return _heads(_folded(heads)).match(fold(low)) is not None
    return _heads(heads).match(low) is not None


@lru_cache(maxsize=8)
def _folded(heads: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(fold(h) for h in heads)


@lru_cache(maxsize=8)
def _heads(heads: tuple[str, ...]) -> re.Pattern:
    """One regex for a list of word sequences, each ending at a word's end."""
    alternatives = "|".join(map(re.escape, sorted(set(heads), key=len, reverse=True)))
    return re.compile(r"(?:" + alternatives + r")(?![^\W\d_])")


@lru_cache(maxsize=4096)
def _may_stop(word: str) -> bool:
    """Can a role or a verb that stops a name start with ``word``? (A cheap test before
    ``_starts_with`` reads the passage: most syllables of a name start none.)"""
    return fold(word) in _STOP_WORDS


_STOP_WORDS = frozenset(fold(s).split()[0] for s in _NAME_STOPS)


def _name_at(text: str, start: int, accented: bool = True) -> tuple[int, str] | None:
    """The name starting at ``start`` (end, name): a family name and capitalised
    syllables, stopped by a role or a capitalised verb."""
    words, end, pos = [], start, start
    for m in _WORD.finditer(text, start):
        if m.start() != pos or len(words) == MAX_SYLLABLES:
            break
        w = m.group()
        if not (w[:1].isupper() and (w[1:].islower() or w.isupper() or "'" in w)):
            break
        if words and _may_stop(w) and _starts_with(text[m.start() : m.start() + 30], _NAME_STOPS):
            break
        words.append(w)
        end = m.end()
        pos = end + 1 if text[end : end + 1] == " " else -1
    if len(words) < 2 or not is_surname(words[0], accented):
        return None
    if any(fold(" ".join(words[:n])) in places() for n in (2, 3)):
        return None
    return end, " ".join(words)


def _role_after(text: str, folded: str, end: int) -> str:
    """The role written after a name (", Phó Viện trưởng VKSND tỉnh" or " – Viện trưởng")."""
    m = re.match(r"\s*(?:[,–\-(]|\s)\s*", text[end:])
    if not m:
        return ""
    begin = end + m.end()
    stop = _CLAUSE.search(text, begin, begin + 240)  # bounded: linear over the article
    limit = min(stop.start() if stop else len(text), begin + 240)
    verb = next((v for v in _ROLE_END.finditer(folded, begin, limit)
                 if text[v.start()].islower() or v.group() not in _NAME_LIKE), None)  # fmt: skip
    limit = verb.start() if verb else limit
    nxt = re.search(r"\b(?:dong chi|d/c)\b", folded[begin:limit])
    limit = begin + nxt.start() if nxt else limit
    role = text[begin:limit].strip(" ,;-–().")
    return role if role and _starts_with(role, ROLE_HEADS) else ""


_ROLE_OPENER = re.compile(r"\b(?:có|gồm|là|của|đồng chí|đ/c)\s", re.IGNORECASE)
_LONGEST_FIRST = tuple(sorted(HONORIFICS, key=len, reverse=True))
_HONOUR_ENDINGS = frozenset(h.rpartition(" ")[2] for h in HONORIFICS)


@lru_cache(maxsize=8)
def _ends_with_word(heads: tuple[str, ...]) -> re.Pattern:
    """One regex: does a text end with one of ``heads``, alone or after a space?"""
    alternatives = "|".join(map(re.escape, sorted(set(heads), key=len, reverse=True)))
    return re.compile(r"(?:^| )(?:" + alternatives + r")\Z")


def _role_before(text: str, folded: str, start: int, clause_start: int,
                 short: bool = True) -> tuple[str, bool]:  # fmt: skip
    """(the role written before a name, whether an honorific stands right before it)."""
    before = text[max(clause_start, start - 160) : start]
    low = canonical(before[-40:]).rstrip()
    marks = HONORIFICS if has_diacritics(low[-12:]) else _folded(HONORIFICS)
    low = low if has_diacritics(low[-12:]) else fold(low)
    honour = _ends_with_word(marks).search(low) is not None
    head = _ROLE_OPENER.split(before)[-1]
    head = head.rstrip(" -–,:")
    low_head = canonical(head)  # once, again only when a rank is cut off
    if low_head.rpartition(" ")[2] in _HONOUR_ENDINGS:  # "Phó Thủ tướng Trung tướng X"
        for h in _LONGEST_FIRST:
            if low_head.endswith(" " + h):
                head = head[: -len(h)].rstrip(" ,")
                low_head = canonical(head)
    head = _role_suffix(head)
    if not head:
        return "", honour
    place = _PLACE_BEFORE.search(fold(text[max(clause_start, start - 12) : start]))
    if place and short:  # "tỉnh Hà Nam": a two-syllable name after a place word
        return "", honour
    return head.strip(" ,-–:"), honour


def _role_suffix(text: str) -> str:
    """The comma-separated parts at the end of ``text`` that are roles ("Sáng 6/2, Ủy
    viên Bộ Chính trị, Phó Thủ tướng" → "Ủy viên Bộ Chính trị, Phó Thủ tướng"); within the
    first of them, from the word a role starts at ("Chiều nay Bộ trưởng" → "Bộ trưởng")."""
    verbs = [v for v in _CLAUSE_VERB.finditer(fold(text)) if text[v.start()].islower()]
    if verbs:  # "… giao 84 nhiệm vụ. Sáng 6/2, Chủ tịch UBND": roles come after any verb
        text = text[verbs[-1].end() :]
    parts = text[-MAX_ROLE:].split(",")
    kept: list[str] = []
    for part in reversed(parts):
        if _starts_with(part, ROLE_HEADS):
            kept.insert(0, part.strip())
            continue
        for m in _WORD.finditer(part):  # a role starting inside the part
            if m.group()[:1].isupper() and _starts_with(part[m.start() :], ROLE_HEADS):
                kept.insert(0, part[m.start() :].strip())
                break
        break
    return ", ".join(kept).strip(" -–:")


def clause_ends(text: str) -> list[int]:
    """Where each clause of ``text`` ends (after its ".", ";", ":" or line break)."""
    return [c.end() for c in _CLAUSE.finditer(text)]


def mentions(text: str, folded: str | None = None,
             bounds: list[int] | None = None) -> list[_Mention]:  # fmt: skip
    """Every person named in ``text`` (NFC; ``folded``: its fold, ``bounds``: its
    ``clause_ends``, if computed), in text order."""
    folded = fold(text) if folded is None else folded
    if len(folded) != len(text):  # a character whose fold changes length: no offsets
        return []
    spans: list | None = None  # cited documents, found when a name needs them
    bounds = clause_ends(text) if bounds is None else bounds
    found: list[_Mention] = []
    for m in candidates().finditer(text):
        if m.start() < (found[-1].end if found else 0):
            continue
        word = m.group()
        if not (is_surname(word, True) or is_surname(word, False)):
            continue  # no family name however the passage is typed
        left = max(text.rfind("\n", max(0, m.start() - 60), m.start()) + 1, m.start() - 60)
        right = m.end() + 60  # the passage: typed with marks?
        accented = folded[left:right] != text[left:right].lower().replace("đ", "d")
        if not is_surname(word, accented):
            continue
        got = _name_at(text, m.start(), accented)
        if got is None:
            continue
        spans = [s for s in find_spans(folded) if s.role == "citation"] if spans is None else spans
        if inside(spans, m.start(), got[0], "citation"):
            continue
        end, name = got
        at = bisect.bisect_right(bounds, m.start())
        if at and text[bounds[at - 1] - 1] == ":" and not text[bounds[at - 1] : m.start()].strip():
            at -= 1  # "các Phó Viện trưởng: A, B": the role before the colon is theirs
        clause_start = max(bounds[at - 1] if at else 0, found[-1].end if found else 0)
        short = len(name.split()) < 3
        before, honour = _role_before(text, folded, m.start(), clause_start, short)
        after = _role_after(text, folded, end)
        role = after or before
        if (
            not role
            and found
            and m.start() - found[-1].end <= 8  # ", " or " và " (a bounded slice)
            and re.fullmatch(r"\s*,\s*|\s+và\s+", text[found[-1].end : m.start()])
        ):
            role = found[-1].person.role if not _role_after(text, folded, found[-1].end) else ""
            honour = honour or found[-1].marked  # a list after "các đồng chí …: A, B"
        if not (role or honour):
            continue
        found.append(_Mention(m.start(), end, Person(name, role), True))
    return found


def _chair(text: str, folded: str, found: list[_Mention], ends: list[int]) -> _Mention | None:
    starts = [f.start for f in found]  # in text order
    for verb in _CHAIR.finditer(folded):
        if _NOT_A_CHAIR.match(folded[verb.end() : verb.end() + 40]):
            continue
        if _NOT_A_CHAIR_BEFORE.search(folded[max(0, verb.start() - 20) : verb.start()]):
            continue
        if not _CHAIRED.match(folded, verb.end()):  # chairs a meeting, not a task
            continue
        at = bisect.bisect_right(ends, verb.start())  # clause ends found once: linear
        start = ends[at - 1] if at else 0
        nxt = bisect.bisect_right(ends, verb.end())
        end = ends[nxt] - 1 if nxt < len(ends) else len(text)  # the next clause's mark
        first = bisect.bisect_left(starts, start)
        before = [f for f in found[first : bisect.bisect_left(starts, verb.start())]
                  if f.end <= verb.start()]  # fmt: skip
        while len(before) > 1 and _JOINED.match(fold(text[before[-2].end : before[-1].start])):
            before.pop()  # "A và B chủ trì": the first named of the chairs
        assigns = _ASSIGNS.finditer(folded, before[-1].end, verb.start()) if before else ()
        if any(text[a.start()].islower() for a in assigns):
            continue  # "Thủ tướng … giao Bộ Tư pháp chủ trì": a body is given the task
        if before:
            return before[-1]
        following = found[bisect.bisect_left(starts, verb.end()) : bisect.bisect_left(starts, end)]
        if following:
            return following[0]
    return None


def read_people(title: str, body: str) -> People:
    """The chair and the attendees of a report (see the module's docstring)."""
    text = unicodedata.normalize("NFC", title + "\n" + body)[:MAX_PEOPLE_CHARS]
    folded = fold(text)
    ends = clause_ends(text)
    found = mentions(text, folded, ends)
    chair = _chair(text, folded, found, ends)
    roles: dict[str, str] = {}
    names: dict[str, str] = {}
    for f in found:
        key = person_key(f.person.name)
        names.setdefault(key, f.person.name)
        if f.person.role and len(f.person.role) > len(roles.get(key, "")):
            roles[key] = f.person.role
    chair_key = person_key(chair.person.name) if chair else None
    people = People()
    if chair is not None and chair_key is not None:
        people.chair = Person(names[chair_key], roles.get(chair_key, ""))
    people.attendees = [Person(n, roles.get(k, "")) for k, n in names.items() if k != chair_key]
    return people
