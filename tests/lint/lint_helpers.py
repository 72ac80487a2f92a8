"""Helpers for the linter's tests: build components and bots, lint them in memory or on disk.

Imported by the test modules beside it (pytest puts this folder on sys.path).
"""

from __future__ import annotations

import atexit
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from botkit.lint import Finding, LintConfig, Linter

DT_URL = "https://public.doubletick.io"
KEY = "key_Zq81LmX0pR4vT7wY2nB5cXYZ"  # looks real, is not: for secret-handling tests


def dt_component(
    body: dict[str, Any] | None = None,
    *,
    path: str = "/team-member/assign",
    api: str | None = "doubletick.assign-chat",
    headers: list[dict[str, str]] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A DoubleTick Call API component (clean unless told otherwise)."""
    if body is None:
        body = {"customerPhoneNumber": "919876543210", "assignedUserPhoneNumber": "919812345678"}
    component: dict[str, Any] = {"type": "call_api", "name": "Assign"}
    if api:
        component["api"] = api
    component |= {
        "method": "POST",
        "url": DT_URL + path,
        "headers": headers
        if headers is not None
        else [
            {"name": "Authorization", "value": "{{DOUBLETICK_API_KEY}}"},
            {"name": "content-type", "value": "application/json"},
        ],
        "query": [],
        "body": {"text": json.dumps(body, indent=2)},
    }
    component.update(extra)
    return component


def bot(*components: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """A bot whose steps hold ``components`` in a chain, ending with an end step; every
    ``{{variable}}`` they use is declared as an input (unless ``variables`` is given)."""
    from botkit.variables import find

    steps = []
    for i, component in enumerate(components):
        steps.append({"id": f"s{i}", "component": component, "next": f"s{i + 1}"})
    steps.append({"id": f"s{len(components)}", "component": {"type": "end"}})
    used = sorted({v.name for v in find(json.dumps(components, ensure_ascii=False))})
    declared = {name: "test input" for name in used}
    out: dict[str, Any] = {"name": "Test bot", "steps": steps}
    if declared and "variables" not in extra:
        out["variables"] = declared
    return out | extra


_SCRATCH = Path(tempfile.mkdtemp(prefix="botkit-lint-tests-"))
atexit.register(shutil.rmtree, _SCRATCH, ignore_errors=True)


def lint_text(linter: Linter, text: str, name: str) -> list[Finding]:
    """Lint ``text`` the way a user's file is linted: written to a file named ``name``
    (its suffix says the kind) and read through ``Linter.lint_file``."""
    path = _SCRATCH / name
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    return linter.lint_file(str(path)).findings


def lint(
    document: Any, *, kind: str = "json", config: LintConfig | None = None, **options: Any
) -> list[Finding]:
    """Lint a JSON value (dumped with indent=2) or text, as a file; the findings."""
    text = document if isinstance(document, str) else json.dumps(document, indent=2)
    linter = Linter(config or LintConfig(**options))
    return lint_text(linter, text, "test.json" if kind == "json" else "test.curl")


def codes(findings: list[Finding]) -> list[str]:
    return sorted(f.code for f in findings)


def write(tmp_path: Path, name: str, content: Any) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_text(json.dumps(content, indent=2), encoding="utf-8")
    return path
