"""cURL -> import -> export, proven by real bash + real curl on loopback.

For every command in samples/curl/, the original (or, for cmd, PowerShell and
terminal transcripts, its bash equivalent in samples/curl/equivalents/) and the
exported component are both run by bash with curl pointed at the recording
server; they must send the same method, request-target, headers and body bytes.

How https is handled: the oracle connects every host to a plain-http server on
127.0.0.1, so before running, both scripts get ``https://`` rewritten to
``http://`` (the same rewrite on both sides, so the comparison stays fair, and
the Host header still names the original host).  Unset shell variables, which
the import keeps as ``{{NAME}}``, are exported as that same text for the
original; ``jq`` is a stand-in so the test does not depend on it.

What "the same" means: header names and values exactly (values trimmed of the
blanks HTTP ignores), in order among headers of the same name; body bytes
exactly, with the multipart boundary (random per run) replaced by one token.
Headers left out on purpose: Expect (curl adds it for uploads) and
Accept-Encoding when the original used --compressed (see botkit/curl/build.py).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from loopback import Recorded, send_with_curl

from botkit.convert import component_for, to_curl
from botkit.curl import read_curl

SAMPLES = ROOT / "samples" / "curl"
FILES = SAMPLES / "files"
EQUIVALENTS = SAMPLES / "equivalents"
CORPUS = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".sh", ".cmd", ".ps1"))
_PLACEHOLDER = re.compile(r"kept as \{\{(\w+)\}\}")
# A sample of an option a component cannot hold says which warnings it expects, and
# which headers curl sends for that option (and the exported component does not).
_EXPECT_WARNING = re.compile(r"(?m)^# expect-warning: (\S+)$")
_DIFFERS = re.compile(r"(?m)^# differs: (.+)$")
# What issue 3 lists, each as a pattern some sample must match.
ISSUE_OPTIONS = [
    r"\$'",
    r"<<'?\w+'?\n",
    r"<<-",
    r"<<<",
    r"(?m)^\$ curl",
    r"curl\.exe",
    r"\^\"",
    r"`\n",
    r"''",
    r"-XPOST",
    r"-H'",
    r"-sSL",
    r"--url ",
    r"--request ",
    r"-X ",
    r"--header ",
    r"-H '[\w-]+;'",
    r"-H '[\w-]+:'",
    r" -d ",
    r"--data ",
    r"--data-raw ",
    r"--data-binary ",
    r"--data-ascii ",
    r"--data-urlencode '=",
    r"--data-urlencode '\w+@",
    r"--data-urlencode '@",
    r" -G ",
    r"--get ",
    r"--json ",
    r"-F '\w+=[^']*;type=",
    r"--form-string ",
    r" -u ",
    r"--user ",
    r"--oauth2-bearer ",
    r" -b ",
    r" -A ",
    r" -e ",
    r" -I ",
    r" -k ",
    r" -L ",
    r"--compressed",
    r" -g ",
    r"--globoff",
    r"curl api\.example\.com",
    r" -r \d+ ",
    r"--digest -u ",
    r"--ntlm -u ",
    r"-u \S+ --oauth2-bearer ",
    r"--no-digest",
    r"--http2 http://",
]


def test_the_corpus_covers_every_source() -> None:
    names = [p.name for p in CORPUS]
    assert len(names) >= 60
    for kind in (
        "readme-",
        "mintlify-",
        "postman-",
        "insomnia-",
        "chrome-bash",
        "firefox-",
        "chrome-cmd",
        "powershell-",
        "terminal-",
        "heredoc-",
    ):
        assert any(n.startswith(kind) for n in names), kind
    assert {p.suffix for p in CORPUS} == {".sh", ".cmd", ".ps1"}
    everything = "\n".join(p.read_text(encoding="utf-8") for p in CORPUS)
    for spelled in ISSUE_OPTIONS:
        assert re.search(spelled, everything), f"no sample uses {spelled}"
    for sample in CORPUS:
        if sample.suffix != ".sh":
            assert (EQUIVALENTS / (sample.stem + ".sh")).exists(), sample.name


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    for f in FILES.iterdir():
        shutil.copy(f, tmp_path / f.name)
    return tmp_path


@pytest.mark.parametrize("sample", CORPUS, ids=lambda p: p.name)
def test_import_then_export_sends_the_same_request(
    sample: Path, recording_server, workdir: Path
) -> None:
    text = sample.read_bytes().decode("utf-8")
    read = read_curl(text, source=sample.name, base_dir=workdir)
    unexpected = [w for w in read.warnings if not w.option.startswith(("$", "curl"))]
    assert [w.option for w in unexpected] == _EXPECT_WARNING.findall(text), unexpected
    differs = {n.lower() for m in _DIFFERS.findall(text) for n in m.split()}
    component = component_for(read.request)
    exported = to_curl(component)

    equivalent = EQUIVALENTS / (sample.stem + ".sh")
    original = equivalent.read_text(encoding="utf-8") if equivalent.exists() else text
    placeholders = [m.group(1) for w in read.warnings if (m := _PLACEHOLDER.search(w.message))]
    [sent] = send_with_curl(_runnable(original, placeholders), recording_server, workdir)
    [again] = send_with_curl(_runnable(exported, placeholders), recording_server, workdir)

    compressed = "--compressed" in original
    assert _comparable(again, compressed, differs) == _comparable(sent, compressed, differs)
    if differs:  # the warning is there because the requests do differ
        assert _comparable(again, compressed) != _comparable(sent, compressed)


def _runnable(script: str, placeholders: list[str]) -> str:
    exports = "".join(f"export {name}='{{{{{name}}}}}'\n" for name in placeholders)
    return "jq() { cat >/dev/null; }\n" + exports + script.replace("https://", "http://")


def _comparable(
    request: Recorded, compressed: bool, differs: frozenset[str] | set[str] = frozenset()
) -> tuple:
    headers = [(n, v.strip(" \t")) for n, v in request.headers]
    headers = [h for h in headers if h[0].lower() != "expect" and h[0].lower() not in differs]
    if compressed:
        headers = [h for h in headers if h[0].lower() != "accept-encoding"]
    body = request.body
    boundary = re.search(r"boundary=(\S+)", request.header("Content-Type") or "")
    if boundary:
        token = boundary.group(1)
        body = body.replace(token.encode(), b"BOUNDARY")
        headers = [(n, v.replace(token, "BOUNDARY")) for n, v in headers]
    headers.sort(key=lambda h: h[0].lower())  # stable: same-name headers keep their order
    return request.method, request.target, headers, body
