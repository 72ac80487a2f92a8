"""Is a text a PowerShell web cmdlet?  Kept apart from its reader (formats/webrequest.py)
so that detecting the format of a cURL command does not import the PowerShell reader."""

from __future__ import annotations

import re

_LOOKS = re.compile(
    r"(?im)^[ \t]*(?:PS [^>\n]*>[ \t]*)?(?:\$\w+[ \t]*=[ \t]*)?(?:&[ \t]*)?"
    r"(?:invoke-webrequest|invoke-restmethod|iwr|irm)\b"
    r"|new-object[ \t]+microsoft\.powershell\.commands\.webrequestsession"
    r"|^[ \t]*curl[ \t]+-(?:uri|method|headers|usebasicparsing)\b"
)


def looks_like_webrequest(text: str) -> bool:
    return _LOOKS.search(text[:200_000]) is not None
