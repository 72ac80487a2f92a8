"""A body botkit exports through ``printf %s '...' | curl ... --data-binary @-`` imports back.

Linux refuses an argument of 128 KiB, so export sends a long body through curl's
standard input from ``printf``.  ``botkit import`` reads such a pipe when the
command before ``|`` is a ``printf`` of literal words, and only then: the oracle
for what it reads is real bash's ``printf``.
"""

from __future__ import annotations

import json
import shlex
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import botkit
from botkit.errors import InputError


def _component(text: str) -> dict[str, object]:
    return {
        "type": "call_api",
        "name": "Long",
        "method": "POST",
        "url": "https://h.example/x",
        "headers": [{"name": "Content-Type", "value": "application/json"}],
        "query": [],
        "body": {"text": text},
    }


@pytest.mark.parametrize("style", ["readme", "oneline"])
def test_a_long_exported_body_imports_back(style: str) -> None:
    text = json.dumps({"note": 'it\'s "quoted" $HOME `x` \\ é\n' * 4000, "n": 1})
    assert len(text) > 128 * 1024
    component = _component(text)
    command = botkit.to_curl(component, style)  # type: ignore[arg-type]
    assert command.startswith("printf %s ")
    again = botkit.parse_curl(command, name="Long")
    assert again == component


def test_only_a_printf_of_literal_words_is_read() -> None:
    for left in ('printf %s "$BODY"', "printf %d 5", "cat body.json", "printf %s `date`"):
        with pytest.raises(InputError, match="before '\\|'"):
            botkit.parse_curl(f"{left} | curl --data-binary @- https://h.example/x")


_PIECES = st.sampled_from(["%s", "%%", "\\n", "\\t", "a", " ", "{", "'", '"', "é"])
_ARG = st.text(alphabet=st.sampled_from(list("ab \"'\\%$é{}\n\t")), max_size=8)


@settings(max_examples=40, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=6), st.lists(_ARG, max_size=4))
def test_what_printf_prints_is_what_bash_prints(pieces: list[str], args: list[str]) -> None:
    fmt = "".join(pieces)
    words = " ".join(shlex.quote(w) for w in [fmt, *args])
    printed = subprocess.run(
        ["bash", "-c", f"printf {words}"], capture_output=True, check=True, timeout=10
    ).stdout.decode()
    command = f"printf {words} | curl --data-binary @- https://h.example/x"
    component = botkit.parse_curl(command)
    assert component.get("body", {}).get("text", "") == printed


@pytest.mark.parametrize("style", ["readme", "oneline"])
def test_many_headers_exported_through_process_substitution_import_back(style: str) -> None:
    headers = [{"name": "Content-Type", "value": "application/json"}]
    headers += [{"name": f"X-H{i}", "value": f"v{i} 'q' \"d\" $x " + "w" * 90} for i in range(800)]
    component = {**_component(json.dumps({"a": "b" * 70_000})), "headers": headers}
    command = botkit.to_curl(component, style)  # type: ignore[arg-type]
    assert "@<(printf" in command
    assert botkit.parse_curl(command, name="Long") == component


def test_a_process_substitution_that_is_no_literal_printf_is_not_read() -> None:
    with pytest.raises(InputError):
        botkit.parse_curl("""curl -H @<(printf '%s\\n' "$X") https://h.example/x""")
