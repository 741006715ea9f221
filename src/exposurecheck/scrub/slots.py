"""Text that a format stores in pieces (runs, spans, text and tail of elements), read as one.

A `Slots` joins the pieces so the detectors see "Kerkstraat 12, 7721 BC" even when a
word processor split it over three runs, and writes a redaction back into the pieces
it touches: the label goes where the value began, the rest of the value is removed,
every other character stays in its own piece.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

from exposurecheck.scrub.model import Hit


@dataclass
class Slots:
    keys: list[Hashable | None] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)

    def add(self, key: Hashable | None, text: str | None) -> None:
        """A piece; key None is layout only (a line break) and is never written back."""
        if text:
            self.keys.append(key)
            self.texts.append(text)

    @property
    def text(self) -> str:
        return "".join(self.texts)

    def redacted(self, hits: Iterable[Hit], label: str | None = None) -> dict[Hashable, str]:
        """New text of every piece a hit touches; label(hit) defaults to "[<Woo ground>]"."""
        pieces = list(self.texts)
        starts, offset = [], 0
        for text in pieces:
            starts.append(offset)
            offset += len(text)
        changed: set[int] = set()
        for hit in sorted(hits, key=lambda h: h.start, reverse=True):
            for index in range(len(pieces) - 1, -1, -1):
                begin, end = starts[index], starts[index] + len(self.texts[index])
                if end <= hit.start or begin >= hit.end or self.keys[index] is None:
                    continue
                low, high = max(hit.start, begin) - begin, min(hit.end, end) - begin
                is_first_piece = hit.start >= begin
                text = pieces[index]
                put = (label or f"[{hit.ground}]") if is_first_piece else ""
                pieces[index] = text[:low] + put + text[high:]
                changed.add(index)
        return {self.keys[i]: pieces[i] for i in changed if self.keys[i] is not None}
