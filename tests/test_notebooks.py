"""Every notebook in notebooks/ runs top to bottom and is committed without outputs."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from ipykernel.kernelspec import RESOURCES, get_kernel_dict
from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from nbclient import NotebookClient

# Starts a kernel and runs every notebook: left out of `make test-fast`.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CELL_TIMEOUT = 300  # seconds; a stuck cell fails the test instead of hanging the suite


class ThisPython(KernelSpecManager):
    """The "python3" kernel run by the interpreter running the tests.

    A kernelspec installed elsewhere (in the user's Jupyter folder, say) may
    point to another Python without this project's dependencies.
    """

    def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
        return KernelSpec(resource_dir=RESOURCES, **get_kernel_dict())


def test_the_five_questions_have_notebooks() -> None:
    assert [path.name for path in NOTEBOOKS] == [
        "01-actors-and-relations.ipynb",
        "02-centrality-and-what-if.ipynb",
        "03-structural-balance.ipynb",
        "04-change-over-time.ipynb",
        "05-did-balance-predict.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_is_committed_clean(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert notebook.metadata.kernelspec.name == "python3"
    assert notebook.cells[0].cell_type == "markdown"  # each opens with its question
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, "strip the outputs"
            # Only the public API: no private names of the package.
            assert not re.search(r"\bgraph(\.\w+)*\._|from graph\S* import _", cell.source)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_says_partition_for_what_balance_computes(path: Path) -> None:
    # `camp` is the data's column; the split balance computes is a partition
    # into groups, and results are read from their fields, not pandas attrs.
    old_words = re.compile(r"\.attrs\b|balance\.camps|camp_(before|after|changed)")
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert not old_words.search(cell.source)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_runs_top_to_bottom(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    kernel = KernelManager(kernel_name="python3", kernel_spec_manager=ThisPython())
    client = NotebookClient(
        notebook,
        km=kernel,
        timeout=CELL_TIMEOUT,
        resources={"metadata": {"path": str(ROOT)}},  # run from the project folder
    )
    client.execute()  # raises CellExecutionError, naming the cell, if any cell fails
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(cell.execution_count for cell in code)
    assert not [out for cell in code for out in cell.outputs if out.output_type == "error"]
