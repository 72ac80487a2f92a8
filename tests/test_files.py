"""botkit.files: the one reader import, export and lint share refuses what it must not read."""

from __future__ import annotations

import io
import os
import socket
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from botkit.files import FileReadError, TextFile, decode, read_stdin, read_text


def _read(path: Path, **kw) -> FileReadError:
    with pytest.raises(FileReadError) as info:
        read_text(path, **kw)
    return info.value


def _in_time(fn, limit: float = 5.0):
    """Run ``fn`` in a thread; fail (rather than hang the suite) if it blocks."""
    box: list = []
    thread = threading.Thread(target=lambda: box.append(_catch(fn)), daemon=True)
    thread.start()
    thread.join(limit)
    assert box, f"blocked for more than {limit} s"
    return box[0]


def _catch(fn):
    try:
        return fn()
    except FileReadError as exc:
        return exc


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    error = _in_time(lambda: read_text(fifo))
    assert isinstance(error, FileReadError) and error.kind == "special"
    assert "named pipe" in error.message


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_an_endless_device_is_refused():
    error = _in_time(lambda: read_text("/dev/zero"))
    assert isinstance(error, FileReadError) and "character device" in error.message


def test_a_socket_is_refused(tmp_path):
    path = tmp_path / "s.curl"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        assert "socket" in _read(path).message
    finally:
        server.close()


def test_a_symlink_loop_is_named(tmp_path):
    (tmp_path / "a.json").symlink_to("b.json")
    (tmp_path / "b.json").symlink_to("a.json")
    error = _read(tmp_path / "a.json")
    assert error.kind == "loop" and "symbolic link loop" in error.message


def test_missing_file_and_directory(tmp_path):
    assert "No such file" in _read(tmp_path / "nope.curl").message
    assert _read(tmp_path).kind == "directory"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.json"
    path.write_text("{}")
    path.chmod(0)
    assert _read(path).kind == "denied"


def test_size_limit_is_a_clear_message(tmp_path):
    path = tmp_path / "big.curl"
    path.write_bytes(b"x" * 2049)
    error = _read(path, limit=2048)
    assert error.kind == "too-large" and "larger than 2,048 bytes" in error.message
    assert read_text(path, limit=2049).text == "x" * 2049


def test_stdin_is_limited_too():
    with pytest.raises(FileReadError, match="larger than"):
        read_stdin(io.BytesIO(b"y" * 11), limit=10)
    assert read_stdin(io.BytesIO(b"curl h")).text == "curl h"


def test_bom_and_crlf_are_kept_for_writing_back(tmp_path):
    data = b"\xef\xbb\xbfcurl https://h \\\r\n  -H 'A: b'\r\n"
    path = tmp_path / "s.curl"
    path.write_bytes(data)
    read = read_text(path)
    assert read.bom and not read.text.startswith("\ufeff")
    assert read.newline == "\r\n"
    assert read.encode(read.text) == data


@given(st.binary(max_size=200))
def test_any_bytes_decode_or_fail_clearly(data):
    try:
        read = decode(data)
    except FileReadError as exc:
        assert exc.kind in ("binary", "encoding") and exc.line and exc.column
        return
    assert read.encode(read.text) == data


@given(st.text(max_size=100).filter(lambda t: "\0" not in t), st.booleans())
def test_text_round_trips(text, bom):
    data = TextFile(text, bom).encode(text)
    read = decode(data)
    assert read.text == text and read.encode(read.text) == data


def test_decoding_errors_say_where():
    error = _catch(lambda: decode(b"ok\nab\xe9cd"))
    assert error.kind == "encoding" and (error.line, error.column) == (2, 3)
    assert "byte 0xe9 at offset 5" in error.message
    utf16 = _catch(lambda: decode("{}".encode("utf-16")))
    assert utf16.kind == "binary" and "UTF-16" in utf16.message


# --- the commands that read through it ---------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("command", ["import", "export", "lint"])
def test_commands_refuse_a_fifo_and_dev_zero(tmp_path, command):
    from tests.cli_run import botkit

    fifo = tmp_path / "pipe.curl"
    os.mkfifo(fifo)
    for target in (str(fifo), "/dev/zero"):
        result = _in_time(lambda t=target: botkit(command, t), limit=30)
        assert result.returncode == 2, result
        shown = result.stdout + result.stderr
        assert "not a regular file" in shown and "Traceback" not in shown


def test_lint_reports_a_symlink_loop_in_a_folder_and_lints_the_rest(tmp_path):
    from botkit.lint import LintConfig, lint_files

    (tmp_path / "a.curl").symlink_to("b.curl")
    (tmp_path / "b.curl").symlink_to("a.curl")
    (tmp_path / "ok.curl").write_text("curl https://example.test/x\n")
    results = {Path(r.path).name: r for r in lint_files([tmp_path], LintConfig())}
    assert sorted(results) == ["a.curl", "b.curl", "ok.curl"]
    assert [f.code for f in results["a.curl"].findings] == ["BK001"]
    assert "symbolic link loop" in results["a.curl"].findings[0].message
    assert all(f.code != "BK001" for f in results["ok.curl"].findings)
