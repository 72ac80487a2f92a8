"""Linting a script with many curl commands is linear: each command's document looks
for its values in its own text only, and what is the same for every command of the
file (the line table, ``# botkit: ignore`` lines) is worked out once.

Counted, not timed: 4,000 four-line commands took 20.6 s when each document scanned
the whole file; `bench/run.py --only scale` shows the times at 1x, 4x, 16x.
"""

from __future__ import annotations

from lint_helpers import write

from botkit.lint import LintConfig, curldoc, lint_files

COMMANDS = 300


def _script() -> str:
    return "set -e\n" + "".join(
        f"curl --request POST --url https://public.doubletick.io/team-member/assign \\\n"
        f"     --header 'Authorization: key_xxxxxxxxxx' \\\n"
        f"     --header 'content-type: application/json' \\\n"
        f'     --data \'{{"customerPhoneNumber": "98765{i:05d}", '
        f'"assignedUserPhoneNumber": "919812345678"}}\'\n'
        for i in range(COMMANDS)
    )


def test_each_command_is_linted_within_its_own_lines(tmp_path, monkeypatch) -> None:
    built: list[str] = []
    real = curldoc.LineIndex

    def counting(text: str, *args: int) -> curldoc.LineIndex:
        built.append(text)
        return real(text, *args)

    monkeypatch.setattr(curldoc, "LineIndex", counting)
    curldoc._lines_of.cache_clear()
    curldoc.ignored_codes.cache_clear()
    path = write(tmp_path, "calls.sh", _script())
    [result] = lint_files([path], LintConfig())

    by_code: dict[str, list[int]] = {}
    for finding in result.findings:
        by_code.setdefault(finding.code, []).append(finding.begin.line)
    # The placeholder key of command k is on its line 2, its phone number on line 4.
    assert by_code["BK202"] == [3 + 4 * k for k in range(COMMANDS)]
    assert by_code["BK101"] == [5 + 4 * k for k in range(COMMANDS)]
    assert len(built) == 1  # one line table for the file, not one per command
    assert curldoc.ignored_codes.cache_info().misses == 1
