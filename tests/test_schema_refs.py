"""botkit/schema_refs.py joins references as urllib.parse does, without importing it.

The compiled schema check trusts these joins to find the sub-schema a ``$ref`` names,
so on every form the string path handles it must equal urljoin / urldefrag; other
forms go to urllib.parse itself.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import urldefrag, urljoin

from hypothesis import example, given
from hypothesis import strategies as st

from botkit import schema_refs

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "schemas"
BOT = ROOT / "samples" / "bots" / "doubletick-sales-handoff.json"  # a valid bot, with a Call API

#: File names the string path takes (``plain_*``), and some near misses it must not.
plain_names = st.builds(
    lambda head, tail: head + tail, st.sampled_from("bX0-_"), st.text("abcXYZ019-_.", max_size=8)
) | st.sampled_from(["bot.schema.json", "component.schema.json", "a..b", "-x", "_"])
names = plain_names | st.sampled_from([".", "..", ".x", "a:b", "a%20b"])
fragments = st.text("abz/$~-_.0", max_size=10) | st.sampled_from(["/$defs/step", "/", ""])


def _absolute(names: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda scheme, host, path: f"{scheme}{host}/{'/'.join(path)}",
        st.sampled_from(["https://", "http://"]),
        names,
        st.lists(names, min_size=1, max_size=3),
    )


plain = plain_names | _absolute(plain_names)
with_fragment = st.builds(lambda uri, frag: f"{uri}#{frag}", names | _absolute(names), fragments)
odd = st.text("ab/.:#?;%~ \t\nH", max_size=12) | st.sampled_from(
    ["https://h", "https://h/", "HTTPS://h/a", "https://h/a?q", "a;p", "https://h/a/./b", "", "#"]
)
uris = names | _absolute(names) | with_fragment | odd
refs = uris | st.builds(lambda frag: f"#{frag}", fragments)


@given(uris, refs)
@example("bot.schema.json", "#/$defs/step")
@example("bot.schema.json", "component.schema.json")
@example("https://botkit.example/schemas/component.schema.json", "#/$defs/header")
@example("component.schema.json", "https://botkit.example/schemas/component.schema.json")
@example("https://h/a/b.json", "c.json#/x")
def test_join_is_urljoin(base, ref):
    assert schema_refs.join(base, ref) == urljoin(base, ref)


@given(uris)
@example("https://botkit.example/schemas/component.schema.json#/$defs/header")
@example("x#")
def test_split_fragment_is_urldefrag(uri):
    assert schema_refs.split_fragment(uri) == tuple(urldefrag(uri))


plain_fragments = fragments.filter(bool)


@given(
    plain,
    plain
    | st.builds(lambda uri, frag: f"{uri}#{frag}", plain, plain_fragments)
    | st.builds(lambda frag: f"#{frag}", plain_fragments),
)
def test_the_plain_forms_need_no_urllib(base, ref):
    """Not a fallback in disguise: the forms botkit's schemas use take the string path."""
    assert schema_refs._join(base, ref) is not None
    assert schema_refs.split_fragment(schema_refs.join(base, ref)) == tuple(
        urldefrag(urljoin(base, ref))
    )


def _references(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("$ref", "$id") and isinstance(value, str):
                yield value
            yield from _references(value)
    elif isinstance(node, list):
        for value in node:
            yield from _references(value)


def test_every_reference_in_the_shipped_schemas_takes_the_string_path():
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        base = document.get("$id", path.name)
        for ref in _references(document):
            assert schema_refs._join(base, ref) is not None, (path.name, ref)
            assert schema_refs._join(path.name, ref) is not None, (path.name, ref)


def test_a_valid_bot_is_checked_without_urllib_parse():
    """schemacheck never needs urllib.parse for a valid bot (or anything it imports)."""
    script = f"""
import json, sys
sys.modules["urllib.parse"] = None  # any import of it now fails
from botkit.schemacheck import compiled
bot = json.load(open({str(BOT)!r}))
assert compiled("bot")(bot) is True
component = next(s["component"] for s in bot["steps"] if s["component"]["type"] == "call_api")
assert compiled("component")(component) is True
"""
    subprocess.run([sys.executable, "-c", script], check=True)
