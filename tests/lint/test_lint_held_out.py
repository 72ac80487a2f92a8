"""The whole linter on a repository as users have them, in every output format.

A real git repository (``git init``) holds what a web project holds besides its
bots: package.json, tsconfig.json and .vscode/settings.json with comments, an
install script that captures curl's output, and node_modules/ and build/ (ignored
by .gitignore) full of would-be faults.  Faults are planted in bots/ and snippets/
only (bash, Windows cmd and PowerShell snippets, with decoys), and each planted
fault knows where it is: ``botkit lint .`` must report
exactly those, at those positions, with exit status 1, in text, JSON, GitHub and
SARIF alike; and the pre-commit hook, run the way pre-commit runs it (its entry
from .pre-commit-hooks.yaml, then the tracked files its ``files`` pattern takes),
must say the same.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from lint_helpers import KEY, bot, dt_component

ROOT = Path(__file__).resolve().parents[2]

Planted = tuple[str, int, int, str]  # path, line, column, code


def _at(text: str, marker: str) -> tuple[int, int]:
    """Line and column of the one occurrence of ``marker`` in ``text`` (the fixture's own
    text: the test knows what it planted; the linter is never told)."""
    assert text.count(marker) == 1, marker
    offset = text.index(marker)
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _faulty_bot() -> dict:
    body = {"customerPhoneNumber": "9876543210", "assignedUserPhoneNumber": "+91 98123 45678"}
    component = dt_component(
        body,
        headers=[
            {"name": "Authorization", "value": KEY},
            {"name": "content-type", "value": "application/json"},
        ],
    )
    document = bot(component)
    document["steps"][0]["next"] = "handof"  # no such step
    return document


ASSIGN = (
    "# Assign the chat (copied from the docs)\n"
    "curl https://public.doubletick.io/team-member/assign \\\n"
    '  -d \'{"customerPhoneNumber": "919876543210",\n'
    '       "assignedUserPhoneNumber": "919812345678", "note": "Authorization: pending"}\' \\\n'
    "  -H 'Authorization: YOUR_API_KEY' -H 'content-type: application/json'\n"
)
FORM = (
    "curl https://public.doubletick.io/team-member/assign \\\n"
    '  -H "Authorization: $DOUBLETICK_API_KEY" \\\n'
    '  -d \'{"customerPhoneNumber": "919876543210", '
    '"assignedUserPhoneNumber": "919812345678"}\'\n'
)
CRM = (
    "#!/usr/bin/env bash\n"
    "set -euo pipefail\n"
    'curl -fsS https://crm.example.com/leads -u "$CRM_USER"\n'
    "curl -fsS https://crm.example.com/leads -u 'admin:Xk9pL2q$wZZ'\n"
)
VAMBE = (
    "curl.exe https://api.vambe.me/api/public/contact/3f2b8c1e-9d4a-4e6b-8a7c-1d2e3f4a5b6c"
    "/assign-team-member/0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b -X POST\n"
)
#: Chrome's "Copy as cURL (cmd)", with a body line (^ + two line breaks) that reads like
#: the Authorization header after it.
ASSIGN_CMD = (
    'curl ^"https://public.doubletick.io/team-member/assign^" ^\n'
    '  -H ^"content-type: application/json^" ^\n'
    '  --data-raw ^"^{^\\^"customerPhoneNumber^\\^":^\\^"+91 98765 43210^\\^",^\n'
    "\n"
    '^\\^"note^\\^":^\\^"Authorization: YOUR_API_KEY^\\^",'
    '^\\^"assignedUserPhoneNumber^\\^":^\\^"919812345678^\\^"^}^" ^\n'
    '  -H ^"Authorization: YOUR_API_KEY^"\n'
)
#: curl.exe with its body in a here-string, after backtick continuations.
ASSIGN_PS1 = (
    "curl.exe https://public.doubletick.io/team-member/assign `\n"
    "  -H \"Authorization: $env:DOUBLETICK_API_KEY\" -H 'content-type: application/json' `\n"
    "  -d @'\n"
    '{"customerPhoneNumber": "9876543210",\n'
    ' "assignedUserPhoneNumber": "919812345678", "memo": "Authorization: pending"}\n'
    "'@\n"
)
INSTALL = (
    "#!/bin/sh\nset -e\n"
    "VERSION=$(curl -s https://api.github.com/repos/acme/tool/releases/latest | jq -r .tag_name)\n"
    'curl -fsSL "https://example.com/tool/$VERSION/install.sh" | sh\n'
)


@pytest.fixture
def project(tmp_path, monkeypatch) -> tuple[Path, set[Planted]]:
    root = tmp_path / "shop"
    root.mkdir()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # no user's git config or excludes
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    files: dict[str, str] = {
        ".gitignore": "node_modules/\nbuild/\n",
        "package.json": json.dumps({"name": "shop", "scripts": {"build": "tsc"}}, indent=2),
        "tsconfig.json": '{\n  // strict mode\n  "compilerOptions": {"strict": true},\n}\n',
        ".vscode/settings.json": '{\n  "editor.tabSize": 2, /* team */\n}\n',
        "scripts/install.sh": INSTALL,
        "pyproject.toml": '[tool.botkit.lint]\nexclude = ["snippets/drafts/*"]\n',
        "bots/sales.json": json.dumps(_faulty_bot(), indent=2) + "\n",
        "bots/support.json": json.dumps(bot(dt_component()), indent=2) + "\n",
        "snippets/assign.curl": ASSIGN,
        "snippets/form.curl": FORM,
        "snippets/crm.sh": CRM,
        "snippets/vambe.ps1": VAMBE,
        "snippets/assign.cmd": ASSIGN_CMD,
        "snippets/assign.ps1": ASSIGN_PS1,
        "snippets/drafts/wip.curl": "curl https://x.example.com -H 'x-api-key: <key>'\n",
        # would-be faults that git ignores:
        "node_modules/botlib/fixture.json": json.dumps(_faulty_bot(), indent=2),
        "node_modules/botlib/example.curl": ASSIGN,
        "build/sales.json": json.dumps(_faulty_bot()),
        "build/form.curl": FORM,
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    monkeypatch.chdir(root)

    sales = files["bots/sales.json"]
    planted: set[Planted] = {
        ("bots/sales.json", *_at(sales, '\\"9876543210\\"'), "BK101"),
        ("bots/sales.json", *_at(sales, '\\"+91 98123 45678\\"'), "BK103"),
        ("bots/sales.json", *_at(sales, f'"{KEY}"'), "BK203"),
        ("bots/sales.json", *_at(sales, '"handof"'), "BK501"),
        ("snippets/assign.curl", *_at(ASSIGN, "YOUR_API_KEY"), "BK202"),
        ("snippets/assign.curl", *_at(ASSIGN, '"note"'), "BK303"),
        ("snippets/form.curl", *_at(FORM, "-d '"), "BK306"),
        ("snippets/crm.sh", *_at(CRM, "Xk9pL2q$wZZ"), "BK203"),
        ("snippets/vambe.ps1", 1, 1, "BK201"),
        ("snippets/assign.cmd", *_at(ASSIGN_CMD, '^\\^"+91'), "BK103"),
        ("snippets/assign.cmd", *_at(ASSIGN_CMD, '^\\^"note'), "BK303"),
        ("snippets/assign.cmd", *_at(ASSIGN_CMD, 'YOUR_API_KEY^"\n'), "BK202"),
        ("snippets/assign.ps1", *_at(ASSIGN_PS1, "@'"), "BK401"),  # the " PowerShell 5 drops
        ("snippets/assign.ps1", *_at(ASSIGN_PS1, '"9876543210"'), "BK101"),
        ("snippets/assign.ps1", *_at(ASSIGN_PS1, '"memo"'), "BK303"),
    }
    return root, planted


def _lint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.endswith(("_API_KEY", "_TOKEN"))}
    return subprocess.run(
        [sys.executable, "-m", "botkit", "lint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


_TEXT = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<code>BK\d{3}) ", re.M)
_GITHUB = re.compile(
    r"^::(?:error|warning) file=(?P<path>[^,]+),line=(?P<line>\d+),col=(?P<col>\d+),"
    r".*?title=(?P<code>BK\d{3}) ",
    re.M,
)


def _from_text(out: str) -> set[Planted]:
    return {(m["path"], int(m["line"]), int(m["col"]), m["code"]) for m in _TEXT.finditer(out)}


def _from_github(out: str) -> set[Planted]:
    return {(m["path"], int(m["line"]), int(m["col"]), m["code"]) for m in _GITHUB.finditer(out)}


def _from_json(out: str) -> set[Planted]:
    return {(f["path"], f["line"], f["column"], f["code"]) for f in json.loads(out)}


def _from_sarif(out: str) -> set[Planted]:
    found = set()
    for result in json.loads(out)["runs"][0]["results"]:
        where = result["locations"][0]["physicalLocation"]
        region = where["region"]
        path = where["artifactLocation"]["uri"]
        found.add((path, region["startLine"], region["startColumn"], result["ruleId"]))
    return found


READERS = {"text": _from_text, "json": _from_json, "github": _from_github, "sarif": _from_sarif}


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_lint_reports_exactly_the_planted_faults_in_every_format(project, fmt):
    root, planted = project
    result = _lint(".", "--format", fmt, cwd=root)
    assert result.returncode == 1, result.stderr
    assert READERS[fmt](result.stdout) == planted, result.stdout
    if fmt in ("text", "github"):  # every line is a finding (and text's one summary line)
        lines = [line for line in result.stdout.splitlines() if line.strip()]
        assert len(lines) == len(planted) + (fmt == "text")
    assert "Traceback" not in result.stderr


def test_output_file_holds_the_same_findings(project):
    root, planted = project
    result = _lint(".", "--format", "sarif", "-o", "botkit.sarif", cwd=root)
    assert result.returncode == 1 and result.stdout == ""
    assert _from_sarif((root / "botkit.sarif").read_text()) == planted


def test_verbose_names_every_skipped_file_and_why(project):
    root, _ = project
    result = _lint(".", "-v", cwd=root)
    skipped = set(re.findall(r"skipped (\S+): ", result.stderr))
    assert skipped == {
        "package.json",
        "tsconfig.json",
        ".vscode/settings.json",
        "scripts/install.sh",
    }


def _hook() -> dict:
    """The botkit-lint hook as .pre-commit-hooks.yaml declares it."""
    import yaml

    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "botkit-lint"
    return hook


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_the_pre_commit_hook_gives_the_same_answer(project, fmt):
    """pre-commit runs ``entry`` with ``args`` and the names of the tracked files that
    its ``files`` pattern matches (all of them with --all-files), from the repository
    root; it may split them over several runs, so each run is judged alone too."""
    root, planted = project
    hook = _hook()
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=root, capture_output=True, text=True, check=True
    ).stdout.split()
    pattern = re.compile(hook["files"])
    names = [name for name in tracked if pattern.search(name)]
    assert {"snippets/vambe.ps1", "snippets/assign.cmd", "tsconfig.json"} <= set(names)
    assert not any(n.startswith(("node_modules/", "build/")) for n in names)
    entry = shlex.split(hook["entry"])
    assert entry[:2] == ["botkit", "lint"]
    command = [*entry[2:], *hook.get("args", []), "--format", fmt]
    result = _lint(*command, *names, cwd=root)
    assert result.returncode == 1, result.stderr
    assert READERS[fmt](result.stdout) == planted
    # split in two batches, as pre-commit does on several cores: the union is the same
    half = len(names) // 2
    found: set[Planted] = set()
    for batch in (names[:half], names[half:]):
        run = _lint(*command, *batch, cwd=root)
        assert run.returncode in (0, 1) and "Traceback" not in run.stderr
        found |= READERS[fmt](run.stdout)
    assert found == planted


def test_the_readme_hook_is_the_manifest_hook():
    """The README's ``repo: local`` form runs what .pre-commit-hooks.yaml declares."""
    import yaml

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("# .pre-commit-config.yaml", 1)[1].split("\n", 1)[1].split("```")[0]
    [local] = yaml.safe_load(block)["repos"][0]["hooks"]
    hook = _hook()
    assert (local["entry"], local["files"]) == (hook["entry"], hook["files"])
