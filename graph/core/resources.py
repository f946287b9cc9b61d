"""Where the bundled Battle of Aleppo dataset lives, installed or in a checkout.

The dataset's editable source of truth is the repository's top-level
``data/`` folder (``actors.csv``, ``relations.csv``, ``relation_types.csv``,
``story.csv``, ``datapackage.json``, ``sources/``). Building a wheel or an
sdist copies that folder into the package as ``graph/data/`` (see
``build_hooks.py`` at the repository root), so an installed package reads its
own copy; an editable install or a checkout on ``sys.path`` has no copy and
reads ``data/`` beside the package directly, so edits show at once.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["data_dir"]

#: A file every bundled dataset folder holds, used to recognise one.
_MARKER = "actors.csv"


def data_dir() -> Path:
    """The folder of the bundled dataset.

    Wheels are installed unpacked, so the package is a real folder that the
    readers open with :class:`pathlib.Path` (a zipped package is not supported).

    Returns
    -------
    pathlib.Path
        ``graph/data`` inside an installed package, else the checkout's
        top-level ``data/``. In a broken install neither exists and the
        package's own place is returned, so that readers name it in their
        "cannot read file" error.

    Examples
    --------
    >>> sorted(path.name for path in data_dir().glob("*.csv"))
    ['actors.csv', 'relation_types.csv', 'relations.csv', 'story.csv']
    """
    package = Path(str(resources.files("graph")))
    packaged, checkout = package / "data", package.parent / "data"
    return checkout if not _holds_data(packaged) and _holds_data(checkout) else packaged


def _holds_data(folder: Path) -> bool:
    return (folder / _MARKER).is_file()
