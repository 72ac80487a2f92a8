"""The built wheel carries templates/ and schemas/ and works from any directory.

The wheel is built from this checkout, installed (without its dependencies, and
without the network) into a fresh venv that borrows the test environment's
packages through a .pth file, and run from an unrelated directory.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-q",
            "-w",
            str(work / "dist"),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    [wheel] = (work / "dist").glob("botkit-*.whl")
    env_dir = work / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--no-index",
            "-q",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    # The dependencies (click, jinja2, ...) come from the test environment, read-only.
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(purelib, "test-deps.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n" + sysconfig.get_paths()["platlib"] + "\n"
    )
    return work


def test_wheel_contains_templates_and_schemas(installed):
    [wheel] = (installed / "dist").glob("botkit-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "botkit/_data/templates/curl/readme.sh.j2" in names
    assert "botkit/_data/templates/recipes/script.sh.j2" in names
    assert "botkit/_data/schemas/component.schema.json" in names
    assert "botkit/apis/doubletick.toml" in names


def test_installed_command_runs_from_any_directory(installed, tmp_path):
    bindir = installed / "venv" / "bin"
    where = subprocess.run(
        [str(bindir / "python"), "-c", "import botkit; print(botkit.__file__)"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert str(installed / "venv") in where  # the wheel's copy, not this checkout
    version = subprocess.run(
        [str(bindir / "botkit"), "--version"], cwd=tmp_path, capture_output=True, text=True
    )
    assert version.returncode == 0 and "botkit, version" in version.stdout
    args = [
        "curl",
        "unblu.set-assignee",
        "--base-url",
        "https://u.example/app/rest/v4",
        "--conversation-id",
        "c",
        "--person-id",
        "p",
        "--token",
        "t",
    ]
    via_script = subprocess.run(
        [str(bindir / "botkit"), *args], cwd=tmp_path, capture_output=True, text=True
    )
    via_module = subprocess.run(
        [str(bindir / "python"), "-m", "botkit", *args, "--format", "component"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert via_script.returncode == 0, via_script.stderr
    assert (
        "--url https://u.example/app/rest/v4/conversations/c/setAssigneePerson" in via_script.stdout
    )
    assert via_module.returncode == 0, via_module.stderr
    assert '"api": "unblu.set-assignee"' in via_module.stdout


def test_wheel_marks_the_package_typed(installed):
    """PEP 561: the py.typed marker tells type checkers to read botkit's own hints."""
    [wheel] = (installed / "dist").glob("botkit-*.whl")
    assert "botkit/py.typed" in set(zipfile.ZipFile(wheel).namelist())
