"""Whatever a roster file holds, loading it gives a roster or the loader's own error."""

from __future__ import annotations

import contextlib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exposurecheck.roster import load_roster
from exposurecheck.roster.loader import RosterError

SECRET = "Zzqx"  # planted in every value: it must never reach a message
KEYS = st.sampled_from(["officials", "id", "name", "home", "street", "number", "postcode",
                        "household", "phones", "emails", "kvk_numbers", "birth_date", "urls",
                        "sites", "initials", "role", "x" + SECRET])
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12).map(lambda t: SECRET + t),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=25)


def _check(path: Path) -> None:
    try:
        load_roster(path)
    except RosterError as exc:
        assert SECRET not in str(exc)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.dictionaries(KEYS, VALUES, max_size=3))
def test_any_json_roster_loads_or_fails_as_bad_input_without_echoing(tmp_path: Path,
                                                                     data: object) -> None:
    import json
    path = tmp_path / "roster.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    _check(path)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300))
def test_any_yaml_or_csv_text_loads_or_fails_as_bad_input(tmp_path: Path, text: str) -> None:
    for suffix in (".yaml", ".csv"):
        path = tmp_path / f"roster{suffix}"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        with contextlib.suppress(RosterError):
            load_roster(path)


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.lists(st.text(max_size=15).map(lambda t: SECRET + t.replace(",", "")),
                      min_size=1, max_size=8))
def test_a_csv_without_a_header_never_prints_its_cells(tmp_path: Path, cells: list[str]) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(",".join(cells) + "\n" + ",".join(cells) + "\n", encoding="utf-8")
    _check(path)
