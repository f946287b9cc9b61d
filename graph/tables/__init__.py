"""Files into checked tables: a dataset's CSV files read and validated into pandas.

:mod:`~graph.tables.columns` names the files and columns,
:mod:`~graph.tables.source` reads bytes and UTF-8 text safely,
:mod:`~graph.tables.csvtext` tokenizes CSV, :mod:`~graph.tables.hints`
suggests what a misspelt name meant, :mod:`~graph.tables.checks` checks
each file, :mod:`~graph.tables.datapackage` reads the descriptor and
:mod:`~graph.tables.read` gives the public readers.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submodules=["columns", "source", "csvtext", "hints", "checks", "datapackage", "read"],
    submod_attrs={
        "read": [
            "read_actors",
            "read_datapackage",
            "read_relation_types",
            "read_relations",
            "read_story",
            "story_path",
        ],
        "columns": ["DATASET_FILES", "DATA_DIR", "TABLE_FILES"],
    },
)
