from __future__ import annotations

import dataclasses

import pytest

from exposurecheck.i18n import Lang
from exposurecheck.models import Report
from exposurecheck.reporters import html, markdown
from exposurecheck.reporters.interface import RenderOptions
from exposurecheck.reporters.view import Section, SectionRenderer, report_view

from tests.reporters.test_html import hostile_report, varied_report
from tests.reporters.test_not_read import NOT_READ


def test_findings_most_urgent_first_and_each_step_once_with_its_findings() -> None:
    (block,) = report_view(varied_report(), Lang.EN).officials
    assert [(f.severity.value, f.status.value) for f in block.findings] == [
        ("critical", "exposed"), ("high", "exposed"), ("critical", "accepted"),
        ("info", "shielded")]
    assert [f.settled for f in block.findings] == [False, False, True, True]
    assert block.findings[2].acceptance == (
        "accepted by Griffier: Bekend bij de griffie (until 2027-06-30)")
    assert block.worst is not None and block.worst.text == "critical"
    assert block.exposures == 2
    titles = [s.title for s in block.steps]
    assert len(titles) == len(set(titles))
    covenant = next(s for s in block.steps if "under the covenant" in s.title)
    assert covenant.concerns == (2, 3)


def test_words_are_chosen_in_the_view() -> None:
    (block,) = report_view(varied_report(Lang.NL), Lang.NL).officials
    assert block.findings[0].severity.text == "kritiek"
    assert block.state.text == "volledig"
    assert block.who == ("wethouder", "Gemeente Voorbeeld")


def test_only_the_findings_own_web_address_may_become_a_link() -> None:
    (block,) = report_view(hostile_report(), Lang.EN).officials
    links = {p.text: p.link for f in block.findings for p in f.where}
    assert links["javascript:alert(1)"] is False
    assert links["http://[::1/raad"] is False
    assert links["https://www.example.nl/raad?wie=a&b=c"] is True
    assert links["KVK 90000001"] is False


def test_the_view_is_frozen_and_markdown_shows_what_it_holds() -> None:
    report = varied_report()
    view = report_view(report, Lang.EN)
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.officials[0].findings[0].kind = "x"  # type: ignore[misc]
    text = markdown.render(report, RenderOptions())
    for step in view.officials[0].steps:
        assert f"concerns finding {', '.join(map(str, step.concerns))})" in text


def test_only_a_complete_official_with_nothing_found_is_clean(report: Report) -> None:
    blocks = {b.id: b for b in report_view(report, Lang.EN).officials}
    assert Section.CLEAN in blocks["demo-004"].sections and not blocks["demo-004"].findings
    assert not any(Section.CLEAN in b.sections for b in blocks.values()
                   if b.findings or not b.complete)


@pytest.mark.parametrize("sections", [html.SECTIONS, markdown.SECTIONS], ids=["html", "markdown"])
def test_every_section_has_a_rendering(sections: dict[Section, SectionRenderer]) -> None:
    assert set(sections) == set(Section)


def test_sections_are_chosen_and_ordered_in_the_view(report: Report) -> None:
    hostile = hostile_report()
    incomplete = hostile.officials[0].model_copy(update={"not_read": NOT_READ})
    (block,) = report_view(hostile.model_copy(update={"officials": (incomplete,)}),
                           Lang.EN).officials
    assert not block.complete and block.findings
    assert block.sections == (Section.ERRORS, Section.NOT_READ, Section.FINDINGS)
    clean = next(b for b in report_view(report, Lang.EN).officials if b.id == "demo-004")
    assert clean.sections == (Section.CLEAN,)
