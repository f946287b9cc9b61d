"""Tables into the graph: :func:`load`, :func:`validate`, :func:`snapshot`, :func:`between`,
:func:`signed_graph`."""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submodules=["build"],
    submod_attrs={
        "build": [
            "active_between",
            "actors",
            "between",
            "distinct_relations",
            "from_tables",
            "load",
            "period_range",
            "relations",
            "signed_graph",
            "snapshot",
            "span_days",
            "validate",
        ],
    },
)
