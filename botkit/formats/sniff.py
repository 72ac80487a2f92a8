"""Is a text a PowerShell web cmdlet?  Kept apart from its reader (formats/webrequest.py)
so that detecting the format of a cURL command does not import the PowerShell reader."""

from __future__ import annotations

from botkit.lazy_re import lazy

_LOOKS = lazy(
    r"(?im)^[ \t]*(?:PS [^>\n]*>[ \t]*)?(?:\$\w+[ \t]*=[ \t]*)?(?:&[ \t]*)?"
    r"(?:invoke-webrequest|invoke-restmethod|iwr|irm)\b"
    r"|new-object[ \t]+microsoft\.powershell\.commands\.webrequestsession"
    r"|^[ \t]*curl[ \t]+-(?:uri|method|headers|usebasicparsing)\b"
)


#: Words ``_LOOKS`` cannot match without (in lower case): one of the cmdlet names or the
#: session type, or curl (PowerShell's alias) and one of the parameters it takes.
_CMDLETS = ("invoke-webrequest", "invoke-restmethod", "iwr", "irm", "webrequestsession")
_ALIAS_PARAMETERS = ("-uri", "-method", "-headers", "-usebasicparsing")


def looks_like_webrequest(text: str) -> bool:
    head = text[:200_000]
    if head.isascii():  # then lower() folds case as the pattern does: a word test decides
        lowered = head.lower()
        if not any(w in lowered for w in _CMDLETS) and not (
            "curl" in lowered and any(p in lowered for p in _ALIAS_PARAMETERS)
        ):
            return False  # a cURL command, without compiling the pattern (about 0.3 ms)
    return _LOOKS().search(head) is not None
