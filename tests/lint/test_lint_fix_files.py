"""--fix keeps the file what it was: links, owner, mode, line endings, BOM (issue 12 item 12)."""

from __future__ import annotations

import os
import stat

import pytest
from lint_helpers import write

from botkit.lint import LintConfig, lint_files

SNIPPET = (
    "curl --request POST --url https://public.doubletick.io/team-member/assign \\\n"
    "  --header 'Authorization: $DOUBLETICK_API_KEY' \\\n"
    "  --header 'content-type: application/json' \\\n"
    '  --data \'{"customerPhoneNumber": "+91 98765 43210", '
    '"assignedUserPhoneNumber": "919812345678"}\'\n'
)
FIXED = SNIPPET.replace("+91 98765 43210", "919876543210")


def _fix(path):
    [result] = lint_files([path], LintConfig(), fix=True)
    return result


def test_fix_writes_through_a_symlink_to_its_target(tmp_path):
    target = write(tmp_path, "real/a.curl", SNIPPET)
    link = tmp_path / "link.curl"
    link.symlink_to(target)
    result = _fix(link)
    assert [f.code for f in result.fixed] == ["BK103"]
    assert link.is_symlink() and target.read_text() == FIXED


def test_fix_keeps_hard_links_mode_and_owner(tmp_path):
    path = write(tmp_path, "a.curl", SNIPPET)
    other = tmp_path / "b.curl"
    os.link(path, other)
    os.chmod(path, 0o640)
    if os.geteuid() == 0:
        os.chown(path, 1234, 5678)
    before = os.stat(path)
    _fix(path)
    after = os.stat(path)
    assert other.read_text() == FIXED and after.st_ino == before.st_ino
    assert stat.S_IMODE(after.st_mode) == 0o640
    assert (after.st_uid, after.st_gid) == (before.st_uid, before.st_gid)


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give the file another owner")
def test_fix_keeps_the_owner_of_a_single_link_file(tmp_path):
    path = write(tmp_path, "a.curl", SNIPPET)
    os.chown(path, 1234, 5678)
    _fix(path)
    info = os.stat(path)
    assert (info.st_uid, info.st_gid) == (1234, 5678) and path.read_text() == FIXED


def test_a_read_only_file_is_not_rewritten_even_by_root(tmp_path):
    path = write(tmp_path, "a.curl", SNIPPET)
    os.chmod(path, 0o444)
    result = _fix(path)
    assert result.fixed == [] and path.read_text() == SNIPPET
    assert any("read-only" in f.message for f in result.findings if f.code == "BK001")


@pytest.mark.parametrize(
    ("bom", "newline"), [(b"", "\r\n"), (b"\xef\xbb\xbf", "\n"), (b"\xef\xbb\xbf", "\r\n")]
)
def test_fix_keeps_line_endings_and_bom(tmp_path, bom, newline):
    path = tmp_path / "a.curl"
    path.write_bytes(bom + SNIPPET.replace("\n", newline).encode())
    [before] = lint_files([path], LintConfig())
    bk103 = [f for f in before.findings if f.code == "BK103"]
    assert bk103 and bk103[0].fix is not None
    assert (bk103[0].line, bk103[0].column) == (4, 35)  # same place whatever the line ends
    _fix(path)
    assert path.read_bytes() == bom + FIXED.replace("\n", newline).encode()
