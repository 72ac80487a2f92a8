"""Bash text -> the argv of its one curl command, with positions, using bash's own grammar.

tree-sitter-bash finds the structure (where commands, words, redirections and
here-documents start and end, and where the text does not parse); ``expand``
then turns each word's raw text into what the program receives.  Around the
curl command we accept what people paste with it: comments, variable
assignments (``TOKEN=...`` then ``$TOKEN``), a leading ``$ `` prompt (and the
output that follows it), ``| jq`` after curl, and output redirections.
Anything else is a second command, and an error.
"""

from __future__ import annotations

import codecs
import re
from functools import cache
from typing import TYPE_CHECKING, Any

from botkit.curl.expand import Expander
from botkit.curl.words import Locator, ShellCommand, Stdin, Word
from botkit.errors import InputError

if TYPE_CHECKING:
    from tree_sitter import Node, Parser

CURL_NAMES = ("curl", "curl.exe")
_WRAPPERS = ("sudo", "command", "exec", "noglob")
_BACKSLASH_BLANKS = re.compile(r"(?<!\\)\\[ \t]+$", re.M)
_PROMPT = re.compile(r"[ \t]*([$%])[ \t]+(?=\S)")
_REDIRECTS = ("file_redirect", "heredoc_redirect", "herestring_redirect")
_PROMPT_LINES = 500  # how far to look for the end of a prompted command


@cache
def _parser() -> Parser:
    """The tree-sitter parser for bash, built once per process (about 30 ms)."""
    from tree_sitter import Language, Parser
    from tree_sitter_bash import language

    return Parser(Language(language()))


def _ascii_mask(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeEncodeError)
    return "a" * (error.end - error.start), error.end


codecs.register_error("botkit-ascii-mask", _ascii_mask)


def _structure_bytes(text: str) -> bytes:
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


def read_bash(text: str, source: str) -> ShellCommand:
    """The one curl command in bash ``text``; InputError (with line:column) otherwise."""
    text = _normalize_newlines(text)
    text = _drop_final_continuation(text)
    text, prompted = _strip_prompt(text)
    reader = _Reader(text, source)
    if prompted:
        reader = reader.only_first_statement()
    return reader.command()


def read_bash_script(text: str, source: str) -> list[ShellCommand]:
    """Every curl command of a bash script, in order, each with the variables set before it.

    Other commands (``set -e``, ``echo``...) run nothing botkit needs and are passed over.
    """
    text = _drop_final_continuation(_normalize_newlines(text))
    return _Reader(text, source).commands()


def _normalize_newlines(text: str) -> str:
    """A file saved with Windows line ends is read as if it had Unix ones."""
    if "\r\n" in text and text.count("\r\n") == text.count("\n"):
        return text.replace("\r\n", "\n")
    return text


def _drop_final_continuation(text: str) -> str:
    """``curl x \\`` at the very end: bash -c reads the continuation as the end, so do we."""
    stripped = text.rstrip()
    backslashes = len(stripped) - len(stripped.rstrip("\\"))
    if backslashes % 2 == 1 and _BACKSLASH_BLANKS.search(text) is None:
        return stripped[:-1] + "\n"
    return text


def _strip_prompt(text: str) -> tuple[str, bool]:
    """Blank a terminal prompt (``$ `` or ``% ``) before the first command, and the ``> ``
    continuation prompts bash shows after a line that ends with ``\\``; positions stay."""
    lines = text.split("\n")
    first = next((k for k, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return text, False
    m = _PROMPT.match(lines[first])
    if m is None:
        return text, False
    line = lines[first]
    lines[first] = line[: m.start(1)] + " " + line[m.end(1) :]
    k = first
    while lines[k].endswith("\\") and k + 1 < len(lines) and lines[k + 1].startswith("> "):
        lines[k + 1] = "  " + lines[k + 1][2:]
        k += 1
    return "\n".join(lines), True


class _Reader:
    def __init__(self, text: str, source: str) -> None:
        self.text = text
        self.source = source
        self.tree = _parser().parse(_structure_bytes(text))
        self.locator = Locator(text, source)

    def start(self, node: Node) -> int:
        return node.start_byte  # the parsed text is ASCII: bytes are characters

    def end(self, node: Node) -> int:
        return node.end_byte

    def error(self, message: str, node: Node | int) -> InputError:
        offset = node if isinstance(node, int) else self.start(node)
        return self.locator.error(message, offset)

    def only_first_statement(self) -> _Reader:
        """After a prompt, the command ends where its statement ends; the rest is output.

        The output may not even parse (``{"a": "it's"}``), so when the whole text has
        errors we cut it after the first line that closes a complete command.
        """
        root = self.tree.root_node
        statements = [c for c in root.named_children if c.type != "comment"]
        if not root.has_error:
            if len(statements) < 2:
                return self
            line_end = self.text.find("\n", self.end(statements[0]))
            return _Reader(self.text[: line_end + 1], self.source) if line_end >= 0 else self
        lines = self.text.split("\n")
        cut = 0
        for line in lines[:_PROMPT_LINES]:
            cut += len(line) + 1
            if line.endswith("\\") or not line.strip():
                continue
            candidate = _Reader(self.text[:cut], self.source)
            if not candidate.tree.root_node.has_error:
                return candidate
        return self

    # --- the whole text ----------------------------------------------------------------

    def command(self) -> ShellCommand:
        root = self.tree.root_node
        if root.has_error:
            raise self._syntax_error(root)
        notes: list[Any] = []
        variables: dict[str, str] = {}
        expander = Expander(self.text, self.locator, variables, notes)
        found: list[tuple[Node, list[Node], bool]] = []  # (command, redirects, piped into)
        others: list[Node] = []
        for child in root.children:
            kind = child.type
            if kind in ("comment", ";", "\n", "&", ";;"):
                if kind == "&":
                    self._check_ampersand(child)
                continue
            if kind in ("variable_assignment", "variable_assignments", "declaration_command"):
                if not found:
                    self._assign(child, expander)
                continue
            self._collect(child, found, others)
        if not found:
            raise self._no_curl(others)
        if len(found) > 1:
            raise self.error(
                "a second curl command: botkit reads one command at a time", found[1][0]
            )
        if others:
            raise self._second_command(others[0])
        node, redirects, piped = found[0]
        words = self._words(node, expander)
        stdin = self._stdin(redirects, expander, piped)
        return ShellCommand(words=words, stdin=stdin, notes=notes, dialect="bash")

    def commands(self) -> list[ShellCommand]:
        """Script mode: each curl command in turn; other commands are not errors."""
        root = self.tree.root_node
        if root.has_error:
            raise self._syntax_error(root)
        variables: dict[str, str] = {}
        commands: list[ShellCommand] = []
        for child in root.children:
            kind = child.type
            if kind in ("comment", ";", "\n", "&", ";;"):
                continue
            if kind in ("variable_assignment", "variable_assignments", "declaration_command"):
                self._assign(child, Expander(self.text, self.locator, variables, []))
                continue
            found: list[tuple[Node, list[Node], bool]] = []
            others: list[Node] = []
            self._collect(child, found, others)
            for other in others:
                if self.text.startswith("-", self.start(other)):
                    raise self._second_command(other)  # a broken continuation, not a command
            for node, redirects, piped in found:
                notes: list[Any] = []
                expander = Expander(self.text, self.locator, variables, notes)
                words = self._words(node, expander)
                stdin = self._stdin(redirects, expander, piped)
                commands.append(ShellCommand(words=words, stdin=stdin, notes=notes, dialect="bash"))
        if not commands:
            raise self._no_curl([])
        return commands

    def _collect(
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
                    own = [c for c in current.children if c.type in _REDIRECTS]
                    found.append((current, redirects + own, piped))
                else:
                    others.append(current)
            elif kind == "redirected_statement":
                body = current.child_by_field_name("body")
                extra = [c for c in current.children if c.type in _REDIRECTS]
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
        stack.append((parts[curl_at], [], curl_at > 0))

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
            and c.type not in ("command_name", "variable_assignment", "comment", *_REDIRECTS)
        ]

    # --- the curl command ----------------------------------------------------------------

    def _words(self, command: Node, expander: Expander) -> list[Word]:
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
        for child in command.children:
            if child.type in ("variable_assignment", "comment", *_REDIRECTS):
                if stretch >= 0:
                    words.extend(self._split(expander, stretch, stretch_end))
                stretch = -1
                continue
            stretch = self.start(child) if stretch < 0 else stretch
            stretch_end = self.end(child)
        if stretch >= 0:
            words.extend(self._split(expander, stretch, stretch_end))
        while len(words) > 1 and words[0].text in _WRAPPERS:
            words.pop(0)
        return words

    def _split(self, expander: Expander, start: int, end: int) -> list[Word]:
        return [self.locator.word(text, at) for text, at in expander.words(start, end)]

    def _stdin(self, redirects: list[Node], expander: Expander, piped: bool) -> Stdin | None:
        stdin: Stdin | None = None
        if piped:
            stdin = Stdin("pipe", "", 0, 0)
        for node in redirects:
            if node.type == "heredoc_redirect":
                stdin = self._heredoc(node, expander)
            elif node.type == "herestring_redirect":
                value = node.named_children[-1]
                text = expander.word(self.start(value), self.end(value)) + "\n"
                stdin = Stdin("text", text, *self.locator.at(self.start(node)))
            elif node.type == "file_redirect" and self._redirect_operator(node) in ("<", "0<"):
                target = node.child_by_field_name("destination") or node.named_children[-1]
                name = expander.word(self.start(target), self.end(target))
                stdin = Stdin("file", name, *self.locator.at(self.start(target)))
        return stdin

    def _redirect_operator(self, node: Node) -> str:
        ops = [c.type for c in node.children if not c.is_named]
        descriptor = node.child_by_field_name("descriptor")
        prefix = self.text[self.start(descriptor) : self.end(descriptor)] if descriptor else ""
        return prefix + (ops[0] if ops else "")

    def _heredoc(self, node: Node, expander: Expander) -> Stdin:
        start_node = next((c for c in node.children if c.type == "heredoc_start"), None)
        end_node = next((c for c in node.children if c.type == "heredoc_end"), None)
        body_node = next((c for c in node.children if c.type == "heredoc_body"), None)
        line, column = self.locator.at(self.start(node))
        if start_node is None or end_node is None or end_node.is_missing:
            raise self.error("this here-document never reaches its end line", node)
        raw_delimiter = self.text[self.start(start_node) : self.end(start_node)]
        quoted = any(q in raw_delimiter for q in "'\"\\")
        strip_tabs = any(c.type == "<<-" for c in node.children)
        end_line = self.start(end_node)
        end_line = self.text.rfind("\n", 0, end_line) + 1
        if body_node is None:
            return Stdin("text", "", line, column)
        body_start = self.text.rfind("\n", 0, self.start(body_node)) + 1
        raw = self.text[body_start:end_line]
        if strip_tabs:
            raw = "".join(part.lstrip("\t") for part in raw.splitlines(keepends=True))
        if quoted:
            return Stdin("text", raw, line, column)
        if strip_tabs:
            sub = Expander(
                raw, self.locator, expander.variables, expander.notes, lambda i: body_start
            )
            return Stdin("text", sub.heredoc(0, len(raw)), line, column)
        return Stdin("text", expander.heredoc(body_start, end_line), line, column)

    # --- everything around it ------------------------------------------------------------

    def _assign(self, node: Node, expander: Expander) -> None:
        stack = [node]
        while stack:
            current = stack.pop()
            if current.type == "variable_assignment":
                name_node = current.child_by_field_name("name")
                value = current.child_by_field_name("value")
                if name_node is None:
                    continue
                name = self.text[self.start(name_node) : self.end(name_node)]
                text = expander.word(self.start(value), self.end(value)) if value else ""
                expander.variables[name] = text
            else:
                stack.extend(reversed(current.named_children))

    def _check_ampersand(self, node: Node) -> None:
        """``curl http://x?a=1&b=2`` unquoted: bash cuts the URL at ``&``; say so plainly."""
        at = self.start(node)
        before = self.text[at - 1] if at > 0 else " "
        after = self.text[at + 1] if at + 1 < len(self.text) else " "
        if not before.isspace() and not after.isspace() and after != "&":
            raise self.error(
                "an unquoted & ends the command here (bash runs it in the background); "
                "put the URL in single quotes",
                at,
            )

    def _second_command(self, node: Node) -> InputError:
        at = self.start(node)
        if self.text.startswith("-", at):
            previous = self.text[: self.text.rfind("\n", 0, at)].split("\n")[-1]
            hint = (
                "the line before ends with '\\' and then spaces, so the backslash escapes a "
                "space instead of continuing the line"
                if previous.rstrip(" \t").endswith("\\") and previous != previous.rstrip()
                else "the line before does not end with a '\\' continuation"
            )
            return self.error(f"this line is not part of the curl command: {hint}", at)
        return self.error(
            "a second command next to curl: botkit reads a single curl command "
            "(comments, VAR=value lines and '| jq' after curl are fine)",
            at,
        )

    def _no_curl(self, others: list[Node]) -> InputError:
        if not others:
            return InputError("no curl command found in the text", source=self.source)
        first = others[0]
        name = first.child_by_field_name("name") if first.type == "command" else None
        shown = self.text[self.start(name) : self.end(name)] if name else first.type
        if len(shown) > 40:
            shown = shown[:37] + "..."
        return self.error(f"no curl command found (the text runs {shown!r})", first)

    def _syntax_error(self, root: Node) -> InputError:
        node = _first_error(root)
        at = self.start(node)
        if node.is_missing and node.type == "heredoc_end":
            redirect = node.parent if node.parent is not None else node
            return self.error("this here-document never reaches its end line", redirect)
        if node.is_missing:
            parent = node.parent
            opened = self.start(parent) if parent is not None else at
            what = {'"': 'double quote (")', "'": "single quote (')"}.get(node.type, node.type)
            return self.error(f"unclosed {what}: the text ends before it is closed", opened)
        dangling = _BACKSLASH_BLANKS.search(self.text)
        if dangling is not None:
            return self.error(
                "this line ends with '\\' and then spaces: the backslash escapes a space "
                "instead of continuing the line; delete the spaces after it",
                dangling.start(),
            )
        snippet = self.text[at : at + 2]
        if snippet.startswith("'"):
            return self.error("unclosed single quote (') that starts here", at)
        if snippet.startswith('"'):
            return self.error('unclosed double quote (") that starts here', at)
        if snippet == "$'":
            return self.error("unclosed $'...' string that starts here", at)
        trouble = _first_trouble(self.text)
        if trouble is not None:
            message, where = trouble
            return self.error(message, where)
        shown = self.text[at : at + 20].split("\n")[0]
        return self.error(f"bash cannot parse the text here ({shown!r})", at)


def _is_curl_name(raw: str) -> bool:
    return raw.rsplit("/", 1)[-1].rsplit("\\", 1)[-1].lower() in CURL_NAMES


def _first_error(root: Node) -> Node:
    """The first ERROR or MISSING node in document order."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            return node
        stack.extend(c for c in reversed(node.children) if c.has_error or c.is_missing)
    return root


def _first_trouble(text: str) -> tuple[str, int] | None:
    """A cheap scan for what most often breaks a paste (a quote left open, a command
    substitution), to name it when the grammar only says "error"."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\\":
            i += 2
        elif c == "#" and (i == 0 or text[i - 1] in " \t\n"):
            nl = text.find("\n", i)
            i = n if nl < 0 else nl
        elif c == "'":
            close = text.find("'", i + 1)
            if close < 0:
                return "unclosed single quote (') that starts here", i
            i = close + 1
        elif text.startswith("$(", i) or c == "`":
            return "a command substitution runs a command, and botkit does not run anything", i
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                if text.startswith("$(", j) or text[j] == "`":
                    return (
                        "a command substitution runs a command, and botkit does not run anything",
                        j,
                    )
                j += 2 if text[j] == "\\" else 1
            if j >= n:
                return 'unclosed double quote (") that starts here', i
            i = j + 1
        else:
            i += 1
    return None
