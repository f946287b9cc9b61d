"""alliance-graph: actors, their support and opposition, as graphs and tables.

Read a dataset with :func:`load` (the Battle of Aleppo by default), look at
the relations active at a date with :func:`snapshot` and at who sides with
whom with :func:`signed_graph`. Structural balance lives in
:mod:`graph.balance` and classic signed networks in :mod:`graph.datasets`.

>>> import graph
>>> G = graph.load()
>>> G.nodes["jabhat_fateh_al_sham"]["aliases"]
['JFS', 'Jabhat Fatah al-Sham', 'Levant Conquest Front']
"""

from . import balance, datasets
from .build import from_tables, load, signed_graph, snapshot
from .errors import DataError, FileFormatError, Problem, ValidationError
from .export import export_as, write_csv, write_gexf, write_graphml, write_json
from .figure import draw
from .importers import import_events, read_edgelist
from .metrics import centrality, date_range, pn_centrality, relation_counts, summary
from .notebook import show
from .predict import balance_predictions
from .quiz import glossary, quiz_payload, quiz_questions, write_quiz
from .read import read_actors, read_relation_types, read_relations, read_story
from .render import write_html
from .timeline import diff, timeline
from .whatif import compare, without

__version__ = "0.1.0"

__all__ = [
    "DataError",
    "FileFormatError",
    "Problem",
    "ValidationError",
    "__version__",
    "balance",
    "balance_predictions",
    "centrality",
    "compare",
    "datasets",
    "date_range",
    "diff",
    "draw",
    "export_as",
    "from_tables",
    "glossary",
    "import_events",
    "load",
    "pn_centrality",
    "quiz_payload",
    "quiz_questions",
    "read_actors",
    "read_edgelist",
    "read_relation_types",
    "read_relations",
    "read_story",
    "relation_counts",
    "show",
    "signed_graph",
    "snapshot",
    "summary",
    "timeline",
    "without",
    "write_csv",
    "write_gexf",
    "write_graphml",
    "write_html",
    "write_json",
    "write_quiz",
]
