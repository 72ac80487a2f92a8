"""Reading the files botkit is given, with limits: the one place import, export and lint read.

Input is hostile as often as not, so reading is careful about what it opens:
only regular files are read (a FIFO would block forever, ``/dev/zero`` never
ends, a socket cannot be read), the size is capped, and every failure is one
clear ``FileReadError`` naming the problem, never a traceback.  The text comes
back exactly as it is on disk (line endings untouched) minus a UTF-8 byte order
mark, and ``TextFile.encode`` turns edited text back into bytes with the BOM
restored, so a fix writes a file back the way it was written.
"""

from __future__ import annotations

import errno
import functools
import os
import stat
import sys
from collections.abc import Iterator
from typing import BinaryIO

from botkit.errors import InputError
from botkit.named_tuples import NamedTuple

#: The largest input botkit reads (bytes); bigger input is refused with a clear message.
MAX_BYTES = 16 * 1024 * 1024

UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class FileReadError(InputError):
    """The input cannot be read as text; ``kind`` says why, for callers that word it."""

    def __init__(
        self,
        kind: str,
        message: str,
        *,
        source: str = "",
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.kind = kind
        super().__init__(message, source=source, line=line, column=column)


class TextFile(NamedTuple):
    """Decoded text and what it takes to write it back byte for byte."""

    text: str
    #: The file started with a UTF-8 byte order mark (not part of ``text``).
    bom: bool = False

    @property
    def newline(self) -> str:
        """The line ending the text uses: ``"\\r\\n"`` when every line ends so, else ``"\\n"``."""
        crlf = self.text.count("\r\n")
        return "\r\n" if crlf and crlf == self.text.count("\n") else "\n"

    def encode(self, text: str) -> bytes:
        """``text`` (this file's text, edited) as the bytes to write back."""
        data = text.encode("utf-8")
        return UTF8_BOM + data if self.bom else data


def read_text(path: str | os.PathLike[str], *, limit: int = MAX_BYTES) -> TextFile:
    """The text of the regular file at ``path``, at most ``limit`` bytes, strict UTF-8.

    Special files are refused before they are opened; they are checked again on the
    open descriptor (opened non-blocking) in case the path changed in between.
    """
    return decode(read_bytes(path, limit=limit), source=os.fspath(path))


def read_bytes(path: str | os.PathLike[str], *, limit: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file at ``path`` (at most ``limit``), with the checks
    of ``read_text``: what a curl command's ``@file`` reads goes through here too."""
    source = os.fspath(path)
    try:
        info = os.stat(source)
        _check_kind(info, source, limit)
        fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _O_BINARY)
    except OSError as exc:
        raise _os_error(exc, source) from None
    try:
        info = os.fstat(fd)
        _check_kind(info, source, limit)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = _read_limited(handle, source, limit, expected=info.st_size)
    except OSError as exc:
        raise _os_error(exc, source) from None
    finally:
        os.close(fd)
    return data


def ancestors(folder: str | os.PathLike[str]) -> Iterator[str]:
    """``folder`` (made absolute) and every folder above it, nearest first: where settings,
    catalogs and ignore files are looked for."""
    probe = os.path.abspath(folder)
    while True:
        yield probe
        parent = os.path.dirname(probe)
        if parent == probe:
            return
        probe = parent


def repository_root(start: str | os.PathLike[str]) -> str:
    """The folder a file under lint may name files in: the git repository holding
    ``start`` (a folder), else the current folder when ``start`` is inside it, else
    ``start`` itself.  Real paths, symbolic links resolved."""
    here = os.path.realpath(start)
    probe = here
    while True:
        if os.path.exists(os.path.join(probe, ".git")):
            return probe
        parent = os.path.dirname(probe)
        if parent == probe:
            break
        probe = parent
    cwd = os.path.realpath(os.getcwd())
    return cwd if is_inside(here, cwd) else here


def leaves_repository(path: str | os.PathLike[str]) -> bool:
    """Does ``path`` sit in a repository (the git work tree its folder, as written, is in;
    else the current folder) and lead out of it through a symbolic link?

    The repository is found from the path as written, not from where links lead: a
    link ``snippets/x.curl -> /etc/passwd`` or a folder link ``creds -> ~/.aws`` is in
    the repository and leaves it.  A path outside any repository and outside the current
    folder (a file the user named) leaves nothing.  One lstat a file; the rest is
    cached by folder."""
    folder, name = os.path.split(os.path.abspath(path))
    root = _repository_of(folder, os.getcwd())
    if root is None:
        return False
    real = os.path.realpath(path) if os.path.islink(path) else os.path.join(_real(folder), name)
    return not (real == root or real.startswith(root.rstrip(os.sep) + os.sep))


@functools.cache
def _repository_of(folder: str, cwd: str) -> str | None:
    """The real path of the repository holding ``folder`` as written (see leaves_repository)."""
    probe = folder
    while not os.path.exists(os.path.join(probe, ".git")):
        parent = os.path.dirname(probe)
        if parent == probe:
            inside = folder == cwd or folder.startswith(cwd.rstrip(os.sep) + os.sep)
            return _real(cwd) if inside else None
        probe = parent
    return _real(probe)


@functools.cache
def _real(folder: str) -> str:
    return os.path.realpath(folder)


def is_inside(path: str | os.PathLike[str], root: str | os.PathLike[str]) -> bool:
    """Is ``path`` (symbolic links resolved) ``root`` or under it?"""
    real, top = os.path.realpath(path), os.path.realpath(root)
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


def read_stdin(stream: BinaryIO | None = None, *, limit: int = MAX_BYTES) -> TextFile:
    """Standard input as text, with the same limit and decoding as a file."""
    handle = stream if stream is not None else sys.stdin.buffer
    try:
        data = _read_limited(handle, "<stdin>", limit)
    except OSError as exc:
        raise _os_error(exc, "<stdin>") from None
    return decode(data, source="<stdin>")


def decode(data: bytes, *, source: str = "") -> TextFile:
    """Strict UTF-8 with an optional BOM; binary data and other encodings named clearly."""
    if data.startswith(_UTF16_BOMS):
        raise FileReadError(
            "binary",
            "binary file (it starts with a UTF-16 byte order mark); save it as UTF-8",
            source=source,
            line=1,
            column=1,
        )
    if b"\0" in data:
        raise FileReadError(
            "binary",
            "binary file (it contains NUL bytes); expected UTF-8 text",
            source=source,
            line=1,
            column=1,
        )
    bom = data.startswith(UTF8_BOM)
    body = data[3:] if bom else data
    try:
        return TextFile(body.decode("utf-8"), bom)
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if bom else 0)
        line = body.count(b"\n", 0, exc.start) + 1
        line_start = body.rfind(b"\n", 0, exc.start) + 1
        column = len(body[line_start : exc.start].decode("utf-8", "replace")) + 1
        raise FileReadError(
            "encoding",
            f"not UTF-8 text (byte 0x{data[offset]:02x} at offset {offset})",
            source=source,
            line=line,
            column=column,
        ) from None


_O_BINARY = getattr(os, "O_BINARY", 0)


def _check_kind(info: os.stat_result, source: str, limit: int) -> None:
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise FileReadError("directory", "is a directory, not a file", source=source)
    if not stat.S_ISREG(mode):
        raise FileReadError(
            "special", f"not a regular file ({_kind_name(mode)}); not read", source=source
        )
    if info.st_size > limit:
        raise _too_large(source, limit)


def _kind_name(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _read_limited(
    handle: BinaryIO, source: str, limit: int, *, expected: int | None = None
) -> bytes:
    """At most ``limit`` bytes (more: an error).  ``expected``, the size the file had when
    it was checked, sizes the first read: asking for ``limit`` bytes of a 10 kB file makes
    Python allocate (and give back) 16 MiB, half a millisecond per file linted."""
    first = limit + 1 if expected is None else min(expected, limit) + 1
    data = handle.read(first) or b""  # None from a non-blocking stream with nothing yet
    if expected is not None and len(data) == first <= limit:  # it grew since: read on
        data += handle.read(limit + 1 - len(data)) or b""
    if len(data) > limit:
        raise _too_large(source, limit)
    return data


def _too_large(source: str, limit: int) -> FileReadError:
    return FileReadError(
        "too-large", f"larger than {_size(limit)}, the most botkit reads", source=source
    )


def _size(n: int) -> str:
    mib = 1024 * 1024
    return f"{n // mib} MiB" if n >= mib and n % mib == 0 else f"{n:,} bytes"


#: Why a file cannot be read, by errno: a kind for callers, and words where the system's
#: own (``strerror``) would puzzle a user.
_REASONS = {
    errno.ENOENT: ("missing", None),
    errno.ENOTDIR: ("missing", None),
    errno.EACCES: ("denied", None),
    errno.EPERM: ("denied", None),
    errno.ELOOP: ("loop", "a symbolic link loop: the link leads back to itself"),
    errno.EISDIR: ("directory", "it is a directory"),
}


def _os_error(exc: OSError, source: str) -> FileReadError:
    kind, words = _REASONS.get(exc.errno or 0, ("unreadable", None))
    message = words or exc.strerror or str(exc)
    return FileReadError(kind, f"cannot read the file ({message})", source=source)
