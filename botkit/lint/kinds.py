"""What kind of file a path holds (JSON or cURL), from its name and, failing that, its text.

One table of suffixes serves both the folder walk (which files are candidates) and
the runner (how to read a file), so they cannot disagree.
"""

from __future__ import annotations

from typing import Literal

Kind = Literal["json", "curl"]

JSON_SUFFIXES = (".json",)
#: cURL snippets: bash (``.curl``, ``.sh``), Windows cmd (``.cmd``, ``.bat``) and PowerShell.
CURL_SUFFIXES = (".curl", ".sh", ".cmd", ".ps1")
#: Scripts that are snippets only when they hold a curl API call (others are skipped).
SCRIPT_SUFFIXES = (".sh", ".cmd", ".ps1")


def is_candidate(name: str) -> bool:
    """Is a file of this name looked at when walking a folder?"""
    return name.lower().endswith(JSON_SUFFIXES + CURL_SUFFIXES)


def is_script(path: str) -> bool:
    return path.lower().endswith(SCRIPT_SUFFIXES)


def kind_of(path: str, text: str) -> Kind:
    """JSON by a ``.json`` name, cURL by a snippet name; otherwise by the first character."""
    lowered = path.lower()
    if lowered.endswith(JSON_SUFFIXES):
        return "json"
    if lowered.endswith(CURL_SUFFIXES):
        return "curl"
    return "json" if text.lstrip("\ufeff \t\r\n")[:1] in ("{", "[") else "curl"
