"""BK604 credential-variable-name: a credential variable not named by the one rule.

A credential's variable is named like the environment variable botkit reads it
from, upper case: ``{{DOUBLETICK_API_KEY}}``, ``{{VAMBE_API_KEY}}``,
``{{UNBLU_USER}}``/``{{UNBLU_PASSWORD}}``, ``{{UNBLU_TOKEN}}`` (derived from the
catalog's auth entry, ``botkit.variables.credential_names``).  ``botkit curl``,
``import --redact`` and recipe scripts write those names, so one secret has one
name everywhere.  The fix renames the variable at that place.  Components only:
in a cURL snippet a credential is a shell variable, which BK202/BK203 name.
"""

from collections.abc import Iterator

from botkit import variables
from botkit.lint.call import Call
from botkit.lint.model import Hit, Rule, Severity, Site

RULE = Rule(
    "BK604",
    "credential-variable-name",
    Severity.WARNING,
    "a credential variable not named like its environment variable",
    scope="call",
    fixable=True,
)


def check(call: Call) -> Iterator[Hit]:
    view = call.auth_view
    if view.vendor is None or call.shell:
        return  # a snippet's credential is a shell variable ($DOUBLETICK_API_KEY): BK203
    names = None
    for cred in view.credentials:
        found = variables.find(cred.value)
        if len(found) != 1:
            continue
        if names is None:
            names = variables.credential_names(view.scheme or view.vendor)
        var = found[0]
        wanted = _wanted(names, cred.label, cred.value[: var.start])
        if wanted is None or var.name == wanted:
            continue
        site = Site(cred.site.path, chars=(var.start, var.end))
        yield Hit(
            site,
            f"name the {cred.label} variable {variables.written(wanted)}, like the "
            f"environment variable ${wanted}, not {{{{{var.name}}}}}",
            fix=variables.written(wanted),
            fix_title=f"rename {{{{{var.name}}}}} to {variables.written(wanted)}",
        )


def _wanted(names: variables.CredentialNames, label: str, before: str) -> str | None:
    if names.api_key:
        return names.api_key
    if label == "basic auth username":
        return names.user
    if label == "basic auth password":
        return names.password
    if before.strip().lower() == "bearer":
        return names.token
    return None
