"""decode_article_bytes: every encoding users bring reads as the right text, binary is refused."""
from __future__ import annotations

import codecs
import time

import pytest

from timeline.articles.decoding import MAX_ARTICLE_BYTES, decode_article_bytes
from timeline.errors import ArticleError

FRENCH = "Mercredi 4 octobre 2023\r\n\r\nLe pont de la rue Alder sera fermé dès l'été, a déclaré la mairie."
WINDOWS = "He said \u201cyes\u201d \u2014 the repair costs \u20ac14 million\u2026 caf\u00e9 na\u00efve."
RUSSIAN = "Мост на улице Алдер закрыт на ремонт с понедельника, сообщила мэрия города Порт-Верити."

#: (name, bytes, expected text): table-driven, expected text has "\n" newlines.
DECODES = [
    ("utf-8", FRENCH.encode("utf-8"), FRENCH),
    ("utf-8 with BOM", codecs.BOM_UTF8 + FRENCH.encode("utf-8"), FRENCH),
    ("latin-1", FRENCH.encode("latin-1"), FRENCH),
    ("windows-1252 quotes, dash, euro", WINDOWS.encode("cp1252"), WINDOWS),
    ("utf-16 with BOM", FRENCH.encode("utf-16"), FRENCH),
    ("utf-16-be with BOM", codecs.BOM_UTF16_BE + FRENCH.encode("utf-16-be"), FRENCH),
    ("utf-16-le without BOM", FRENCH.encode("utf-16-le"), FRENCH),
    ("utf-32 with BOM", FRENCH.encode("utf-32"), FRENCH),
    ("windows-1251 (Cyrillic)", RUSSIAN.encode("cp1251"), RUSSIAN),
    ("old Mac newlines", b"line one\rline two\r", "line one\nline two\n"),
    ("a stray NUL is dropped", b"Bridge\x00 closes on Monday.\n", "Bridge closes on Monday.\n"),
    ("undefined cp1252 byte", b"caf\xe9 \x81 ok", "caf\xe9 \x81 ok"),
    ("utf-8 with one stray cp1252 byte", "d\u00e9j\u00e0 vu, \u00e9t\u00e9 ".encode() + b"caf\xe9\n",
     "d\u00e9j\u00e0 vu, \u00e9t\u00e9 caf\u00e9\n"),
]

REFUSED = [
    ("empty", b"", "empty"),
    ("only whitespace", b" \n\r\n\t\n", "empty"),
    ("random binary", bytes(range(256)) * 40, "binary"),
    ("PNG renamed to .txt", b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG"),
    ("PDF renamed to .txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    ("zip / docx", b"PK\x03\x04" + bytes(100), "ZIP"),
    ("BOM that lies", codecs.BOM_UTF8 + b"caf\xe9", "UTF-8"),
]


def test_tables_have_no_duplicate_names():
    names = [c[0] for c in DECODES] + [c[0] for c in REFUSED]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("name,data,expected", DECODES, ids=[c[0] for c in DECODES])
def test_decodes(name, data, expected):
    assert decode_article_bytes(data, "a.txt") == expected.replace("\r\n", "\n")


@pytest.mark.parametrize("name,data,word", REFUSED, ids=[c[0] for c in REFUSED])
def test_refuses_with_path_and_hint(name, data, word):
    with pytest.raises(ArticleError) as info:
        decode_article_bytes(data, "content/articles/x.txt")
    assert info.value.path == "content/articles/x.txt"
    assert info.value.hint
    assert word.lower() in info.value.message.lower()


def test_twenty_megabytes_decode_quickly():
    paragraph = "The council met on Tuesday; repairs begin in July, two days later than planned. Café.\n"
    data = (paragraph * (20 * 2**20 // len(paragraph))).encode("latin-1")
    assert len(data) >= 19 * 2**20
    started = time.perf_counter()
    text = decode_article_bytes(data, "big.txt")
    assert time.perf_counter() - started < 5
    assert text.startswith(paragraph)
    assert len(text) == len(data)


def test_absurd_size_is_refused_before_decoding():
    data = b"a" * (MAX_ARTICLE_BYTES + 1)
    with pytest.raises(ArticleError, match="MB"):
        decode_article_bytes(data, "dump.txt")
