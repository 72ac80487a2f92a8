"""Lint in a real repository: what is linted, what is skipped (and why), CI behaviour."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lint_helpers import bot, dt_component, write

from botkit.lint import LintConfig, lint_files
from botkit.lint.runner import lint_all
from botkit.lint.walk import Exclusions


def _names(results) -> list[str]:
    return sorted(r.path.replace(os.sep, "/") for r in results)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    root = tmp_path / "repo"
    (root / ".git" / "info").mkdir(parents=True)
    monkeypatch.chdir(root)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # no user's global excludes
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    return root


def test_gitignore_info_exclude_and_global_excludes_are_honoured(repo):
    write(repo, ".gitignore", "build/\n*.generated.json\n!keep.generated.json\n")
    write(repo, ".git/info/exclude", "local/\n")
    write(repo.parent, "home/.config/git/ignore", "scratch.curl\n")
    write(repo, "sub/.gitignore", "private.curl\n")
    for name in (
        "build/a.json",
        "x.generated.json",
        "keep.generated.json",
        "local/b.json",
        "ok.json",
        "sub/c.json",
    ):
        write(repo, name, bot(dt_component()))
    for name in ("scratch.curl", "sub/private.curl", "sub/public.curl"):
        write(repo, name, "curl https://example.test/x\n")
    linted = _names(lint_files(["."], LintConfig()))
    assert linted == ["keep.generated.json", "ok.json", "sub/c.json", "sub/public.curl"]
    # off by a setting; a named file is linted whatever ignores it
    assert len(list(lint_files(["."], LintConfig(gitignore=False)))) == 9
    assert _names(lint_files(["build/a.json"], LintConfig())) == ["build/a.json"]


def test_other_json_and_scripts_are_skipped_when_walking_and_linted_when_named(repo):
    write(repo, "tsconfig.json", '{\n  // comments\n  "compilerOptions": {}\n}\n')
    write(repo, "package.json", {"name": "x", "scripts": {"test": "jest"}})
    write(repo, ".vscode/settings.json", '{ "a": 1, // trailing\n}')
    write(
        repo,
        "install.sh",
        "set -e\nV=$(curl -fsS https://example.test/v)\n"
        'curl -fsSL https://example.test/i.sh | sh\necho "$(curl -s https://example.test/x)"\n',
    )
    write(repo, "tool.ps1", "Write-Host hi\n")
    write(repo, "broken-bot.json", '{"steps": [')
    write(repo, "bots/b.json", bot(dt_component()))
    results = list(lint_all(["."], LintConfig()))
    skipped = {r.path.replace(os.sep, "/"): r.skipped for r in results if r.skipped}
    assert skipped == {
        ".vscode/settings.json": "JSON that is no bot or component",
        "install.sh": "script without a curl API call",
        "package.json": "JSON that is no bot or component",
        "tool.ps1": "script without a curl API call",
        "tsconfig.json": "JSON that is no bot or component",
    }
    linted = {
        r.path.replace(os.sep, "/"): [f.code for f in r.findings] for r in results if not r.skipped
    }
    assert linted == {"bots/b.json": [], "broken-bot.json": ["BK300"]}
    [named] = lint_files(["tsconfig.json"], LintConfig())
    assert [f.code for f in named.findings] == ["BK300"]
    [script] = lint_files(["install.sh"], LintConfig())
    assert script.findings == []


def test_cmd_and_ps1_snippets_are_found_when_walking(repo):
    write(repo, "a.cmd", 'curl "https://example.test/x" -H "X-Api-Key: YOUR_API_KEY"\n')
    write(repo, "b.ps1", "curl.exe https://example.test/y\n")
    assert _names(lint_files(["."], LintConfig())) == ["a.cmd", "b.ps1"]


def test_recipe_scripts_lint_clean(repo):
    from tests.cli_run import botkit

    for recipe, args in (
        ("unblu.reassign-keep-previous", ["--conversation-id", "c-1", "--person-id", "p-2"]),
        ("unblu.forward", ["--conversation-id", "c-1", "--agent-person-id", "p-2"]),
    ):
        made = botkit(
            "recipe", recipe, "--base-url", "https://unblu.example.com/app/rest/v4", *args
        )
        assert made.returncode == 0, made.stderr
        path = write(repo, f"{recipe}.sh", made.stdout)
        [result] = lint_files([path], LintConfig())
        assert result.findings == [], [f"{f.code} {f.message}" for f in result.findings]


def test_unreadable_subfolder_is_a_finding_and_the_rest_is_linted(repo):
    if os.geteuid() == 0:
        pytest.skip("root reads every folder")
    write(repo, "locked/a.json", bot(dt_component()))
    write(repo, "open/b.json", bot(dt_component()))
    os.chmod(repo / "locked", 0)
    try:
        results = {r.path: r for r in lint_files(["."], LintConfig())}
    finally:
        os.chmod(repo / "locked", 0o755)
    assert [f.code for f in results["locked"].findings] == ["BK001"]
    assert "open/b.json" in results


def _cli(*args, cwd, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "botkit", "lint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        input=stdin,
        timeout=60,
        check=False,
    )


def test_hostile_file_names_are_escaped_in_text_and_github(repo):
    name = "x\n::error file=a.json::fake\x1b[31m.curl"
    write(repo, name, "curl https://example.test -H 'Authorization: YOUR_API_KEY'\n")
    for fmt in ("text", "github"):
        out = _cli(".", "--format", fmt, cwd=repo).stdout
        assert "\x1b" not in out
        assert not any(line.startswith("::error file=a.json") for line in out.splitlines())
        assert "\\x1b" in out


def test_no_files_found_is_a_warning(repo):
    result = _cli(".", cwd=repo)
    assert result.returncode == 0 and "warning: no files to lint" in result.stderr


def test_sarif_says_what_could_not_be_linted_and_o_is_written_whole(repo):
    write(repo, "ok.json", bot(dt_component()))
    result = _cli("ok.json", "missing.json", "--format", "sarif", "-o", "out.sarif", cwd=repo)
    assert result.returncode == 2
    log = json.loads((repo / "out.sarif").read_text())
    [notice] = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert notice["message"]["text"].startswith("missing.json: cannot read the file")
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False


def test_verbose_says_what_was_skipped(repo):
    write(repo, "package.json", {"name": "x"})
    write(repo, "b.json", bot(dt_component()))
    result = _cli(".", "-v", cwd=repo)
    assert "skipped package.json: JSON that is no bot or component" in result.stderr
    assert "skipped 1 files: 1 JSON that is no bot or component" in result.stderr


def test_skip_unrelated_filters_named_files_like_a_walk(repo):
    write(repo, ".gitignore", "gen/\n")
    write(repo, "package.json", {"name": "x"})
    write(repo, "gen/c.json", {"steps": []})
    write(repo, "b.json", bot(dt_component(headers=[])))
    result = _cli("--skip-unrelated", "package.json", "gen/c.json", "b.json", "README.md", cwd=repo)
    assert "b.json:" in result.stdout and "package.json" not in result.stdout
    assert "gen/c.json" not in result.stdout


_GLOB = st.text(alphabet="ab.*?[]!/-", max_size=6)
_NAME = st.text(alphabet="ab.-[]!*", min_size=1, max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.lists(_GLOB, max_size=4), _NAME, st.sampled_from([".", "a", "./b", "a/b.", "x/[a]"]))
def test_exclude_patterns_match_as_fnmatch_matches_names_and_relative_paths(
    patterns: list[str], name: str, root: str
) -> None:
    """The walk's exclusions, compiled into one expression, say what ``fnmatch`` says of
    each pattern against the name or the path relative to the walk's start."""
    import fnmatch

    relative = os.path.join(root, name).replace(os.sep, "/").removeprefix("./")
    expected = any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(relative, p) for p in patterns)
    assert Exclusions(tuple(patterns))(name, root) == expected
