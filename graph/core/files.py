"""Writing output files and folders safely.

Every file the package writes goes through :func:`atomic_write`, and the CSV
export's folder through :func:`atomic_folder`. Both follow the same rules:

- **Whole or nothing.** The content goes to a temporary file (or folder)
  beside the target, named ``.<target name>.<process id>.<random>.tmp``, and
  is renamed over the target only once complete and flushed to disk. If
  anything fails -- a bug, a full disk, a read-only folder -- the temporary
  is removed and the target is left as it was.
- **No litter.** A temporary left by a process that was killed (its process
  id no longer runs) is removed by the next write of the same target.
- **Missing folders are created**, and removed again if the write fails.
- **No surprises.** A file that replaces another keeps its permissions; a
  symbolic link is written through, not replaced. A target that is a folder
  where a file is expected (or the reverse), a device, a FIFO or a socket is
  refused with :class:`OutputError` before anything is written, and so is a
  target that is one of the command's input files (:func:`check_output`).

Problems are raised as :class:`OutputError`, an :class:`OSError` whose
message is one line for a person: ``no space left on device writing
disk/out.html``.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import secrets
import shutil
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

__all__ = ["OutputError", "atomic_folder", "atomic_write", "check_output"]


class OutputError(OSError):
    """An output that cannot be written, with a one-line message for a person.

    ``reason`` holds the system's reason (``"no space left on device"``)
    when writing failed, and is None when the output was refused.

    Examples
    --------
    >>> error = OutputError(errno.ENOSPC, "no space left on device writing out.html")
    >>> str(error), error.errno == errno.ENOSPC
    ('no space left on device writing out.html', True)
    """

    reason: str | None = None

    def __str__(self) -> str:
        return str(self.strerror)


def _temporary_name(target: Path, suffix: str = "tmp") -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.{suffix}")


def _pid_runs(pid: int) -> bool:
    """Whether a process with this id runs (on this machine, as far as we can see)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # someone else's process, or not a pid we can ask about: keep its files
    return True


def remove_stale_temporaries(target: str | Path) -> list[Path]:
    """Remove the temporaries that killed processes left beside ``target``.

    Only names made by this module for this target
    (``.<name>.<pid>.<8 hex digits>.tmp`` or ``.old``) whose process no
    longer runs are removed; anything else in the folder is left alone. An
    ``.old`` folder is the previous output set aside by a swap that was
    interrupted: it is put back if the target is missing.

    Returns
    -------
    list of Path
        What was removed.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / ".out.html.999999999.0123abcd.tmp").write_text("half")
    >>> _ = (folder / ".out.html.notes").write_text("kept")
    >>> [path.name for path in remove_stale_temporaries(folder / "out.html")]
    ['.out.html.999999999.0123abcd.tmp']
    >>> sorted(path.name for path in folder.iterdir())
    ['.out.html.notes']
    """
    target = Path(target)
    pattern = re.compile(rf"\.{re.escape(target.name)}\.(\d+)\.[0-9a-f]{{8}}\.(?:tmp|old)")
    removed = []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed  # the folder does not exist (yet) or cannot be listed
    for entry in sorted(entries, key=lambda entry: entry.name):
        found = pattern.fullmatch(entry.name)
        if found is None or _pid_runs(int(found[1])):
            continue
        with contextlib.suppress(OSError):  # another process may be cleaning too
            if entry.name.endswith(".old") and not os.path.lexists(target):
                os.rename(entry.path, target)
            elif entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
            removed.append(Path(entry.path))
    return removed


def _what_is(mode: int) -> str | None:
    """What a non-regular, non-folder file is, in words."""
    for test, words in (
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return words
    return None


def check_output(
    path: str | Path, *, folder: bool = False, inputs: Iterable[str | Path] = ()
) -> None:
    """Refuse an output path that cannot or must not be written.

    Parameters
    ----------
    path : str or Path
        The file (or, with ``folder=True``, the folder) to write. It need not
        exist, nor its folder: missing folders are created when writing.
    folder : bool
        Whether the output is a folder (the CSV export) rather than a file.
    inputs : iterable of str or Path
        Files and folders the command reads; writing over one of them (or a
        hard or symbolic link to it) is refused.

    Raises
    ------
    OutputError
        If ``path`` is one of ``inputs``; if it is a folder where a file is
        expected or a file where a folder is expected; if it is a device, a
        FIFO or a socket; if one of its parent folders is a file; if the
        output folder exists, is not empty and holds no dataset
        (``actors.csv`` or ``relations.csv``), since it would be replaced.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> check_output(folder / "new" / "out.html")
    >>> check_output(folder)
    Traceback (most recent call last):
    ...
    graph.core.files.OutputError: cannot write ...: it is a folder; give a file name
    >>> check_output("/dev/null")
    Traceback (most recent call last):
    ...
    graph.core.files.OutputError: cannot write /dev/null: it is a device, not a regular file
    """
    target = Path(path)
    for given in inputs:
        try:
            same = os.path.samefile(target, given)
        except OSError:
            same = False  # one of them does not exist
        if same:
            raise OutputError(
                errno.EEXIST, f"cannot write {target}: it is an input of this command"
            )
    try:
        status = target.stat()
    except FileNotFoundError:
        status = None
    except NotADirectoryError:
        status = None  # a parent is a file: found below
    except OSError as error:
        raise _output_error(error, target) from None
    if status is None:
        ancestor = target.parent
        while not ancestor.exists() and ancestor != ancestor.parent:
            ancestor = ancestor.parent
        if ancestor.exists() and not ancestor.is_dir():
            raise OutputError(
                errno.ENOTDIR, f"cannot write {target}: {ancestor} is a file, not a folder"
            )
        return
    other = _what_is(status.st_mode)
    if other is not None:
        kind = "folder" if folder else "regular file"
        raise OutputError(errno.EINVAL, f"cannot write {target}: it is {other}, not a {kind}")
    if folder and not stat.S_ISDIR(status.st_mode):
        raise OutputError(errno.ENOTDIR, f"cannot write {target}: it is a file, not a folder")
    if not folder and stat.S_ISDIR(status.st_mode):
        raise OutputError(errno.EISDIR, f"cannot write {target}: it is a folder; give a file name")
    if folder:
        names = set(os.listdir(target))
        if names and not names & {"actors.csv", "relations.csv"}:
            raise OutputError(
                errno.ENOTEMPTY,
                f"cannot write {target}: the folder is not empty and holds no dataset "
                "(it would be replaced); give a new or empty folder",
            )


def _output_error(error: OSError, target: Path) -> OutputError:
    """``error`` as one line naming ``target``: 'no space left on device writing out.html'."""
    reason = getattr(error, "reason", None)
    if isinstance(error, OutputError) and reason is None:
        return error  # a refusal, which names its target already
    if reason is None:
        reason = error.strerror or str(error)
        reason = f"{reason[:1].lower()}{reason[1:]}"
    converted = OutputError(error.errno, f"{reason} writing {target}")
    converted.reason = reason
    return converted


def _make_parents(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; return those created, deepest first."""
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for created in reversed(missing):
        with contextlib.suppress(FileExistsError):  # made meanwhile by another process
            created.mkdir()
    return missing


def _remove_empty(folders: list[Path]) -> None:
    for folder in folders:
        with contextlib.suppress(OSError):
            folder.rmdir()


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (where the system allows opening folders)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _umask() -> int:
    """The process's umask, read where the system shows it without changing it."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)  # elsewhere: read by setting it, and set it back at once
    os.umask(mask)
    return mask


def _resolve_link(path: Path) -> Path:
    """The file a symbolic link points to, so it is written through, not replaced."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


@contextlib.contextmanager
def atomic_write(path: str | Path, mode: str = "w") -> Iterator[IO]:
    """Open a temporary file that replaces ``path`` when the block succeeds.

    See this module's documentation for the rules: missing folders are
    created, the mode of a replaced file is kept, stale temporaries of
    killed processes are removed.

    Parameters
    ----------
    path : str or Path
        The file to write.
    mode : {"w", "wb"}
        Text (UTF-8, ``\\n`` line ends) or binary.

    Yields
    ------
    file object
        Write the content to it. If the block raises, the temporary file is
        removed and ``path`` is left as it was.

    Raises
    ------
    OutputError
        If ``path`` cannot be a file (:func:`check_output`), or writing fails
        (a full disk, a read-only folder, no permission): the message names
        ``path`` and the reason.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "new" / "out.txt"
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
    >>> target.read_text(), [path.name for path in target.parent.iterdir()]
    ('complete', ['out.txt'])
    """
    given = Path(path)
    check_output(given)
    target = _resolve_link(given)
    text = "b" not in mode
    created: list[Path] = []
    temporary: Path | None = None
    try:
        try:
            created = _make_parents(target.parent)
            remove_stale_temporaries(target)
            # A replaced file's mode from the start, so its content is never
            # more readable than it was; else 0o666 as open() uses, less the umask.
            try:
                kept: int | None = stat.S_IMODE(target.stat().st_mode)
            except FileNotFoundError:
                kept = None
            name = _temporary_name(target)
            descriptor = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, kept or 0o600)
            temporary = name
            out = os.fdopen(
                descriptor, mode, **({"encoding": "utf-8", "newline": "\n"} if text else {})
            )
            try:
                os.chmod(name, 0o666 & ~_umask() if kept is None else kept)
            except OSError:
                out.close()
                raise
        except OSError as error:
            raise _output_error(error, given) from None
        try:
            with out:  # closing flushes: a full disk may show only then
                yield out
                out.flush()
                os.fsync(out.fileno())
        except OSError as error:
            if error.filename is not None:
                raise  # about another file than ours
            raise _output_error(error, given) from None
        try:
            os.replace(temporary, target)
        except OSError as error:
            raise _output_error(error, given) from None
        _sync_folder(target.parent)
    except BaseException:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        _remove_empty(created)
        raise


#: renameat2's flag that swaps two paths in one step (Linux 3.15 and later).
_RENAME_EXCHANGE = 2


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically where the system can; whether it did."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError, TypeError):  # not Linux: no renameat2, or no libc
        return False
    at_cwd = -100
    done = renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), _RENAME_EXCHANGE)
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False  # this system or filesystem cannot: rename in two steps
    raise OSError(code, os.strerror(code))


def _link_or_copy(source: str, destination: str) -> None:
    """Hard-link a file kept from the old folder; copy it where links are not allowed."""
    try:
        os.link(source, destination)
    except OSError:
        shutil.copy2(source, destination)


@contextlib.contextmanager
def atomic_folder(path: str | Path, *, replaced: Iterable[str] = ()) -> Iterator[Path]:
    """A temporary folder that replaces the folder ``path`` whole when the block succeeds.

    Readers see the old folder or the new one, never a mix: the two are
    swapped in one step where Linux allows it (``renameat2`` with
    ``RENAME_EXCHANGE``) and by two renames elsewhere.

    Parameters
    ----------
    path : str or Path
        The folder to write; it need not exist. An existing folder must be
        empty or hold a dataset (see :func:`check_output`).
    replaced : iterable of str
        Names of the files the block writes. Every other file or folder in
        the old folder (a ``datapackage.json``, a ``story.csv``, notes) is
        kept: hard-linked (or copied) into the new one.

    Yields
    ------
    Path
        The temporary folder to write into.

    Raises
    ------
    OutputError
        As :func:`atomic_write`; the old folder is then left as it was.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "export"
    >>> with atomic_folder(target) as folder:
    ...     _ = (folder / "actors.csv").write_text("id\\n")
    >>> with atomic_folder(target, replaced=["actors.csv"]) as folder:
    ...     _ = (folder / "relations.csv").write_text("source,target\\n")
    ...     raise RuntimeError("failed midway")
    Traceback (most recent call last):
    ...
    RuntimeError: failed midway
    >>> sorted(path.name for path in target.iterdir())
    ['actors.csv']
    """
    given = Path(path)
    check_output(given, folder=True)
    target = _resolve_link(given)
    replaced = set(replaced)
    created: list[Path] = []
    temporary: Path | None = None
    try:
        try:
            created = _make_parents(target.parent)
            remove_stale_temporaries(target)
            name = _temporary_name(target)
            name.mkdir()
            temporary = name
            if target.is_dir():
                os.chmod(temporary, stat.S_IMODE(target.stat().st_mode))
                for entry in sorted(os.scandir(target), key=lambda entry: entry.name):
                    if entry.name in replaced:
                        continue
                    kept = temporary / entry.name
                    if entry.is_dir(follow_symlinks=False):
                        shutil.copytree(
                            entry.path, kept, symlinks=True, copy_function=_link_or_copy
                        )
                    else:
                        _link_or_copy(entry.path, str(kept))
        except OSError as error:
            raise _output_error(error, given) from None
        try:
            yield temporary
        except OSError as error:
            if error.filename is not None:
                raise  # about another file than ours
            raise _output_error(error, given) from None
        try:
            if target.is_dir() and _exchange(temporary, target):
                pass  # the old folder is now at the temporary name, removed below
            elif target.is_dir():
                old = _temporary_name(target, "old")
                os.rename(target, old)
                try:
                    os.rename(temporary, target)
                except OSError:
                    os.rename(old, target)
                    raise
                os.rename(old, temporary)
            else:
                os.rename(temporary, target)
                temporary = None
        except OSError as error:
            raise _output_error(error, given) from None
        _sync_folder(target.parent)
    finally:
        # The new folder after a failure, or the old one after the swap.
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)
        if not target.exists():
            _remove_empty(created)
