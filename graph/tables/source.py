"""Safe input: the bytes and the UTF-8 text of a data file.

Before a file is opened it must be a regular file (not a directory, a named pipe
or a device, which would block or never end) of at most :data:`MAX_FILE_BYTES`;
a file in another encoding is named as such, with how to save it as UTF-8.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from graph.core.errors import FileFormatError, Problem

__all__ = ["MAX_FILE_BYTES", "file_problem", "read_bytes", "read_text"]

#: The largest file the readers open, in bytes (512 MiB: several million relations).
MAX_FILE_BYTES = 512 * 2**20

_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}
_SAVE_AS_UTF8 = "save it as UTF-8 (spreadsheets: Save As, CSV UTF-8)"


def file_problem(
    path: str, message: str, line: int = 1, column: int | None = None
) -> FileFormatError:
    """A file that cannot be read at all, with one problem at ``line`` (and ``column``)."""
    return FileFormatError([Problem(path, line, column, "", message)])


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a data file, refusing anything but a regular file of a sane size.

    The file is checked with :func:`os.stat` before it is opened and opened
    without blocking, so a named pipe where a CSV should be is reported, not
    waited on forever.

    Raises
    ------
    FileFormatError
        If the path is missing, unreadable, not a regular file (a directory, a
        named pipe, a device, a socket) or larger than :data:`MAX_FILE_BYTES`.
    """
    shown = str(path)
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise file_problem(shown, f"not a regular file but {_file_kind(info.st_mode)}")
        if info.st_size > MAX_FILE_BYTES:
            raise file_problem(
                shown,
                f"file too large: {info.st_size / 2**20:,.0f} MiB, the limit is "
                f"{MAX_FILE_BYTES // 2**20} MiB; split the data or keep the columns you need",
            )
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):  # swapped since the stat
                raise file_problem(shown, "not a regular file")
            return file.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise file_problem(shown, f"cannot read file: {error.strerror}") from None


def _file_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    """Line (counting CR, LF and CRLF line ends, as editors do) and character column of a byte."""
    breaks = list(_LINE_BREAK.finditer(raw, 0, offset))
    start = breaks[-1].end() if breaks else 0
    characters = raw[start:offset].decode("utf-8", errors="replace")
    return len(breaks) + 1, len(characters) + 1


def read_text(path: str | Path) -> str:
    """The text of a UTF-8 data file (byte-order marks, even repeated, are dropped).

    Raises
    ------
    FileFormatError
        As :func:`read_bytes`, and when the file is UTF-16 or UTF-32 (with or
        without a byte-order mark), holds NUL bytes or is not UTF-8: one
        problem naming the line and character where an editor shows it.
    """
    shown = str(path)
    raw = read_bytes(path)
    for bom, encoding in _BOMS.items():
        if raw.startswith(bom):
            raise file_problem(shown, f"file is {encoding} (not UTF-8): {_SAVE_AS_UTF8}")
    if b"\x00" in raw:
        sample = raw[:4096]
        zeros = (sample[0::2].count(0), sample[1::2].count(0))
        if max(zeros) > len(sample) // 4:  # every other byte zero: ASCII text in UTF-16
            encoding = "UTF-16" if min(zeros) == 0 else "UTF-32"
            raise file_problem(
                shown, f"file is {encoding} without a byte-order mark (not UTF-8): {_SAVE_AS_UTF8}"
            )
        line, column = _position(raw, raw.index(b"\x00"))
        raise file_problem(
            shown, f"NUL byte at character {column}: this is not a text file; {_SAVE_AS_UTF8}", line
        )
    while raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(raw, error.start)
        byte = raw[error.start]
        guess = raw[error.start : error.start + 1].decode("cp1252", errors="replace")
        looks = f" ('{guess}' in Windows-1252)" if guess.isprintable() and guess != "\ufffd" else ""
        message = f"file is not UTF-8: byte 0x{byte:02x}{looks} at character {column}"
        raise file_problem(shown, f"{message}; {_SAVE_AS_UTF8}", line) from None
