"""The birth date in Dutch, English or numeric form, on a page about the
official."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from exposurecheck.cooperative import checkpoint
from exposurecheck.models import FieldMatch, FindingKind, Subject
from exposurecheck.web.match.page import Page
from exposurecheck.web.match.result import WebMatch
from exposurecheck.web.match.text import fold, snippet

# Month names as council documents write them; the ORI source builds its phrases from them.
DUTCH_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                "september", "oktober", "november", "december")
DUTCH_SHORT_MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt",
                      "nov", "dec")
_OTHER_MONTHS = {
    "febr": 2, "mar": 3, "sept": 9, "oct": 10, "january": 1, "february": 2, "march": 3,
    "may": 5, "june": 6, "july": 7, "august": 8, "october": 10,
}  # fmt: skip
_MONTHS = {**{name: number for names in (DUTCH_MONTHS, DUTCH_SHORT_MONTHS)
              for number, name in enumerate(names, start=1)}, **_OTHER_MONTHS}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_YEAR = r"(?P<year>\d{4}|'\d{2})"
_DATES = (
    re.compile(rf"(?<![\w])(?P<day>\d{{1,2}})(?:e|ste|de|th|st|nd|rd)?\s*(?P<month>{_MONTH})"
               rf"\.?,?\s+{_YEAR}(?![\w])"),
    re.compile(rf"(?<![\w])(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
               rf"{_YEAR}(?![\w])"),
    re.compile(r"(?<![\w/.-])(?P<day>\d{1,2})\s?(?P<sep>[-/.])\s?(?P<month>\d{1,2})\s?(?P=sep)"
               r"\s?(?P<year>\d{4}|'?\d{2})(?![\w/-])(?!\.\w)"),  # a full stop may end the sentence
    re.compile(r"(?<![\w/.-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\d])"),
)


def _dates_in(text: str, birth: date) -> Iterator[tuple[int, int]]:
    folded = fold(text)
    for pattern in _DATES:
        for found in pattern.finditer(folded):
            month_text = found.group("month")
            month = _MONTHS.get(month_text) if not month_text.isdigit() else int(month_text)
            year_text = found.group("year").lstrip("'")
            year_ok = (int(year_text) == birth.year if len(year_text) == 4
                       else int(year_text) == birth.year % 100)
            if year_ok and month == birth.month and int(found.group("day")) == birth.day:
                yield found.start(), found.end()


def find(page: Page) -> Iterator[WebMatch]:
    profile = page.profile
    birth = profile.official.birth_date
    if birth is None or not page.about:
        return
    texts = [(b.element, b.text) for b in page.blocks]
    texts += [(p.element, p.birth_date) for p in page.content.people
              if p.birth_date is not None and (p.name is None or page.is_official(p))]
    for element, text in texts:
        for start, end in _dates_in(text, birth):
            checkpoint()
            if page.settled(FindingKind.BIRTH_DATE, birth.isoformat(), element):
                break
            yield WebMatch(FindingKind.BIRTH_DATE, Subject.OFFICIAL, element, text[start:end],
                           snippet(text, start, end), birth.isoformat(), 1.0,
                           (FieldMatch(field="birth_date", score=1.0),))
