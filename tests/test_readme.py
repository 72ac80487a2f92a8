"""The README runs as written: every console example is run, and prints what the README shows.

How an example is written in README.md (and read here):

- It is a fenced block whose info string is ``console``. The fence may be indented (inside a
  list item); that indentation is removed from each line of the block.
- A line that starts with ``$ `` is a command.  A command ending in ``\\`` goes on with the next
  line, and a command with a here-document (``<<EOF``, ``<<'EOF'``) goes on to its delimiter.
- Every other line, up to the next command, is what the command prints: standard output and
  standard error together, as a terminal shows them.  No line means it prints nothing.
- A line that is only ``...`` (indented or not) stands for any number of lines, none too:
  the README elides there.
  Trailing blanks are ignored.  The exit status is not compared (the README does not show it),
  but a Python traceback anywhere fails the example, elided or not.

How it runs: each block in a fresh copy of the checkout (its tracked and new files, nothing
ignored) as the current directory, the commands in one bash, in order, so that a block can
make the files its later commands read.  Standard input is empty unless a command pipes or
redirects its own.  ``botkit`` is the one installed beside this Python
(its bin/ first on PATH); HOME is an empty temporary folder; no credential is set in the
environment.  No example may reach the network: ``curl`` on PATH is a stand-in that prints
nothing and succeeds (what real curl sends is proven elsewhere, against a loopback server).
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import ROOT

README = ROOT / "README.md"
ELISION = "..."
_FENCE = re.compile(r"^(?P<indent>[ \t]*)```(?P<info>[^`\s]*)\s*$")
_HEREDOC = re.compile(r"<<-?\s*(?P<q>['\"]?)(?P<word>[A-Za-z_][A-Za-z0-9_]*)(?P=q)")


@dataclass
class Command:
    line: int  # where it starts in README.md
    text: str  # what bash runs (continuation lines and here-documents included)
    expected: list[str] = field(default_factory=list)


@dataclass
class Example:
    line: int
    commands: list[Command]


def examples(text: str) -> list[Example]:
    """Every console block of ``text`` (a README), as commands with their expected output."""
    found: list[Example] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        fence = _FENCE.match(lines[i])
        i += 1
        if fence is None or fence["info"] != "console":
            if fence is not None:  # skip a block of another kind whole
                while i < len(lines) and not _FENCE.match(lines[i]):
                    i += 1
                i += 1
            continue
        indent, start, body = fence["indent"], i, []
        while i < len(lines) and not _FENCE.match(lines[i]):
            line = lines[i]
            body.append(line[len(indent) :] if line.startswith(indent) else line.lstrip())
            i += 1
        i += 1
        found.append(Example(start, _commands(body, first_line=start + 1)))
    return found


def _commands(body: list[str], first_line: int) -> list[Command]:
    commands: list[Command] = []
    j = 0
    while j < len(body):
        line = body[j]
        if not line.startswith("$ "):
            if not commands:
                raise ValueError(f"README.md:{first_line + j}: output before any '$ ' command")
            commands[-1].expected.append(line.rstrip())
            j += 1
            continue
        at = first_line + j
        parts = [line[2:]]
        j += 1
        while parts[-1].endswith("\\") and j < len(body):
            parts.append(body[j])
            j += 1
        for heredoc in _HEREDOC.finditer("\n".join(parts)):
            while j < len(body):
                parts.append(body[j])
                j += 1
                if parts[-1] == heredoc["word"]:
                    break
        commands.append(Command(at, "\n".join(parts)))
    return commands


def matches(expected: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` is ``expected`` with each ``...`` line read as any number of lines."""
    # reachable[k]: the first k lines of actual are matched by the expected lines seen so far
    reachable = [True] + [False] * len(actual)
    for want in expected:
        if want.strip() == ELISION:
            for k in range(1, len(actual) + 1):
                reachable[k] = reachable[k] or reachable[k - 1]
            continue
        reachable = [False] + [
            reachable[k - 1] and actual[k - 1] == want for k in range(1, len(actual) + 1)
        ]
    return reachable[len(actual)]


def _checkout_copy(target: Path) -> Path:
    """The files of a fresh checkout (tracked, and new but not ignored) copied into ``target``."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    if listed.returncode != 0:  # not a git checkout (an unpacked sdist): copy what is there
        ignore = shutil.ignore_patterns(".*", "__pycache__", "*.egg-info", "dist", "build")
        shutil.copytree(ROOT, target, ignore=ignore)
        return target
    for name in filter(None, listed.stdout.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def _environment(tmp: Path) -> dict[str, str]:
    tools = tmp / "tools"
    tools.mkdir()
    stand_in = tools / "curl"
    stand_in.write_text("#!/bin/sh\n# The README test's curl: reaches no network.\nexit 0\n")
    stand_in.chmod(0o755)
    home = tmp / "home"
    home.mkdir()
    keep = {"LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT"}
    env = {k: v for k, v in os.environ.items() if k in keep}
    env.update(
        PATH=os.pathsep.join([str(tools), str(Path(sys.executable).parent), os.defpath]),
        HOME=str(home),
        COLUMNS="80",
        PYTHONUNBUFFERED="1",  # stdout and stderr interleave as on a terminal
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def run_example(example: Example, tmp: Path) -> list[list[str]]:
    """What each command of ``example`` printed, run in one bash in a fresh checkout copy."""
    work = _checkout_copy(tmp / "checkout")
    marker = f"@@readme-{uuid.uuid4().hex}@@"
    script = []
    for n, command in enumerate(example.commands):
        script.append(f"printf '\\n{marker}{n}\\n'")
        script.append(command.text)
    # the script is a file, and standard input is empty: a command that reads standard input
    # gets end of file, never the commands after it
    script_file = tmp / "example.sh"
    script_file.write_text("\n".join(script) + "\n", encoding="utf-8")
    result = subprocess.run(
        ["bash", "--norc", "--noprofile", str(script_file)],
        stdin=subprocess.DEVNULL,
        cwd=work,
        env=_environment(tmp),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=300,
        check=False,
    )
    pieces = re.split(rf"\n?{re.escape(marker)}\d+\n", result.stdout)
    assert pieces[0] == "", f"printed before the first command: {pieces[0]!r}"
    return [[line.rstrip() for line in piece.splitlines()] for piece in pieces[1:]]


EXAMPLES = examples(README.read_text(encoding="utf-8"))


def test_the_readme_has_console_examples() -> None:
    assert len(EXAMPLES) >= 5 and all(example.commands for example in EXAMPLES)


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"README.md:{e.line}" for e in EXAMPLES])
def test_readme_example_prints_what_the_readme_shows(example: Example, tmp_path: Path) -> None:
    printed = run_example(example, tmp_path)
    assert len(printed) == len(example.commands)
    problems = [
        f"README.md:{command.line}: $ {command.text}\n" + "\n".join(actual)
        for command, actual in zip(example.commands, printed, strict=True)
        if any(line.startswith("Traceback (most recent call last)") for line in actual)
    ]
    for command, actual in zip(example.commands, printed, strict=True):
        if not matches(command.expected, actual):
            diff = difflib.unified_diff(
                command.expected, actual, "README.md shows", "the command prints", lineterm=""
            )
            problems.append(f"README.md:{command.line}: $ {command.text}\n" + "\n".join(diff))
    assert not problems, "\n\n".join(problems)


# The reader of the examples, on its own.


def test_continuations_heredocs_and_indented_fences_are_read() -> None:
    text = (
        "intro\n"
        "```bash\n$ not an example\n```\n"
        "- item\n\n"
        "  ```console\n"
        "  $ printf 'a\\n' \\\n"
        "      'b'\n"
        "  a\n"
        "  ...\n"
        "  $ cat <<'EOF'\n"
        "  x\n"
        "  EOF\n"
        "  x\n"
        "  ```\n"
    )
    [example] = examples(text)
    first, second = example.commands
    assert first.text == "printf 'a\\n' \\\n    'b'" and first.expected == ["a", "..."]
    assert second.text == "cat <<'EOF'\nx\nEOF" and second.expected == ["x"]
    assert (first.line, second.line) == (8, 12)


@pytest.mark.parametrize(
    ("expected", "actual", "result"),
    [
        ([], [], True),
        ([], ["x"], False),
        (["..."], [], True),
        (["..."], ["a", "b"], True),
        (["a", "...", "d"], ["a", "b", "c", "d"], True),
        (["a", "...", "d"], ["a", "d"], True),
        (["a", "...", "d"], ["a", "b", "c"], False),
        (["a", "b"], ["a", "c"], False),
        (["...", "b", "..."], ["a", "c"], False),
        (["{", "    ...", "}"], ["{", "  a", "  b", "}"], True),
    ],
)
def test_elision_matches_any_number_of_lines(
    expected: list[str], actual: list[str], result: bool
) -> None:
    assert matches(expected, actual) is result


def test_a_command_reading_standard_input_does_not_swallow_the_next(tmp_path: Path) -> None:
    example = Example(1, [Command(2, "cat"), Command(3, "echo after"), Command(4, "curl -s x")])
    assert run_example(example, tmp_path) == [[], ["after"], []]
