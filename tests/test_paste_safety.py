"""What botkit prints is safe to paste: it sends exactly the request and does nothing else.

For any component valid against the schema, holding hostile bytes (control
characters, quotes, ``$(...)``, backticks, ``!`` and ``^`` for history
expansion), both export styles are run by real bash twice: as a script, and
typed into an interactive bash under a pseudo-terminal with bracketed paste off,
where every control character is a key and history expansion reads each line.
Both runs must send exactly the request the component describes (the loopback
recorder), read no file the component does not name in a ``file`` part, and run
nothing (a canary file never appears).
"""

from __future__ import annotations

import base64
import json
import string
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from loopback import Recorded, RecordingServer, run_bash
from typed import type_into_bash

from botkit import schemas
from botkit.convert import to_curl

CANARY = "PWNED"
SECRET = "SECRET-CANARY-6f1d"
UPLOAD = "UPLOAD-CONTENT-93ab"
# Each of these has run a command, or changed the request, in some shell or terminal.
ATTACKS = [
    f"$(touch {CANARY})",
    f"`touch {CANARY}`",
    f"'; touch {CANARY}; '",
    f"\n touch {CANARY} \n",
    f"\x01\x0b touch {CANARY}\x05",  # Ctrl-A, Ctrl-K, Ctrl-E: readline moves the cursor
    f"\x15touch {CANARY}\n",  # Ctrl-U: kill the line typed so far
    f"\x03touch {CANARY}\n",  # Ctrl-C
    "\x1b[200~",  # a bracketed-paste start, as text
    "\x1b\x7f\x08\t\t",
    "!!",
    "!-1",
    "\n^a^b\n",
    "\n!ls\n",
    "\x16\x0a",
    "\r\n",
    "EOF\n'",
    "\x85\x9b\u2028\u202e",
    "@secret.txt",
    "<secret.txt",
    "(",
    "%s%n\\x41\\",
]
_printable = string.printable.replace("\x0b", "").replace("\x0c", "")
_hostile_char = st.one_of(
    st.sampled_from(list(_printable)),
    st.characters(min_codepoint=1, max_codepoint=0x9F),
    st.sampled_from(["é", "\u2028", "\u00a0", "😀"]),
)
hostile = st.lists(
    st.one_of(st.sampled_from(ATTACKS), st.text(_hostile_char, max_size=8)), max_size=4
).map("".join)
# What a URL path or query may hold: no blanks or controls (the schema's rule).
_url_char = st.sampled_from([c for c in string.printable if c.isprintable() and c not in " ?#"])
url_text = st.text(_url_char, max_size=12)
line = hostile.map(lambda s: s.replace("\r", "").replace("\n", "").replace("\x00", ""))


@st.composite
def components(draw: st.DrawFn) -> dict[str, Any]:
    # non-empty: the recorder (http.server) folds a leading "//" into "/"
    segments = draw(st.lists(url_text.filter(lambda s: s and "/" not in s), max_size=3))
    component: dict[str, Any] = {
        "type": "call_api",
        "name": "x",
        "method": draw(st.sampled_from(["POST", "PUT", "GET", "X-Y!"])),
        "url": "http://127.0.0.1/" + "/".join(segments),
        "headers": [
            {"name": name, "value": value.strip(" \t")}
            for name, value in draw(
                st.lists(st.tuples(st.sampled_from(["X-A", "X-B", "x-a"]), line), max_size=3)
            )
        ],
        "query": [
            {"name": n} if v is None else {"name": n, "value": v}
            for n, v in draw(
                st.lists(
                    st.tuples(
                        url_text.map(lambda s: s.replace("&", "").replace("=", "")),
                        st.none() | url_text.map(lambda s: s.replace("&", "")),
                    ),
                    max_size=3,
                )
            )
        ],
    }
    if draw(st.booleans()):
        component["auth"] = {
            "type": "basic",
            "username": draw(line).replace(":", ""),
            "password": draw(line),
        }
    kind = draw(st.sampled_from(["none", "text", "multipart"]))
    if kind == "text":
        component["body"] = {"text": draw(hostile)}
    elif kind == "multipart":
        parts = []
        for _ in range(draw(st.integers(1, 3))):
            part: dict[str, str] = {"name": "p" + draw(line).replace("=", "")[:6]}
            if draw(st.booleans()):
                part["value"] = draw(hostile)
            else:
                part["file"] = "upload.txt"
            if draw(st.booleans()):
                part["filename"] = draw(line)
            if draw(st.booleans()):
                part["type"] = draw(st.sampled_from(["text/plain", "text/plain; charset=utf-8"]))
            parts.append(part)
        component["body"] = {"multipart": parts}
    return component


def _expected_target(component: dict[str, Any]) -> str:
    path = "/" + component["url"].split("/", 3)[3]
    if not component.get("query"):
        return path
    pieces = [
        q["name"] if "value" not in q else f"{q['name']}={q['value']}" for q in component["query"]
    ]
    return path + "?" + "&".join(pieces)


def _check(sent: list[Recorded], component: dict[str, Any], cwd: Path) -> None:
    assert not (cwd / CANARY).exists(), "a command ran"
    assert len(sent) == 1, sent
    [request] = sent
    assert request.method == component["method"]
    assert request.target == _expected_target(component)
    names = {h["name"].lower() for h in component["headers"]}
    got = [(n.lower(), v) for n, v in request.headers if n.lower() in names]
    assert got == [(h["name"].lower(), h["value"]) for h in component["headers"]]
    auth = component.get("auth")
    if auth is not None:
        token = base64.b64encode(f"{auth['username']}:{auth['password']}".encode()).decode()
        assert request.header("Authorization") == f"Basic {token}"
    assert SECRET.encode() not in request.body, "a file the component does not name was read"
    body = component.get("body")
    if body is None:
        assert request.body == b""
    elif "text" in body:
        assert request.body == body["text"].encode()
    else:
        for part in body["multipart"]:
            content = part["value"].encode() if "value" in part else UPLOAD.encode()
            assert b"\r\n\r\n" + content + b"\r\n--" in request.body


def _run_script(
    script: str, server: RecordingServer, cwd: Path, timeout: float = 30, **env: str
) -> Any:
    """Run ``script`` as a file (a long one cannot be ``bash -c``'s argument)."""
    (cwd / "command.sh").write_text(script, encoding="utf-8")
    result = run_bash(". ./command.sh", server, cwd, timeout=timeout, extra_env=env)
    (cwd / "command.sh").unlink()
    return result


def _post(text: str, headers: list[dict[str, str]] | None = None) -> dict[str, Any]:
    return {
        "type": "call_api",
        "name": "x",
        "method": "POST",
        "url": "http://127.0.0.1/a",
        "headers": headers or [],
        "body": {"text": text},
    }


def _prepare(cwd: Path) -> None:
    for leftover in cwd.iterdir():
        leftover.unlink()
    (cwd / "secret.txt").write_text(SECRET)
    (cwd / "upload.txt").write_text(UPLOAD)


def _safe(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


def _send(text: str, server: RecordingServer, cwd: Path, *, typed: bool) -> list[Recorded]:
    """What arrives when ``text`` is run as a script, or typed into a terminal."""
    _prepare(cwd)
    server.take()
    if typed:
        shown = type_into_bash(text, server, cwd, timeout=120)
        assert "bash: " not in shown, shown[-1000:]  # no syntax error, no "command not found"
    else:
        result = _run_script(text, server, cwd, timeout=120, UNBLU_USER="admin:pw")
        assert result.returncode == 0, result.stderr[-1000:]
    return server.take()


@pytest.mark.parametrize("typed", [False, True], ids=["script", "typed"])
@_safe(50)
@given(component=components(), style=st.sampled_from(["readme", "oneline"]))
def test_export_sends_exactly_the_component_and_runs_nothing(
    typed, component, style, recording_server: RecordingServer, tmp_path: Path
):
    assume(schemas.is_valid("component", component))
    sent = _send(to_curl(component, style), recording_server, tmp_path, typed=typed)
    _check(sent, component, tmp_path)


@pytest.mark.parametrize("style", ["readme", "oneline"])
@pytest.mark.parametrize("attack", ATTACKS)
def test_each_known_attack_in_every_place(attack, style, recording_server, tmp_path):
    clean = attack.replace("\r", "").replace("\n", "")
    component = {
        "type": "call_api",
        "name": "x",
        "method": "POST",
        "url": "http://127.0.0.1/a",
        "headers": [{"name": "X-A", "value": clean.strip(" \t") or "v"}],
        "query": [],
        "auth": {"type": "basic", "username": "u", "password": clean},
        "body": {"text": attack},
    }
    multipart = {
        **component,
        "body": {
            "multipart": [
                {"name": "a", "value": attack},
                {"name": "b", "value": attack, "filename": clean, "type": "text/plain"},
            ]
        },
    }
    for each in (component, multipart):
        assert schemas.is_valid("component", each)
        _check(_send(to_curl(each, style), recording_server, tmp_path, typed=True), each, tmp_path)


@pytest.mark.parametrize("style", ["readme", "oneline"])
@pytest.mark.parametrize(
    "text",
    [
        "x" * 200_000,  # over MAX_ARG_STRLEN (128 KiB) as one argument
        "it's\n" * 40_000 + "\n",  # a heredoc in readme style
        ("\x01\t'!" * 40_000),  # ANSI-C quoted, 4 bytes each
        "@" + "y" * 150_000,
    ],
    ids=["plain", "heredoc", "controls", "at-sign"],
)
def test_a_body_over_the_argument_limit_still_runs(text, style, recording_server, tmp_path):
    component = _post(text)
    sent = _send(to_curl(component, style), recording_server, tmp_path, typed=False)
    _check(sent, component, tmp_path)


@pytest.mark.parametrize("style", ["readme", "oneline"])
def test_a_long_body_typed_into_a_terminal(style, recording_server, tmp_path):
    component = _post("a'b\x01!\n" * 20_000)
    sent = _send(to_curl(component, style), recording_server, tmp_path, typed=True)
    _check(sent, component, tmp_path)


@pytest.mark.parametrize(("style", "count"), [("readme", 20_000), ("oneline", 100_000)])
def test_a_hundred_thousand_headers_still_run(
    style, count, recording_server, tmp_path, monkeypatch
):
    import http.client

    monkeypatch.setattr(http.client, "_MAXHEADERS", 200_000)  # the recorder's own limit
    # short ones: curl 7.88 refuses a request whose headers pass 1 MiB in all
    headers = [{"name": "X", "value": "'\x01"} for _ in range(count)]
    component = _post("b" * 200_000, headers)
    sent = _send(to_curl(component, style), recording_server, tmp_path, typed=False)
    _check(sent, component, tmp_path)


# --- botkit curl and botkit recipe: hostile parameter values, typed into a terminal ---

gen_text = hostile.filter(lambda s: s.strip() != "")


@_safe(20)
@given(
    conversation=gen_text,
    comment=gen_text,
    password=url_text,  # botkit curl refuses a credential with control characters
    style=st.sampled_from(["readme", "oneline"]),
)
def test_generated_commands_typed_into_a_terminal_send_exactly_the_values(
    conversation, comment, password, style, recording_server, tmp_path
):
    from urllib.parse import unquote

    from botkit.catalog import load_catalog
    from botkit.generate import Credentials, build_request
    from botkit.render import render_curl as render

    api = load_catalog().get("unblu.offboard-participant")
    generated = build_request(
        api,
        {"conversationId": conversation, "personId": "p1", "comment": comment},
        base_url="http://unblu.test/app/rest/v4",
        credentials=Credentials(user=f"admin:{password}"),
        body_layout="readme" if style == "readme" else "compact",
    )
    [sent] = _send(render(generated.request, style), recording_server, tmp_path, typed=True)
    assert not (tmp_path / CANARY).exists()
    assert unquote(sent.path.split("/")[5]) == conversation
    assert json.loads(sent.body) == {"personId": "p1", "comment": comment}
    token = base64.b64encode(f"admin:{password}".encode()).decode()
    assert sent.header("Authorization") == f"Basic {token}"


@_safe(10)
@given(comment=gen_text, person=gen_text)
def test_recipe_scripts_typed_or_run_send_exactly_the_values(
    comment, person, recording_server, tmp_path
):
    from botkit.recipes import load_recipes, render_recipe

    script = render_recipe(
        load_recipes()["unblu.forward"],
        {"conversationId": "c1", "agentPersonId": person, "comment": comment},
        base_url="http://unblu.test/app/rest/v4",
    )
    expected = {"conversationId": "c1", "agentPersonId": person, "comment": comment}
    # "set -e" would close the terminal on a failure: typed, it runs in a subshell
    typed_text = "export UNBLU_USER=admin:pw\n(\n" + script + "\n)\n"
    for text, typed in ((script, False), (typed_text, True)):
        [sent] = _send(text, recording_server, tmp_path, typed=typed)
        assert not (tmp_path / CANARY).exists()
        assert json.loads(sent.body) == expected


def test_base_url_with_control_characters_is_refused():
    from botkit.catalog import load_catalog
    from botkit.errors import ParamError
    from botkit.generate import build_request

    api = load_catalog().get("unblu.offboard-participant")
    for bad in ("http://a.example/x\x01", "http://a\x1b.example", "http://a.example/\x7f"):
        with pytest.raises(ParamError, match="control characters"):
            build_request(api, {"conversationId": "c", "personId": "p"}, base_url=bad)
