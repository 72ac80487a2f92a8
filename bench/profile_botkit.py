"""Where botkit's time goes: import costs per command, and pyinstrument on the hot loops.

    python bench/profile_botkit.py              # everything; reports in a temporary folder
    python bench/profile_botkit.py --out prof/  # keep the reports (text, pyinstrument sessions)
    python bench/profile_botkit.py --only imports

Sections:
  deps     wall-time cost of importing each dependency (median of interleaved runs).
  imports  ``python -X importtime`` for ``import botkit.cli`` and for each command, best of
           three runs per module; the heaviest top-level imports and the heavy libraries
           each command pulls in.
  oneshot  pyinstrument on one ``botkit curl`` and one ``botkit import``.
  lint     pyinstrument on ``botkit lint`` of a generated corpus (bots, then cURL files):
           the call tree and the functions with the most self time.
  parse    pyinstrument on the in-process parse loop over samples/curl/.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import corpus
from measure import Command, interleaved
from run import ROOT, SAMPLE_FILES, SCHEMA, has_command, sample_commands, tool

HEAVY = (
    "jinja2",
    "jsonschema",
    "referencing",
    "rpds",
    "phonenumbers",
    "tree_sitter",
    "tree_sitter_bash",
    "tomllib",
    "difflib",
    "email",
    "http",
    "urllib.request",
    "uuid",
    "inspect",
    "dataclasses",
)
# What the ``botkit`` console script does, run with ``python -c`` so -X importtime applies.
ENTRY = "import sys; from botkit.cli import main; sys.argv[0] = 'botkit'; main()"
IMPORT_LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)$")


Entry = tuple[int, int, int, str]  # self us, cumulative us, depth, module


def importtime(argv: list[str], runs: int = 3) -> list[Entry]:
    """The ``-X importtime`` entries of ``argv``: of ``runs`` runs, the one whose total
    import time is the median (a module imported lazily shows again at depth 0)."""
    results: list[list[Entry]] = []
    for _ in range(runs):
        proc = subprocess.run(
            [sys.executable, "-X", "importtime", *argv],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        entries = []
        for line in proc.stderr.splitlines():
            m = IMPORT_LINE.match(line)
            if m:
                entries.append((int(m[1]), int(m[2]), len(m[3]) // 2, m[4]))
        results.append(entries)
    results.sort(key=lambda entries: sum(cum for _, cum, depth, _ in entries if depth == 0))
    return results[len(results) // 2]


def report_imports(label: str, argv: list[str]) -> str:
    """A short text report of what ``argv`` imports and what that costs."""
    entries = importtime(argv)
    top = sorted(((cum, name) for _, cum, depth, name in entries if depth == 0), reverse=True)
    total = sum(cum for cum, _ in top)
    names = {name for *_, name in entries}
    lines = [f"## {label}: {len(names)} modules, {total / 1000:.1f} ms of imports"]
    lines += [f"  {cum / 1000:7.1f} ms  {name}" for cum, name in top[:8]]
    heavy_cost = {
        h: max(cum for _, cum, _, name in entries if name == h) / 1000 for h in HEAVY if h in names
    }
    if heavy_cost:
        pulled = ", ".join(f"{h} {ms:.1f} ms" for h, ms in heavy_cost.items())
        lines.append(f"  heavy modules loaded: {pulled}")
    else:
        lines.append("  heavy modules loaded: none")
    own: dict[str, int] = defaultdict(int)
    for self_us, _, _, name in entries:
        if name.startswith("botkit"):
            own[name] += self_us
    if own:
        mine = sorted(own.items(), key=lambda kv: -kv[1])[:6]
        lines.append(
            "  botkit modules (self): " + ", ".join(f"{n} {us / 1000:.1f} ms" for n, us in mine)
        )
    return "\n".join(lines)


def imports_section(work: Path, botkit: str) -> str:
    """``-X importtime`` reports for the baseline, ``import botkit.cli`` and each command."""
    snippet = work / "readme.sh"
    snippet.write_text(corpus.readme_snippet(), encoding="utf-8")
    bot = work / "one-bot.json"
    bot.write_text(__import__("json").dumps(corpus.make_bot(1, 0)), encoding="utf-8")
    cases: list[tuple[str, list[str]]] = [
        ("python -c 'import click' (baseline)", ["-c", "import click"]),
        ("import botkit.cli", ["-c", "import botkit.cli"]),
        ("botkit --version", ["-c", ENTRY, "--version"]),
    ]
    if has_command(botkit, "curl"):
        cases.append(
            (
                "botkit curl doubletick.assign-chat",
                [
                    "-c", ENTRY, "curl", "doubletick.assign-chat",
                    "--customer-phone-number", "919876543210",
                    "--assigned-user-phone-number", "919812345678",
                    "--api-key", "key_bench",
                ],
            )
        )  # fmt: skip
    if has_command(botkit, "import"):
        cases.append(("botkit import readme.sh", ["-c", ENTRY, "import", str(snippet)]))
    if has_command(botkit, "lint"):
        cases.append(("botkit lint one-bot.json", ["-c", ENTRY, "lint", str(bot)]))
    return "\n\n".join(report_imports(label, argv) for label, argv in cases)


DEPENDENCIES = (
    "click",
    "jinja2",
    "jsonschema",
    "referencing",
    "phonenumbers",
    "tree_sitter",
    "tree_sitter_bash",
    "tomllib",
    "botkit.catalog",
    "botkit.generate",
)


def dependencies_section(repeats: int) -> str:
    """Median wall time of ``python -c "import X"`` for each dependency, minus a bare start."""
    bare = Command("pass", [sys.executable, "-c", "pass"])
    commands = [bare]
    for name in DEPENDENCIES:
        probe = subprocess.run(
            [sys.executable, "-c", f"import {name}"], capture_output=True, check=False
        )
        if probe.returncode == 0:
            commands.append(Command(name, [sys.executable, "-c", f"import {name}"]))
    series = interleaved(commands, repeats, warmup=1)
    base = series[0].median
    lines = [f"## import cost over a bare start ({base * 1000:.1f} ms), median of {repeats}"]
    for command, s in zip(commands[1:], series[1:], strict=True):
        lines.append(f"  {(s.median - base) * 1000:7.1f} ms  {command.label}")
    return "\n".join(lines)


def pyinstrument_cli(target: list[str], out: Path, top: int = 20, interval: float = 0.001) -> str:
    """Profile ``python -m botkit ...`` with pyinstrument; keep the call tree as text and
    return the functions with the most self time, and botkit's own by cumulative time."""
    session = out.with_suffix(".pyisession")
    subprocess.run(
        [sys.executable, "-m", "pyinstrument", "-r", "pyisession", "-o", str(session),
         "-i", str(interval), "-m", "botkit", *target],
        cwd=ROOT, capture_output=True, check=False,
    )  # fmt: skip
    if not session.exists():
        return f"(pyinstrument produced no session for {' '.join(target)})"
    tree = subprocess.run(
        [sys.executable, "-m", "pyinstrument", "--load", str(session), "-r", "text",
         "--no-color", "--no-unicode", "--show-all"],
        capture_output=True, text=True, check=False,
    ).stdout  # fmt: skip
    out.with_suffix(".tree.txt").write_text(tree, encoding="utf-8")
    stats_file = out.with_suffix(".pstats")
    subprocess.run(
        [sys.executable, "-m", "pyinstrument", "--load", str(session), "-r", "pstats",
         "-o", str(stats_file)],
        capture_output=True, check=False,
    )  # fmt: skip
    return hotspots(stats_file, top)


def hotspots(stats_file: Path, top: int) -> str:
    """Self time by function (all code), then botkit's functions by cumulative time."""
    import pstats

    stats = pstats.Stats(str(stats_file))
    total = stats.total_tt  # type: ignore[attr-defined]
    rows = stats.stats  # type: ignore[attr-defined]
    by_self = sorted(rows.items(), key=lambda kv: -kv[1][2])[:top]
    lines = [f"  total {total:.2f} s; self time:"]
    for (file, line, func), (_, _, tt, _, _) in by_self:
        lines.append(f"  {tt:7.3f} s  {func}  {short(file)}:{line}")
    own = [(key, v) for key, v in rows.items() if "/botkit/" in key[0]]
    by_cum = sorted(own, key=lambda kv: -kv[1][3])[:top]
    lines.append("  botkit functions, cumulative (recursion counted once per frame):")
    for (file, line, func), (_, _, _, ct, _) in by_cum:
        lines.append(f"  {ct:7.3f} s  {func}  {short(file)}:{line}")
    return "\n".join(lines)


def short(file: str) -> str:
    """A path shown from its package (botkit/..., jsonschema/..., re/...), never the machine's."""
    for marker in ("/site-packages/", "/botkit/"):
        if marker in file:
            tail = file.rsplit(marker, 1)[1]
            return ("botkit/" + tail) if marker == "/botkit/" else tail
    return re.sub(r"^.*/lib/python3\.\d+/", "", file)


def oneshot_section(work: Path, out: Path, botkit: str) -> str:
    """pyinstrument on one ``botkit curl`` and one ``botkit import`` (imports included)."""
    parts = []
    if has_command(botkit, "curl"):
        parts.append("## pyinstrument: one botkit curl (imports included)")
        target = [
            "curl", "doubletick.assign-chat", "--customer-phone-number", "919876543210",
            "--assigned-user-phone-number", "919812345678", "--api-key", "key_bench",
        ]  # fmt: skip
        parts.append(pyinstrument_cli(target, out / "curl", interval=0.0005))
    if has_command(botkit, "import"):
        snippet = work / "readme.sh"
        snippet.write_text(corpus.readme_snippet(), encoding="utf-8")
        parts.append("## pyinstrument: one botkit import (imports included)")
        parts.append(pyinstrument_cli(["import", str(snippet)], out / "import", interval=0.0005))
    return "\n".join(parts)


def lint_section(work: Path, out: Path, botkit: str, size: int) -> str:
    """pyinstrument on ``botkit lint`` of generated bots, then of cURL files."""
    if not has_command(botkit, "lint"):
        return "## lint: `botkit lint` not on this branch"
    parts = []
    if SCHEMA.exists():
        corpus.build(work, "bots", [size], seed=7)
        parts.append(f"## pyinstrument: botkit lint of {size} bots")
        parts.append(pyinstrument_cli(["lint", str(work / f"bots-{size}")], out / "lint-bots"))
    corpus.build(work, "curl", [size], seed=7)
    parts.append(f"## pyinstrument: botkit lint of {size} cURL files")
    parts.append(pyinstrument_cli(["lint", str(work / f"curl-{size}")], out / "lint-curl"))
    return "\n".join(parts)


def parse_section(out: Path, passes: int) -> str:
    """pyinstrument on ``read_curl`` over every sample, ``passes`` times, in process."""
    try:
        from botkit.curl import read_curl
    except ImportError:
        return "## parse: `botkit.curl.read_curl` not on this branch"
    from pyinstrument import Profiler

    samples = []
    for path, text in sample_commands():
        with contextlib.suppress(Exception):
            read_curl(text, source=path.name, base_dir=SAMPLE_FILES, strict=False)
            samples.append((path, text))
    profiler = Profiler(interval=0.0002)
    profiler.start()
    for _ in range(passes):
        for path, text in samples:
            read_curl(text, source=path.name, base_dir=SAMPLE_FILES, strict=False)
    profiler.stop()
    from pyinstrument.renderers import PstatsRenderer

    (out / "parse.tree.txt").write_text(profiler.output_text(show_all=True), encoding="utf-8")
    stats_file = out / "parse.pstats"
    rendered = profiler.output(PstatsRenderer())  # marshal bytes, as surrogate-escaped str
    stats_file.write_bytes(rendered.encode("utf-8", "surrogateescape"))
    head = f"## pyinstrument: {passes} passes of read_curl over {len(samples)} samples"
    return head + "\n" + hotspots(stats_file, 20)


def main(argv: list[str] | None = None) -> int:
    """Run the chosen profiling sections and print their reports."""
    parser = argparse.ArgumentParser(description="Profile botkit (imports, lint, parse).")
    parser.add_argument("--out", type=Path, help="keep reports in this folder")
    parser.add_argument("--only", default="deps,imports,oneshot,lint,parse")
    parser.add_argument("--size", type=int, default=1000, help="files in the lint corpus")
    parser.add_argument("--passes", type=int, default=50, help="passes of the parse loop")
    args = parser.parse_args(argv)
    botkit = tool("botkit")
    if botkit is None:
        sys.exit("profile: no 'botkit' command beside this Python")
    chosen = args.only.split(",")
    with tempfile.TemporaryDirectory(prefix="botkit-prof-") as tmp:
        work = Path(tmp)
        out = args.out or work / "reports"
        out.mkdir(parents=True, exist_ok=True)
        if "deps" in chosen:
            print(dependencies_section(15), end="\n\n", flush=True)
        if "imports" in chosen:
            print(imports_section(work, botkit), end="\n\n", flush=True)
        if "oneshot" in chosen:
            print(oneshot_section(work, out, botkit), end="\n\n", flush=True)
        if "lint" in chosen:
            print(lint_section(work, out, botkit, args.size), end="\n\n", flush=True)
        if "parse" in chosen:
            print(parse_section(out, args.passes), end="\n\n", flush=True)
        if args.out:
            print(f"reports in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
