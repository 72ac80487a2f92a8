"""``botkit lint``: options in, findings out; the library in ``botkit.lint`` does the work."""

from __future__ import annotations

import sys

import click

from botkit.cli.catalog_option import catalog_option
from botkit.cli.commands import Command
from botkit.cli.lint_run import RunOptions, run
from botkit.cli.options import with_default_region, with_output
from botkit.cli.path_type import PathType
from botkit.lint.report import FORMATS, formats_help
from botkit.output import output_stream


def _codes(values: tuple[str, ...]) -> list[str]:
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


@click.command(
    "lint",
    cls=Command,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.argument("paths", nargs=-1, type=PathType(allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help=formats_help(),
)
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help="Only these rules (comma-separated codes, code prefixes such as BK1, or slugs). "
    "Replaces 'select' from the settings.",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="CODES",
    help="Skip these rules (same forms as --select); added to 'ignore' from the settings.",
)
@click.option(
    "--fix",
    is_flag=True,
    help="Rewrite fixable findings (marked [*]) in the files, keeping owner, mode, links, line "
    "endings and BOM; each change is listed. With '-': print the fixed text.",
)
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@click.option(
    "--baseline",
    "baseline_path",
    metavar="FILE",
    type=PathType(dir_okay=False),
    help="Report only findings not recorded in FILE (see --write-baseline).",
)
@click.option(
    "--write-baseline",
    metavar="FILE",
    type=PathType(dir_okay=False),
    help="Record today's findings in FILE (keyed by file, code and JSON path, not line).",
)
@click.option("--statistics", is_flag=True, help="Print how many findings each code has, instead.")
@click.option(
    "--skip-unrelated",
    is_flag=True,
    help="Treat named files as a folder walk would: skip JSON that is no bot or component, "
    "scripts without curl API calls and git-ignored files (for pre-commit, which names "
    "every changed file).",
)
@click.option("-v", "--verbose", is_flag=True, help="Say which files were skipped, and why.")
@with_default_region
@with_output
@click.option(
    "--config",
    "config_path",
    type=PathType(exists=True, dir_okay=False),
    help="Read settings from FILE (default: the closest pyproject.toml with [tool.botkit.lint]).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    metavar="N",
    help="Lint on N processes (default 0: one per free usable core, for runs of about a "
    "hundred files or more). The output is the same.",
)
@click.option("--isolated", is_flag=True, help="Ignore every settings file.")
@click.option("--list-rules", is_flag=True, help="List every rule (code, slug, severity) and exit.")
@catalog_option
def lint(
    paths: tuple[str, ...],
    fmt: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fix: bool,
    diff: bool,
    baseline_path: str | None,
    write_baseline: str | None,
    statistics: bool,
    skip_unrelated: bool,
    verbose: bool,
    default_region: str | None,
    output: str | None,
    config_path: str | None,
    jobs: int,
    isolated: bool,
    list_rules: bool,
) -> int:
    """Check bot definitions, Call API components and cURL snippets.

    PATHS are files or directories (default: the current directory; '-' reads
    standard input).  Folders are walked for bots and components (.json), and
    cURL snippets (.curl; .sh, .cmd and .ps1 that hold a curl API call), skipping
    what .gitignore (and git's other excludes) and 'exclude' leave out; a file named
    explicitly is always linted (unless --skip-unrelated).  Exit status: 0 when there
    is no error (warnings alone pass), 1 when there are errors, 2 for bad usage or
    input that cannot be read.

    \b
    Examples:
      botkit lint                        # the current directory
      botkit lint . --format github      # annotations in a GitHub Actions log
      botkit lint . --format sarif -o botkit.sarif
      botkit lint path/to/bot.json --select BK1 --default-region IN
      botkit lint . --diff               # show the fixes; --fix writes them
      botkit lint . --write-baseline botkit-baseline.json
      botkit lint . --baseline botkit-baseline.json
      botkit lint - < snippet.curl       # standard input
      Get-Clipboard | botkit lint -      # the clipboard on Windows; pbpaste on macOS,
                                         # wl-paste or xclip -selection c -o on Linux

    \b
    Settings (pyproject.toml):
      [tool.botkit.lint]
      select = ["ALL"]
      ignore = ["BK203"]
      default-region = "IN"
      exclude = ["fixtures/*"]
      respect-gitignore = true

    \b
    Suppress rules (codes, prefixes such as BK2, or slugs):
      for one component (or step, or bot):  "x-botkit-ignore": ["BK203"]
      for a cURL file:                      # botkit: ignore BK203, phone-format
    """
    from botkit.lint import all_rules, load_config
    from botkit.lint.config import LintConfig

    if list_rules:
        for rule in all_rules():
            fixable = " (fixable)" if rule.fixable else ""
            click.echo(
                f"{rule.code}  {rule.slug:28} {rule.severity.value:8} {rule.summary}{fixable}"
            )
        return 0
    config = LintConfig() if isolated else load_config(config_path)
    config = config.with_options(
        select=_codes(select) or None, ignore=_codes(ignore), default_region=default_region
    )
    options = RunOptions(
        fmt=fmt,
        fix=fix,
        diff=diff,
        baseline=baseline_path,
        write_baseline=write_baseline,
        statistics=statistics,
        skip_unrelated=skip_unrelated,
        verbose=verbose,
        jobs=jobs or None,
    )
    paths_ = list(paths) or ["."]
    if fix and paths_ == ["-"] and not diff:
        with output_stream(None) as fixed_out:
            return run(paths_, config, options, stream=sys.stderr, fixed_out=fixed_out)
    with output_stream(output) as stream:
        return run(paths_, config, options, stream=stream)
