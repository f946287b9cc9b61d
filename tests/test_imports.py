"""What each entry point imports: start-up stays cheap as the package grows.

Each check runs in a fresh interpreter and looks at ``sys.modules`` afterwards.
Times are measured in benchmarks/bench_startup.py, not here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import graph

#: Heavy or optional packages no light entry point may load.
HEAVY = ("matplotlib", "scipy.optimize", "IPython", "pyvis")


def loaded_after(code: str, cwd: Path) -> set[str]:
    """The modules loaded after running ``code`` in a new interpreter."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=cwd, capture_output=True, text=True, check=True
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


def command(*arguments: str) -> str:
    """Python code running ``alliance-graph ARGUMENTS`` in-process."""
    return (
        "from graph.cli import main\n"
        f"try:\n    main({list(arguments)!r}, prog_name='alliance-graph')\n"
        "except SystemExit as exit:\n    assert not exit.code, exit.code"
    )


def heavy(modules: set[str], packages: tuple[str, ...] = HEAVY) -> list[str]:
    return sorted(p for p in packages if p in modules)


@pytest.mark.parametrize("code", ["import graph", "import graph.cli", "import graph.resources"])
def test_importing_the_package_loads_nothing_heavy(code: str, tmp_path: Path) -> None:
    modules = loaded_after(code, tmp_path)
    assert heavy(modules, (*HEAVY, "pandas", "networkx", "scipy", "jinja2", "numpy")) == []


def test_help_loads_neither_pandas_nor_networkx(tmp_path: Path) -> None:
    modules = loaded_after(command("--help"), tmp_path)
    assert heavy(modules, (*HEAVY, "pandas", "networkx", "scipy", "jinja2")) == []


@pytest.mark.parametrize("name", ["validate", "info"])
def test_reading_commands_load_no_scipy_plotting_or_page(name: str, tmp_path: Path) -> None:
    modules = loaded_after(command(name), tmp_path)
    assert "pandas" in modules, "the check itself: the command did read the data"
    assert heavy(modules, (*HEAVY, "scipy", "jinja2")) == []


def test_build_loads_no_plotting_optimiser_or_pyvis(tmp_path: Path) -> None:
    modules = loaded_after(command("build", "-o", "x.html"), tmp_path)
    assert (tmp_path / "x.html").exists()
    assert heavy(modules) == []


def test_figure_loads_matplotlib_but_not_pyvis(tmp_path: Path) -> None:
    modules = loaded_after(command("figure", "-o", "x.svg"), tmp_path)
    assert "matplotlib" in modules
    assert heavy(modules, ("scipy.optimize", "IPython", "pyvis")) == []


def test_every_public_name_resolves_to_what_its_module_defines() -> None:
    for name in graph.__all__:
        value = getattr(graph, name)
        assert value is not None, name
    assert graph.load is sys.modules["graph.build"].load
    assert graph.balance is sys.modules["graph.balance"]
    assert sorted(graph.__all__) == sorted(set(graph.__all__)), "no name twice"
    assert set(graph.__all__) <= set(dir(graph))
    with pytest.raises(AttributeError, match="has no attribute 'nonexistent'"):
        graph.nonexistent  # noqa: B018


def test_a_function_keeps_its_name_when_its_module_is_imported(tmp_path: Path) -> None:
    # graph/timeline.py defines graph.timeline(); importing the module must not
    # replace the function on the package, as eager imports never did.
    code = (
        "import graph.timeline, graph\n"
        "assert callable(graph.timeline) and graph.timeline.__module__ == 'graph.timeline'\n"
        "from graph import timeline\n"
        "assert timeline is graph.timeline"
    )
    loaded_after(code, tmp_path)


def test_submodules_are_attributes_of_the_package(tmp_path: Path) -> None:
    code = (
        "import graph\n"
        "assert callable(graph.render.render_html) and callable(graph.layout.layout)\n"
        "assert not hasattr(graph, 'no_such_module')"
    )
    loaded_after(code, tmp_path)
