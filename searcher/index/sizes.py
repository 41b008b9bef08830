"""How much disk an index takes, counted as ``du`` counts it (allocated blocks, each
file once however many links name it, directories included), so `stats` and the
benchmarks quote what a user's disk really lost.

The served generation is split into its Whoosh files, its derived arrays and its
bookkeeping (build.json, manifest); beside it the segmentation cache and the whole
index folder (the previous generation kept for readers, leftovers of a killed build).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "tin.seg").write_bytes(b"x" * 5000)
>>> disk_usage(folder) >= 5000
True
"""

from __future__ import annotations

import os
from pathlib import Path

from searcher.analysis import segcache
from searcher.index.generations import current_generation

ARRAYS = "arrays"
BOOKKEEPING = ("build.json", "manifest.json")


def _usage(entry: os.stat_result) -> int:
    return entry.st_blocks * 512


def disk_usage(path: Path, seen: set[tuple[int, int]] | None = None) -> int:
    """Bytes allocated to ``path`` and everything under it, like ``du -s -B1``: symbolic
    links counted as themselves (never followed), hard links once."""
    seen = set() if seen is None else seen
    total, stack = 0, [path]
    while stack:
        current = stack.pop()
        try:
            info = current.lstat()
        except OSError:  # removed while counted (a swap): it takes no space any more
            continue
        if (info.st_dev, info.st_ino) in seen:
            continue
        seen.add((info.st_dev, info.st_ino))
        total += _usage(info)
        if current.is_dir() and not current.is_symlink():
            try:
                stack.extend(current.iterdir())
            except OSError:
                continue
    return total


def index_sizes(index_dir: Path) -> dict[str, int]:
    """The served generation's bytes on disk by part, the segmentation cache's, and the
    whole index folder's (``total``: everything ``du -s index/`` counts).

    ``served`` = ``whoosh`` + ``arrays`` + ``bookkeeping`` (the generation directory
    itself counts with ``whoosh``)."""
    gen = current_generation(index_dir)
    sizes = {"whoosh": 0, "arrays": 0, "bookkeeping": 0, "served": 0}
    if gen is not None:
        sizes["served"] = disk_usage(gen)
        sizes["arrays"] = disk_usage(gen / ARRAYS)
        sizes["bookkeeping"] = sum(disk_usage(gen / name) for name in BOOKKEEPING)
        sizes["whoosh"] = sizes["served"] - sizes["arrays"] - sizes["bookkeeping"]
    sizes["cache"] = sum(disk_usage(p) for p in index_dir.glob(segcache.FILE + "*"))
    sizes["total"] = disk_usage(index_dir) if index_dir.exists() else 0
    sizes["other"] = max(sizes["total"] - sizes["served"] - sizes["cache"], 0)
    return sizes
