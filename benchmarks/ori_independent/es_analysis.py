"""The `text_nl` analyzer of Open Raadsinformatie's index template, re-implemented.

ORI's template (openstate/open-raadsinformatie, es_mappings/ori_template.json) defines
`text_nl` as: standard tokenizer, then asciifolding, lowercase and a word_delimiter with
`split_on_numerics: false`, `generate_word_parts/number_parts: true`,
`preserve_original: true`, `catenate_numbers: true`, `catenate_words: false`,
`split_on_case_change: false`. What that means for the text people write:

- the standard tokenizer (Unicode UAX #29) breaks on spaces, hyphens, `@`, `/`, `+`, and keeps
  `12a`, `8181AB`, `12.03.1975`, `example.nl` and `o'brien` together;
- word_delimiter then splits such tokens on their inner punctuation, keeps the original at the
  position of the first part and puts the catenation of number parts there too
  (`12.03.1975` -> `12.03.1975`, `12`, `12031975` at p, `03` at p+1, `1975` at p+2);
- `12a` stays one token (no split between letters and digits), `12-a` is `12`, `a`.

Tokens carry their character offsets so the stand-in can highlight.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# UAX #29 word-break classes, as far as Dutch council text needs them.
_MID_LETTER = {":", "·", "\u0387", "\u05f4", "\u2027", "\ufe13", "\ufe55", "\uff1a"}
_MID_NUM_LET = {".", "'", "\u2018", "\u2019", "\u2024", "\ufe52", "\uff07", "\uff0e"}
_MID_NUM = {",", ";", "\u037e", "\u0589", "\u060c", "\u060d", "\u066c", "\u07f8", "\u2044",
            "\ufe10", "\ufe14", "\ufe50", "\ufe54", "\uff0c", "\uff1b"}

# Lucene's ASCIIFoldingFilter maps more than NFKD can decompose.
_FOLD_EXTRA = {
    "ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE", "ı": "i",
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH",
    "ĳ": "ij", "Ĳ": "IJ", "ŀ": "l", "Ŀ": "L", "ƒ": "f",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
    "\u2014": "-", "\u00ad": "",
}


@dataclass(frozen=True)
class Token:
    """One indexed term: its text, its position in the value and where it stands in the text."""

    term: str
    position: int
    start: int
    end: int


def _is_letter(ch: str) -> bool:
    return ch.isalpha() or unicodedata.category(ch).startswith("M")


def _is_digit(ch: str) -> bool:
    return unicodedata.category(ch) == "Nd"


def _is_word(ch: str) -> bool:
    return _is_letter(ch) or _is_digit(ch) or ch == "_" or unicodedata.category(ch) == "Pc"


def standard_tokenize(text: str) -> list[tuple[str, int, int]]:
    """Split like Lucene's StandardTokenizer (UAX #29 word boundaries); max token 255 chars."""
    tokens: list[tuple[str, int, int]] = []
    i, n = 0, len(text)
    while i < n:
        if not _is_word(text[i]):
            i += 1
            continue
        start = i
        i += 1
        while i < n:
            ch = text[i]
            if _is_word(ch):
                i += 1
                continue
            if i + 1 < n:
                prev, nxt = text[i - 1], text[i + 1]
                letters = _is_letter(prev) and _is_letter(nxt)
                digits = _is_digit(prev) and _is_digit(nxt)
                if (ch in _MID_LETTER and letters) or (ch in _MID_NUM_LET and (letters or digits)):
                    i += 2
                    continue
                if ch in _MID_NUM and digits:
                    i += 2
                    continue
            break
        word = text[start:i]
        if any(c.isalnum() for c in word):
            for off in range(0, len(word), 255):
                tokens.append((word[off:off + 255], start + off, min(start + off + 255, i)))
    return tokens


def ascii_fold(text: str) -> str:
    """Fold accents and ligatures to ASCII the way Lucene's ASCIIFoldingFilter does."""
    out = []
    for ch in text:
        if ch in _FOLD_EXTRA:
            out.append(_FOLD_EXTRA[ch])
            continue
        if ord(ch) < 128:
            out.append(ch)
            continue
        decomposed = unicodedata.normalize("NFKD", ch)
        base = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))
        out.append(base if base else ch)
    return "".join(out)


def _word_parts(term: str) -> list[str]:
    """Sub-words of a token split on everything that is not a letter or digit."""
    parts: list[str] = []
    cur: list[str] = []
    for ch in term:
        if ch.isalnum():
            cur.append(ch)
        elif cur:
            parts.append("".join(cur))
            cur = []
    if cur:
        parts.append("".join(cur))
    return parts


def analyze(text: str) -> list[Token]:
    """Run `text_nl` over one value and return its tokens with positions from 0."""
    result: list[Token] = []
    pos = -1
    for raw, start, end in standard_tokenize(text):
        term = ascii_fold(raw).lower()
        parts = _word_parts(term)
        if not parts:
            continue
        if len(parts) == 1 and parts[0] == term:
            pos += 1
            result.append(Token(term, pos, start, end))
            continue
        first = pos + 1
        result.append(Token(term, first, start, end))  # preserve_original
        seen_at_first = {term}
        # catenate_numbers: each run of all-digit parts also as one token at its first position
        run_start = None
        run: list[str] = []
        runs: list[tuple[int, str]] = []
        for idx, part in enumerate(parts):
            if part.isdigit():
                if run_start is None:
                    run_start = idx
                run.append(part)
            else:
                if run_start is not None and len(run) > 1:
                    runs.append((run_start, "".join(run)))
                run_start, run = None, []
        if run_start is not None and len(run) > 1:
            runs.append((run_start, "".join(run)))
        catenated = dict(runs)
        for idx, part in enumerate(parts):
            p = first + idx
            if not (idx == 0 and part in seen_at_first):
                result.append(Token(part, p, start, end))
            if idx in catenated:
                result.append(Token(catenated[idx], p, start, end))
        pos = first + len(parts) - 1
    return result


def analyze_keyword(value: str) -> list[Token]:
    """A keyword field: the whole value is the one term."""
    return [Token(value, 0, 0, len(value))]
