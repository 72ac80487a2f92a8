"""Where templates/ and schemas/ live, both in a checkout and in an installed wheel.

In a checkout they sit at the top of the repository; the wheel carries them as
``botkit/_data/templates`` and ``botkit/_data/schemas`` (see pyproject.toml).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """The folder ``templates`` or ``schemas``, wherever this copy of botkit keeps it."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"botkit is missing its {name}/ folder (looked beside {_PACKAGE})")


def template_dir() -> Path:
    return data_dir("templates")
