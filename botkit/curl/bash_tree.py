"""Bash text parsed with bash's own grammar, and the commands found in its tree.

tree-sitter-bash finds the structure (where commands, words, redirections and
here-documents start and end, and where the text does not parse); ``expand``
then turns each word's raw text into what the program receives.  ``ParsedBash``
finds the simple commands of a statement (through lists, pipelines and
redirections: ``| jq`` after curl only reads its output), tells curl from the
others, and gives a command's argv and its assignments' values.  What to make of
the statements (one command, or a script) is bash_modes.py's job; standard input
is bash_redirects.py's; naming what is wrong with a text is bash_diagnosis.py's.
"""

from __future__ import annotations

import codecs
from functools import cache
from typing import TYPE_CHECKING, Any

from botkit.curl.bash_redirects import REDIRECTS
from botkit.curl.expand import Expander
from botkit.curl.words import Locator, Word
from botkit.errors import InputError

if TYPE_CHECKING:
    from tree_sitter import Node, Parser

CURL_NAMES = ("curl", "curl.exe")
_WRAPPERS = ("sudo", "command", "exec", "noglob")


@cache
def _parser() -> Parser:
    """The tree-sitter parser for bash, built once per process (about 30 ms)."""
    from tree_sitter import Language, Parser

    return Parser(Language(_bash_grammar()))


def _bash_grammar() -> Any:
    """tree-sitter-bash's grammar (a capsule), from its compiled binding alone.

    The package's ``__init__`` imports importlib.resources (and with it tempfile,
    random, shutil, bz2 and lzma: about 5 ms) only to read highlight queries botkit
    does not use, so the binding module is loaded by itself; a package laid out
    otherwise is imported as usual.
    """
    import sys

    module = sys.modules.get(_BINDING) or _load_binding()
    if module is None:
        from tree_sitter_bash import language

        return language()
    return module.language()


_BINDING = "tree_sitter_bash._binding"


def _load_binding() -> Any:
    """The compiled ``tree_sitter_bash._binding`` module, loaded from its file; None if
    it is not where the package normally keeps it (on ``sys.path``).

    Only ``importlib.machinery``, which the interpreter has loaded already: the finder
    and loader themselves, not ``importlib.util`` (with ``importlib._abc``, 0.2 ms)."""
    import sys
    from importlib.machinery import ExtensionFileLoader, PathFinder

    package = PathFinder.find_spec("tree_sitter_bash")
    folders = package.submodule_search_locations or [] if package else []
    spec = PathFinder.find_spec(_BINDING, list(folders)) if folders else None
    if spec is None or not isinstance(spec.loader, ExtensionFileLoader):
        return None
    module = spec.loader.create_module(spec)
    # What importlib.util.module_from_spec would set, for anything that looks later.
    module.__spec__, module.__loader__, module.__file__ = spec, spec.loader, spec.origin
    module.__package__ = spec.parent
    spec.loader.exec_module(module)
    sys.modules[_BINDING] = module
    return module


def _ascii_mask(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeEncodeError)
    return "a" * (error.end - error.start), error.end


codecs.register_error("botkit-ascii-mask", _ascii_mask)


def structure_bytes(text: str) -> bytes:
    """What tree-sitter gets: the same structure, in text its grammar cannot trip over.

    Every non-ASCII character becomes an ASCII letter: bash gives none of them a
    meaning of its own (blanks and operators are all ASCII), tree-sitter-bash 0.25
    crashes the process on some (``{`` then a 4-byte character), and byte offsets
    become character offsets.  Every ``\\\\`` pair becomes two letters: wherever
    bash reads escapes it is one literal backslash (and in single quotes two), while
    tree-sitter-bash ends ``$'a\\\\'`` in the wrong place.  Same length, same
    structure; the words themselves are always read from the original text.
    """
    return text.replace("\\\\", "aa").encode("ascii", "botkit-ascii-mask")


class ParsedBash:
    """Bash text and the tree-sitter tree of ``text[start:stop]`` (all of it by default).

    ``start()`` and ``end()`` turn the tree's offsets into offsets of ``text``.
    """

    def __init__(
        self,
        text: str,
        source: str,
        *,
        structure: bytes | None = None,
        locator: Locator | None = None,
        start: int = 0,
        stop: int | None = None,
    ) -> None:
        self.text = text
        self.source = source
        self.base = start
        if structure is None:
            structure = structure_bytes(text)
        if start or stop is not None:
            structure = structure[start:stop]
        self.tree = _parser().parse(structure)
        self.locator = locator if locator is not None else Locator(text, source)
        #: The command piped into a curl command, by the curl command's start offset
        #: (``printf %s '...' | curl ... --data-binary @-``, as botkit exports a long body).
        self.feeders: dict[int, Node] = {}
        #: What each ``@<(printf ...)`` prints, by the file name its word reads.
        self.printed_files: dict[str, str] = {}

    def start(self, node: Node) -> int:
        return node.start_byte + self.base  # the parsed text is ASCII: bytes are characters

    def end(self, node: Node) -> int:
        return node.end_byte + self.base

    def feeder(self, command: Node) -> Node | None:
        """The command whose output is piped into ``command``, if any."""
        return self.feeders.get(self.start(command))

    def error(self, message: str, node: Node | int) -> InputError:
        offset = node if isinstance(node, int) else self.start(node)
        return self.locator.error(message, offset)

    # --- the whole text ----------------------------------------------------------------

    def collect(
        self,
        node: Node,
        found: list[tuple[Node, list[Node], bool]],
        others: list[Node],
    ) -> None:
        """Find simple commands in one statement, without recursion (deep lists stay cheap)."""
        stack: list[tuple[Node, list[Node], bool]] = [(node, [], False)]
        while stack:
            current, redirects, piped = stack.pop()
            kind = current.type
            if kind == "command":
                if self._is_curl(current):
                    own = [c for c in current.children if c.type in REDIRECTS]
                    found.append((current, redirects + own, piped))
                else:
                    others.append(current)
            elif kind == "redirected_statement":
                body = current.child_by_field_name("body")
                extra = [c for c in current.children if c.type in REDIRECTS]
                if body is not None:
                    stack.append((body, redirects + extra, piped))
            elif kind == "pipeline":
                self._pipeline(current, found, others, stack)
            elif kind in ("list", "negated_command"):
                stack.extend((c, [], False) for c in reversed(current.named_children))
            elif kind == "comment":
                continue
            elif self._contains_curl(current):
                raise self.error(
                    f"curl inside a shell {kind.replace('_', ' ')}: botkit reads a plain "
                    "curl command, not a script",
                    current,
                )
            else:
                others.append(current)

    def _pipeline(self, node: Node, found: list, others: list, stack: list) -> None:
        """``curl ... | jq`` is one request; what follows curl only reads its output."""
        parts = [c for c in node.named_children if c.type != "comment"]
        curl_at = next((k for k, p in enumerate(parts) if self._contains_curl(p)), None)
        if curl_at is None:
            others.append(node)
            return
        if any(self._runs_a_shell(p) for p in parts[curl_at + 1 :]):
            return  # curl ... | sh downloads a script to run: not an API call
        if curl_at > 0:
            self.feeders[self.start(parts[curl_at])] = parts[curl_at - 1]
        stack.append((parts[curl_at], [], curl_at > 0))

    def _runs_a_shell(self, node: Node) -> bool:
        """Is ``node`` a command that runs its input as a program (``sh``, ``sudo bash``)?"""
        if node.type != "command":
            return False
        words = [c for c in node.named_children if c.type not in REDIRECTS][:3]
        names = [self.text[self.start(w) : self.end(w)].rsplit("/", 1)[-1] for w in words]
        while names and names[0] in ("sudo", "env", "exec", "command"):
            names = names[1:]
        return bool(names) and names[0] in _SHELLS

    def _contains_curl(self, node: Node) -> bool:
        stack = [node]
        while stack:
            current = stack.pop()
            if current.type == "command" and self._is_curl(current):
                return True
            stack.extend(current.named_children)
        return False

    def _is_curl(self, command: Node) -> bool:
        names = self._program_words(command)
        return bool(names) and _is_curl_name(names[0])

    def _program_words(self, command: Node) -> list[str]:
        """The program name, skipping wrappers like ``sudo``; raw text, good enough to decide."""
        name = command.child_by_field_name("name")
        if name is None:
            return []
        words = [self.text[self.start(name) : self.end(name)].strip("'\"")]
        if words[0] in _WRAPPERS:
            args = self._argument_nodes(command)
            if args:
                words = [self.text[self.start(args[0]) : self.end(args[0])].strip("'\"")]
        return words

    def _argument_nodes(self, command: Node) -> list[Node]:
        return [
            c
            for c in command.children
            if c.is_named
            and c.type not in ("command_name", "variable_assignment", "comment", *REDIRECTS)
        ]

    # --- the curl command ----------------------------------------------------------------

    def words(self, command: Node, expander: Expander) -> list[Word]:
        """The argv, word by word.

        tree-sitter says where the command's arguments are (and which children are
        redirections, not arguments); within each stretch of arguments we split at
        unquoted blanks ourselves, as bash does: tree-sitter's word nodes sometimes
        hold a blank (``{ {``), skip an escaped one (``\\ ``), or split what bash reads
        as one word (``'a'\\<newline>b``).
        """
        words: list[Word] = []
        stretch = -1
        stretch_end = -1
        children = command.children
        for k, child in enumerate(children):
            if child.type in ("variable_assignment", "comment", *REDIRECTS):
                if stretch >= 0:
                    words.extend(self._split(expander, stretch, stretch_end))
                stretch = -1
                continue
            file = self._printed_file(children, k, expander)
            if file is not None:  # @<(printf ...): a file holding what printf prints
                at = self.start(children[k - 1])
                if stretch >= 0 and stretch < at:
                    words.extend(self._split(expander, stretch, at))
                words.append(self.locator.word("@" + file, at))
                stretch = -1
                continue
            if k + 1 < len(children) and self._printed_file(children, k + 1, expander, peek=True):
                continue  # the '@' of a @<(printf ...) that follows
            stretch = self.start(child) if stretch < 0 else stretch
            stretch_end = self.end(child)
        if stretch >= 0:
            words.extend(self._split(expander, stretch, stretch_end))
        while len(words) > 1 and words[0].text in _WRAPPERS:
            words.pop(0)
        return words

    def _printed_file(
        self, children: list[Node], k: int, expander: Expander, *, peek: bool = False
    ) -> str | None:
        """``@<(printf ...)``, as botkit exports many headers: when ``children[k]`` is a
        process substitution right after an ``@``, running a printf of literal words,
        the name of a file that holds its output (registered in ``printed_files``)."""
        from botkit.curl.bash_redirects import printf_output

        child = children[k]
        if child.type != "process_substitution" or k == 0:
            return None
        before = children[k - 1]
        if before.type != "word" or self.text[self.start(before) : self.end(before)] != "@":
            return None
        if self.end(before) != self.start(child) or not self.text.startswith(
            "<(", self.start(child)
        ):
            return None
        inner = [c for c in child.named_children if c.type != "comment"]
        if len(inner) != 1:
            return None
        printed = printf_output(self, inner[0], expander)
        if printed is None:
            return None
        name = f"/dev/fd/{63 + len(self.printed_files)}"
        if peek:
            return name
        self.printed_files[name] = printed
        return name

    def _split(self, expander: Expander, start: int, end: int) -> list[Word]:
        return [
            self.locator.word(text, at, pieces) for text, at, pieces in expander.words(start, end)
        ]

    # --- everything around it ------------------------------------------------------------

    def assign(self, node: Node, expander: Expander) -> None:
        stack = [node]
        while stack:
            current = stack.pop()
            if current.type == "variable_assignment":
                name_node = current.child_by_field_name("name")
                value = current.child_by_field_name("value")
                if name_node is None:
                    continue
                name = self.text[self.start(name_node) : self.end(name_node)]
                try:
                    text = expander.word(self.start(value), self.end(value)) if value else ""
                except InputError:  # VERSION=$(curl ...): a value only running the script gives
                    expander.variables.pop(name, None)
                    continue
                expander.variables[name] = text
            else:
                stack.extend(reversed(current.named_children))


_SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh", "fish", "python", "python3", "perl"})


def _is_curl_name(raw: str) -> bool:
    return raw.rsplit("/", 1)[-1].rsplit("\\", 1)[-1].lower() in CURL_NAMES
