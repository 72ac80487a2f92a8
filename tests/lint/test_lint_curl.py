"""cURL snippets: read with botkit's reader, then linted as the component they import to."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lint_helpers import KEY, codes, lint, write

from botkit.lint import LintConfig, lint_files, lint_paths

SNIPPETS = Path(__file__).resolve().parents[2] / "samples" / "snippets"
# Files whose shell has no '#' comment carry their expectations here.
EXPECT_ELSEWHERE = {"windows-cmd-copy.curl": ["BK103"]}

README = """curl --request POST \\
     --url https://public.doubletick.io/team-member/assign \\
     --header 'Authorization: {key}' \\
     --header 'content-type: application/json' \\
     --data '
{{
  "customerPhoneNumber": "{customer}",
  "assignedUserPhoneNumber": "919812345678"
}}
'
"""


def _readme(key: str = "$DOUBLETICK_API_KEY", customer: str = "919876543210") -> str:
    text = README.format(key=key, customer=customer)
    if key.startswith("$"):  # bash expands a variable in double quotes only
        text = text.replace(f"'Authorization: {key}'", f'"Authorization: {key}"')
    return text


def test_clean_snippet_passes():
    assert lint(_readme(), kind="curl") == []


def test_phone_and_auth_rules_apply_to_snippets_with_positions():
    text = _readme(key="YOUR_API_KEY", customer="9876543210")
    findings = lint(text, kind="curl")
    assert codes(findings) == ["BK101", "BK202"]
    lines = text.splitlines()
    for f in findings:
        wanted = '"9876543210"' if f.code == "BK101" else "YOUR_API_KEY"
        assert lines[f.line - 1][f.column - 1 :].startswith(wanted)


def test_bk203_in_a_snippet_suggests_an_environment_variable():
    [finding] = lint(_readme(key=KEY), kind="curl")
    assert finding.code == "BK203" and '"$DOUBLETICK_API_KEY"' in finding.message
    assert KEY not in finding.message


def test_bk201_in_a_snippet_points_at_the_curl_word():
    text = "# assign\n  curl -X POST https://public.doubletick.io/team-member/unassign -d '{}'\n"
    [finding] = [f for f in lint(text, kind="curl") if f.code == "BK201"]
    assert (finding.line, finding.column) == (2, 3)
    assert '-H "Authorization: $DOUBLETICK_API_KEY"' in finding.message


def test_bk401_option_the_component_cannot_hold():
    text = "curl --proxy http://p:3128 https://example.com/x\n"
    [finding] = lint(text, kind="curl")
    assert finding.code == "BK401" and finding.slug == "curl-option-dropped"
    assert (finding.line, finding.column) == (1, 6) and "--proxy" in finding.message


def test_bk401_not_raised_for_a_key_kept_in_an_environment_variable():
    assert "BK401" not in codes(lint(_readme(), kind="curl"))


def test_bk402_unreadable_snippet_with_the_reader_position():
    [finding] = lint("curl -X POST 'https://example.com/x\n", kind="curl")
    assert finding.code == "BK402" and (finding.line, finding.column) == (1, 14)
    assert "unclosed single quote" in finding.message


def test_bk402_messages_never_show_a_key():
    text = f"curl https://example.com -H 'Authorization: {KEY}' -H\n"
    findings = lint(text, kind="curl")
    assert findings and all(KEY not in f.message and KEY[4:] not in f.message for f in findings)


def test_file_level_suppression_comment():
    text = "# botkit: ignore BK203, BK101\n" + _readme(key=KEY, customer="9876543210")
    assert lint(text, kind="curl") == []
    text = "# botkit: ignore\n" + _readme(key="", customer="N/A")
    assert lint(text, kind="curl") == []


def test_fix_in_a_snippet_rewrites_only_the_number(tmp_path):
    original = _readme(customer="+91 98765 43210")
    path = write(tmp_path, "assign.curl", original)
    [result] = lint_files([path], LintConfig(), fix=True)
    assert [f.code for f in result.fixed] == ["BK103"] and result.findings == []
    assert path.read_text() == original.replace("+91 98765 43210", "919876543210")


def test_fix_inside_escaped_double_quotes_rewrites_only_the_digits(tmp_path):
    # The JSON quotes are written \" here, so the string's quotes cannot be rewritten;
    # the digits between them are written as they are, and digits mean the same to bash.
    text = (
        'curl https://public.doubletick.io/team-member/assign -H "Authorization: {{k}}" '
        '-H "content-type: application/json" -d "{\\"customerPhoneNumber\\": \\"+919876543210\\", '
        '\\"assignedUserPhoneNumber\\": \\"919812345678\\"}"\n'
    )
    [finding] = lint(text, kind="curl")
    assert finding.code == "BK103" and finding.fix is not None
    path = write(tmp_path, "a.sh", text)
    [result] = lint_files([path], LintConfig(), fix=True)
    assert [f.code for f in result.fixed] == ["BK103"]
    assert path.read_text() == text.replace("+919876543210", "919876543210")
    assert lint(path.read_text(), kind="curl") == []


def test_no_fix_where_the_value_is_not_written_verbatim(tmp_path):
    # \x2b is '+' to bash: the text there is not the value, so it is left alone.
    text = (
        "curl https://public.doubletick.io/team-member/assign -H 'Authorization: {{k}}' "
        "-H 'content-type: application/json' "
        '-d $\'{"customerPhoneNumber": "\\x2b919876543210", '
        '"assignedUserPhoneNumber": "919812345678"}\'\n'
    )
    [finding] = lint(text, kind="curl")
    assert finding.code == "BK103" and finding.fix is None
    path = write(tmp_path, "a.sh", text)
    [result] = lint_files([path], LintConfig(), fix=True)
    assert result.fixed == [] and path.read_text() == text


def test_shell_scripts_without_curl_are_not_snippets(tmp_path):
    write(
        tmp_path, "deploy.sh", "#!/bin/sh\n# curl is mentioned only in this comment\nmake deploy\n"
    )
    write(tmp_path, "empty.curl", "")
    found = list(lint_paths([tmp_path], LintConfig()))
    assert [(Path(f.path).name, f.code) for f in found] == [("empty.curl", "BK402")]


def _expected(path: Path) -> list[str]:
    if path.name in EXPECT_ELSEWHERE:
        return EXPECT_ELSEWHERE[path.name]
    match = re.search(r"^# expect: (.*)$", path.read_text(), re.M)
    assert match, f"{path.name} does not say what it expects"
    return match.group(1).split()


CLEAN = sorted(p for p in SNIPPETS.iterdir() if p.is_file())
FAULTY = sorted((SNIPPETS / "faulty").iterdir())


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.name)
def test_clean_snippet_samples(path):
    assert list(lint_paths([path], LintConfig())) == []


@pytest.mark.parametrize("path", FAULTY, ids=lambda p: p.name)
def test_faulty_snippet_samples(path):
    assert sorted(f.code for f in lint_paths([path], LintConfig())) == sorted(_expected(path))


def test_body_that_is_not_json_in_a_snippet_is_placed_without_crashing():
    # Found by the fuzzer: a body key with an invalid escape broke the position index.
    text = (
        "curl https://public.doubletick.io/team-member/assign -H 'Authorization: {{k}}' "
        """-d '{"\\q": "9876543210"}'\n"""
    )
    [finding] = lint(text, kind="curl")
    assert finding.code == "BK305" and "not valid JSON" in finding.message
