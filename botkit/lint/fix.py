"""``--fix``: rewrite only the fixable spans of a file, keeping the file what it was.

A fix changes the content and nothing else: not the owner, the mode, a hard link,
a symbolic link, the line endings or a byte order mark.  How the bytes are written:

- through a symbolic link, to the file it points at (the link stays a link);
- never to a file the user could not write themselves: the real user must have
  write access, and a file no one may write (``0444``) is refused even for root,
  who would otherwise bypass the permission bits;
- the whole new content goes to a temporary file in the target's folder first.
  When the file has one link and its owner can be kept (we own it, or we are
  root), the temporary file gets the owner and mode and is renamed over it:
  atomic, the original or the new content, never half of each.  Otherwise (other
  hard links, someone else's file in our folder) the rename would break the link
  or the ownership, so the content is copied into the original inode after the
  temporary file is complete; the temporary file is the copy a failure leaves.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from botkit.files import TextFile
from botkit.lint.model import Edit, Finding


class FixError(Exception):
    """The fixes could not be written; the original file is untouched."""


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with non-overlapping ``edits`` applied (an edit that overlaps an earlier
    one is skipped, so two fixes can never garble each other)."""
    out: list[str] = []
    last = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < last:
            continue
        out.append(text[last : edit.start])
        out.append(edit.text)
        last = edit.end
    out.append(text[last:])
    return "".join(out)


def select_fixes(findings: Iterable[Finding]) -> list[Finding]:
    """The findings whose fixes can all be applied together (first come, first kept)."""
    chosen: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for finding in findings:
        if finding.fix is None:
            continue
        spans = [(e.start, e.end) for e in finding.fix.edits]
        if any((s < te and ts < e) or s == ts for s, e in spans for ts, te in taken):
            continue
        chosen.append(finding)
        taken.extend(spans)
    return chosen


def plan(source: TextFile, findings: Iterable[Finding]) -> tuple[str, list[Finding]]:
    """The text with every compatible fix applied, and the findings those fixes resolve."""
    chosen = select_fixes(findings)
    new = apply_edits(source.text, (e for f in chosen for e in f.fix.edits))  # type: ignore[union-attr]
    return (new, chosen) if new != source.text else (source.text, [])


def apply_fixes(
    path: str | os.PathLike[str], source: TextFile, findings: list[Finding]
) -> list[Finding]:
    """Write ``source`` with the fixes of ``findings`` to ``path``; the findings fixed.
    The BOM and line endings of ``source`` are kept."""
    new, chosen = plan(source, findings)
    if chosen:
        write_fixed(path, source.encode(new))
    return chosen


def fix_file(
    path: str | os.PathLike[str], source: TextFile, findings: list[Finding]
) -> tuple[str | None, list[Finding]]:
    """Apply the fixable ``findings`` to the file: (why it failed or None, findings fixed)."""
    fixable = [f for f in findings if f.fix is not None]
    if not fixable:
        return None, []
    try:
        return None, apply_fixes(path, source, fixable)
    except FixError as exc:
        return str(exc), []


def write_fixed(path: str | os.PathLike[str], data: bytes) -> None:
    """Make ``data`` the content of the file ``path`` names (see the module docstring)."""
    import tempfile  # only a run that fixes pays for it

    target = Path(os.path.realpath(path))
    try:
        info = target.stat()
    except OSError as exc:
        raise FixError(f"cannot fix {path}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise FixError(f"cannot fix {path}: not a regular file")
    if not stat.S_IMODE(info.st_mode) & 0o222 or not os.access(target, os.W_OK):
        raise FixError(f"cannot fix {path}: the file is read-only for you (left unchanged)")
    euid = os.geteuid() if hasattr(os, "geteuid") else None
    keeps_owner = euid is None or euid in (0, info.st_uid)
    temporary: str | None = None
    try:
        with tempfile.NamedTemporaryFile(
            "wb", dir=target.parent, prefix=f".{target.name}.", suffix=".botkit-fix", delete=False
        ) as handle:
            temporary = handle.name
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if info.st_nlink == 1 and keeps_owner:
            os.chmod(temporary, stat.S_IMODE(info.st_mode))
            if euid is not None and (info.st_uid, info.st_gid) != _owner(temporary):
                os.chown(temporary, info.st_uid, info.st_gid)
            os.replace(temporary, target)
            temporary = None
        else:
            _copy_into(target, data)
    except OSError as exc:
        raise FixError(
            f"cannot write fixes to {path} (left unchanged): {exc.strerror or exc}"
        ) from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _owner(path: str) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_uid, info.st_gid


def _copy_into(target: Path, data: bytes) -> None:
    """Overwrite the inode itself (its links, owner and mode stay)."""
    with open(target, "r+b") as handle:
        handle.write(data)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())
