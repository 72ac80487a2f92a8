"""What ``@file`` and ``@-`` in an option value read: a file beside the command, or the
command's standard input (a here-document, a here-string, ``< file``), once, as curl does."""

from __future__ import annotations

import os

from botkit.curl.report import Report
from botkit.curl.result import OutsideFile
from botkit.curl.spans import Source
from botkit.curl.words import Stdin, Word


class Inputs:
    def __init__(
        self,
        report: Report,
        base_dir: str | os.PathLike[str] | None,
        stdin: Stdin | None,
        root: str | None = None,
        given: dict[str, str] | None = None,
    ) -> None:
        """``root``: only files under this folder are read (lint: the repository); any
        other is not opened, its content is empty, and it is listed in ``outside``.
        ``given``: files the command's text itself provides (``@<(printf ...)``)."""
        self.given = given or {}
        self.report = report
        self.base_dir = os.fspath(base_dir) if base_dir is not None else os.getcwd()
        self.stdin = stdin
        self.root = root
        self.outside: list[OutsideFile] = []
        self._stdin_used = False

    def read(self, name: str, word: Word, *, strip_newlines: bool) -> str:
        """A file (or ``-``, standard input) as text; ``-d @file`` drops CR and LF like curl."""
        data = self._stdin(word) if name == "-" else self._file(name, word)
        if b"\x00" in data:
            raise self.report.error(
                "the data holds NUL bytes (binary data); a component body holds text", word
            )
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise self.report.error(
                "the data is not UTF-8 text; a component body holds text", word
            ) from None
        if strip_newlines:
            text = text.replace("\r", "").replace("\n", "")
        return text

    def stdin_source(self, text: str) -> Source | None:
        """Where the text ``@-`` read is written: a here-document or -string, when it
        gave ``text`` as it is (``-d`` drops its line breaks, and then it is not)."""
        stdin = self.stdin
        if stdin is None or stdin.kind != "text" or stdin.value != text:
            return None
        return Source(Word(stdin.value, stdin.line, stdin.column, stdin.pieces))

    def _file(self, name: str, word: Word) -> bytes:
        from botkit.files import FileReadError, is_inside, read_bytes

        if name in self.given:
            return self.given[name].encode("utf-8")
        path = os.path.join(self.base_dir, name)  # an absolute name stays itself
        if self.root is not None and not is_inside(path, self.root):
            self.outside.append(OutsideFile(name, word.line, word.column))
            return b""
        try:
            return read_bytes(path)
        except FileReadError as exc:
            reason = exc.message.removeprefix("cannot read the file (").removesuffix(")")
            raise self.report.error(
                f"cannot read the file {name!r} the command names ({reason})", word
            ) from None
        except ValueError as exc:
            raise self.report.error(
                f"cannot read the file {name!r} the command names ({type(exc).__name__})", word
            ) from None

    def _stdin(self, word: Word) -> bytes:
        stdin = self.stdin
        if self._stdin_used:
            return b""  # curl reads standard input once; a second @- gets nothing
        self._stdin_used = True
        if stdin is None:
            raise self.report.error(
                "reads standard input (@-), and the text gives none; add a here-document "
                "(<<'EOF' ... EOF) or put the data in the option",
                word,
            )
        if stdin.kind == "pipe":
            raise self.report.error(
                "reads standard input (@-) from the command before '|', which botkit does "
                "not run; put the data in the option instead",
                word,
            )
        if stdin.kind == "file":
            return self._file(stdin.value, Word(stdin.value, stdin.line, stdin.column))
        return stdin.value.encode("utf-8")
