"""The package's modules import each other without a cycle.

A cycle makes the import order matter (a name is missing while its module is
half-initialised) and is usually patched with function-level imports, so every
import counts here, top-level or inside a function, ``TYPE_CHECKING`` blocks
included: a cycle hidden behind a lazy import is still two modules that each
need the other.

An edge goes to the module an import names (``from .x import y`` -> ``x``, or
``x.y`` when ``y`` is a submodule), and to each package Python initialises on
the way there: ``from onrecord.store.normalize import ...`` in ``batch`` first
runs ``onrecord/store/__init__.py``, which may import half the store. A package
that holds the importer is not such an edge: it is already initialised (or
being initialised) by the time its own submodule runs.
"""

from __future__ import annotations

import ast
from pathlib import Path

import onrecord

ROOT = Path(onrecord.__file__).parent
PACKAGE = "onrecord"


def _modules() -> dict[str, Path]:
    found = {}
    for path in ROOT.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join([PACKAGE, *parts])] = path
    return found


def _packages_entered(importer: str, target: str) -> set[str]:
    """The packages that importing ``target`` from ``importer`` initialises, ``target``'s own excluded."""
    parts = target.split(".")
    own = {".".join(importer.split(".")[:i]) for i in range(1, importer.count(".") + 2)}
    return {".".join(parts[:i]) for i in range(1, len(parts))} - own


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    is_package = path.name == "__init__.py"
    package = name if is_package else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            for alias in node.names:
                sub = f"{module}.{alias.name}"
                targets.add(sub if sub in modules else module)
    targets |= {package for t in targets for package in _packages_entered(name, t)}
    return {t for t in targets if t in modules and t != name}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a list of modules (first == last), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return path[path.index(target):] + [target]
            if target not in state and (found := visit(target)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_graph_sees_relative_and_function_level_imports():
    graph = _graph()
    assert "onrecord.model" in graph["onrecord.extract"]  # from .model import ...
    assert "onrecord.readers" in graph["onrecord.ingest"]  # from .readers import ...
    # from ..store.normalize import ...: the store package's __init__ runs first.
    assert {"onrecord.store.normalize", "onrecord.store"} <= graph["onrecord.batch.rows"]
    assert "onrecord.store" not in graph["onrecord.store.write"]  # its own package


def test_packages_entered():
    assert _packages_entered("onrecord.batch.rows", "onrecord.store.normalize") == {"onrecord.store"}
    assert _packages_entered("onrecord.store.write", "onrecord.store.quote") == set()
    assert _packages_entered("onrecord.store", "onrecord.store.facade") == set()


def test_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycle_in_the_package():
    graph = _graph()
    cycles = []
    # Report every cycle, not only the first: remove one edge of each found and look again.
    while (cycle := _cycle(graph)) is not None:
        cycles.append(" -> ".join(cycle))
        graph[cycle[-2]].discard(cycle[-1])
    assert not cycles, "import cycles:\n" + "\n".join(cycles)
