"""Several requests as one bash script of curl commands, each under a comment with its
name, that ``botkit import --all`` reads back; one request is just its command."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from botkit.request import Request
    from botkit.styles import Style


def write_curl(requests: list[tuple[str, Request]], *, style: Style = "readme") -> str:
    from botkit.render import render_curl as to_curl

    if len(requests) == 1:
        return to_curl(requests[0][1], style)
    blocks = [f"# {_comment(name)}\n{to_curl(request, style)}" for name, request in requests]
    return "#!/usr/bin/env bash\n\n" + "\n".join(blocks)


def _comment(name: str) -> str:
    """The name on one comment line that pastes safely: what does not print becomes ?."""
    return "".join(c if c.isprintable() else "?" for c in name)
