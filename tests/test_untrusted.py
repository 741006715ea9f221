import pytest
from hypothesis import given
from hypothesis import strategies as st

from exposurecheck.untrusted import clean_block, clean_text


@pytest.mark.parametrize(("raw", "cleaned"), [
    pytest.param("Jansen \x1b[31mBouw\x1b]8;;http://x\x07", "Jansen [31mBouw]8;;http://x",
                 id="escape-sequences"),
    pytest.param("a\nb\tc\r\n", "a b c  ", id="line-breaks-become-spaces"),
    pytest.param("abc\u202edef", "abcdef", id="bidi-control"),
    pytest.param("x\ud800y", "x\ufffdy", id="lone-surrogate"),
])
def test_a_one_line_value_loses_what_a_terminal_would_act_on(raw: str, cleaned: str) -> None:
    assert clean_text(raw) == cleaned


def test_a_block_keeps_its_line_breaks_and_tabs() -> None:
    assert clean_block("a\nb\tc") == "a\nb\tc"


@given(st.text())
def test_result_has_no_control_character_and_encodes(value: str) -> None:
    cleaned = clean_text(value)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in cleaned)
    cleaned.encode("utf-8")
