"""curl's argv, read the way curl reads it: which word is an option, which its value,
which a URL.  Each option found is handed to its recorder (record.py).

``--`` ends the options; ``-`` and words not starting with ``-`` are URLs; a long
name may be a unique prefix or ``--no-NAME`` (options.by_long); short letters
glue (``-sSL``) until one takes the rest of the word as its value (``-XPOST``).
"""

from __future__ import annotations

from botkit.curl.options import OptionError, by_long, by_short
from botkit.curl.record import RECORDERS, Recording, Use
from botkit.curl.spans import tail
from botkit.curl.words import Word


def read_argv(args: list[Word], r: Recording) -> None:
    """Record every option of ``args`` (the words after ``curl``) in order."""
    i = 0
    options_end = False
    while i < len(args):
        word = args[i]
        text = word.text
        i += 1
        if options_end or not text.startswith("-") or text == "-":
            r.state.urls.append(word)
        elif text == "--":
            options_end = True
        elif text.startswith("--"):
            try:
                option, negated = by_long(text[2:])
            except OptionError as exc:
                raise r.report.error(str(exc), word) from None
            value = None
            if option.takes_arg:
                value, i = _argument(args, i, word, text, r)
            _record(r, Use(option, text, word, value, on=not negated))
        else:
            i = _short(args, i, word, r)


def _short(args: list[Word], i: int, word: Word, r: Recording) -> int:
    """``-sSL``, ``-XPOST``, ``-H'A: b'``: letters until one takes the rest as its value."""
    letters = word.text[1:]
    for k, letter in enumerate(letters):
        option = by_short(letter)
        spelled = "-" + letter
        if option is None:
            raise r.report.error(f"{spelled} is not a curl option", word)
        if option.takes_arg:
            rest = letters[k + 1 :]
            if rest:
                value = tail(word, k + 2)
            else:
                value, i = _argument(args, i, word, spelled, r)
            _record(r, Use(option, spelled, word, value))
            return i
        _record(r, Use(option, spelled, word, None))
    return i


def _argument(args: list[Word], i: int, word: Word, spelled: str, r: Recording) -> tuple[Word, int]:
    if i >= len(args):
        raise r.report.error(f"{spelled} needs a value, and the command ends here", word)
    return args[i], i + 1


def _record(r: Recording, use: Use) -> None:
    recorder = RECORDERS[use.option.effect]
    recorder(r, use)
