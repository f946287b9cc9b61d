"""alliance-graph: actors, their support and opposition, as graphs and tables.

Read a dataset with :func:`load` (the Battle of Aleppo by default; check a
folder's every file with :func:`validate`), look at the relations active at a
date with :func:`snapshot` and at who sides with whom with
:func:`signed_graph`; :func:`actors` and :func:`relations` give a graph back as
tables. Structural balance lives in
:mod:`graph.balance` and classic signed networks in :mod:`graph.datasets`.

>>> import graph
>>> G = graph.load()
>>> G.nodes["jabhat_fateh_al_sham"]["aliases"]
['JFS', 'Jabhat Fatah al-Sham', 'Levant Conquest Front']

``import graph`` is cheap: each public name is imported from its module the
first time it is used (PEP 562), so a command that only validates a dataset
never loads matplotlib, SciPy's optimiser or pyvis.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from typing import Any

__version__ = "0.1.0"

#: Stands for "the submodule of that name itself" in :data:`_EXPORTS`.
_SUBMODULE = None

#: Every public name -> the module of this package that defines it. To export
#: a new name, add one line here.
_EXPORTS: dict[str, str | None] = {
    "DataError": "errors",
    "FileFormatError": "errors",
    "Problem": "errors",
    "ValidationError": "errors",
    "actors": "build",
    "balance": _SUBMODULE,
    "balance_predictions": "predict",
    "centrality": "metrics",
    "compare": "whatif",
    "datasets": _SUBMODULE,
    "date_range": "metrics",
    "diff": "timeline",
    "draw": "figure",
    "export_as": "export",
    "from_tables": "build",
    "glossary": "quiz",
    "import_events": "importers",
    "load": "build",
    "pn_centrality": "metrics",
    "quiz_payload": "quiz",
    "quiz_questions": "quiz",
    "read_actors": "read",
    "read_relation_types": "read",
    "read_relations": "read",
    "read_story": "read",
    "read_edgelist": "importers",
    "relation_counts": "metrics",
    "relations": "build",
    "show": "notebook",
    "signed_graph": "build",
    "snapshot": "build",
    "summary": "metrics",
    "timeline": "timeline",
    "to_pyvis": "pyvis_network",
    "validate": "build",
    "without": "whatif",
    "write_csv": "export",
    "write_gexf": "export",
    "write_graphml": "export",
    "write_html": "render",
    "write_json": "export",
    "write_quiz": "quiz",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:  # Any: type checkers then accept graph.load(...)
    module = _EXPORTS.get(name, _SUBMODULE)
    if module is _SUBMODULE:
        # Any submodule is an attribute too (graph.render.render_html), as when
        # this file imported them all.
        if name.startswith("_") or importlib.util.find_spec(f"{__name__}.{name}") is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = importlib.import_module(f".{name}", __name__)
    else:
        value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


class _Package(types.ModuleType):
    """This package's module type: a public function keeps the name of its module.

    Importing a submodule binds it on its package (``graph.timeline`` becomes
    the module); where :data:`_EXPORTS` gives that name to a function
    (:func:`timeline` from ``graph/timeline.py``), the function stays.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if isinstance(value, types.ModuleType) and _EXPORTS.get(name, _SUBMODULE) is not None:
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
