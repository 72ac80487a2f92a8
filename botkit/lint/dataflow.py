"""A bot's variables: where each is declared, set and used, and what may be unset where.

The three data-flow rules (BK601-BK603) ask the same questions of one bot, so
the bot is read once (``analyse``, remembered for the bot being linted).  Where a
variable may be used before it is set is a forward "definitely set" analysis
over the step graph, with the sets as bit masks: each step's set only shrinks,
so the work is about (steps + connections) x (names set), never one walk per
path.  A path that shows the problem is found only for a finding, by one
breadth-first search.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from botkit import variables
from botkit.lint.model import Site

# Keys whose strings are names or ids, not text a variable could be written in.
_NOT_TEXT = frozenset(("type", "variable", "id", "next", "on_error", "option", "api", "input"))


@dataclass(frozen=True)
class Use:
    name: str
    site: Site
    step: int
    #: Evaluated after the step did its work (a branch's ``when``).
    after: bool = False


@dataclass(frozen=True)
class Definition:
    name: str
    site: Site
    #: The step that sets it, or -1 for an input declared in ``variables``.
    step: int
    kind: str  # input, question, set_variable, save


@dataclass
class BotVariables:
    inputs: list[Definition] = field(default_factory=list)
    sets: list[Definition] = field(default_factory=list)
    uses: list[Use] = field(default_factory=list)
    step_ids: list[str] = field(default_factory=list)
    #: For each step: (target step index, carries the step's saves) per connection.
    edges: list[list[tuple[int, bool]]] = field(default_factory=list)
    start: int = -1

    def defined(self, name: str) -> bool:
        """Declared, set by some step, or a catalog credential (a bot secret)."""
        return any(variables.covers(d.name, name) for d in (*self.inputs, *self.sets)) or (
            name in catalog_credentials()
        )

    def is_input(self, name: str) -> bool:
        return any(variables.covers(d.name, name) for d in self.inputs) or (
            name in catalog_credentials()
        )

    def names_in_scope(self) -> list[str]:
        names = {d.name for d in (*self.inputs, *self.sets)}
        return sorted(names | set(catalog_credentials()))

    def used(self, name: str) -> bool:
        return any(
            variables.covers(name, u.name) or variables.covers(u.name, name) for u in self.uses
        )

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
    mask = 0
    for defined, b in bit.items():
        if variables.covers(defined, name):
            mask |= b
    return mask


@cache
def catalog_credentials() -> frozenset[str]:
    """Credential variables of every catalog vendor: the platform's secrets, declared by
    the catalog (the naming rule in ``botkit.variables.credential_names``)."""
    from botkit.catalog import load_catalog

    names: set[str] = set()
    for api in load_catalog():
        names.update(variables.credential_names(api.vendor).names())
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
        for name in declared:
            if isinstance(name, str):
                site = Site(("variables", name), key=True)
                out.inputs.append(Definition(name, site, -1, "input"))
    steps = bot.get("steps")
    if not isinstance(steps, list):
        return out
    index: dict[str, int] = {}
    for i, step in enumerate(steps):
        sid = step.get("id") if isinstance(step, dict) else None
        out.step_ids.append(sid if isinstance(sid, str) else f"#{i}")
        if isinstance(sid, str):
            index.setdefault(sid, i)
    for i, step in enumerate(steps):
        out.edges.append([])
        if not isinstance(step, dict):
            continue
        base: tuple[str | int, ...] = ("steps", i)
        component = step.get("component")
        if isinstance(component, dict):
            _component(out, component, (*base, "component"), i)
        for key in ("next", "on_error"):
            target = index.get(step[key]) if isinstance(step.get(key), str) else None
            if target is not None:
                out.edges[i].append((target, key == "next"))
        branches = step.get("branches")
        for j, branch in enumerate(branches if isinstance(branches, list) else ()):
            if not isinstance(branch, dict):
                continue
            when = branch.get("when")
            if isinstance(when, str):
                for var in variables.find(when):
                    site = Site((*base, "branches", j, "when"), chars=(var.start, var.end))
                    out.uses.append(Use(var.name, site, i, after=True))
            nxt = branch.get("next")
            target = index.get(nxt) if isinstance(nxt, str) else None
            if target is not None:
                out.edges[i].append((target, True))
    start = bot.get("start")
    if isinstance(start, str):
        out.start = index.get(start, -1)
    elif steps:
        out.start = 0
    return out


def _component(out: BotVariables, component: dict[str, Any], base: tuple, i: int) -> None:
    kind = component.get("type")
    name = component.get("variable")
    if kind in ("question", "set_variable") and isinstance(name, str):
        out.sets.append(Definition(name, Site((*base, "variable")), i, kind))
    save = component.get("save")
    if kind == "call_api" and isinstance(save, list):
        for j, item in enumerate(save):
            if isinstance(item, dict) and isinstance(item.get("variable"), str):
                site = Site((*base, "save", j, "variable"))
                out.sets.append(Definition(item["variable"], site, i, "save"))
    for path, text in _strings(component, base):
        for var in variables.find(text):
            out.uses.append(Use(var.name, Site(path, chars=(var.start, var.end)), i))


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
                stack.append(((*here, key), item))
        elif isinstance(node, list):
            for k, item in enumerate(node):
                stack.append(((*here, k), item))
