"""botkit's own catalog files are kept in the cache by name, size and time of change
(botkit/catalog/cache.py): a command reads neither them nor a hash of them once kept,
and an edited file (a new size or time) is read again."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from botkit.catalog import CATALOG_DIR, load_catalog
from botkit.catalog import files as catalog_files


@pytest.fixture
def reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The catalog files (.toml) read, in a cache folder of this test's own."""
    monkeypatch.setenv("BOTKIT_CACHE_DIR", str(tmp_path / "cache"))
    seen: list[str] = []
    real = catalog_files.read_raw

    def read(path: str) -> bytes:
        if path.endswith(".toml"):
            seen.append(os.path.basename(path))
        return real(path)

    monkeypatch.setattr(catalog_files, "read_raw", read)
    load_catalog.cache_clear()
    yield seen
    load_catalog.cache_clear()


def test_a_kept_built_in_file_is_not_read_again(reads: list[str]) -> None:
    first = load_catalog(user=())
    assert sorted(reads) == sorted(n for n in os.listdir(CATALOG_DIR) if n.endswith(".toml"))
    reads.clear()
    load_catalog.cache_clear()
    again = load_catalog(user=())
    assert reads == []
    assert again.ids() == first.ids()


def test_an_edited_built_in_file_is_read_again(
    reads: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = tmp_path / "apis"
    shutil.copytree(CATALOG_DIR, own)
    monkeypatch.setattr(catalog_files, "CATALOG_DIR", str(own))
    before = catalog_files.read_catalog(str(own), ())
    vambe = own / "vambe.toml"
    text = vambe.read_text(encoding="utf-8")
    summary = next(a.summary for a in before if a.vendor.name == "vambe")
    vambe.write_text(text.replace(summary, summary + " (edited)"), encoding="utf-8")
    reads.clear()
    after = catalog_files.read_catalog(str(own), ())
    assert reads == ["vambe.toml"]
    assert any(a.summary == summary + " (edited)" for a in after)


def test_old_cache_files_go_when_a_new_one_is_written(reads: list[str], tmp_path: Path) -> None:
    """Entries a reinstall or an edit left behind are removed once over a month old;
    what botkit did not name, and what is recent, stays."""
    cache = tmp_path / "cache"
    cache.mkdir()
    hexes = "0123456789abcdef" * 3
    stale = [
        "built-in-1-2-3-4-5-0.0.9-2-8155-6.json",
        "built-in-1-2-3-4-5-0.0.9-2-8155-6.params.json",
        f"catalog-{hexes[:40]}.json",
        f"pyproject-{hexes[1:41]}.json",
        "phone-patterns-8.0.0-1.txt",
        ".catalog-k2j3h4.tmp",
    ]
    theirs = ["notes.txt", "catalog-mine.json", "built-in-x.json", "phone-patterns"]
    recent = f"catalog-{hexes[2:42]}.json"
    month = 31 * 86_400
    for name in stale + theirs + [recent]:
        (cache / name).write_text("{}", encoding="utf-8")
        if name != recent:
            os.utime(cache / name, (os.path.getmtime(cache / name) - month,) * 2)
    load_catalog(user=())  # an empty cache: botkit's own files are checked and kept
    left = set(os.listdir(cache))
    assert not left & set(stale)
    assert set(theirs) | {recent} <= left
    assert any(n.startswith("built-in-") and n not in stale for n in left)
