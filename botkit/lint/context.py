"""What every check shares during one run: settings, catalog and a phone-check cache.

Built once per run, never per file: the catalog is parsed once, and a phone
number seen in a thousand bots is checked once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from botkit.catalog import Catalog, load_catalog
from botkit.lint.config import LintConfig

if TYPE_CHECKING:
    from botkit.phone import PhoneCheck

_PHONE_CACHE_SIZE = 8192


@dataclass
class Context:
    config: LintConfig
    catalog: Catalog = field(default_factory=load_catalog)
    _phones: dict[str, PhoneCheck] = field(default_factory=dict, repr=False)

    def check_phone(self, value: str) -> PhoneCheck:
        """``botkit.phone.check_phone`` with the configured region, remembered per value."""
        found = self._phones.get(value)
        if found is None:
            from botkit.phone import check_phone

            found = check_phone(value, self.config.default_region)
            if len(self._phones) >= _PHONE_CACHE_SIZE:
                self._phones.clear()  # keep memory flat on a corpus of unique numbers
            self._phones[value] = found
        return found
