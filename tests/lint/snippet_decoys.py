"""What the position properties of cURL snippets share, whatever the shell: the values
they write (placeholders, keys, phone numbers with what DoubleTick's rule says of each),
the body with its decoys, and the check that every finding sits where its value does.

Imported by the property tests beside it (bash in test_lint_curl_positions.py, cmd and
PowerShell in test_lint_windows_positions.py).
"""

from __future__ import annotations

import json

from hypothesis import strategies as st
from lint_helpers import KEY

from botkit.lint import Finding
from botkit.lint.jsonpos import index

PLACEHOLDERS = ["YOUR_API_KEY", "<x-api-key>", "key_xxxxxxxxxx"]
KEYS = [*PLACEHOLDERS, KEY, "{{DOUBLETICK_API_KEY}}"]
#: Each number, and what DoubleTick's digits-only rule makes of it.
PHONES = {
    "+91 98765 43210": "BK103",
    "919876543210": None,
    "9876543210": "BK101",
    "+919812345678": "BK103",
}
PHONE_FIELDS = ("customerPhoneNumber", "assignedUserPhoneNumber")
#: What every shell's snippets draw: the values, the decoys and the layout.
DRAWN = {
    "key": st.sampled_from(KEYS),
    "customer": st.sampled_from(sorted(PHONES)),
    "assigned": st.sampled_from(sorted(PHONES)),
    "decoy_key": st.booleans(),
    "decoy_header": st.booleans(),
    "indent": st.sampled_from([None, 2]),
    "body_first": st.booleans(),
    "continued": st.booleans(),
    "crlf": st.booleans(),
}


def position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


#: How bash writes ``-H`` with ``name: value`` (PowerShell reads ``single``, ``mixed``
#: and ``glued`` alike).
HEADER_STYLES = {
    "single": "-H '{name}: {value}'",
    "double": '-H "{name}: {value}"',
    "mixed": "-H '{name}: '\"{value}\"",
    "glued": "-H'{name}: {value}'",
    "ansi": "-H $'{name}: {value}'",
}


def header_word(name: str, value: str, style: str) -> tuple[str, int]:
    """``-H`` with ``name: value`` written in ``style``; where the value starts in it."""
    word = HEADER_STYLES[style].format(name=name, value=value)
    return word, word.index(value, word.index(name) + len(name))


def join(text: str, parts: list[tuple[str, dict[str, int]]], separator: str) -> tuple[str, dict]:
    """``text``, then each part after ``separator``; and where each part's anchors (given
    as offsets in the part) are in the whole."""
    targets: dict[str, int] = {}
    for part, anchors in parts:
        text += separator
        for anchor, offset in anchors.items():
            targets[anchor] = len(text) + offset
        text += part
    return text, targets


def finish(text: str, targets: dict[str, int], crlf: bool) -> tuple[str, dict]:
    """The snippet ended by a line break, and its anchors' lines and columns; with
    ``crlf`` its lines end in CR LF (lines and columns stay what they were)."""
    text += "\n"
    positions = {anchor: position(text, offset) for anchor, offset in targets.items()}
    return (text.replace("\n", "\r\n") if crlf else text), positions


def decoy_body(o: dict, indent: int | None, line_breaks: bool) -> tuple[str, dict[str, int]]:
    """The JSON body of a snippet (``o``: the drawn options) and, per anchor a finding
    may name, where its value starts in the body text.  With ``decoy_key`` the body
    holds header-like text (on a line of its own where ``line_breaks`` allows) and the
    customer's number a second time, in fields no rule checks but BK303."""
    body: dict = {"customerPhoneNumber": o["customer"]}
    if o["decoy_key"]:
        body["note"] = f"Authorization: {o['key']}"  # header-like text inside the body
        body["copy"] = o["customer"]  # the same value again, in a field no rule checks
    body["assignedUserPhoneNumber"] = o["assigned"]
    json_text = json.dumps(body, indent=indent)
    if o["decoy_key"] and indent is None and line_breaks:
        json_text = json_text.replace(', "note"', ',\n"note"')  # the decoy opens a line
    nodes = index(json_text)
    starts = {f"body/text/{f}": nodes[(f,)].start for f in PHONE_FIELDS}
    starts |= {f"body/text/{f}": nodes[(f,)].key_start for f in ("note", "copy") if f in body}
    return json_text, starts


def assert_at_values(
    findings: list[Finding],
    positions: dict[str, tuple[int, int]],
    o: dict,
    text: str,
    also: frozenset[tuple[str, str]] = frozenset(),
) -> None:
    """Every finding is at the value it names (by its anchor), and the findings are
    exactly those the drawn values call for (and ``also``: (code, anchor) pairs)."""
    for finding in findings:
        assert finding.anchor in positions, (finding.code, finding.anchor, text)
        assert (finding.line, finding.column) == positions[finding.anchor], (
            finding.code,
            finding.message,
            text,
        )
    expected = set(also)
    if o["key"] in PLACEHOLDERS:
        expected.add(("BK202", "headers/0/value"))
    elif o["key"] == KEY:
        expected.add(("BK203", "headers/0/value"))
    if o["decoy_key"]:
        expected |= {("BK303", "body/text/note"), ("BK303", "body/text/copy")}
    for field, value in zip(PHONE_FIELDS, (o["customer"], o["assigned"]), strict=True):
        code = PHONES[value]
        if code is not None:
            expected.add((code, f"body/text/{field}"))
    assert {(f.code, f.anchor) for f in findings} == expected, text
