"""The precompiled templates (botkit/compiled_templates/) say exactly what Jinja says.

Rendering runs the code Jinja's compiler made from each template on botkit's small runtime
(botkit/template_runtime.py) instead of importing jinja2; these tests hold the two to the
same output and keep the compiled modules current with the template files.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import jinja2
import pytest
from hypothesis import given
from hypothesis import strategies as st

from botkit import render, template_compiler, template_runtime
from botkit.recipes import load_recipes, render_recipe
from botkit.render import Heredoc, Option, Piped


def by_jinja(name: str, variables: dict[str, Any]) -> str:
    return render.environment().get_template(name).render(**variables)


def precompiled(name: str, variables: dict[str, Any]) -> str:
    root = render._precompiled(name)
    assert root is not None, f"{name} has no current compiled module"
    return template_runtime.render(root, variables)


def test_compiled_modules_are_current() -> None:
    stale = template_compiler.stale()
    assert not stale, (
        f"{[p.name for p in stale]} out of date: run `python -m botkit.template_compiler`"
    )


@pytest.mark.parametrize("name", template_compiler.template_names())
def test_every_template_is_precompiled(name: str) -> None:
    assert render._precompiled(name) is not None


text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
options = st.lists(
    st.builds(
        Option,
        flag=st.sampled_from(["", "--url", "-H", "--header", "--data-binary"]),
        value=st.none() | text,
        raw=st.booleans(),
    ),
    max_size=6,
)
heredocs = st.none() | st.builds(Heredoc, delimiter=st.sampled_from(["EOF", "EOF1"]), text=text)
pipes = st.none() | st.builds(Piped, text=text)


@given(options=options, heredoc=heredocs, piped=pipes, style=st.sampled_from(render.STYLES))
def test_curl_styles_render_as_jinja_renders_them(
    options: list[Option], heredoc: Heredoc | None, piped: Piped | None, style: str
) -> None:
    name = f"curl/{style}.sh.j2"
    variables = {"options": options, "heredoc": heredoc, "piped": piped}
    assert precompiled(name, variables) == by_jinja(name, variables)


@pytest.mark.parametrize("recipe_id", sorted(load_recipes()))
@pytest.mark.parametrize("auth", ["basic", "bearer"])
def test_recipe_scripts_render_as_jinja_renders_them(
    recipe_id: str, auth: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    recipe = load_recipes()[recipe_id]
    values = {
        o.name: True if o.type == "boolean" else (o.choices[0] if o.choices else f"v-{o.name}")
        for o in recipe.options
    }
    seen: list[tuple[str, dict[str, Any]]] = []
    real = render.render_template

    def spy(name: str, variables: dict[str, Any]) -> str:
        seen.append((name, dict(variables)))
        return real(name, variables)

    monkeypatch.setattr(render, "render_template", spy)
    render_recipe(recipe, values, base_url="https://unblu.localhost", auth=auth)  # type: ignore[arg-type]
    assert any(name.startswith("recipes/") for name, _ in seen)
    for name, variables in seen:
        assert precompiled(name, variables) == by_jinja(name, variables)


@pytest.mark.parametrize("name", template_compiler.template_names())
def test_a_missing_variable_is_an_error_both_ways(name: str) -> None:
    with pytest.raises(jinja2.UndefinedError):
        by_jinja(name, {})
    with pytest.raises(template_runtime.UndefinedError):
        precompiled(name, {})


def test_an_edited_template_is_rendered_by_jinja(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A module made from another text of the template is not used: what the template
    file says now is what comes out."""
    from botkit import resources

    copy = tmp_path / "templates"
    shutil.copytree(resources.template_dir(), copy)
    oneline = copy / "curl" / "oneline.sh.j2"
    oneline.write_text("edited {{ options | length }}\n", encoding="utf-8")
    monkeypatch.setattr(resources, "template_dir", lambda: copy)
    render._precompiled.cache_clear()
    render.environment.cache_clear()
    try:
        assert render._precompiled("curl/oneline.sh.j2") is None
        assert render._precompiled("curl/readme.sh.j2") is not None
        out = render.render_template("curl/oneline.sh.j2", {"options": [1, 2]})
        assert out == "edited 2\n"
    finally:
        render._precompiled.cache_clear()
        render.environment.cache_clear()


@pytest.mark.parametrize(
    ("source", "why"),
    [
        ("{{ name | upper }}", "filter 'upper'"),
        ("{% for i in l %}{{ loop.cycle(1, 2) }}{% endfor %}", "loop.cycle"),
        ("{% macro m() %}x{% endmacro %}{{ m() }}", "Macro"),
        ("{% include 'other.j2' %}", "Include"),
    ],
)
def test_the_compiler_refuses_what_the_runtime_lacks(
    source: str, why: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "x.j2").write_text(source, encoding="utf-8")
    monkeypatch.setattr(template_compiler, "template_dir", lambda: tmp_path)
    with pytest.raises(template_compiler.NotPrecompilable, match=why):
        template_compiler.module_source("x.j2")
