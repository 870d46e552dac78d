"""Article boundaries and double-quoted stretches, read off the tokens."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from quotes.coref.segments import double_quoted, doc_segment_starts, segment_starts


def test_seed_page_splits_into_its_articles(nlp, seed_text):
    starts = doc_segment_starts(nlp.make_doc(seed_text))
    assert starts == segment_starts(seed_text)
    assert seed_text[starts[1]:].startswith("Read also:")
    assert seed_text[starts[2]:].startswith("Related Articles")
    assert len(starts) == 6   # main article, "Read also" line, heading, three related articles


def test_single_blank_lines_do_not_split(nlp):
    text = "First paragraph.\n\nSecond paragraph.\n\nThird."
    assert doc_segment_starts(nlp.make_doc(text)) == [0]


_LINE = st.sampled_from(["A man spoke.", "", "  ", "Related Articles", "read more: x", "He said it.", "\t",
                         "Recommended for you", "  Related stories"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_LINE, min_size=1, max_size=12))
def test_token_segmentation_matches_text_segmentation(nlp, lines):
    text = "\n".join(lines)
    assert doc_segment_starts(nlp.make_doc(text)) == segment_starts(text)


def test_double_quoted_stretches(nlp):
    doc = nlp.make_doc('He said "we won" and “they lost.” Then "an unclosed one\nends at the line.')
    spans = double_quoted(doc)
    assert [doc[a + 1:b].text for a, b in spans] == ["we won", "they lost."]
