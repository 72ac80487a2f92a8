"""Everything a curl command's options said, before curl's rules make one request of it.

record.py fills a ``CurlState`` option by option, in the order written; build.py
turns it into the ``Request``.  Words are kept where a later rule must point at
the option that caused it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from botkit.curl.spans import Source
from botkit.curl.words import Word
from botkit.request import FormPart
from botkit.values import Record

if TYPE_CHECKING:
    from botkit.curl.record import Use


class Data(Record):
    """One ``-d``/``--data-*``/``--json`` piece, already read and encoded."""

    _fields = ("text", "json", "source")

    def __init__(self, text: str, json: bool, source: Source | None = None) -> None:
        self.text = text
        self.json = json
        #: Where ``text`` is written, when it is the option's value (or standard input) as is.
        self.source = source


class CurlState(Record):
    """What the options said so far; every field starts empty (recorded option by option)."""

    _fields = (
        "urls", "method", "method_word", "headers", "header_sources", "data", "data_word",
        "forms", "form_word", "form_words", "upload", "user", "bearer", "auth_schemes",
        "http_version", "cookies", "user_agent", "referer", "range", "range_word",
        "url_queries", "get", "head", "globoff", "path_as_is", "default_scheme", "proto",
        "no_url_user", "hsts",
    )  # fmt: skip

    def __init__(self) -> None:
        self.urls: list[Word] = []
        self.method: str | None = None
        self.method_word: Word | None = None
        self.headers: list[tuple[Word, str, str | None]] = []  # None: removal
        #: Where each of ``headers`` has its name and value (None: from a file, ``-H @f``).
        self.header_sources: list[tuple[Source, Source] | None] = []
        self.data: list[Data] = []
        self.data_word: Word | None = None
        self.forms: list[FormPart] = []
        self.form_word: Word | None = None
        #: The -F/--form-string value each part of ``forms`` was written in.
        self.form_words: list[Word] = []
        self.upload: tuple[Word, str, str] | None = None  # (option word, file name, content)
        self.user: tuple[Word, str] | None = None
        self.bearer: str | None = None
        # --basic, --digest, ..., --oauth2-bearer, --aws-sigv4 and their --no- forms, in order.
        self.auth_schemes: list[Use] = []
        self.http_version: Use | None = None  # the last --http* option
        self.cookies: list[str] = []
        self.user_agent: tuple[Word, str] | None = None
        self.referer: str | None = None
        self.range: str | None = None
        self.range_word: Word | None = None
        self.url_queries: list[str] = []
        self.get: bool = False
        self.head: Word | None = None
        self.globoff: bool = False
        self.path_as_is: bool = False
        self.default_scheme: str = "http"
        self.proto: Use | None = None  # the last --proto
        self.no_url_user: Word | None = None  # --disallow-username-in-url
        self.hsts: Use | None = None  # the last --hsts
