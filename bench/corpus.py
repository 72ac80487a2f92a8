"""A deterministic, realistic corpus for the lint benchmark: bot definitions and cURL files.

Every file is generated from ``random.Random(f"{seed}:{kind}:{index}")``, so file *i* is
the same in the 1,000-file corpus and in the 4,000-file one, and the same on every run.
Requests are built from the botkit catalog (method, path, parameters, each API's own
auth), with values of each parameter's type (a json parameter's value valid against its
schema), so the corpus follows the catalog and is what a careful user writes: findings
come only from the faults put in on purpose (a phone number without its country code or
in the wrong form, a placeholder or hard-coded key, a missing auth header).  About one
cURL file in eight and one bot in six (one call in 25) carries one; every bot stays valid
against ``schemas/bot.schema.json``.  A cURL file names no API, so it calls only APIs
that lint can tell by method and path.
"""

from __future__ import annotations

import json
import random
import re
import shlex
import string
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote as pct

from botkit.catalog import Api, load_catalog
from botkit.lint.phones import PHONE_NAME as PHONE_FIELD

FILES_PER_DIR = 100

_VARIABLES = (
    "{{customer_phone}}",
    "{{contact.phoneNumber}}",
    "{{agent_phone}}",
    "{{waba_number}}",
)
_PLACEHOLDER_KEYS = ("YOUR_API_KEY", "key_xxxxxxxxxx", "<x-api-key>", "", "<api-key>")


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def valid_phone(rng: random.Random) -> str:
    """A valid international number, digits only (country code first)."""
    plan = rng.randrange(8)
    if plan == 0:
        return "91" + rng.choice("6789") + _digits(rng, 9)
    if plan == 1:
        return "9198" + _digits(rng, 8)
    if plan == 2:
        return "5511" + "9" + rng.choice("6789") + _digits(rng, 7)
    if plan == 3:
        return "62812" + _digits(rng, 8)
    if plan == 4:
        return "97150" + _digits(rng, 7)
    if plan == 5:
        return "5255" + _digits(rng, 8)
    if plan == 6:
        return rng.choice(("5695", "5698")) + _digits(rng, 7)
    return rng.choice(("4475", "4478")) + _digits(rng, 8)


def national_phone(rng: random.Random) -> str:
    """A number written without its country code (never valid when read as international)."""
    return rng.choice(("987", "99", "0" + rng.choice("6789"))) + _digits(rng, 8)


def spaced_phone(digits: str) -> str:
    """``919876543210`` -> ``+91 98765 43210``: valid, but not DoubleTick's digits-only form."""
    return f"+{digits[:2]} {digits[2:7]} {digits[7:]}"


@dataclass(frozen=True, slots=True)
class Call:
    """One generated API call: what a Call API component or a cURL file holds."""

    api: Api
    method: str
    url: str
    query: list[tuple[str, str]]
    headers: list[tuple[str, str]]
    body: dict[str, Any] | None
    basic: tuple[str, str] | None
    fault: str | None


def _value(
    rng: random.Random,
    api: Api,
    name: str,
    kind: str,
    enum: tuple[str, ...],
    schema: dict[str, Any] | None = None,
) -> Any:
    if enum:
        return rng.choice(enum)
    if kind == "json":
        return _instance(rng, api, name, schema or {})
    if kind in ("number", "integer"):
        return rng.randint(1, 500)
    if kind == "boolean":
        return rng.random() < 0.5
    if kind == "uuid":
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))
    if kind == "phone":
        if rng.random() < 0.45:
            return rng.choice(_VARIABLES)
        digits = valid_phone(rng)
        return "+" + digits if api.vendor.phone_format == "e164" else digits
    if name.endswith("Id") or name in ("personId", "agentPersonId"):
        return "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(22))
    return rng.choice(
        (
            "Customer asked for a human agent",
            "Forwarded by the bot after office hours",
            "{{last_message}}",
            "Escalation: billing question",
        )
    )


_EMAIL_NAME = ("email", "mail")


def _instance(rng: random.Random, api: Api, name: str, schema: dict[str, Any]) -> Any:
    """A small value valid against a json parameter's schema (what a real bot sends):
    required properties and about half of the others, one or two array items."""
    if "enum" in schema:
        return rng.choice(schema["enum"])
    if "const" in schema:
        return schema["const"]
    for key in ("oneOf", "anyOf"):
        if schema.get(key):
            return _instance(rng, api, name, schema[key][0])
    if schema.get("allOf"):
        merged: dict[str, Any] = {"type": "object", "properties": {}, "required": []}
        for part in schema["allOf"]:
            merged["properties"] |= part.get("properties", {})
            merged["required"] += part.get("required", [])
        return _instance(rng, api, name, merged)
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        required = set(schema.get("required", ()))
        properties = schema.get("properties", {})
        out = {
            key: _instance(rng, api, key, sub)
            for key, sub in properties.items()
            if key in required or rng.random() < 0.5
        }
        out |= {key: "x" for key in required if key not in properties}
        return out
    if kind == "array":
        items = schema.get("items", {})
        count = max(schema.get("minItems", 1), rng.randint(1, 2))
        return [_instance(rng, api, name, items) for _ in range(count)]
    if kind == "boolean":
        return rng.random() < 0.5
    if kind in ("number", "integer"):
        return max(schema.get("minimum", 1), min(rng.randint(1, 500), schema.get("maximum", 500)))
    if schema.get("format") == "email" or name.lower().endswith(_EMAIL_NAME):
        return f"agent{rng.randrange(100)}@example.com"
    if schema.get("format") == "uri" or name.lower().endswith("url"):
        return "https://example.com/hooks/botkit"
    low, high = schema.get("minLength", 0), schema.get("maxLength", 10_000)
    if PHONE_FIELD().search(name) or name in ("from", "to"):
        phone = valid_phone(rng)
        if low <= len(phone) <= high:
            return phone
    word = rng.choice(("Support", "Sales", "{{topic}}", "Priority customer"))
    if not low <= len(word) <= high:
        word = ("x" * max(low, 1))[: max(high, 1)]
    return word


def make_call(rng: random.Random, api: Api, fault_rate: float) -> Call:
    """A request for ``api`` with realistic values; sometimes with one fault."""
    fault = None
    if rng.random() < fault_rate:
        fault = rng.choice(
            ("national-phone", "spaced-phone", "placeholder-key", "hardcoded-key", "no-auth")
        )
    values: dict[str, Any] = {}
    chosen_group = {rng.choice(group) for group in api.one_of}
    in_groups = {n for group in api.one_of for n in group}
    for p in api.params:
        if p.name in in_groups and p.name not in chosen_group:
            continue
        if any(req not in values and req not in chosen_group for req in p.requires):
            continue
        if not p.required and p.name not in chosen_group and rng.random() < 0.4:
            continue
        if p.is_list:
            count = rng.randint(1, 3)
            values[p.name] = [
                _value(rng, api, p.name, p.type, p.enum, p.json_schema) for _ in range(count)
            ]
        else:
            values[p.name] = _value(rng, api, p.name, p.type, p.enum, p.json_schema)
    phones = [p.name for p in api.params if p.type == "phone" and p.name in values]
    if fault in ("national-phone", "spaced-phone") and phones:
        target = rng.choice(phones)
        bad = national_phone(rng) if fault == "national-phone" else spaced_phone(valid_phone(rng))
        if isinstance(values[target], list):
            values[target][0] = bad
        else:
            values[target] = bad
    elif fault in ("national-phone", "spaced-phone"):
        fault = "placeholder-key"

    tenant = rng.choice(("acme", "globex", "initech"))
    base = api.vendor.base_url or f"https://{tenant}.unblu.cloud/app/rest/v4"
    path = api.path
    for p in api.params_in("path"):
        path = path.replace("{" + p.name + "}", pct(str(values.pop(p.name, "x")), safe=""))
    # Query values as a URL holds them (percent-encoded; {{variables}} kept), which is
    # what the component schema asks for.
    query = [
        (
            p.name,
            pct(
                json.dumps(values.pop(p.name)) if p.type == "boolean" else str(values.pop(p.name)),
                safe="{}",
            ),
        )
        for p in api.params_in("query")
        if p.name in values
    ]
    headers = list(api.vendor.headers)
    basic = None
    auth = api.auth  # an API's own scheme when it has one (DoubleTick's call APIs)
    env_var = "{{" + auth.env + "}}"
    if fault == "placeholder-key":
        key = rng.choice(_PLACEHOLDER_KEYS)
    elif fault == "hardcoded-key":
        key = "key_" + "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(24))
    else:
        key = env_var
    if fault != "no-auth":
        if auth.scheme == "header" and auth.header:
            value = (auth.prefix + key).rstrip()  # HTTP drops trailing blanks
            headers.insert(rng.randrange(len(headers) + 1), (auth.header, value))
        elif rng.random() < 0.5:
            token = key if fault else "{{" + (auth.token_env or auth.env) + "}}"
            headers.append(("Authorization", ("Bearer " + token).rstrip()))
        else:
            basic = ("{{" + auth.env + "}}", key if fault else "{{UNBLU_PASSWORD}}")
    body = {k: v for k, v in values.items()} if api.params_in("body") else None
    return Call(api, api.method, base + path, query, headers, body, basic, fault)


# --- bots -------------------------------------------------------------------------------------

_MESSAGES = (
    "Hi {{customer_name}}! How can we help you today?",
    "Please choose an option below.",
    "Thanks, an agent will be with you shortly.",
    "Our office hours are 9:00 to 18:00, Monday to Friday.",
    "Could you share your order number?",
    "We have received your request.",
)


def component(call: Call, name: str) -> dict[str, Any]:
    """The Call API component for ``call`` (the shape of schemas/component.schema.json)."""
    out: dict[str, Any] = {"type": "call_api", "name": name, "api": call.api.id}
    out["method"] = call.method
    out["url"] = call.url
    out["headers"] = [{"name": n, "value": v} for n, v in call.headers]
    out["query"] = [{"name": n, "value": v} for n, v in call.query]
    if call.basic:
        out["auth"] = {"type": "basic", "username": call.basic[0], "password": call.basic[1]}
    if call.body is not None:
        out["body"] = {"text": json.dumps(call.body, indent=2)}
    return out


def _plain_step(rng: random.Random, step_id: str) -> dict[str, Any]:
    """A step without an API call: message, question, condition, variable, team hand-over."""
    roll = rng.random()
    if roll < 0.35:
        return {"id": step_id, "component": {"type": "message", "text": rng.choice(_MESSAGES)}}
    if roll < 0.55:
        component: dict[str, Any] = {
            "type": "question",
            "text": rng.choice(("What is your phone number?", "What do you need help with?")),
            "variable": rng.choice(("customer_phone", "topic", "order_id")),
        }
        if component["variable"] == "customer_phone":
            component["input"] = "phone"
        return {"id": step_id, "component": component}
    if roll < 0.75:
        return {"id": step_id, "component": {"type": "condition", "name": "Route by plan"}}
    if roll < 0.9:
        return {
            "id": step_id,
            "component": {
                "type": "set_variable",
                "variable": "handoff_reason",
                "value": rng.choice(("billing", "sales", "support", "{{topic}}")),
            },
        }
    return {"id": step_id, "component": {"type": "assign_team", "team": "Support L1"}}


_INPUTS = {
    "customer_phone": "The customer's WhatsApp number, digits with country code",
    "customer_name": "The customer's name",
    "contact": "The contact record (contact.phoneNumber...)",
    "agent_phone": "The agent's phone number",
    "waba_number": "The WhatsApp business number",
    "last_message": "The customer's last message",
    "topic": "The customer's answer to the topic question",
    "plan": "The customer's plan",
}


def make_bot(seed: int, index: int, steps: int = 20, fault_rate: float = 0.04) -> dict[str, Any]:
    """One bot of ``steps`` steps (schemas/bot.schema.json), about a quarter of them Call API
    components; questions and conditions branch forward, API calls go to an error step."""
    rng = random.Random(f"{seed}:bot:{index}")
    apis = list(load_catalog())
    ids = [f"step_{i + 1:02d}" for i in range(steps - 2)] + ["sorry", "goodbye"]
    body = len(ids) - 2
    out_steps: list[dict[str, Any]] = []
    for i in range(body):
        step_id = ids[i]
        if i == 0:
            step: dict[str, Any] = {
                "id": step_id,
                "component": {"type": "message", "text": _MESSAGES[0]},
            }
        elif rng.random() < 0.28:
            api = rng.choice(apis)
            call = make_call(rng, api, fault_rate)
            title = api.summary.split(" (")[0]
            step = {"id": step_id, "component": component(call, title), "on_error": "sorry"}
        else:
            step = _plain_step(rng, step_id)
        forward = ids[i + 1] if i + 1 < body else "goodbye"
        step["next"] = forward
        kind = step["component"]["type"]
        if kind == "condition" and i + 2 < body:
            target = ids[rng.randrange(i + 2, body)]
            step["branches"] = [{"when": "{{plan}} == 'premium'", "next": target}]
        elif kind == "question" and step["component"]["variable"] == "topic" and i + 2 < body:
            options = ["Sales", "Support", "Something else"]
            step["component"]["options"] = options
            step["branches"] = [
                {"option": option, "next": ids[rng.randrange(i + 1, body)]}
                for option in options[:2]
            ]
        out_steps.append(step)
    out_steps.append(
        {
            "id": "sorry",
            "component": {"type": "message", "text": "Sorry, something went wrong."},
            "next": "goodbye",
        }
    )
    out_steps.append({"id": "goodbye", "component": {"type": "end", "text": "Bye!"}})
    text = json.dumps(out_steps)
    return {
        "name": f"Support routing {index:05d}",
        "description": "Greets the customer, asks what they need and hands the chat over.",
        # The bot's inputs: those of _INPUTS its steps use.
        "variables": {name: help for name, help in _INPUTS.items() if "{{" + name in text},
        "start": ids[0],
        "steps": out_steps,
    }


# --- cURL files -------------------------------------------------------------------------------


def _readme_quote(value: str) -> str:
    """ReadMe's rule: inert characters stay bare, anything else is single-quoted."""
    inert = set(string.ascii_letters + string.digits + "-_/.@%^=:")
    if value and all(c in inert for c in value):
        return value
    return "'" + value.replace("'", "'\\''") + "'"


def _full_url(call: Call) -> str:
    if not call.query:
        return call.url
    return call.url + "?" + "&".join(f"{n}={v}" for n, v in call.query)


def _readme(call: Call, rng: random.Random) -> str:
    lines = [f"curl --request {call.method}", f"--url {_readme_quote(_full_url(call))}"]
    if call.basic:
        lines.append(f"--user {_readme_quote(':'.join(call.basic))}")
    for name, value in sorted(call.headers):
        lines.append(f"--header {_readme_quote(f'{name}: {value}')}")
    text = "\n".join(lines[:1] + ["     " + line for line in lines[1:]])
    text = " \\\n".join(text.split("\n"))
    if call.body is not None:
        body = json.dumps(call.body, indent=2)
        text += " \\\n     --data '\n" + body + "\n'"
    return text + "\n"


def _postman(call: Call, rng: random.Random) -> str:
    parts = [f"curl --location {shlex.quote(_full_url(call))}"]
    if call.method != ("POST" if call.body is not None else "GET"):  # what --data would send
        parts[0] = f"curl --location --request {call.method} {shlex.quote(_full_url(call))}"
    if call.basic:
        parts.append(f"--user {shlex.quote(':'.join(call.basic))}")
    parts += [f"--header {shlex.quote(f'{n}: {v}')}" for n, v in call.headers]
    if call.body is not None:
        parts.append("--data " + shlex.quote(json.dumps(call.body, indent=4)))
    return " \\\n".join(parts) + "\n"


def _mintlify(call: Call, rng: random.Random) -> str:
    parts = [f"curl --request {call.method}", f"  --url {shlex.quote(_full_url(call))}"]
    if call.basic:
        parts.append(f"  --user {shlex.quote(':'.join(call.basic))}")
    parts += [f"  --header {shlex.quote(f'{n}: {v}')}" for n, v in call.headers]
    if call.body is not None:
        parts.append("  --data " + shlex.quote(json.dumps(call.body)))
    return " \\\n".join(parts) + "\n"


def _browser(call: Call, rng: random.Random) -> str:
    parts = [f"curl {shlex.quote(_full_url(call))}"]
    parts += [f"  -H {shlex.quote(f'{n.lower()}: {v}')}" for n, v in call.headers]
    parts.append("  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36'")
    if call.basic:
        parts.append(f"  -u {shlex.quote(':'.join(call.basic))}")
    if call.body is not None:
        parts.append("  --data-raw " + shlex.quote(json.dumps(call.body, separators=(",", ":"))))
    if call.method != ("POST" if call.body is not None else "GET"):
        parts.insert(1, f"  -X {call.method}")  # what --data-raw alone would not send
    return " \\\n".join(parts) + "\n"


def _oneline(call: Call, rng: random.Random) -> str:
    words = ["curl", "-sS", "-X", call.method, shlex.quote(_full_url(call))]
    if call.basic:
        words += ["-u", shlex.quote(":".join(call.basic))]
    for n, v in call.headers:
        words += ["-H", shlex.quote(f"{n}: {v}")]
    if call.body is not None:
        words += ["-d", shlex.quote(json.dumps(call.body, separators=(",", ":")))]
    return " ".join(words) + "\n"


_STYLES: tuple[Callable[[Call, random.Random], str], ...] = (
    _readme,
    _readme,
    _postman,
    _mintlify,
    _browser,
    _oneline,
)


@cache
def _found_by_url() -> list[Api]:
    """The APIs a snippet (which names no API) can be told by: lint finds an API by its
    method and path, and a few share both with another (the first one wins)."""
    catalog = load_catalog()
    out = []
    for api in catalog:
        base = api.vendor.base_url or "https://acme.unblu.cloud/app/rest/v4"
        if catalog.find(api.method, base + re.sub(r"\{[^}]+\}", "x", api.path)) is api:
            out.append(api)
    return out


def make_curl(seed: int, index: int, fault_rate: float = 0.12) -> tuple[str, str]:
    """One cURL snippet file: (file suffix, text)."""
    rng = random.Random(f"{seed}:curl:{index}")
    api = rng.choice(_found_by_url())
    call = make_call(rng, api, fault_rate)
    text = rng.choice(_STYLES)(call, rng)
    if rng.random() < 0.3:
        text = f"# {api.summary}\n" + text
    return rng.choice((".curl", ".sh")), text


def readme_snippet() -> str:
    """The snippet DoubleTick's docs hand out for assign-chat (ReadMe's "Try It" format)."""
    return (
        "curl --request POST \\\n"
        "     --url https://public.doubletick.io/team-member/assign \\\n"
        "     --header 'Authorization: key_xxxxxxxxxx' \\\n"
        "     --header 'accept: application/json' \\\n"
        "     --header 'content-type: application/json' \\\n"
        "     --data '\n"
        "{\n"
        '  "customerPhoneNumber": "919876543210",\n'
        '  "assignedUserPhoneNumber": "919812345678",\n'
        '  "reassign": true,\n'
        '  "wabaNumber": "919000000000"\n'
        "}\n"
        "'\n"
    )


# --- writing ----------------------------------------------------------------------------------


def _shard(root: Path, index: int) -> Path:
    folder = root / f"team-{index // FILES_PER_DIR:03d}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_bots(root: Path, count: int, seed: int, steps: int = 20) -> list[Path]:
    """Write ``count`` bot definitions under ``root`` (100 per folder); return their paths."""
    paths = []
    for i in range(count):
        path = _shard(root, i) / f"bot-{i:05d}.json"
        path.write_text(json.dumps(make_bot(seed, i, steps), indent=2) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def write_curls(root: Path, count: int, seed: int) -> list[Path]:
    """Write ``count`` cURL snippet files under ``root`` (100 per folder); return their paths."""
    paths = []
    for i in range(count):
        suffix, text = make_curl(seed, i)
        path = _shard(root, i) / f"call-{i:05d}{suffix}"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def build(root: Path, kind: str, sizes: list[int], seed: int) -> dict[int, list[Path]]:
    """Write the largest corpus of ``kind`` ("bots" or "curl") once and copy its first
    shards for the smaller sizes; return the file list for each size."""
    import shutil

    writer = write_bots if kind == "bots" else write_curls
    biggest = max(sizes)
    full_root = root / f"{kind}-{biggest}"
    full = writer(full_root, biggest, seed)
    out = {biggest: full}
    for size in sizes:
        if size == biggest:
            continue
        sub_root = root / f"{kind}-{size}"
        out[size] = []
        for path in full[:size]:
            target = sub_root / path.relative_to(full_root)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            out[size].append(target)
    return out
