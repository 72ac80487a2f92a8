"""A baseline: the findings a repository already has, so CI reports only new ones.

Each finding is keyed by its file, its code and *where in the component* it is (the
JSON path of the value, or for a finding with no path its message), never by its
line: adding a step above a known finding does not make it new.  The file stores
how many findings share each key, so a second copy of a known problem is new.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from botkit.errors import BotkitError
from botkit.lint.model import Finding

VERSION = 1

Key = tuple[str, str, str]


def key(finding: Finding) -> Key:
    """(file, code, place): stable when lines move."""
    where = finding.anchor or finding.message
    return (finding.path.replace("\\", "/"), finding.code, where)


def dump(findings: Iterable[Finding]) -> str:
    """The baseline file's text for ``findings`` (sorted: it diffs well in review)."""
    counts = Counter(key(f) for f in findings if not f.rule.fatal)
    entries = [
        {"path": path, "code": code, "where": where, "count": n}
        for (path, code, where), n in sorted(counts.items())
    ]
    return (
        json.dumps({"version": VERSION, "findings": entries}, indent=2, ensure_ascii=False) + "\n"
    )


class Baseline:
    """The known findings; ``new`` filters a file's findings down to those not known."""

    def __init__(self, counts: Counter[Key]) -> None:
        self.counts = counts

    @classmethod
    def load(cls, path: str | Path) -> Baseline:
        from botkit.files import FileReadError, read_text

        try:
            data = json.loads(read_text(path).text)
        except FileReadError as exc:
            raise BotkitError(f"baseline {path}: {exc.message}") from None
        except json.JSONDecodeError as exc:
            raise BotkitError(f"baseline {path}: not JSON ({exc.msg})") from None
        entries = data.get("findings") if isinstance(data, dict) else None
        if not isinstance(entries, list) or data.get("version") != VERSION:
            raise BotkitError(
                f"baseline {path}: not a botkit baseline (write one with --write-baseline)"
            )
        counts: Counter[Key] = Counter()
        for e in entries:
            try:
                counts[(str(e["path"]), str(e["code"]), str(e["where"]))] += int(e.get("count", 1))
            except (KeyError, TypeError, ValueError, AttributeError):
                raise BotkitError(f"baseline {path}: malformed entry {e!r:.80}") from None
        return cls(counts)

    def new(self, findings: list[Finding]) -> list[Finding]:
        """The findings not in the baseline (a known key is used up once per finding)."""
        left = Counter(self.counts)
        out = []
        for f in findings:
            k = key(f)
            if not f.rule.fatal and left[k] > 0:
                left[k] -= 1
            else:
                out.append(f)
        return out
