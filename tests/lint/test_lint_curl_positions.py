"""Findings on cURL snippets sit where the reader says each value is written.

The linter never searches a snippet's text for a value: text that looks like the
value elsewhere (a header-like line in a body, the same number twice, a comment)
must not attract the finding.  The property test writes random snippets with such
decoys, in bash's quotings, and knows where it wrote each value.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lint_helpers import lint
from snippet_decoys import (
    DRAWN,
    assert_at_values,
    decoy_body,
    finish,
    header_word,
    join,
)

URL = "https://public.doubletick.io/team-member/assign"


def test_bk202_on_the_header_not_on_header_like_text_in_the_body():
    # The regression from issue 11: the body's "Authorization: pending" is on line 3,
    # the real header on line 4; the finding was put at 3:24, inside the body.
    text = (
        f"curl {URL} \\\n"
        '  -d \'{"customerPhoneNumber": "919876543210",\n'
        '       "note": "Authorization: pending", "assignedUserPhoneNumber": "919812345678"}\' \\\n'
        "  -H 'Authorization: YOUR_API_KEY' -H 'content-type: application/json'\n"
    )
    findings = lint(text, kind="curl")
    assert [f.code for f in findings] == ["BK303", "BK202"]  # "note" is no DoubleTick field
    finding = findings[1]
    assert (finding.line, finding.column) == (4, 22)
    assert (finding.finish.line, finding.finish.column) == (4, 34)


def test_the_same_number_twice_is_two_findings_at_two_places():
    body = (
        '{"customerPhoneNumber": "+91 98765 43210", "assignedUserPhoneNumber": "+91 98765 43210"}'
    )
    text = f"curl {URL} -H 'Authorization: $DOUBLETICK_API_KEY' --json '{body}'\n"
    text = text.replace(
        "'Authorization: $DOUBLETICK_API_KEY'", '"Authorization: $DOUBLETICK_API_KEY"'
    )
    findings = lint(text, kind="curl")
    assert [f.code for f in findings] == ["BK103", "BK103"]
    first, second = (text.index('"+91'), text.rindex('"+91'))
    assert [f.column for f in findings] == [first + 1, second + 1]


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("-u 'admin:Xk9pL2q$wZZ'", "Xk9pL2q$wZZ"),
        ('-u "admin:Xk9pL2q\\$wZZ"', "Xk9pL2q\\$wZZ"),
        ("-u admin:'Xk9pL2q$wZZ'", "Xk9pL2q$wZZ"),
        ("--user admin:Xk9pL2q\\$wZZ", "Xk9pL2q\\$wZZ"),
    ],
)
def test_bk203_points_at_the_password_as_written(written, value):
    text = f"# -u 'admin:Xk9pL2q$wZZ' in a comment\ncurl https://crm.example.com/leads {written}\n"
    [finding] = lint(text, kind="curl")
    assert finding.code == "BK203" and finding.line == 2
    line = text.splitlines()[1]
    assert line[finding.column - 1 : finding.finish.column - 1] == value


def test_query_parameter_in_the_url_word():
    text = (
        "curl 'https://api.vambe.me/api/public/contact/3f2b8c1e-9d4a-4e6b-8a7c-1d2e3f4a5b6c"
        "/assign-team-member/0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b?removeExistingAgent=true'"
        " -X POST -H 'x-api-key: $VAMBE_API_KEY'\n"
    ).replace("'x-api-key: $VAMBE_API_KEY'", '"x-api-key: $VAMBE_API_KEY"')
    [finding] = lint(text, kind="curl")
    assert finding.code == "BK303"
    assert text[finding.column - 1 :].startswith("removeExistingAgent=")


# --- the property -------------------------------------------------------------------------


def _written(json_text: str, style: str) -> tuple[str, list[int]]:
    """``json_text`` as a -d argument in ``style``, and where each of its characters is
    written in that argument (offset of the first character of its written form)."""
    if style == "single":
        return "'" + json_text + "'", [1 + i for i in range(len(json_text))]
    if style == "double":
        out, at = ['"'], []
        for c in json_text:
            at.append(sum(map(len, out)))
            out.append('\\"' if c == '"' else c)
        return "".join(out) + '"', at
    if style == "ansi":
        out, at = ["$'"], []
        for c in json_text:
            at.append(sum(map(len, out)))
            out.append("\\'" if c == "'" else c)
        return "".join(out) + "'", at
    raise AssertionError(style)


snippets = st.fixed_dictionaries(
    DRAWN
    | {
        "key_style": st.sampled_from(["single", "double", "mixed", "glued", "ansi"]),
        "comment": st.booleans(),
        "body_style": st.sampled_from(["single", "double", "ansi", "heredoc", "heredoc-quoted"]),
        "prompt": st.booleans(),
    }
)


def _snippet(o: dict) -> tuple[str, dict[str, tuple[int, int]]]:
    """A snippet and, for each value a finding may name (by its anchor), where it starts."""
    json_text, starts = decoy_body(o, o["indent"], line_breaks=True)
    parts: list[tuple[str, dict[str, int]]] = []  # (text, anchors at offsets in the text)
    header, value_at = header_word("Authorization", o["key"], o["key_style"])
    parts.append((header, {"headers/0/value": value_at}))
    parts.append(("-H 'content-type: application/json'", {}))
    if o["decoy_header"]:
        parts.append((f"-H 'X-Trace: Authorization: {o['key']}'", {}))
    stdin = ""
    if o["body_style"].startswith("heredoc"):
        delimiter = "'EOF'" if o["body_style"] == "heredoc-quoted" else "EOF"
        data: tuple[str, dict[str, int]] = ("--data-binary @-", {})
        stdin = f" <<{delimiter}\n" + json_text + "\nEOF"
        stdin_anchors = starts
    else:
        argument, at = _written(json_text, o["body_style"])
        data = ("-d " + argument, {anchor: 3 + at[k] for anchor, k in starts.items()})
    if o["body_first"]:
        parts.insert(0, data)
    else:
        parts.append(data)

    head = "$ " if o["prompt"] else ""
    if o["comment"] and not o["prompt"]:  # a prompt is read on the text's first line
        head = f"# Authorization: {o['key']} -d '{{\"customerPhoneNumber\": 1}}'\n" + head
    text = head + f"curl {URL}"
    text, targets = join(text, parts, " \\\n  " if o["continued"] else " ")
    if stdin:
        start = len(text) + stdin.index("\n") + 1
        for anchor, offset in stdin_anchors.items():
            targets[anchor] = start + offset
        text += stdin
    return finish(text, targets, o["crlf"])


@settings(max_examples=150, deadline=None)
@given(snippets)
def test_every_finding_points_at_the_value_it_names(options):
    text, positions = _snippet(options)
    assert_at_values(lint(text, kind="curl"), positions, options, text)
