"""Date labels at each granularity, built-in English and Babel locales, and ranges."""
from __future__ import annotations

import pytest

from timeline.periods import parse_period
from timeline.site.labels import DateLabels, check_locale

CASES = [
    # (locale, value, end, label)
    (None, "2023-09-13", None, "13 September 2023"),
    (None, "2023-07", None, "July 2023"),
    (None, "2023", None, "2023"),
    (None, "2023-Q3", None, "Q3 2023"),
    (None, "2024-SP", None, "Spring 2024"),
    (None, "2024-W10", None, "Week 10, 2024"),
    (None, "2023-09-12", "2023-09-13", "12–13 September 2023"),
    (None, "2023-09-30", "2023-10-02", "30 September – 2 October 2023"),
    (None, "2023-12-30", "2024-01-02", "30 December 2023 – 2 January 2024"),
    (None, "2023-07", "2023-09", "July–September 2023"),
    (None, "2021", "2023", "2021–2023"),
    (None, "2023-07", "2023-09-02", "July 2023 – 2 September 2023"),
    ("en_GB", "2023-09-13", None, "13 September 2023"),
    ("en_US", "2023-09-13", None, "September 13, 2023"),
    ("fr", "2023-09-13", None, "13 septembre 2023"),
    ("fr", "2023-07", None, "juillet 2023"),
    ("de", "2023", None, "2023"),
    ("en_GB", "2023-09-12", "2023-09-13", "12–13 Sept 2023"),
    ("fr", "2024-SP", None, "Spring 2024"),  # no CLDR pattern: the English label stays
]


def test_cases_are_unique():
    keys = [(loc, value, end) for loc, value, end, _ in CASES]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("locale,value,end,label", CASES)
def test_label(locale, value, end, label):
    labels = DateLabels(locale)
    assert labels.range(parse_period(value), parse_period(end) if end else None) == label


def test_month_heading_and_abbreviation():
    assert DateLabels().month(2024, 3) == "March 2024"
    assert DateLabels("fr").month(2024, 3) == "mars 2024"
    assert DateLabels().month_abbr(3) == "Mar"


def test_unknown_locale_is_a_value_error():
    with pytest.raises(ValueError, match="unknown locale"):
        check_locale("xx_NOPE")


def test_a_heading_with_quotes_gets_a_clean_anchor_and_stays_escaped():
    import markdown

    from timeline.site.files import escape_markdown

    text = escape_markdown("Engineers' \"final\" report <script>")
    html = markdown.markdown(f"# {text}", extensions=["toc"])
    assert 'id="engineers-final-report-script"' in html  # no "x27" or "quot" in the anchor
    assert "<script>" not in html and "&lt;script&gt;" in html
