from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from pydantic import ValidationError

from exposurecheck.i18n import Lang
from exposurecheck.models import (
    FindingKind,
    Report,
    Severity,
    SourceErrorKind,
    SourceId,
    Status,
    Subject,
)
from exposurecheck.redact import redact_report
from exposurecheck.reporters.aggregate import (
    RENDERERS,
    Aggregate,
    Count,
    aggregate,
    render_aggregate,
)
from exposurecheck.reporters.interface import OutputFormat, RenderOptions

from tests.conftest import accepted, make_finding, make_official, make_report, source_failed

# Everything personal in the report below; none of it may reach a summary.
SECRETS = ("zq-7731-xylo", "qv-0042-umbra", "Xylophonia Quetzalcoatl-Brandewijn",
           "Umbriel Vandersloot", "Gemeente Qwertyhuizen", "Zwaluwstaartlaan 77", "9999 ZZ",
           "Nergenshuizen", "Quetzal Klusdiensten", "Brandewijn Holding", "Griffier Okkenga",
           "afgesproken met Quetzalcoatl", "lookup for Umbriel failed")


def distinctive_report() -> Report:
    home = "Zwaluwstaartlaan 77, 9999 ZZ Nergenshuizen"
    known = accepted(make_finding("zq-7731-xylo", severity=Severity.CRITICAL, address=home,
                                  trade_name="Brandewijn Holding", person=SECRETS[2],
                                  vestigingsnummer="000000000011"),
                     "afgesproken met Quetzalcoatl", "Griffier Okkenga")
    officials = [
        make_official("zq-7731-xylo", SECRETS[2],
                      make_finding("zq-7731-xylo", address=home,
                                   trade_name="Quetzal Klusdiensten", person=SECRETS[2]),
                      known, role="burgemeester", organisation="Gemeente Qwertyhuizen",
                      sources=(SourceId.KVK,)),
        make_official("qv-0042-umbra", "Umbriel Vandersloot",
                      make_finding("qv-0042-umbra", status=Status.SHIELDED,
                                   severity=Severity.INFO, address=home,
                                   person="Umbriel Vandersloot"),
                      role="Wethouder", organisation="Gemeente Qwertyhuizen",
                      errors=(source_failed(SourceErrorKind.FAILED,
                                            "name lookup for Umbriel failed"),)),
    ]
    officials.append(make_official(
        "zz-raad-1", "Ysolde Wobbegong 1",
        make_finding("zz-raad-1", kind=FindingKind.BUSINESS_AT_HOME, subject=Subject.UNKNOWN,
                     severity=Severity.MEDIUM), role="raadslid"))
    officials += [make_official(f"zz-raad-{n}", f"Ysolde Wobbegong {n}", role="raadslid")
                  for n in range(2, 5)]
    return make_report().model_copy(update={
        "lang": "nl", "sources": (SourceId.KVK, SourceId.WEB), "officials": tuple(officials)})


def counts(items: tuple[Count, ...]) -> dict[str, int]:
    return {c.key: c.count for c in items}


def test_counts(report: Report) -> None:
    agg = aggregate(report)
    assert (agg.officials, agg.with_exposures, agg.incomplete) == (4, 2, 1)
    assert (agg.exposures, agg.accepted, agg.shielded) == (2, 0, 1)
    assert counts(agg.by_severity) == {"critical": 0, "high": 1, "medium": 1, "low": 0, "info": 0}
    assert list(counts(agg.by_severity)) == ["critical", "high", "medium", "low", "info"]
    assert counts(agg.by_kind) == {"home_address": 1, "business_at_home": 1}
    assert counts(agg.by_source) == {"kvk": 2}
    assert counts(agg.by_status) == {"exposed": 2, "accepted": 0, "shielded": 1}


def test_accepted_findings_are_counted_apart_from_exposures() -> None:
    agg = aggregate(distinctive_report())
    assert (agg.exposures, agg.accepted, agg.shielded) == (2, 1, 1)
    assert counts(agg.by_severity)["critical"] == 0  # the critical one is accepted
    assert counts(agg.by_source) == {"kvk": 2, "web": 0}
    assert agg.with_exposures == 2 and agg.incomplete == 1


def council(roles: dict[str | None, int]) -> Report:
    """A council with these many officials per role; each official has one open exposure."""
    officials = [make_official(f"{role}-{n}", f"Official {n}", make_finding(f"{role}-{n}"),
                               role=role)
                 for role, size in roles.items() for n in range(size)]
    return distinctive_report().model_copy(update={"officials": tuple(officials)})


def test_small_roles_are_pooled_so_no_count_points_to_one_person() -> None:
    agg = aggregate(council({"burgemeester": 1, "wethouder": 3, "raadslid": 5, None: 1}))
    assert [(g.roles, g.officials, g.exposures) for g in agg.by_role] == [
        (("burgemeester", "wethouder", None), 5, 5), (("raadslid",), 5, 5)]


def test_pooling_goes_on_until_every_group_is_large_enough() -> None:
    agg = aggregate(distinctive_report())
    assert [(g.roles, g.officials, g.exposures) for g in agg.by_role] == [
        (("burgemeester", "raadslid", "wethouder"), 6, 2)]
    agg = aggregate(council({"burgemeester": 1, "wethouder": 4, "raadslid": 20}))
    assert all(g.officials >= 3 for g in agg.by_role)
    assert sum(g.exposures for g in agg.by_role) == agg.exposures == 25
    assert [g.roles for g in agg.by_role] == [("raadslid",), ("burgemeester", "wethouder")]


def test_every_role_apart_when_asked() -> None:
    agg = aggregate(distinctive_report(), min_role_group=1)
    assert [(g.roles, g.officials, g.exposures) for g in agg.by_role] == [
        (("raadslid",), 4, 1), (("burgemeester",), 1, 1), (("wethouder",), 1, 0)]


def test_aggregate_is_frozen(report: Report) -> None:
    agg = aggregate(report)
    with pytest.raises(ValidationError):
        agg.officials = 99  # type: ignore[misc]
    assert hash(agg) == hash(aggregate(report))


@pytest.mark.parametrize("output_format", sorted(RENDERERS))
@pytest.mark.parametrize("redact", [False, True])
@pytest.mark.parametrize("lang", list(Lang))
def test_summary_holds_nothing_personal(output_format: str, redact: bool, lang: Lang) -> None:
    report = distinctive_report()
    if redact:
        report = redact_report(report)
    text = render_aggregate(aggregate(report), output_format, RenderOptions(lang=lang)).casefold()
    personal = [*SECRETS, *(o.name for o in report.officials), *(o.id for o in report.officials)]
    assert [s for s in personal if s.casefold() in text] == []


@pytest.mark.parametrize("output_format", sorted(RENDERERS))
def test_every_format_shows_the_counts(output_format: str) -> None:
    text = render_aggregate(aggregate(distinctive_report()), output_format,
                            RenderOptions(lang=Lang.EN))
    assert "officials audited" in text or '"officials": 6' in text
    assert "burgemeester + raadslid + wethouder" in text or '"burgemeester",' in text


def test_a_renderer_per_format_for_people_and_programs() -> None:
    assert set(RENDERERS) == {"table", "json", "markdown", "html"}
    assert render_aggregate(aggregate(distinctive_report()), OutputFormat.JSON,
                            RenderOptions()).startswith("{")


def test_json_round_trips(report: Report) -> None:
    agg = aggregate(report)
    text = render_aggregate(agg, "json", RenderOptions())
    assert Aggregate.model_validate(json.loads(text)) == agg
    assert json.loads(text)["by_severity"][1] == {"key": "high", "count": 1}


def test_table_and_markdown_rows(report: Report) -> None:
    table = render_aggregate(aggregate(report), "table", RenderOptions(lang=Lang.NL, width=100))
    assert "ambtsdragers gecontroleerd" in table and "Blootstellingen per ernst" in table
    assert any(line.split() == ["hoog", "│", "1"] for line in table.splitlines())
    markdown = render_aggregate(aggregate(report), "markdown", RenderOptions())
    assert "| officials audited | 4 |" in markdown
    assert "| raadslid + wethouder + no role | 4 | 2 |" in markdown
    assert "<svg" not in markdown


def test_html_summary_has_charts_and_note(report: Report) -> None:
    page = BeautifulSoup(render_aggregate(aggregate(report), "html", RenderOptions()),
                         "html.parser")
    assert len(page.select("svg.chart")) == 5
    desc = page.find(id="chart-severity-desc")
    assert desc is not None
    assert desc.get_text() == "critical: 0; high: 1; medium: 1; low: 0; info: 0"
    assert page.find("script") is None
    notice = page.select_one(".notice")
    assert notice is not None and "fewer than 3 officials" in notice.get_text()
