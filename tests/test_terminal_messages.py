"""What botkit writes to a terminal about its input is text, one line per message.

A file name, an id or an option value may hold an escape sequence (clear the screen,
retitle the window, a C1 CSI) or a line break (a forged ``botkit: ...`` line).  click
strips escape sequences only when stderr is not a terminal, so each command runs here
with stdout and stderr on a real pseudo-terminal, and what reaches it is checked byte by
byte: no ESC, no C1 control, no bidirectional override, no line beyond the messages.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pty")

HOSTILE = "x\x1b[2J\x1b]0;pwned\x07\u009b31m\u202e\nbotkit: error: forged"


def _on_a_terminal(args: list[str], cwd: Path) -> bytes:
    """Everything the command writes to its terminal (stdout and stderr both)."""
    leader, follower = os.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "botkit", *args],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        env={**os.environ, "TERM": "xterm", "COLUMNS": "200"},
    )
    os.close(follower)
    received = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 30)
        if not ready:
            process.kill()
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the command has ended
            break
        if not chunk:
            break
        received += chunk
    os.close(leader)
    process.wait(timeout=30)
    return received


def _assert_text(received: bytes, lines: int) -> None:
    text = received.decode("utf-8", "replace")
    assert "\x1b" not in text and "\x07" not in text, text
    assert not any("\x80" <= c <= "\x9f" or c in "\u202a\u202b\u202c\u202d\u202e" for c in text)
    shown = [line for line in text.replace("\r\n", "\n").split("\n") if line]
    assert len(shown) == lines, shown
    assert not any(line.startswith("botkit: error: forged") for line in shown), shown


@pytest.mark.parametrize(
    "args",
    [
        ["import", f"{HOSTILE}.sh"],
        ["export", f"{HOSTILE}.json"],
        ["import", "snippet.sh", "-o", f"/nonexistent/{HOSTILE}"],
        ["apis", "--vendor", HOSTILE],
        ["curl", f"doubletick.{HOSTILE}"],
        ["catalog", "from-openapi", f"{HOSTILE}.yaml"],
        ["lint", f"{HOSTILE}.curl"],
    ],
    ids=["import", "export", "import -o", "apis --vendor", "curl id", "from-openapi", "lint"],
)
def test_an_error_about_hostile_input_is_one_printable_line(args, tmp_path: Path) -> None:
    (tmp_path / "snippet.sh").write_text("curl https://api.example.com/x\n")
    received = _on_a_terminal(args, tmp_path)
    expected = 2 if args[0] == "lint" else 1  # lint: the finding, then its summary
    _assert_text(received, expected)


def test_a_warning_about_hostile_input_is_one_printable_line(tmp_path: Path) -> None:
    snippet = tmp_path / f"{HOSTILE.replace('/', '')}.sh"
    snippet.write_text("curl -b cookies.txt https://api.example.com/x\n")  # one warning
    received = _on_a_terminal(["import", snippet.name, "-o", "out.json"], tmp_path)
    _assert_text(received, 1)
    assert b"warning" in received
