"""botkit: the cURL behind chat-bot API components, generated, converted and linted.

The public Python API is re-exported lazily so that ``import botkit`` (and so
``botkit --version``) stays as cheap as the interpreter itself: a name's module
is imported the first time the name is used.  Type checkers read the same names
through the ``TYPE_CHECKING`` imports below, and ``dir(botkit)`` lists them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from botkit.catalog import load_catalog
    from botkit.convert import parse_curl, to_curl
    from botkit.request import Request

# public name -> the module that defines it (kept in step with the imports above by a test)
_LAZY = {
    "parse_curl": "botkit.convert",
    "to_curl": "botkit.convert",
    "Request": "botkit.request",
    "load_catalog": "botkit.catalog",
}

__all__ = ["Request", "__version__", "load_catalog", "parse_curl", "to_curl"]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'botkit' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
