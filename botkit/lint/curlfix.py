"""Fixes in a cURL snippet: which rewrites are right in bash, cmd and PowerShell alike.

A fix rewrites characters the reader says are the value written verbatim (in one
stretch, in one quoting), so nothing else the shell reads changes; and it writes
only text that each of the three shells reads as written there: digits for a phone
number, a media type for a Content-Type (with a blank or ``;`` only where the value
is seen to be inside quotes).  A header curl adds itself (Content-Type for ``-d``)
is overridden by a ``-H "Content-Type: ..."`` put where the data option's word
starts, never inside its quotes.  Where no such rewrite exists, none is offered,
and the finding is not marked fixable.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from botkit.lazy_re import lazy
from botkit.lint.model import Site

if TYPE_CHECKING:
    from botkit.curl.spans import Source
    from botkit.lint.curldoc import CurlDocument

_PHONE_JSON = lazy(r'"\+?[0-9]*"')
#: Text that means the same to bash, cmd and PowerShell inside any quotes (a media type).
_INERT = lazy(r"[A-Za-z0-9][A-Za-z0-9.+/=;_ -]*")
#: ... and outside quotes too: no blank to end the word, no ``;`` to end the command.
_BARE = lazy(r"[A-Za-z0-9.+/=_-]*")


def replacement(doc: CurlDocument, site: Site, value: Any) -> tuple[int, int, str] | None:
    """Offsets ``[start, end)`` of ``doc``'s text and what to write there, or None."""
    if site.path[:1] == ("headers",):
        return _header(doc, site, value)
    if site.path[:2] != ("body", "text") or site.inner is None:
        return None
    nodes = doc.body_nodes
    node = nodes.get(site.inner) if nodes is not None else None
    if node is None or doc.body_text is None:
        return None
    new = json.dumps(value)
    if not _PHONE_JSON().fullmatch(new):
        return None  # only quote-free, shell-inert text is written into a snippet
    old = doc.body_text[node.start : node.end]
    if not old.startswith('"'):
        return None
    whole = doc.body_chars(node.start, node.end)
    if whole is not None and whole[2] and doc.text[whole[0] : whole[1]] == old:
        return whole[0], whole[1], new
    # The quotes may be escaped (\" or ^\^" or `"): rewrite only what is inside.
    inside = doc.body_chars(node.start + 1, node.end - 1)
    if inside is not None and inside[2] and doc.text[inside[0] : inside[1]] == old[1:-1]:
        return inside[0], inside[1], new[1:-1]
    return None


def _header(doc: CurlDocument, site: Site, value: Any) -> tuple[int, int, str] | None:
    """A header's value rewritten where it is written verbatim, or a header curl adds
    itself overridden by a new ``-H`` before the option that makes curl add it."""
    sources = doc.sources
    k = site.path[1] if len(site.path) > 1 else None
    if sources is None or not isinstance(k, int) or k >= len(sources.headers):
        return None
    if not isinstance(value, str) or not _INERT().fullmatch(value):
        return None
    placed = sources.headers[k]
    if placed.implied:
        option = doc.where(placed.option)
        if option is None or placed.option is None or not option[2]:
            return None
        if option[0] != doc.offset_at((placed.option.line, placed.option.column)):
            return None  # the option is quoted ('-d'): a -H put there would be inside
        name = (doc.component or {})["headers"][k]["name"]
        return option[0], option[0], f'-H "{name}: {value}" '
    found = doc.where(placed.value)
    if found is None or not found[2]:
        return None
    if not _BARE().fullmatch(value) and not _quoted(placed.value):
        return None  # maybe outside quotes, where a blank or ; would end the word
    return found[0], found[1], value


def _quoted(source: Source | None) -> bool:
    """Is ``source`` inside one verbatim stretch of its word that holds a blank?  In
    bash, cmd and PowerShell alike a word holds a blank only inside quotes (an escaped
    blank is not verbatim), and a stretch never runs past a quote, so text written
    there may hold blanks and ``;`` too."""
    if source is None or not source.word.pieces:
        return False
    pieces, text = source.word.pieces, source.word.text
    ends = [p[0] for p in pieces[1:]] + [len(text)]
    for (at, _, _, verbatim), stop in zip(pieces, ends, strict=True):
        if at <= source.start and source.stop <= stop:
            return verbatim and " " in text[at:stop]
    return False
