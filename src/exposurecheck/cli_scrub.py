"""`scan` and `scrub`: personal data out of documents before the organisation publishes them.

scan: exit 1 when anything is found, 0 when clean, 2 for bad input, 3 when a document
could not be read (it is named on stderr). scrub: the same codes; 1 means "redactions
were made" (the copies in --out are clean), 3 that a document has no copy.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from exposurecheck.exitcodes import ExitCode
from exposurecheck.output import write_private
from exposurecheck.scrub.model import ScanFormat
from exposurecheck.untrusted import clean_text

if TYPE_CHECKING:  # the document readers load in the commands, so --help starts fast
    from exposurecheck.scrub.detect import Detector
    from exposurecheck.scrub.model import DocumentResult

PathsArg = Annotated[list[Path], typer.Argument(
    help="Documents (PDF, DOCX, ODT, HTML, TXT/Markdown, EML) or directories (walked "
         "recursively).", show_default=False, metavar="<path>...")]
RosterOpt = Annotated[Path | None, typer.Option(
    "--roster", help="Officials whose private data to look for (YAML, JSON or CSV).")]
ConfigOpt = Annotated[Path | None, typer.Option(
    "--config", help="Settings file with [tool.exposurecheck.scrub] public = [...] (default: "
                     "./exposurecheck.toml or ./pyproject.toml).")]


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {clean_text(message)}", err=True)
    return typer.Exit(ExitCode.BAD_INPUT)


def _detector(roster: Path | None, config: Path | None) -> Detector:
    from exposurecheck.config import ConfigError, find_config, load_config
    from exposurecheck.models import Roster
    from exposurecheck.roster import RosterError, load_roster
    from exposurecheck.scrub.detect import Detector

    try:
        settings = load_config(config or find_config(Path.cwd()))
        people: Roster | None = load_roster(roster) if roster is not None else None
    except ConfigError as exc:
        raise _fail(str(exc)) from None
    except RosterError as exc:
        for problem in exc.problems:
            typer.echo(f"error: {problem}", err=True)
        raise typer.Exit(ExitCode.BAD_INPUT) from None
    return Detector(people, settings.scrub.public)


def _exit(results: Sequence[DocumentResult]) -> typer.Exit:
    for result in results:
        for error in result.errors:
            typer.echo(f"error: {clean_text(result.path)}: {clean_text(error)}", err=True)
    if any(r.errors for r in results):
        return typer.Exit(ExitCode.INCOMPLETE)
    if any(r.findings for r in results):
        return typer.Exit(ExitCode.EXPOSURES_FOUND)
    return typer.Exit(ExitCode.OK)


def register(app: typer.Typer) -> None:
    """Add `scan` and `scrub` to the exposurecheck app."""

    @app.command("scan")
    def scan(
        paths: PathsArg,
        roster: RosterOpt = None,
        output_format: Annotated[ScanFormat, typer.Option(
            "--format", "-f", help="Report format.")] = ScanFormat.TABLE,
        output: Annotated[Path | None, typer.Option(
            "--output", "-o", help="Write the report to this file (mode 0600) instead of "
                                   "stdout.")] = None,
        reveal: Annotated[bool, typer.Option(
            "--reveal", help="Show the values found instead of masking them.")] = False,
        config: ConfigOpt = None,
    ) -> None:
        """Report personal data in documents before publication; the documents stay as they are."""
        from exposurecheck.scrub.run import (
            InputError,
            render_json,
            render_sarif,
            render_table,
            scan_source,
            walk,
        )

        detector = _detector(roster, config)
        try:
            found = walk(paths)
        except InputError as exc:
            raise _fail(str(exc)) from None
        results = [scan_source(source, detector) for source in found.sources]
        if output_format is ScanFormat.JSON:
            text = render_json(results, reveal)
        elif output_format is ScanFormat.SARIF:
            text = render_sarif(results)
        else:
            text = render_table(results, reveal)
        try:
            if output is not None:
                write_private(output, text)
            else:
                sys.stdout.write(text)
        except OSError as exc:
            raise _fail(f"{output}: {exc.strerror or exc}") from None
        for skipped in found.skipped:
            typer.echo(f"skipped: {clean_text(str(skipped))}: not a supported format", err=True)
        findings = sum(len(r.findings) for r in results)
        typer.echo(f"{len(results)} document(s), {findings} finding(s)", err=True)
        raise _exit(results)

    @app.command("scrub")
    def scrub(
        paths: PathsArg,
        out: Annotated[Path, typer.Option(
            "--out", help="Directory for the redacted copies and scrub-log.json (mode 0700).",
            show_default=False)],
        roster: RosterOpt = None,
        config: ConfigOpt = None,
    ) -> None:
        """Write a redacted copy of every document into --out; the originals stay as they are."""
        from exposurecheck.scrub.model import Redaction
        from exposurecheck.scrub.run import InputError, scrub_source, walk, write_log

        detector = _detector(roster, config)
        try:
            found = walk(paths)
        except InputError as exc:
            raise _fail(str(exc)) from None
        resolved = out.resolve()
        for source in found.sources:
            if source.path.resolve() == resolved / source.relative:
                raise _fail(f"{source.path}: --out would overwrite this input")
        results: list[DocumentResult] = []
        log: list[Redaction] = []
        try:
            for source in found.sources:
                result, entries = scrub_source(source, detector, out)
                results.append(result)
                log += entries
            log_path = write_log(out, log)
        except OSError as exc:
            raise _fail(f"{exc.filename or out}: {exc.strerror or exc}") from None
        for skipped in found.skipped:
            typer.echo(f"skipped: {clean_text(str(skipped))}: not a supported format", err=True)
        typer.echo(f"{sum(1 for r in results if not r.errors)} document(s) written to "
                   f"{clean_text(str(out))}, {len(log)} redaction(s); log: "
                   f"{clean_text(str(log_path))}", err=True)
        raise _exit(results)
