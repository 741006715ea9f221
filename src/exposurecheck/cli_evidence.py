"""`evidence` (capture and verify a publication) and `watch` (re-audit and alert)."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from exposurecheck import cli
from exposurecheck.exitcodes import ExitCode
from exposurecheck.untrusted import clean_text

# Each command imports what it runs (warcio, Chromium, Apprise, the audit), so that
# `exposurecheck --help` stays fast.
if TYPE_CHECKING:
    import httpx

    from exposurecheck.models import Finding


class _DefaultCapture(TyperGroup):
    """`evidence URL...` means `evidence capture URL...`; `evidence verify DIR` verifies."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["capture", *args]
        return super().parse_args(ctx, args)


def register(app: typer.Typer, env: dict[str, str] | None,
             transport: httpx.AsyncBaseTransport | None) -> None:
    """Add `evidence` and `watch` to the exposurecheck app."""

    evidence_app = typer.Typer(
        cls=_DefaultCapture, no_args_is_help=True,
        help="Capture web pages as evidence for a doxing report (art. 285d Sr), and check it.")
    app.add_typer(evidence_app, name="evidence")

    @evidence_app.command("capture")
    def capture(
        urls: Annotated[list[str] | None, typer.Argument(
            help="Pages to capture (or use --report and --official).")] = None,
        out: Annotated[Path, typer.Option(
            "--out", help="New directory for the evidence (created mode 0700).")]
        = Path("evidence"),
        report: Annotated[Path | None, typer.Option(
            "--report", help="A JSON report: capture the pages of one official's findings.")]
        = None,
        official: Annotated[str | None, typer.Option(
            "--official", help="The official's id in --report.")] = None,
        reveal: cli.RevealOpt = False, config: cli.ConfigOpt = None,
    ) -> None:
        """Capture pages: WARC, screenshot and PDF, manifest with SHA-256, statements."""
        from rich.console import Console

        from exposurecheck.evidence.browser import find_chromium
        from exposurecheck.evidence.run import TsaSettings, make_evidence, statement_files
        from exposurecheck.web.fetch import FetchPolicy

        err = Console(stderr=True, highlight=False)
        with cli._bad_input(), _report_errors():
            settings = cli._load_settings(config, env)[1]
            targets, findings = _targets(urls or [], report, official)
            tsa = None
            if settings.evidence.tsa_url:
                if not settings.evidence.tsa_certificates:
                    raise cli.UsageError("[tool.exposurecheck.evidence] tsa_url needs "
                                         "tsa_certificates (the authority's PEM roots)")
                tsa = TsaSettings(settings.evidence.tsa_url,
                                  Path(settings.evidence.tsa_certificates))
            web = settings.web
            policy = FetchPolicy(timeout=web.timeout, max_bytes=web.max_bytes)
            chromium = find_chromium()
            if chromium is None:
                err.print("Chromium is not installed (/usr/bin/chromium): no screenshot and "
                          "no PDF; the WARC, manifest and statements are still made.",
                          markup=False)
            outcome = make_evidence(out, targets, findings=findings, official=official,
                                    policy=policy, reveal=reveal, tsa=tsa, chromium=chromium,
                                    transport=transport)
        for warning in outcome.warnings:
            err.print(f"warning: {warning}", markup=False)
        err.print(f"evidence: {len(outcome.manifest.captures)} page(s), "
                  f"{len(outcome.manifest.files)} file(s) in {out} "
                  f"({', '.join(statement_files().values())}); timestamp: "
                  f"{'verified' if outcome.timestamped else 'none'}", markup=False)
        failed = any(c.problem for c in outcome.manifest.captures)
        raise typer.Exit(ExitCode.INCOMPLETE if failed or (tsa and not outcome.timestamped)
                         else ExitCode.OK)

    @evidence_app.command("verify")
    def verify(
        directory: Annotated[Path, typer.Argument(help="An evidence directory.")],
        tsa_certificates: Annotated[Path | None, typer.Option(
            "--tsa-certificates", help="Trust these PEM roots instead of the stored copy.")]
        = None,
    ) -> None:
        """Recompute every hash and check the timestamp; say which files changed."""
        from exposurecheck.evidence.run import verify_evidence
        from exposurecheck.evidence.timestamp import load_roots

        with cli._bad_input(), _report_errors():
            roots = load_roots(tsa_certificates) if tsa_certificates else None
            result = verify_evidence(directory, roots)
        for path, problem in result.problems:
            typer.echo(f"{problem}: {clean_text(path)}")
        if result.timestamp_problem:
            typer.echo(f"timestamp: {result.timestamp_problem}")
        elif result.timestamp:
            typer.echo(f"timestamp: verified, {result.timestamp}")
        else:
            typer.echo("timestamp: none")
        typer.echo("all files match the manifest" if not result.problems
                   else f"{len(result.problems)} file(s) differ from the manifest")
        raise typer.Exit(ExitCode.OK if result.ok else ExitCode.EXPOSURES_FOUND)

    @app.command()
    def watch(
        roster: Annotated[Path, typer.Argument(help="Roster file: .yaml, .json or .csv.")],
        state: Annotated[Path | None, typer.Option(
            "--state", help="Directory that keeps the reports between runs (mode 0700); "
                            "default: one per roster in the user's state directory.")] = None,
        keep: Annotated[int, typer.Option(
            "--keep", min=2, help="How many reports to keep in --state.")] = 12,
        notify_url: Annotated[list[str] | None, typer.Option(
            "--notify", help="Apprise URL to alert when something is new or resurfaced "
                             "(mailto://, slack://, json://...); repeatable.")] = None,
        notify_detail: Annotated[bool, typer.Option(
            "--notify-detail", help="Put the whole diff (names, masked values) in the "
                                    "notification: only for a trusted channel.")] = False,
        sources: cli.SourcesOpt = None, reveal: cli.RevealOpt = False, lang: cli.LangOpt = None,
        quiet: cli.QuietOpt = False, config: cli.ConfigOpt = None,
        baseline: cli.BaselineOpt = None, no_cache: cli.NoCacheOpt = False,
    ) -> None:
        """Re-audit, compare with the previous run and alert on new or resurfaced exposures."""
        from rich.console import Console

        from exposurecheck.diff import render_diff_table
        from exposurecheck.i18n import default_lang
        from exposurecheck.redact import redact_report
        from exposurecheck.roster import load_roster
        from exposurecheck.watch import compare, default_state, notification, notify, store

        err = Console(stderr=True, highlight=False)
        state = state if state is not None else default_state(roster)
        with cli._bad_input():
            loaded = load_roster(roster)
            if state.exists() and not state.is_dir():
                raise cli.UsageError(f"--state {state}: not a directory")
        options = cli.RunOptions(sources=sources, reveal=reveal, lang=lang, quiet=True,
                                 config_path=config, roster_path=roster, baseline=baseline,
                                 no_cache=no_cache)
        report, settings = cli.run_audit(loaded, options, env, transport, err)
        chosen_lang = lang or settings.lang or default_lang()
        if not reveal and settings.redact:
            report = redact_report(report)
        with cli._bad_input(), _report_errors():
            result = compare(state, report)
        if not quiet:
            sys.stdout.write(render_diff_table(result.diff, chosen_lang))
        failed: list[str] = []
        if result.diff.regressed and notify_url:
            title, body = notification(result.diff, detail=notify_detail, lang=chosen_lang)
            failed = notify(notify_url, title, body)
        for url in failed:
            err.print(f"warning: notification to {url} failed", markup=False)
        if failed:
            err.print(f"state not updated: the next run alerts again ({state})", markup=False)
            raise typer.Exit(ExitCode.INCOMPLETE)
        with cli._bad_input():
            store(state, report, keep)
        raise typer.Exit(result.exit_code)


def _targets(urls: Sequence[str], report: Path | None,
             official: str | None) -> tuple[list[str], dict[str, list[Finding]]]:
    from exposurecheck.cli_shielding import load_report
    from exposurecheck.evidence.run import urls_of

    if report is None:
        if official is not None:
            raise cli.UsageError("--official needs --report")
        if not urls:
            raise cli.UsageError("give URLs to capture, or --report REPORT --official ID")
        return list(dict.fromkeys(urls)), {}
    if official is None:
        raise cli.UsageError("--report needs --official ID")
    loaded = load_report(report)
    if loaded.redacted:
        typer.echo(f"note: {report} is redacted: the statements show masked values "
                   "(audit with --reveal for the data itself)", err=True)
    result = next((o for o in loaded.officials if o.id == official), None)
    if result is None:
        raise cli.UsageError(f"{report}: no official with that id")
    pages = urls_of(result)
    if not pages and not urls:
        raise cli.UsageError(f"{report}: the official has no findings on a web page")
    return list(dict.fromkeys([*urls, *pages])), dict(pages)


@contextmanager
def _report_errors() -> Iterator[None]:
    """Evidence and report file problems: exit 2 with one line, like every bad input."""
    from exposurecheck.cli_shielding import ReportFileError
    from exposurecheck.evidence.manifest import ManifestError
    from exposurecheck.evidence.timestamp import TimestampError

    try:
        yield
    except (ReportFileError, ManifestError, TimestampError, FileExistsError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(ExitCode.BAD_INPUT) from None
