"""The command line: wires roster, collectors, auditor and reporters together.

All it decides itself is how outcomes map to exit codes, in `_exit_code` and
`_bad_input`; everything else lives in the stages.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from exposurecheck.enums import Severity, SourceId
from exposurecheck.exitcodes import ExitCode
from exposurecheck.i18n import Lang, default_lang
from exposurecheck.reporters import OutputFormat
from exposurecheck.untrusted import clean_text

# Only what the options name is imported above: each command imports what it runs,
# so `exposurecheck --help` does not load httpx, the collectors or the reporters.
if TYPE_CHECKING:
    import httpx
    from rich.console import Console

    from exposurecheck.auditor import AuditOptions
    from exposurecheck.checkpoint import Checkpoint
    from exposurecheck.collectors.interface import Collector
    from exposurecheck.config import Config
    from exposurecheck.models import OfficialResult, Report, Roster
    from exposurecheck.reporters.interface import RenderOptions


def _demo_config() -> Config:
    """The bundled mocks answer in-process: no need to pace them like real servers, and
    nothing of the demo is worth caching on disk."""
    from exposurecheck.config import Config, KvkConfig, OriConfig, WebConfig
    from exposurecheck.mock.ori import ORI_BASE_PATH
    from exposurecheck.mock.router import DEMO_KVK_HOST, DEMO_ORI_HOST

    return Config(kvk=KvkConfig(url=f"http://{DEMO_KVK_HOST}/api", rate_limit=10_000,
                                concurrency=32),
                  web=WebConfig(rate_limit=10_000, concurrency_per_host=16, cache=False),
                  ori=OriConfig(url=f"http://{DEMO_ORI_HOST}{ORI_BASE_PATH}",
                                rate_limit=10_000, concurrency=16))


FormatOpt = Annotated[OutputFormat | None, typer.Option(
    "--format", "-f", help="Report format (default: table, or the config file's).")]
OutputOpt = Annotated[Path | None, typer.Option(
    "--output", "-o", help="Write the report to this file (mode 0600) instead of stdout.")]
RevealOpt = Annotated[bool, typer.Option(
    "--reveal", help="Show personal data (names, addresses) instead of masking it.")]
LangOpt = Annotated[Lang | None, typer.Option(
    "--lang", help="Language of the report and advice (default: from the locale).")]
FailOnOpt = Annotated[Severity | None, typer.Option(
    "--fail-on", help="Exit 1 when an exposure at or above this severity is found "
                      "(default: low).")]
SourcesOpt = Annotated[str | None, typer.Option(
    "--sources", help="Comma-separated sources, e.g. kvk (default: every configured one).")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")]
BaselineOpt = Annotated[Path | None, typer.Option(
    "--baseline", help="Accepted risks (default: ./.exposurecheck-baseline.json if it "
                       "exists); see 'exposurecheck baseline create'.")]
NoCacheOpt = Annotated[bool, typer.Option(
    "--no-cache", help="Neither read nor write the on-disk cache of web pages.")]
ConfigOpt = Annotated[Path | None, typer.Option(
    "--config", help="Settings file (default: ./exposurecheck.toml or [tool.exposurecheck] in "
                     "./pyproject.toml).")]


@dataclass(frozen=True)
class RunOptions:
    """What the user asked for on the command line; None means 'not given'."""

    sources: str | None = None
    output_format: OutputFormat | None = None
    output: Path | None = None
    reveal: bool = False
    lang: Lang | None = None
    fail_on: Severity | None = None
    concurrency: int | None = None
    quiet: bool = False
    checkpoint: Path | None = None
    config_path: Path | None = None
    demo: bool = False
    roster_path: Path | None = None
    baseline: Path | None = None
    summary_only: bool = False
    split: Path | None = None
    no_cache: bool = False
    estimate: bool = False
    max_paid_requests: int | None = None


def build_app(transport: httpx.AsyncBaseTransport | None = None,
              env: dict[str, str] | None = None, pretty_exceptions: bool = True) -> typer.Typer:
    """Build the CLI; tests inject an HTTP transport and environment to run it offline."""
    app = typer.Typer(
        name="exposurecheck", no_args_is_help=True, add_completion=False,
        rich_markup_mode=None, pretty_exceptions_enable=pretty_exceptions,
        help="Audit how exposed Dutch public officials are to doxing, and how to shield them.")

    @app.callback(invoke_without_command=True)
    def _root(version: Annotated[bool, typer.Option(
            "--version", help="Show the version and exit.", is_eager=True)] = False) -> None:
        if version:
            from exposurecheck import __version__

            typer.echo(f"exposurecheck {__version__}")
            raise typer.Exit()

    @app.command()
    def audit(
        roster: Annotated[Path, typer.Argument(help="Roster file: .yaml, .json or .csv.")],
        sources: SourcesOpt = None, output_format: FormatOpt = None, output: OutputOpt = None,
        reveal: RevealOpt = False, lang: LangOpt = None, fail_on: FailOnOpt = None,
        concurrency: Annotated[int | None, typer.Option(
            "--concurrency", min=1, max=256,
            help="Officials audited at the same time (default: 8).")] = None,
        quiet: QuietOpt = False,
        checkpoint: Annotated[Path | None, typer.Option(
            "--checkpoint", help="Save each finished official here; rerun with the same file "
                                 "to continue an interrupted audit.")] = None,
        config: ConfigOpt = None, baseline: BaselineOpt = None,
        summary_only: Annotated[bool, typer.Option(
            "--summary-only",
            help="Only counts, with no name, id or address: safe to share with a council.")]
        = False,
        split: Annotated[Path | None, typer.Option(
            "--split", help="Write one report per official into this directory, named by id "
                            "(mode 0600).")] = None,
        no_cache: NoCacheOpt = False,
        estimate: Annotated[bool, typer.Option(
            "--estimate", help="Make only KVK's free searches and print how many paid "
                               "requests the audit would make and what they cost; exit 0.")]
        = False,
        max_paid_requests: Annotated[int | None, typer.Option(
            "--max-paid-requests", min=0,
            help="Stop making paid KVK requests at this number; officials not fully checked "
                 "are incomplete (exit 3).")] = None,
    ) -> None:
        """Audit every official in a roster file."""
        from exposurecheck.roster import load_roster

        with _bad_input():
            loaded = load_roster(roster)
        _audit(loaded, RunOptions(sources, output_format, output, reveal, lang, fail_on,
                                  concurrency, quiet, checkpoint, config, roster_path=roster,
                                  baseline=baseline, summary_only=summary_only, split=split,
                                  no_cache=no_cache, estimate=estimate,
                                  max_paid_requests=max_paid_requests),
               env, transport)

    @app.command()
    def check(
        name: Annotated[str, typer.Option("--name", help="Your full name.")],
        address: Annotated[str | None, typer.Option(
            "--address", help='Home address on one line, e.g. "Kerkstraat 12A, 1234 AB Dorp".')]
        = None,
        household: Annotated[list[str] | None, typer.Option(
            "--household", help='A housemate, e.g. "Petra Jansen (partner)"; repeatable.')] = None,
        kvk_number: Annotated[list[str] | None, typer.Option(
            "--kvk-number", help="A KVK number of your own business; repeatable.")] = None,
        initials: Annotated[str | None, typer.Option("--initials", help="e.g. J.W.")] = None,
        role: Annotated[str | None, typer.Option("--role", help="e.g. wethouder.")] = None,
        phone: Annotated[list[str] | None, typer.Option(
            "--phone", help="A private phone number; repeatable.")] = None,
        email: Annotated[list[str] | None, typer.Option(
            "--email", help="A private e-mail address; repeatable.")] = None,
        birth_date: Annotated[str | None, typer.Option(
            "--birth-date", help="Your birth date, YYYY-MM-DD.")] = None,
        url: Annotated[list[str] | None, typer.Option(
            "--url", help="A web page about you to check; repeatable.")] = None,
        sources: SourcesOpt = None, output_format: FormatOpt = None, output: OutputOpt = None,
        reveal: RevealOpt = False, lang: LangOpt = None, fail_on: FailOnOpt = None,
        quiet: QuietOpt = False, config: ConfigOpt = None, baseline: BaselineOpt = None,
        no_cache: NoCacheOpt = False,
    ) -> None:
        """Check yourself, without a roster file."""
        from exposurecheck.roster import roster_from_args

        with _bad_input():
            roster = roster_from_args(name=name, address=address, household=household or (),
                                      kvk_numbers=kvk_number or (), initials=initials, role=role,
                                      phones=phone or (), emails=email or (),
                                      birth_date=birth_date, urls=url or ())
        _audit(roster, RunOptions(sources, output_format, output, reveal, lang, fail_on, 1,
                                  quiet, config_path=config, baseline=baseline,
                                  no_cache=no_cache), env, transport)

    @app.command()
    def demo(
        output_format: FormatOpt = None, output: OutputOpt = None, reveal: RevealOpt = False,
        lang: LangOpt = None, quiet: QuietOpt = False,
    ) -> None:
        """Audit a fictional council against the bundled mock register and site, offline."""
        from exposurecheck.mock.api import DEMO_API_KEY
        from exposurecheck.mock.router import demo_transport
        from exposurecheck.models import Roster
        from exposurecheck.resources import fixtures_dir
        from exposurecheck.roster import load_roster

        with _bad_input():
            council = load_roster(fixtures_dir() / "rosters" / "demo-council.yaml")
            web = load_roster(fixtures_dir() / "rosters" / "demo-web.yaml")
        roster = Roster(officials=council.officials + web.officials, sites=web.sites)
        _audit(roster, RunOptions(output_format=output_format, output=output, reveal=reveal,
                                  lang=lang, quiet=quiet, demo=True),
               {"KVK_API_KEY": DEMO_API_KEY}, transport or demo_transport())

    @app.command()
    def schema() -> None:
        """Print the JSON Schema of the JSON report."""
        from exposurecheck.reporters.json_report import report_schema_text

        sys.stdout.write(report_schema_text())

    config_app = typer.Typer(help="Show the effective configuration.", no_args_is_help=True)
    app.add_typer(config_app, name="config")

    @config_app.command("show")
    def config_show(config: ConfigOpt = None) -> None:
        """Print the effective settings as TOML, secrets masked."""
        from exposurecheck.config import load_secrets, render_config

        with _bad_input():
            path, settings = _load_settings(config, env)
        sys.stdout.write(render_config(settings, load_secrets(env), path))

    from exposurecheck.cli_evidence import register as register_evidence
    from exposurecheck.cli_lazy import register_shielding
    from exposurecheck.cli_scrub import register as register_scrub

    register_shielding(app)
    register_scrub(app)
    register_evidence(app, env, transport)

    fixtures = typer.Typer(help="The bundled fictional datasets and the mock register.",
                           no_args_is_help=True)
    app.add_typer(fixtures, name="fixtures")

    @fixtures.command("serve")
    def serve(
        port: Annotated[int, typer.Option("--port", help="TCP port to listen on.")] = 8080,
        host: Annotated[str, typer.Option("--host", help="Address to bind.")] = "127.0.0.1",
        register: Annotated[Path | None, typer.Option(
            "--register", help="A register JSON file (default: the bundled demo register).")]
        = None,
        latency: Annotated[float, typer.Option(
            "--latency", min=0, help="Seconds added to every response.")] = 0.0,
        rate_limit: Annotated[float | None, typer.Option(
            "--rate-limit", min=0.1, help="Requests per second before answering 429.")] = None,
        fail_rate: Annotated[float, typer.Option(
            "--fail-rate", min=0, max=1,
            help="Share of requests that fail (500, 503, truncated JSON, no answer; for ORI "
                 "also 429 and failed shards).")] = 0.0,
    ) -> None:
        """Serve the mock Handelsregister, the ORI stand-in and the fixture web site over
        HTTP."""
        from exposurecheck.mock.api import DEMO_API_KEY, FaultPlan
        from exposurecheck.mock.ori import ORI_BASE_PATH, MockOri, OriFaults
        from exposurecheck.mock.register import load_register
        from exposurecheck.mock.server import serve as serve_mock
        from exposurecheck.mock.web import FixtureSite

        with _bad_input():
            try:
                data = load_register(register)
            except ValueError as exc:
                raise UsageError(f"{register}: not a valid register file "
                                 f"({type(exc).__name__})") from None
        faults = FaultPlan(failure_rate=fail_rate, kinds=("500", "503", "truncated", "hang"),
                           hang_seconds=120.0)

        typer.echo(f"Mock KVK API on http://{host}:{port}/api  (apikey: {DEMO_API_KEY})", err=True)
        typer.echo(f"ORI stand-in on http://{host}:{port}{ORI_BASE_PATH}", err=True)
        typer.echo(f"Fixture web site on http://{host}:{port}/", err=True)
        typer.echo(f"  export EXPOSURECHECK_KVK_URL=http://{host}:{port}/api "
                   f"KVK_API_KEY={DEMO_API_KEY} "
                   f"EXPOSURECHECK_ORI_URL=http://{host}:{port}{ORI_BASE_PATH}", err=True)
        ori = MockOri(faults=OriFaults(failure_rate=fail_rate, hang_seconds=120.0,
                                       kinds=("502", "503", "429", "shards", "truncated",
                                              "hang")))
        try:
            serve_mock(host, port, register=data, faults=faults, latency=latency,
                       rate_limit=rate_limit, site=FixtureSite(), ori=ori)
        except KeyboardInterrupt:
            pass
        except OSError as exc:
            typer.echo(f"error: cannot listen on {host}:{port}: {exc.strerror}", err=True)
            raise typer.Exit(ExitCode.BAD_INPUT) from None

    return app


def _load_settings(path: Path | None, env: dict[str, str] | None) -> tuple[Path | None, Config]:
    from exposurecheck.config import find_config, load_config

    path = path or find_config(Path.cwd())
    return path, load_config(path, env)


def run_audit(roster: Roster, options: RunOptions, env: dict[str, str] | None,
              transport: httpx.AsyncBaseTransport | None, err: Console) -> tuple[Report, Config]:
    """The audit itself, baseline applied, not yet redacted: shared by `audit` and `watch`."""
    from datetime import date

    from exposurecheck.auditor import AuditOptions
    from exposurecheck.baseline import BASELINE_FILE, apply_baseline, load_baseline
    from exposurecheck.checkpoint import Checkpoint, audit_digest
    from exposurecheck.collectors.registry import SourceContext, build_collectors
    from exposurecheck.config import load_secrets

    with _bad_input():
        config = _demo_config() if options.demo else _load_settings(options.config_path, env)[1]
        secrets = load_secrets(env)
        lang = options.lang or config.lang or default_lang()
        output_format = options.output_format or config.format
        chosen = _parse_sources(options.sources) or list(config.sources) or None
        if options.estimate:
            chosen = [SourceId.KVK]  # the estimate is of KVK's paid requests only
        collectors = build_collectors(chosen, SourceContext(
            config, secrets, roster, transport, use_cache=not options.no_cache,
            max_paid_requests=options.max_paid_requests, estimate_only=options.estimate))
        _check_output_options(options, output_format)
        baseline_path = options.baseline or (
            BASELINE_FILE if not options.demo and BASELINE_FILE.exists() else None)
        baseline = load_baseline(baseline_path) if baseline_path is not None else None
        checkpoint = None  # opened last: bad input must not leave a checkpoint file behind
        if options.checkpoint is not None:
            digest = audit_digest(roster, [c.source for c in collectors], lang.value)
            checkpoint = Checkpoint(options.checkpoint, digest).open()
    unused = [s.value for s in SourceId if s not in {c.source for c in collectors}]
    if unused and not options.quiet and not options.demo and not options.estimate:
        err.print(f"not checked: {', '.join(unused)} (not configured or not chosen; "
                  "see --sources and the README)", markup=False)
    audit_options = AuditOptions(lang=lang, concurrency=options.concurrency or config.concurrency)
    try:
        report = _run(roster, collectors, audit_options, err, options.quiet, checkpoint)
    except KeyboardInterrupt:
        saved = len(checkpoint.done) if checkpoint else 0
        typer.echo(f"\ninterrupted: {saved} of {len(roster.officials)} officials saved"
                   + (f" in {clean_text(str(options.checkpoint))}; run the same command to continue"
                      if checkpoint else " (use --checkpoint FILE to keep progress)"), err=True)
        raise typer.Exit(130) from None
    finally:
        if checkpoint is not None:
            checkpoint.close()
    if options.estimate:
        _print_estimate(report, lang)
        raise typer.Exit(ExitCode.OK)
    if baseline is not None:
        report, warnings = apply_baseline(report, baseline, date.today())
        if not options.quiet:
            err.print(clean_text(f"baseline: {baseline_path}: {len(baseline.entries)} accepted "
                                 "finding(s)"), markup=False)
        for warning in warnings:
            err.print(clean_text(f"warning: {warning.message(lang)}"), markup=False)
    return report, config


def _audit(roster: Roster, options: RunOptions, env: dict[str, str] | None,
           transport: httpx.AsyncBaseTransport | None) -> None:
    from rich.console import Console

    from exposurecheck.output import write_private
    from exposurecheck.redact import redact_report
    from exposurecheck.reporters import render
    from exposurecheck.reporters.aggregate import aggregate, render_aggregate
    from exposurecheck.reporters.interface import RenderOptions
    from exposurecheck.reporters.summary import render_summary

    err = Console(stderr=True, highlight=False, emoji=False)
    report, config = run_audit(roster, options, env, transport, err)
    lang = options.lang or config.lang or default_lang()
    fail_on = options.fail_on or config.fail_on
    output_format = options.output_format or config.format
    if not options.reveal and config.redact:
        report = redact_report(report)
    color = (options.output is None and options.split is None
             and output_format is OutputFormat.TABLE and sys.stdout.isatty())
    render_options = RenderOptions(lang=lang, color=color, width=err.width if color else 120,
                                   fail_on=fail_on, roster=options.roster_path)
    with _bad_input():
        if options.split is not None:
            _write_split(report, options.split, output_format, render_options)
        else:
            text = (render_aggregate(aggregate(report), output_format.value, render_options)
                    if options.summary_only else render(report, output_format, render_options))
            if options.output is not None:
                write_private(options.output, text)
            else:
                sys.stdout.write(text)
                sys.stdout.flush()
    if not options.quiet:
        err.print(render_summary(report, lang), end="", markup=False)
    raise typer.Exit(ExitCode.OK if options.demo else _exit_code(report, fail_on))


def _print_estimate(report: Report, lang: Lang) -> None:
    from exposurecheck.reporters.labels import label

    kvk = report.usage.kvk
    paid = kvk.paid_requests if kvk else 0
    officials = len(report.officials)
    incomplete = sum(1 for o in report.officials if not o.complete)
    typer.echo(label("estimate", lang).format(
        officials=officials, paid=paid, per=f"{paid / max(officials, 1):.2f}",
        cost=f"{kvk.estimated_cost_eur if kvk else 0:.2f}",
        free=(kvk.requests - paid) if kvk else 0))
    if incomplete:
        typer.echo(label("estimate_incomplete", lang).format(incomplete=incomplete))


def _check_output_options(options: RunOptions, output_format: OutputFormat) -> None:
    """Refuse combinations that cannot be honoured, before any request is made."""
    from exposurecheck.reporters.aggregate import RENDERERS as AGGREGATE_RENDERERS
    from exposurecheck.reporters.split import EXTENSIONS as SPLIT_EXTENSIONS

    if options.summary_only and output_format.value not in AGGREGATE_RENDERERS:
        raise UsageError(f"--summary-only works with --format "
                         f"{'|'.join(AGGREGATE_RENDERERS)}, not {output_format.value}")
    if options.summary_only and options.split is not None:
        raise UsageError("--summary-only and --split cannot be combined")
    if options.split is not None and options.output is not None:
        raise UsageError("--split writes one file per official; leave out --output")
    if options.split is not None and output_format.value not in SPLIT_EXTENSIONS:
        raise UsageError(f"--split works with --format {'|'.join(SPLIT_EXTENSIONS)}")


def _write_split(report: Report, directory: Path, output_format: OutputFormat,
                 options: RenderOptions) -> None:
    from exposurecheck.output import write_private
    from exposurecheck.reporters import render
    from exposurecheck.reporters.split import extension_for, split_file_name, split_report

    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    for official_id, part in split_report(report).items():
        name = split_file_name(official_id, extension_for(output_format.value))
        write_private(directory / name, render(part, output_format, options))


def _run(roster: Roster, collectors: Sequence[Collector], options: AuditOptions,
         err: Console, quiet: bool, checkpoint: Checkpoint | None) -> Report:
    import asyncio

    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from exposurecheck.auditor import Auditor

    done = checkpoint.done if checkpoint else {}
    show = not quiet and err.is_terminal
    with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                  MofNCompleteColumn(),
                  TextColumn("{task.fields[found]} exposures · {task.fields[failed]} source "
                             "errors · {task.fields[rate]}"),
                  TimeElapsedColumn(), console=err, disable=not show, transient=True) as bar:
        task = bar.add_task("auditing", total=len(roster.officials), completed=len(done),
                            found=0, failed=0, rate="")
        started = time.monotonic()
        finished = found = failed = 0

        def advance(result: OfficialResult) -> None:
            nonlocal finished, found, failed
            if checkpoint is not None:
                checkpoint.record(result)
            finished += 1
            found += sum(1 for f in result.findings if f.is_exposure)
            failed += len(result.errors)
            per_minute = finished / max(time.monotonic() - started, 1e-6) * 60
            bar.update(task, advance=1, found=found, failed=failed, rate=f"{per_minute:.0f}/min")

        async def main() -> Report:
            try:
                return await Auditor(collectors, options, on_result=advance).audit(roster, done)
            finally:
                for collector in collectors:
                    await collector.aclose()

        return asyncio.run(main())


def _parse_sources(sources: str | None) -> list[SourceId] | None:
    from exposurecheck.collectors.interface import SourceNotConfiguredError

    if not sources:
        return None
    chosen: list[SourceId] = []
    for name in (s.strip() for s in sources.split(",") if s.strip()):
        try:
            chosen.append(SourceId(name))
        except ValueError:
            known = ", ".join(s.value for s in SourceId)
            raise SourceNotConfiguredError(f"unknown source '{name}' (known: {known})") from None
    return chosen


def _exit_code(report: Report, fail_on: Severity) -> ExitCode:
    if any(not o.complete for o in report.officials):
        return ExitCode.INCOMPLETE
    if any(f.fails_at(fail_on) for o in report.officials for f in o.findings):
        return ExitCode.EXPOSURES_FOUND
    return ExitCode.OK


class UsageError(Exception):
    """Options that contradict each other: exit 2."""


@contextmanager
def _bad_input() -> Iterator[None]:
    """Bad input or usage ends with exit 2 and one clear line per problem, no traceback."""
    from exposurecheck.baseline import BaselineError
    from exposurecheck.checkpoint import CheckpointError
    from exposurecheck.collectors.interface import SourceNotConfiguredError
    from exposurecheck.config import ConfigError
    from exposurecheck.roster import RosterError

    try:
        yield
    except RosterError as exc:
        for problem in exc.problems:
            _error(str(problem))
        raise typer.Exit(ExitCode.BAD_INPUT) from None
    except (SourceNotConfiguredError, ConfigError, CheckpointError, BaselineError,
            UsageError) as exc:
        for line in str(exc).splitlines():
            _error(line)
        raise typer.Exit(ExitCode.BAD_INPUT) from None
    except OSError as exc:
        _error(f"{exc.filename or ''}: {exc.strerror or exc}")
        raise typer.Exit(ExitCode.BAD_INPUT) from None


def _error(message: str) -> None:
    """One line on stderr; a file name or message may hold anything, even escape codes."""
    typer.echo(f"error: {clean_text(message)}", err=True)


def main() -> None:
    """Entry point. A crash must never read as 'exposures found' (1): it is incomplete."""
    try:
        build_app(pretty_exceptions=False)()
    except Exception as exc:
        typer.echo(f"error: internal error ({type(exc).__name__}); the audit is incomplete. "
                   "Please report this.", err=True)
        sys.exit(ExitCode.INCOMPLETE)
