"""The package as users get it: an sdist and a wheel that work outside the checkout.

The sdist and the wheel are built with ``python -m build`` (the wheel from the
sdist, as pip does), without network. The wheel is installed with
``--no-deps`` into a fresh virtual environment that sees this environment's
third-party packages through a ``.pth`` line -- so installing takes seconds --
but not the checkout: commands run from a temporary folder and must find the
package, its dataset and its vocabulary inside that environment.
"""

from __future__ import annotations

import ast
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

import graph

ROOT = Path(__file__).resolve().parent.parent
DATA_FILES = (
    "actors.csv",
    "relations.csv",
    "relation_types.csv",
    "story.csv",
    "datapackage.json",
    "sources/battle-for-aleppo.txt",
)


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the sdist and the wheel built from this checkout."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return out


@pytest.fixture(scope="module")
def venv(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with only the wheel installed; returns its bin folder."""
    home = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(home)], check=True)
    python = home / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # Dependencies from this environment, appended after the venv's own
    # site-packages; its .pth files (our editable install) are not run.
    (Path(site) / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    wheel = next(dist.glob("*.whl"))
    pip = [sys.executable, "-m", "pip", "--python", str(python)]
    subprocess.run(
        [*pip, "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    return home / "bin"


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env)


def test_a_checkout_reads_the_top_level_data_in_place() -> None:
    # Editable installs and the tests: edits to data/ show at once, no copy.
    assert not (ROOT / "graph" / "data").exists()
    assert graph.core.resources.data_dir() == graph.tables.read.DATA_DIR == ROOT / "data"


def test_the_sdist_holds_the_dataset_and_what_builds_the_wheel(dist: Path) -> None:
    with tarfile.open(next(dist.glob("*.tar.gz"))) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert {f"data/{name}" for name in DATA_FILES} <= names
    assert {"build_hooks.py", "LICENSE", "graph/py.typed", "graph/core/resources.py"} <= names


def test_the_wheel_ships_the_dataset_inside_the_package(dist: Path) -> None:
    with zipfile.ZipFile(next(dist.glob("*.whl"))) as wheel:
        names = set(wheel.namelist())
        metadata = wheel.read(next(n for n in names if n.endswith(".dist-info/METADATA")))
        copies = {name: wheel.read(f"graph/data/{name}") for name in DATA_FILES}
    shipped = {
        "graph/py.typed",
        "graph/outputs/explorer/templates/explorer.html",
        "graph/drawing/schema/scene.schema.json",
    }
    shipped |= {
        f"graph/outputs/explorer/assets/{name}" for name in graph.outputs.explorer.render.SCRIPTS
    }
    assert shipped <= names
    for name, copy in copies.items():
        assert copy == (ROOT / "data" / name).read_bytes(), f"data/{name} is shipped as it is"
    assert b"License-Expression: MIT" in metadata
    assert b"Requires-Dist: jinja2" in metadata


def test_the_installed_wheel_loads_its_own_data_outside_the_checkout(
    venv: Path, tmp_path: Path
) -> None:
    code = (
        "import graph, graph.tables.read; G = graph.load(); "
        "print(graph.__file__); print(graph.tables.read.DATA_DIR); print(G.number_of_nodes())"
    )
    result = run([str(venv / "python"), "-c", code], tmp_path)
    assert result.returncode == 0, result.stderr
    module, data, actors = result.stdout.split()
    environment = venv.parent.resolve()
    assert Path(module).resolve().is_relative_to(environment), "the wheel, not the checkout"
    assert Path(data).resolve() == Path(module).resolve().parent / "data"
    assert actors == "20"


def test_the_installed_command_builds_the_explorer(venv: Path, tmp_path: Path) -> None:
    result = run([str(venv / "alliance-graph"), "build", "-o", "x.html"], tmp_path)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "x.html").read_text(encoding="utf-8")
    assert "Battle of Aleppo" in page
    assert "vis.js is dual licensed" in page, "vis-network's licence travels with the page"


def test_the_installed_command_validates_a_folder_without_a_vocabulary(
    venv: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "my-folder"
    folder.mkdir()
    for name in ("actors.csv", "relations.csv"):
        shutil.copy(ROOT / "data" / name, folder / name)
    result = run([str(venv / "alliance-graph"), "validate", "my-folder/"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "OK: 20 actors, 34 relations\n"
    assert not (folder / "relation_types.csv").exists()


def _declared() -> set[str]:
    """Distribution names of the runtime dependencies in pyproject.toml, normalised.

    Optional extras other than ``test`` count (``spark``: graph/importers/spark_engine.py
    imports PySpark only when asked for the Spark engine).
    """
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project.get("optional-dependencies", {})
    runtime = [d for name, deps in extras.items() if name != "test" for d in deps]
    return {
        _normal(re.match(r"[A-Za-z0-9_.-]+", dep).group())
        for dep in [*project["dependencies"], *runtime]
    }


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _imported_packages() -> dict[str, str]:
    """Top-level names that modules of graph/ import, with one file importing each."""
    found = {}
    for path in sorted((ROOT / "graph").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], str(path.relative_to(ROOT)))
    return found


def test_every_imported_package_is_a_declared_dependency() -> None:
    providers = importlib.metadata.packages_distributions()
    declared = _declared()
    imported = _imported_packages()
    assert {"jinja2", "markupsafe", "pyvis", "scipy"} <= imported.keys()
    for name, where in imported.items():
        if name in sys.stdlib_module_names or name in ("__future__", "graph"):
            continue
        distributions = {_normal(d) for d in providers.get(name, [name])}
        assert distributions & declared, f"{where} imports {name}, not declared in pyproject.toml"
