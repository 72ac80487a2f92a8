"""--write-baseline and --baseline: adopt lint in a repository that already has findings."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from lint_helpers import KEY, bot, dt_component, write

SNIPPET = (
    "curl https://public.doubletick.io/team-member/assign -H 'Authorization: YOUR_API_KEY' \\\n"
    '  --json \'{"customerPhoneNumber": "9876543210", '
    '"assignedUserPhoneNumber": "919812345678"}\'\n'
)


def _faulty() -> dict:
    body = {"customerPhoneNumber": "9876543210", "assignedUserPhoneNumber": "+91 98123 45678"}
    return bot(dt_component(body))


def _lint(*args: str, cwd) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "botkit", "lint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def repo(tmp_path):
    write(tmp_path, "bots/sales.json", _faulty())
    write(tmp_path, "snippets/assign.curl", SNIPPET)
    return tmp_path


def test_write_baseline_records_todays_findings_and_passes(repo):
    result = _lint(".", "--write-baseline", "botkit-baseline.json", cwd=repo)
    assert result.returncode == 0
    assert "BK101" in result.stdout  # the findings are still shown
    assert "recorded 4 findings in botkit-baseline.json" in result.stderr
    data = json.loads((repo / "botkit-baseline.json").read_text())
    wheres = {(e["path"], e["code"], e["where"]) for e in data["findings"]}
    assert (
        "bots/sales.json",
        "BK103",
        "steps[s0]/component/body/text/assignedUserPhoneNumber",
    ) in wheres
    assert ("snippets/assign.curl", "BK202", "headers/0/value") in wheres
    assert KEY not in (repo / "botkit-baseline.json").read_text()
    again = _lint(".", "--baseline", "botkit-baseline.json", cwd=repo)
    assert again.returncode == 0 and again.stdout == "All checks passed (2 files).\n"


def test_known_findings_stay_known_when_lines_move(repo):
    _lint(".", "--write-baseline", "b.json", cwd=repo)
    document = _faulty()
    document["steps"].insert(
        0, {"id": "hello", "component": {"type": "message", "text": "Hi"}, "next": "s0"}
    )
    document["start"] = "hello"
    write(repo, "bots/sales.json", document)
    write(repo, "snippets/assign.curl", "# assign the chat\n\n" + SNIPPET)
    result = _lint(".", "--baseline", "b.json", cwd=repo)
    assert result.returncode == 0, result.stdout


def test_only_new_findings_are_reported_and_a_second_copy_is_new(repo):
    _lint(".", "--write-baseline", "b.json", cwd=repo)
    twice = bot(
        dt_component(
            {"customerPhoneNumber": "9876543210", "assignedUserPhoneNumber": "+91 98123 45678"}
        ),
        dt_component(
            {"customerPhoneNumber": "9876543210", "assignedUserPhoneNumber": "919812345678"}
        ),
    )
    write(repo, "bots/sales.json", twice)
    result = _lint(".", "--baseline", "b.json", cwd=repo)
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if ": BK" in line]
    assert len(lines) == 1 and "BK101" in lines[0]  # step s1's number is new


@pytest.mark.parametrize(
    "content",
    ["[]", "{}", '{"version": 9, "findings": []}', '{"version": 1, "findings": [1]}', "not json"],
)
def test_a_broken_baseline_is_one_clear_error(repo, content):
    (repo / "b.json").write_text(content)
    result = _lint(".", "--baseline", "b.json", cwd=repo)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("botkit: error: baseline b.json: ")
    assert len(result.stderr.splitlines()) == 1
