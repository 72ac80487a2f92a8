"""Hits to findings: where each hit is in the file, whether it is suppressed, its fix.

A rule says *what* and *where in the component* (a ``Site``); the document says
where that is in its text.  Every message goes through the masking of the
credentials the file holds, so no finding prints a secret.
"""

from __future__ import annotations

from botkit.lint.checks import Part
from botkit.lint.document import Document
from botkit.lint.jsonpos import JsonPath
from botkit.lint.model import Finding, Fix, Position, Rule
from botkit.masking import safe


def findings_of(part: Part) -> list[Finding]:
    """The findings of one part, sorted by position."""
    doc = part.doc
    secrets = _secrets_of(part) if part.hits else []
    findings = []
    for rule, hit in part.hits:
        if doc.suppressed(rule, hit.site):
            continue
        start, end = doc.span(hit.site)
        fix = None
        if rule.fixable and hit.has_fix:
            edit = doc.edit(hit.site, hit.fix)
            if edit is not None:
                fix = Fix(hit.fix_title, (edit,))
        message = safe(hit.message, secrets)
        findings.append(
            Finding(
                doc.display,
                doc.position(start),
                doc.position(end),
                rule,
                message,
                fix,
                hit.site.path,
                anchor(doc, hit.site.path, hit.site.inner),
            )
        )
    findings.sort(key=Finding.sort_key)
    return findings


def at_start(display: str, rule: Rule, message: str) -> Finding:
    """A finding about the whole file (it could not be read or linted)."""
    return Finding(display, Position(1, 1), Position(1, 1), rule, safe(message))


def _secrets_of(part: Part) -> list[str]:
    """Credentials written in the part's components, to be masked in every message."""
    from botkit.lint.credentials import secrets_in

    found: list[str] = []
    for component in part.components:
        found.extend(secrets_in(component))
    return found


def anchor(doc: Document, path: JsonPath, inner: JsonPath | None = None) -> str:
    """``path`` written so it survives edits elsewhere in the file: a bot's step is
    named by its ``id``, not by its index (``steps[assign]/component/url``)."""
    parts = [str(p) for p in path]
    if len(path) >= 2 and path[0] == "steps" and isinstance(path[1], int):
        from botkit.lint.jsondoc import JsonDocument

        data = doc.data if isinstance(doc, JsonDocument) else None
        steps = data.get("steps") if isinstance(data, dict) else None
        if isinstance(steps, list) and path[1] < len(steps):
            step = steps[path[1]]
            if isinstance(step, dict) and isinstance(step.get("id"), str):
                parts[:2] = [f"steps[{step['id']}]"]
    if inner:
        parts.extend(str(p) for p in inner)
    return "/".join(parts)
