"""Bytes to text: which encoding a seed file is in, and its text. Pure functions.

The rule: a byte-order mark says the encoding. Without one, text whose every
second byte is mostly NUL is UTF-16 (little- or big-endian, by which bytes are
NUL). Otherwise UTF-8; a file that is not UTF-8 and has no valid UTF-8 sequence
at all comes from an older Windows program: Windows-1256 when it reads as Arabic
that way, else Windows-1252. A UTF-8 file with a damaged sequence is refused,
naming the byte, rather than read as something else.
"""

import re

from articles.arabic import mostly_arabic

from .errors import SeedError

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Bytes that are ASCII text in UTF-16: most text has a NUL in every second byte.
UTF16_NUL_SHARE = 0.3


def seed_encoding(raw):
    """The encoding a seed file's bytes are in (a Python codec name), or SeedError."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if b"\x00" in raw:
        return _utf16_without_mark(raw)
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return _eight_bit(raw, error)
    return "utf-8"


def _utf16_without_mark(raw):
    even, odd = raw[0::2], raw[1::2]
    nul_even, nul_odd = even.count(0) / max(len(even), 1), odd.count(0) / max(len(odd), 1)
    mostly_one_side = min(nul_even, nul_odd) < 0.01
    if len(raw) % 2 == 0 and max(nul_even, nul_odd) >= UTF16_NUL_SHARE and mostly_one_side:
        return "utf-16-le" if nul_odd > nul_even else "utf-16-be"
    raise SeedError("not a text file: it contains NUL bytes")


def _eight_bit(raw, error):
    sequences = raw.decode("utf-8", errors="replace")
    if any(ord(c) > 0x7F and c != "\ufffd" for c in sequences):  # some UTF-8 reads fine
        raise SeedError(
            f"not UTF-8 text: undecodable byte 0x{raw[error.start]:02x} at position {error.start}"
        )
    arabic = raw.decode("cp1256", errors="replace")
    if mostly_arabic(arabic):
        return "cp1256"
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError as legacy:
        raise SeedError(
            "not UTF-8 or Windows-1252 text: undecodable byte "
            f"0x{raw[legacy.start]:02x} at position {legacy.start}"
        ) from None
    return "cp1252"


# What other kinds of file start with: they are not reports, whatever their bytes decode to.
KNOWN_FORMATS = {
    b"%PDF-": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or a Word or OpenDocument file)",
    b"{\\rtf": "an RTF document",
    b"\xd0\xcf\x11\xe0": "an old Word or Excel file",
}


def decode_seed(raw, *, max_bytes):
    """The text of a seed file, or SeedError naming why it is not usable text."""
    if not raw:
        raise SeedError("the file is empty")
    for start, kind in KNOWN_FORMATS.items():
        if raw.startswith(start):
            raise SeedError(f"not a text file: it is {kind}; save the report as plain text")
    if len(raw) > max_bytes:
        raise SeedError(f"the file is {len(raw):,} bytes, over the {max_bytes:,}-byte limit")
    encoding = seed_encoding(raw)
    try:
        text = raw.decode(encoding).removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise SeedError(
            f"not {encoding.upper()} text: undecodable byte "
            f"0x{error.object[error.start]:02x} at position {error.start}"
        ) from None
    if _CONTROL_CHARS.search(text):
        raise SeedError("not a text file: it contains control characters")
    if not text.strip():
        raise SeedError("the file holds only whitespace")
    return text
