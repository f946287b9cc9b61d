"""What each entry point imports: start-up stays cheap as the package grows.

One fresh interpreter takes the entry points in order of growing needs and
records ``sys.modules`` after each: the modules loaded so far only grow, so a
package absent after a step was loaded by no earlier step either. Times are
measured in benchmarks/bench_startup.py, not here.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

import graph

#: Each step (code run in the same interpreter, in order) and the packages
#: that must not be loaded after it.
STEPS = {
    "import graph": (
        "import graph",
        ("pandas", "networkx", "numpy", "scipy", "jinja2", "matplotlib", "IPython", "pyvis"),
    ),
    "import graph.cli": (
        "import graph.cli",
        ("pandas", "networkx", "numpy", "scipy", "jinja2", "matplotlib", "IPython", "pyvis"),
    ),
    "alliance-graph --help": (
        "run('--help')",
        ("pandas", "networkx", "scipy", "jinja2", "matplotlib", "IPython", "pyvis"),
    ),
    "alliance-graph validate": (
        "run('validate')",
        ("scipy", "jinja2", "matplotlib", "IPython", "pyvis"),
    ),
    "alliance-graph info": ("run('info')", ("scipy", "jinja2", "matplotlib", "IPython", "pyvis")),
    "alliance-graph build": (
        "run('build', '-o', 'x.html')",
        # The Balance view needs graph.balance.frustration_index, not the rest.
        (
            "scipy.optimize",
            "matplotlib",
            "IPython",
            "pyvis",
            "graph.balance.measures",
            "graph.balance.partitions",
            "graph.balance.report",
        ),
    ),
    "alliance-graph figure": ("run('figure', '-o', 'x.svg')", ("IPython", "pyvis")),
}

PRELUDE = """
import json, sys
def run(*arguments):
    from graph.cli import main
    try:
        main(list(arguments), prog_name='alliance-graph')
    except SystemExit as exit:
        assert not exit.code, exit.code
seen = {}
"""


def run_in_new_interpreter(code: str, cwd: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    """The modules loaded after each step of :data:`STEPS`, and the folder it ran in."""
    folder = tmp_path_factory.mktemp("imports")
    code = PRELUDE + "".join(
        f"{step}\nseen[{name!r}] = sorted(sys.modules)\n" for name, (step, _) in STEPS.items()
    )
    output = run_in_new_interpreter(code + "print(json.dumps(seen))", folder)
    assert (folder / "x.html").exists() and (folder / "x.svg").exists()
    return {name: set(modules) for name, modules in json.loads(output.splitlines()[-1]).items()}


@pytest.mark.parametrize("step", STEPS)
def test_each_entry_point_loads_only_what_it_needs(loaded: dict[str, set[str]], step: str) -> None:
    forbidden = STEPS[step][1]
    assert sorted(name for name in forbidden if name in loaded[step]) == []


def test_the_checks_see_what_is_loaded(loaded: dict[str, set[str]]) -> None:
    assert "click" in loaded["alliance-graph --help"]
    assert {"pandas", "networkx"} <= loaded["alliance-graph validate"]
    assert {"scipy.sparse", "jinja2"} <= loaded["alliance-graph build"]
    assert "matplotlib" in loaded["alliance-graph figure"]


def test_every_public_name_resolves_to_what_its_module_defines() -> None:
    for name in graph.__all__:
        assert getattr(graph, name) is not None, name
    assert graph.load is sys.modules["graph.network.build"].load
    assert graph.balance is sys.modules["graph.balance"]
    assert sorted(graph.__all__) == sorted(set(graph.__all__)), "no name twice"
    assert set(graph.__all__) <= set(dir(graph))
    with pytest.raises(AttributeError, match="has no attribute 'nonexistent'"):
        graph.nonexistent  # noqa: B018


def test_functions_keep_their_names_and_submodules_are_attributes(tmp_path: Path) -> None:
    # No module shares a name with a function: graph.timeline is the function
    # (of graph.analysis.changes) whatever was imported first.
    run_in_new_interpreter(
        "import graph.analysis.changes, graph\n"
        "assert callable(graph.timeline)\n"
        "assert graph.timeline.__module__ == 'graph.analysis.changes'\n"
        "from graph import timeline\n"
        "assert timeline is graph.timeline\n"
        "assert callable(graph.outputs.explorer.render.render_html)\n"
        "assert callable(graph.drawing.placement.layout)\n"
        "import graph.drawing.picture, graph.analysis.balance_states\n"
        "assert callable(graph.drawing.scene) and callable(graph.drawing.layout)\n"
        "assert callable(graph.analysis.balance_view)\n"
        "assert not hasattr(graph, 'no_such_module')",
        tmp_path,
    )


@pytest.mark.parametrize(
    ("arguments", "choices"),
    [
        (["build", "-o", "x.html", "--preset"], "'default', 'classroom'"),
        (["figure", "-o", "x.png", "--preset"], "'handout', 'slide'"),
        (["export", "-o", "x", "--format"], "'gexf', 'graphml', 'json', 'csv'"),
    ],
)
def test_choices_named_in_the_library_are_checked_when_parsed(
    arguments: list[str], choices: str
) -> None:
    # The CLI reads these lists from render, figure and export when an option
    # is parsed, not at import; they still reject what is not among them.
    from click.testing import CliRunner

    from graph.cli import main

    result = CliRunner().invoke(main, [*arguments, "bogus"])
    assert result.exit_code == 2
    assert f"'bogus' is not one of {choices}" in result.output


@pytest.mark.parametrize(("old", "new"), sorted(graph._MOVED.items()))
def test_a_module_of_the_flat_layout_still_resolves_with_a_warning(old: str, new: str) -> None:
    # graph.read and the like, kept one release after the move to subpackages.
    with pytest.warns(DeprecationWarning, match=f"graph.{old} is now graph.{new};"):
        module = getattr(graph, old)
    assert module is importlib.import_module(f"graph.{new}")


def test_from_graph_import_an_old_module_warns_and_works() -> None:
    with pytest.warns(DeprecationWarning, match="graph.read is now graph.tables.read"):
        from graph import read
    assert read.read_actors is graph.read_actors


PACKAGE = Path(graph.__file__).parent
SUBPACKAGES = sorted(
    ".".join(path.relative_to(PACKAGE.parent).parent.parts)
    for path in PACKAGE.rglob("__init__.py")
    if "__pycache__" not in path.parts
)


@pytest.mark.parametrize("package", SUBPACKAGES)
def test_every_name_a_package_lists_resolves(package: str) -> None:
    # A lazily attached name is only imported when asked for: a module renamed
    # without its entry in lazy_loader.attach would fail only then.
    module = importlib.import_module(package)
    for name in module.__all__:
        assert getattr(module, name) is not None, f"{package}.{name}"
