"""The cURL styles botkit prints, declared once: what ``--style`` offers and the renderer draws.

Kept apart from the renderer (botkit/render.py) so that declaring the ``--style``
option, as ``botkit import``'s module does for ``botkit export`` beside it, costs no
renderer import (about 1 ms).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from botkit.generate import BodyLayout

Style = Literal["readme", "oneline"]
# The one declaration of the styles (the first is the default), each with what
# the CLI's --help says of it; there is one template per style.
STYLE_HELP: dict[Style, str] = {
    "readme": "one long option per line, as DoubleTick's docs write it",
    "oneline": "short options on one line",
}
STYLES: tuple[Style, ...] = tuple(STYLE_HELP)
# How a JSON body generated for each style is laid out (a component's body is "pretty").
STYLE_BODY_LAYOUT: dict[Style, BodyLayout] = {"readme": "readme", "oneline": "compact"}
