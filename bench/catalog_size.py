"""The catalog-size section of bench/run.py: copies of the package with a small, the shipped
and a large catalog, so that the one-shot commands can be timed side by side on each.

- ``12 APIs``: the hand-written catalog only (doubletick_public.toml removed);
- ``shipped``: the catalog as shipped (DoubleTick's whole public API);
- ``~400 APIs``: shipped plus Unblu's whole API converted from its spec (when
  ../shared/specs is there) and copies of DoubleTick's file under other vendor names.

Each copy runs with ``PYTHONPATH`` set to it and its own warm catalog cache (one run
before timing), as a user's is after the first command.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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


def _api_ids(tree: Path) -> Iterator[int]:
    for path in (tree / "botkit" / "apis").glob("*.toml"):
        yield from range(path.read_text(encoding="utf-8").count("[[api]]"))


def api_count(tree: Path) -> int:
    """How many APIs the copy's catalog files hold."""
    return sum(1 for _ in _api_ids(tree))
