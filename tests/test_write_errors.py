"""A result that cannot be written (a full disk: /dev/full) is one clear line, not a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")

COMPONENT = {
    "type": "call_api",
    "name": "x",
    "method": "GET",
    "url": "https://h.example/x",
    "headers": [{"name": "X-Api-Key", "value": "{{X_API_KEY}}"}],
}


@pytest.mark.parametrize(
    "args",
    [
        ["export", "c.json"],
        ["export", "c.json", "-o", "/dev/full"],
        ["import", "c.sh"],
        ["lint", "c.json", "--format", "json"],
        ["lint", "c.json", "-o", "/dev/full"],
        ["apis"],
    ],
)
def test_a_full_disk_is_one_line_and_status_1(args: list[str], tmp_path: Path) -> None:
    (tmp_path / "c.json").write_text(json.dumps(COMPONENT))
    (tmp_path / "c.sh").write_text("curl https://h.example/x -H 'X-Api-Key: $X_API_KEY'\n")
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "botkit", *args],
            cwd=tmp_path,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip().splitlines() == [
        "botkit: error: cannot write the output (No space left on device)"
    ]
