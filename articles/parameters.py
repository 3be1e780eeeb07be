"""Numbers from query strings and hand-built fields: one rule, so that a value the app
cannot use (not a number, too long, out of an id's range) is None, never an exception."""

import re

MAX_ID = 2**63 - 1  # a BigAutoField's range, the ids' columns
_DIGITS = re.compile(r"[0-9]{1,19}")  # ASCII digits only: "²" is a digit to str.isdigit


def bounded_int(value, *, maximum=MAX_ID):
    """`value` (a string, or None) as a whole number from 0 to `maximum`, else None."""
    text = str(value or "").strip()
    if not _DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if number <= maximum else None
