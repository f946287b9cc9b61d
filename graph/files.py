"""Writing output files safely.

Every file the package writes goes through :func:`atomic_write`: the content
is written to a temporary file in the same folder and renamed over the target
only once complete, so a failure never leaves a half-written file in place of
a good one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

__all__ = ["atomic_write"]


@contextlib.contextmanager
def atomic_write(path: str | Path, mode: str = "w") -> Iterator[IO]:
    """Open a temporary file that replaces ``path`` when the block succeeds.

    Parameters
    ----------
    path : str or Path
        The file to write. Its folder must exist.
    mode : {"w", "wb"}
        Text (UTF-8, ``\\n`` line ends) or binary.

    Yields
    ------
    file object
        Write the content to it. If the block raises, the temporary file is
        removed and ``path`` is left as it was.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_write(target) as out:
    ...     _ = out.write("complete")
    >>> target.read_text()
    'complete'
    >>> try:
    ...     with atomic_write(target) as out:
    ...         _ = out.write("half")
    ...         raise RuntimeError("failed midway")
    ... except RuntimeError:
    ...     pass
    >>> target.read_text()
    'complete'
    """
    target = Path(path)
    descriptor, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        text = "b" not in mode
        with os.fdopen(
            descriptor, mode, **({"encoding": "utf-8", "newline": "\n"} if text else {})
        ) as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
