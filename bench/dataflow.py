"""What the data-flow rules (BK601-BK604) cost ``botkit lint`` on the bench bot corpus.

Run from the repository root with the Python botkit is installed in:

    python bench/dataflow.py              # 1,000 bots, 15 rounds (about 2 minutes on 2 cores)
    python bench/dataflow.py --bots 200 --rounds 5

Two measures, both in CPU seconds of this process (``time.process_time``), the
only clock that a shared machine's other load moves little:

- **A/B**: the whole lint of the corpus with every rule, and with ``ignore =
  BK601-BK604``, in alternating rounds; the ratio of the fastest runs and the
  median of the per-round ratios.
- **share**: the three bot-scope rules' own check functions (BK601-BK603, the
  analysis they share included) on the parsed bots, against the whole lint.

The issue's budget: lint throughput within 10 % of what it was without these rules.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import corpus

from botkit.lint import LintConfig, dataflow, lint_paths

DATAFLOW = ("BK601", "BK602", "BK603", "BK604")
BOT_RULES = ("bk601_undefined_variable", "bk602_variable_maybe_unset", "bk603_unused_variable")
BUDGET = 1.10


def _cpu(f: Callable[[], object]) -> float:
    gc.collect()
    start = time.process_time()
    f()
    return time.process_time() - start


def _alternate(named: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    """CPU seconds of each function per round, the order flipped every round."""
    for f in named.values():
        f()  # warm-up: imports, caches, the files in the page cache
    out: dict[str, list[float]] = {name: [] for name in named}
    for i in range(rounds):
        order = list(named) if i % 2 == 0 else list(named)[::-1]
        for name in order:
            out[name].append(_cpu(named[name]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bots", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--seed", type=int, default=20261202)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="botkit-dataflow-")) / "bots"
    paths = corpus.write_bots(folder, args.bots, args.seed)
    bots = [json.loads(p.read_text(encoding="utf-8")) for p in paths]
    every, without = LintConfig(), LintConfig(ignore=DATAFLOW)
    checks = [importlib.import_module(f"botkit.lint.rules.{m}").check for m in BOT_RULES]

    def lint(config: LintConfig) -> Callable[[], object]:
        return lambda: sum(1 for _ in lint_paths([folder], config))

    def rules() -> None:
        for bot in bots:
            dataflow._last = None  # each bot analysed once, as in a lint run
            for check in checks:
                for _ in check(bot):
                    pass

    ab = _alternate({"with": lint(every), "without": lint(without)}, args.rounds)
    share = _alternate({"rules": rules, "lint": lint(every)}, args.rounds)

    w, wo = ab["with"], ab["without"]
    ratios = [a / b for a, b in zip(w, wo, strict=True)]
    print(f"{args.bots} bots of 20 steps, {args.rounds} alternating rounds, CPU seconds")
    print(f"lint, every rule:      median {statistics.median(w):.3f}  min {min(w):.3f}")
    print(f"lint, BK601-604 off:   median {statistics.median(wo):.3f}  min {min(wo):.3f}")
    print(
        f"with/without: ratio of minimums {min(w) / min(wo):.3f}, median per-round ratio "
        f"{statistics.median(ratios):.3f} (budget {BUDGET:.2f})"
    )
    r, lt = share["rules"], share["lint"]
    print(
        f"BK601-603 checks alone: median {statistics.median(r) * 1000:.0f} ms, "
        f"{statistics.median(r) / statistics.median(lt):.1%} of the whole lint"
    )


if __name__ == "__main__":
    main()
