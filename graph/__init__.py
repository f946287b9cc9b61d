"""alliance-graph: actors, their support and opposition, as graphs and tables.

Read a dataset with :func:`load` (the Battle of Aleppo by default; check a
folder's every file with :func:`validate`), look at the relations active at a
date with :func:`snapshot` and at who sides with whom with
:func:`signed_graph`; :func:`actors` and :func:`relations` give a graph back as
tables. Structural balance is the subpackage :mod:`graph.balance` (its
functions, such as :func:`graph.balance.frustration`, take a signed graph) and
classic signed networks are in :mod:`graph.datasets`.

>>> import graph
>>> G = graph.load()
>>> G.nodes["jabhat_fateh_al_sham"]["aliases"]
['JFS', 'Jabhat Fatah al-Sham', 'Levant Conquest Front']

The subpackages are the pipeline, each importing only from those above it in
this list: :mod:`~graph.core` (errors, dates, signs, atomic writes) →
:mod:`~graph.tables` (files into checked tables) → :mod:`~graph.network`
(tables into the graph) → :mod:`~graph.balance` (signed graph algorithms) →
:mod:`~graph.analysis` (graph into pandas) and :mod:`~graph.drawing` (graph
into a scene) → :mod:`~graph.outputs` (page, figures, exports) →
:mod:`~graph.importers` (event data into a dataset folder) → ``graph.cli``.
:mod:`~graph.datasets` makes graphs from nothing but ``core``.

``import graph`` is cheap: each public name is imported from its subpackage
the first time it is used (SPEC 1 lazy loading), so a command that only
validates a dataset never loads matplotlib, SciPy's optimiser or pyvis.
"""

from __future__ import annotations

import importlib
import warnings
from typing import Any

import lazy_loader

from graph.core.version import __version__

#: Every public name, by the subpackage that defines it, in layer order.
_LAYERS: dict[str, list[str]] = {
    "core": ["DataError", "FileFormatError", "Problem", "ValidationError"],
    "tables": ["read_actors", "read_relation_types", "read_relations", "read_story"],
    "network": [
        "actors",
        "between",
        "from_tables",
        "load",
        "period_range",
        "relations",
        "signed_graph",
        "snapshot",
        "validate",
    ],
    "analysis": [
        "backtest",
        "balance_by_period",
        "balance_predictions",
        "centrality",
        "compare",
        "date_range",
        "diff",
        "glossary",
        "pn_centrality",
        "quiz_questions",
        "relation_counts",
        "summary",
        "timeline",
        "without",
    ],
    "outputs": [
        "draw",
        "export_as",
        "quiz_payload",
        "show",
        "to_pyvis",
        "write_csv",
        "write_gexf",
        "write_graphml",
        "write_html",
        "write_json",
        "write_quiz",
    ],
    "importers": ["import_events", "read_edgelist"],
}

#: Modules of the flat layout before 0.2, now in a subpackage: ``graph.read``
#: still works, with a DeprecationWarning, for one release.
_MOVED: dict[str, str] = {
    "build": "network.build",
    "dates": "core.dates",
    "errors": "core.errors",
    "export": "outputs.export",
    "figure": "outputs.figure",
    "files": "core.files",
    "layout": "drawing.placement",
    "metrics": "analysis.metrics",
    "notebook": "outputs.notebook",
    "predict": "analysis.predict",
    "pyvis_network": "outputs.pyvis_network",
    "quiz": "analysis.quiz",
    "read": "tables.read",
    "render": "outputs.explorer.render",
    "resources": "core.resources",
    "scene": "drawing.picture",
    "signs": "core.signs",
    "style": "drawing.style",
    "vendor": "outputs.explorer.vendor",
    "whatif": "analysis.whatif",
    "words": "core.words",
}

_lazy_getattr, _, _names = lazy_loader.attach(
    __name__,
    submodules=[
        "core",
        "tables",
        "network",
        "balance",
        "analysis",
        "drawing",
        "outputs",
        "importers",
        "datasets",
    ],
    submod_attrs=_LAYERS,
)
__all__ = ["__version__", *_names]


def __getattr__(name: str) -> Any:  # Any: type checkers then accept graph.load(...)
    if name in _MOVED:
        warnings.warn(
            f"graph.{name} is now graph.{_MOVED[name]}; the old name goes in the next release",
            DeprecationWarning,
            stacklevel=2,
        )
        return importlib.import_module(f"{__name__}.{_MOVED[name]}")
    try:
        return _lazy_getattr(name)
    except AttributeError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None


def __dir__() -> list[str]:
    return list(__all__)
