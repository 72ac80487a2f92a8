"""Does a grown catalog make one-shot commands slower?  (issue 9, item 5)

Run from the repository root with the Python of botkit's environment:

    python bench/catalog_size.py                 # 15 interleaved rounds
    python bench/catalog_size.py --rounds 31

Three copies of the package are run side by side, interleaved (A, B, C, click, ...):

- ``12 APIs``: the hand-written catalog only (doubletick_public.toml removed);
- ``shipped``: the catalog as shipped (DoubleTick's whole public API);
- ``~400 APIs``: shipped plus Unblu's whole API converted from its spec (when
  ../shared/specs is there) and copies of DoubleTick's file under other vendor names.

Each command is timed as wall time of a fresh process, the median of the rounds,
and as a ratio to ``python -c "import click"`` (the floor any click CLI pays), the
median of per-round ratios.  The catalog cache is warm (one run before timing), as
it is for a user after the first command; ``--cold`` times it without the cache.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = {
    "--version": ["--version"],
    "apis": ["apis"],
    "curl": [
        "curl",
        "doubletick.assign-chat",
        "--customer-phone-number",
        "919876543210",
        "--assigned-user-phone-number",
        "919812345678",
        "--api-key",
        "key_x",
    ],
}


def _tree(base: Path, name: str) -> Path:
    tree = base / name
    shutil.copytree(ROOT / "botkit", tree / "botkit", ignore=shutil.ignore_patterns("__pycache__"))
    for data in ("schemas", "templates"):
        shutil.copytree(ROOT / data, tree / data)
    return tree


def build_trees(base: Path) -> dict[str, Path]:
    small = _tree(base, "small")
    (small / "botkit" / "apis" / "doubletick_public.toml").unlink()
    shipped = _tree(base, "shipped")
    large = _tree(base, "large")
    apis = large / "botkit" / "apis"
    folders = [p.parent / "shared" / "specs" for p in (ROOT, *ROOT.parents)]
    specs = next((f for f in folders if f.is_dir()), None)
    if specs is not None:
        sys.path.insert(0, str(ROOT))
        from botkit.catalog.write import to_toml
        from botkit.openapi.convert import Options, convert
        from botkit.openapi.spec import load_spec

        unblu = convert(load_spec(specs / "unblu-v4.openapi.yaml"), Options(vendor="unblu-full"))
        (apis / "unblu_full.toml").write_text(to_toml(unblu.data()), encoding="utf-8")
    text = (apis / "doubletick_public.toml").read_text(encoding="utf-8")
    count = sum(1 for _ in _api_ids(large))
    copy = 2
    while count < 400:
        vendor = f"dtcopy{copy}"
        full = (
            f'[vendor]\nname = "{vendor}"\ntitle = "Copy {copy}"\nbase_url = "https://{vendor}.test"\n'
            'auth = { scheme = "header", header = "Authorization", env = "DT_COPY_KEY" }\n'
        )
        body = text.split('[vendor]\nname = "doubletick"\n', 1)[1]
        (apis / f"{vendor}.toml").write_text(full + body, encoding="utf-8")
        count += body.count("[[api]]")
        copy += 1
    return {"12 APIs": small, "shipped": shipped, "~400 APIs": large}


def _api_ids(tree: Path):
    for path in (tree / "botkit" / "apis").glob("*.toml"):
        yield from range(path.read_text(encoding="utf-8").count("[[api]]"))


def _run(argv: list[str], env: dict[str, str]) -> float:
    # cwd: a folder without botkit in it, so that PYTHONPATH decides which copy runs
    cwd = env["PYTHONPATH"]
    start = time.perf_counter()
    subprocess.run(
        argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--cold", action="store_true", help="no catalog cache")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        trees = build_trees(base)
        sizes = {name: sum(1 for _ in _api_ids(tree)) for name, tree in trees.items()}
        envs = {}
        for name, tree in trees.items():
            cache = "" if args.cold else str(base / f"cache-{name.split()[0]}")
            env = dict(os.environ, PYTHONPATH=str(tree), BOTKIT_CACHE_DIR=cache)
            env.pop("BOTKIT_CATALOG", None)
            envs[name] = env
        click_cmd = [sys.executable, "-c", "import click"]
        botkit = [sys.executable, "-c", "import sys; from botkit.cli import main; main()"]
        for name, env in envs.items():  # warm the cache and the OS file cache
            check = subprocess.run(
                [sys.executable, "-c", "import botkit; print(botkit.__file__)"],
                env=env, cwd=env["PYTHONPATH"], capture_output=True, text=True, check=True,
            )  # fmt: skip
            assert check.stdout.startswith(env["PYTHONPATH"]), (name, check.stdout)
            for argv in COMMANDS.values():
                _run([*botkit, *argv], env)
        print(f"catalog sizes: {', '.join(f'{n}: {c}' for n, c in sizes.items())}")
        print(f"{args.rounds} interleaved rounds, cache {'off' if args.cold else 'warm'}\n")
        heads = " | ".join(f"{n} ms (x click)" for n in trees)
        print(f"| command | {heads} | shipped vs 12 | ~400 vs 12 |")
        print("|---|" + "---:|" * (len(trees) + 2))
        for label, argv in COMMANDS.items():
            times: dict[str, list[float]] = {n: [] for n in trees}
            ratios: dict[str, list[float]] = {n: [] for n in trees}
            for _ in range(args.rounds):
                floor = _run(click_cmd, envs["12 APIs"])
                for name, env in envs.items():
                    elapsed = _run([*botkit, *argv], env)
                    times[name].append(elapsed)
                    ratios[name].append(elapsed / floor)
            cells = [
                f"{statistics.median(times[n]) * 1000:.1f} ({statistics.median(ratios[n]):.2f}x)"
                for n in trees
            ]
            vs = [
                statistics.median(a / b for a, b in zip(times[n], times["12 APIs"], strict=True))
                for n in ("shipped", "~400 APIs")
            ]
            row = " | ".join(cells)
            print(f"| `botkit {label}` | {row} | {vs[0]:.2f}x | {vs[1]:.2f}x |")


if __name__ == "__main__":
    main()
