"""Files into checked tables: a dataset's CSV files read and validated into pandas."""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submodules=["read"],
    submod_attrs={
        "read": [
            "read_actors",
            "read_datapackage",
            "read_relation_types",
            "read_relations",
            "read_story",
            "story_path",
        ],
    },
)
