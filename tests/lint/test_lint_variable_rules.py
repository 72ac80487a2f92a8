"""BK601-BK604: a bot's variables are declared or set before they are used, used once
set, and credentials are named by the one rule; findings point at the variable itself."""

from __future__ import annotations

import itertools
import json

from hypothesis import given, settings
from hypothesis import strategies as st
from lint_helpers import codes, dt_component, lint, write

from botkit.lint import LintConfig, lint_files
from botkit.lint.dataflow import analyse


def _bot(*steps: dict, **extra: object) -> dict:
    return {"name": "b", "steps": list(steps), **extra}


def _msg(step_id: str, text: str, **more: object) -> dict:
    return {"id": step_id, "component": {"type": "message", "text": text}, **more}


def _set(step_id: str, name: str, **more: object) -> dict:
    component = {"type": "set_variable", "variable": name, "value": "x"}
    return {"id": step_id, "component": component, **more}


def _at(text: str, finding) -> str:
    """The text a finding's line and column point at."""
    line = text.splitlines()[finding.line - 1]
    return line[finding.column - 1 :]


def test_bk601_typo_with_did_you_mean_points_inside_body_text():
    component = dt_component({"customerPhoneNumber": "{{customer_phon}}"})
    bot = _bot(
        {"id": "a", "component": component},
        variables={"customer_phone": "the customer's number"},
    )
    text = json.dumps(bot, indent=2)
    found = lint(text, select=["BK601"])
    [finding] = found
    assert finding.message == (
        "{{customer_phon}} is never declared nor set; did you mean {{customer_phone}}?"
    )
    assert _at(text, finding).startswith('{{customer_phon}}\\"')
    assert finding.finish.column - finding.column == len("{{customer_phon}}")


def test_bk601_credential_typo_suggests_the_catalog_name():
    component = dt_component(headers=[{"name": "Authorization", "value": "{{doubletick_api_ky}}"}])
    [finding] = lint(_bot({"id": "a", "component": component}), select=["BK601"])
    assert "did you mean {{DOUBLETICK_API_KEY}}?" in finding.message


def test_bk601_dotted_names_and_blanks():
    bot = _bot(
        _msg("a", "Hi {{ contact.name }}, {{contact}} {{order.id}}", next="b"),
        _set("b", "order"),
        variables={"contact": "the contact"},
    )
    assert lint(bot, select=["BK601"]) == []
    bot["variables"] = {"contact.id": "only the id"}
    found = lint(bot, select=["BK601"])
    assert [f.message.split()[0] for f in found] == ["{{contact.name}}", "{{contact}}"]


def test_bk602_names_a_path_and_points_at_the_use_in_a_when():
    bot = _bot(
        {
            "id": "start",
            "component": {"type": "condition"},
            "branches": [{"when": "{{vip}} == true", "next": "use"}],
            "next": "set",
        },
        _set("set", "agent", next="use"),
        _msg("use", "Your agent is {{agent}}"),
        variables={"vip": "input"},
    )
    text = json.dumps(bot, indent=2)
    [finding] = lint(text, select=["BK602"])
    assert "start -> use" in finding.message
    assert _at(text, finding).startswith("{{agent}}")


def test_bk602_a_save_does_not_happen_on_error():
    call = dt_component(save=[{"path": "$.data.id", "variable": "chat_id"}])
    bot = _bot(
        {"id": "call", "component": call, "next": "ok", "on_error": "sorry"},
        _msg("ok", "Chat {{chat_id}}", next="end"),
        _msg("sorry", "Could not open chat {{chat_id}}", next="end"),
        {"id": "end", "component": {"type": "end"}},
        variables={"customer_phone": "x"},
    )
    found = lint(bot, select=["BK602"])
    assert len(found) == 1 and "call -> sorry" in found[0].message


def test_bk602_loops_and_unreachable_steps():
    bot = _bot(
        _set("a", "x", next="b"),
        _msg("b", "{{x}}", next="a"),
        _msg("island", "{{y}}"),
        _set("c", "y"),
    )
    assert lint(bot, select=["BK602"]) == []


def test_bk602_the_branch_when_of_a_question_sees_its_answer():
    bot = _bot(
        {
            "id": "q",
            "component": {"type": "question", "text": "Plan?", "variable": "plan"},
            "branches": [{"when": "{{plan}} == 'pro'", "next": "e"}],
            "next": "e",
        },
        {"id": "e", "component": {"type": "end"}},
    )
    assert lint(bot, select=["BK6"]) == []


def test_bk603_declared_and_saved_but_unused_at_their_names():
    call = dt_component(save=[{"path": "data.id", "variable": "chat_id"}])
    bot = _bot(
        {"id": "call", "component": call},
        variables={"customer_phone": "unused", "contact": "used", "x": "used by x.y"},
    )
    bot["steps"].append(_msg("m", "{{contact.id}} {{x}}"))
    text = json.dumps(bot, indent=2)
    found = lint(text, select=["BK603"])
    assert [_at(text, f).split(":")[0] for f in found] == ['"chat_id"', '"customer_phone"'] or [
        _at(text, f).split(":")[0] for f in found
    ] == ['"customer_phone"', '"chat_id"']


def test_bk604_renames_the_credential_variable_with_fix(tmp_path):
    component = dt_component(headers=[{"name": "Authorization", "value": "{{doubletick_api_key}}"}])
    component["body"]["text"] = json.dumps({"customerPhoneNumber": "919876543210"})
    bot = _bot({"id": "a", "component": component}, variables={"doubletick_api_key": "key"})
    path = write(tmp_path, "bot.json", bot)
    [result] = lint_files([path], LintConfig(select=("BK604",)), fix=True)
    assert [f.code for f in result.fixed] == ["BK604"]
    fixed = json.loads(path.read_text())
    assert fixed["steps"][0]["component"]["headers"][0]["value"] == "{{DOUBLETICK_API_KEY}}"


def test_bk604_unblu_basic_and_bearer_names():
    basic = {"type": "basic", "username": "{{user}}", "password": "{{pw}}"}
    unblu = {
        "type": "call_api",
        "name": "x",
        "api": "unblu.set-assignee",
        "method": "POST",
        "url": "https://acme.unblu.cloud/app/rest/v4/conversations/{{c}}/setAssigneePerson",
        "headers": [{"name": "Content-Type", "value": "application/json"}],
        "auth": basic,
        "body": {"text": '{"personId": "p"}'},
    }
    found = lint(_bot({"id": "a", "component": unblu}, variables={"c": "", "user": "", "pw": ""}))
    assert sorted(f.message.split("{{")[1].split("}}")[0] for f in found if f.code == "BK604") == [
        "UNBLU_PASSWORD",
        "UNBLU_USER",
    ]
    unblu.pop("auth")
    unblu["headers"].append({"name": "Authorization", "value": "Bearer {{tok}}"})
    found = lint(_bot({"id": "a", "component": unblu}, variables={"c": "", "tok": ""}))
    assert [f.code for f in found] == ["BK604"] and "{{UNBLU_TOKEN}}" in found[0].message


def test_curl_snippets_are_left_to_the_shell_rules():
    snippet = (
        "curl https://public.doubletick.io/team-member/assign -H 'Authorization: {{key}}' "
        "-H 'content-type: application/json' "
        """-d '{"customerPhoneNumber": "919876543210", "wabaNumber": "919000000000"}'"""
    )
    assert "BK604" not in codes(lint(snippet, kind="curl"))


# --- the data-flow analysis against path enumeration -------------------------------------


@st.composite
def small_bots(draw):
    n = draw(st.integers(2, 6))
    ids = [f"s{i}" for i in range(n)]
    steps = []
    for i in range(n):
        kind = draw(st.sampled_from(["set", "use", "both", "plain"]))
        text = "{{v}}" if kind in ("use", "both") else "hi"
        component: dict = {"type": "message", "text": text}
        if kind in ("set", "both"):
            component = {"type": "set_variable", "variable": "v", "value": text}
        step: dict = {"id": ids[i], "component": component}
        targets = draw(st.lists(st.sampled_from(ids), max_size=2))
        if targets:
            step["next"] = targets[0]
        if len(targets) > 1:
            step["branches"] = [{"when": "1", "next": targets[1]}]
        steps.append(step)
    return {"name": "b", "steps": steps}


def _oracle(bot: dict) -> set[str]:
    """Steps using {{v}} that some simple path from the first step reaches with no step
    before them setting v (every simple path enumerated)."""
    steps = bot["steps"]
    by_id = {s["id"]: s for s in steps}

    def succ(step):
        out = [step.get("next")] + [b["next"] for b in step.get("branches", [])]
        return [t for t in out if t]

    def sets(step):
        return step["component"]["type"] == "set_variable"

    def uses(step):
        return "{{v}}" in json.dumps(step["component"])

    flagged: set[str] = set()
    if not any(sets(s) for s in steps):
        return flagged  # never set at all: BK601's finding, not BK602's

    def walk(step_id, seen):
        step = by_id[step_id]
        if uses(step):
            flagged.add(step_id)
        if sets(step):
            return
        for t in succ(step):
            if t not in seen:
                walk(t, seen | {t})

    walk(steps[0]["id"], {steps[0]["id"]})
    return flagged


@settings(max_examples=300, deadline=None)
@given(small_bots())
def test_maybe_unset_equals_path_enumeration(bot):
    found = {bot["steps"][use.step]["id"] for use, _ in analyse(bot).maybe_unset()}
    assert found == _oracle(bot)
    for use, path in analyse(bot).maybe_unset():
        assert path[0] == bot["steps"][0]["id"] and path[-1] == bot["steps"][use.step]["id"]
        assert all(a != b for a, b in itertools.pairwise(path))


def test_a_long_bot_is_linear():
    import time

    def chain(n):
        steps = [_set("s0", "v", next="s1")]
        steps += [_msg(f"s{i}", "{{v}}", next=f"s{i + 1}") for i in range(1, n)]
        steps.append({"id": f"s{n}", "component": {"type": "end"}})
        return _bot(*steps)

    def best(n):
        times = []
        for _ in range(3):
            bot = chain(n)
            start = time.process_time()
            list(analyse(bot).maybe_unset())
            times.append(time.process_time() - start)
        return min(times)

    small, large = best(2000), best(8000)
    assert large < small * 8 + 0.05  # 4x the steps; quadratic would be 16x
