"""The package's layers: every module imports only from lower layers, in no circle.

The subpackages are the pipeline (CONTRIBUTING.md, "How the code is laid
out"). This test reads every module's syntax tree -- imports inside functions
and under ``TYPE_CHECKING`` included, relative or absolute, and the module
names given as strings to ``importlib.import_module``, to the command line's
``ChoiceOf`` and to ``lazy_loader.attach`` -- and fails on

* an import of a higher layer, or of a sibling (``analysis`` and ``drawing``);
* a circle of imports between modules (a strongly connected component);
* a private name (``_x``) taken from another module, by ``from m import _x``
  or by ``m._x`` on an imported module.

It imports nothing from ``graph``: a broken import elsewhere cannot hide a
layer problem.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parent.parent / "graph"

#: Each subpackage's rank: a module may import its own subpackage or one of a
#: lower rank. Equal ranks are siblings, which may not import each other.
LAYERS: dict[str, int] = {
    "core": 0,
    "datasets": 1,
    "tables": 2,
    "network": 3,
    "balance": 4,
    "analysis": 5,
    "drawing": 5,
    "outputs": 6,
    "importers": 7,
    # graph/__init__.py, graph/cli.py and graph/__main__.py.
    "": 8,
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES: dict[str, Path] = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer(module: str) -> str:
    """The subpackage a module belongs to ("" for the top of the package)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in LAYERS) else ""


@dataclass(frozen=True)
class Import:
    source: str
    target: str
    name: str  # the name taken from target, "" for the module itself
    line: int

    def __str__(self) -> str:
        what = f"{self.target}.{self.name}" if self.name else self.target
        return f"{MODULES[self.source].relative_to(PACKAGE.parent)}:{self.line} imports {what}"


def resolve(module: str, name: str = "") -> tuple[str, str]:
    """The graph module an import reaches, and the name it takes from it ("" for none)."""
    if name and f"{module}.{name}" in MODULES:
        return f"{module}.{name}", ""
    while module not in MODULES and "." in module:  # a name inside a module: graph.x.y.z
        module, name = module.rsplit(".", 1)
    return module, name


def package_of(source: str) -> str:
    return source if MODULES[source].name == "__init__.py" else source.rpartition(".")[0]


def strings(node: ast.AST) -> Iterator[tuple[str, int]]:
    """Every string constant in a node, with its line."""
    for child in ast.walk(node):
        if isinstance(child, ast.Constant) and isinstance(child.value, str):
            yield child.value, child.lineno


def call_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def imports(source: str) -> Iterator[Import]:
    tree = ast.parse(MODULES[source].read_text(encoding="utf-8"))
    here = package_of(source)
    aliases: dict[str, str] = {}  # local name -> graph module, for m._x
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "graph":
                    target, _ = resolve(alias.name)
                    aliases[alias.asname or alias.name] = target
                    yield Import(source, target, "", node.lineno)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here.rsplit(".", node.level - 1)[0] if node.level > 1 else here
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            if module.split(".")[0] != "graph":
                continue
            if module in MODULES and MODULES[module].name == "__init__.py" and module != source:
                # `from package import x` reads the package's namespace, so runs its
                # __init__ first, even where x is a submodule.
                yield Import(source, module, "", node.lineno)
            for alias in node.names:
                target, name = resolve(module, alias.name)
                if not name:
                    aliases[alias.asname or alias.name] = target
                yield Import(source, target, name, node.lineno)
        elif isinstance(node, ast.Call) and call_name(node) in ("import_module", "ChoiceOf"):
            # The module is the first argument, e.g. ChoiceOf("graph.outputs.export", "FORMATS").
            if node.args and isinstance(node.args[0], ast.Constant):
                value = node.args[0].value
                if isinstance(value, str) and value in MODULES:
                    yield Import(source, value, "", node.lineno)
        elif isinstance(node, ast.Call) and call_name(node) == "attach":
            # lazy_loader.attach(__name__, submodules=[...], submod_attrs={...}): the
            # package imports these submodules when one of their names is first used.
            for keyword in node.keywords:
                for value, line in strings(keyword.value):
                    if f"{here}.{value}" in MODULES:
                        yield Import(source, f"{here}.{value}", "", line)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
            and is_private(node.attr)
        ):
            yield Import(source, aliases[node.value.id], node.attr, node.lineno)


def is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


ALL_IMPORTS = [found for source in MODULES for found in imports(source)]


def test_the_walk_sees_every_kind_of_import():
    # If the walk stopped seeing one kind, the tests below would pass on nothing.
    pairs = {(found.source, found.target) for found in ALL_IMPORTS}
    assert ("graph.cli", "graph.outputs.export") in pairs  # ChoiceOf("graph.outputs.export", ...)
    assert ("graph.cli", "graph.network.build") in pairs  # inside a command function
    assert ("graph.network", "graph.network.build") in pairs  # lazy_loader.attach
    assert ("graph.balance", "graph.balance.report") in pairs  # relative, from .report import ...
    assert len(MODULES) > 50


def test_no_module_imports_a_higher_layer_or_a_sibling():
    upward = [
        str(found)
        for found in ALL_IMPORTS
        if layer(found.source) != layer(found.target)
        and LAYERS[layer(found.target)] >= LAYERS[layer(found.source)]
    ]
    assert upward == []


def test_no_module_takes_a_private_name_from_another():
    private = [
        str(found)
        for found in ALL_IMPORTS
        if found.target != found.source and is_private(found.name)
    ]
    assert private == []


def circles() -> list[list[str]]:
    arrows = nx.DiGraph()
    arrows.add_nodes_from(MODULES)
    arrows.add_edges_from(
        (found.source, found.target) for found in ALL_IMPORTS if found.source != found.target
    )
    return sorted(sorted(c) for c in nx.strongly_connected_components(arrows) if len(c) > 1)


def test_no_circle_of_imports():
    assert circles() == []


def public_functions() -> dict[str, list[str]]:
    """Every public function and class defined at a module's top, by name."""
    names: dict[str, list[str]] = {}
    for module, path in MODULES.items():
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef | ast.ClassDef) and not is_private(node.name):
                names.setdefault(node.name, []).append(module)
    return names


def test_no_module_shares_its_name_with_a_function():
    # graph.drawing.scene was the module, not the function, once either was
    # imported: a name is one thing, whatever was imported first.
    modules = {module.rsplit(".", 1)[-1] for module in MODULES}
    shared = {name: where for name, where in public_functions().items() if name in modules}
    assert shared == {}
