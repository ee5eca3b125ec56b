"""Sentence splitting keeps offsets and does not break at abbreviations."""
from timeline.events.sentences import split_sentences

TEXT = ('Mr. Smith met U.S. officials on Sept. 13, 2023. He left at 5 p.m. on Friday.\n'
        'A headline without a stop\n\nNext paragraph? Yes! "A quote." Then more.')


def test_offsets_point_at_the_text():
    for sentence in split_sentences(TEXT):
        assert TEXT[sentence.start:sentence.end] == sentence.text


def test_boundaries():
    assert [s.text for s in split_sentences(TEXT)] == [
        "Mr. Smith met U.S. officials on Sept. 13, 2023.", "He left at 5 p.m. on Friday.",
        "A headline without a stop", "Next paragraph?", "Yes!", '"A quote."', "Then more."]


def test_empty():
    assert split_sentences("") == [] and split_sentences(" \n\n ") == []
