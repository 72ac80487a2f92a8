"""A Call API component as the rules see it: the component view plus what the catalog says.

Built once per component by the runner.  What several rules ask (the API it
calls, its credentials, its phone numbers) is worked out on first use and kept
in explicit cached properties, so each is computed once per component and no
rule has to know who else asked.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

from botkit.lint.component import ComponentView, HeaderItem, QueryItem
from botkit.lint.jsonpos import JsonPath

if TYPE_CHECKING:
    from botkit.curl.result import OutsideFile
    from botkit.lint.context import Context
    from botkit.lint.credentials import AuthView
    from botkit.lint.matching import Target
    from botkit.lint.phones import PhoneValue

__all__ = ["Call", "HeaderItem", "QueryItem"]


class Call(ComponentView):
    """One component under lint, with the run's shared context (catalog, phone cache)."""

    def __init__(
        self,
        component: dict[str, Any],
        base: JsonPath,
        ctx: Context,
        *,
        shell: bool = False,
        source: str | None = None,
        outside: Sequence[OutsideFile] = (),
    ) -> None:
        super().__init__(component, base, shell=shell)
        self.ctx = ctx
        #: The file the component is in (None: standard input): where its file names start.
        self.source = source
        #: Files a cURL snippet names outside the repository, which were not read (BK403).
        self.outside = tuple(outside)

    @cached_property
    def target(self) -> Target:
        """Which catalog API the component calls, and any mismatch (BK304)."""
        from botkit.lint.matching import match

        return match(self, self.ctx.catalog)

    @cached_property
    def auth_view(self) -> AuthView:
        """The credentials the component carries, judged by its vendor."""
        from botkit.lint.credentials import auth_view

        api = self.target.api
        return auth_view(self, self.target.vendor, api.auth if api is not None else None)

    @cached_property
    def phone_values(self) -> list[PhoneValue]:
        """Every checkable phone value (three rules ask)."""
        from botkit.lint.phones import phone_values

        return phone_values(self, self.target, self.ctx.check_phone)
