"""Setuptools hook: ship the top-level ``data/`` folder inside the package.

``data/`` stays the editable source of truth, where the owner put it; wheels
(and wheels built from the sdist, which grafts ``data/`` in ``MANIFEST.in``)
get a copy as ``graph/data/``, found at run time by :mod:`graph.resources`.
Package data cannot name files outside the package, hence this small command
rather than a ``package-data`` pattern. Editable installs copy nothing: they
read ``data/`` in place.
"""

from __future__ import annotations

from pathlib import Path

from setuptools.command.build_py import build_py

DATA = Path(__file__).resolve().parent / "data"


class BuildPyWithData(build_py):
    """``build_py`` that also copies ``data/`` to ``graph/data/`` in the build folder."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib) / "graph" / "data"
        for source in sorted(DATA.rglob("*")):
            relative = source.relative_to(DATA)
            if source.is_file() and not any(part.startswith(".") for part in relative.parts):
                self.mkpath(str((target / relative).parent))
                self.copy_file(str(source), str(target / relative))
