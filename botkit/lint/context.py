"""What every check shares during one run: settings, catalog and a phone-check cache.

Built once per run, never per file: the catalog is parsed once, and a phone
number seen in a thousand bots is checked once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from botkit.catalog import Catalog, load_catalog
from botkit.lint.config import LintConfig

if TYPE_CHECKING:
    from botkit.phone import PhoneCheck

_PHONE_CACHE_SIZE = 8192


class Context:
    """The run's settings, its catalog (loaded when not given) and the phone cache."""

    def __init__(self, config: LintConfig, catalog: Catalog | None = None) -> None:
        self.config = config
        self.catalog = load_catalog() if catalog is None else catalog
        self._phones: dict[str, PhoneCheck] = {}

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
