"""Everything a curl command's options said, before curl's rules make one request of it.

record.py fills a ``CurlState`` option by option, in the order written; build.py
turns it into the ``Request``.  Words are kept where a later rule must point at
the option that caused it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from botkit.curl.spans import Source
from botkit.curl.words import Word
from botkit.request import FormPart

if TYPE_CHECKING:
    from botkit.curl.record import Use


@dataclass
class Data:
    """One ``-d``/``--data-*``/``--json`` piece, already read and encoded."""

    text: str
    json: bool
    #: Where ``text`` is written, when it is the option's value (or standard input) as is.
    source: Source | None = None


@dataclass
class CurlState:
    urls: list[Word] = field(default_factory=list)
    method: str | None = None
    method_word: Word | None = None
    headers: list[tuple[Word, str, str | None]] = field(default_factory=list)  # None: removal
    #: Where each of ``headers`` has its name and value (None: from a file, ``-H @f``).
    header_sources: list[tuple[Source, Source] | None] = field(default_factory=list)
    data: list[Data] = field(default_factory=list)
    data_word: Word | None = None
    forms: list[FormPart] = field(default_factory=list)
    form_word: Word | None = None
    #: The -F/--form-string value each part of ``forms`` was written in.
    form_words: list[Word] = field(default_factory=list)
    upload: tuple[Word, str, str] | None = None  # (option word, file name, content)
    user: tuple[Word, str] | None = None
    bearer: str | None = None
    # --basic, --digest, ..., --oauth2-bearer, --aws-sigv4 and their --no- forms, in order.
    auth_schemes: list[Use] = field(default_factory=list)
    http_version: Use | None = None  # the last --http* option
    cookies: list[str] = field(default_factory=list)
    user_agent: tuple[Word, str] | None = None
    referer: str | None = None
    range: str | None = None
    range_word: Word | None = None
    url_queries: list[str] = field(default_factory=list)
    get: bool = False
    head: Word | None = None
    globoff: bool = False
    path_as_is: bool = False
    default_scheme: str = "http"
    proto: Use | None = None  # the last --proto
    no_url_user: Word | None = None  # --disallow-username-in-url
    hsts: Use | None = None  # the last --hsts
