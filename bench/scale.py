"""The scale section of bench/run.py: does the cost grow with the input, and no faster?

1x, 4x and 16x of three shapes of shell script (1x = 1,000 commands or 62,500 lines; a
quarter with --quick), read by ``read_curl_script`` and by ``botkit lint``, each in a
fresh process (the median of three): CPU seconds (the machine may be shared, so wall
time says less), peak memory, and each size's time as a multiple of the 1x time.
Linear cost reads about 4 and 16 there; quadratic cost would read 16 and 256.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

SCALES = (1, 4, 16)

_CHILD = r"""
import json, resource, sys, time
path, how = sys.argv[1], sys.argv[2]
start = time.process_time()
if how == "read":
    from botkit.curl import read_curl_script
    count = len(read_curl_script(open(path, encoding="utf-8").read()))
else:
    from botkit.lint import LintConfig, lint_files
    [result] = lint_files([path], LintConfig())
    count = len(result.findings)
cpu = time.process_time() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"cpu": cpu, "peak_mb": peak, "count": count}))
"""


def _one_line(n: int) -> str:
    return "".join(f"curl -s https://h.example/x/{i} -H 'A: b'\n" for i in range(n))


def _four_lines(n: int) -> str:
    """DoubleTick calls with a placeholder key and a national number: findings in each."""
    return "".join(
        "curl --request POST --url https://public.doubletick.io/team-member/assign \\\n"
        "     --header 'Authorization: key_xxxxxxxxxx' \\\n"
        "     --header 'content-type: application/json' \\\n"
        f'     --data \'{{"customerPhoneNumber": "98765{i:05d}", '
        '"assignedUserPhoneNumber": "919812345678"}\'\n'
        for i in range(n)
    )


def _colons(n: int) -> str:
    return ": x\n" * n + "curl https://h.example/\n"


SHAPES = {
    "one-line curl commands": (_one_line, 1_000),
    "four-line curl commands, findings in each": (_four_lines, 1_000),
    "lines of ': x', then one curl": (_colons, 62_500),
}


#: Runs per size: one CPU-time sample swung a ratio by 10 % on a busy machine (a
#: different row failed each run, old and new code alike); the median of three holds.
RUNS = 3


def _measure(path: Path, how: str) -> dict[str, float]:
    """Median CPU seconds and largest peak memory of ``RUNS`` fresh processes."""
    runs = [_run_once(path, how) for _ in range(RUNS)]
    return {
        "cpu": statistics.median(r["cpu"] for r in runs),
        "peak_mb": max(r["peak_mb"] for r in runs),
    }


def _run_once(path: Path, how: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), how],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out)


def rows(quick: bool = False) -> list[dict[str, object]]:
    """One row per (shape, reader, scale): size, CPU seconds, peak MB, time / time at 1x."""
    out: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for shape, (make, base) in SHAPES.items():
            base = base // 4 if quick else base
            for how in ("read", "lint"):
                first = None
                for scale in SCALES:
                    path = Path(tmp) / f"s{scale}.sh"
                    path.write_text(make(base * scale), encoding="utf-8")
                    m = _measure(path, how)
                    first = first or max(m["cpu"], 1e-3)
                    out.append(
                        {
                            "shape": shape,
                            "reader": "read_curl_script" if how == "read" else "botkit lint",
                            "size": f"{base * scale:,} x{scale}",
                            "bytes": path.stat().st_size,
                            "cpu_s": round(m["cpu"], 3),
                            "peak_mb": round(m["peak_mb"]),
                            "vs_1x": round(m["cpu"] / first, 1),
                        }
                    )
    return out
