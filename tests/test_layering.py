"""The stage layout holds: imports point down the data flow, no cycles, Whoosh stays
under ``searcher/index``, the core knows nothing of Flask or click.

Stages, bottom to top (a module may import its own stage and those below):
vi → read → facts → analysis → index → query → results → engine → crawl → cli.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("vi", "read", "facts", "analysis", "index", "query", "results", "engine", "crawl")
TOP = len(STAGES)  # cli, __init__, __main__: the application's entry points


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def stage_of(module: str) -> int:
    """The stage of ``searcher.<stage>.…``; the package root and cli are on top."""
    parts = module.split(".")
    if parts[0] == "web":
        return TOP + 1
    if len(parts) >= 2 and parts[1] in STAGES:
        return STAGES.index(parts[1])
    return TOP


def imports_of(path: Path) -> set[str]:
    """Every module ``path`` imports, at module level or inside a function."""
    found: set[str] = set()
    package = module_name(path).rsplit(".", 1)[0] if path.name != "__init__.py" else None
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against the package
                anchor = (package or module_name(path)).split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            for alias in node.names:  # "from searcher.index import batch" names a module
                candidate = f"{base}.{alias.name}"
                if (ROOT / Path(*candidate.split("."))).with_suffix(".py").exists():
                    found.add(candidate)
    return found


def project_modules() -> dict[str, Path]:
    out = {}
    for top in ("searcher", "web"):
        for path in sorted((ROOT / top).rglob("*.py")):
            out[module_name(path)] = path
    return out


MODULES = project_modules()
GRAPH = {
    name: {m for m in imports_of(path) if m in MODULES and m != name}
    for name, path in MODULES.items()
}


def upward_imports(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    return sorted(
        (name, target)
        for name, targets in graph.items()
        for target in targets
        if stage_of(target) > stage_of(name)
        and not name.endswith("__main__")  # ``python -m searcher`` starts the whole app
    )


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_imports_point_down_the_flow():
    assert upward_imports(GRAPH) == []


def test_no_import_cycle():
    # a package's __init__ re-exporting its own modules is not a cycle of the flow
    graph = {k: {t for t in v if not t.startswith(k + ".")} for k, v in GRAPH.items()}
    assert cycles(graph) == []


def test_whoosh_only_under_the_index_stage():
    users = sorted(
        name
        for name, path in MODULES.items()
        if any(m == "whoosh" or m.startswith("whoosh.") for m in imports_of(path))
    )
    assert users and all(name.startswith("searcher.index.") for name in users), users


def test_core_knows_nothing_of_flask_or_click():
    for name, path in MODULES.items():
        entry_point = name == "searcher.__main__" or name.split(".")[:2] == ["searcher", "cli"]
        if name.startswith("searcher.") and not entry_point:
            frameworks = {m.split(".")[0] for m in imports_of(path)} & {"flask", "click"}
            assert not frameworks, (name, frameworks)


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        # today's layout would fail: storage importing the query stage
        ({"searcher.index.arrays.build": {"searcher.query.parse"}}, 1),
        ({"searcher.vi.text": {"searcher.engine.engine"}}, 1),
        ({"searcher.engine.engine": {"searcher.vi.text"}}, 0),
        ({"searcher.cli": {"web"}}, 1),
    ],
)
def test_the_checker_sees_an_upward_import(graph, expected):
    assert len(upward_imports(graph)) == expected


def test_the_checker_sees_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_public_api_loads_on_first_use():
    import subprocess
    import sys

    code = (
        "import sys, searcher\n"
        "assert 'searcher.engine.engine' not in sys.modules\n"
        "from searcher import Engine, add, build_request, rebuild, remove, sync\n"
        "assert Engine.__module__ == 'searcher.engine.engine'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
