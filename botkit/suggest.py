""" "Did you mean ...?": the one way botkit suggests a known name for a mistyped one.

Catalog ids, recipe ids and command names all answer a typo the same way, so
the hint reads alike wherever it appears and its closeness is tuned in one place.
"""

from __future__ import annotations

from collections.abc import Iterable


def closest(name: str, known: Iterable[str], *, cutoff: float = 0.5) -> str | None:
    """The known name most like ``name``, or None when none is close enough."""
    import difflib

    close = difflib.get_close_matches(name, list(known), n=1, cutoff=cutoff)
    return close[0] if close else None


def did_you_mean(
    name: str, known: Iterable[str], *, cutoff: float = 0.5, quote: bool = False
) -> str:
    """``"; did you mean X?"`` for the closest known name (``'X'`` when ``quote``), else ``""``."""
    match = closest(name, known, cutoff=cutoff)
    if match is None:
        return ""
    return f"; did you mean {match!r}?" if quote else f"; did you mean {match}?"
