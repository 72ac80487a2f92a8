"""Credentials recognisable by their shape wherever they stand: a JWT, ``sk_live_...``,
``ghp_...``, a Telegram bot token (botkit/secret_names.py asks, for free text)."""

from __future__ import annotations

import re
from functools import cache

#: Token shapes recognisable anywhere in text, each with the literal parts one of its
#: matches must hold.  Only the shapes whose markers a text holds are compiled, as one
#: expression in this order: the whole alternation cost about 0.8 ms to compile, and most
#: texts (header values, messages) hold no marker at all.
TOKEN_SHAPES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("eyJ",), r"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"),  # a JWT
    (("_live_", "_test_"), r"\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{8,}"),  # Stripe
    (("ghp_", "gho_", "ghu_", "ghs_", "ghr_"), r"\bgh[pousr]_[A-Za-z0-9]{20,}"),  # GitHub
    (("github_pat_",), r"\bgithub_pat_[A-Za-z0-9_]{20,}"),
    (("glpat-",), r"\bglpat-[A-Za-z0-9_-]{20,}"),  # GitLab
    (("xox",), r"\bxox[abposr]-[A-Za-z0-9-]{10,}"),  # Slack
    (("AKIA",), r"\bAKIA[0-9A-Z]{16}\b"),  # AWS access key id
    (("AIza",), r"\bAIza[0-9A-Za-z_-]{35}"),  # Google API key
    (("ya29.",), r"\bya29\.[0-9A-Za-z_-]{20,}"),  # Google OAuth token
    (("SG.",), r"\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}"),  # SendGrid
    (("sk-",), r"\bsk-[A-Za-z0-9_-]{20,}"),  # sk-... API keys
    (("key_",), r"\bkey_[A-Za-z0-9]{6,}"),  # key_... (doc style)
    ((":AA",), r"(?<![\w:])\d{6,}:AA[A-Za-z0-9_-]{30,}"),  # a Telegram bot token
)


def token_shapes(text: str) -> re.Pattern[str] | None:
    """The token shapes ``text`` may hold, as one expression (None: it holds none)."""
    present = tuple(
        i for i, (markers, _) in enumerate(TOKEN_SHAPES) if any(m in text for m in markers)
    )
    return _shapes_expression(present) if present else None


@cache
def _shapes_expression(present: tuple[int, ...]) -> re.Pattern[str]:
    return re.compile("|".join(TOKEN_SHAPES[i][1] for i in present))
