"""Resumable audits: each finished official is appended to a JSON Lines file.

The first line identifies the audit (a digest of the roster, sources and
language), so a checkpoint is never resumed against other input. A line cut
short by a crash is dropped on resume and that official is audited again.
The file holds unredacted results, so it is created owner-only (0600).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from pydantic import ValidationError

from exposurecheck.models import OfficialId, OfficialResult, Roster, SourceId
from exposurecheck.output import owner_only

FORMAT = "exposurecheck-checkpoint/1"


class CheckpointError(Exception):
    """The checkpoint cannot be used for this audit: bad input, exit 2."""


def audit_digest(roster: Roster, sources: Sequence[SourceId], lang: str) -> str:
    payload = json.dumps({"roster": roster.model_dump(mode="json"),
                          "sources": sorted(s.value for s in sources), "lang": lang},
                         sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()


class Checkpoint:
    def __init__(self, path: Path, digest: str) -> None:
        self.path = path
        self.digest = digest
        self.done: dict[OfficialId, OfficialResult] = {}
        self._handle: IO[str] | None = None

    def open(self) -> Checkpoint:
        """Load what an earlier run finished, then keep the file open for appending."""
        good_length = self._load() if self.path.exists() else 0
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        owner_only(fd)
        os.ftruncate(fd, good_length)
        handle = os.fdopen(fd, "a", encoding="utf-8")
        if good_length == 0:
            handle.write(json.dumps({"format": FORMAT, "audit": self.digest}) + "\n")
            self._sync(handle)
        self._handle = handle
        return self

    def record(self, result: OfficialResult) -> None:
        assert self._handle is not None, "open() the checkpoint first"
        self._handle.write(result.model_dump_json() + "\n")
        self._sync(self._handle)
        self.done[result.id] = result

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def _load(self) -> int:
        """Read finished results; return the byte length of the intact part."""
        data = self.path.read_bytes()
        lines = data.split(b"\n")
        try:
            header = json.loads(lines[0])
        except (json.JSONDecodeError, UnicodeDecodeError):
            if len(lines) == 1:  # the header itself was cut short: start afresh
                return 0
            raise CheckpointError(f"{self.path}: not an exposurecheck checkpoint") from None
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            raise CheckpointError(f"{self.path}: not an exposurecheck checkpoint")
        if header.get("audit") != self.digest:
            raise CheckpointError(
                f"{self.path}: checkpoint of another audit (different roster, sources or "
                "language); use a new checkpoint file")
        length = len(lines[0]) + 1
        for line in lines[1:]:
            if not line.strip():
                break
            try:
                result = OfficialResult.model_validate_json(line)
            except ValidationError:
                break  # a line cut short by a crash: audit that official again
            self.done[result.id] = result
            length += len(line) + 1
        return min(length, len(data))

    @staticmethod
    def _sync(handle: IO[str]) -> None:
        handle.flush()
        os.fsync(handle.fileno())
