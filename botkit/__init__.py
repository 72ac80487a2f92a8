"""botkit: the cURL behind chat-bot API components, generated, converted and linted.

The public Python API is re-exported lazily so that ``import botkit`` (and so
``botkit --version``) stays as cheap as the interpreter itself.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_LAZY = {
    "parse_curl": "botkit.convert",
    "to_curl": "botkit.convert",
    "Request": "botkit.request",
    "load_catalog": "botkit.catalog",
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'botkit' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
