"""``botkit.catalog.RESERVED_OPTIONS``: a catalog parameter whose CLI option would be one of
``botkit curl ID``'s own options is a catalog error naming the file, line and parameter,
and the set covers every option that command declares besides the parameters', so the
two cannot drift apart."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from botkit.catalog import RESERVED_OPTIONS, load_catalog
from botkit.catalog.auth import SCHEMES, scheme_from_data
from botkit.catalog.check import CatalogFileError, parse_file

CATALOG = """\
[vendor]
name = "acme"
title = "Acme CRM"
base_url = "https://crm.acme.test/api"
auth = {{ scheme = "header", header = "X-Acme-Key", env = "ACME_KEY" }}

[[api]]
action = "tag-contact"
summary = "Tag a contact"
method = "POST"
path = "/tags"
params = [
    {{ name = "contactId", in = "body", type = "integer", required = true, help = "Contact" }},
    {param},
]
"""


def _catalog(param: str) -> bytes:
    return CATALOG.format(param=param).encode()


@pytest.mark.parametrize(
    ("param", "option"),
    [
        ('{ name = "style", in = "body", type = "string", help = "Tag style" }', "--style"),
        ('{ name = "output", in = "query", type = "string", help = "Where" }', "--output"),
        ('{ name = "baseUrl", in = "body", type = "string", help = "URL" }', "--base-url"),
        ('{ name = "api_key", in = "body", type = "string", help = "Key" }', "--api-key"),
        ('{ name = "t", option = "format", in = "body", type = "string", help = "T" }', "--format"),
    ],
)
def test_a_parameter_taking_a_reserved_option_is_a_catalog_error(param: str, option: str) -> None:
    with pytest.raises(CatalogFileError) as caught:
        parse_file(Path("acme.toml"), _catalog(param))
    message = str(caught.value)
    assert message.startswith("acme.toml:14: api[0].params[1].name: ")
    assert f"its CLI option {option} is one of botkit curl's own options" in message
    assert "give the parameter an 'option' of its own" in message


def test_an_option_of_its_own_resolves_the_collision() -> None:
    param = '{ name = "style", option = "tag-style", in = "body", type = "string", help = "S" }'
    data = parse_file(Path("acme.toml"), _catalog(param))
    assert data["api"][0]["params"][1]["option"] == "tag-style"


def test_a_user_catalog_with_the_collision_is_one_error_on_the_command_line(
    tmp_path: Path,
) -> None:
    catalog = tmp_path / "acme.toml"
    catalog.write_bytes(_catalog('{ name = "name", in = "body", type = "string", help = "N" }'))
    env = {**os.environ, "BOTKIT_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("BOTKIT_CATALOG", None)
    out = subprocess.run(
        [sys.executable, "-m", "botkit", "apis", "--catalog", str(catalog)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert out.returncode == 2
    assert out.stdout == ""
    [line] = out.stderr.splitlines()
    assert "acme.toml:14: api[0].params[1].name: its CLI option --name is one of" in line


#: One table per auth scheme, so that every scheme's credential options are checked.
AUTH_TABLES = {
    "header": {"scheme": "header", "header": "X-Key", "env": "KEY"},
    "basic-or-bearer": {"scheme": "basic-or-bearer", "env": "USER", "token_env": "TOKEN"},
    "query": {"scheme": "query", "param": "key", "env": "KEY"},
    "basic": {"scheme": "basic", "env": "USER"},
    "none": {"scheme": "none"},
}


def _long_names(options: list[click.Parameter]) -> set[str]:
    return {o[2:] for p in options for o in p.opts if o.startswith("--")}


def test_every_auth_schemes_options_are_reserved() -> None:
    assert set(AUTH_TABLES) == set(SCHEMES)  # a new scheme gets a table here
    for table in AUTH_TABLES.values():
        options = scheme_from_data(table).click_options()
        assert _long_names(list(options)) <= RESERVED_OPTIONS, table["scheme"]


def test_every_option_of_botkit_curl_id_besides_the_parameters_is_reserved() -> None:
    from botkit.cli import cli

    ctx = click.Context(cli, info_name="botkit")
    curl = cli.get_command(ctx, "curl")
    assert isinstance(curl, click.Group)
    for api in load_catalog():
        command = curl.get_command(click.Context(curl, parent=ctx), api.id)
        assert command is not None
        # a boolean's own options: --reassign and --no-reassign
        negatives = {"no-" + p.option[2:] for p in api.params if p.value_type.flag}
        own = _long_names(command.params) - {p.option[2:] for p in api.params} - negatives
        assert own <= RESERVED_OPTIONS, (api.id, own - RESERVED_OPTIONS)
        assert {p.option[2:] for p in api.params}.isdisjoint(RESERVED_OPTIONS), api.id
