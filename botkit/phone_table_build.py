"""Make ``botkit.phone_table``'s table from the installed phonenumbers, and keep it.

The table is phonenumbers' own metadata (the patterns it validates with, per country
calling code), so it is made here from whatever phonenumbers is installed rather than
shipped: the first run that needs phonenumbers anyway writes it to botkit's cache folder,
named by phonenumbers' version, and later runs judge plain-digit numbers from it without
importing phonenumbers.  Upgrading phonenumbers makes a new table on the next such run.

For each calling code a line holds the regions that share it (main one first) and, per
region, its national-prefix pattern, leading-digits pattern and the number patterns and
lengths of each number type.
"""

from __future__ import annotations

import contextlib
import json
import os
from typing import Any

import phonenumbers
from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneMetadata

from botkit.catalog.cache import prune
from botkit.phone_table import FORMAT, table_file

#: The number types, in the order botkit.phone_table reads them.
DESCS = (
    "general_desc", "premium_rate", "toll_free", "shared_cost", "voip", "personal_number",
    "pager", "uan", "voicemail", "fixed_line", "mobile",
)  # fmt: skip
NON_GEO = "001"


def _desc(desc: Any) -> list[Any] | None:
    if desc is None or not desc.national_number_pattern:
        return None
    return [desc.national_number_pattern, list(desc.possible_length or ())]


def _region(meta: Any) -> dict[str, Any]:
    return {
        "prefix": meta.national_prefix_for_parsing or None,
        "leading": meta.leading_digits,
        "same": bool(meta.same_mobile_and_fixed_line_pattern),
        "descs": [_desc(getattr(meta, name)) for name in DESCS],
    }


def text() -> str:
    """The whole table, from the phonenumbers that is imported."""
    lines = [f"phonenumbers {phonenumbers.__version__} {FORMAT}"]
    for code in sorted(COUNTRY_CODE_TO_REGION_CODE):
        regions = list(COUNTRY_CODE_TO_REGION_CODE[code])
        metas: dict[str, Any] = {}
        for region in regions:
            if region == NON_GEO:
                meta = PhoneMetadata.metadata_for_nongeo_region(code, None)
            else:
                meta = PhoneMetadata.metadata_for_region(region, None)
            metas[region] = None if meta is None else _region(meta)
        entry = {"regions": regions, "meta": metas}
        lines.append(f"{code}\t{json.dumps(entry, separators=(',', ':'))}")
    return "\n".join(lines) + "\n"


def remember() -> str | None:
    """Write the table to the cache if it is not there yet; where it is (None: no cache).

    Written to a temporary name and renamed, so a reader never sees half a table; any
    OSError (no cache folder, a read-only home) only means the next run asks phonenumbers.
    """
    target = table_file()
    if target is None:
        return None
    if os.path.exists(target):
        return target
    folder, name = os.path.split(target)
    partial = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    try:
        os.makedirs(folder, exist_ok=True)
        with open(partial, "w", encoding="utf-8") as f:
            f.write(text())
        os.replace(partial, target)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(partial)
        return None
    prune(folder)
    return target
