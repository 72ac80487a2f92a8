"""Schema patterns mean what ECMA-262 says, in both of botkit's validators.

JSON Schema defines ``pattern`` as an ECMA-262 regex.  botkit runs every pattern
through one ECMA engine (botkit/patterns.py); these tests hold that engine to
node's own RegExp (when node is on the machine) on hostile strings, and pin the
component schema's refusals that keep exported commands honest.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from botkit import schemas
from botkit.patterns import search
from botkit.schemacheck import compiled

SCHEMAS = sorted((Path(__file__).resolve().parents[1] / "schemas").glob("*.schema.json"))


def _patterns(node: Any) -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        if isinstance(node.get("pattern"), str):
            found.append(node["pattern"])
        found.extend(k for k in node.get("patternProperties", {}) if isinstance(k, str))
        for value in node.values():
            found.extend(_patterns(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_patterns(value))
    return found


PATTERNS = sorted({p for path in SCHEMAS for p in _patterns(json.loads(path.read_text()))})
# Characters where regex engines disagree: line terminators, NUL and other controls,
# Unicode spaces and digits, the characters the patterns name.
ALPHABET = (
    "\n\r\t\x00\x01\x1b\x1c\x7f\x85\u00a0\u2028\u2029\ufeff\u0663 "
    "aZ09-_./:;=\"'\\@#?&%{}()+*!$^`|~[]<>,"
)
NODE = shutil.which("node")


def test_no_python_only_syntax_in_schemas():
    text = "".join(path.read_text() for path in SCHEMAS)
    for python_only in ("(?![\\\\s\\\\S])", "\\\\Z", "\\\\A", "(?P<", "(?i)", "(?s)"):
        assert python_only not in text, python_only


def _node_matches(patterns: list[str], texts: list[str]) -> list[list[bool]]:
    script = (
        "const [ps, ts] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(ps.map(p => { const r = new RegExp(p, 'u');"
        " return ts.map(t => r.test(t)); })));"
    )
    assert NODE is not None
    result = subprocess.run(
        [NODE, "-e", script],
        input=json.dumps([patterns, texts]),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def _probes(rng: random.Random, n: int) -> list[str]:
    probes = ["", "\n", "a\n", "POST\n", "text/plain\n", "BK101\n", "x-a", "https://a/b\n"]
    for _ in range(n):
        probes.append("".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 8))))
        # a valid-looking start with a hostile end: where "$" edge cases live
        probes.append(
            rng.choice(["POST", "BK123", "https://a.example/x", "a", "text/plain"])
            + rng.choice(["\n", "\r", "\x00", "\u2028", " ", ""])
        )
    return probes


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@settings(max_examples=3, deadline=None)
@given(st.randoms(use_true_random=False))
def test_every_schema_pattern_agrees_with_node(rng):
    probes = _probes(rng, 150)
    expected = _node_matches(PATTERNS, probes)
    for pattern, row in zip(PATTERNS, expected, strict=True):
        for text, want in zip(probes, row, strict=True):
            assert search(pattern)(text) == want, (pattern, text)


COMPONENT = {
    "type": "call_api",
    "name": "x",
    "method": "POST",
    "url": "https://api.example.com/x",
    "headers": [],
}


def _both(component: dict[str, Any]) -> bool:
    fast = compiled("component")
    assert fast is not None
    verdict = fast(component)
    assert verdict == schemas.validator("component").is_valid(component)
    return verdict


def _with_part(**part: str) -> dict[str, Any]:
    return {**COMPONENT, "body": {"multipart": [{"name": "a", "value": "v", **part}]}}


@pytest.mark.parametrize(
    "media_type",
    [
        "text/plain\n",
        'text/plain; a="x;headers=@secret.txt;b=c"',
        "text/plain; headers=@secret.txt",
        "text/plain;headers=<secret.txt",
        "text/plain; filename=evil.sh",
        "text/plain;Encoder=base64",
        "text/plain; a=b,@secret.txt",
        'text/plain; a="b\\"; headers=@x"',
        "text/plain; a=b\n",
    ],
)
def test_part_type_cannot_carry_curl_keywords(media_type):
    assert not _both(_with_part(type=media_type))


@pytest.mark.parametrize(
    "media_type", ["text/plain", "text/plain; charset=utf-8", 'text/plain; charset="utf-8"']
)
def test_part_type_plain_media_types_pass(media_type):
    assert _both(_with_part(type=media_type))


@pytest.mark.parametrize(
    "change",
    [
        {"url": "https://public.doubletick.io\u0000.attacker.example/x"},
        {"url": "https://a.example/x\u0001"},
        {"url": "https://a.example/x\n"},
        {"query": [{"name": "a\u0000b"}]},
        {"query": [{"name": "a", "value": "b\u0000"}]},
        {"query": [{"name": "a", "value": "b\u001b"}]},
        {"auth": {"type": "basic", "username": "a\u0000", "password": "p"}},
        {"auth": {"type": "basic", "username": "a", "password": "p\u0000"}},
        {"method": "POST\n"},
        {"api": "doubletick.assign-chat\n"},
    ],
)
def test_nul_controls_and_trailing_newlines_are_refused(change):
    assert not _both({**COMPONENT, **change})
