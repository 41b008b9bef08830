"""Facets as data: each value with its count, ``selected`` flag and ``toggle_url``; the
province box carries its tile map, the year box its bars; chips carry ``remove_url``.
A new facet of the registry appears here, and on the page, without a template edit.
"""

from __future__ import annotations

from dataclasses import dataclass

from searcher.engine.engine import SearchResults
from searcher.vi.collate import collation_key
from searcher.vi.text import canonical, fold
from web.tilemap import TileMap, tile_map
from web.urlstate import FACET_ORDER, LABELS, UrlState, vi_date

VISIBLE_VALUES = 8


@dataclass
class FacetOption:
    value: str
    count: int
    selected: bool
    toggle_url: str
    bar: int = 0  # 0-100, for the year chart
    key: str = ""  # folded value, for the "Tìm tỉnh…" box
    label: str = ""  # as shown: a capital first letter ("Đảng" beside "Giao ban")


@dataclass
class FacetBox:
    name: str
    label: str
    options: list[FacetOption]
    more: list[FacetOption]
    chart: bool = False
    filterable: bool = False  # a long province list gets a filter box
    map: TileMap | None = None  # the province tile map, drawn above the list


@dataclass
class Chip:
    label: str  # "Tỉnh/thành (trước 1/7/2025): Hà Nội": the link's name and tooltip
    remove_url: str
    short: str = ""  # "Hà Nội": what a phone shows
    facet_label: str = ""  # "Tỉnh/thành (trước 1/7/2025)": shown before it on a desktop


def display(value: str) -> str:
    """A facet value as the page shows it: a capital first letter, so the Party's
    "Đảng" is no odd one out among "Giao ban", "Tổng kết"; the value itself is kept.

    >>> display("giao ban"), display("quý I"), display("Hà Nội")
    ('Giao ban', 'Quý I', 'Hà Nội')
    """
    return value[:1].upper() + value[1:]


def map_mode(state: UrlState) -> str:
    """Which tile map: the one asked for, else the provinces since 2025 when only they
    are filtered, else the 63 of before."""
    if state.map_mode in ("63", "34"):
        return state.map_mode
    only_2025 = state.filters.get("province_2025") and not state.filters.get("province")
    return "34" if only_2025 else "63"


def facet_boxes(results: SearchResults, state: UrlState) -> list[FacetBox]:
    """The facet boxes to draw (a facet with no value is not drawn). The top values
    by count come first (years: newest first); "Xem thêm" lists the rest in Vietnamese
    alphabetical order. The province box of the map's kind (63 or 34) carries the tile
    map and comes first of the two."""
    boxes = []
    for name in FACET_ORDER:
        values = results.facets.get(name, [])
        if not values:
            continue
        top = max((v.count for v in values), default=0) or 1
        options = [
            FacetOption(
                value=v.value,
                count=v.count,
                selected=v.selected,
                toggle_url=state.toggled(name, _url_value(state, name, v.value)).url(),
                bar=max(2, round(100 * v.count / top)),
                key=fold(v.value),
                label=display(v.value),
            )
            for v in values
        ]
        # selected values always visible, the rest collapsed after VISIBLE_VALUES
        visible = options[:VISIBLE_VALUES] + [o for o in options[VISIBLE_VALUES:] if o.selected]
        more = [o for o in options[VISIBLE_VALUES:] if not o.selected]
        if name != "year":
            more.sort(key=lambda o: collation_key(o.value))
        box = FacetBox(name, LABELS[name], visible, more, chart=name == "year")
        box.filterable = name.startswith("province") and len(options) > VISIBLE_VALUES
        boxes.append(box)
    _attach_map(boxes, results, state)
    return boxes


def _attach_map(boxes: list[FacetBox], results: SearchResults, state: UrlState) -> None:
    mode = map_mode(state)
    facet = "province_2025" if mode == "34" else "province"
    values = results.facets.get(facet, [])
    places = [n for n, b in enumerate(boxes) if b.name.startswith("province")]
    if not places or not values:
        return
    # the map's own provinces (63 or 34) head the box that carries it, first of the two
    home = next((n for n in places if boxes[n].name == facet), places[0])
    boxes.insert(places[0], boxes.pop(home))
    boxes[places[0]].map = tile_map(
        mode,
        {v.value: v.count for v in values},
        {v.value for v in values if v.selected},
        state,
        lambda value: state.toggled(facet, _url_value(state, facet, value)).url(),
    )


def _url_value(state: UrlState, facet: str, value: str) -> str:
    """The URL's own spelling of a selected value (so toggling removes it)."""
    for raw in state.filters.get(facet, []):
        if canonical(raw) == canonical(value) or (facet == "year" and raw == value):
            return raw
    return value


def chips(state: UrlState) -> list[Chip]:
    """The active filters, each a link removing it: short on a phone ("Hà Nội ×"),
    the facet's name before it on a desktop, the full label as its name."""
    out = []
    for facet in FACET_ORDER:
        for value in state.filters.get(facet, []):
            out.append(Chip(f"{LABELS[facet]}: {value}", state.toggled(facet, value).url(),
                            display(value), LABELS[facet]))  # fmt: skip
    if state.date_from or state.date_to:
        span = f"{vi_date(state.date_from) or '…'} – {vi_date(state.date_to) or '…'}"
        out.append(Chip(f"Ngày họp: {span}", state.without_dates().url(), span, "Ngày họp"))
    return out
