"""Turn the bytes of an article file into text, whatever encoding a scraper left it in.

Users feed in pages saved by browsers, scrapers and old Windows tools: UTF-8 with or
without a BOM, UTF-16 from Notepad, Latin-1 and Windows-1252 from old CMSs, now and then
a PDF or an image renamed to ``.txt``. Reading them all as UTF-8 turns the first ``é``
into a crash; guessing wrongly turns ``été`` into ``Ã©tÃ©`` silently. So we go from
the most certain evidence to the least:

1. a byte-order mark (UTF-32, UTF-16, UTF-8) is certain;
2. strict UTF-8 almost never decodes text that is not UTF-8; a file that is mostly UTF-8
   with a few stray legacy bytes keeps its UTF-8 and reads those bytes as Windows-1252;
3. UTF-16 without a BOM shows as NUL bytes on every other position;
4. a legacy single-byte page: Windows-1252 (a superset of Latin-1 for printable text)
   unless most letters are high bytes, which means a non-Latin script (Cyrillic,
   Greek...), where we ask ``charset_normalizer`` if it is installed.

Binary files and absurd sizes are refused with an ``ArticleError`` naming the file, so
the user sees one line instead of a page of mojibake or a run that never ends.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from timeline.errors import ArticleError

#: Larger than any real article (the longest long-reads are well under 1 MB of text);
#: above this the file is a dump, a log or a mistake, and the resolver would crawl.
MAX_ARTICLE_BYTES = 32 * 1024 * 1024

#: Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Signatures of formats people mistake for text, with what to do about each.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt document)"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word/Excel document"),
)

#: C0 control bytes that never occur in text (tab, newlines and form feed do).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
#: Above this share of control characters a file is binary, not text with a stray NUL.
MAX_CONTROL_RATIO = 0.02
#: ...and a short note with one stray NUL is still text.
_MIN_CONTROLS = 4
#: How much of the file the encoding heuristics look at: enough to be sure, bounded cost.
_SAMPLE = 256 * 1024
_HIGH_LETTER_BYTES = bytes(range(0xC0, 0x100))
_HIGH_BYTES = bytes(range(0x80, 0x100))
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_ASCII_LETTER_BYTES = bytes(range(65, 91)) + bytes(range(97, 123))
#: Share of letters that are high bytes above which a single-byte page is not Western.
_NON_LATIN_RATIO = 0.4
#: charset_normalizer answers we take for "Western European", i.e. for Windows-1252.
_WESTERN = {"ascii", "cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp437",
            "cp850", "mac_roman", "mac_latin2", "cp858"}


def decode_article_bytes(data: bytes, path: str | Path) -> str:
    """The text of an article file, with ``\\n`` newlines and no NUL or other control characters.

    A few stray control characters (a NUL from a broken scraper) are dropped rather than
    written into the YAML; many of them mean the file is not text at all.

    Raises ``ArticleError`` (with ``path`` and a hint) for an empty, oversized or binary
    file, so callers never see a ``UnicodeDecodeError``.
    """
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(
            f"file is {len(data) / 2**20:.0f} MB, more than the {MAX_ARTICLE_BYTES // 2**20} MB "
            "an article may have", path=path,
            hint="split it into one file per article, or leave it out if it is not an article")
    text = _decode(data, path)
    if _CONTROL_CHARS.search(text):
        _refuse_if_binary(len(_CONTROL_CHARS.findall(text)), len(text), path)
        text = _CONTROL_CHARS.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError("article is empty", path=path,
                           hint="delete the file or put the article's text in it")
    return text


def _decode(data: bytes, path: str | Path) -> str:
    """Bytes to text by the first rule that applies (see the module docstring)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], encoding, path)
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise ArticleError(f"this is {kind}, not text", path=path,
                               hint="convert it to plain text or Markdown first")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    sample = data[:_SAMPLE]
    if _mostly_utf8(sample):
        return data.decode("utf-8", errors="_timeline_cp1252")
    utf16 = _utf16_without_bom(sample)
    if utf16:
        return _strict(data, utf16, path)
    _refuse_if_binary(len(sample) - len(sample.translate(None, _CONTROL_BYTES)), len(sample), path)
    return _single_byte(data, sample)


def _mostly_utf8(sample: bytes) -> bool:
    """UTF-8 with a few stray legacy bytes, as when scraped pages are pasted together.

    Decoding such a file as Windows-1252 would garble every correct accent in it; decoding
    it as UTF-8 with the stray bytes read as Windows-1252 garbles nothing.
    """
    valid = _UTF8_SEQUENCE.findall(sample)
    if not valid:
        return False
    high = len(sample) - len(sample.translate(None, _HIGH_BYTES))
    stray = high - sum(len(seq) for seq in valid)
    return stray < len(valid)


def _strict(data: bytes, encoding: str, path: str | Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ArticleError(f"the file says it is {encoding.upper()} but byte {exc.start} is not",
                           path=path, hint="save the article again as UTF-8") from None


def _utf16_without_bom(sample: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NULs sit on one parity, as ASCII-range text in UTF-16 does."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _refuse_if_binary(controls: int, total: int, path: str | Path) -> None:
    if controls >= _MIN_CONTROLS and controls > MAX_CONTROL_RATIO * total:
        raise ArticleError(f"this looks like a binary file, not text ({controls} control "
                           f"characters in {total})", path=path,
                           hint="articles must be text: Markdown, plain text or HTML")


def _single_byte(data: bytes, sample: bytes) -> str:
    """Windows-1252 for Western text; a detector's answer for text in another script."""
    high = len(sample) - len(sample.translate(None, _HIGH_LETTER_BYTES))
    ascii_letters = len(sample) - len(sample.translate(None, _ASCII_LETTER_BYTES))
    if high > _NON_LATIN_RATIO * (high + ascii_letters):
        guess = _detector_guess(sample)
        if guess:
            try:
                return data.decode(guess)
            except (UnicodeDecodeError, LookupError):
                pass
    return _cp1252(data)


def _detector_guess(sample: bytes) -> str | None:
    """``charset_normalizer``'s encoding if installed and not a Western one, else None."""
    try:
        import charset_normalizer
    except ImportError:  # optional: without it, non-Latin legacy pages read as Windows-1252
        return None
    best = charset_normalizer.from_bytes(sample).best()
    if best is None or best.encoding in _WESTERN:
        return None
    return best.encoding


def _cp1252(data: bytes) -> str:
    """Windows-1252; its five unassigned bytes read as Latin-1 so decoding never fails.

    Latin-1 text is Windows-1252 text except for 0x80-0x9F, which are invisible C1
    controls in Latin-1 and curly quotes, dashes and the euro sign in Windows-1252; real
    articles contain the latter, so one decoder serves both.
    """
    return data.decode("cp1252", errors="_timeline_latin1")


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start:error.end].decode("latin-1"), error.end


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """For UTF-8 decoding: a byte that is not UTF-8 is read as Windows-1252."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return _cp1252(error.object[error.start:error.end]), error.end


codecs.register_error("_timeline_latin1", _latin1_fallback)
codecs.register_error("_timeline_cp1252", _cp1252_fallback)
