"""A {{variable}} as the whole value of any parameter goes through `botkit curl` verbatim:
real bash + real curl against the loopback recorder see exactly the braces, in the path,
the query and the body, for every API of the generation cases."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from generation_cases import CASES, base_url_for
from loopback import run_bash, send_with_curl

from botkit.catalog import load_catalog
from botkit.errors import ParamError
from botkit.generate import Credentials, build_request
from botkit.render import render_curl
from botkit.variables import credential_names


def _plain_http(api_id: str) -> str:
    base = base_url_for(api_id) or load_catalog().get(api_id).vendor.base_url
    return "http://" + base.split("://", 1)[1]


def _as_variables(api, values: dict) -> dict:
    out = {}
    for name, value in values.items():
        if isinstance(value, list):
            out[name] = [f"{{{{{name}_{i}}}}}" for i in range(len(value))]
        else:
            spaced = api.param(name).location == "body" and name.endswith("Id")
            out[name] = f"{{{{ {name} }}}}" if spaced else f"{{{{{name}}}}}"
    return out


@pytest.mark.parametrize("style", ["readme", "oneline"])
@pytest.mark.parametrize("api_id", sorted(CASES))
def test_variables_arrive_verbatim(api_id, style, recording_server, tmp_path):
    api = load_catalog().get(api_id)
    values = _as_variables(api, CASES[api_id][0])
    generated = build_request(
        api,
        values,
        base_url=_plain_http(api_id),
        credentials=Credentials(api_key="{{API_KEY}}", token="{{TOKEN}}")
        if not api_id.startswith("unblu.")
        else Credentials(token="{{UNBLU_TOKEN}}"),
        body_layout="readme" if style == "readme" else "compact",
    )
    text = render_curl(generated.request, style)
    assert "%7B" not in text
    [sent] = send_with_curl(text, recording_server, tmp_path)
    for param in api.params:
        if param.name not in values:
            continue
        wanted = values[param.name]
        if param.location == "path":
            assert wanted in sent.path
        elif param.location == "query":
            assert f"{param.name}={wanted}" in sent.query
        elif param.location == "body":
            assert json.loads(sent.body)[param.name] == wanted
    assert urlsplit(sent.target).path == sent.path


def test_base_url_as_a_variable_and_mixed_text():
    api = load_catalog().get("unblu.set-assignee")
    generated = build_request(
        api,
        {"conversationId": "c-{{id}}x/", "personId": "{{person}}"},
        base_url="{{unblu_base}}/app/rest/v4",
    )
    assert (
        generated.request.url
        == "{{unblu_base}}/app/rest/v4/conversations/c-{{id}}x%2F/setAssigneePerson"
    )
    text = render_curl(generated.request, "oneline")
    assert "--globoff" in text or " -g" in text


def test_mixed_text_is_explained_where_the_type_cannot_be_checked():
    api = load_catalog().get("doubletick.assign-chat")
    with pytest.raises(ParamError, match="mixes text and a variable"):
        build_request(
            api,
            {"customerPhoneNumber": "+91{{local}}", "assignedUserPhoneNumber": "919812345678"},
        )


def test_a_literal_is_still_checked():
    api = load_catalog().get("doubletick.assign-chat")
    with pytest.raises(ParamError, match="country code"):
        build_request(
            api, {"customerPhoneNumber": "9876543210", "assignedUserPhoneNumber": "{{agent}}"}
        )


def test_a_blank_inside_a_url_variable_is_explained():
    api = load_catalog().get("unblu.set-assignee")
    with pytest.raises(ParamError, match=r"blank in a URL: write \{\{cid\}\}"):
        build_request(
            api, {"conversationId": "{{ cid }}", "personId": "p"}, base_url="https://u.example.com"
        )


# --- the command line: booleans, --format component, recipes --------------------------------

BOOLEAN_CASES = sorted(
    api_id
    for api_id in CASES
    if any(p.type == "boolean" for p in load_catalog().get(api_id).params)
)


def _cli_args(api, values: dict, as_variable: set[str]) -> list[str]:
    """The ``botkit curl`` options for ``values``; those in ``as_variable`` as ``{{name}}``."""
    args: list[str] = []
    for name, value in values.items():
        option = api.param(name).option
        if name in as_variable:
            args += [option, "{{" + name + "}}"]
        elif isinstance(value, list):
            for item in value:
                args += [option, item]
        elif isinstance(value, bool):
            args.append(option if value else f"--no-{option[2:]}")
        else:
            args += [option, value]
    return args


def _cli(*args: str):
    import click
    from click.testing import CliRunner

    from botkit.cli import main

    command = click.Command("botkit", callback=lambda: main(list(args)))
    return CliRunner().invoke(command, [], env={"DOUBLETICK_API_KEY": None, "UNBLU_TOKEN": None})


@pytest.mark.parametrize("api_id", BOOLEAN_CASES)
def test_a_boolean_option_takes_a_variable_and_a_filled_value(api_id, recording_server, tmp_path):
    """``--reassign '{{reassign}}'`` on the command line: the variable arrives verbatim
    (a JSON string in a body, as lint expects it; the text in a query); filled with
    ``--var reassign=false``, the boolean arrives as the API wants it."""
    api = load_catalog().get(api_id)
    values = CASES[api_id][0]
    flags = {p.name for p in api.params if p.type == "boolean" and p.name in values}
    common = [*_cli_args(api, values, flags), "--base-url", _plain_http(api_id), "--api-key", "k"]
    if api_id.startswith("unblu."):
        common[-2:] = ["--token", "t"]
    kept = _cli("curl", api_id, *common)
    assert kept.exit_code == 0, kept.stderr
    [sent] = send_with_curl(kept.stdout, recording_server, tmp_path)
    filled = _cli("curl", api_id, *common, *[a for n in flags for a in ("--var", f"{n}=false")])
    assert filled.exit_code == 0, filled.stderr
    [sent_filled] = send_with_curl(filled.stdout, recording_server, tmp_path)
    for name in flags:
        if api.param(name).location == "body":
            assert json.loads(sent.body)[name] == "{{" + name + "}}"
            assert json.loads(sent_filled.body)[name] is False
        else:
            assert f"{name}={{{{{name}}}}}" in sent.query
            assert f"{name}=false" in sent_filled.query


def test_boolean_option_forms():
    base = ["curl", "doubletick.assign-chat", "--customer-phone-number", "919876543210"]
    base += ["--assigned-user-phone-number", "919812345678", "--api-key", "k", "--style", "oneline"]
    for args, sent in [
        (["--reassign"], '"reassign":true'),
        (["--reassign", "false"], '"reassign":false'),
        (["--reassign", "TRUE"], '"reassign":true'),
        (["--no-reassign"], '"reassign":false'),
        (["--reassign", "--waba-number", "919000000000"], '"reassign":true'),
    ]:
        result = _cli(*base, *args)
        assert result.exit_code == 0 and sent in result.stdout, (args, result.stderr)
    for args, message in [
        (["--reassign", "--no-reassign"], "--reassign and --no-reassign: give one of them"),
        (["--reassign", "yes"], "must be true or false, not 'yes'"),
        (["--reassign", "x{{r}}"], "mixes text and a variable"),
    ]:
        result = _cli(*base, *args)
        assert result.exit_code == 2 and message in result.stderr, (args, result.stderr)


@pytest.mark.parametrize("api_id", sorted(CASES))
def test_format_component_keeps_every_variable_verbatim(api_id):
    """``--format component`` holds the same variables the cURL sends: in the URL (never
    percent-encoded), the query, the body and the credential header."""
    api = load_catalog().get(api_id)
    values = CASES[api_id][0]
    names = set(values) - {n for n, v in values.items() if isinstance(v, list)}
    args = _cli_args(api, values, names)
    if not api.vendor.base_url:
        args += ["--base-url", "{{unblu_base}}/app/rest/v4"]
    result = _cli("curl", api_id, *args, "--format", "component")
    assert result.exit_code == 0, result.stderr
    component = json.loads(result.stdout)
    assert "%7B" not in component["url"]
    text = json.dumps(component)
    for name in names:
        assert "{{" + name + "}}" in text, name
    body = json.loads(component["body"]["text"]) if "body" in component else {}
    for name in names:
        if api.param(name).location == "body":
            assert body[name] == "{{" + name + "}}"
    # no credential given: the header holds the naming rule's variable
    key = credential_names(api.vendor)
    wanted = "{{" + (key.api_key or key.token or "") + "}}"
    assert any(wanted in h["value"] for h in component["headers"])


def test_a_recipe_sends_its_variables_verbatim(recording_server, tmp_path):
    """``botkit recipe`` with variables in a path and a body value: real bash runs the
    script, and every call carries the braces as written.  curl refuses braces in a host,
    so a ``{{unblu_base}}`` base URL is checked in the script's text."""
    result = _cli(
        "recipe",
        "unblu.reassign-keep-previous",
        "--base-url",
        "http://unblu.test/app/rest/v4",
        "--conversation-id",
        "{{conversation.id}}",
        "--person-id",
        "{{ specialist.person_id }}",
    )
    assert result.exit_code == 0, result.stderr
    assert "%7B" not in result.stdout
    recording_server.take()
    run = run_bash(result.stdout, recording_server, tmp_path, extra_env={"UNBLU_USER": "a:b"})
    assert run.returncode == 0, run.stderr
    sent = recording_server.take()
    assert [r.path for r in sent] == [
        "/app/rest/v4/conversations/{{conversation.id}}/addParticipant",
        "/app/rest/v4/conversations/{{conversation.id}}/setAssigneePerson",
    ]
    assert [json.loads(r.body) for r in sent] == [{"personId": "{{ specialist.person_id }}"}] * 2
    whole = _cli(
        "recipe",
        "unblu.reassign-keep-previous",
        "--base-url",
        "{{unblu_base}}/app/rest/v4",
        "--conversation-id",
        "c",
        "--person-id",
        "p",
    )
    assert whole.exit_code == 0, whole.stderr
    assert "--url '{{unblu_base}}/app/rest/v4/conversations/c/addParticipant'" in whole.stdout
    assert whole.stdout.count("--globoff") == 2
