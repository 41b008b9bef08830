"""Follow one search through the code: which project modules it enters, in order.

A profiler hook records the calls into project functions during ``Engine.search``
(warm engine, the query as a user types it), four calls deep: ``search``, the
engine's steps, and what each step delegates to. Reported: the modules entered in order,
consecutive calls inside one module merged ("stops"); "climbs": distinct call edges
whose callee sits in a HIGHER stage than its caller (a lower layer calling back up);
re-entries: stops at a module already left.

    .venv/bin/python bench/walk.py ["giao ban Thanh Hóa"]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_layering import stage_of  # noqa: E402

from searcher.engine.engine import Engine  # noqa: E402
from searcher.index.operations import rebuild  # noqa: E402
from searcher.query.parse import build_request  # noqa: E402


def walk(engine: Engine, query: str, depth: int = 4) -> tuple[list[str], int]:
    """(stops, upward call edges) of one search, following calls ``depth`` deep from
    ``Engine.search`` (1: the method itself; 4: what the engine's steps delegate to).
    Generated code (a dataclass's ``__init__``) is not a stop."""
    calls: list[tuple[str, str]] = []  # (caller module, callee module)
    level = [0]

    def hook(frame, event, arg):
        if event == "call":
            level[0] += 1
            callee = frame.f_globals.get("__name__", "")
            caller = frame.f_back.f_globals.get("__name__", "") if frame.f_back else ""
            generated = frame.f_code.co_filename.startswith("<")
            if callee.startswith("searcher.") and level[0] <= depth and not generated:
                calls.append((caller, callee))
        elif event == "return":
            level[0] -= 1

    request = build_request(query)
    sys.setprofile(hook)
    try:
        engine.search(request)
    finally:
        sys.setprofile(None)
    stops: list[str] = []
    for _, callee in calls:
        if not stops or stops[-1] != callee:
            stops.append(callee)
    climbs = {(a, b) for a, b in calls if a.startswith("searcher.") and stage_of(b) > stage_of(a)}
    return stops, len(climbs)


def main() -> None:
    query = sys.argv[1] if len(sys.argv) > 1 else "giao ban Thanh Hóa"
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for f in sorted((ROOT / "corpus").glob("*.txt")):
            (corpus / f.name).write_bytes(f.read_bytes())
        rebuild(corpus, Path(tmp) / "index")
        engine = Engine(Path(tmp) / "index")
        engine.search(build_request(query))  # warm: tables loaded, view opened
        stops, climbs = walk(engine, query)
    modules = list(dict.fromkeys(stops))
    reentries = len(stops) - len(modules)
    print(f"query: {query!r}")
    print(f"stops (module changes): {len(stops)}; modules: {len(modules)}; "
          f"re-entries: {reentries}; distinct upward call edges: {climbs}")  # fmt: skip
    print(" → ".join(m.removeprefix("searcher.") for m in stops))


if __name__ == "__main__":
    main()
