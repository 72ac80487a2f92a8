"""curl's ``-F`` mini-language: ``name=value``, ``name=@file``, ``name=<file`` and ``;attr=``.

What a part becomes is what curl 7.88 sends, checked against it:

- a value may be ``"quoted"`` (``\\"`` and ``\\\\`` unescape; other backslashes stay),
  otherwise it ends at the first ``;``;
- ``;type=`` runs until a ``;`` that starts another known attribute, so
  ``type=text/plain; charset=utf-8`` keeps its parameter; blanks around it go;
- ``;filename=`` may be quoted; ``;headers=`` and ``;encoder=`` have no place in
  a component (reported); anything else curl skips (we say so).
"""

from __future__ import annotations

import re

from botkit.values import Record

_ATTRIBUTE = re.compile(r";[ \t]*(type|filename|headers|encoder)=", re.I)


class FormSpec(Record):
    """One ``-F`` argument taken apart; ``source`` says where the content comes from."""

    _fields = ("name", "source", "content", "filename", "type", "unsupported", "skipped")

    def __init__(
        self,
        name: str,
        source: str,  # "value", "file" (@: the part is a file) or "content" (<: the value is read)
        content: str,
        filename: str | None = None,
        type: str | None = None,
        unsupported: list[str] | None = None,  # attributes a component cannot hold
        skipped: list[str] | None = None,  # text curl ignores
    ) -> None:
        self.name = name
        self.source = source
        self.content = content
        self.filename = filename
        self.type = type
        self.unsupported = unsupported
        self.skipped = skipped


class FormSyntaxError(ValueError):
    pass


def parse_form(spec: str) -> FormSpec:
    """Take a ``-F`` argument apart the way curl does."""
    name, eq, rest = spec.partition("=")
    if not eq:
        raise FormSyntaxError("needs name=content")
    if rest.startswith("@"):
        source, content, rest = "file", *_word(rest[1:], files=True)
    elif rest.startswith("<"):
        source, content, rest = "content", *_word(rest[1:], files=False)
    else:
        source, content, rest = "value", *_word(rest, files=False)
    form = FormSpec(name=name, source=source, content=content)
    _attributes(rest, form)
    return form


def _word(text: str, *, files: bool) -> tuple[str, str]:
    """A possibly quoted word, and the text after it (starting at its ``;``)."""
    if text.startswith('"'):
        out: list[str] = []
        i = 1
        while i < len(text):
            c = text[i]
            if c == "\\" and i + 1 < len(text) and text[i + 1] in '"\\':
                out.append(text[i + 1])
                i += 2
                continue
            if c == '"':
                break
            out.append(c)
            i += 1
        rest = text[i + 1 :]
        semi = rest.find(";")
        return "".join(out), rest[semi:] if semi >= 0 else ""
    stops = ";," if files else ";"
    end = len(text)
    for stop in stops:
        k = text.find(stop)
        if 0 <= k < end:
            end = k
    if files and text[end : end + 1] == ",":
        raise FormSyntaxError("sends several files in one part, which a component cannot hold")
    return text[:end], text[end:]


def _attributes(rest: str, form: FormSpec) -> None:
    while rest:
        m = _ATTRIBUTE.match(rest)
        if m is None:
            nxt = rest.find(";", 1)
            skipped = rest[1:nxt] if nxt > 0 else rest[1:]
            if skipped.strip():
                form.skipped = [*(form.skipped or []), skipped.strip()]
            rest = rest[nxt:] if nxt > 0 else ""
            continue
        key = m.group(1).lower()
        after = rest[m.end() :]
        if key == "type":
            following = _ATTRIBUTE.search(after)
            end = following.start() if following else len(after)
            form.type = after[:end].strip(" \t")
            rest = after[end:]
            continue
        value, rest = _word(after, files=False)
        if key == "filename":
            form.filename = value
        else:
            form.unsupported = [*(form.unsupported or []), key]
