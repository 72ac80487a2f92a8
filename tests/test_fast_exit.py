"""The ``botkit`` command ends with ``os._exit`` once its output is flushed: nothing is lost.

Run through the real entry point (``python -m botkit``, which calls ``main()`` without
arguments, as the console script does).  tests/test_cli_output.py checks ``-o FILE``
against standard output for every command; these add large outputs through a pipe and
into a file, both streams at once, and the exit statuses.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import botkit
from conftest import ROOT

from botkit.cli import main

COMPONENT = ROOT / "samples" / "generated" / "doubletick.assign-chat.component.json"


def big_component(tmp_path: Path, size: int) -> Path:
    """A component whose body is ``size`` bytes of JSON, far beyond any stdio buffer."""
    component = json.loads(COMPONENT.read_text(encoding="utf-8"))
    component["body"] = {"text": json.dumps({"note": "x" * size})}
    path = tmp_path / "big.json"
    path.write_text(json.dumps(component), encoding="utf-8")
    return path


@pytest.mark.parametrize("size", [10, 70_000, 3_000_000])
def test_large_output_arrives_whole_through_a_pipe(size: int, tmp_path: Path) -> None:
    done = botkit("export", "--style", "oneline", str(big_component(tmp_path, size)))
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("x") == size
    assert done.stdout.endswith("\n")


def test_large_output_arrives_whole_in_a_redirected_file(tmp_path: Path) -> None:
    target = tmp_path / "out.sh"
    with target.open("wb") as sink:
        done = subprocess.run(
            [sys.executable, "-m", "botkit", "export", str(big_component(tmp_path, 1_000_000))],
            stdout=sink,
            stderr=subprocess.PIPE,
            check=False,
            timeout=60,
        )
    assert done.returncode == 0, done.stderr
    assert target.read_text(encoding="utf-8").count("x") == 1_000_000


def test_findings_on_stdout_and_an_error_on_stderr_keep_their_status(tmp_path: Path) -> None:
    faulty = ROOT / "samples" / "bots" / "faulty" / "doubletick-phone-numbers.json"
    found = botkit("lint", str(faulty))
    assert found.returncode == 1
    assert "BK1" in found.stdout and found.stdout.endswith("\n")
    missing = botkit("export", str(tmp_path / "none.json"))
    assert missing.returncode == 2
    assert missing.stderr.startswith("botkit: error: ") and missing.stderr.endswith("\n")
    assert botkit("--version").stdout.startswith("botkit, version ")


def test_in_process_callers_get_system_exit_not_a_dead_interpreter(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("botkit, version ")
