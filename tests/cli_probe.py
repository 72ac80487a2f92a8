"""Run the CLI in a fresh interpreter and report what it loaded and looked up.

The probe records ``sys.modules`` and every ``gettext.translation()`` call at the
command's exit, whether the CLI returns, raises SystemExit or leaves through
``os._exit`` (a fast exit after flushing).  tests/test_import_budget.py reads the
modules, tests/test_no_gettext.py the lookups.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

PROBE = """
import gettext, json, os, sys
out = os.environ["BOTKIT_PROBE_OUT"]
looked_up = []
real_translation = gettext.translation
def translation(domain, *args, **kwargs):
    looked_up.append(domain)
    return real_translation(domain, *args, **kwargs)
gettext.translation = translation
def dump():
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"modules": sorted(sys.modules), "lookups": looked_up}, f)
real_exit = os._exit
def exit_after_dump(code):
    dump()
    real_exit(code)
os._exit = exit_after_dump
sys.argv = ["botkit", *sys.argv[1:]]
from botkit.cli import main
try:
    main()
except SystemExit:
    pass
dump()
"""


def probe(args: list[str], folder: Path, *, runs: int = 1) -> dict[str, Any]:
    """What ``botkit ARGS`` (run in ``folder``, with a cache folder of its own there)
    loaded and looked up on its last of ``runs`` runs; it may exit 0 or 1."""
    out = folder / "probe.json"
    env = {**os.environ, "BOTKIT_PROBE_OUT": str(out), "BOTKIT_CACHE_DIR": str(folder / ".c")}
    env = {k: v for k, v in env.items() if not k.endswith(("_API_KEY", "_TOKEN"))}
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", PROBE, *args],
            cwd=folder,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode in (0, 1), done.stderr  # 1: lint found an error
    found: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return found
