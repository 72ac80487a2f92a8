"""The public Python API: what ``dir(botkit)`` and type checkers see, and that it stays lazy."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import botkit

INIT = Path(botkit.__file__)


def test_dir_lists_every_public_name_and_each_resolves() -> None:
    listed = dir(botkit)
    for name in botkit.__all__:
        assert name in listed
        assert getattr(botkit, name) is not None
    assert callable(botkit.parse_curl) and callable(botkit.to_curl)
    assert botkit.to_curl(botkit.parse_curl("curl https://h.example/p")).startswith("curl")


def test_each_lazy_name_comes_from_the_module_it_is_declared_in() -> None:
    import importlib

    for name, module in botkit._LAZY.items():
        assert getattr(botkit, name) is getattr(importlib.import_module(module), name)
    assert set(botkit._LAZY) | {"__version__"} == set(botkit.__all__)


def test_type_checking_imports_match_the_lazy_table() -> None:
    """Type checkers read the TYPE_CHECKING imports; the runtime reads _LAZY: the same names."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    [guard] = [
        n for n in tree.body if isinstance(n, ast.If) and ast.unparse(n.test) == "TYPE_CHECKING"
    ]
    imported = {
        alias.name: node.module
        for node in guard.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert imported == botkit._LAZY


def test_an_unknown_name_is_an_attribute_error() -> None:
    try:
        botkit.no_such_name  # noqa: B018
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("botkit.no_such_name resolved")


def test_importing_botkit_imports_none_of_its_modules() -> None:
    code = "import sys, botkit; print(sorted(m for m in sys.modules if m.startswith('botkit')))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "['botkit']"


def test_a_type_checker_sees_the_public_api(tmp_path: Path) -> None:
    """mypy, run as a user's project would run it, finds botkit's types (py.typed + imports)."""
    snippet = tmp_path / "use_botkit.py"
    snippet.write_text("import botkit\n\nwrong: int = botkit.to_curl({})\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--no-error-summary", snippet.name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    # The one error is the deliberate one: botkit.to_curl is known to return str.
    assert result.stdout.strip() == (
        'use_botkit.py:3: error: Incompatible types in assignment (expression has type "str", '
        'variable has type "int")  [assignment]'
    ), result.stdout + result.stderr
