"""Benchmark botkit against what users would otherwise run, side by side, in one run.

Run from the repository root with the Python of the environment botkit is installed in:

    python bench/run.py            # everything (about 6 minutes on 2 cores)
    python bench/run.py --full     # also check-jsonschema on the 4,000 bots (minutes more)
    python bench/run.py --quick    # smoke run (about a minute): tiny corpus, few repeats
    python bench/run.py --only oneshot,catalog   # some sections of SECTIONS

Sections: ``oneshot`` (each one-shot command against ``python -c "import click"``),
``catalog`` (the same with a small, the shipped and a ~400-API catalog), ``parse``
(the cURL reader against uncurl, in process), ``lint`` (throughput against
check-jsonschema, scaling, memory), ``cores`` (every core against one process) and
``scale`` (1x, 4x and 16x of long shell scripts, read and linted).

It prints one markdown table.  Times are medians of interleaved runs (A, B, A, B...);
"spread" is the interquartile range as a share of the median (the range when there
are fewer than four runs), and a row is marked noisy when it exceeds 10 %.
Needs the ``bench`` extras: ``pip install -e '.[bench]'``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import platform
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import catalog_size
import corpus
import scale
from measure import (
    NOISY_SPREAD,
    Command,
    CommandFailed,
    Series,
    in_process,
    interleaved,
    paired,
)

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = ("oneshot", "catalog", "parse", "lint", "cores", "scale")
ALIASES = {"startup": "oneshot"}  # --only startup: the one-shot table holds --version
SCHEMA = ROOT / "schemas" / "bot.schema.json"
SAMPLES = ROOT / "samples" / "curl"
SAMPLE_FILES = SAMPLES / "files"
CURL_SUFFIXES = {".sh", ".curl", ".cmd", ".ps1"}

# Targets (issue: benchmarks, speed and hardening).
LINT_CURL_MIN = 500.0
SCALING_MAX = 4.4
VS_CHECK_JSONSCHEMA_MIN = 8.0  # botkit lint files/s over check-jsonschema's, same bot files
CORES_SPEEDUP_MIN = 1.8  # all usable cores (2 free) over one process
ONE_CORE_MIN = 0.95  # one usable core: as fast as one process (5 % for noise)
MEMORY_FLAT_MAX = 1.2  # peak RSS of the 4x corpus over the 1x corpus


@dataclass(slots=True)
class Row:
    """One line of the result table."""

    measurement: str
    botkit: str
    baseline: str
    ratio: str = ""
    target: str = ""
    result: str = ""
    spread: str = ""


@dataclass(frozen=True, slots=True)
class Settings:
    """What one run measures and how hard: repeats, budgets, corpus sizes, work folder."""

    quick: bool
    full: bool
    repeats_oneshot: int
    repeats_catalog: int
    repeats_lint: int
    parse_budget: float
    sizes: tuple[int, int]
    seed: int
    work: Path


# --- helpers ----------------------------------------------------------------------------------


def tool(name: str) -> str | None:
    """The console script ``name`` installed beside this interpreter (else on PATH)."""
    here = Path(sys.executable).with_name(name)
    return str(here) if here.exists() else shutil.which(name)


def ms(seconds: float) -> str:
    """Seconds as milliseconds, one decimal."""
    return f"{seconds * 1000:.1f} ms"


def pct(series: Series) -> str:
    """The spread cell of one series: IQR share of the median, or the run count if few."""
    if len(series.values) < 3:
        return f"n={len(series.values)}"
    mark = " noisy" if series.noisy else ""
    return f"{series.spread * 100:.0f}%{mark}"


def spreads(*series: Series) -> str:
    """Spread cells of several series, botkit first."""
    return " / ".join(pct(s) for s in series)


def verdict(ok: bool) -> str:
    """PASS or FAIL."""
    return "PASS" if ok else "FAIL"


def missing(measurement: str, why: str) -> Row:
    """A row for something that could not be measured, and why."""
    return Row(measurement, "not measured", "", "", "", "n/a", why)


def has_command(botkit: str, name: str) -> bool:
    """Does this botkit have subcommand ``name``? (``botkit NAME --help`` exits 0)."""
    try:
        Command(name, [botkit, name, "--help"]).check()
    except CommandFailed:
        return False
    return True


# --- sections ---------------------------------------------------------------------------------


# Issue 13's targets, each a ratio to `python -c "import click"` (the floor of any click CLI).
ONESHOT_MAX = {"version": 1.1, "curl": 2.0, "default": 1.5}
RSS_MAX = 1.5


@dataclass(frozen=True, slots=True)
class OneShot:
    """One one-shot command of the table: its key (for the target), label and argv."""

    key: str
    label: str
    argv: list[str]
    ok_codes: tuple[int, ...] = (0,)

    @property
    def limit(self) -> float:
        return ONESHOT_MAX.get(self.key, ONESHOT_MAX["default"])


def oneshot_inputs(cfg: Settings, botkit: str) -> dict[str, Path]:
    """The files the one-shot commands read, written into the work folder: DoubleTick's
    ReadMe snippet (as a .sh to import and a .curl to lint), the component botkit imports
    from it (to export), and one valid 20-step bot from the lint corpus."""
    folder = cfg.work / "oneshot"
    folder.mkdir(parents=True, exist_ok=True)
    snippet = corpus.readme_snippet()
    paths = {
        "sh": folder / "readme-assign-chat.sh",
        "curl": folder / "readme-assign-chat.curl",
        "component": folder / "assign-chat.component.json",
        "bot": folder / "bot.json",
    }
    paths["sh"].write_text(snippet, encoding="utf-8")
    paths["curl"].write_text(snippet, encoding="utf-8")
    imported = Command("botkit import", [botkit, "import", str(paths["sh"])])
    imported.check()
    paths["component"].write_bytes(imported.last_out)
    bot = corpus.make_bot(cfg.seed, 0, fault_rate=0.0)
    paths["bot"].write_text(json.dumps(bot, indent=2) + "\n", encoding="utf-8")
    return paths


def oneshot_commands(botkit: str, paths: dict[str, Path]) -> list[OneShot]:
    """The one-shot commands of issue 13, those this botkit has."""
    curl = [
        "curl",
        "doubletick.assign-chat",
        "--customer-phone-number",
        "919876543210",
        "--assigned-user-phone-number",
        "919812345678",
        "--reassign",
        "--api-key",
        "key_bench0000000000",
    ]
    wanted = [
        OneShot("version", "`botkit --version`", [botkit, "--version"]),
        OneShot("curl", "`botkit curl doubletick.assign-chat ...`", [botkit, *curl]),
        OneShot("import", "`botkit import` (ReadMe snippet)", [botkit, "import", str(paths["sh"])]),
        OneShot(
            "export", "`botkit export` (its component)", [botkit, "export", str(paths["component"])]
        ),
        OneShot("apis", "`botkit apis`", [botkit, "apis"]),
        OneShot(
            "lint-curl", "`botkit lint one.curl`", [botkit, "lint", str(paths["curl"])], (0, 1)
        ),
        OneShot(
            "lint-json", "`botkit lint one bot.json`", [botkit, "lint", str(paths["bot"])], (0, 1)
        ),
    ]
    return [c for c in wanted if c.key == "version" or has_command(botkit, c.argv[1])]


def oneshot(cfg: Settings, botkit: str) -> tuple[list[Row], list[str]]:
    """Every one-shot command against ``python -c "import click"``, all in the same rounds.

    Each ratio is the median over rounds of (command / import click) timed in that round,
    so load that comes and goes on a shared machine cancels out; CPU time (user + system)
    and peak RSS are compared the same way."""
    paths = oneshot_inputs(cfg, botkit)
    shots = oneshot_commands(botkit, paths)
    floor = Command("import click", [sys.executable, "-c", "import click"])
    commands = [floor] + [Command(s.label, s.argv, s.ok_codes) for s in shots]
    cjs = tool("check-jsonschema")
    if cjs is not None:
        commands.append(
            Command("check-jsonschema", [cjs, "--schemafile", str(SCHEMA), str(paths["bot"])])
        )
    base, *series = interleaved(commands, cfg.repeats_oneshot, warmup=1 if cfg.quick else 2)
    rows: list[Row] = []
    rss_rows: list[Row] = []
    notes = [
        f'one-shot: `python -c "import click"` takes {ms(base.median)} wall, '
        f"{ms(base.cpu_median)} CPU, {mib(base.peak_rss_kib)} peak RSS; ratios are medians of "
        f"per-round ratios over {len(base.values)} rounds"
    ]
    cpu_cells: list[str] = []
    for shot, s in zip(shots, series, strict=False):
        ratio = paired(s, base)
        cpu = statistics.median(a / b for a, b in zip(s.cpu, base.cpu, strict=False))
        rss = statistics.median(s.rss_kib) / statistics.median(base.rss_kib)
        ok = ratio.median <= shot.limit
        rows.append(
            Row(
                f"one-shot: {shot.label} vs `import click`",
                ms(s.median),
                ms(base.median),
                f"{ratio.median:.2f}x (CPU {cpu:.2f}x)",
                f"<= {shot.limit:g}x",
                verdict(ok),
                pct(ratio),
            )
        )
        rss_rows.append(
            Row(
                f"one-shot: {shot.label} peak RSS vs `import click`",
                mib(int(statistics.median(s.rss_kib))),
                mib(int(statistics.median(base.rss_kib))),
                f"{rss:.2f}x",
                f"<= {RSS_MAX:g}x",
                verdict(rss <= RSS_MAX),
                "",
            )
        )
        cpu_cells.append(f"{shot.key} {ms(s.cpu_median)}")
    if cjs is not None:
        peer = series[-1]
        ratio = paired(peer, base)
        rows.append(
            Row(
                "peer: `check-jsonschema` on the same bot.json vs `import click`",
                ms(peer.median),
                ms(base.median),
                f"{ratio.median:.2f}x",
                "(reference)",
                "",
                pct(ratio),
            )
        )
    rows += rss_rows
    notes.append("one-shot CPU time (median): " + ", ".join(cpu_cells))
    return rows, notes


CATALOG_COMMANDS: dict[str, list[str]] = {
    "version": ["--version"],
    "apis": ["apis"],
    "curl": [
        "curl", "doubletick.assign-chat", "--customer-phone-number", "919876543210",
        "--assigned-user-phone-number", "919812345678", "--api-key", "key_bench0000000000",
    ],
}  # fmt: skip


def catalog(cfg: Settings) -> tuple[list[Row], list[str]]:
    """``--version``, ``apis`` and ``curl`` on three copies of the package (12 APIs, the
    shipped catalog, about 400 APIs), each against ``import click`` in the same rounds:
    does a grown catalog make one-shot commands slower?"""
    import compileall

    trees = catalog_size.build_trees(cfg.work / "catalogs")
    for tree in trees.values():  # as installed: bytecode compiled first
        with contextlib.redirect_stdout(io.StringIO()):
            compileall.compile_dir(tree / "botkit", quiet=2)
    sizes = {name: catalog_size.api_count(tree) for name, tree in trees.items()}
    entry = "import sys; from botkit.cli import main; sys.argv[0] = 'botkit'; main()"
    commands = [Command("import click", [sys.executable, "-c", "import click"])]
    keys: list[tuple[str, str]] = []
    for name, tree in trees.items():
        env = dict(os.environ, PYTHONPATH=str(tree), BOTKIT_CACHE_DIR=str(tree / ".cache"))
        env.pop("BOTKIT_CATALOG", None)
        for key, argv in CATALOG_COMMANDS.items():
            # cwd: the copy, so that PYTHONPATH (not the checkout) decides which runs
            argv_ = [sys.executable, "-c", entry, *argv]
            commands.append(Command(f"{key} ({name})", argv_, env=env, cwd=tree))
            keys.append((name, key))
    base, *series = interleaved(commands, cfg.repeats_catalog, warmup=1)
    ratio = {k: paired(s, base).median for k, s in zip(keys, series, strict=True)}
    rows = []
    names = list(trees)
    for key in CATALOG_COMMANDS:
        limit = ONESHOT_MAX.get(key, ONESHOT_MAX["default"])
        cells = " / ".join(f"{ratio[(n, key)]:.2f}x" for n in names)
        grown = ratio[(names[1], key)], ratio[(names[2], key)]
        growth = grown[1] / ratio[(names[0], key)]
        rows.append(
            Row(
                f"catalog size: `botkit {' '.join(CATALOG_COMMANDS[key][:2])}` vs `import click`, "
                + " / ".join(f"{sizes[n]} APIs" for n in names),
                cells,
                ms(base.median),
                f"{growth:.2f}x ({sizes[names[2]]} vs {sizes[names[0]]} APIs)",
                f"<= {limit:g}x with the shipped catalog",
                verdict(grown[0] <= limit),
                "",
            )
        )
    notes = [
        "catalog size: copies of the package run with PYTHONPATH and a warm catalog cache "
        f"(the hand-written {sizes[names[0]]} APIs, the shipped {sizes[names[1]]}, and "
        f"{sizes[names[2]]}); ratio column: the largest catalog's ratio over the smallest's"
    ]
    return rows, notes


def scaling(cfg: Settings) -> tuple[list[Row], list[str]]:
    """1x, 4x and 16x of three shapes of shell script, read and linted (bench/scale.py)."""
    found = scale.rows(cfg.quick)
    rows = []
    for i in range(0, len(found), len(scale.SCALES)):
        group = found[i : i + len(scale.SCALES)]
        first = group[0]
        ratios = [float(str(r["vs_1x"])) for r in group[1:]]
        ok = ratios[0] <= SCALING_MAX  # issue 13's rule: 4x the input in <= 4.4x the time
        rows.append(
            Row(
                f"scale: {first['shape']}, {first['reader']}, "
                + " -> ".join(str(r["size"]).split()[0] for r in group),
                " -> ".join(f"{r['cpu_s']} s" for r in group) + " CPU",
                "",
                " / ".join(f"{r:.1f}x" for r in ratios),
                f"4x in <= {SCALING_MAX}x (16x: reference)",
                verdict(ok) + ("*" if cfg.quick else ""),
                f"peak {group[-1]['peak_mb']} MB",
            )
        )
    notes = [
        "scale: each size in three fresh processes, median CPU time; ratios are to the 1x size "
        "(linear reads 4x and 16x, quadratic 16x and 256x)"
    ]
    return rows, notes


def sample_commands() -> list[tuple[Path, str]]:
    """Every cURL command of samples/curl/ (one per file at its top level), as text.

    ``files/`` holds what their ``@file`` references read (pass it as ``base_dir``);
    ``equivalents/`` repeats the cmd and PowerShell ones in bash and is left out.
    """
    if not SAMPLES.is_dir():
        return []
    files = sorted(p for p in SAMPLES.iterdir() if p.is_file() and p.suffix in CURL_SUFFIXES)
    return [(p, p.read_text(encoding="utf-8", errors="replace")) for p in files]


def uncurl_can_read(text: str) -> bool:
    """Does ``uncurl.parse_context`` return for this command (no SystemExit, no exception)?"""
    import uncurl

    sink = io.StringIO()
    try:
        with contextlib.redirect_stderr(sink), contextlib.redirect_stdout(sink):
            uncurl.parse_context(text)
    except (SystemExit, Exception):
        return False
    return True


def parse(cfg: Settings) -> tuple[list[Row], str]:
    """In-process parse throughput of botkit's reader against ``uncurl.parse_context``."""
    label = "parse throughput, in process (commands/s)"
    try:
        from botkit.curl import read_curl
    except ImportError:
        return [missing(label, "`botkit.curl.read_curl` not on this branch")], ""
    import uncurl

    samples = sample_commands()
    if not samples:
        return [missing(label, "no samples/curl/ on this branch")], ""

    def ours(path: Path, text: str) -> object:
        return read_curl(text, source=path.name, base_dir=SAMPLE_FILES, strict=False)

    readable_by_us: list[tuple[Path, str]] = []
    for path, text in samples:
        try:
            ours(path, text)
        except Exception:  # a sample botkit rejects on purpose (malformed input)
            continue
        readable_by_us.append((path, text))
    common = [(p, t) for p, t in readable_by_us if uncurl_can_read(t)]
    if not common:
        return [missing(label, "uncurl reads none of the samples")], ""

    def botkit_pass(items: list[tuple[Path, str]] = common) -> None:
        for path, text in items:
            ours(path, text)

    def uncurl_pass(items: list[tuple[Path, str]] = common) -> None:
        for _, text in items:
            uncurl.parse_context(text)

    def botkit_all(items: list[tuple[Path, str]] = readable_by_us) -> None:
        for path, text in items:
            ours(path, text)

    ser_ours, ser_base, ser_all = in_process(
        [botkit_pass, uncurl_pass, botkit_all], cfg.parse_budget
    )
    rate_ours = len(common) / ser_ours.median
    rate_base = len(common) / ser_base.median
    rate_all = len(readable_by_us) / ser_all.median
    rows = [
        Row(
            f"parse: {len(common)} sample commands uncurl can read (commands/s)",
            f"{rate_ours:,.0f}/s",
            f"{rate_base:,.0f}/s",
            f"{rate_ours / rate_base:.2f}x",
            "(reference)",
            "",
            spreads(ser_ours, ser_base),
        ),
        Row(
            f"parse: all {len(readable_by_us)} sample commands botkit reads (commands/s)",
            f"{rate_all:,.0f}/s",
            f"uncurl: {len(common)}/{len(samples)} readable",
            "",
            "(reference)",
            "",
            pct(ser_all),
        ),
    ]
    note = (
        f"samples/curl: {len(samples)} commands; botkit reads {len(readable_by_us)}, "
        f"uncurl returns without error on {len(common)} of those (not always correctly)."
    )
    return rows, note


FINDING = re.compile(rb":\d+:\d+: (BK\d{3})")


def lint(cfg: Settings, botkit: str) -> tuple[list[Row], list[str]]:
    """Lint throughput on the generated corpus, scaling, and peak memory."""
    notes: list[str] = []
    small, big = cfg.sizes
    if not has_command(botkit, "lint"):
        why = "`botkit lint` not on this branch"
        kinds = ("bots", "cURL files")
        return [missing(f"lint {n:,} {k}", why) for k in kinds for n in (small, big)], notes
    rows: list[Row] = []
    started = time.perf_counter()
    bots = corpus.build(cfg.work, "bots", [small, big], cfg.seed) if SCHEMA.exists() else {}
    corpus.build(cfg.work, "curl", [small, big], cfg.seed)
    notes.append(
        f"corpus (seed {cfg.seed}) written in {time.perf_counter() - started:.1f} s: "
        f"{big:,} bots of 20 steps and {big:,} cURL files; the {small:,}-file sets are "
        "the first files of the big ones"
    )
    if not bots:
        rows.append(missing("lint bots", "schemas/bot.schema.json not on this branch"))
    else:
        try:
            rows += lint_bots(cfg, botkit, bots, notes)
        except CommandFailed as exc:
            rows.append(missing("lint bots", f"failed: {exc}"))
    try:
        small_cmd, big_cmd = (
            lint_command(cfg, botkit, "curl", small),
            lint_command(cfg, botkit, "curl", big),
        )
        s1, s4 = interleaved([small_cmd, big_cmd], cfg.repeats_lint, **lint_timing(cfg, 20.0))
        notes.append(f"botkit lint, {big:,} cURL files: {findings(big_cmd)}")
        notes.append(cpu_scaling("cURL files", {"bs": s1, "bb": s4}, cfg.sizes))
        rows += throughput_rows(cfg, "cURL files", {"bs": s1, "bb": s4})
    except CommandFailed as exc:
        rows.append(missing("lint cURL files", f"failed: {exc}"))
    return rows, notes


def has_option(botkit: str, command: str, option: str) -> bool:
    """Does ``botkit COMMAND --help`` list ``option``?"""
    help_run = Command(f"{command} --help", [botkit, command, "--help"])
    try:
        help_run.check()
    except CommandFailed:
        return False
    return option.encode() in help_run.last_out


def cores(cfg: Settings, botkit: str) -> tuple[list[Row], list[str]]:
    """Lint on every usable core against one process, and on one usable core.

    Four commands per corpus, in the same rounds: ``--jobs 1`` and the default (one
    worker per usable core), each also under ``taskset -c 0`` (an affinity mask of one
    core, which the default must notice).  The outputs of the first two must be equal."""
    small, big = cfg.sizes
    if not has_option(botkit, "lint", "--jobs"):
        return [missing("lint on every core", "`botkit lint --jobs` not on this branch")], []
    taskset = shutil.which("taskset")
    rows: list[Row] = []
    # cURL files lint in half a millisecond each: the big set, so that starting the
    # workers is not most of what is timed; bots take 3 ms each: the small set.
    sizes = {"bots": small, "curl": big}
    notes: list[str] = [
        f"lint on every core: {os.cpu_count()} cores, {small:,} bots and {big:,} cURL files"
    ]
    corpus.build(cfg.work, "bots", [small], cfg.seed)
    corpus.build(cfg.work, "curl", [big], cfg.seed)
    for kind, label in (("bots", "bots (20 steps)"), ("curl", "cURL files")):
        n = sizes[kind]
        folder = str(cfg.work / f"{kind}-{n}")
        commands = [
            Command(f"lint --jobs 1 {kind}", [botkit, "lint", "--jobs", "1", folder], (0, 1)),
            Command(f"lint {kind}", [botkit, "lint", folder], (0, 1)),
        ]
        if taskset is not None:
            pin = [taskset, "-c", "0"]
            commands += [
                Command(f"1 core: lint --jobs 1 {kind}", [*pin, *commands[0].argv], (0, 1)),
                Command(f"1 core: lint {kind}", [*pin, *commands[1].argv], (0, 1)),
            ]
        found = interleaved(commands, cfg.repeats_lint, **lint_timing(cfg, 40.0))
        one, every = found[0], found[1]
        same = commands[0].last_out == commands[1].last_out
        notes.append(
            f"lint {label}: output of the default run {'equals' if same else 'DIFFERS FROM'} "
            f"the --jobs 1 output ({len(commands[1].last_out):,} bytes)"
        )
        speedup = paired(one, every)
        rows.append(
            Row(
                f"lint {n:,} {label}: all cores vs one process (files/s)",
                f"{n / every.median:,.0f}/s ({every.median:.2f} s)",
                f"{n / one.median:,.0f}/s ({one.median:.2f} s)",
                f"{speedup.median:.2f}x",
                f">= {CORES_SPEEDUP_MIN:g}x, same output",
                verdict(speedup.median >= CORES_SPEEDUP_MIN and same),
                pct(speedup),
            )
        )
        if taskset is not None:
            alone, pinned = found[2], found[3]
            ratio = paired(alone, pinned)
            rows.append(
                Row(
                    f"lint {n:,} {label}: one usable core, default vs --jobs 1",
                    f"{pinned.median:.2f} s",
                    f"{alone.median:.2f} s",
                    f"{ratio.median:.2f}x",
                    f">= {ONE_CORE_MIN:g}x (no slower)",
                    verdict(ratio.median >= ONE_CORE_MIN),
                    pct(ratio),
                )
            )
        rss = every.peak_rss_kib / max(one.peak_rss_kib, 1)
        rows.append(
            Row(
                f"lint {n:,} {label}: peak RSS of a process, all cores vs one",
                mib(every.peak_rss_kib),
                mib(one.peak_rss_kib),
                f"{rss:.2f}x",
                f"flat (<= {MEMORY_FLAT_MAX}x)",
                verdict(rss <= MEMORY_FLAT_MAX),
                "",
            )
        )
        notes.append(
            f"lint {label}, CPU time per file: one process {one.cpu_median / n * 1000:.2f} ms, "
            f"all cores {every.cpu_median / n * 1000:.2f} ms (workers included; "
            f"{every.cpu_median / max(one.cpu_median, 1e-9):.2f}x: the pool's CPU overhead, "
            "which bounds the speedup at cores / overhead)"
        )
    return rows, notes


def cpu_scaling(kind: str, s: dict[str, Series], sizes: tuple[int, int]) -> str:
    """The 4x scaling in CPU time, which waiting for a busy CPU does not inflate, and the
    CPU time per file (workers included)."""
    ratio = statistics.median(a / b for a, b in zip(s["bb"].cpu, s["bs"].cpu, strict=False))
    small, big = sizes
    return (
        f"lint {kind}, time for 4x the files in CPU time: {ratio:.2f}x "
        f"({s['bs'].cpu_median:.2f} s -> {s['bb'].cpu_median:.2f} s); CPU time per file "
        f"{s['bs'].cpu_median / small * 1000:.2f} ms -> {s['bb'].cpu_median / big * 1000:.2f} ms"
    )


def lint_timing(cfg: Settings, budget_s: float) -> dict[str, Any]:
    """Lint runs are long: the checked run is the first sample, and extra rounds stop at
    ``budget_s`` (a quarter of it with --quick)."""
    return {
        "warmup": 0,
        "check_is_sample": True,
        "budget_s": budget_s / 4 if cfg.quick else budget_s,
    }


def lint_command(cfg: Settings, botkit: str, kind: str, n: int) -> Command:
    """``botkit lint DIR`` (text output); exit 1 is expected, the corpus has faults."""
    folder = cfg.work / f"{kind}-{n}"
    return Command(f"botkit lint {kind}-{n}", [botkit, "lint", str(folder)], (0, 1))


def findings(command: Command) -> str:
    """Count the findings in the output of the command's last checked run, by rule code."""
    codes = FINDING.findall(command.last_out)
    if not codes:
        return "no findings"
    by_code = Counter(code.decode() for code in codes)
    detail = ", ".join(f"{code} {n:,}" for code, n in sorted(by_code.items()))
    return f"{len(codes):,} findings ({detail})"


def lint_bots(
    cfg: Settings, botkit: str, bots: dict[int, list[Path]], notes: list[str]
) -> list[Row]:
    """botkit lint against check-jsonschema (same bot files, same schema).

    check-jsonschema runs on the small set; on the big one too with --full (it alone
    takes minutes there, which would break the default run's time budget)."""
    small, big = cfg.sizes
    b_small, b_big = (lint_command(cfg, botkit, "bots", n) for n in (small, big))
    cjs = tool("check-jsonschema")
    series: dict[str, Series] = {}
    if cjs is None:
        notes.append("check-jsonschema is not installed: no baseline for the bots")
        series["bs"], series["bb"] = interleaved(
            [b_small, b_big], cfg.repeats_lint, **lint_timing(cfg, 60.0)
        )
    else:
        c_small, c_big = (
            Command(f"check-jsonschema {n}", [cjs, "--schemafile", str(SCHEMA), *map(str, bots[n])])
            for n in (small, big)
        )
        if cfg.full or cfg.quick:
            found = interleaved(
                [b_small, c_small, b_big, c_big], cfg.repeats_lint, **lint_timing(cfg, 180.0)
            )
            series.update(zip(("bs", "cs", "bb", "cb"), found, strict=True))
        else:
            found = interleaved(
                [b_small, b_big, c_small], cfg.repeats_lint, **lint_timing(cfg, 80.0)
            )
            series.update(zip(("bs", "bb", "cs"), found, strict=True))
        checked = "both sets" if "cb" in series else f"the {small:,} set"
        notes.append(
            f"check-jsonschema exits 0 on {checked}: every generated bot is valid against "
            "the schema; botkit lint applies the same schema plus its rules"
        )
    notes.append(f"botkit lint, {big:,} bots: {findings(b_big)}")
    notes.append(cpu_scaling("bots", series, cfg.sizes))
    return throughput_rows(cfg, "bots (20 steps)", series)


def throughput_rows(cfg: Settings, kind: str, s: dict[str, Series]) -> list[Row]:
    """Files/s at both sizes, the scaling ratio and peak memory; against check-jsonschema
    where it ran (bots), else against the files/s target (cURL files)."""
    small, big = cfg.sizes
    mark = "*" if cfg.quick else ""
    compared = "cs" in s
    rows = []
    for n, ours_key, base_key in ((small, "bs", "cs"), (big, "bb", "cb")):
        ours = s[ours_key]
        rate = n / ours.median
        if compared:
            base = s.get(base_key)
            if base is None:
                rows.append(
                    Row(
                        f"lint {n:,} {kind}: files/s vs check-jsonschema",
                        f"{rate:,.0f}/s ({ours.median:.2f} s)",
                        "not run (--full)",
                        "",
                        f">= {VS_CHECK_JSONSCHEMA_MIN:g}x",
                        "n/a",
                        pct(ours),
                    )
                )
                continue
            base_rate = n / base.median
            rows.append(
                Row(
                    f"lint {n:,} {kind}: files/s vs check-jsonschema (same files, same schema)",
                    f"{rate:,.0f}/s ({ours.median:.2f} s)",
                    f"{base_rate:,.0f}/s ({base.median:.2f} s)",
                    f"{rate / base_rate:.2f}x",
                    f">= {VS_CHECK_JSONSCHEMA_MIN:g}x",
                    verdict(rate >= VS_CHECK_JSONSCHEMA_MIN * base_rate) + mark,
                    spreads(ours, base),
                )
            )
        else:
            rows.append(
                Row(
                    f"lint {n:,} {kind}: files/s",
                    f"{rate:,.0f}/s ({ours.median:.2f} s)",
                    "",
                    "",
                    f">= {LINT_CURL_MIN:g}/s",
                    verdict(rate >= LINT_CURL_MIN) + mark,
                    pct(ours),
                )
            )
    scale = paired(s["bb"], s["bs"])
    base_scale = f"{paired(s['cb'], s['cs']).median:.2f}x" if "cb" in s else ""
    rows.append(
        Row(
            f"lint {kind}: time for {big // small}x the files (median of per-round ratios)",
            f"{scale.median:.2f}x",
            base_scale,
            "",
            f"<= {SCALING_MAX}x",
            verdict(scale.median <= SCALING_MAX) + mark,
            pct(scale),
        )
    )
    mem = s["bb"].peak_rss_kib / max(s["bs"].peak_rss_kib, 1)
    base_mem = ""
    if "cs" in s:
        base_mem = mib(s["cs"].peak_rss_kib)
        if "cb" in s:
            base_mem += f" -> {mib(s['cb'].peak_rss_kib)}"
    rows.append(
        Row(
            f"lint {kind}: peak RSS, {small:,} -> {big:,} files",
            f"{mib(s['bs'].peak_rss_kib)} -> {mib(s['bb'].peak_rss_kib)}",
            base_mem,
            f"{mem:.2f}x",
            f"flat (<= {MEMORY_FLAT_MAX}x)",
            verdict(mem <= MEMORY_FLAT_MAX) + mark,
            "",
        )
    )
    return rows


def mib(kib: int) -> str:
    """KiB as whole MiB."""
    return f"{kib / 1024:.0f} MiB"


# --- output -----------------------------------------------------------------------------------


def load() -> str:
    """The 1-minute load average, which says how busy the machine was."""
    with contextlib.suppress(OSError):
        return f"{os.getloadavg()[0]:.2f}"
    return "?"


def machine() -> str:
    """Cores, CPU model, OS release and Python version (no host names or paths)."""
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return (
        f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release().split('-')[0]}, "
        f"Python {platform.python_version()}"
    )


def versions() -> str:
    """Versions of botkit and of the tools it is compared with."""
    parts = []
    for dist in ("botkit", "click", "uncurl", "check-jsonschema", "jsonschema"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            parts.append(f"{dist} {metadata.version(dist)}")
    return ", ".join(parts)


def table(rows: list[Row]) -> str:
    """The rows as one markdown table."""
    head = (
        "| Measurement | botkit | Baseline | Ratio (botkit / baseline) "
        "| Target | Result | Spread (IQR) |"
    )
    lines = [head, "|---|---:|---:|---:|---|:---:|---|"]
    for r in rows:
        cells = (r.measurement, r.botkit, r.baseline, r.ratio, r.target, r.result, r.spread)
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smoke run: small corpus, few runs")
    parser.add_argument(
        "--full",
        action="store_true",
        help="also run check-jsonschema on the 4,000 bots (adds minutes)",
    )
    parser.add_argument(
        "--only", default=",".join(SECTIONS), help=f"comma-separated sections of {SECTIONS}"
    )
    parser.add_argument("--seed", type=int, default=20240601, help="corpus seed")
    parser.add_argument("--repeats", type=int, help="runs per command (overrides the defaults)")
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON to this file")
    args = parser.parse_args(argv)
    unknown = set(args.only.split(",")) - set(SECTIONS) - set(ALIASES)
    if unknown:
        parser.error(f"unknown section(s) {sorted(unknown)}; choose from {SECTIONS}")
    return args


# Settings of a developer's or CI's shell that a user's does not have, and that change what
# is measured: no bytecode written (every botkit module compiled from source on every run,
# while pip compiles an installed wheel's once) and unbuffered standard output.
NOT_A_USERS_ENV = ("PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED", "PYTHONPROFILEIMPORTTIME")


def as_installed() -> str:
    """Measure botkit as a user runs it: its bytecode compiled (as ``pip install`` does for a
    wheel; an editable install only writes it on first import) and none of NOT_A_USERS_ENV
    in the children's environment.  Returns a note for the report."""
    import compileall
    import importlib.util

    dropped = [name for name in NOT_A_USERS_ENV if os.environ.pop(name, None) is not None]
    spec = importlib.util.find_spec("botkit")
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        with contextlib.redirect_stdout(io.StringIO()):
            compileall.compile_dir(folder, quiet=2)
    note = "botkit's bytecode compiled before timing (as pip does on install)"
    if dropped:
        note += f"; {', '.join(dropped)} removed from the children's environment"
    return note


def main(argv: list[str] | None = None) -> int:
    """Run the chosen sections and print the table."""
    args = parse_args(argv)
    botkit = tool("botkit")
    if botkit is None:
        sys.exit("bench: no 'botkit' command beside this Python; pip install -e '.[bench]'")
    installed_note = as_installed()
    work_ctx = (
        contextlib.nullcontext(str(args.keep))
        if args.keep
        else tempfile.TemporaryDirectory(prefix="botkit-bench-")
    )
    started = time.perf_counter()
    load_before = load()
    with work_ctx as work_dir:
        work = Path(work_dir)
        work.mkdir(parents=True, exist_ok=True)
        r = args.repeats
        cfg = Settings(
            quick=args.quick,
            full=args.full,
            repeats_oneshot=r or (6 if args.quick else 30),
            repeats_catalog=r or (3 if args.quick else 15),
            repeats_lint=r or (1 if args.quick else 3),
            parse_budget=0.4 if args.quick else 2.5,
            sizes=(50, 200) if args.quick else (1000, 4000),
            seed=args.seed,
            work=work,
        )
        chosen = [ALIASES.get(name, name) for name in args.only.split(",")]
        rows: list[Row] = []
        notes: list[str] = [installed_note]
        steps: list[tuple[str, Callable[[], None]]] = []

        def add(result: list[Row] | tuple[list[Row], str | list[str]]) -> None:
            if isinstance(result, tuple):
                rows.extend(result[0])
                extra = result[1]
                notes.extend([extra] if isinstance(extra, str) else extra)
            else:
                rows.extend(result)

        if "oneshot" in chosen:
            steps.append(("oneshot", lambda: add(oneshot(cfg, botkit))))
        if "catalog" in chosen:
            steps.append(("catalog", lambda: add(catalog(cfg))))
        if "parse" in chosen:
            steps.append(("parse", lambda: add(parse(cfg))))
        if "lint" in chosen:
            steps.append(("lint", lambda: add(lint(cfg, botkit))))
        if "cores" in chosen:
            steps.append(("cores", lambda: add(cores(cfg, botkit))))
        if "scale" in chosen:
            steps.append(("scale", lambda: add(scaling(cfg))))
        for name, step in steps:
            print(f"bench: {name}...", file=sys.stderr, flush=True)
            began = time.perf_counter()
            try:
                step()
            except CommandFailed as exc:
                rows.append(missing(name, f"failed: {exc}"))
            took = time.perf_counter() - began
            print(f"bench: {name} took {took:.0f} s", file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - started
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    command = " ".join(["python bench/run.py", *(sys.argv[1:] if argv is None else argv)])
    print(f"`{command}` on {stamp}; {machine()}")
    print(
        f"{versions()}; run took {elapsed:.0f} s; "
        f"1-min load average {load_before} before, {load()} after.\n"
    )
    print(table(rows))
    print()
    print(
        f"Times are medians of interleaved runs, each command in its own process (wall time, "
        f"start-up included); spread is the IQR over the median, 'noisy' above "
        f"{NOISY_SPREAD:.0%}. Peak RSS is the child's ru_maxrss."
    )
    for note in notes:
        if note:
            print(f"- {note}")
    if args.quick:
        print("- *: --quick uses a tiny corpus; judge the lint targets on a default run")
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in rows], indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
