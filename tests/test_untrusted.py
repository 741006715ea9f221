from hypothesis import given
from hypothesis import strategies as st

from exposurecheck.untrusted import clean_block, clean_text


def test_escape_sequences_are_removed() -> None:
    assert clean_text("Jansen \x1b[31mBouw\x1b]8;;http://x\x07") == "Jansen [31mBouw]8;;http://x"


def test_line_breaks_become_spaces_in_single_line_values() -> None:
    assert clean_text("a\nb\tc\r\n") == "a b c  "
    assert clean_block("a\nb\tc") == "a\nb\tc"


def test_bidi_controls_and_surrogates() -> None:
    assert clean_text("abc\u202edef") == "abcdef"
    assert clean_text("x\ud800y") == "x\ufffdy"


@given(st.text())
def test_result_has_no_control_character_and_encodes(value: str) -> None:
    cleaned = clean_text(value)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in cleaned)
    cleaned.encode("utf-8")
