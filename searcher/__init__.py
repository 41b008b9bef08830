"""Vietnamese procuracy report search engine (pyvi + Whoosh + numpy).

The public API, loaded on first use (importing a stage's module does not load the
whole engine)::

    from searcher import Engine, build_request, sync
    sync(Path("corpus"), Path("index"))
    Engine(Path("index")).search(build_request("giao ban Thanh Hóa")).total
"""

from __future__ import annotations

from importlib import import_module

__version__ = "0.1.0"
_PUBLIC = {
    "Engine": "searcher.engine.engine",
    "SearchResults": "searcher.results.hits",
    "build_request": "searcher.query.parse",
    "QueryError": "searcher.query.parse",
    "sync": "searcher.index.operations",
    "add": "searcher.index.operations",
    "remove": "searcher.index.operations",
    "rebuild": "searcher.index.operations",
}
__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> object:
    if name in _PUBLIC:
        return getattr(import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'searcher' has no attribute {name!r}")
