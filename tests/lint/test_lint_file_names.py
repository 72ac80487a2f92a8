"""File names are hostile input too: a name that is not UTF-8 (bytes Python keeps as
``\\udcff``), or one holding an escape sequence or a line break, is linted and reported in
every format, to standard output and to ``-o``, and in a baseline, never a traceback; the
SARIF URI is the name's own bytes, percent-encoded, so a viewer finds the file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SNIPPET = b'curl -H "Authorization: YOUR_API_KEY" https://public.doubletick.io/x\n'
NAMES = [b"b\xff.curl", b"a\x1b[31mred\nx.curl", b"plain.curl"]


def _lint(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "botkit", "lint", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        errors="surrogateescape",
        timeout=60,
        check=False,
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in NAMES:
        try:
            with open(os.path.join(os.fsencode(tmp_path), name), "wb") as f:
                f.write(SNIPPET)
        except (OSError, UnicodeError):
            pytest.skip("this file system refuses such a name")
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
@pytest.mark.parametrize("to_file", [False, True])
def test_every_format_reports_every_file(folder: Path, fmt: str, to_file: bool) -> None:
    args = ["--format", fmt, "."] + (["-o", "report.out"] if to_file else [])
    result = _lint(folder, *args)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stderr
    out = (folder / "report.out").read_bytes() if to_file else result.stdout.encode()
    text = out.decode("utf-8")  # valid UTF-8, whatever the names
    assert "\x1b" not in text and "\udcff" not in text
    if fmt == "json":
        paths = sorted(f["path"] for f in json.loads(text))
        assert [os.fsencode(p) for p in paths] == sorted(NAMES)
    elif fmt == "sarif":
        results = json.loads(text)["runs"][0]["results"]
        uris = sorted(
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results
        )
        assert uris == ["a%1B%5B31mred%0Ax.curl", "b%FF.curl", "plain.curl"]
    elif fmt == "github":
        assert text.count("::error file=") == 3
    else:
        assert text.count("BK202") == 3


def test_a_baseline_keeps_such_names(folder: Path) -> None:
    written = _lint(folder, "--write-baseline", "baseline.json", ".")
    assert "Traceback" not in written.stderr and written.returncode == 0, written.stderr
    assert "recorded 3 findings" in written.stderr
    again = _lint(folder, "--baseline", "baseline.json", ".")
    assert again.returncode == 0, again.stdout + again.stderr
    (folder.joinpath(os.fsdecode(b"c\xfe.curl"))).write_bytes(SNIPPET)
    new = _lint(folder, "--baseline", "baseline.json", ".")
    assert new.returncode == 1 and new.stdout.count("BK202") == 1, new.stdout
