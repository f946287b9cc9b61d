"""The lowest layer: what every other layer may use.

Errors located at file, line and column (:mod:`~graph.core.errors`), partial
ISO dates (:mod:`~graph.core.dates`), tie signs (:mod:`~graph.core.signs`),
counts in words (:mod:`~graph.core.words`), atomic writes
(:mod:`~graph.core.files`), the bundled dataset's place
(:mod:`~graph.core.resources`) and the version.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submodules=["errors", "dates", "signs", "words", "files", "resources", "version"],
    submod_attrs={
        "errors": [
            "DataError",
            "FileFormatError",
            "Problem",
            "ValidationError",
            "visible",
            "visible_lines",
        ],
        "dates": ["DateFormatError", "as_period", "is_active", "parse_period"],
        "signs": [
            "check_signed_graph",
            "relation_strength",
            "relation_weight",
            "tie_sign",
            "tie_weight",
        ],
        "words": ["counted"],
        "files": ["OutputError", "atomic_folder", "atomic_write", "check_output"],
        "resources": ["data_dir"],
        "version": ["__version__"],
    },
)
