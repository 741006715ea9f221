"""The shielding loop on the command line: `diff`, `baseline create` and `requests`.

These commands read JSON reports written by `audit --format json`; bad input
ends with exit 2 and one "error: <file>: <problem>" line, never a traceback.
"""

from __future__ import annotations

import getpass
import json
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from exposurecheck import cli
from exposurecheck.baseline import (
    BASELINE_FILE,
    BaselineError,
    baseline_from_report,
    dump_baseline,
)
from exposurecheck.diff import DiffFormat, diff_reports, render_diff
from exposurecheck.exitcodes import ExitCode
from exposurecheck.i18n import Lang, default_lang
from exposurecheck.letters import LetterFormat, letters_for
from exposurecheck.models import Report
from exposurecheck.output import write_private

LangOpt = Annotated[Lang | None, typer.Option(
    "--lang", help="Language (default: from the locale).")]


class ReportFileError(Exception):
    """A file that should be a JSON report and is not."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


def load_report(path: Path) -> Report:
    """Read a report written by `audit --format json`; ReportFileError says what is wrong."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ReportFileError(path, "not a text file (expected a JSON report)") from None
    except OSError as exc:
        raise ReportFileError(path, exc.strerror or str(exc)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReportFileError(
            path, f"not JSON (line {exc.lineno}, column {exc.colno})") from None
    try:
        return Report.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_input=False, include_url=False)
        first = errors[0]
        where = ".".join(str(p) for p in first["loc"])
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        detail = f"field '{where}': {first['msg']}" if where else first["msg"]
        raise ReportFileError(path, f"not an exposurecheck report: {detail}{more}") from None


def load_reports(paths: Iterable[Path]) -> list[Report]:
    """Reports from files and directories (every *.json in a directory)."""
    reports = []
    for path in paths:
        if path.is_dir():
            files = sorted(path.glob("*.json"))
            if not files:
                raise ReportFileError(path, "no .json reports in this directory")
            reports += [load_report(f) for f in files]
        else:
            reports.append(load_report(path))
    return reports


@contextmanager
def bad_input() -> Iterator[None]:
    """Unusable input files end the command with exit 2 and one line per problem."""
    from exposurecheck.roster import RosterError  # here, not on top: --help starts faster

    try:
        yield
    except ReportFileError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(ExitCode.BAD_INPUT) from None
    except (BaselineError, RosterError) as exc:
        for problem in exc.problems:
            typer.echo(f"error: {problem}", err=True)
        raise typer.Exit(ExitCode.BAD_INPUT) from None
    except OSError as exc:
        typer.echo(f"error: {exc.filename or ''}: {exc.strerror or exc}", err=True)
        raise typer.Exit(ExitCode.BAD_INPUT) from None


def _usage_error(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(ExitCode.BAD_INPUT)


def _report_lang(report: Report) -> Lang:
    """Letters default to the language the audit was run in."""
    return Lang(report.lang) if report.lang in tuple(Lang) else default_lang()


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return os.environ.get("USER") or "unknown"


def register(app: typer.Typer) -> None:
    """Add `diff`, `baseline` and `requests` to the exposurecheck app."""

    @app.command("diff")
    def diff(
        old: Annotated[Path, typer.Argument(help="The earlier JSON report.")],
        new: Annotated[Path, typer.Argument(help="The later JSON report.")],
        history: Annotated[list[Path] | None, typer.Option(
            "--history", metavar="<path>",
            help="Earlier reports, a file or a directory of *.json; repeatable. Tells "
                 "'resurfaced' from 'new'.")] = None,
        output_format: Annotated[DiffFormat, typer.Option(
            "--format", "-f", help="Output format.")] = DiffFormat.TABLE,
        output: Annotated[Path | None, typer.Option(
            "--output", "-o", help="Write to this file (mode 0600) instead of stdout.")] = None,
        lang: LangOpt = None, reveal: cli.RevealOpt = False,
    ) -> None:
        """Compare two audits: resolved, new, persisting and resurfaced exposures.

        Exit 1 when anything is new or resurfaced; otherwise 3 when the new audit
        is incomplete, else 0.
        """
        lang = lang or default_lang()
        with bad_input():
            before, after = load_report(old), load_report(new)
            earlier = load_reports(history or ())
        if before.generated_at > after.generated_at:
            typer.echo(f"warning: {old} is newer than {new}; are they swapped?", err=True)
        if not reveal:
            from exposurecheck.redact import redact_report

            before, after = (r if r.redacted else redact_report(r) for r in (before, after))
        result = diff_reports(before, after, earlier)
        text = render_diff(result, output_format, lang)
        with bad_input():
            if output is not None:
                write_private(output, text)
            else:
                sys.stdout.write(text)
        if result.regressed:
            raise typer.Exit(ExitCode.EXPOSURES_FOUND)
        raise typer.Exit(ExitCode.INCOMPLETE if result.incomplete else ExitCode.OK)

    baseline = typer.Typer(help="Accepted risks: findings that no longer fail a run.",
                           no_args_is_help=True, rich_markup_mode=None)
    app.add_typer(baseline, name="baseline")

    @baseline.command("create")
    def create(
        report: Annotated[Path, typer.Argument(help="A JSON report from `audit`.")],
        output: Annotated[Path, typer.Option(
            "--output", "-o", help="Baseline file to write (mode 0600).")] = BASELINE_FILE,
        reason: Annotated[str, typer.Option(
            "--reason", help="Why these exposures are accepted.")]
        = "accepted as a known risk when the baseline was created",
        accepted_by: Annotated[str | None, typer.Option(
            "--accepted-by", help="Who accepts them (default: your user name).")] = None,
        expires: Annotated[datetime | None, typer.Option(
            "--expires", formats=["%Y-%m-%d"], metavar="<YYYY-MM-DD>",
            help="Last day the acceptance holds.")] = None,
        force: Annotated[bool, typer.Option(
            "--force", help="Replace an existing baseline file.")] = False,
    ) -> None:
        """Accept every open exposure in REPORT (already accepted ones keep their reason)."""
        until = expires.date() if expires is not None else None
        if until is not None and until < date.today():
            raise _usage_error(f"--expires {until}: is in the past")
        if output.exists() and not force:
            raise _usage_error(f"{output}: exists; pass --force to replace it")
        with bad_input():
            loaded = load_report(report)
            made = baseline_from_report(loaded, reason=reason,
                                        accepted_by=accepted_by or _user(), expires=until)
            write_private(output, dump_baseline(made))
        typer.echo(f"{output}: {len(made.entries)} accepted finding(s)", err=True)

    @app.command("requests")
    def requests(
        report: Annotated[Path, typer.Argument(help="A JSON report from `audit`.")],
        official: Annotated[str | None, typer.Option(
            "--official", help="Only this official (roster id).")] = None,
        out: Annotated[Path, typer.Option(
            "--out", help="Directory for the letters.")] = Path("requests"),
        letter_format: Annotated[LetterFormat, typer.Option(
            "--format", "-f", help="Letter format.")] = LetterFormat.TEXT,
        lang: Annotated[Lang | None, typer.Option(
            "--lang", help="Language of the letters (default: the report's).")] = None,
        reveal: cli.RevealOpt = False,
        roster: Annotated[Path | None, typer.Option(
            "--roster", help="Roster to take the official's own data from (with --reveal).")]
        = None,
    ) -> None:
        """Write the request that fixes each open finding: KVK, site owner (AVG), BRP."""
        from exposurecheck.roster import load_roster

        with bad_input():
            loaded = load_report(report)
            people = load_roster(roster) if roster is not None else None
        if official is not None and official not in {o.id for o in loaded.officials}:
            raise _usage_error(f"{report}: no official '{official}' in this report")
        if reveal and loaded.redacted and people is None:
            typer.echo(f"warning: {report} is redacted: the letters use placeholders; pass "
                       "--roster, or audit with --reveal, to fill them in", err=True)
        letters = letters_for(loaded, lang or _report_lang(loaded), reveal=reveal, roster=people,
                              official_id=official)
        if not letters:
            typer.echo("no open findings: no requests to write", err=True)
            return
        with bad_input():
            out.mkdir(mode=0o700, parents=True, exist_ok=True)
            for letter in letters:
                path = out / f"{letter.stem}{letter_format.suffix}"
                write_private(path, letter.body(letter_format))
                typer.echo(str(path), err=True)
        findings = len({fp for letter in letters for fp in letter.fingerprints})
        typer.echo(f"{len(letters)} request(s) for {findings} open finding(s) in {out}",
                   err=True)
