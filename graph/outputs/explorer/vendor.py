"""The copy of vis-network that the explorer page inlines.

The explorer draws with vis-network, the library pyvis drives, and takes the
copy pyvis ships (``pyvis/templates/lib/vis-<version>/``) rather than a second
one in this repository. That folder is not part of pyvis's public API, so it
is found here and only here, its version is checked against the one the
explorer is written and tested for, and a missing or different copy is a clear
error instead of a broken page. pyvis itself is not imported (it imports
IPython): only its files are read.

vis-network is dual licensed under Apache 2.0 and MIT; its licence is the
comment heading the script, which is inlined with it, so every generated page
carries it.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["VIS_NETWORK_VERSION", "VendorError", "VisNetwork", "vis_network"]

#: The vis-network version the explorer's script is written and tested for.
VIS_NETWORK_VERSION = "9.1.2"

_HEADER = re.compile(r"\A\s*/\*\*.*?\*/", re.S)
_VERSION = re.compile(r"@version\s+(\S+)")
_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.M)


class VendorError(RuntimeError):
    """The vis-network copy is missing or not the expected version."""


@dataclass(frozen=True)
class VisNetwork:
    """vis-network's files, ready to inline in a page."""

    #: Its version, from the script's header.
    version: str
    #: The minified script, led by its licence comment, without its source-map comment.
    js: str
    #: The style sheet.
    css: str
    #: The licence comment heading the script.
    licence: str
    #: The folder the files were read from.
    folder: Path


@functools.cache
def vis_network(folder: str | Path | None = None) -> VisNetwork:
    """The vis-network script, style sheet and licence the explorer inlines.

    Parameters
    ----------
    folder : str or Path, optional
        A folder holding ``vis-network.min.js`` and ``vis-network.css``; by
        default the ``vis-9.1.2`` folder inside the installed pyvis package.

    Returns
    -------
    VisNetwork
        The files' text. The source-map comment is removed from the script,
        or browsers' developer tools would look for a file beside the page.

    Raises
    ------
    VendorError
        If pyvis is not installed, a file is missing, the script has no
        licence comment, or its version is not :data:`VIS_NETWORK_VERSION`.

    Examples
    --------
    >>> vis = vis_network()
    >>> vis.version
    '9.1.2'
    >>> "vis.js is dual licensed" in vis.licence, vis.js.startswith(vis.licence)
    (True, True)
    """
    where = _pyvis_folder() if folder is None else Path(folder)
    try:
        js = (where / "vis-network.min.js").read_text(encoding="utf-8")
        css = (where / "vis-network.css").read_text(encoding="utf-8")
    except OSError as error:
        raise VendorError(
            f"vis-network is missing: cannot read {error.filename} ({error.strerror}); "
            f"reinstall pyvis: pip install --force-reinstall 'pyvis>=0.3.2,<0.4'"
        ) from None
    header = _HEADER.match(js)
    if header is None or "@license" not in header.group():
        raise VendorError(f"{where / 'vis-network.min.js'} has no licence comment at its start")
    version = _VERSION.search(header.group())
    found = version.group(1) if version else "an unknown version"
    if found != VIS_NETWORK_VERSION:
        raise VendorError(
            f"{where / 'vis-network.min.js'} is vis-network {found}, but the explorer is "
            f"written for {VIS_NETWORK_VERSION}: install pyvis 0.3.2 (pip install 'pyvis==0.3.2')"
        )
    licence = header.group().strip()
    return VisNetwork(
        version=found,
        js=_SOURCE_MAP.sub("", js),
        css=css,
        licence=licence,
        folder=where,
    )


def _pyvis_folder() -> Path:
    """``pyvis/templates/lib/vis-9.1.2`` of the installed pyvis, found without importing it."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise VendorError(
            "pyvis is not installed, and the explorer takes vis-network from it: "
            "pip install 'pyvis>=0.3.2,<0.4'"
        )
    package = Path(next(iter(spec.submodule_search_locations)))
    return package / "templates" / "lib" / f"vis-{VIS_NETWORK_VERSION}"
