"""Reading a script is linear: each character goes to tree-sitter a bounded number of
times, one window of statements at a time, and the windows change nothing.

Not timed (2 shared cores make timings flaky): the work is counted instead.  The
numbers that show it scale (1x, 4x, 16x) come from `bench/run.py --only scale`.
"""

from __future__ import annotations

import os

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from botkit.curl import bash_tree, bash_windows, read_curl, read_curl_script
from botkit.errors import InputError

SAMPLES = ROOT / "samples" / "curl"
FILES = SAMPLES / "files"
GENERATED = ROOT / "samples" / "generated"
PIECES = sorted(
    p.read_text(encoding="utf-8")
    for p in [*SAMPLES.glob("*.sh"), *GENERATED.glob("*.sh")]
    if "\r" not in p.read_text(encoding="utf-8")  # a CRLF file is read whole, not as a piece
)


class _CountingParser:
    """Stands in for the tree-sitter parser: counts what it is handed."""

    def __init__(self, real) -> None:
        self.real = real
        self.sizes: list[int] = []

    def parse(self, data: bytes):
        self.sizes.append(len(data))
        return self.real.parse(data)


@pytest.fixture
def parser(monkeypatch: pytest.MonkeyPatch) -> _CountingParser:
    counting = _CountingParser(bash_tree._parser())
    monkeypatch.setattr(bash_tree, "_parser", lambda: counting)
    return counting


@pytest.mark.parametrize("scale", [1, 4, 16])
def test_each_character_is_parsed_a_bounded_number_of_times(parser, scale: int) -> None:
    """1M lines of ``: x`` and one curl took 1 GB; many curl commands took minutes."""
    lines = 5_000 * scale
    text = ": x\n" * lines + "".join(
        f"curl -s https://h.example/{i} \\\n  -H 'X-Id: {i}' \\\n  -d 'a={i}'\n"
        for i in range(lines // 10)
    )
    reads = read_curl_script(text)
    assert len(reads) == lines // 10
    assert sum(parser.sizes) <= 2 * len(text)  # each window is parsed once, resumed at most
    assert max(parser.sizes) <= 2 * bash_windows.WINDOW  # memory: one window's tree at a time


def test_one_command_after_many_lines_is_read_in_windows_too(parser) -> None:
    """``botkit import`` and lint's strict reading of a snippet take the same path."""
    text = "X=1\n" * 40_000 + "curl -s https://h.example/$X\n" + "# the end\n" * 40_000
    assert read_curl(text).request.url == "https://h.example/1"
    assert max(parser.sizes) <= 2 * bash_windows.WINDOW
    with pytest.raises(InputError, match="second command"):
        read_curl(text + ": x\n")


def test_a_statement_longer_than_the_window_is_parsed_whole(parser, monkeypatch) -> None:
    monkeypatch.setattr(bash_windows, "WINDOW", 64)
    body = "".join(f'  "field{i}": "{i}",\n' for i in range(200))
    text = f"echo start\ncurl -s https://h.example/ --data-binary @- <<'EOF'\n{body}EOF\necho end\n"
    [read] = read_curl_script(text)
    assert read.request.body is not None and read.request.body.text == body
    assert sum(parser.sizes) <= 6 * len(text)  # windows double: a geometric sum


def _reading(text: str) -> object:
    try:
        reads = read_curl_script(text, source="s.sh", base_dir=FILES)
    except InputError as exc:
        reads = str(exc)
    try:
        one = read_curl(text, source="s.sh", base_dir=FILES)
    except InputError as exc:
        return reads, str(exc)
    return reads, (one.request, one.warnings, one.line, one.column)


@settings(max_examples=int(os.environ.get("BOTKIT_WINDOW_EXAMPLES", "60")), deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=6),
    st.sampled_from(
        [
            "",
            "\n",
            "\n\n# between\n",
            "\necho next\n",
            "\necho 'a quoted\ncurl https://not.a.command/\nstring'\n",
            "\ncat <<'X'\ncurl https://in.a.heredoc/\nX\n",
            "\nif true; then\n  : curl\nfi\n",
        ]
    ),
    st.integers(min_value=1, max_value=600),
)
def test_windows_read_exactly_what_one_whole_parse_reads(
    pieces: list[str], between: str, window: int
) -> None:
    """Sample commands and recipe scripts, joined: any window size, the same reading
    (as a script, and as one command or the error that says why it is not one)."""
    text = between.join(pieces)
    saved = bash_windows.WINDOW
    try:
        bash_windows.WINDOW = 10**9
        whole = _reading(text)
        bash_windows.WINDOW = window
        windowed = _reading(text)
    finally:
        bash_windows.WINDOW = saved
    assert windowed == whole
