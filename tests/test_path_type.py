"""botkit's PathType gives what click.Path gives, for every combination of its flags.

botkit does not use click.Path (its gettext lookup when made: botkit/cli/path_type.py);
what users see must not change, so each case runs through both types: the same value,
or the same error message, the same metavar and the same shell completion marker.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path
from typing import Any

import click
import pytest

from botkit.cli.path_type import PathType

FLAGS = ("exists", "file_okay", "dir_okay", "allow_dash")
COMBINATIONS = [
    dict(zip(FLAGS, values, strict=True))
    for values in itertools.product((False, True), repeat=len(FLAGS))
]
# Names relative to the folder the test runs in (see `place`).
VALUES = ("missing", "missing/below", "file.txt", "folder", "-", "./-", "émoji-☃.txt", "")


@pytest.fixture
def place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding a file, a folder and a file named '-', made the current one."""
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    (tmp_path / "émoji-☃.txt").write_text("x", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def outcome(kind: click.ParamType, value: Any) -> tuple[str, Any]:
    """What an option of this type makes of ``value``: ("value", it) or ("error", message)."""
    option = click.Option(["-o", "--out"], type=kind)
    try:
        return ("value", kind.convert(value, option, None))
    except click.BadParameter as exc:
        return ("error", exc.format_message())


def id_of(flags: dict[str, bool]) -> str:
    return ",".join(name for name, on in flags.items() if on) or "defaults"


@pytest.mark.parametrize("flags", COMBINATIONS, ids=id_of)
@pytest.mark.parametrize("value", VALUES)
def test_the_same_value_or_the_same_error_as_click_path(
    flags: dict[str, bool], value: str, place: Path
) -> None:
    theirs = outcome(click.Path(path_type=str, **flags), value)
    assert outcome(PathType(**flags), value) == theirs


@pytest.mark.parametrize("flags", COMBINATIONS, ids=id_of)
def test_a_folder_named_absolutely_and_a_file_are_judged_alike(
    flags: dict[str, bool], place: Path
) -> None:
    for value in (str(place / "folder"), str(place / "file.txt"), os.fsencode("file.txt")):
        theirs = outcome(click.Path(path_type=str, **flags), value)
        assert outcome(PathType(**flags), value) == theirs


def test_an_unreadable_file_is_refused_alike(place: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """(Faked: the tests may run as root, who reads every file.)"""
    real_access = os.access

    def access(path: Any, mode: int, **kwargs: Any) -> bool:
        if os.fsdecode(path).endswith("file.txt") and mode == os.R_OK:
            return False
        return real_access(path, mode, **kwargs)

    monkeypatch.setattr(os, "access", access)
    for flags in COMBINATIONS:
        theirs = outcome(click.Path(path_type=str, **flags), "file.txt")
        assert outcome(PathType(**flags), "file.txt") == theirs
    assert outcome(PathType(), "file.txt")[1].endswith("Path 'file.txt' is not readable.")


@pytest.mark.parametrize("flags", COMBINATIONS, ids=id_of)
def test_the_same_name_metavar_and_completion(flags: dict[str, bool]) -> None:
    ours, theirs = PathType(**flags), click.Path(**flags)
    assert ours.name == theirs.name
    assert ours.envvar_list_splitter == theirs.envvar_list_splitter
    ctx = click.Context(click.Command("x"))
    option = click.Option(["--out"], type=ours)
    theirs_option = click.Option(["--out"], type=theirs)
    assert option.get_help_record(ctx) == theirs_option.get_help_record(ctx)
    mine = [(c.value, c.type) for c in ours.shell_complete(ctx, option, "fi")]
    assert mine == [(c.value, c.type) for c in theirs.shell_complete(ctx, option, "fi")]


def test_botkit_uses_no_click_path() -> None:
    """Every path parameter of every command is a PathType (a click.Path would bring the
    gettext lookup back)."""
    from botkit.cli import COMMANDS, cli

    ctx = click.Context(cli, info_name="botkit")
    commands: list[click.Command] = [cli]
    for name in COMMANDS:
        command = cli.get_command(ctx, name)
        assert command is not None
        commands.append(command)
        if isinstance(command, click.Group):
            sub_ctx = click.Context(command, parent=ctx, info_name=name)
            for sub in command.list_commands(sub_ctx)[:3]:
                built = command.get_command(sub_ctx, sub)
                assert built is not None
                commands.append(built)
    types = [p.type for c in commands for p in c.params]
    assert not [t for t in types if isinstance(t, click.Path)]
    assert sum(isinstance(t, PathType) for t in types) >= 8
