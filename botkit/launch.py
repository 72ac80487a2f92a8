"""The ``botkit`` command's entry point: the collector set for a short process, then the CLI.

CPython collects the youngest generation every 700 new container objects: tuned for a
long-running program, that means dozens of collections while a command imports its modules,
each walking objects that all live until the process ends (about 5 % of the instructions
of a one-shot ``botkit lint``).  The command's process collects every 50,000 instead:
a long lint run still collects, only less often.  Library users keep Python's defaults:
nothing here runs on ``import botkit``.
"""

from __future__ import annotations

import gc
from typing import NoReturn

#: New container objects between two collections of the youngest generation.
YOUNG_THRESHOLD = 50_000


def main() -> NoReturn:
    """Run the ``botkit`` command in this process (the console script and ``python -m``)."""
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, older, oldest)
    from botkit.cli import main as run

    run()
