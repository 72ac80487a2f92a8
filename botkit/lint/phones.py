"""The phone numbers a component sends, each with where it sits and the form its vendor wants.

Phone fields are known from the catalog when the component calls a catalog API;
otherwise they are recognised by name (``phone``, ``mobileNo``, ``wabaNumber``,
``msisdn``...).  Template variables are filled in at run time and never checked.
"""

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from botkit.catalog.paramtypes import PhoneType
from botkit.lazy_re import lazy
from botkit.lint.component import ComponentView
from botkit.lint.jsonpos import JsonPath
from botkit.lint.model import Site
from botkit.lint.secrets import is_variable
from botkit.named_tuples import NamedTuple
from botkit.percent import quote, unquote
from botkit.phone import PhoneCheck, PhoneFormat

if TYPE_CHECKING:
    from botkit.lint.matching import Target

PHONE_NAME = lazy(r"(?i)(?:phone|mobile|msisdn|whatsapp|waba)[_-]?(?:number|num|no)?s?$")
# Bodies nested deeper than this hold no phone fields worth a walk.
_MAX_WALK = 64


class PhoneValue(NamedTuple):
    name: str
    value: str | int
    site: Site
    #: The vendor's form (digits / e164), or None when the vendor is unknown.
    phone_format: PhoneFormat | None
    vendor: str | None
    check: PhoneCheck
    #: A query value: checked percent-decoded, and a fix must be percent-encoded.
    in_query: bool = False

    @property
    def text(self) -> str:
        return str(self.value)

    def written(self, value: str) -> str:
        """``value`` as it must be written where this phone sits."""
        return quote(value, safe="") if self.in_query else value


def phone_values(
    call: ComponentView, target: "Target", check_phone: Callable[[str], PhoneCheck]
) -> list[PhoneValue]:
    """Every checkable phone value of ``call`` (use ``Call.phone_values``: computed once)."""
    return list(_collect(call, target, check_phone))


def _collect(
    call: ComponentView, target: "Target", check: Callable[[str], PhoneCheck]
) -> Iterator[PhoneValue]:
    phone_format = target.vendor.phone_format if target.vendor else None
    vendor = target.vendor.title if target.vendor else None
    body = call.body_json
    if target.api is not None:
        for param in target.api.params:
            if not isinstance(param.value_type, PhoneType):
                continue
            if param.location == "body" and isinstance(body, dict) and param.name in body:
                yield from _values(
                    call, param.name, body[param.name], (param.name,), phone_format, vendor, check
                )
            elif param.location == "query":
                for q in call.query:
                    if q.name == param.name and q.value is not None:
                        site = call.site("query", q.index, "value")
                        yield from _one(
                            call, q.name, q.value, site, phone_format, vendor, check, query=True
                        )
        return
    if body is not None:
        for name, value, inner in _named_fields(body):
            yield from _values(call, name, value, inner, phone_format, vendor, check)
    for q in call.query:
        if q.value is not None and PHONE_NAME().search(q.name):
            site = call.site("query", q.index, "value")
            yield from _one(call, q.name, q.value, site, phone_format, vendor, check, query=True)


def _named_fields(body: Any) -> Iterator[tuple[str, Any, JsonPath]]:
    """``(name, value, inner path)`` of every member whose name says it is a phone number."""
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(body, ())]
    while stack:
        node, path = stack.pop()
        if len(path) > _MAX_WALK:
            continue
        if isinstance(node, dict):
            for key, value in node.items():
                if PHONE_NAME().search(key) and not isinstance(value, dict):
                    yield key, value, (*path, key)
                elif isinstance(value, dict | list):
                    stack.append((value, (*path, key)))
        elif isinstance(node, list):
            stack.extend((item, (*path, i)) for i, item in enumerate(node))


def _values(
    call: ComponentView,
    name: str,
    value: Any,
    inner: JsonPath,
    phone_format: PhoneFormat | None,
    vendor: str | None,
    check: Callable[[str], PhoneCheck],
) -> Iterator[PhoneValue]:
    if isinstance(value, list):
        for i, item in enumerate(value):
            yield from _one(
                call, name, item, call.body_field_site(*inner, i), phone_format, vendor, check
            )
    else:
        yield from _one(
            call, name, value, call.body_field_site(*inner), phone_format, vendor, check
        )


def _one(
    call: ComponentView,
    name: str,
    value: Any,
    site: Site,
    phone_format: PhoneFormat | None,
    vendor: str | None,
    check: Callable[[str], PhoneCheck],
    query: bool = False,
) -> Iterator[PhoneValue]:
    if isinstance(value, bool) or not isinstance(value, str | int):
        return
    if isinstance(value, str) and is_variable(value):
        return
    if query and isinstance(value, str):
        value = unquote(value)  # as written in the URL: %2B is the '+'
    yield PhoneValue(name, value, site, phone_format, vendor, check(str(value)), query)
