"""The catalog's prose made from a spec's: one-line summaries and help (markup, links
and line breaks removed), names made readable, the vendor's title and slug."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_NOISE_WORDS = {"api", "apis", "public", "web", "rest", "openapi", "the", "service"}


def summary(op: Mapping[str, Any], method: str, path: str) -> str:
    summary = _one_line(str(op.get("summary") or ""))
    if " " not in summary.strip():
        summary = _first_sentence(_one_line(str(op.get("description") or ""))) or summary
    if not summary:
        op_id = op.get("operationId")
        summary = humanise(op_id) if isinstance(op_id, str) else f"{method.upper()} {path}"
    return _shorten(summary.rstrip("."), 100)


def named(op: Mapping[str, Any], method: str, path: str) -> str:
    """A summary made from the operation's name only (no prose of the spec)."""
    op_id = op.get("operationId")
    return _shorten(humanise(op_id) if isinstance(op_id, str) else f"{method.upper()} {path}", 100)


def help_text(description: str, name: str) -> str:
    text = _first_sentence(_one_line(description)).rstrip(".")
    return _shorten(text, 90) if text else humanise(name)


def _one_line(text: str) -> str:
    text = re.sub(r"<br\s*/?>|</p>|<p>", ". ", text, flags=re.I)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = text.replace("`", "").replace("**", "").replace("__", "")
    text = re.sub(r"[\x00-\x1f\x7f\s]+", " ", text).strip()
    return re.sub(r"(\.\s*)+\.", ".", text).strip(" .")


def _first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 3].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "..."


def humanise(name: str) -> str:
    words = re.sub(r"(?<=[a-z0-9])([A-Z])", r" \1", name)
    words = re.sub(r"[^A-Za-z0-9]+", " ", words).strip().lower()
    return (words[:1].upper() + words[1:]) or name


def title_of(title: str) -> str:
    words = [w for w in re.split(r"\s+", title.strip()) if w.lower() not in _NOISE_WORDS]
    words = [w for w in words if not re.fullmatch(r"v?\d+(\.\d+)*", w, flags=re.I)]
    return " ".join(words) or title.strip() or "API"


def slug(text: str) -> str:
    words = re.sub(r"(?<=[a-z0-9])([A-Z])", r"-\1", text)
    words = re.sub(r"(?<=[A-Z])([A-Z][a-z])", r"-\1", words)
    return re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")
