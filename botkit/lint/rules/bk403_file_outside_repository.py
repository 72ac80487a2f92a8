"""BK403 file-outside-repository: a linted file, ``file`` part or ``@file`` that leaves the
repository.

A component may name local files only in a multipart ``file`` part, and a cURL
snippet reads ``-d @file``, ``-H @file``, ``-F 'a=<file'``...  A name that leads
out of the repository (``../ci-secrets.json``, ``/etc/passwd``, a symbolic link
pointing away) would send a file nobody reviewing the repository can see.  Lint
never opens such a file (the cURL reader leaves it unread, so its content is
neither checked nor printed); this rule says where it is named.  The repository
is the git work tree holding the linted file, else the folder lint runs in
(botkit.files.repository_root).  A linted file that is itself a link out of the
repository is not opened at all (botkit.files.leaves_repository, in the runner), and
this rule names it at its first line.
"""

import os
from collections.abc import Iterator

from botkit.lint.call import Call
from botkit.lint.model import Hit, Rule, Severity, Site

RULE = Rule(
    "BK403",
    "file-outside-repository",
    Severity.WARNING,
    "a linted file, file part or @file that leaves the repository",
    scope="call",
)


def check(call: Call) -> Iterator[Hit]:
    for outside in call.outside:
        yield Hit(
            Site(line=outside.line, column=outside.column),
            f"reads {_shown(outside.name)}, outside the repository; lint did not read it, "
            "and whoever runs the command sends it",
        )
    body = call.component.get("body")
    parts = body.get("multipart") if isinstance(body, dict) else None
    for i, part in enumerate(parts if isinstance(parts, list) else []):
        name = part.get("file") if isinstance(part, dict) else None
        if isinstance(name, str) and name and "{{" not in name and _leaves(call, name):
            yield Hit(
                call.site("body", "multipart", i, "file"),
                f"the file part {_shown(name)} is outside the repository",
            )


def _leaves(call: Call, name: str) -> bool:
    from botkit.files import is_inside
    from botkit.lint.curldoc import lint_root

    folder = (os.path.dirname(call.source) or ".") if call.source is not None else "."
    path = os.path.expanduser(name) if name.startswith("~") else name
    return not is_inside(os.path.join(folder, path), lint_root(folder))


def _shown(name: str) -> str:
    return repr(name if len(name) <= 80 else name[:77] + "...")
