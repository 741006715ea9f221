"""Closed value sets the command line offers, in a module without pydantic.

`models` uses them in its fields; the CLI names them in its options, and
`exposurecheck --help` should not have to load pydantic to list them.
"""

from __future__ import annotations

from enum import StrEnum


class Severity(StrEnum):
    INFO = "info"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


class SourceId(StrEnum):
    KVK = "kvk"
    WEB = "web"
    ORI = "ori"
