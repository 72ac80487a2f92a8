"""A bot's variables: where each is declared, set and used, and what may be unset where.

The three data-flow rules (BK601-BK603) ask the same questions of one bot, so
the bot is read once (``analyse``, remembered for the bot being linted).  Where a
variable may be used before it is set is a forward "definitely set" analysis
over the step graph, with the sets as bit masks: each step's set only shrinks,
so the work is about (steps + connections) x (names set), never one walk per
path.  A path that shows the problem is found only for a finding, by one
breadth-first search.

Over 350 lines because reading a bot (which strings of which component a variable can
be written in, and the step graph) and the analysis over what was read are one model,
``BotVariables``, that the three rules share: split, each half would import the
other's private shapes.
"""

from collections import deque
from collections.abc import Iterable, Iterator
from functools import cache, cached_property
from typing import Any

from botkit import variables
from botkit.lint.model import Site
from botkit.named_tuples import NamedTuple

# Keys whose strings are names or ids, not text a variable could be written in.
_NOT_TEXT = frozenset(("type", "variable", "id", "next", "on_error", "option", "api", "input"))


class Use(NamedTuple):
    """One ``{{name}}``: the string it is in (JSON path), its span there, its step."""

    name: str
    path: tuple
    start: int
    end: int
    step: int
    #: Evaluated after the step did its work (a branch's ``when``).
    after: bool = False

    @property
    def site(self) -> Site:
        return Site(self.path, chars=(self.start, self.end))


class Definition(NamedTuple):
    """Where a variable gets its value: an input's key in ``variables``, or a step."""

    name: str
    path: tuple
    #: The step that sets it, or -1 for an input declared in ``variables``.
    step: int
    kind: str  # input, question, set_variable, save

    @property
    def site(self) -> Site:
        return Site(self.path, key=self.kind == "input")


class BotVariables:
    """What a bot defines and uses, step by step, and how its steps connect."""

    def __init__(self) -> None:
        self.inputs: list[Definition] = []
        self.sets: list[Definition] = []
        self.uses: list[Use] = []
        self.step_ids: list[str] = []
        #: For each step: (target step index, carries the step's saves) per connection.
        self.edges: list[list[tuple[int, bool]]] = []
        self.start = -1

    # Names as sets, so each question costs the depth of a dotted name, not a scan.
    @cached_property
    def _input_names(self) -> frozenset[str]:
        return frozenset(d.name for d in self.inputs) | catalog_credentials()

    @cached_property
    def _defined_names(self) -> frozenset[str]:
        return self._input_names | {d.name for d in self.sets}

    @cached_property
    def _used_prefixes(self) -> frozenset[str]:
        return frozenset(p for u in self.uses for p in _prefixes(u.name))

    def defined(self, name: str) -> bool:
        """Declared, set by some step, or a catalog credential (a bot secret)."""
        names = self._defined_names
        return name in names or any(p in names for p in _prefixes(name))

    def is_input(self, name: str) -> bool:
        names = self._input_names
        return name in names or any(p in names for p in _prefixes(name))

    def names_in_scope(self) -> list[str]:
        return sorted(self._defined_names)

    def used(self, name: str) -> bool:
        """Does a use read ``name``: the name itself, a part of it, or all of it?"""
        if name in self._used_prefixes:  # {{name}} or {{name.part}}
            return True
        names = self._used_names
        return any(p in names for p in _prefixes(name))  # {{whole}} reads whole.name

    @cached_property
    def _used_names(self) -> frozenset[str]:
        return frozenset(u.name for u in self.uses)

    # --- definitely set ---------------------------------------------------------------------

    def maybe_unset(self) -> Iterator[tuple[Use, list[str]]]:
        """Each use that some path from the start reaches before any step sets the
        variable (and that no input covers), with one such path of step ids."""
        if self.start < 0:
            return
        candidates = [u for u in self.uses if self.defined(u.name) and not self.is_input(u.name)]
        if not candidates:
            return
        bit: dict[str, int] = {}
        for d in self.sets:
            bit.setdefault(d.name, 1 << len(bit))
        gen_ok = [0] * len(self.step_ids)  # set once the step has done its work
        gen_err = [0] * len(self.step_ids)  # set when a call fails (its saves do not happen)
        for d in self.sets:
            gen_ok[d.step] |= bit[d.name]
            if d.kind != "save":
                gen_err[d.step] |= bit[d.name]
        known = self._definitely_set(gen_ok, gen_err)
        paths: dict[str, dict[int, int]] = {}
        for use in candidates:
            state = known[use.step]
            if state is None:
                continue  # no path from the start reaches this step
            if use.after:
                state |= gen_ok[use.step]
            cover = _cover_mask(use.name, bit)
            if state & cover:
                continue
            parents = paths.get(use.name)
            if parents is None:
                parents = paths[use.name] = self._unset_tree(cover, gen_ok, gen_err)
            yield use, self._path(parents, use.step)

    def _definitely_set(self, gen_ok: list[int], gen_err: list[int]) -> list[int | None]:
        known: list[int | None] = [None] * len(self.step_ids)
        known[self.start] = 0
        work = deque([self.start])
        queued = {self.start}
        while work:
            step = work.popleft()
            queued.discard(step)
            here = known[step]
            assert here is not None
            for target, ok in self.edges[step]:
                out = here | (gen_ok[step] if ok else gen_err[step])
                if target == self.start:
                    continue  # nothing is set when a conversation starts
                before = known[target]
                after = out if before is None else before & out
                if after != before:
                    known[target] = after
                    if target not in queued:
                        queued.add(target)
                        work.append(target)
        return known

    def _unset_tree(self, cover: int, gen_ok: list[int], gen_err: list[int]) -> dict[int, int]:
        """Breadth-first from the start along connections that do not set the variable."""
        parents = {self.start: -1}
        work = deque([self.start])
        while work:
            step = work.popleft()
            for target, ok in self.edges[step]:
                if target in parents or (gen_ok[step] if ok else gen_err[step]) & cover:
                    continue
                parents[target] = step
                work.append(target)
        return parents

    def _path(self, parents: dict[int, int], step: int) -> list[str]:
        out = []
        while step >= 0 and step in parents:
            out.append(self.step_ids[step])
            step = parents[step]
        return out[::-1]


def _cover_mask(name: str, bit: dict[str, int]) -> int:
    """The bits of the names whose setting fills ``name`` (``contact`` fills ``contact.id``)."""
    mask = 0
    for prefix in _prefixes(name):
        mask |= bit.get(prefix, 0)
    return mask


def _prefixes(name: str) -> Iterator[str]:
    """``a.b.c`` -> ``a``, ``a.b``, ``a.b.c``."""
    at = name.find(".")
    while at > 0:
        yield name[:at]
        at = name.find(".", at + 1)
    yield name


@cache
def catalog_credentials() -> frozenset[str]:
    """Credential variables of every catalog API (its own scheme, else its vendor's): the
    platform's secrets, declared by the catalog (the naming rule in
    ``botkit.variables.credential_names``)."""
    from botkit.catalog import load_catalog

    names: set[str] = set()
    for api in load_catalog():
        names.update(variables.credential_names(api).names())  # its own scheme, if any
    return frozenset(names)


# --- reading a bot --------------------------------------------------------------------------

_last: tuple[Any, BotVariables] | None = None


def analyse(bot: dict[str, Any]) -> BotVariables:
    """The variables of ``bot`` (remembered for the last bot, which the three rules share)."""
    global _last
    if _last is not None and _last[0] is bot:
        return _last[1]
    found = _read(bot)
    _last = (bot, found)
    return found


def _read(bot: dict[str, Any]) -> BotVariables:
    out = BotVariables()
    declared = bot.get("variables")
    if isinstance(declared, dict):
        out.inputs = [Definition(n, ("variables", n), -1, "input") for n in declared]
    steps = bot.get("steps")
    if not isinstance(steps, list):
        return out
    index: dict[str, int] = {}
    ids = out.step_ids
    for i, step in enumerate(steps):
        sid = step.get("id") if isinstance(step, dict) else None
        if isinstance(sid, str):
            ids.append(sid)
            index.setdefault(sid, i)
        else:
            ids.append(f"#{i}")
    uses, edges = out.uses, out.edges
    for i, step in enumerate(steps):
        here: list[tuple[int, bool]] = []
        edges.append(here)
        if not isinstance(step, dict):
            continue
        component = step.get("component")
        if isinstance(component, dict):
            _component(out, component, i)
        nxt, err = step.get("next"), step.get("on_error")
        if isinstance(nxt, str) and nxt in index:
            here.append((index[nxt], True))
        if isinstance(err, str) and err in index:
            here.append((index[err], False))
        branches = step.get("branches")
        if not isinstance(branches, list):
            continue
        for j, branch in enumerate(branches):
            if not isinstance(branch, dict):
                continue
            when = branch.get("when")
            if isinstance(when, str) and "{{" in when:
                path = ("steps", i, "branches", j, "when")
                for var in variables.find(when):
                    uses.append(Use(var.name, path, var.start, var.end, i, True))
            nxt = branch.get("next")
            if isinstance(nxt, str) and nxt in index:
                here.append((index[nxt], True))
    start = bot.get("start")
    if isinstance(start, str):
        out.start = index.get(start, -1)
    elif steps:
        out.start = 0
    return out


def _component(out: BotVariables, component: dict[str, Any], i: int) -> None:
    kind = component.get("type")
    texts = _TEXT_KEYS.get(kind) if isinstance(kind, str) else None
    if kind == "question" or kind == "set_variable":
        name = component.get("variable")
        if isinstance(name, str):
            out.sets.append(Definition(name, ("steps", i, "component", "variable"), i, kind))
    elif kind == "call_api":
        save = component.get("save")
        for j, item in enumerate(save if isinstance(save, list) else ()):
            if isinstance(item, dict) and isinstance(item.get("variable"), str):
                saved: tuple = ("steps", i, "component", "save", j, "variable")
                out.sets.append(Definition(item["variable"], saved, i, "save"))
    uses = out.uses
    if texts is not None:  # a flat component: look only where its text is
        for key in texts:
            text = component.get(key)
            if isinstance(text, str) and "{{" in text:
                path = ("steps", i, "component", key)
                for var in variables.find(text):
                    uses.append(Use(var.name, path, var.start, var.end, i))
        if kind != "question" or not isinstance(component.get("options"), list):
            return
        strings: Iterable[tuple[tuple, str]] = _strings(
            component["options"], ("steps", i, "component", "options")
        )
    elif kind == "call_api":
        strings = _call_strings(component, i)
    else:
        strings = _strings(component, ("steps", i, "component"))
    for path, text in strings:
        for var in variables.find(text):
            uses.append(Use(var.name, path, var.start, var.end, i))


# Where the flat components hold text (a call_api, or a type not known here, is walked).
# A component's name is a label in the builder, not filled in at run time.
_TEXT_KEYS: dict[str, tuple[str, ...]] = {
    "message": ("text",),
    "question": ("text",),
    "set_variable": ("value",),
    "condition": (),
    "assign_team": ("team",),
    "end": ("text",),
}


# The keys of a Call API component read by shape; any other key is walked.
_CALL_KEYS = frozenset(
    ("type", "name", "api", "method", "url", "headers", "query", "auth", "body", "save")
)


def _call_strings(component: dict[str, Any], i: int) -> list[tuple[tuple, str]]:
    """The strings of a Call API component, read by its shape (the common case is fast);
    whatever else it holds is walked."""
    base = ("steps", i, "component")
    out: list[tuple[tuple, str]] = []
    url = component.get("url")
    if isinstance(url, str) and "{{" in url:
        out.append(((*base, "url"), url))
    for key in ("headers", "query"):
        pairs = component.get(key)
        if not isinstance(pairs, list):
            continue
        for j, pair in enumerate(pairs):
            if not isinstance(pair, dict):
                continue
            for member, text in pair.items():
                if isinstance(text, str):
                    if "{{" in text:
                        out.append(((*base, key, j, member), text))
                else:
                    out.extend(_strings(text, (*base, key, j, member)))
    for key in ("auth", "body"):
        value = component.get(key)
        if value is not None:
            out.extend(_strings(value, (*base, key)))
    others = component.keys() - _CALL_KEYS
    for key in others:
        if not key.startswith("x-"):
            out.extend(_strings(component[key], (*base, key)))
    return out


def _strings(value: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    """Every string a variable may be written in, with its JSON path (no recursion)."""
    stack = [(path, value)]
    while stack:
        here, node = stack.pop()
        if isinstance(node, str):
            if "{{" in node:
                yield here, node
        elif isinstance(node, dict):
            for key, item in node.items():
                if key in _NOT_TEXT or key == "save" or key.startswith("x-"):
                    continue
                if isinstance(item, str):
                    if "{{" in item:
                        yield (*here, key), item
                else:
                    stack.append(((*here, key), item))
        elif isinstance(node, list):
            for k, item in enumerate(node):
                stack.append(((*here, k), item))
