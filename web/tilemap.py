"""The province tile map: one square per province, laid out roughly where it lies
(``web/data/tiles.tsv``), before (63) or since (34) the 1 July 2025 merger, shaded by
how many results each holds; each tile toggles that province's filter. The province
list stays beside it as its text alternative.

>>> from web.presenters import UrlState
>>> m = tile_map("63", {"Hà Nội": 9, "Thanh Hóa": 1}, {"Hà Nội"}, UrlState(), lambda n: "#" + n)
>>> len(m.tiles), [(t.label, t.shade, t.url) for t in m.tiles if t.name == "Hà Nội"]
(63, [('Hà Nội: 9 kết quả, đang chọn', 5, '#Hà Nội')])
>>> [t.url for t in m.tiles if t.name == "Cà Mau"]  # no result: no link
[None]
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from searcher.vi.text import canonical

TILE, GAP = 40, 3  # SVG user units
SHADES = 5
FACET_OF_MAP = {"63": "province", "34": "province_2025"}
MAP_LABELS = {"63": "63 tỉnh (trước 1/7/2025)", "34": "34 tỉnh (từ 1/7/2025)"}
MAP_SHORT = {"63": "63 tỉnh", "34": "34 tỉnh"}


@dataclass
class Tile:
    name: str
    short: str  # "HN": what the square shows
    x: int
    y: int
    count: int
    shade: int  # 0 (no result) … 5 (the most)
    label: str  # "Hà Nội: 9 kết quả, đang chọn": accessible name and tooltip (the
    # short name is drawn apart, over the square, so that the name holds no visible text)
    url: str | None  # toggles the province filter; None without results
    selected: bool

    @property
    def css(self) -> str:
        return f"tile s{self.shade}" + (" on" if self.selected else "")


@dataclass
class MapToggle:
    label: str  # "63 tỉnh"
    title: str  # "63 tỉnh (trước 1/7/2025)"
    url: str
    current: bool


@dataclass
class TileMap:
    mode: str  # "63" or "34"
    facet: str
    tiles: list[Tile]
    width: int
    height: int
    toggles: list[MapToggle]
    tile: int = TILE

    @property
    def when(self) -> str:
        return MAP_LABELS[self.mode]

    @property
    def name(self) -> str:
        return f"Bản đồ {MAP_LABELS[self.mode]}: bấm một tỉnh để lọc"


@cache
def layout(mode: str) -> tuple[tuple[str, str, int, int], ...]:
    """(province, label, column, row) of every tile of a map."""
    rows = []
    for line in (Path(__file__).parent / "data" / "tiles.tsv").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            kind, name, short, col, row = line.split("\t")
            if kind == mode:
                rows.append((name, short, int(col), int(row)))
    return tuple(rows)


def tile_map(mode: str, counts: dict[str, int], selected: set[str], state,
             toggle_url: Callable[[str], str]) -> TileMap:  # fmt: skip
    """The map of ``mode`` for one facet's ``counts`` (value → results);
    ``toggle_url(value)`` is the link that selects or unselects a province."""
    by_key = {canonical(v): (v, c) for v, c in counts.items()}
    chosen = {canonical(v) for v in selected}
    top = max(counts.values(), default=0)
    tiles = []
    for name, short, col, row in layout(mode):
        value, count = by_key.get(canonical(name), (name, 0))
        shade = 0 if not count else 1 + round((SHADES - 1) * math.log1p(count) / math.log1p(top))
        is_selected = canonical(name) in chosen
        label = f"{name}: {count} kết quả" + (", đang chọn" if is_selected else "")
        url = toggle_url(value) if count or is_selected else None
        tiles.append(Tile(name, short, col * (TILE + GAP), row * (TILE + GAP), count, shade,
                          label, url, is_selected))  # fmt: skip
    width = max(t.x for t in tiles) + TILE
    height = max(t.y for t in tiles) + TILE
    toggles = [
        MapToggle(
            MAP_SHORT[key],
            text,
            replace(state, map_mode="" if key == "63" else key).url(),
            key == mode,
        )
        for key, text in MAP_LABELS.items()
    ]
    return TileMap(mode, FACET_OF_MAP[mode], tiles, width, height, toggles)
