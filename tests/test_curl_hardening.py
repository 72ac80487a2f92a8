"""Hostile and huge input: the reader answers with a request or one clear InputError,
never another exception, and it stays fast on inputs far beyond any real command."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from botkit.cli import main
from botkit.convert import check_component, component_for, to_curl
from botkit.curl import read_curl
from botkit.errors import InputError

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "curl"
CORPUS = sorted(p.read_text(encoding="utf-8") for p in SAMPLES.glob("*.*") if p.is_file())
_SHELL = st.sampled_from(
    [*"'\"\\$`{}[]()<>|&;#^%@=:,*?! \t\n\r-", "\\\n", "$'", "<<EOF\n", " ^\n", " `\n", "\x00"]
)


def _survives(text: str, base_dir: Path) -> None:
    """The whole import path, then export: only InputError may come out."""
    try:
        read = read_curl(text, source="<fuzz>", base_dir=base_dir)
        component = component_for(read.request)
        to_curl(component)
    except InputError as exc:
        assert str(exc) and "\n" not in exc.message


@settings(max_examples=250, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.one_of(
        st.text(max_size=200), st.lists(_SHELL | st.text(max_size=4), max_size=40).map("".join)
    )
)
def test_random_text(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    _survives("curl " + text, tmp_path_factory.getbasetemp())
    _survives(text, tmp_path_factory.getbasetemp())


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(CORPUS))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate"]))
        if action == "insert":
            text = text[:at] + draw(_SHELL | st.text(max_size=3)) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        else:
            text = text[:at] + text[at : at + 30] + text[at:]
    return text


@settings(max_examples=250, deadline=None, suppress_health_check=list(HealthCheck))
@given(mutated())
def test_mutated_real_commands(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    _survives(text, tmp_path_factory.getbasetemp())


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.binary(max_size=300) | mutated().map(lambda s: s.encode("utf-8")))
def test_the_command_line_exits_0_or_2_with_one_line(data: bytes) -> None:
    command = click.Command("botkit", callback=lambda: main(["import"]))
    result = CliRunner().invoke(command, [], input=data)
    assert result.exit_code in (0, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.splitlines()
    assert all(line.startswith(("botkit: warning: ", "botkit: error: ")) for line in lines)
    if result.exit_code == 2:
        assert lines[-1].startswith("botkit: error: ")
        assert sum(line.startswith("botkit: error: ") for line in lines) == 1


# --- pathological inputs: bounded time (measured values are far lower) -------------------


def _timed(text: str, limit: float) -> float:
    start = time.perf_counter()
    with contextlib.suppress(InputError):
        to_curl(component_for(read_curl(text).request))
    elapsed = time.perf_counter() - start
    assert elapsed < limit, f"{elapsed:.1f}s"
    return elapsed


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("curl https://h -d '" + "x" * 10_000_000 + "'", id="10MB-body"),
        pytest.param(
            "curl https://h --data-binary @- <<'EOF'\n" + ("y" * 99 + "\n") * 100_000 + "EOF\n",
            id="10MB-heredoc",
        ),
        pytest.param(
            "curl https://h " + " ".join(f"-H 'X-H{i}: v{i}'" for i in range(100_000)),
            id="100k-headers",
        ),
        pytest.param("curl " + "$(" * 20_000, id="deep-substitutions"),
        pytest.param("curl x" + " && echo" * 20_000, id="long-command-list"),
        pytest.param("# c\n" * 200_000 + "curl https://h", id="200k-comment-lines"),
        pytest.param('curl ^"https://h^" --data-raw ^"' + "^{" * 500_000 + '^"', id="1MB-cmd"),
    ],
)
def test_huge_inputs_finish_fast(text: str) -> None:
    _timed(text, limit=15)


def test_huge_lists_are_validated_like_small_ones() -> None:
    headers = [{"name": f"X-{i}", "value": "v"} for i in range(5_000)]
    component = {
        "type": "call_api",
        "name": "n",
        "method": "GET",
        "url": "https://h",
        "headers": headers,
    }
    check_component(component)
    for bad in (
        {"name": "Bad Name", "value": "v"},
        {"name": "X", "value": "v\n"},
        {"name": "X"},
        {"name": "X", "value": "v", "extra": "1"},
        "X: v",
    ):
        broken = {**component, "headers": [*headers[:2500], bad, *headers[2500:]]}
        with pytest.raises(InputError, match=r"\$\.headers\[2500\]"):
            check_component(broken)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "the text is empty"),
        (b"\n\n  \t\n", "the text is empty"),
        (b"curl https://h -d 'caf\xe9'", "not UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary data"),
        (b"\x7fELF\x02\x01\x01\x00", "binary data"),
        (b"\xef\xbb\xbfcurl https://h", None),  # a UTF-8 BOM is fine
    ],
)
def test_odd_files(tmp_path: Path, content: bytes, words: str | None) -> None:
    path = tmp_path / "input"
    path.write_bytes(content)
    command = click.Command("botkit", callback=lambda: main(["import", str(path)]))
    result = CliRunner().invoke(command, [])
    if words is None:
        assert result.exit_code == 0, result.stderr
        return
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert words in line
