"""Regenerate botkit/phone_patterns.txt from the installed phonenumbers.

    python tools/phone_patterns.py          # write it
    python tools/phone_patterns.py --check  # exit 1 if it differs from what would be written

The file holds, for each country calling code, the facts ``botkit.phone_table`` needs to
judge a digits-only international number the way ``phonenumbers`` does: the regions that
share the code (main one first), and for each region its national-prefix pattern, its
leading-digits pattern and the number patterns and lengths of each number type.  Its
first line names the phonenumbers version it was made from; with another version
installed, botkit asks phonenumbers itself.  Regenerate after upgrading phonenumbers.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import phonenumbers
from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneMetadata

TARGET = Path(__file__).resolve().parent.parent / "botkit" / "phone_patterns.txt"
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
    """The whole file, as it would be written now."""
    lines = [f"phonenumbers {phonenumbers.__version__}"]
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    args = parser.parse_args(argv)
    new = text()
    if args.check:
        same = TARGET.exists() and TARGET.read_text(encoding="utf-8") == new
        print("up to date" if same else f"{TARGET.name} differs: regenerate it")
        return 0 if same else 1
    TARGET.write_text(new, encoding="utf-8")
    print(f"wrote {TARGET.name}: {len(new.splitlines()) - 1} country calling codes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
