"""Choosing rules: --select/--ignore, [tool.botkit.lint], x-botkit-ignore and # botkit: ignore."""

from __future__ import annotations

import pytest
from lint_helpers import KEY, bot, codes, dt_component, lint

from botkit.errors import BotkitError
from botkit.lint import LintConfig, load_config
from botkit.lint.rules import select


def _noisy() -> dict:
    body = {"customerPhoneNumber": "9876543210", "assignedUserPhoneNumber": "+91 98123 45678"}
    return dt_component(body, headers=[{"name": "Authorization", "value": KEY}])


def test_select_by_prefix_code_and_slug():
    assert codes(lint(bot(_noisy()), select=("BK1",))) == ["BK101", "BK103"]
    assert codes(lint(bot(_noisy()), select=("BK203",))) == ["BK203"]
    assert codes(lint(bot(_noisy()), select=("phone-format",))) == ["BK103"]


def test_ignore_wins_over_select():
    assert codes(lint(bot(_noisy()), ignore=("BK1", "auth-hardcoded-secret"))) == []


def test_unknown_selector_is_a_usage_error_with_a_hint():
    with pytest.raises(BotkitError, match="did you mean phone-format"):
        select(["phone-formt"])


def test_unreadable_input_rules_cannot_be_ignored():
    assert {"BK000", "BK001"} <= select(["BK1"], ["ALL"])


def test_x_botkit_ignore_on_a_component_only_covers_that_component():
    quiet = _noisy() | {"x-botkit-ignore": ["BK203", "BK101"]}
    assert codes(lint(bot(quiet, _noisy()))) == ["BK101", "BK103", "BK103", "BK203"]


def test_x_botkit_ignore_on_a_step_or_the_bot():
    document = bot(_noisy())
    document["steps"][0]["x-botkit-ignore"] = ["BK103"]
    assert codes(lint(document)) == ["BK101", "BK203"]
    document["x-botkit-ignore"] = ["BK101", "BK203"]
    assert lint(document) == []


def test_pyproject_found_by_walking_up(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "bots"\n\n'
        '[tool.botkit.lint]\nignore = ["BK203"]\ndefault-region = "IN"\n'
    )
    nested = tmp_path / "bots" / "sales"
    nested.mkdir(parents=True)
    monkeypatch.chdir(nested)
    config = load_config()
    assert config.ignore == ("BK203",) and config.default_region == "IN"
    assert config.source == str(tmp_path / "pyproject.toml")


def test_pyproject_without_the_section_is_skipped(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.botkit.lint]\nselect = ["BK1"]\n')
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n")
    monkeypatch.chdir(inner)
    assert load_config().select == ("BK1",)


def test_bad_settings_are_reported_with_the_file(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.botkit.lint]\nignor = ["BK203"]\n')
    with pytest.raises(BotkitError, match="did you mean 'ignore'"):
        load_config(path)
    path.write_text('[tool.botkit.lint]\nselect = "BK1"\n')
    with pytest.raises(BotkitError, match="list of strings"):
        load_config(path)


def test_settings_read_once_are_kept_by_content(tmp_path, monkeypatch):
    """A pyproject.toml read before is not parsed again; an edited one is."""
    import tomllib

    monkeypatch.setenv("BOTKIT_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.botkit.lint]\nignore = ["BK203"]\n')
    (tmp_path / "inner").mkdir()
    (tmp_path / "inner" / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n")
    monkeypatch.chdir(tmp_path / "inner")
    first = load_config()
    parsed = []
    real = tomllib.loads
    monkeypatch.setattr(tomllib, "loads", lambda text: parsed.append(text) or real(text))
    assert load_config() == first and first.ignore == ("BK203",) and parsed == []
    path.write_text('[tool.botkit.lint]\nignore = ["BK101"]\n')
    assert load_config().ignore == ("BK101",) and len(parsed) == 1
    path.write_text('[tool.botkit.lint]\nselect = "BK1"\n')
    for _ in range(2):  # kept or not, the same refusal
        with pytest.raises(BotkitError, match="list of strings"):
            load_config()


def test_command_line_select_replaces_and_ignore_adds():
    base = LintConfig(select=("BK1",), ignore=("BK103",))
    merged = base.with_options(select=["BK2"], ignore=["BK203"])
    assert merged.select == ("BK2",) and merged.ignore == ("BK103", "BK203")
    assert base.with_options().select == ("BK1",)


@pytest.mark.parametrize("selector", ["BK203", "BK2", "auth-hardcoded-secret", "ALL"])
def test_x_botkit_ignore_takes_codes_prefixes_and_slugs(selector):
    quiet = dt_component(headers=[{"name": "Authorization", "value": KEY}])
    quiet["x-botkit-ignore"] = [selector]
    assert lint(bot(quiet)) == []


def test_x_botkit_ignore_with_an_unknown_slug_says_so_in_words():
    component = dt_component() | {"x-botkit-ignore": ["phone-formt"]}
    [finding] = lint(bot(component))
    assert finding.code == "BK301"
    assert finding.message == (
        "$.steps[0].component.x-botkit-ignore[0]: 'phone-formt' names no lint rule; "
        "did you mean 'phone-format'?"
    )
    badly_formed = dt_component() | {"x-botkit-ignore": ["BK 203"]}
    [finding] = lint(bot(badly_formed))
    assert finding.code == "BK301" and "is not a lint code (BK203)" in finding.message
    assert "^" not in finding.message and "[0-9]" not in finding.message


SNIPPET = "curl https://crm.example.com/leads -H 'X-Api-Key: live_8c1d2e3f4a5b6c7d8e9f'\n"


@pytest.mark.parametrize(
    "comment",
    [
        "# botkit: ignore BK203",
        "# botkit: ignore BK2",
        "# botkit: ignore auth-hardcoded-secret",
        "# botkit: ignore auth-hardcoded-secret, BK1 (a test key, revoked)",
        "# botkit: ignore",
    ],
)
def test_comment_suppression_takes_codes_prefixes_and_slugs(comment):
    assert lint(comment + "\n" + SNIPPET, kind="curl") == []


def test_comment_naming_no_rule_suppresses_nothing():
    for comment in ("# botkit: ignore auth-hardcoded-secrt", "# botkit: ignore BK3"):
        assert codes(lint(comment + "\n" + SNIPPET, kind="curl")) == ["BK203"]


def test_settings_take_prefixes_and_slugs_too():
    quiet = dt_component(headers=[{"name": "Authorization", "value": KEY}])
    for selector in ("BK203", "BK2", "auth-hardcoded-secret"):
        assert lint(bot(quiet), config=LintConfig(ignore=(selector,))) == []
