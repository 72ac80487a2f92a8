"""BK501-BK502: a bot's connections must lead somewhere, and ids must be unique."""

from __future__ import annotations

from lint_helpers import codes, lint


def _bot(*steps: dict, **extra: object) -> dict:
    return {"name": "b", "steps": list(steps), **extra}


def _step(step_id: str, **connections: object) -> dict:
    return {"id": step_id, "component": {"type": "message", "text": "hi"}, **connections}


def test_connected_bot_passes():
    bot = _bot(
        _step("a", next="b", branches=[{"when": "{{x}} == 1", "next": "c"}]),
        _step("b", next="c"),
        _step("c"),
        start="a",
        variables={"x": "an input"},
    )
    assert lint(bot) == []


def test_bk501_every_kind_of_connection():
    bot = _bot(
        _step("a", next="bb", on_error="err", branches=[{"option": "Yes", "next": "cc"}]),
        _step("b"),
        start="zz",
    )
    findings = lint(bot)
    assert codes(findings) == ["BK501"] * 4
    paths = {f.json_path for f in findings}
    assert paths == {
        ("start",),
        ("steps", 0, "next"),
        ("steps", 0, "on_error"),
        ("steps", 0, "branches", 0, "next"),
    }


def test_bk501_suggests_the_closest_id():
    [finding] = lint(_bot(_step("assign"), _step("x", next="asign")))
    assert "did you mean 'assign'?" in finding.message


def test_bk502_duplicate_id_points_at_the_second():
    [finding] = lint(_bot(_step("a"), _step("b"), _step("a")))
    assert finding.code == "BK502" and finding.json_path == ("steps", 2, "id")
    assert "step 1" in finding.message
