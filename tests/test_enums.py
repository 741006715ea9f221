"""Every member of every closed enum the user can choose is handled somewhere."""

from __future__ import annotations

import pytest

from exposurecheck.collectors.registry import SOURCES
from exposurecheck.findings import severity_for
from exposurecheck.i18n import Lang
from exposurecheck.models import FindingKind, Severity, SourceId, Status
from exposurecheck.reporters.labels import has_label, label


@pytest.mark.parametrize("source", list(SourceId))
def test_every_source_can_be_built(source: SourceId) -> None:
    assert source in SOURCES


@pytest.mark.parametrize("kind", list(FindingKind))
def test_every_kind_has_a_severity_and_words(kind: FindingKind) -> None:
    assert severity_for(kind, Status.EXPOSED) is not Severity.INFO
    assert severity_for(kind, Status.SHIELDED) is Severity.INFO
    assert has_label(kind.value)
    assert label(kind.value, Lang.NL) != label(kind.value, Lang.EN)


@pytest.mark.parametrize("word", [*Severity, *Status, *SourceId])
def test_every_value_shown_in_a_table_is_translated(word: str) -> None:
    assert has_label(str(word))
