"""Exit codes: one per outcome a script or CI job needs to tell apart."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    EXPOSURES_FOUND = 1
    BAD_INPUT = 2
    INCOMPLETE = 3
