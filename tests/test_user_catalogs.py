"""User catalogs, from a temporary bot repository: pyproject, $BOTKIT_CATALOG and --catalog,
adding a vendor, adding to a built-in vendor, overriding an API; the same generation,
import matching and lint as for built-in APIs; a bad file is one error with file and line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CRM = """\
[vendor]
name = "acme"
title = "Acme CRM"
base_url = "https://crm.acme.test/api"
auth = { scheme = "header", header = "X-Acme-Key", env = "ACME_KEY" }
headers = [{ name = "Content-Type", value = "application/json" }]

[[api]]
action = "update-contact"
summary = "Update a contact"
method = "PATCH"
path = "/contacts/{contactId}"
params = [
    { name = "contactId", in = "path", type = "integer", required = true, help = "Contact id" },
    { name = "phone", in = "body", type = "phone", required = true, help = "Contact's number" },
    { name = "address", in = "body", type = "json", schema = '{"type":"object","required":["city"]}', help = "Postal address" },
]
"""  # noqa: E501

ADD_TO_DOUBLETICK = """\
[vendor]
name = "doubletick"

[[api]]
action = "get-team"
summary = "Read the team"
method = "GET"
path = "/team"
params = []

[[api]]
action = "assign-customer"
summary = "Assign a customer (our wrapper)"
method = "POST"
path = "/customer/assign"
params = [{ name = "customerPhoneNumber", in = "body", type = "phone", required = true, help = "Customer" }]
"""  # noqa: E501


def _botkit(cwd: Path, *args: str, env: dict[str, str] | None = None, stdin: str | None = None):
    full_env = {**os.environ, "BOTKIT_CACHE_DIR": str(cwd / ".cache"), **(env or {})}
    full_env.pop("BOTKIT_CATALOG", None) if env is None or "BOTKIT_CATALOG" not in env else None
    return subprocess.run(
        [sys.executable, "-m", "botkit", *args],
        cwd=cwd,
        env=full_env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "catalog").mkdir()
    (tmp_path / "catalog" / "crm.toml").write_text(CRM)
    (tmp_path / "catalog" / "doubletick-extra.toml").write_text(ADD_TO_DOUBLETICK)
    (tmp_path / "pyproject.toml").write_text('[tool.botkit]\ncatalog = ["catalog"]\n')
    (tmp_path / "bots").mkdir()
    return tmp_path


def test_apis_lists_user_apis_with_where_they_come_from(repo: Path):
    out = _botkit(repo / "bots", "apis")  # the closest pyproject.toml is the repo's
    assert out.returncode == 0, out.stderr
    assert "acme.update-contact" in out.stdout
    assert "doubletick.get-team" in out.stdout
    # shown relative to the current folder when inside it, else as given
    assert f"[from {repo / 'catalog' / 'crm.toml'}]" in out.stdout
    overrides = f"[from {repo / 'catalog' / 'doubletick-extra.toml'}; overrides built-in]"
    here = _botkit(repo, "apis", "--vendor", "acme").stdout
    assert "[from catalog/crm.toml]" in here
    assert overrides in out.stdout
    assert "unblu.set-assignee" in out.stdout  # built-in APIs are still there
    listed = json.loads(_botkit(repo, "apis", "--json").stdout)
    by_id = {a["id"]: a for a in listed}
    assert by_id["doubletick.assign-customer"]["overrides"] == "built-in"
    assert by_id["doubletick.get-team"]["auth"]["header"] == "Authorization"  # the vendor's


def test_curl_generates_for_a_user_api(repo: Path):
    out = _botkit(
        repo,
        "curl",
        "acme.update-contact",
        "--contact-id",
        "7",
        "--phone",
        "+91 98765 43210",
        "--address",
        '{"city": "Pune"}',
        "--style",
        "oneline",
        env={"ACME_KEY": "k_123"},
    )
    assert out.returncode == 0, out.stderr
    assert "https://crm.acme.test/api/contacts/7" in out.stdout
    assert "X-Acme-Key: k_123" in out.stdout
    assert '"phone":"919876543210"' in out.stdout
    bad = _botkit(repo, "curl", "acme.update-contact", "--contact-id", "x", "--phone", "1")
    assert bad.returncode == 2 and "not a whole number" in bad.stderr
    no_city = _botkit(
        repo, "curl", "acme.update-contact", "--contact-id", "1", "--phone", "919876543210",
        "--address", "{}",
    )  # fmt: skip
    assert no_city.returncode == 2 and "'city' is a required property" in no_city.stderr


def test_the_override_is_what_curl_uses(repo: Path):
    out = _botkit(repo, "curl", "doubletick.assign-customer", "--help")
    assert "Assign a customer (our wrapper)" in out.stdout
    assert "--waba-number" not in out.stdout


def test_env_and_option_name_catalogs_too(repo: Path, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    crm = repo / "catalog" / "crm.toml"
    by_env = _botkit(elsewhere, "apis", "--vendor", "acme", env={"BOTKIT_CATALOG": str(crm)})
    assert by_env.returncode == 0 and "acme.update-contact" in by_env.stdout
    by_option = _botkit(elsewhere, "apis", "--catalog", str(crm), "--vendor", "acme")
    assert by_option.returncode == 0 and "acme.update-contact" in by_option.stdout
    without = _botkit(elsewhere, "apis", "--vendor", "acme")
    assert without.returncode == 2


def test_import_and_lint_match_user_apis(repo: Path):
    snippet = (
        "curl -X PATCH https://crm.acme.test/api/contacts/7 -H 'X-Acme-Key: {{acme_key}}' "
        "-H 'Content-Type: application/json' -d '{\"phone\": \"9876543210\"}'\n"
    )
    imported = _botkit(repo, "import", stdin=snippet)
    assert imported.returncode == 0, imported.stderr
    assert json.loads(imported.stdout)["api"] == "acme.update-contact"
    (repo / "bots" / "call.curl").write_text(snippet)
    linted = _botkit(repo, "lint", "bots/call.curl")
    assert linted.returncode == 1
    assert "BK101" in linted.stdout  # the phone has no country code: the catalog says phone


def test_lint_finds_a_missing_key_of_a_user_vendor(repo: Path):
    (repo / "bots" / "call.curl").write_text(
        'curl -X PATCH https://crm.acme.test/api/contacts/7 -d \'{"phone": "919876543210"}\'\n'
    )
    linted = _botkit(repo, "lint", "bots/call.curl")
    assert "BK201" in linted.stdout and "X-Acme-Key" in linted.stdout


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (CRM.replace('type = "integer"', 'type = "int"'), "crm.toml:14: api[0].params[0].type"),
        (CRM.replace('method = "PATCH"', 'method = "FETCH"'), "crm.toml:11: api[0].method"),
        (CRM.replace("{contactId}", "{id}"), "crm.toml:12: api[0].path"),
        (CRM.replace('name = "acme"', 'name = "acme'), "crm.toml: not valid TOML"),
        (CRM.replace('title = "Acme CRM"\n', ""), "vendor 'acme': [vendor] needs title"),
    ],
)
def test_a_bad_catalog_file_is_one_error_naming_file_line_and_key(repo: Path, text, where):
    (repo / "catalog" / "crm.toml").write_text(text)
    out = _botkit(repo, "apis")
    assert out.returncode == 2
    assert where in out.stderr
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_an_edited_file_is_read_again_not_served_from_the_cache(repo: Path):
    assert "Update a contact" in _botkit(repo, "apis").stdout
    crm = repo / "catalog" / "crm.toml"
    crm.write_text(CRM.replace("Update a contact", "Change a contact"))
    out = _botkit(repo, "apis").stdout
    assert "Change a contact" in out and "Update a contact" not in out


def test_pyproject_catalog_paths_are_kept_by_content(tmp_path: Path, monkeypatch):
    """The paths are read from the cache once seen (no TOML parse per command), an
    edited pyproject is read again, and a broken one is an error every time."""
    import botkit.catalog.cache as cache
    from botkit.catalog.check import CatalogFileError
    from botkit.catalog.files import user_catalog_paths

    monkeypatch.setenv("BOTKIT_CACHE_DIR", str(tmp_path / ".cache"))
    monkeypatch.delenv("BOTKIT_CATALOG", raising=False)
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "bots"\n[tool.botkit]\ncatalog = ["catalog"]\n')
    assert user_catalog_paths(tmp_path) == (str(tmp_path / "catalog"),)
    assert cache.cached_pyproject_entries(pyproject.read_bytes()) == ["catalog"]
    assert user_catalog_paths(tmp_path) == (str(tmp_path / "catalog"),)
    pyproject.write_text('[project]\nname = "bots"\n[tool.botkit]\ncatalog = "more.toml"\n')
    assert user_catalog_paths(tmp_path) == (str(tmp_path / "more.toml"),)
    pyproject.write_text('[project]\nname = "botkit"\n')  # names botkit, has no table
    assert user_catalog_paths(tmp_path) == ()
    for _ in range(2):
        pyproject.write_text('[tool.botkit]\ncatalog = ["a"\n')
        with pytest.raises(CatalogFileError, match="cannot read"):
            user_catalog_paths(tmp_path)
    assert cache.cached_pyproject_entries(pyproject.read_bytes()) is None
