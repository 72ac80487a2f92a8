"""Text typed (or pasted without bracketed paste) into an interactive bash.

A terminal without bracketed paste hands a pasted command to readline as if it
were typed: every control character is a key (Ctrl-A, Tab, Esc...), and history
expansion (``!``) applies to each line.  ``type_into_bash`` reproduces that with
a pseudo-terminal: ``bash --norc --noprofile -i``, bracketed paste off, and the
same loopback ``curl`` wrapper as tests/loopback.py.
"""

from __future__ import annotations

import contextlib
import os
import pty
import select
import signal
import time
from pathlib import Path

from loopback import RecordingServer

_DONE = "__TYPED_DONE__"


def type_into_bash(text: str, server: RecordingServer, cwd: Path, *, timeout: float = 30) -> str:
    """Type ``text`` into an interactive bash in ``cwd``; what the terminal showed.

    Returns once bash has run everything typed (a sentinel command typed after the
    text has printed), or raises TimeoutError.
    """
    setup = (
        "bind 'set enable-bracketed-paste off' 2>/dev/null\n"
        "PS1='$ '; PS2='> '; HISTFILE=/dev/null\n"
        "curl() { command curl -q --silent --show-error --max-time 20 "
        f'--connect-to "::127.0.0.1:{server.port}" "$@"; }}\n'
    )
    # The sentinel prints only when run: the echo of the typed line shows the quotes.
    finish = f"\nprintf '%s\\n' '{_DONE[:6]}''{_DONE[6:]}'\nexit\n"
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(cwd),
        "LC_ALL": "C.UTF-8",
        "TERM": "xterm",
        "INPUTRC": "/dev/null",
    }
    pid, fd = pty.fork()
    if pid == 0:  # the child: bash on the terminal's other side
        try:
            os.chdir(cwd)
            os.execvpe("bash", ["bash", "--norc", "--noprofile", "-i"], env)
        finally:
            os._exit(127)
    pending = (setup + text + finish).encode("utf-8", "surrogateescape")
    shown = bytearray()
    deadline = time.monotonic() + timeout
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(shown.decode("utf-8", "replace")[-2000:])
            writable = [fd] if pending else []
            readable, can_write, _ = select.select([fd], writable, [], min(left, 0.5))
            if can_write and pending:
                n = os.write(fd, pending[:512])  # small pieces: the terminal's buffer is small
                pending = pending[n:]
            if readable:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:  # the child has gone: the terminal is closed
                    break
                if not chunk:
                    break
                shown.extend(chunk)
                if _DONE.encode() in shown and not pending:
                    break
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
    return shown.decode("utf-8", "replace")
