"""The layering between packages: no package imports another that imports it back (lazy imports count), and
nothing at runtime imports the benchmark package. Read from the source with `ast`, so it costs no import."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "eventwire"
# Only the command line may reach the benchmarks (inside its commands), and the benchmarks themselves.
MAY_IMPORT_BENCH = {"cli", "bench"}
# The layers of README's "How it works": a package imports from its own layer or below, never above.
LAYERS = {
    "errors": 0, "records": 0,
    "ingest": 1, "nlp": 1, "geo": 1, "timex": 1, "classify": 1, "extract": 1, "lang": 1, "fusion": 1,
    "pipeline": 2, "export": 2,
    "store": 3, "engine": 3, "live": 3, "web": 3, "evaluate": 3,
    "cli": 4, "bench": 4,
}


def _unit(module: str) -> str | None:
    """`eventwire.store.sqlite` -> `store`; top-level modules (`eventwire.pipeline`) are units too."""
    parts = module.split(".")
    if len(parts) < 2 or parts[0] != "eventwire":
        return None
    return parts[1] if (SRC / parts[1]).is_dir() or (SRC / f"{parts[1]}.py").is_file() else None


def _imports(path: Path) -> Iterator[str]:
    rel = path.relative_to(SRC.parent).with_suffix("")
    package = ".".join(rel.parts[:-1]) if rel.name != "__init__" else ".".join(rel.parts[:-1])
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(up + ([base] if base else []))
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def package_edges() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC)
        me = rel.parts[0].removesuffix(".py")
        for target in _imports(path):
            unit = _unit(target)
            if unit and unit != me:
                edges.setdefault(me, set()).add(unit)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one package (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in list(edges):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycle_between_packages() -> None:
    edges = package_edges()
    assert edges, "no imports found: is SRC right?"
    assert cycles(edges) == [], "packages that import each other (lazy imports count): fix the direction"


def test_the_cycle_finder_sees_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_nothing_at_runtime_imports_the_bench_package() -> None:
    importers = sorted(me for me, targets in package_edges().items() if "bench" in targets)
    assert set(importers) <= MAY_IMPORT_BENCH, f"runtime packages importing eventwire.bench: {importers}"


def test_imports_point_down_the_layers() -> None:
    edges = package_edges()
    unknown = sorted(set(edges) - set(LAYERS))
    assert not unknown, f"new packages {unknown}: give each its layer here and in README's How it works"
    upward = sorted(f"{a} -> {b}" for a, targets in edges.items() for b in targets
                    if b in LAYERS and LAYERS[b] > LAYERS[a])
    assert upward == [], f"imports that point up the layers: {upward}"


def test_the_store_reaches_fusion_only_through_its_protocol() -> None:
    store = SRC / "store"
    reached = sorted({t for path in store.rglob("*.py") for t in _imports(path)
                      if t.startswith("eventwire.fusion") and not t.startswith("eventwire.fusion.protocol")})
    assert reached == [], f"the store imports fusion's internals: {reached}; add what it needs to fusion/protocol.py"


def test_records_import_no_stage() -> None:
    """The records are the bottom layer: they import nothing of the project but errors and themselves."""
    assert package_edges().get("records", set()) <= {"errors"}
