"""Where templates/ and schemas/ live, both in a checkout and in an installed wheel.

In a checkout they sit at the top of the repository; the wheel carries them as
``botkit/_data/templates`` and ``botkit/_data/schemas`` (see pyproject.toml).  Paths are
strings (``os.path``): ``pathlib`` and the ``urllib.parse`` it imports cost a one-shot
command about 6 % of its instructions.
"""

from __future__ import annotations

import os
from functools import cache

_PACKAGE = os.path.dirname(os.path.realpath(__file__))


@cache
def data_dir(name: str) -> str:
    """The folder ``templates`` or ``schemas``, wherever this copy of botkit keeps it."""
    for candidate in (
        os.path.join(_PACKAGE, "_data", name),
        os.path.join(os.path.dirname(_PACKAGE), name),
    ):
        if os.path.isdir(candidate):
            return candidate
    raise FileNotFoundError(f"botkit is missing its {name}/ folder (looked beside {_PACKAGE})")


def template_dir() -> str:
    return data_dir("templates")
