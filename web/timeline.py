"""The timeline above the results: bars by month of the meeting date (else the
publication), or by year when the results span more than ``MAX_MONTHS`` months, drawn
by the template as server-side SVG (attributes only: no inline style or script). Each
bar is a link narrowing the date range to its month (or year).

>>> from web.presenters import UrlState
>>> t = timeline_view({"2022-06": 4, "2022-08": 2}, 1, UrlState(q="giao ban"))
>>> [(b.label, b.url) for b in t.bars if b.count][0]
('Tháng 6/2022: 4 kết quả', '/search?q=giao+ban&from=2022-06-01&to=2022-06-30')
>>> t.unit, len(t.bars), t.note
('tháng', 3, '1 kết quả chỉ ghi năm, không có trên biểu đồ.')
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace

MAX_MONTHS = 72  # beyond six years, a bar per year (click one: its months)
MAX_STEP = 48  # the widest slot of a bar
WIDTH, HEIGHT, TOP, BASE = 720, 152, 6, 104  # SVG user units; bars grow up from BASE
CHAR = 14  # a digit's width at the phone's tick size (22 units), in user units


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    count: int
    label: str  # "Tháng 6/2022: 4 kết quả": the link's accessible name and tooltip
    url: str | None  # None: an empty month (not a link)
    current: bool = False


@dataclass
class Tick:
    x: float
    text: str
    y: int = BASE + 20  # months on the first line under the axis, years on the second


@dataclass
class TimelineView:
    unit: str  # "tháng" or "năm"
    bars: list[Bar]
    ticks: list[Tick]
    caption: str
    note: str | None  # results dated only by their year
    width: int = WIDTH
    height: int = HEIGHT
    base: int = BASE


def _month_days(year: int, month: int) -> tuple[str, str]:
    last = calendar.monthrange(year, month)[1]
    return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"


def timeline_view(by_month: dict[str, int], year_only: int, state) -> TimelineView | None:
    """The timeline of a result set (``SearchResults.timeline``), or None when no
    result has a month."""
    if not by_month:
        return None
    months = sorted(by_month)
    first = int(months[0][:4]) * 12 + int(months[0][5:]) - 1
    last = int(months[-1][:4]) * 12 + int(months[-1][5:]) - 1
    slots: list[tuple[str, str, str, int, str, str]] = []  # label, from, to, count, ticks
    if last - first < MAX_MONTHS:
        unit = "tháng"
        every = 1 if last - first < 15 else 3 if last - first < 36 else 12  # month labels
        for m in range(first, last + 1):
            year, month = divmod(m, 12)
            key = f"{year:04d}-{month + 1:02d}"
            lo, hi = _month_days(year, month + 1)
            # the first slot names its year unless the next January follows too closely
            room = (12 - month) * min(WIDTH / (last - first + 1), MAX_STEP)
            year_tick = str(year) if month == 0 or (m == first and room >= 4 * CHAR) else ""
            month_tick = str(month + 1) if every < 12 and month % every == 0 else ""
            slots.append((f"Tháng {month + 1}/{year}", lo, hi, by_month.get(key, 0),
                          month_tick, year_tick))  # fmt: skip
    else:
        unit = "năm"
        per_year: dict[int, int] = {}
        for key, count in by_month.items():
            per_year[int(key[:4])] = per_year.get(int(key[:4]), 0) + count
        years = range(min(per_year), max(per_year) + 1)
        every = max(1, -(-len(years) // 12))  # at most about 12 year labels
        for n, year in enumerate(years):
            tick = str(year) if n % every == 0 else ""
            slots.append((f"Năm {year}", f"{year}-01-01", f"{year}-12-31",
                          per_year.get(year, 0), tick, ""))  # fmt: skip
    top = max(s[3] for s in slots) or 1
    step = min(WIDTH / len(slots), MAX_STEP)  # a few months: narrow bars, not slabs
    gap = min(2.0, step * 0.2)
    bars, ticks = [], []
    two_rows = unit == "tháng" and any(slot[5] for slot in slots) and any(s[4] for s in slots)
    for n, (label, lo, hi, count, tick, year_tick) in enumerate(slots):
        height = 0 if not count else max(2.0, (BASE - TOP) * count / top)
        current = state.date_from == lo and state.date_to == hi
        url = replace(state, date_from=lo, date_to=hi, page=1).url() if count else None
        bars.append(Bar(round(n * step + gap / 2, 2), round(BASE - height, 2),
                        round(step - gap, 2), round(height, 2), count,
                        f"{label}: {count} kết quả", url, current))  # fmt: skip
        x = round(n * step + gap / 2, 2)
        if tick:
            ticks.append(Tick(x, tick))
        if year_tick:
            ticks.append(Tick(x, year_tick, BASE + 44 if two_rows else BASE + 20))
    ticks = _spaced(ticks)
    note = f"{year_only} kết quả chỉ ghi năm, không có trên biểu đồ." if year_only else None
    caption = f"Kết quả theo {unit} họp (không rõ thì theo ngày đăng) · bấm một cột để lọc"
    return TimelineView(unit, bars, ticks, caption, note)


def _spaced(ticks: list[Tick]) -> list[Tick]:
    """Drop a label that would start before the previous one on its row ends (at the
    phone's font size: "2017" needs 4 × ``CHAR`` units), so labels never run together;
    a label that would run past the chart's right edge ends at it."""
    kept: list[Tick] = []
    end: dict[int, float] = {}  # row (y) → where its last label ends
    for tick in ticks:
        tick = replace(tick, x=min(tick.x, WIDTH - CHAR * len(tick.text)))
        if tick.x >= end.get(tick.y, float("-inf")):
            kept.append(tick)
            end[tick.y] = tick.x + CHAR * len(tick.text)
    return kept
