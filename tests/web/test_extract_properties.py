"""Property tests: the extractor reads any markup without raising."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exposurecheck.web.extract import extract
from exposurecheck.web.fetch import FetchedPage

_TAGS = ["a", "p", "div", "span", "table", "tr", "td", "th", "dl", "dt", "dd", "br", "h1",
         "script", "time", "data", "abbr", "link", "meta", "title", "li", "ul"]
_ATTRIBUTES = ["href", "src", "itemprop", "itemscope", "itemtype", "class", "content",
               "datetime", "value", "title", "type", "name", "property"]
_VALUES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["http://[oops", "https://[::1", "tel:", "mailto:%zz", "https://wa.me/%ff",
                     "vcard", "h-card", "tel", "fn", "adr", "https://schema.org/Person",
                     "application/ld+json", "street-address", "name", "spouse", "address"]))
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["@type", "@graph", "name", "address", "spouse", "telephone",
                         "homeLocation", "@value", "streetAddress", "birthDate", "x"]),
        inner, max_size=5),
    max_leaves=20)


def _page(html: str, content_type: str = "text/html") -> FetchedPage:
    return FetchedPage(url="http://gemeente-voorbeeld.test/p.html", requested_url="",
                       status=200, content_type=content_type, text=html, encoding="utf-8")


@st.composite
def _markup(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(st.sampled_from(_TAGS))
        attributes = draw(st.dictionaries(st.sampled_from(_ATTRIBUTES), _VALUES, max_size=3))
        attribute_text = "".join(f' {k}="{v.replace(chr(34), "&quot;")}"'
                                 for k, v in attributes.items())
        if tag == "script":
            body = json.dumps(draw(_JSON))
            attribute_text = ' type="application/ld+json"'
        else:
            body = draw(st.text(max_size=20))
        close = draw(st.booleans())
        parts.append(f"<{tag}{attribute_text}>{body}" + (f"</{tag}>" if close else ""))
    return "".join(parts)


@settings(max_examples=200, deadline=None)
@given(_markup())
def test_generated_markup_never_raises(html: str) -> None:
    content = extract(_page(html))
    assert content.url.endswith("p.html")


# pytest resets warning filters per test; extract's own filter holds outside pytest
@pytest.mark.filterwarnings("ignore::bs4.MarkupResemblesLocatorWarning")
@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["text/html", "text/plain"]))
def test_arbitrary_text_never_raises(text: str, content_type: str) -> None:
    content = extract(_page(text, content_type))
    assert all(block.text for block in content.blocks)
