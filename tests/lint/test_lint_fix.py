"""--fix rewrites only the fixable spans, atomically, and never half-writes a file."""

from __future__ import annotations

import json
import os

import pytest
from lint_helpers import bot, dt_component, write

from botkit.lint import LintConfig, lint_files
from botkit.lint import fix as output_module  # the module that writes fixes


def _faulty() -> dict:
    body = {"customerPhoneNumber": "+91 98765 43210", "assignedUserPhoneNumber": "9876543210"}
    collaborators = dt_component(
        {
            "from": "+91 90000 00000",
            "to": "{{customer_phone}}",
            "agentNumbers": ["+917838849957", "919812345678"],
        },
        path="/collaborators/add",
        api="doubletick.add-collaborators",
    )
    return bot(dt_component(body), collaborators)


def test_fix_rewrites_only_the_fixable_values(tmp_path):
    original = json.dumps(_faulty(), indent=2) + "\n"
    path = write(tmp_path, "bot.json", original)
    [result] = lint_files([path], LintConfig(), fix=True)
    assert sorted(f.code for f in result.fixed) == ["BK103"] * 3
    assert [f.code for f in result.findings] == ["BK101"]  # not fixable: stays reported
    fixed = path.read_text(encoding="utf-8")
    expected = (
        original.replace("+91 98765 43210", "919876543210")
        .replace("+91 90000 00000", "919000000000")
        .replace("+917838849957", "917838849957")
    )
    assert fixed == expected  # every other byte as it was
    [again] = lint_files([path], LintConfig(), fix=True)
    assert again.fixed == [] and [f.code for f in again.findings] == ["BK101"]


def test_fix_keeps_crlf_newlines_and_permissions(tmp_path):
    original = json.dumps(_faulty(), indent=2).replace("\n", "\r\n")
    path = write(tmp_path, "bot.json", original)
    os.chmod(path, 0o640)
    list(lint_files([path], LintConfig(), fix=True))
    data = path.read_bytes()
    assert data.count(b"\r\n") == original.count("\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert os.stat(path).st_mode & 0o777 == 0o640


def test_fix_a_plain_json_string_value(tmp_path):
    # A DoubleTick host (digits wanted) on a path the catalog does not describe: the phone
    # is found by its name, in the query, as an ordinary JSON string.
    component = {
        "type": "call_api",
        "name": "Lookup",
        "method": "GET",
        "url": "https://public.doubletick.io/customer/lookup",
        "headers": [{"name": "Authorization", "value": "{{DOUBLETICK_API_KEY}}"}],
        "query": [{"name": "phone", "value": "%2B91-98765-43210"}],
    }
    original = json.dumps(component, indent=2)
    path = write(tmp_path, "c.json", original)
    [result] = lint_files([path], LintConfig(), fix=True)
    assert [f.code for f in result.fixed] == ["BK103"] and result.findings == []
    assert path.read_text() == original.replace("%2B91-98765-43210", "919876543210")


def test_without_fix_nothing_is_written(tmp_path):
    original = json.dumps(_faulty(), indent=2)
    path = write(tmp_path, "bot.json", original)
    before = os.stat(path).st_mtime_ns
    [result] = lint_files([path], LintConfig())
    assert result.fixed == [] and sum(f.fix is not None for f in result.findings) == 3
    assert path.read_text() == original and os.stat(path).st_mtime_ns == before


@pytest.mark.parametrize("failing", ["replace", "fsync", "write"])
def test_interrupted_fix_leaves_the_original_intact(tmp_path, monkeypatch, failing):
    original = json.dumps(_faulty(), indent=2)
    path = write(tmp_path, "bot.json", original)

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    if failing == "write":
        import tempfile  # botkit.output imports it where it writes a file

        real = tempfile.NamedTemporaryFile

        class Failing:
            def __init__(self, *a, **k):
                self.inner = real(*a, **k)
                self.name = self.inner.name

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.inner.close()

            def write(self, data):
                self.inner.write(data[: len(data) // 2])  # half the bytes reach the disk...
                boom()

        monkeypatch.setattr(tempfile, "NamedTemporaryFile", Failing)
    else:
        monkeypatch.setattr(output_module.os, failing, boom)
    [result] = lint_files([path], LintConfig(), fix=True)
    assert path.read_text() == original
    assert os.listdir(tmp_path) == ["bot.json"]  # no temporary file left behind
    assert result.fixed == [] and result.fatal
    assert any("left unchanged" in f.message for f in result.findings)


def test_overlapping_edits_are_never_both_applied():
    from botkit.lint.fix import apply_edits
    from botkit.lint.model import Edit, Position

    p = Position(1, 1)
    edits = [Edit(0, 5, "AAAAA", p, p), Edit(3, 8, "BBBBB", p, p), Edit(9, 10, "C", p, p)]
    assert apply_edits("0123456789", edits) == "AAAAA5678C"
