from __future__ import annotations

import re

import pytest

from exposurecheck.i18n import Lang
from exposurecheck.models import Report
from exposurecheck.redact import redact_report
from exposurecheck.reporters import markdown
from exposurecheck.reporters.aggregate import markdown_table, md
from exposurecheck.reporters.interface import RenderOptions

from tests.conftest import make_finding, make_report, one_official
from tests.reporters.test_html import varied_report
from tests.reporters.test_reporters import check_snapshot

UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def section(text: str, heading: str) -> str:
    start = text.index(heading)
    end = text.find("\n## ", start + 1)
    return text[start:] if end < 0 else text[start:end]


@pytest.mark.parametrize("lang", list(Lang))
def test_markdown_snapshot(lang: Lang) -> None:
    report = redact_report(make_report(lang))
    check_snapshot(f"report-{lang.value}.md", markdown.render(report, RenderOptions(lang=lang)))


def test_overview_counts_as_tables(report: Report) -> None:
    text = markdown.render(report, RenderOptions())
    assert "| officials audited | 4 |" in text
    assert "| incomplete (a source failed) | 1 |" in text
    overview = section(text, "## Overview")
    assert "| high | 1 |\n| medium | 1 |" in overview
    assert "| unknown business at home | 1 |" in overview
    assert "| KVK Business Register | 2 |" in overview
    assert "| wethouder | 1 | 1 |" in overview
    assert "<svg" not in text and "<table" not in text


def test_officials_findings_errors_and_steps(report: Report) -> None:
    text = markdown.render(report, RenderOptions())
    first = section(text, "## Jan-Willem van den Berg (demo-001)")
    assert "| 1 | high | home address | official | exposed |" in first
    assert "Kerkstraat 12A, 1234 AB Dorp" in first  # not redacted: shown as in the report
    assert first.index("1. **First step for your sole proprietorship") < first.index(
        ". **Shielding is in place")
    assert "legal basis: art. 51 lid 4 Handelsregisterbesluit 2008" in first
    assert "<https://www.kvk.nl/over-het-handelsregister/decentrale-politieke-ambtsdragers/>" \
        in first
    failed = section(text, "## Ahmet Çelik (demo-003)")
    assert "**INCOMPLETE**" in failed
    assert "- KVK Business Register: failed: address search: HTTP 503 after 3 retries" in failed
    assert "no findings" in section(text, "## Sanne Bakker (demo-004)")


def test_accepted_and_urgency_as_in_html() -> None:
    text = markdown.render(varied_report(), RenderOptions())
    rows = [line for line in text.splitlines() if re.match(r"\| \d \| ", line)]
    assert [row.split(" | ")[1] for row in rows] == ["critical", "high", "critical", "info"]
    assert ("accepted (accepted by Griffier: Bekend bij de griffie (until 2027-06-30))"
            in rows[2])
    assert "1. **Shielding on a concrete threat** (concerns finding 1)" in text


def test_names_cannot_become_markup_or_break_tables() -> None:
    finding = make_finding("x-1", trade_name="A | B *C* [click](https://evil.example)",
                           person="<img src=x>")
    text = markdown.render(one_official("x-1", "**Boss** _of_ `#1`", finding, role="- raadslid"),
                           RenderOptions())
    assert r"## \*\*Boss\*\* \_of\_ \`\#1\` (x-1)" in text
    assert r"\- raadslid" in text
    assert r"A \| B \*C\* \[click\](https://evil.example)" in text
    assert r"\<img src=x\>" in text and "<img" not in text.replace(r"\<img", "")
    table = [line for line in section(text, r"## \*\*Boss").splitlines()
             if line.startswith("| 1 |")]
    assert len(UNESCAPED_PIPE.findall(table[0])) == 9  # 8 columns, nothing spilled over


def test_md_escapes_only_what_markdown_would_read() -> None:
    assert md("J.W. v. d. B.") == "J.W. v. d. B."
    assert md("3.5 km") == "3.5 km"
    assert md("1. first") == r"1\. first"
    assert md("+31 6 12345678") == r"\+31 6 12345678"
    assert md("a\nb\tc") == "a b c"
    assert md("R&D <b>") == r"R\&D \<b\>"


def test_markdown_table_aligns_numbers() -> None:
    assert markdown_table(("a", "n"), [("x|y", 3)], numeric=(1,)) == (
        "| a | n |\n| --- | ---: |\n| x\\|y | 3 |\n")


def test_dutch() -> None:
    text = markdown.render(make_report(Lang.NL), RenderOptions(lang=Lang.NL))
    assert text.startswith("# Rapport vindbaarheid persoonsgegevens · Gemeente Voorbeeld\n")
    assert "### Wat te doen" in text and "**ONVOLLEDIG**" in text
    assert "| ambtsdragers gecontroleerd | 4 |" in text
