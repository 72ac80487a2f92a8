"""Every operation of the vendor specs in shared/specs, converted and sent with real curl.

Each generated catalog is checked as botkit reads it (TOML, schema, references);
then, for every generated API, ``botkit curl`` (in process) prints the command
for values made from the parameter types, and one bash script runs all of them
against the loopback recorder.  What arrives is judged against the *spec*: its
method, its path, its required query/header/body parameters and the header its
security scheme names.  The notes on what the catalog cannot express are held
to a committed list, so that list cannot grow unnoticed.
"""

from __future__ import annotations

import json
import re
import shlex
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from loopback import RecordingServer, send_with_curl
from openapi_support import ROOT, sample, specs_dir

from botkit.catalog import files as catalog_files
from botkit.catalog import load_catalog
from botkit.catalog.check import parse_file
from botkit.catalog.write import to_toml
from botkit.openapi.convert import Options, convert
from botkit.openapi.param_types import merged
from botkit.openapi.spec import Resolver, load_spec

SPECS = specs_dir()
pytestmark = pytest.mark.skipif(
    SPECS is None, reason="shared/specs (the vendor OpenAPI specs) is not beside the repository"
)
sys.path.insert(0, str(ROOT / "tools"))
import doubletick_catalog  # noqa: E402  (the shipped DoubleTick catalog's curation)

CASES = {
    # converted as the shipped botkit/apis/doubletick_public.toml is (facts only, phones)
    "doubletick": ("doubletick-public.openapi.json", doubletick_catalog.OPTIONS),
    "unblu": ("unblu-v4.openapi.yaml", Options(vendor="unblu-full")),
}
NOTES_DIR = ROOT / "tests" / "data" / "openapi_notes"


@pytest.fixture(scope="module", params=sorted(CASES))
def converted(request, tmp_path_factory):
    name = request.param
    file, options = CASES[name]
    assert SPECS is not None
    spec = load_spec(SPECS / file)
    result = convert(spec, options)
    path = tmp_path_factory.mktemp(name) / f"{name}.toml"
    path.write_text(to_toml(result.data()), encoding="utf-8")
    return name, spec, result, path


def test_every_operation_is_converted_or_skipped_with_a_reason(converted):
    _, spec, result, _ = converted
    operations = sum(
        1
        for item in spec["paths"].values()
        for m in item
        if m in ("get", "post", "put", "patch", "delete")
    )
    assert len(result.apis) + len(result.skipped) == operations
    skipped_with_reason = {n.operation for n in result.notes if n.message.startswith("skipped:")}
    assert set(result.skipped) == skipped_with_reason


def test_the_shipped_doubletick_catalog_is_what_its_script_makes():
    assert SPECS is not None
    shipped = doubletick_catalog.TARGET.read_text(encoding="utf-8")
    assert shipped == doubletick_catalog.build(SPECS / "doubletick-public.openapi.json"), (
        "run: python tools/doubletick_catalog.py ../shared/specs/doubletick-public.openapi.json"
    )


def test_the_generated_file_is_valid_as_botkit_reads_it(converted):
    _, _, result, path = converted
    data = parse_file(path, path.read_bytes())  # TOML, schema, cross-references
    assert len(data["api"]) == len(result.apis)


def test_the_cannot_express_list_is_the_committed_one(converted):
    name, _, result, _ = converted
    expected = (NOTES_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    assert [str(n) for n in result.notes] == expected, (
        "the notes changed: if that is intended, regenerate tests/data/openapi_notes/"
        f"{name}.txt with tests/test_openapi_specs.py's write_notes()"
    )


@pytest.fixture
def cli_catalogs():
    """``--catalog`` registers paths for the process: put things back after the test."""
    saved = list(catalog_files._cli_paths)
    yield
    catalog_files._cli_paths[:] = saved
    load_catalog.cache_clear()


def test_every_generated_api_sends_what_the_spec_says(
    converted, cli_catalogs, recording_server: RecordingServer, tmp_path: Path
):
    _, spec, result, path = converted
    from botkit.cli import cli

    runner = CliRunner()
    commands: list[str] = []
    expectations: list[tuple[str, dict[str, Any]]] = []
    catalog = load_catalog.__wrapped__(user=(path,))
    ops = _spec_operations(spec)
    for entry in result.apis:
        api = catalog.get(f"{result.vendor['name']}.{entry['action']}")
        args = ["curl", "--catalog", str(path), api.id, "--style", "oneline"]
        args += ["--base-url", recording_server.base_url + _base_path(result.vendor)]
        args += _credentials(api)
        args += _values(api)
        out = runner.invoke(cli, args, catch_exceptions=False)
        assert out.exit_code == 0, f"{api.id}: {out.output}"
        commands.append(out.stdout.strip())
        expectations.append((api.id, ops[(entry["method"], entry["path"])]))
    arrived = send_with_curl("\n".join(commands) + "\n", recording_server, tmp_path)
    assert len(arrived) == len(commands)
    problems = []
    for (api_id, op), got in zip(expectations, arrived, strict=True):
        problems += [f"{api_id}: {p}" for p in _judge(spec, op, got, _base_path(result.vendor))]
    assert not problems, "\n".join(problems[:40])


def _base_path(vendor: dict[str, Any]) -> str:
    from urllib.parse import urlsplit

    return urlsplit(vendor.get("base_url") or "").path


def _credentials(api) -> list[str]:
    scheme = api.auth.scheme
    if scheme in ("header", "query"):
        return ["--api-key", "key_test123"]
    if scheme in ("basic", "basic-or-bearer"):
        return ["--user", "me:secret"]
    return []


def _values(api) -> list[str]:
    args: list[str] = []
    skipped = {n for group in api.one_of for n in group[1:]}
    for p in api.params:
        if not p.required or p.name in skipped:
            continue
        kind = p.value_type
        if kind.flag:
            args.append(p.option)
            continue
        if p.enum:
            value = p.enum[0]
        elif p.type == "json":
            value = json.dumps(sample(p.json_schema or {}))
        else:
            value = {"phone": "919876543210", "integer": "1", "number": "1.5"}.get(
                p.type, kind.examples[0] if kind.examples else "v1"
            )
        for _ in range(1):
            args += [p.option, value]
    return args


def _spec_operations(spec: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    resolver = Resolver(spec)
    out = {}
    for path, item in spec["paths"].items():
        item = resolver.deref(item)
        for method, op in item.items():
            if method in ("get", "post", "put", "patch", "delete"):
                out[(method.upper(), path)] = {
                    "op": op,
                    "item": item,
                    "path": path,
                    "method": method,
                }
    return out


def _judge(spec: dict[str, Any], expected: dict[str, Any], got, base_path: str) -> list[str]:
    """What differs between the request that arrived and what the spec says it must be."""
    resolver = Resolver(spec)
    op, item = expected["op"], expected["item"]
    problems = []
    if got.method != expected["method"].upper():
        problems.append(f"method {got.method}, spec says {expected['method'].upper()}")
    template = re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(base_path + expected["path"]))
    if not re.fullmatch(template, got.path):
        problems.append(f"path {got.path} does not match {expected['path']}")
    from urllib.parse import parse_qs

    query = parse_qs(got.query, keep_blank_values=True)
    params = [
        resolver.deref(p) for p in [*(item.get("parameters") or []), *(op.get("parameters") or [])]
    ]
    for p in params:
        if not p.get("required"):
            continue
        if p["in"] == "query" and p["name"] not in query:
            problems.append(f"required query parameter {p['name']} missing")
        ignored = ("accept", "content-type", "authorization")  # OpenAPI ignores these
        header = p["in"] == "header" and p["name"].lower() not in ignored
        if header and got.header(p["name"]) is None:
            problems.append(f"required header {p['name']} missing")
    body = resolver.deref(op.get("requestBody")) if op.get("requestBody") else None
    content = (body or {}).get("content") or {}
    if "application/json" in content:
        from botkit.openapi.context import Context

        ctx = Context(resolver, "X", None, spec)
        schema = merged(ctx, content["application/json"].get("schema") or {})
        wanted = [r for r in schema.get("required", []) if r in (schema.get("properties") or {})]
        if wanted and schema.get("type", "object") == "object":
            try:
                sent = json.loads(got.body or b"{}")
            except ValueError:
                sent = None
            if not isinstance(sent, dict):
                problems.append(f"body {got.body[:60]!r} is not a JSON object")
            else:
                missing = [w for w in wanted if w not in sent and " " not in w]
                # a body field that has the name of a path/query parameter is left out (noted)
                taken = {p["name"] for p in params}
                missing = [m for m in missing if m not in taken]
                if missing:
                    problems.append(f"required body fields {missing} missing")
    problems += _judge_auth(spec, op, got)
    return problems


def _judge_auth(spec: dict[str, Any], op: dict[str, Any], got) -> list[str]:
    requirements = op.get("security", spec.get("security")) or []
    if not requirements or not requirements[0]:
        return []
    name = next(iter(requirements[0]))
    scheme = spec["components"]["securitySchemes"][name]
    if scheme["type"] == "apiKey" and scheme["in"] == "header":
        sent = got.header(scheme["name"])
        return (
            [] if sent == "key_test123" else [f"header {scheme['name']} is {sent!r}, not the key"]
        )
    if scheme["type"] == "http" and scheme["scheme"] == "basic":
        sent = got.header("Authorization")
        return [] if sent == "Basic bWU6c2VjcmV0" else [f"Authorization is {sent!r}, not me:secret"]
    return []


def write_notes() -> None:  # pragma: no cover - run by hand when the notes change on purpose
    """Regenerate tests/data/openapi_notes/*.txt from the converter's current output."""
    assert SPECS is not None
    NOTES_DIR.mkdir(parents=True, exist_ok=True)
    for name, (file, options) in CASES.items():
        result = convert(load_spec(SPECS / file), options)
        text = "".join(f"{n}\n" for n in result.notes)
        (NOTES_DIR / f"{name}.txt").write_text(text, encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover
    write_notes()
    print(shlex.join(["wrote", str(NOTES_DIR)]))
