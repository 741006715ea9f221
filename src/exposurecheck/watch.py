"""Re-audit on a schedule: keep the reports, compare with the previous one, alert.

Reports kept in the state directory are redacted unless --reveal (fingerprints
are enough to compare) and owner-only. A first run has nothing to compare with,
so every open exposure counts as new: a watch that starts silent would hide
what is already out there.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import apprise
import platformdirs

from exposurecheck.cli_shielding import load_report
from exposurecheck.diff import Change, ReportDiff, diff_reports, render_diff_markdown
from exposurecheck.exitcodes import ExitCode
from exposurecheck.i18n import Lang
from exposurecheck.models import Report
from exposurecheck.output import write_private

PREFIX = "report-"


@dataclass(frozen=True)
class WatchResult:
    diff: ReportDiff
    first_run: bool

    @property
    def exit_code(self) -> ExitCode:
        if self.diff.incomplete:
            return ExitCode.INCOMPLETE
        return ExitCode.EXPOSURES_FOUND if self.diff.regressed else ExitCode.OK


def default_state(roster: Path) -> Path:
    """The user's state directory for this tool (platformdirs: ``$XDG_STATE_HOME`` or
    ``~/.local/state`` on Linux, ``~/Library/Application Support`` on macOS,
    ``%LOCALAPPDATA%`` on Windows), one folder per roster file: two rosters watched from
    one account never compare with each other's reports."""
    key = hashlib.sha256(str(roster.resolve()).encode()).hexdigest()[:12]
    return (platformdirs.user_state_path("exposurecheck", appauthor=False) / "watch"
            / f"{roster.stem[:40]}-{key}")


def stored_reports(state: Path) -> list[Path]:
    """Oldest first: the names sort by the audit's UTC time."""
    return sorted(state.glob(f"{PREFIX}*.json"))


def compare(state: Path, report: Report) -> WatchResult:
    """``report`` against the newest stored one, with every stored one as history."""
    history = [load_report(p) for p in stored_reports(state)] if state.is_dir() else []
    previous = history[-1] if history else report.model_copy(update={"officials": ()})
    return WatchResult(diff_reports(previous, report, history), not history)


def store(state: Path, report: Report, keep: int) -> Path:
    """Keep ``report`` (owner-only) and drop all but the newest ``keep``.

    Called only once the alerts went out: a run whose notification failed leaves
    the state as it was, so the next run alerts again.
    """
    state.mkdir(mode=0o700, parents=True, exist_ok=True)
    state.chmod(0o700)
    saved = state / f"{PREFIX}{report.generated_at:%Y%m%dT%H%M%S%fZ}.json"
    write_private(saved, report.model_dump_json(indent=2) + "\n")
    for old in stored_reports(state)[:-keep]:
        with contextlib.suppress(FileNotFoundError):
            old.unlink()
    return saved


def notification(diff: ReportDiff, *, detail: bool, lang: Lang) -> tuple[str, str]:
    """Title and body: counts per kind and severity and official ids only, unless ``detail``."""
    s = diff.summary
    title = f"exposurecheck watch: {s.new} new, {s.resurfaced} resurfaced"
    fresh = [(o.id, e) for o in diff.officials for e in o.entries
             if e.change in (Change.NEW, Change.RESURFACED)]
    kinds = Counter(e.finding.kind.value for _, e in fresh)
    severities = Counter(e.finding.severity.value for _, e in fresh)
    lines = [f"new: {s.new}, resurfaced: {s.resurfaced}, resolved: {s.resolved}, "
             f"unverified: {s.unverified}",
             "by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())),
             "by severity: " + ", ".join(f"{k} {n}" for k, n in sorted(severities.items())),
             "officials: " + ", ".join(sorted({oid for oid, _ in fresh}))]
    lines += [f"- {oid}: {e.change.value} {e.finding.kind.value} ({e.finding.severity.value})"
              for oid, e in fresh]
    if diff.incomplete:
        lines.append("incomplete for: " + ", ".join(diff.incomplete))
    if detail:
        lines += ["", render_diff_markdown(diff, lang)]
    return title, "\n".join(lines)


def notify(urls: list[str], title: str, body: str) -> list[str]:
    """Send to every URL; the URLs that failed (without their secrets) are returned."""
    failed = []
    for url in urls:
        sender = apprise.Apprise()
        if not sender.add(url) or not sender.notify(title=title, body=body):
            failed.append(url.split("://", 1)[0] + "://…")
    return failed
