"""Regular expressions compiled when first used, not when their module is imported.

Compiling a pattern is Python code (``re._parser``, ``re._compiler``) and costs a
one-shot command more than the match: a ``botkit lint`` of one clean file imported
about 90 patterns, most of them serving inputs or findings the file does not have.
A pattern that is not needed on every run is written ``_NAME = lazy(r"...")`` and
used as ``_NAME().match(...)``: compiled once, on the first call, then the same object.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, partial


def lazy(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A function that compiles ``pattern`` on its first call and returns it ever after."""
    return cache(partial(re.compile, pattern, flags))
