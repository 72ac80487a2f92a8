"""curl's option table: complete against the real curl, and looked up as curl 7.88 does."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from botkit.curl.options import EFFECTS, NOTED, ROWS, Effect, OptionError, by_long, by_short


def test_rows_are_unique_and_complete() -> None:
    longs = [row[0] for row in ROWS]
    shorts = [row[1] for row in ROWS if row[1]]
    assert len(longs) == len(set(longs))
    assert len(shorts) == len(set(shorts))
    for long, _, _, effect, note in ROWS:
        assert long == long.lower() and not long.startswith("-")
        assert {Effect.WARN, Effect.FAIL} <= NOTED
        if effect in NOTED:
            assert note, f"--{long} needs a note saying what it does"
        else:
            assert not note, f"--{long} has a note it never shows"


@pytest.mark.skipif(shutil.which("curl") is None, reason="needs the curl binary")
def test_every_option_of_the_installed_curl_is_in_the_table() -> None:
    """``curl --help all`` lists each option with its letter and <argument>."""
    listing = subprocess.run(
        ["curl", "--help", "all"], capture_output=True, text=True, check=True
    ).stdout
    seen = 0
    for m in re.finditer(r"^\s+(?:-(\S), )?--(\S+)( [<\[])?", listing, re.M):
        short, long, takes = m.group(1), m.group(2), m.group(3) is not None
        option, negated = by_long(long)
        assert option.long == long and not negated, long
        assert option.short == short, long
        if long != "help":  # curl's help category is optional; we fail on --help anyway
            assert option.takes_arg == takes, long
        seen += 1
    assert seen > 200


@pytest.mark.parametrize(
    ("name", "long", "negated"),
    [
        ("header", "header", False),
        ("HEADER", "header", False),
        ("url-q", "url-query", False),  # a unique prefix, as curl 7.88 accepts
        ("path-as", "path-as-is", False),
        ("no-progress-meter", "no-progress-meter", False),
        ("no-compressed", "compressed", True),
        ("no-get", "get", True),
    ],
)
def test_long_names(name: str, long: str, negated: bool) -> None:
    option, was_negated = by_long(name)
    assert (option.long, was_negated) == (long, negated)


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("req", "ambiguous in curl (it could be --request, --request-target)"),
        ("no-header", "is not a curl option"),  # --no- only turns off a boolean
        ("headr", "did you mean --header?"),
        ("data=x", "curl does not take --name=value, write --data VALUE"),
        ("expand-data", None),
    ],
)
def test_bad_long_names(name: str, words: str | None) -> None:
    if words is None:
        option, _ = by_long(name)
        assert option.effect == Effect.FAIL
        return
    with pytest.raises(OptionError, match=re.escape(words)):
        by_long(name)


def test_short_letters() -> None:
    header = by_short("H")
    assert header is not None and header.long == "header" and header.takes_arg
    silent = by_short("s")
    assert silent is not None and silent.effect == Effect.NEUTRAL and not silent.takes_arg
    assert by_short("W") is None


def test_every_effect_has_its_recorder() -> None:
    """The table drives the reader: each effect names exactly one recorder, no if-chain."""
    from botkit.curl.record import RECORDERS

    assert set(RECORDERS) == set(EFFECTS)
