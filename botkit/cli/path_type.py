"""The type of every path option and argument of botkit: click.Path's checks, no gettext.

click.Path names itself when made (``self.name = _("file")``), and each such call is a
translation lookup: ``gettext.translation()`` imports ``locale`` (first call), normalizes
the language and stats four ``.mo`` files that are not there, as click ships none.  With
the help and version options that was 11 lookups in a one-shot ``botkit lint``, 5 M of its
252 M instructions (callgrind).  ``PathType`` makes the same checks, messages and
completion marker for the flags botkit uses; tests/test_path_type.py compares it with
click.Path case by case.
"""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING, Any, NoReturn

import click

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem


class PathType(click.ParamType):
    """A file or folder name, given back as ``str``; '-' (standard input or output) only
    with ``allow_dash``; with ``exists``, a name that is not there is a usage error."""

    envvar_list_splitter = os.path.pathsep

    def __init__(
        self,
        *,
        exists: bool = False,
        file_okay: bool = True,
        dir_okay: bool = True,
        allow_dash: bool = False,
    ) -> None:
        self.exists = exists
        self.file_okay = file_okay
        self.dir_okay = dir_okay
        self.allow_dash = allow_dash
        # What click.Path calls it: the metavar of an option (FILE) and the error's subject.
        if file_okay and not dir_okay:
            self.name = "file"
        elif dir_okay and not file_okay:
            self.name = "directory"
        else:
            self.name = "path"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = value if isinstance(value, str) else os.fsdecode(value)
        if text == "-" and self.allow_dash and self.file_okay:
            return text
        try:
            mode = os.stat(text).st_mode
        except OSError:
            if not self.exists:
                return text
            self._refuse(value, "does not exist", param, ctx)
        if stat.S_ISREG(mode) and not self.file_okay:
            self._refuse(value, "is a file", param, ctx)
        if stat.S_ISDIR(mode) and not self.dir_okay:
            self._refuse(value, "is a directory", param, ctx)
        if not os.access(text, os.R_OK):
            self._refuse(value, "is not readable", param, ctx)
        return text

    def _refuse(
        self, value: Any, why: str, param: click.Parameter | None, ctx: click.Context | None
    ) -> NoReturn:
        shown = click.format_filename(value)
        self.fail(f"{self.name.title()} {shown!r} {why}.", param, ctx)

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:
        """Let the shell complete names: folders only when a file is not accepted."""
        from click.shell_completion import CompletionItem

        kind = "dir" if self.dir_okay and not self.file_okay else "file"
        return [CompletionItem(incomplete, type=kind)]
