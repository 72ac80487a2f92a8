"""Writing a result to a file atomically: the whole new text, or the old file untouched.

Every command's ``-o FILE`` (``atomic_file``) and ``botkit lint --fix``
(``replace_bytes``, which keeps a file's own encoding and line ends) go through one writer:
the text goes to a temporary file beside the target (same folder, so the same
file system), is flushed to disk, given the target's permissions (or those a
new file would get), and renamed over the target with ``os.replace``.  If
anything fails on the way, or the caller's block raises, the temporary file is
removed, so a reader never sees a half-written file and an error leaves none.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterator
from typing import IO, Any, TextIO, cast

from botkit.errors import BotkitError

STDOUT = "-"


class OutputError(BotkitError):
    """The result could not be written to the file asked for (exit status 2)."""


@contextlib.contextmanager
def atomic_file(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    """A UTF-8 text stream (``\\n`` line ends) that becomes ``path`` only if the block completes.

    Raises ``OSError`` when the file cannot be written; the target is then left
    as it was.  A target that exists but is not a regular file (``/dev/null``, a
    pipe) cannot be replaced by a rename, so it is written directly.
    """
    with _replacing(path, binary=False) as stream:
        yield cast(TextIO, stream)


def replace_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Make ``data`` the content of ``path``, atomically, as ``atomic_file`` does for text."""
    with _replacing(path, binary=True) as stream:
        stream.write(data)


@contextlib.contextmanager
def _replacing(path: str | os.PathLike[str], *, binary: bool) -> Iterator[IO[Any]]:
    target = os.fspath(path)
    # A file name that is not UTF-8 reaches the text as escaped bytes (\udcff): written
    # as that escape, as standard output shows it, never a UnicodeEncodeError.
    text_mode: dict[str, Any] = (
        {} if binary else {"encoding": "utf-8", "newline": "\n", "errors": "backslashreplace"}
    )
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        with open(target, "wb" if binary else "w", **text_mode) as stream:
            yield stream
        return
    import tempfile  # only a command writing a file pays for it (about 4 ms)

    mode = stat.S_IMODE(info.st_mode) if info is not None else _new_file_mode()
    temporary: str | None = None
    try:
        with tempfile.NamedTemporaryFile(
            "wb" if binary else "w",
            dir=os.path.dirname(target) or ".",
            prefix=f".{os.path.basename(target)}.",
            suffix=".tmp",
            delete=False,
            **text_mode,
        ) as handle:
            temporary = handle.name
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
        temporary = None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


@contextlib.contextmanager
def output_stream(path: str | os.PathLike[str] | None) -> Iterator[TextIO]:
    """Where a command prints its result: standard output, or ``path`` (``-o FILE``) atomically.

    A file that cannot be written is an ``OutputError`` naming it, never a traceback.
    """
    if path is None or str(path) == STDOUT:
        if hasattr(sys.stdout, "reconfigure"):
            # a terminal or pipe that is not UTF-8 still gets every character, escaped
            sys.stdout.reconfigure(errors="backslashreplace")
        yield sys.stdout
        sys.stdout.flush()
        return
    raised_by_caller = False
    try:
        with atomic_file(path) as stream:
            try:
                yield stream
            except BaseException:
                raised_by_caller = True  # the file is dropped; the error is the caller's
                raise
    except OSError as exc:
        if raised_by_caller:
            raise
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None


def _new_file_mode() -> int:
    """The permissions ``open()`` would give a new file: 0o666 less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
