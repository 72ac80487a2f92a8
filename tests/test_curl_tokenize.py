"""Shell text -> argv: bash (tree-sitter), Windows cmd and PowerShell, with positions."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from botkit.curl.dialect import detect, read_command
from botkit.errors import InputError


def argv(text: str) -> list[str]:
    return [w.text for w in read_command(text, "<t>").words[1:]]


def error(text: str) -> InputError:
    with pytest.raises(InputError) as info:
        read_command(text, "<t>")
    return info.value


# --- bash quoting ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("curl 'a b' \"c d\" e\\ f", ["a b", "c d", "e f"]),
        ("curl 'it'\\''s'", ["it's"]),
        ('curl "a\\"b \\$x \\`y\\` \\\\ \\n"', ['a"b $x `y` \\ \\n']),
        ("curl pre'sq'\"dq\"post", ["presqdqpost"]),
        ("curl $'a\\nb\\tc\\'d\\\\e'", ["a\nb\tc'd\\e"]),
        ("curl $'\\x41\\u00e9\\U0001F600\\101\\e\\cA'", ["Aé😀A\x1b\x01"]),
        ("curl $'\\xc3\\xa9'", ["é"]),
        ("curl $'cut\\x00here'after", ["cutafter"]),
        ("curl $'\\q\\x'", ["\\q\\x"]),
        ('curl $"translated $ text"', ["translated $ text"]),
        ("curl '{{var}}' {{var}} '$HOME'", ["{{var}}", "{{var}}", "$HOME"]),
        ("curl a\\\nb", ["ab"]),
        ("curl 'one'\\\n'two' three", ["onetwo", "three"]),
        ('curl "a\\\nb"', ["ab"]),
        ("curl -H 'A: b' \\\n\t\t-d x \\\n    -s", ["-H", "A: b", "-d", "x", "-s"]),
        ("curl -d 'x' # a comment\n", ["-d", "x"]),
        ("curl -d x \\\n", ["-d", "x"]),
        ("curl \\  -d", [" ", "-d"]),
        ("curl.exe -s", ["-s"]),
        ("sudo curl -s", ["-s"]),
        ("/usr/bin/curl -s", ["-s"]),
    ],
)
def test_bash_words(text: str, expected: list[str]) -> None:
    assert argv(text) == expected


def test_tilde_expands_where_bash_expands_it() -> None:
    home = str(Path.home())
    words = argv("curl ~/a ~ x~y '~/q' ~user -T ~/f.json")
    assert words == [f"{home}/a", home, "x~y", "~/q", "~user", "-T", f"{home}/f.json"]


def test_windows_line_ends_are_read_as_unix_ones() -> None:
    assert argv("curl -H 'A: b' \\\r\n  -d x\r\n") == ["-H", "A: b", "-d", "x"]


def test_word_positions_are_lines_and_character_columns() -> None:
    words = read_command("curl -H 'é: ü' \\\n   --url  x", "<t>").words
    assert [(w.text, w.line, w.column) for w in words] == [
        ("curl", 1, 1),
        ("-H", 1, 6),
        ("é: ü", 1, 9),
        ("--url", 2, 4),
        ("x", 2, 11),
    ]


# --- variables ---------------------------------------------------------------------------


def test_assigned_and_exported_variables_expand() -> None:
    text = 'BASE=https://x\nexport T="a b"\ncurl "$BASE/p" -H "T: $T" -d "${MISSING:-dflt}"'
    command = read_command(text, "<t>")
    assert [w.text for w in command.words[1:]] == ["https://x/p", "-H", "T: a b", "-d", "dflt"]
    assert command.warnings == []


def test_an_unset_variable_becomes_a_placeholder_with_a_note() -> None:
    command = read_command('curl -H "Authorization: Bearer $API_TOKEN" x', "<t>")
    assert command.words[2].text == "Authorization: Bearer {{API_TOKEN}}"
    [note] = command.warnings
    assert (note.option, note.line, note.column) == ("$API_TOKEN", 1, 32)
    assert "{{API_TOKEN}}" in note.message


def test_assignments_after_curl_do_not_count() -> None:
    command = read_command('curl "$X"\nX=1', "<t>")
    assert command.words[1].text == "{{X}}"


# --- standard input ----------------------------------------------------------------------


def test_heredoc_with_unquoted_delimiter_expands_like_bash() -> None:
    command = read_command('X=1\ncurl -d @- <<EOF\n"$X" \\$y it\'s\nEOF\n', "<t>")
    assert command.stdin is not None
    assert command.stdin.value == '"1" $y it\'s\n'


def test_heredoc_with_quoted_delimiter_is_literal() -> None:
    command = read_command('curl -d @- <<\'JSON\'\n{"a": "$x \\\\ `y`"}\nJSON\n', "<t>")
    assert command.stdin is not None and command.stdin.value == '{"a": "$x \\\\ `y`"}\n'


def test_heredoc_dash_strips_leading_tabs() -> None:
    command = read_command("curl -d @- <<-EOF\n\tone\n\t\ttwo\n\tEOF\n", "<t>")
    assert command.stdin is not None and command.stdin.value == "one\ntwo\n"


def test_herestring_and_file_redirect() -> None:
    here = read_command("curl -d @- x <<< 'hi there'", "<t>").stdin
    assert here is not None and (here.kind, here.value) == ("text", "hi there\n")
    redirect = read_command("curl -d @- x < body.json > out 2>&1", "<t>").stdin
    assert redirect is not None and (redirect.kind, redirect.value) == ("file", "body.json")


def test_a_pipe_into_curl_is_remembered_and_output_pipes_are_fine() -> None:
    piped = read_command("echo '{}' | curl -d @- x", "<t>").stdin
    assert piped is not None and piped.kind == "pipe"
    assert argv("curl -s x | jq '.items[]' | head -n 3") == ["-s", "x"]


# --- terminal transcripts ----------------------------------------------------------------


def test_a_prompt_and_the_output_after_it() -> None:
    text = '$ curl -s https://x/y \\\n> -H \'A: b\'\n{"message": "it\'s done"}\n'
    assert argv(text) == ["-s", "https://x/y", "-H", "A: b"]
    assert argv("% curl -s x") == ["-s", "x"]


# --- errors, with where they are ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("curl -H 'abc\n-d x\n", (1, 9), "unclosed single quote"),
        ('curl -H "abc\n', (1, 9), "unclosed double quote"),
        ("curl $'abc", (1, 6), "unclosed $'"),
        ('curl -H "X: $(cat key)" x', (1, 13), "runs a command"),
        ("curl -H `cat h` x", (1, 9), "runs a command"),
        ("curl -d $((1+2)) x", (1, 9), "arithmetic"),
        ('curl -d "$1" x', (1, 10), "shell parameter"),
        ("curl http://x/{a,b}", (1, 15), "brace expansion"),
        ("curl http://x?a=1&b=2", (1, 18), "unquoted &"),
        ("curl a\ncurl b", (2, 1), "second curl"),
        ("curl a && echo done", (1, 11), "second command"),
        ("curl a \\ \n  -d x", (2, 3), "then spaces"),
        ("curl a\n  -d x", (2, 3), "does not end with"),
        ("curl -d x \\ ", (1, 11), "then spaces"),
        ("if true; then curl x; fi", (1, 1), "not a script"),
        ("wget https://x", (1, 1), "no curl command"),
        ("curl -d @- x <<EOF\nbody\n", (1, 14), "never reaches its end"),
        ("X='a b'\ncurl $X", (2, 6), "double quotes"),
    ],
)
def test_bash_errors_say_what_and_where(text: str, where: tuple[int, int], words: str) -> None:
    exc = error(text)
    assert (exc.line, exc.column) == where, str(exc)
    assert words in exc.message


def test_no_command_at_all() -> None:
    assert "no curl command" in error("# just a comment\n").message


# --- bash itself agrees ------------------------------------------------------------------

_pieces = st.one_of(
    st.text(st.characters(codec="ascii", exclude_characters="\x00'"), max_size=6).map(
        lambda s: "'" + s + "'"
    ),
    st.text(st.characters(codec="ascii", exclude_characters='\x00"\\$`!'), max_size=6).map(
        lambda s: '"' + s + '"'
    ),
    st.sampled_from(
        [
            '"\\$"',
            '"\\""',
            '"\\\\"',
            '"\\x"',
            "\\ ",
            "\\'",
            '\\"',
            "\\\\",
            "$'\\n'",
            "$'\\x41'",
            "$'\\''",
            "$'\\u00e9'",
            "{{v}}",
            "a=b",
            "-H",
            "@-",
            ":",
            "%",
            "é",
            "\\\n",
            "$'\\t'",
        ]
    ),
    st.text("abcXYZ019-_./:=@%+,", min_size=1, max_size=5),
)
_words = st.lists(st.lists(_pieces, min_size=1, max_size=4).map("".join), min_size=1, max_size=6)


@settings(max_examples=60, deadline=None)
@given(_words)
def test_bash_tokenizing_matches_real_bash(words: list[str]) -> None:
    line = "first " + " ".join(words) + " last"
    script = "curl " + line
    real = subprocess.run(
        ["bash", "--noprofile", "--norc", "-c", "printf '%s\\0' " + line],
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")[:-1]
    assert argv(script) == [w.decode("utf-8") for w in real]


# --- Windows cmd (Chrome's "Copy as cURL (cmd)") -----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('curl ^"https://x/?a=1^&b=2^" ^\n  -H ^"A: b^"', ["https://x/?a=1&b=2", "-H", "A: b"]),
        ('curl ^"^{^\\^"k^\\^":1^}^"', ['{"k":1}']),
        ('curl ^"50^% ^<off^> ^| ^!^"', ["50% <off> | !"]),
        ('curl ^"line1^\n\nline2^"', ["line1\nline2"]),
        ('curl "plain ^ quoted" x', ["plain ^ quoted", "x"]),
        ('curl "a""b" c\\\\d "e\\\\\\"f" "g\\\\"', ['a"b', "c\\\\d", 'e\\"f', "g\\"]),
        ("curl %PATH% x", ["%PATH%", "x"]),
    ],
)
def test_cmd_words(text: str, expected: list[str]) -> None:
    assert [w.text for w in read_cmd_words(text)] == expected


@pytest.mark.parametrize(
    ("name", "body"),
    [("call.cmd", '{"a":"b c"}'), ("call.bat", '{"a":"b c"}'), ("call.sh", "{a:b c}")],
)
def test_a_cmd_file_is_read_by_cmd_rules_whatever_it_looks_like(name: str, body: str) -> None:
    """One line with plain quotes looks like bash; its name says cmd, and cmd's C runtime
    reads "" inside quotes as one quote (lint and import alike)."""
    from botkit.convert import import_text

    text = 'curl https://x.example/y --data-raw "{""a"":""b c""}"\n'
    assert import_text(text, source=name).document["body"]["text"] == body


def read_cmd_words(text: str):
    from botkit.curl.cmd_reader import read_cmd

    return read_cmd(text, "<t>").words[1:]


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ('curl ^"https://x/?a=1&b=2^"', (1, 22), "unescaped &"),
        ('curl "https://x ^\n -H x', (2, 2), "second command"),
        ('curl ^"a^" ^\n  -d x\ncurl ^"b^"', (3, 1), "second command"),
    ],
)
def test_cmd_errors(text: str, where: tuple[int, int], words: str) -> None:
    from botkit.curl.cmd_reader import read_cmd

    with pytest.raises(InputError) as info:
        read_cmd(text, "<t>")
    exc = info.value
    assert (exc.line, exc.column) == where, str(exc)
    assert words in exc.message


# --- PowerShell --------------------------------------------------------------------------


def test_powershell_quoting_and_continuations() -> None:
    text = (
        'curl.exe -X POST "https://x/y" `\n'
        "  -H 'A: it''s' `\n"
        '  -d "tab`there ""q"" `$5 ``" -H \u2018smart\u2019\n'
    )
    assert detect(text) == "powershell"
    assert argv(text) == [
        "-X",
        "POST",
        "https://x/y",
        "-H",
        "A: it's",
        "-d",
        'tab\there "q" $5 `',
        "-H",
        "smart",
    ]


def test_powershell_variables() -> None:
    command = read_command('$base = \'https://x\'\ncurl.exe "$base/p" -H "K: $env:KEY"', "<t>")
    assert [w.text for w in command.words[1:]] == ["https://x/p", "-H", "K: {{KEY}}"]
    [note] = command.warnings
    assert note.option == "$env:KEY" and (note.line, note.column) == (2, 27)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("curl.exe -d @'\n{\"a\": 'it''s'}\n'@ https://x", ["-d", "{\"a\": 'it''s'}", "https://x"]),
        ("curl.exe -d @'  \r\nline 1\r\nline 2\r\n'@", ["-d", "line 1\r\nline 2"]),
        ("curl.exe -d @'\n'@ https://x", ["-d", "", "https://x"]),
        ("curl.exe -d @'\n '@\n'@", ["-d", " '@"]),  # the closing line starts with '@
        ('$v = "V"\ncurl.exe -d @"\n"$v" `$v ``\n"@', ["-d", '"V" $v `']),
    ],
)
def test_powershell_here_strings(text: str, expected: list[str]) -> None:
    assert argv(text) == expected


def test_powershell_arguments_end_at_a_nul() -> None:
    assert argv('curl.exe -d "a`0b" https://x') == ["-d", "a", "https://x"]


def test_powershell_prompt_and_pipe() -> None:
    assert argv("PS C:\\Users\\me> curl.exe -s https://x | ConvertFrom-Json") == ["-s", "https://x"]


def test_powershell_notes_quotes_older_versions_drop() -> None:
    command = read_command("curl.exe -d '{\"a\":1}' https://x", "<t>")
    assert any("before 7.3" in n.message for n in command.warnings)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Invoke-WebRequest -Uri https://x -Method POST", "Invoke-WebRequest"),
        ("curl -Uri https://x -Method Get `\n -UseBasicParsing", "Invoke-WebRequest"),
        ('curl.exe -H "K: $(Get-Key)" https://x', "subexpression"),
        ("curl.exe -d 'open https://x", "unclosed single quote"),
        ("curl.exe https://x; curl.exe https://y", "second command"),
        ("curl.exe --% -d x https://x", "--%"),
        ("curl.exe -d @'\nno end", "unclosed here-string"),
        ("curl.exe -d @'x'@ https://x", "starting with '@'"),
    ],
)
def test_powershell_errors(text: str, words: str) -> None:
    assert words in error(text).message


@pytest.mark.parametrize(
    ("text", "dialect"),
    [
        ("curl 'https://x' -d '^\"not cmd^\"'", "bash"),
        ("curl https://x \\\n -d 'a'", "bash"),
        ('curl ^"https://x^"', "cmd"),
        ("curl https://x ^\n  -d a", "cmd"),
        ("curl.exe https://x", "powershell"),
        ("curl https://x `\n  -d a", "powershell"),
        ("PS C:\\> curl.exe https://x", "powershell"),
    ],
)
def test_dialect_detection(text: str, dialect: str) -> None:
    assert detect(text) == dialect


def test_a_quoted_crlf_on_a_single_line_is_kept_as_bash_keeps_it() -> None:
    # Found by test_bash_tokenizing_matches_real_bash: a text whose only line break is a
    # CR LF inside quotes is no Windows file; its line ends are read as they are.
    assert argv("curl first '\r\n' last") == ["first", "\r\n", "last"]
    assert argv("curl first\r\n") == ["first"]
    assert argv("curl -d 'a\r\nb' \\\r\n  x\r\n") == ["-d", "a\nb", "x"]
