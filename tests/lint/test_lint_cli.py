"""``botkit lint`` as CI runs it: formats, exit statuses, unreadable input, settings."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lint_helpers import KEY, bot, dt_component, write

from botkit.cli import main


def run(args: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(["lint", *args])
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


def _faulty_bot() -> dict:
    body = {"customerPhoneNumber": "9876543210", "assignedUserPhoneNumber": "+91 98123 45678"}
    return bot(dt_component(body))


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "bots/clean.json", bot(dt_component()))
    write(tmp_path, "bots/sales/faulty.json", _faulty_bot())
    write(
        tmp_path,
        "bots/warn.json",
        bot(dt_component(headers=[{"name": "Authorization", "value": KEY}])),
    )
    write(tmp_path, "bots/notes.txt", "not linted: unknown suffix in a directory walk")
    write(tmp_path, "bots/node_modules/x.json", "{ broken")
    return tmp_path


def test_text_format_and_exit_1_on_errors(tree, capsys):
    code, out, _ = run(["bots"], capsys)
    lines = out.splitlines()
    assert code == 1
    assert lines[0].startswith("bots/sales/faulty.json:") and " BK101 " in lines[0]
    assert lines[-1] == "Found 1 error and 2 warnings in 2 of 3 files; 1 fixable with --fix."
    for line in lines[:-1]:
        _path, row, col, rest = line.split(":", 3)
        assert row.isdigit() and col.isdigit() and rest.startswith(" BK")


def test_warnings_alone_exit_0(tree, capsys):
    code, out, _ = run(["bots/warn.json"], capsys)
    assert code == 0 and " BK203 " in out


def test_clean_exit_0(tree, capsys):
    code, out, _ = run(["bots/clean.json"], capsys)
    assert (code, out) == (0, "All checks passed (1 file).\n")


def test_json_format(tree, capsys):
    code, out, _ = run(["bots", "--format", "json"], capsys)
    findings = json.loads(out)
    assert code == 1 and len(findings) == 3
    for f in findings:
        assert {"path", "line", "column", "code", "rule", "severity", "message"} <= set(f)
    fixable = [f for f in findings if f["fix"]]
    assert [f["code"] for f in fixable] == ["BK103"]
    assert fixable[0]["fix"]["edits"][0]["content"] == '\\"919812345678\\"'


def test_json_format_empty_is_an_empty_list(tree, capsys):
    code, out, _ = run(["bots/clean.json", "--format", "json"], capsys)
    assert (code, json.loads(out)) == (0, [])


def test_github_format(tree, capsys):
    code, out, _ = run(["bots/sales/faulty.json", "--format", "github"], capsys)
    assert code == 1
    first, second = out.splitlines()
    assert first.startswith("::error file=bots/sales/faulty.json,line=")
    assert ",title=BK101 phone-country-code::BK101 customerPhoneNumber:" in first
    assert second.startswith("::warning ")


def test_github_escaping():
    from botkit.lint.report.github import _data, _property

    assert _data("50% done\nnext") == "50%25 done%0Anext"
    assert _property("a:b,c") == "a%3Ab%2Cc"


def test_sarif_format(tree, capsys):
    code, out, _ = run(["bots", "--format", "sarif"], capsys)
    log = json.loads(out)
    assert code == 1 and log["version"] == "2.1.0"
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert run_["columnKind"] == "unicodeCodePoints"
    for result in run_["results"]:
        rule = rules[result["ruleIndex"]]
        assert rule["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning")
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri.startswith("bots/")
    fixed = [r for r in run_["results"] if "fixes" in r]
    assert fixed and fixed[0]["ruleId"] == "BK103"


def test_output_file(tree, capsys):
    code, out, _ = run(["bots", "--format", "sarif", "-o", "report.sarif"], capsys)
    assert code == 1 and out == ""
    assert json.loads((tree / "report.sarif").read_text())["version"] == "2.1.0"


def test_select_ignore_and_default_region(tree, capsys):
    code, out, _ = run(
        ["bots", "--select", "BK1", "--ignore", "BK103", "--default-region", "in"], capsys
    )
    assert (
        code == 1
        and "did you mean 919876543210?" in out
        and "BK103" not in out
        and "BK203" not in out
    )
    code, out, _ = run(["bots", "--ignore", "BK101,BK103"], capsys)
    assert code == 0 and "BK203" in out


def test_settings_from_pyproject(tree, capsys):
    (tree / "pyproject.toml").write_text(
        '[tool.botkit.lint]\nignore = ["BK203"]\nexclude = ["sales"]\n'
    )
    code, out, _ = run(["bots"], capsys)
    assert code == 0 and "All checks passed (2 files)." in out
    code, out, _ = run(["bots", "--isolated"], capsys)
    assert code == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["bots", "--select", "BK9"], "unknown rule selector 'BK9'"),
        (["bots", "--default-region", "XX"], "is not a region code"),
        (["bots", "--format", "yaml"], "'yaml' is not one of"),
    ],
)
def test_usage_errors_exit_2_with_one_line(tree, capsys, args, message):
    code, out, err = run(args, capsys)
    assert code == 2 and out == ""
    assert err.startswith("botkit: error: ") and message in err and err.count("\n") == 1


def test_a_missing_path_is_a_finding_and_the_rest_is_still_linted(tree, capsys):
    # Issue 11: one missing path used to stop the whole run as a usage error.
    code, out, err = run(["missing.json", "bots"], capsys)
    assert code == 2 and err == ""
    assert "missing.json:1:1: BK001 cannot read the file (No such file or directory)" in out
    assert " BK101 " in out and "1 file could not be linted." in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe{\x00}\x00", "binary file"),
        (b'{"name": "caf\xe9"}', "not UTF-8 text (byte 0xe9 at offset 13)"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary file"),
    ],
)
def test_unreadable_file_exits_2_and_other_files_are_still_linted(tree, capsys, content, message):
    write(tree, "bots/bad.json", content)
    code, out, _ = run(["bots"], capsys)
    assert code == 2
    assert f"bots/bad.json:1:1: BK001 {message}" in out
    assert " BK101 " in out  # the other files were linted
    assert "1 file could not be linted." in out


def test_empty_and_whitespace_files_are_invalid_json(tree, capsys):
    write(tree, "empty.json", "")
    write(tree, "blank.json", "  \n")
    code, out, _ = run(["empty.json", "blank.json"], capsys)
    assert code == 1
    assert "empty.json:1:1: BK300 invalid JSON: Expecting value" in out
    assert "blank.json:2:1: BK300" in out


def test_stdin(tree, capsys, monkeypatch):
    import io

    data = json.dumps(_faulty_bot()).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run(["-"], capsys)
    assert code == 1 and out.startswith("<stdin>:1:")


def test_list_rules(capsys):
    code, out, _ = run(["--list-rules"], capsys)
    assert code == 0
    assert "BK103  phone-format" in out and "(fixable)" in out
    from botkit.lint.rules import all_rules

    assert len(out.splitlines()) == len(all_rules())


def test_help_has_examples(capsys):
    with pytest.raises(SystemExit):
        main(["lint", "--help"])
    out = capsys.readouterr().out
    assert "botkit lint . --format github" in out and "x-botkit-ignore" in out


def test_installed_command_exit_statuses(tree):
    command = [sys.executable, "-m", "botkit", "lint"]
    assert subprocess.run([*command, "bots/clean.json"], capture_output=True).returncode == 0
    assert subprocess.run([*command, "bots"], capture_output=True).returncode == 1
    done = subprocess.run([*command, "nope"], capture_output=True, text=True)
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_pre_commit_hook_runs_lint_on_the_files_it_lints():
    root = Path(__file__).resolve().parents[2]
    manifest = (root / ".pre-commit-hooks.yaml").read_text()
    hook = dict(re.findall(r"^  ?-? ?(\w+): (.*)$", manifest, re.M))
    assert re.search(r"^- id: botkit-lint$", manifest, re.M)
    # pre-commit names every changed file: the hook skips what a folder walk would skip
    assert hook["entry"] == "botkit lint --skip-unrelated" and hook["language"] == "python"
    files = re.compile(hook["files"])
    for name in ("bots/a.json", "snippets/b.curl", "c.sh", "d.cmd", "e.ps1"):
        assert files.search(name)
    for name in ("README.md", "a.json.bak", "notes.txt"):
        assert not files.search(name)


def test_a_crash_on_one_file_is_reported_and_the_others_are_linted(tree, capsys, monkeypatch):
    from botkit.lint.rules import bk502_duplicate_step_id

    def broken(bot):
        if bot["steps"][0]["component"].get("headers", [{}])[0].get("value") == KEY:
            raise RuntimeError(f"boom near {KEY}")
        return iter(())

    monkeypatch.setattr(bk502_duplicate_step_id, "check", broken)
    code, out, _ = run(["bots"], capsys)
    assert code == 2
    assert "bots/warn.json:1:1: BK000 internal error: RuntimeError: boom near key_…XYZ" in out
    assert KEY not in out and " BK101 " in out


def test_help_examples_name_no_folders_that_may_not_exist_and_every_clipboard(capsys):
    code, out, _ = run(["--help"], capsys)
    assert code == 0
    examples = out.split("Examples:")[1].split("Settings")[0]
    assert "bots/" not in examples and "snippets/" not in examples
    if "pbpaste" in examples:  # macOS alone would leave Linux and Windows users guessing
        assert "Get-Clipboard" in examples and ("xclip" in examples or "wl-paste" in examples)
    for option in ("--diff", "--baseline", "--write-baseline", "--format sarif"):
        assert option in examples
