"""Which catalog API a component calls, and whether it says so consistently.

A component names its API with ``api`` or is recognised by method and path
template (Unblu on any host).  When it names one API but calls another path,
or calls a vendor's host on a path the vendor does not have, the mismatch is
described here once and reported by BK304.  The field rules do not stand down
for it: each rule reports on its own what it can say truly, so fixing the URL
never uncovers a second round of findings.  Fields are checked against the API
the component names (``api``), the one its author meant; an unknown id or an
unrecognised path leaves no API to check them against.
"""

from botkit.catalog import Api, Catalog, UnknownApiError, Vendor
from botkit.lazy_re import lazy
from botkit.lint.component import ComponentView
from botkit.lint.model import Site
from botkit.named_tuples import NamedTuple
from botkit.request import split_url
from botkit.variables import blank_templates, looks_templated


class Target(NamedTuple):
    #: The API the component calls (or says it calls).
    api: Api | None = None
    #: The vendor, known from the API or from the URL's host.
    vendor: Vendor | None = None
    #: BK304: where and how the component disagrees with the catalog.
    problem: tuple[Site, str] | None = None

    @property
    def fields_apply(self) -> bool:
        """Body and query fields are checked whenever there is an API to check them
        against, even one the method or path disagrees with (BK304 says so apart)."""
        return self.api is not None


def match(call: ComponentView, catalog: Catalog) -> Target:
    method, url = call.method, call.url
    declared: Api | None = None
    problem: tuple[Site, str] | None = None
    if call.api_id is not None:
        try:
            declared = catalog.get(call.api_id)
        except UnknownApiError as exc:
            problem = (call.site("api"), str(exc))
    if method is None or url is None:
        return Target(declared, declared.vendor if declared else None, problem)
    if declared is not None:
        if declared.matches(method, url):
            return Target(declared, declared.vendor)
        return Target(declared, declared.vendor, _mismatch(call, declared, catalog))
    found = catalog.find(method, url)
    if found is not None:
        return Target(found, found.vendor, problem)
    vendor = vendor_for_host(catalog, url)
    if vendor is not None and problem is None:
        same_path = _same_path(call, vendor, catalog)
        if same_path is not None:  # the right path with the wrong method: its fields apply
            return Target(same_path, vendor, _wrong_method(call, vendor, same_path))
        problem = _unknown_path(call, vendor, catalog)
    return Target(None, vendor, problem)


def vendor_for_host(catalog: Catalog, url: str) -> Vendor | None:
    host = split_url(url).hostname or ""
    for api in catalog:
        if host and host in api.vendor.hosts:
            return api.vendor
    return None


def _where(method: str, api: Api) -> str:
    return f"{method.upper()} {api.path}"


def _mismatch(call: ComponentView, api: Api, catalog: Catalog) -> tuple[Site, str]:
    method, url = call.method or "", call.url or ""
    parts = split_url(url)
    hosts = api.vendor.hosts
    if hosts and (parts.hostname or "") not in hosts and not looks_templated(parts.netloc):
        return (
            call.site("url"),
            f"api {api.id} is served by {' or '.join(hosts)}, but the url calls "
            f"{parts.hostname or parts.netloc!r}",
        )
    if api.matches_path(parts.path) and method.upper() != api.method:
        return (
            call.site("method"),
            f"api {api.id} takes {api.method}, but the component sends {method.upper()}",
        )
    actual = catalog.find(method, url)
    also = f" (that is {actual.id})" if actual is not None else ""
    return (
        call.site("url"),
        f"api {api.id} is {_where(api.method, api)}, but the component calls "
        f"{method.upper()} {parts.path}{also}",
    )


def _same_path(call: ComponentView, vendor: Vendor, catalog: Catalog) -> Api | None:
    """The vendor's API on exactly this path (then only the method is wrong)."""
    path = split_url(call.url or "").path
    return next(
        (a for a in catalog if a.vendor.name == vendor.name and a.matches_path(path)),
        None,
    )


def _wrong_method(call: ComponentView, vendor: Vendor, api: Api) -> tuple[Site, str]:
    method = (call.method or "").upper()
    return (call.site("method"), f"{vendor.title}'s {api.id} takes {api.method}, not {method}")


def _unknown_path(call: ComponentView, vendor: Vendor, catalog: Catalog) -> tuple[Site, str] | None:
    """A vendor host with a path the catalog lacks: a mistake only when it is nearly a
    catalog path (or the right path with the wrong method).  The catalog holds a few of
    each vendor's APIs, so any other path may well be right."""
    method = (call.method or "").upper()
    path = split_url(call.url or "").path
    apis = [api for api in catalog if api.vendor.name == vendor.name]
    by_shape = {_shape(api.path): api for api in apis}
    import difflib  # only for a URL no API matches

    close = difflib.get_close_matches(_shape(path), list(by_shape), n=1, cutoff=0.85)
    if not close:
        return None
    api = by_shape[close[0]]
    return (
        call.site("url"),
        f"{method} {path} is not a {vendor.title} API; did you mean "
        f"{_where(api.method, api)} ({api.id})?",
    )


_PLACEHOLDER = lazy(r"\{[A-Za-z0-9_]+\}")  # a catalog path's {placeholder}


def _shape(path: str) -> str:
    """A path with every placeholder or template variable written the same way."""
    return _PLACEHOLDER().sub("{}", blank_templates(path, "{}"))
