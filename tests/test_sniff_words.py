"""The word tests that spare a cURL command the format and dialect patterns decide as
the patterns do: on any text, the answer is the one the pattern alone would give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from botkit.curl import dialect
from botkit.formats import sniff

# Pieces of the patterns (in any case), near misses, and characters that fold to ASCII
# letters under re.IGNORECASE (dotless i, long s, Kelvin sign).
_PIECES = [
    "curl", "CURL", "curl.exe", "Curl.Exe", " ^", "^\"", "`", " `", "\r", "\n", " ", "\t",
    "iwr", "IRM", "Invoke-WebRequest", "invoke-restmethod", "-Uri", "-METHOD", "-Headers",
    "-UseBasicParsing", "--url", "--header", "New-Object", " Microsoft.PowerShell.Commands.",
    "WebRequestSession", "$env:", "$ENV:X", "$s = ", "PS C:\\> ", "& ", "'", '"', "x",
    "\u0131wr", "\u017f", "\u212a", "https://api.example/", "-d '{}'",
]  # fmt: skip
texts = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_webrequest_sniffing_answers_as_its_pattern(text: str) -> None:
    expected = sniff._LOOKS().search(text[:200_000]) is not None
    assert sniff.looks_like_webrequest(text) is expected


@settings(max_examples=400, deadline=None)
@given(texts)
def test_dialect_answers_as_its_patterns(text: str) -> None:
    first = dialect._first_line(text)
    ps_start = dialect._PS_START()
    closed = dialect._quotes_closed(first)
    cmd = dialect._CMD_START().match(first) or (
        dialect._CMD_CONTINUATION().search(first) and closed
    )
    powershell = (dialect._PS_CONTINUATION().search(first) and closed) or (
        ps_start.match(text[: dialect._HEAD])
        or any(ps_start.match(line) for line in dialect._heads(text))
    )
    expected = "cmd" if cmd else "powershell" if powershell else "bash"
    assert dialect.detect(text) == expected
