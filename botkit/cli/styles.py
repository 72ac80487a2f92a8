"""The ``--style`` choice and its help, read from the renderer's one declaration.

``botkit curl`` and ``botkit export`` both offer it, so a new style (a template
plus its entry in ``botkit.render.STYLE_HELP``) appears in both at once.
"""

from __future__ import annotations

import click

from botkit.render import STYLE_HELP as _DESCRIPTIONS
from botkit.render import STYLES

STYLE_CHOICE = click.Choice(STYLES)
STYLE_HELP = "; ".join(f"{name}: {text}" for name, text in _DESCRIPTIONS.items()) + "."

__all__ = ["STYLES", "STYLE_CHOICE", "STYLE_HELP"]
