"""The cURL reader (botkit/curl/) as one of the formats: one command, or with
``--all`` every curl command of a shell script."""

from __future__ import annotations

from botkit.curl import CurlRead, read_curl, read_curl_script
from botkit.formats import ReadOptions
from botkit.formats.result import ReadRequest, ReadResult, ReadWarning


def read_curl_text(text: str, source: str, options: ReadOptions) -> ReadResult:
    """The command(s) in ``text``, by the rules of the shell its file's name says
    (``.cmd``, ``.ps1``: as lint reads it), else of the one its text shows."""
    from botkit.curl.dialect import named

    base_dir, strict, dialect = options.base_dir, options.strict, named(source)
    if options.all_commands:
        reads = read_curl_script(
            text, source=source, base_dir=base_dir, strict=strict, dialect=dialect
        )
    else:
        reads = [read_curl(text, source=source, base_dir=base_dir, strict=strict, dialect=dialect)]
    return ReadResult("curl", [request_of(read) for read in reads])


def request_of(read: CurlRead) -> ReadRequest:
    """A cURL read as one of the formats' requests (its warnings at line:column)."""
    return ReadRequest(
        read.request,
        where=f"{read.line}:{read.column}",
        warnings=[ReadWarning(f"{w.line}:{w.column}", w.option, w.message) for w in read.warnings],
    )
