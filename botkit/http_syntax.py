"""HTTP's grammar for the pieces botkit checks, in one place (RFC 9110, sections 5.6.2 and 8.3.1).

A *token* is what a method, a header name or a media type's parts are made of;
the importer and lint both test against these, so they agree on what HTTP allows.
"""

from __future__ import annotations

from botkit.lazy_re import lazy

# tchar: any visible ASCII character except delimiters
TCHAR = r"[!#$%&'*+.^_`|~0-9A-Za-z-]"
_TCHARS = frozenset("!#$%&'*+.^_`|~-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def is_token(text: str) -> bool:
    """``text`` is an HTTP token (one or more tchar): a method or a header name."""
    return bool(text) and _TCHARS.issuperset(text)


# type/subtype, then parameters (token=token or token="quoted"): HTTP's rule. The component
# schema's $defs/mediaType is stricter still (what curl's -F can carry), and is checked apart.
MEDIA_TYPE = lazy(  # only a multipart part with a type needs it
    f"{TCHAR}+/{TCHAR}+"
    rf'(?:[ \t]*;[ \t]*{TCHAR}+=(?:{TCHAR}+|"[^"\\\r\n]*"))*'
)
