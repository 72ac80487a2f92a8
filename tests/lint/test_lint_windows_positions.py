"""Findings on Windows cmd and PowerShell snippets sit where their reader says the value is.

The cmd and PowerShell readers keep, like the bash one, where each character of a
word was written, through ``^`` escapes and continuations, ``""`` and ``\\"``, ``%VAR%``,
backtick continuations and escapes, and single, double and here-strings.  Each case
marks in its own text where each finding must start (``«BK202»`` stands just before
the character); the marks are taken out before linting.  Decoys (a header-like line
inside a body, the same value earlier, the value in a comment) must not attract them.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lint_helpers import lint_text
from snippet_decoys import DRAWN, assert_at_values, decoy_body, finish, header_word, join, position

from botkit.lint import LintConfig, Linter

DT = "https://public.doubletick.io/team-member/assign"
VAMBE = (
    "https://api.vambe.me/api/public/contact/3f2b8c1e-9d4a-4e6b-8a7c-1d2e3f4a5b6c"
    "/assign-team-member/0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b"
)
_MARK = re.compile(r"«(BK\d{3})»")


def unmark(marked: str) -> tuple[str, list[tuple[str, int, int]]]:
    """The text without its marks, and (code, line, column) for each mark."""
    text, expected, at = "", [], 0
    for m in _MARK.finditer(marked):
        text += marked[at : m.start()]
        expected.append((m.group(1), *position(text, len(text))))
        at = m.end()
    text += marked[at:]
    return text, sorted(expected)


def found(text: str, name: str) -> list[tuple[str, int, int]]:
    findings = lint_text(Linter(LintConfig()), text, name)
    return sorted((f.code, f.line, f.column) for f in findings)


CMD = {
    # Chrome's "Copy as cURL (cmd)": ^" quoting, ^\^" in the body, ^ continuations, and a
    # body line (^ + two line breaks) that reads like the Authorization header below it.
    "chrome-decoy-line": (
        f'curl ^"{DT}^" ^\n'
        '  -H ^"content-type: application/json^" ^\n'
        '  --data-raw ^"^{^\\^"customerPhoneNumber^\\^":^\\^"919876543210^\\^",^\n'
        "\n"
        '«BK303»^\\^"note^\\^":^\\^"Authorization: YOUR_API_KEY^\\^",'
        '^\\^"assignedUserPhoneNumber^\\^":^\\^"919812345678^\\^"^}^" ^\n'
        '  -H ^"Authorization: «BK202»YOUR_API_KEY^"\n'
    ),
    # Plain quotes with \" in the body; the same number earlier in a field no rule checks;
    # %VAR% and header-like text in another header before the real one.
    "plain-repeated-value": (
        f'curl "{DT}" ^\n'
        '  -H "X-Note: %USERNAME% Authorization: YOUR_API_KEY" ^\n'
        '  -H "Authorization: {{DOUBLETICK_API_KEY}}" -H "content-type: application/json" ^\n'
        '  -d "{«BK303}\\"copy\\":\\"+91 98765 43210\\",'
        '\\"customerPhoneNumber\\":«BK103»\\"+91 98765 43210\\",'
        '\\"assignedUserPhoneNumber\\":«BK101»\\"9876543210\\"}"\n'
    ).replace("«BK303}", "«BK303»"),
    # "" for a quote inside a quoted argument (the C runtime's rule), on one line.
    "doubled-quotes": (
        f"curl {DT} -H %NOTHING%X-Trace:%KEY% "
        '-H "Authorization: «BK202»key_xxxxxxxxxx" -H "content-type: application/json" '
        '--data-raw "{""customerPhoneNumber"":«BK102»""N/A"",'
        '""assignedUserPhoneNumber"":""919812345678""}"\n'
    ),
    "password-after-a-decoy": (
        'curl ^"https://crm.example.com/leads^" ^\n'
        '  -H ^"X-Note: admin:Xk9pL2q$wZZ^" ^\n'
        '  -u ^"admin:«BK203»Xk9pL2q$wZZ^"\n'
    ),
    "method-option-body-rules": (
        f'curl ^"{DT}^" -X «BK304»GET ^\n'
        '  -H ^"Authorization: {{DOUBLETICK_API_KEY}}^" ^\n'
        "  «BK401»--proxy http://p:3128 ^\n"
        '  «BK306»-d ^"«BK302»^{^\\^"customerPhoneNumber^\\^":^\\^"919876543210^\\^",'
        '^\\^"reassign^\\^":«BK305»^\\^"yes^\\^"^}^"\n'
    ),
    "path-mismatch": (
        'curl -H "Authorization: {{DOUBLETICK_API_KEY}}" ^\n'
        '  ^"«BK304»https://public.doubletick.io/team-member/asign^" --json "{}"\n'
    ),
    "query-parameter": (
        f'curl "{VAMBE}?«BK303»removeExistingAgent=true" -X POST ^\n'
        '  -H "x-api-key: {{VAMBE_API_KEY}}"\n'
    ),
    "no-key": (
        f'  «BK201»curl -X POST {DT} -H ^"content-type: application/json^" -d «BK302»«BK302»{{}}\n'
    ),
    "unreadable": 'curl ^"https://x.example/?a=1«BK402»&b=2^"\n',
    "data-file-outside": "curl https://h.example/x ^\n  -d «BK403»@../../ci-secrets.json\n",
    "form-file-outside": 'curl https://h.example/x -F ^"«BK403»f=@../../ci-secrets.json^"\n',
}

PS = {
    # A single-quoted body over two lines, the second reading like the header below it.
    "single-decoy-line": (
        f"curl.exe {DT} `\n"
        "  -H 'content-type: application/json' `\n"
        '  -d «BK401»\'{"customerPhoneNumber": "919876543210",\n'
        '«BK303»"note": "it\'\'s Authorization: YOUR_API_KEY", '
        '"assignedUserPhoneNumber": "919812345678"}\' `\n'
        '  -H "Authorization: «BK202»YOUR_API_KEY"\n'
    ),
    # `" and "" inside a double-quoted body, $env: before the value, the same number earlier.
    "double-escapes-repeated-value": (
        f'curl.exe "{DT}" -H "Authorization: $env:DOUBLETICK_API_KEY" `\n'
        '  -H "content-type: application/json" `\n'
        '  --data-raw «BK401»"{«BK303»`"copy`": `"+91 98765 43210`", '
        '`"customerPhoneNumber`": «BK103»`"+91 98765 43210`", '
        '""assignedUserPhoneNumber"": «BK101»""9876543210""}"\n'
    ),
    "prompt-and-comment": (
        "# -H 'Authorization: YOUR_API_KEY' -d '{\"customerPhoneNumber\": \"N/A\"}'\n"
        f"PS C:\\> curl.exe {DT} -H `\n"
        "  \"Authorization: «BK202»key_xxxxxxxxxx\" -H 'content-type: application/json' "
        '-d «BK401»\'{"customerPhoneNumber": «BK102»"N/A", '
        '"assignedUserPhoneNumber": "919812345678"}\'\n'
    ),
    # A here-string: the lines between @' and '@ as they are, one reading like a header.
    "here-string-decoy-line": (
        f"curl.exe {DT} -H 'content-type: application/json' -d «BK401»@'\n"
        '{"customerPhoneNumber": «BK103»"+91 98765 43210",\n'
        '«BK303»"note": "Authorization: YOUR_API_KEY",\n'
        '"assignedUserPhoneNumber": "919812345678"}\n'
        '\'@ -H "Authorization: «BK202»YOUR_API_KEY"\n'
    ),
    # @"...": $variables and `$ inside, quotes as they are.
    "expandable-here-string": (
        "$phone = '9876543210'\n"
        'curl.exe -H "Authorization: $env:DOUBLETICK_API_KEY" `\n'
        f"  {DT} -H 'content-type: application/json' `\n"
        '  -d «BK401»@"\n'
        '{«BK303»"`$note": "Authorization: YOUR_API_KEY", "customerPhoneNumber": «BK101»"$phone",\n'
        ' "assignedUserPhoneNumber": «BK102»"N/A"}\n'
        '"@\n'
    ),
    "password-after-a-decoy": (
        "# -u 'admin:Xk9pL2q$wZZ'\n"
        "curl.exe https://crm.example.com/leads -H 'X-Note: admin:Xk9pL2q$wZZ' `\n"
        "  -u 'admin:«BK203»Xk9pL2q$wZZ'\n"
    ),
    "password-backtick-dollar": (
        'curl.exe https://crm.example.com/leads -u "admin:«BK203»Xk9pL2q`$wZZ"\n'
    ),
    "method-option-body-rules": (
        f"curl.exe {DT} -X «BK304»GET `\n"
        '  -H "Authorization: $env:DOUBLETICK_API_KEY" `\n'
        "  «BK401»--proxy http://p:3128 `\n"
        '  «BK306»-d «BK401»\'«BK302»{"customerPhoneNumber": "919876543210", '
        '"reassign": «BK305»"yes"}\'\n'
    ),
    "path-mismatch": (
        'curl.exe -H "Authorization: $env:DOUBLETICK_API_KEY" `\n'
        "  '«BK304»https://public.doubletick.io/team-member/asign' --json '{}'\n"
    ),
    "query-parameter": (
        f"curl.exe '{VAMBE}?«BK303»removeExistingAgent=true' -X POST `\n"
        '  -H "x-api-key: $env:VAMBE_API_KEY"\n'
    ),
    "no-key": (
        f"«BK201»curl.exe -X POST {DT} -H 'content-type: application/json' "
        "-d '«BK302»«BK302»{}'\n"
    ),
    "unreadable": "curl.exe -X POST «BK402»'https://x.example/\n",
    "data-file-outside": "curl.exe https://h.example/x `\n  -d «BK403»@../../ci-secrets.json\n",
    "form-file-outside": "curl.exe https://h.example/x -F `\n  '«BK403»f=@../../ci-secrets.json'\n",
}


CASES = {f"{name}.cmd": text for name, text in CMD.items()} | {
    f"{name}.ps1": text for name, text in PS.items()
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_findings_point_at_their_values(name):
    """Each case is linted as a file of its own suffix: .cmd by cmd's rules, .ps1 by
    PowerShell's (a one-line cmd command looks like bash, and bash reads ``""`` otherwise)."""
    text, expected = unmark(CASES[name])
    assert found(text, name) == expected, text


def test_the_finding_ends_where_the_value_ends():
    text, _ = unmark(CMD["chrome-decoy-line"])
    [finding] = [f for f in lint_text(Linter(LintConfig()), text, "a.cmd") if f.code == "BK202"]
    line = text.splitlines()[finding.line - 1]
    assert line[finding.column - 1 : finding.finish.column - 1] == "YOUR_API_KEY"
    text, _ = unmark(PS["double-escapes-repeated-value"])
    [finding] = [f for f in lint_text(Linter(LintConfig()), text, "a.ps1") if f.code == "BK103"]
    line = text.splitlines()[finding.line - 1]
    assert line[finding.column - 1 : finding.finish.column - 1] == '`"+91 98765 43210`"'


# --- the property: random cmd and PowerShell snippets with decoys -------------------------

_CMD_SPECIAL = "&|<>^%!(){}"


def _cmd_written(value: str, style: str) -> tuple[str, list[int]]:
    """``value`` as one cmd argument in ``style``, and where each of its characters is
    written in it (the first character of what writes it)."""
    out: list[str] = []
    at: list[int] = []
    size = 0

    def put(*written: str) -> None:
        nonlocal size
        for w in written:
            out.append(w)
            size += len(w)

    if style == "caret":  # Chrome's: cmd quoting off throughout, so every special is ^-escaped
        put('^"')
        for c in value:
            at.append(size)
            put(
                '^\\^"'
                if c == '"'
                else "^\n\n"
                if c == "\n"
                else "^" + c
                if c in _CMD_SPECIAL
                else c
            )
        put('^"')
    elif style == "plain":  # "...": each \" turns cmd's own quoting off or on
        put('"')
        cmd_quoted = True
        for c in value:
            at.append(size)
            if c == '"':
                put('\\"')
                cmd_quoted = not cmd_quoted
            else:
                put(c if cmd_quoted or c not in "&|<>^" else "^" + c)
        put('"')
    elif style == "doubled":  # "..." with "" for a quote: cmd's quoting stays on
        put('"')
        for c in value:
            at.append(size)
            put('""' if c == '"' else c)
        put('"')
    else:
        raise AssertionError(style)
    assert "\n" not in value or style == "caret"
    return "".join(out), at


def _ps_written(value: str, style: str) -> tuple[str, list[int]]:
    """``value`` as one PowerShell argument in ``style``, and where each character is."""
    escape = {
        "single": {"'": "''"},
        "backtick": {'"': '`"', "$": "`$", "`": "``"},
        "doubled": {'"': '""', "$": "`$", "`": "``"},
        "here": {},
        "here-expandable": {"$": "`$", "`": "``"},
    }[style]
    quote = {"single": "'", "here": "'"}.get(style, '"')
    opener, closer = ("@" + quote + "\n", "\n" + quote + "@") if "here" in style else (quote, quote)
    out, at, size = [opener], [], len(opener)
    for c in value:
        at.append(size)
        written = escape.get(c, c)
        out.append(written)
        size += len(written)
    return "".join(out) + closer, at


def _header(name: str, value: str, dialect: str, style: str) -> tuple[str, int]:
    """``-H`` with ``name: value``; where the value starts in what is written."""
    if dialect == "cmd":
        word, at = _cmd_written(f"{name}: {value}", style)
        return "-H " + word, 3 + at[len(name) + 2]
    if style != "backtick":
        return header_word(name, value, style)
    word, at = _ps_written(f"{name}: {value}", style)
    return "-H " + word, 3 + at[len(name) + 2]


windows_snippets = st.fixed_dictionaries(
    DRAWN
    | {
        "dialect": st.sampled_from(["cmd", "powershell"]),
        "key_style": st.integers(0, 3),
        "body_style": st.integers(0, 4),
        "head": st.booleans(),  # PowerShell: a prompt or a comment line before the command
    }
)
_STYLES = {
    "cmd": (
        ["caret", "plain", "doubled", "caret"],
        ["caret", "plain", "doubled", "caret", "plain"],
    ),
    "powershell": (
        ["single", "backtick", "glued", "mixed"],
        ["single", "backtick", "doubled", "here", "here-expandable"],
    ),
}


def _windows_snippet(o: dict) -> tuple[str, dict[str, tuple[int, int]]]:
    """A snippet and, for each value a finding may name (by its anchor), where it starts."""
    dialect = o["dialect"]
    header_styles, body_styles = _STYLES[dialect]
    body_style = body_styles[o["body_style"]]
    multiline = dialect == "powershell" or body_style == "caret"
    json_text, starts = decoy_body(o, o["indent"] if multiline else None, multiline)

    parts: list[tuple[str, dict[str, int]]] = []  # (text, anchors at offsets in the text)
    header, value_at = _header("Authorization", o["key"], dialect, header_styles[o["key_style"]])
    parts.append((header, {"headers/0/value": value_at}))
    parts.append((_header("content-type", "application/json", dialect, header_styles[0])[0], {}))
    if o["decoy_header"]:  # header-like text in another header, after %VAR% in cmd
        style, trace = ("plain", "%USERNAME% ") if dialect == "cmd" else ("single", "")
        decoy = _header("X-Trace", f"{trace}Authorization: {o['key']}", dialect, style)
        parts.append((decoy[0], {}))
    writer = _cmd_written if dialect == "cmd" else _ps_written
    argument, at = writer(json_text, body_style)
    anchors = {anchor: 3 + at[k] for anchor, k in starts.items()}
    if dialect == "powershell":
        anchors[""] = 3  # BK401: an argument holds ", which PowerShell before 7.3 drops
    data = ("-d " + argument, anchors)
    if o["body_first"]:
        parts.insert(0, data)
    else:
        parts.append(data)

    head = ""
    if dialect == "powershell" and o["head"]:
        head = "PS C:\\> " if o["continued"] else f"# Authorization: {o['key']} -d '{{}}'\n"
    text = head + ("curl.exe " if dialect == "powershell" else "curl ") + URL_WORD[dialect]
    separator = (" ^\n  " if dialect == "cmd" else " `\n  ") if o["continued"] else " "
    text, targets = join(text, parts, separator)
    return finish(text, targets, o["crlf"])


URL_WORD = {"cmd": f'^"{DT}^"', "powershell": f'"{DT}"'}


@settings(max_examples=200, deadline=None)
@given(windows_snippets)
def test_every_finding_in_a_windows_snippet_points_at_the_value_it_names(options):
    text, positions = _windows_snippet(options)
    name = "snippet.cmd" if options["dialect"] == "cmd" else "snippet.ps1"
    findings = lint_text(Linter(LintConfig()), text, name)
    # PowerShell's reader says that an argument (the body) holds a '"'
    also = frozenset({("BK401", "")}) if options["dialect"] == "powershell" else frozenset()
    assert_at_values(findings, positions, options, text, also)
