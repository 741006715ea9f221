"""The roster's private e-mail addresses, plain or obfuscated."""

from __future__ import annotations

from collections.abc import Iterator

from exposurecheck.models import FieldMatch, FindingKind, Subject
from exposurecheck.web.match.page import Page
from exposurecheck.web.match.result import WebMatch
from exposurecheck.web.match.text import snippet


def find(page: Page) -> Iterator[WebMatch]:
    profile = page.profile
    texts = [(b.element, b.text) for b in page.blocks]
    texts += [(p.element, t) for p in page.content.people for t in p.emails]
    for email, pattern in profile.emails:
        for element, text in texts:
            for found in pattern.finditer(text):
                if page.settled(FindingKind.EMAIL, email, element):
                    break
                obfuscated = "@" not in found.group()
                yield WebMatch(FindingKind.EMAIL, Subject.OFFICIAL, element, found.group(),
                               snippet(text, found.start(), found.end()), email,
                               0.95 if obfuscated else 1.0,
                               (FieldMatch(field="email", score=1.0),))
