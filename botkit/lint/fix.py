"""``--fix``: rewrite only the fixable spans of a file, atomically.

The new bytes replace the file through ``botkit.output.replace_bytes`` (a
temporary file beside it, renamed over it), so if anything fails on the way the
original is left exactly as it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from botkit.files import TextFile
from botkit.lint.model import Edit, Finding
from botkit.output import replace_bytes


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


def apply_fixes(path: Path, source: TextFile, findings: list[Finding]) -> list[Finding]:
    """Write ``source`` with the fixes of ``findings`` to ``path``; the findings fixed.
    The BOM and line endings of ``source`` are kept."""
    chosen = select_fixes(findings)
    if not chosen:
        return []
    new = apply_edits(source.text, (e for f in chosen for e in f.fix.edits))  # type: ignore[union-attr]
    if new == source.text:
        return []
    write_atomically(path, source.encode(new))
    return chosen


def fix_file(
    path: Path, source: TextFile, findings: list[Finding]
) -> tuple[str | None, list[Finding]]:
    """Apply the fixable ``findings`` to the file: (why it failed or None, findings fixed)."""
    fixable = [f for f in findings if f.fix is not None]
    if not fixable:
        return None, []
    try:
        return None, apply_fixes(path, source, fixable)
    except FixError as exc:
        return str(exc), []


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` by ``data`` (``botkit.output.replace_bytes``); FixError if it cannot."""
    try:
        path.stat()
    except OSError as exc:
        raise FixError(f"cannot fix {path}: {exc.strerror or exc}") from None
    try:
        replace_bytes(path, data)
    except OSError as exc:
        raise FixError(
            f"cannot write fixes to {path} (left unchanged): {exc.strerror or exc}"
        ) from None
