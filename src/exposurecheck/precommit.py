"""The pre-commit hook: audit every roster file pre-commit passes, in-process.

`exposurecheck audit` takes one roster; pre-commit passes all matching files at
once, after the hook's args. So arguments starting with "-" are options for every
audit (write them as --name=value) and the others are rosters, audited one by one.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from exposurecheck.cli import build_app
from exposurecheck.exitcodes import ExitCode


def main(argv: Sequence[str] | None = None) -> int:
    """Return the highest exit code of all audits, so any problem fails the hook."""
    args = sys.argv[1:] if argv is None else list(argv)
    options = [arg for arg in args if arg.startswith("-")]
    worst: int = ExitCode.OK
    for roster in (arg for arg in args if not arg.startswith("-")):
        print(f"== {roster}", flush=True)
        worst = max(worst, _audit([*options, roster]))
    return worst


def _audit(args: list[str]) -> int:
    """Standalone mode, so usage errors print as on the command line; it ends in SystemExit."""
    try:
        build_app()(["audit", *args], prog_name="exposurecheck")
    except SystemExit as exc:
        return int(exc.code or 0)
    return ExitCode.OK


if __name__ == "__main__":
    sys.exit(main())
