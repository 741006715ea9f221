"""Property and reproducer tests: the web matcher never raises and its work stays linear.

The reproducers are the pathological pages of benchmarks/web_matching.py, small, for its
official."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exposurecheck.matching import names as names_module
from exposurecheck.matching.names import match_person, parse_person_name
from exposurecheck.models import FindingKind
from exposurecheck.web.extract import Block, Element, PageContent
from exposurecheck.web.match import find_exposures
from exposurecheck.web.match import page as page_module

from benchmarks.web_matching import WILLEM

_WORDS = st.sampled_from([
    "Willem", "Maas", "Willems", "Sanne", "Kerkstraat", "12", "7721BC", "7721 BC", "Dalfsen",
    "woont", "in", "te", "aan", "de", "van", "zijn", "partner", "dochter", "06-12345601",
    "w.maas@example.nl", "3", "maart", "1975", "3-3-1975", ".", ",", "\n", "(", ")", ":",
    "Kees", "Jansen", "Wethouder", "W.", "Woonplaats:", "[at]", "ı", "ß"])


def _content(*texts: str) -> PageContent:
    return PageContent(url="http://gemeente.test/p.html",
                       blocks=tuple(Block(Element.TEXT, t) for t in texts))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_WORDS, max_size=40).map(" ".join), max_size=5),
       st.lists(st.text(max_size=60), max_size=2))
def test_any_page_is_matched_without_raising(blocks: list[str], noise: list[str]) -> None:
    content = _content(*blocks, *noise)
    for match in find_exposures(WILLEM, content):
        assert any(match.value.split(",")[0] in b.text for b in content.blocks)


def _calls(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> Counter[str]:
    counter: Counter[str] = Counter()
    real = getattr(module, name)

    def counted(*args: object, **kwargs: object) -> object:
        counter[name] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return counter


def test_match_person_reads_a_bounded_number_of_given_names(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The probe's case: a first name that resembles the surname, thousands of times."""
    counter = _calls(monkeypatch, names_module, "_is_given")
    person = parse_person_name("Willem Willems")
    for size in (1_000, 2_000):
        counter.clear()
        assert match_person(person, "Willem " * size + "Willems").strength == "full"
        assert counter["_is_given"] <= 20 * size  # was size squared


@pytest.mark.parametrize("page", [
    "Wethouder Willem Maas woont met zijn partner " + "Willem Willems " * 2_000,
    "Wethouder Maas zei dinsdag in de commissie dat Maas het steunt. " * 2_000,
])
def test_a_name_repeated_thousands_of_times_is_matched_once_per_context(
        monkeypatch: pytest.MonkeyPatch, page: str) -> None:
    counter = _calls(monkeypatch, page_module, "match_person")
    find_exposures(WILLEM, _content(page))
    assert counter["match_person"] <= 50


def test_many_paragraphs_are_each_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The probe's housemate page in paragraphs: each looked back over all earlier ones."""
    counter = _calls(monkeypatch, page_module, "_not_a_name")
    blocks = ["Willem Maas"] + ["Willem Willems, partner."] * 2_000
    found = find_exposures(WILLEM, _content(*blocks))
    assert counter["_not_a_name"] <= 5 * len(blocks)
    assert {m.kind for m in found} == {FindingKind.HOUSEHOLD_NAME}
