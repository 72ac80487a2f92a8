"""A schema's ``$ref`` and ``$id`` joined to their base URI without urllib.parse.

urllib.parse costs a one-shot lint about 10 M instructions to import (it imports
ipaddress), and the compiled schema check (botkit/schemacheck.py) meets only three
plain forms: a fragment (``#/$defs/step``), a file beside the base
(``component.schema.json#/$defs/header``) and an absolute ``https://host/.../file``
``$id``, on bases that are a bare file name or such a URL.  Those are joined with
string operations here, to exactly what urllib.parse gives; anything else (a query,
a dot segment, an empty fragment, an odd character) is left to urllib.parse,
imported only then.  tests/test_schema_refs.py holds the two to the same results.
"""

from __future__ import annotations

_NAME = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
_FRAGMENT = _NAME | frozenset("/$~")
_SCHEMES = ("https://", "http://")


def join(base: str, ref: str) -> str:
    """``urljoin(base, ref)``."""
    found = _join(base, ref)
    if found is None:
        from urllib.parse import urljoin

        return urljoin(base, ref)
    return found


def split_fragment(uri: str) -> tuple[str, str]:
    """``urldefrag(uri)``: the document's URI and the fragment (without '#')."""
    document, _, fragment = uri.partition("#")
    if _plain(document) and _is_fragment(fragment):
        return document, fragment
    from urllib.parse import urldefrag

    url, fragment = urldefrag(uri)
    return url, fragment


def _join(base: str, ref: str) -> str | None:
    """The join of a plain base and a plain reference, or None for any other form."""
    base = base.partition("#")[0]
    target, hash_, fragment = ref.partition("#")
    if not _plain(base) or (hash_ and not (fragment and _is_fragment(fragment))):
        return None
    if not target:
        return base + ref if hash_ else None  # '' is urljoin's own case
    if _is_name(target):  # a file beside the base
        return base[: base.rfind("/") + 1] + ref
    return ref if _absolute(target) else None


def _plain(uri: str) -> bool:
    """A bare file name, or an http(s) URL of file-name segments (no query, no dots)."""
    return _is_name(uri) or _absolute(uri)


def _absolute(uri: str) -> bool:
    for scheme in _SCHEMES:
        if uri.startswith(scheme):
            host, slash, path = uri[len(scheme) :].partition("/")
            return bool(slash) and _is_name(host) and all(map(_is_name, path.split("/")))
    return False


def _is_name(text: str) -> bool:
    """A path segment urllib.parse keeps as it is: no '.'/'..', no ':', ';', '?', '%'."""
    return bool(text) and text[0] != "." and _NAME.issuperset(text)


def _is_fragment(text: str) -> bool:
    return _FRAGMENT.issuperset(text)
