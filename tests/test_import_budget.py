"""Each command imports only the heavy libraries its job needs (issue: speed).

A command runs in a fresh interpreter through the real entry point (``botkit.cli.main``),
in process, and the names in ``sys.modules`` at its exit are checked against a table of
command -> forbidden modules.  Not a timing test: it fails on *what* is imported, which
does not depend on how busy the machine is.  The costs behind the table (``-X importtime``
on this project's bench machine): jsonschema + referencing + rpds + attrs about 60 ms,
jinja2 + markupsafe about 35 ms, phonenumbers about 15 ms, tree-sitter a few ms plus its
grammar, PyYAML about 10 ms, against about 45 ms for ``import click`` itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_probe import probe
from conftest import ROOT
from generation_cases import README_SNIPPET as SNIPPET

# Heavy modules, by what needs them.
SCHEMA_ENGINE = ("jsonschema", "jsonschema_specifications", "referencing", "rpds", "attrs")
TEMPLATE_ENGINE = ("jinja2", "markupsafe")  # the templates run precompiled (botkit/render.py)
PHONES = ("phonenumbers",)  # only for a number the table can't judge (botkit/phone_table.py)
BASH = ("tree_sitter", "tree_sitter_bash")
# How a reader of bash loads its grammar (botkit/curl/bash_tree.py): not importlib.util.
IMPORTLIB_UTIL = ("importlib.util", "importlib._abc")
YAML = ("yaml",)
RENDERER = ("botkit.render", "botkit.template_runtime")  # only commands that print cURL
# Only lint runs of many files start helpers (botkit/lint/helper_processes.py), and they
# talk over pipes with pickle: not even multiprocessing (10 ms to import) then.
POOL = ("multiprocessing", "concurrent.futures", "pickle", "select")
# Never at run time: botkit fetches nothing, and test tools are not its dependencies;
# tempfile (with shutil, random, bz2, lzma) only where a file is written (-o, --fix), and
# importlib.resources (which imports tempfile) and hashlib's OpenSSL (about 4 MB of
# resident memory) not at all.
NEVER = (
    "hypothesis", "pytest", "ssl", "http.client", "urllib.request", "asyncio",
    "tempfile", "importlib.resources", "_hashlib",
)  # fmt: skip
# The dataclass machinery (dataclasses, copy): generating each class's methods costs a
# third of a millisecond at import; the reader and the request model use botkit.values.
DATACLASSES = ("dataclasses", "copy")
# What explains an invalid document (jsonschema's way in): a valid one needs only the
# compiled check (botkit/schemacheck.py).
EXPLAINER = ("botkit.schemas",)
# pathlib imports urllib.parse, which imports ipaddress: about 16 M instructions of a
# one-shot command's 250 M.  Paths are strings (os.path) and URLs are split and
# percent-encoded by botkit (botkit/request.py, botkit/percent.py), and schema
# references joined by botkit/schema_refs.py, where a one-shot command goes.
PATHS = ("pathlib", "urllib.parse", "ipaddress")
# click's texts go through gettext, and each lookup imports locale and stats four .mo
# files click does not ship (5 M of a one-shot lint's 252 M instructions): botkit's path type, help
# and version options have literal texts (botkit/cli/path_type.py, botkit/cli/commands.py),
# so only help and error output, which click still translates, meet locale.
LOCALE = ("locale",)
# Readers of other formats than the one read (a cURL snippet needs none of them).
OTHER_READERS = (
    "botkit.formats.har", "botkit.formats.postman", "botkit.formats.webrequest",
    "botkit.curl.powershell_reader", "botkit.curl.cmd_reader",
)  # fmt: skip
# A lint run loads only the rules of the kinds of file it meets (botkit/lint/rules).
_RULES = "botkit.lint.rules."
BOT_RULES = tuple(_RULES + n for n in ("bk501_unknown_step", "bk601_undefined_variable"))
JSON_RULES = tuple(_RULES + n for n in ("bk300_invalid_json", "bk301_schema"))
CURL_RULES = tuple(_RULES + n for n in ("bk401_curl_option_dropped", "bk402_curl_unreadable"))
# A JSON file needs nothing that reads cURL snippets, nor the lint document of one.
CURL_READING = ("botkit.curl", "botkit.lint.curldoc")
EVERYTHING = SCHEMA_ENGINE + TEMPLATE_ENGINE + PHONES + BASH + YAML + NEVER
NOTHING_RENDERED = EVERYTHING + RENDERER + POOL
# One file linted: no pool, no renderer, and phones judged without phonenumbers.
LINT = SCHEMA_ENGINE + TEMPLATE_ENGINE + PHONES + YAML + NEVER + RENDERER + POOL + ("difflib",)
# The catalog files are checked once, then read from the cache (botkit/catalog/cache.py).
LINT += ("botkit.catalog.check", "tomllib")
# One named file: linted here (no pool module) and never matched against ignore files.
LINT += ("botkit.lint.parallel", "botkit.lint.ignore", "fnmatch")

PHONE_CURL = (
    "curl doubletick.assign-chat --customer-phone-number 919876543210 "
    "--assigned-user-phone-number 919812345678 --reassign --api-key key_test0000000000"
)
PLAIN_CURL = (
    "curl unblu.set-assignee --conversation-id c1 --person-id p1 "
    "--base-url https://unblu.localhost --token tok_test"
)
RECIPE = (
    "recipe unblu.forward --conversation-id c1 --agent-person-id p1 "
    "--base-url https://unblu.localhost"
)

# command (words; {dir} is the folder of the input files) -> modules it must not import.
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "--version": NOTHING_RENDERED + PATHS + LOCALE,
    "--help": NOTHING_RENDERED + PATHS,
    "apis": NOTHING_RENDERED + PATHS + LOCALE,
    "apis show doubletick.assign-chat": NOTHING_RENDERED + PATHS + LOCALE,
    PHONE_CURL: SCHEMA_ENGINE + TEMPLATE_ENGINE + PHONES + BASH + YAML + NEVER + PATHS + LOCALE,
    PLAIN_CURL: SCHEMA_ENGINE + TEMPLATE_ENGINE + PHONES + BASH + YAML + NEVER + PATHS + LOCALE,
    "import {dir}/snippet.sh": (
        SCHEMA_ENGINE
        + TEMPLATE_ENGINE
        + PHONES
        + YAML
        + NEVER
        + OTHER_READERS
        + DATACLASSES
        + EXPLAINER
        + IMPORTLIB_UTIL
        + RENDERER
        + PATHS
        + LOCALE
    ),
    "export {dir}/component.json": EVERYTHING + DATACLASSES + EXPLAINER + PATHS + LOCALE,
    # A folder of a handful of files: no helpers; broken.json is explained by jsonschema,
    # which reads its schemas with importlib.resources (and so tempfile).
    "lint {dir}": POOL + TEMPLATE_ENGINE + PHONES + YAML + NEVER[:6] + RENDERER + LOCALE,
    "lint {dir}/one.curl": LINT + BOT_RULES + JSON_RULES + OTHER_READERS + PATHS + LOCALE,
    "lint {dir}/bot.json": LINT + BASH + CURL_RULES + CURL_READING + PATHS + LOCALE,
    "lint {dir}/no-phones.json": LINT + BASH + CURL_RULES + CURL_READING + PATHS + LOCALE,
    "import {dir}/session.har": EVERYTHING + LOCALE,
    "import {dir}/calls.postman_collection.json --bot": EVERYTHING + LOCALE,
    "import {dir}/copied.ps1": EVERYTHING + LOCALE,
    "export {dir}/bot.json --to postman": EVERYTHING + LOCALE,
    "export {dir}/bot.json --to har": EVERYTHING + LOCALE,
    "recipe unblu.forward --help": EVERYTHING,
    RECIPE: EVERYTHING + LOCALE,
}


def imported(args: list[str], tmp_path: Path) -> set[str]:
    """The modules loaded when ``botkit ARGS`` runs the second time (it may exit 0, 1 or 2):
    the first run, in a cache folder of its own, makes what later runs read (the checked
    catalog, the phone table) and so may import what they do not."""
    return set(probe(args, tmp_path, runs=2)["modules"])


def heavy_in(modules: set[str], names: tuple[str, ...]) -> list[str]:
    """Which of ``names`` (or their submodules) are in ``modules``."""
    return sorted(n for n in names if any(m == n or m.startswith(n + ".") for m in modules))


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """One file per kind of input: the ReadMe snippet, its component, two bots, and a HAR,
    a Postman collection and a "Copy as PowerShell"."""
    (tmp_path / "snippet.sh").write_text(SNIPPET, encoding="utf-8")
    (tmp_path / "one.curl").write_text(SNIPPET, encoding="utf-8")
    component = ROOT / "samples" / "generated" / "doubletick.assign-chat.component.json"
    (tmp_path / "component.json").write_text(component.read_text("utf-8"), encoding="utf-8")
    bot = ROOT / "samples" / "bots" / "doubletick-sales-handoff.json"
    (tmp_path / "bot.json").write_text(bot.read_text("utf-8"), encoding="utf-8")
    unblu = ROOT / "samples" / "bots" / "unblu-escalation.json"
    (tmp_path / "no-phones.json").write_text(unblu.read_text("utf-8"), encoding="utf-8")
    for name, sample in (
        ("session.har", "har/bot-studio-session.har"),
        ("calls.postman_collection.json", "postman/chat-handoff.postman_collection.json"),
        ("copied.ps1", "powershell/chrome-copy-as-powershell.ps1"),
    ):
        (tmp_path / name).write_text((ROOT / "samples" / sample).read_text("utf-8"), "utf-8")
    (tmp_path / "broken.json").write_text(
        '{"type": "call_api", "name": "x", "method": "POST"}\n', encoding="utf-8"
    )
    return tmp_path


@pytest.mark.parametrize("command", list(FORBIDDEN))
def test_command_imports_nothing_heavy_it_does_not_use(command: str, inputs: Path) -> None:
    args = command.format(dir=inputs).split()
    found = heavy_in(imported(args, inputs), FORBIDDEN[command])
    assert not found, f"`botkit {command}` imports {found}"


def test_an_invalid_document_does_load_the_schema_engine(inputs: Path) -> None:
    """The probe sees lazy imports: explaining a broken component needs jsonschema."""
    modules = imported(["lint", str(inputs / "broken.json")], inputs)
    assert heavy_in(modules, SCHEMA_ENGINE)
