"""Reading the quantities of an English text: figures, number words, ranges, percentages,
vague quantities, dates and clock times."""

import re
from decimal import Decimal

from .quantities import (
    _DASHES,
    MONTH_NAMES,
    Quantity,
    _amount,
    _at,
    _bound_at,
    _by_first_word,
    _dated,
    _english_tokens,
    _Figure,
    _figure_reading,
    _is_day,
    _is_year,
    _may_begin,
    _qualified_after,
    _quantity,
    _range_reading,
    _Reading,
    _symbol,
    _token_reading,
    _vague,
    _western_digits,
    _word,
)

# English

_ENGLISH_SMALL = {
    word: value
    for value, word in enumerate(
        (
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen",
        ),
        start=1,
    )
}  # fmt: skip


_ENGLISH_UNITS = {word: value for word, value in _ENGLISH_SMALL.items() if value < 10}


_ENGLISH_TENS = {
    word: value
    for value, word in zip(
        range(20, 100, 10),
        ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"),
        strict=True,
    )
}


_ENGLISH_SCALES = {"thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}


_MONEY_SCALES = {"k": 1000, "m": 10**6, "bn": 10**9}


_CURRENCIES = ("$", "£", "€")


_ENGLISH_VAGUE = {
    "dozens": "dozens", "hundreds": "hundreds", "thousands": "thousands",
    "millions": "millions", "billions": "billions",
}  # fmt: skip


_ENGLISH_FEW = {
    "dozen": "dozens",
    "hundred": "hundreds",
    "thousand": "thousands",
    "million": "millions",
}


_ENGLISH_BOUNDS = _by_first_word(
    {
        ("about",): "about", ("around",): "about", ("some",): "about", ("nearly",): "about",
        ("almost",): "about", ("roughly",): "about", ("approximately",): "about",
        ("an", "estimated"): "about", ("close", "to"): "about",
        ("more", "than"): "more", ("over",): "more", ("at", "least"): "more",
        ("upwards", "of"): "more", ("in", "excess", "of"): "more",
        ("no", "fewer", "than"): "more", ("no", "less", "than"): "more",
        ("less", "than"): "less", ("fewer", "than"): "less", ("under",): "less",
        ("up", "to"): "less", ("below",): "less", ("no", "more", "than"): "less",
    }
)  # fmt: skip


_ENGLISH_BOUNDS_AFTER = _by_first_word({("or", "so"): "about", ("or", "more"): "more"})


_EXCEEDED = re.compile(
    r"\b(?:exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|top(?:s|ped|ping))\s+$", re.I
)


_PERIODS = {"hours", "days", "weeks", "months", "years", "decades", "minutes"}


_ENGLISH_MONTHS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)} | {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip


_ORDINAL_SUFFIXES = {"st", "nd", "rd", "th"}


_ENGLISH_CLOCK_WORDS = {"midnight": 0, "noon": 720, "midday": 720}  # minutes after midnight
_ENGLISH_FIRST_WORDS = (
    _ENGLISH_SMALL.keys() | _ENGLISH_TENS.keys() | _ENGLISH_VAGUE.keys() | _ENGLISH_BOUNDS.keys()
    | _ENGLISH_MONTHS.keys() | _ENGLISH_CLOCK_WORDS.keys()
    | {"a", "half", "between", "from", "several", "tens", "scores"}
)  # fmt: skip


def english_quantities(text: str) -> list[Quantity]:
    """Every quantity of an English text, in reading order."""
    tokens = _english_tokens(_western_digits(text))
    quantities, i = [], 0
    while i < len(tokens):
        reading = (
            _english_reading(tokens, i) if _may_begin(tokens[i], _ENGLISH_FIRST_WORDS) else None
        )
        if reading:
            quantities.append(_quantity(reading, tokens, text))
            i = reading.end
        else:
            i += 1
    return quantities


def _english_reading(tokens, i):
    return (
        _token_reading(tokens, i)
        or _english_clock_word(tokens, i)
        or _english_date(tokens, i)
        or _english_suffixed(tokens, i)
        or _qualified_after(
            tokens,
            _english_qualified(tokens, i) or _english_amount(tokens, i),
            _ENGLISH_BOUNDS_AFTER,
            0,
        )
    )


def _english_clock_word(tokens, i):
    """Midnight and noon, which say the part of the day themselves."""
    minutes = _ENGLISH_CLOCK_WORDS.get(_word(tokens, i))
    return None if minutes is None else _amount("time", minutes, i, i + 1)


def _english_suffixed(tokens, i):
    """A numeral with letters on it: "25th" (an ordinal), "1990s" (a decade, read as a code)."""
    numeral, suffix = _at(tokens, i, "numeral"), _at(tokens, i + 1, "word")
    if not (numeral and suffix and suffix.glued):
        return None
    if suffix.word in _ORDINAL_SUFFIXES:
        return _amount("ordinal", numeral.value, i, i + 2)
    if suffix.word == "s":
        return _Reading("code", numeral.value, numeral.value, "exact", "", None, i, i + 2)
    return None


def _english_qualified(tokens, i):
    qualifier = _bound_at(tokens, i, _ENGLISH_BOUNDS)
    if qualifier is None:
        return None
    bound, j = qualifier
    if _symbol(tokens, j) in _CURRENCIES:  # "about $20"
        j += 1
    amount = _english_amount(tokens, j)
    if amount is None or (_word(tokens, i) == "over" and _word(tokens, amount.end) in _PERIODS):
        return None  # "over 24 hours": during them
    return amount._replace(bound=bound, first=i)


def _english_amount(tokens, i):
    if _word(tokens, i) in ("between", "from"):
        return _english_range(tokens, i)
    low = _english_figure(tokens, i)
    if low is None:
        return _english_vague(tokens, i)
    k = low.end
    if _word(tokens, k) in ("to", "through") or (
        _symbol(tokens, k) in _DASHES
        and _at(tokens, k - 1, "numeral")
        and _at(tokens, k + 1, "numeral")
    ):
        reading = _range_reading(low, _english_figure(tokens, k + 1), i)
        if reading:
            return reading
    return _figure_reading(low, i)


def _english_range(tokens, i):
    """between 10 and 15, from 10 to 15."""
    low = _english_figure(tokens, i + 1)
    if low is None:
        return None
    joiners = ("and",) if _word(tokens, i) == "between" else ("to", "through", *_DASHES)
    if (_word(tokens, low.end) or _symbol(tokens, low.end)) not in joiners:
        return None
    return _range_reading(low, _english_figure(tokens, low.end + 1), i)


def _english_figure(tokens, i):
    number = _english_number(tokens, i)
    if number is None:
        return None
    value, end, scale = number
    after = _english_percent(tokens, end)
    return _Figure(value, after or end, scale, after is not None)


def _english_percent(tokens, k):
    if _symbol(tokens, k) == "%" or _word(tokens, k) in ("percent", "pct"):
        return k + 1
    if (_word(tokens, k), _word(tokens, k + 1)) in (
        ("per", "cent"),
        ("percentage", "points"),
        ("percentage", "point"),
    ):
        return k + 2
    return None


def _english_number(tokens, i):
    """(value, next index, first scale) of the number written from token i, or None: parts
    from the largest down, the later ones in words (two million five hundred thousand)."""
    total, j, top, last = Decimal(0), i, None, None
    while j < len(tokens):
        k = j + (last is not None and _word(tokens, j) == "and")  # two thousand and five
        if last is not None and _at(tokens, k, "numeral"):
            break  # "$3m and 200": two figures
        part = _english_part(tokens, k)
        if part is None:
            break
        value, end, scale = part
        if last is not None and (value >= last or (scale or 0) >= last):
            break
        total, j = total + value, end
        if scale is None:
            break
        top, last = top or scale, scale
    return (total, j, top) if j > i else None


def _english_part(tokens, j):
    """(value, next index, scale or None): "1.5 million", "three thousand", "a dozen", "twelve"."""
    token = tokens[j]
    if token.kind == "numeral":
        count = (token.value, j + 1)
    elif (
        token.word == "half"
        and _word(tokens, j + 1) == "a"
        and _word(tokens, j + 2) in _ENGLISH_SCALES
    ):
        scale = _ENGLISH_SCALES[_word(tokens, j + 2)]
        return Decimal(scale) / 2, j + 3, scale
    elif token.word == "a" and _word(tokens, j + 1) in (*_ENGLISH_SCALES, "dozen"):
        count = (1, j + 1)
    else:
        count = _english_group(tokens, j)
        if count is None:
            return None
    value, k = count
    if _word(tokens, k) == "dozen":
        return Decimal(value) * 12, k + 1, None
    scale = _english_scale(tokens, k)
    if scale is None:
        return Decimal(value), k, None
    return Decimal(value) * scale, k + 1, scale


def _english_scale(tokens, k):
    """The scale word at k: "million", or money's "bn" and "m" written on the figure ($1.5m)."""
    word = _at(tokens, k, "word")
    if word is None:
        return None
    if not word.glued:
        return _ENGLISH_SCALES.get(word.word)
    money = k >= 2 and _symbol(tokens, k - 2) in _CURRENCIES and tokens[k - 1].glued
    return _MONEY_SCALES.get(word.word) if money or word.word == "bn" else None


def _english_group(tokens, i):
    """(value, next index) of number words under a thousand: "a hundred and fifty"."""
    if _word(tokens, i) == "a" and _word(tokens, i + 1) == "hundred":
        hundreds, j = 100, i + 2
    else:
        below = _english_below_hundred(tokens, i)
        if below is None or _word(tokens, below[1]) != "hundred":
            return below
        hundreds, j = below[0] * 100, below[1] + 1
    k = j + (_word(tokens, j) == "and")
    rest = _english_below_hundred(tokens, k)
    return (hundreds + rest[0], rest[1]) if rest else (hundreds, j)


def _english_below_hundred(tokens, i):
    word = _word(tokens, i)
    if word in _ENGLISH_TENS:
        tens = _ENGLISH_TENS[word]
        hyphen = _symbol(tokens, i + 1) == "-" and tokens[i + 1].glued
        unit = _word(tokens, i + 1 + hyphen)
        if unit in _ENGLISH_UNITS and (not hyphen or tokens[i + 2].glued):
            return tens + _ENGLISH_UNITS[unit], i + 2 + hyphen  # twenty-five, twenty five
        return tens, i + 1
    if word in _ENGLISH_SMALL:
        return _ENGLISH_SMALL[word], i + 1
    return None


def _english_vague(tokens, i):
    """dozens, scores of, tens of thousands, several hundred, a few thousand."""
    word = _word(tokens, i)
    if word in ("tens", "hundreds") and _word(tokens, i + 1) == "of":
        larger = _ENGLISH_VAGUE.get(_word(tokens, i + 2))
        if larger in ("thousands", "millions", "billions"):
            return _vague(f"{word} of {larger}", i, i + 3)
    if word in ("tens", "scores"):
        return _vague("dozens", i, i + 1) if _word(tokens, i + 1) == "of" else None
    if word in _ENGLISH_VAGUE:
        return _vague(_ENGLISH_VAGUE[word], i, i + 1)
    if word == "several":
        j = i + 1
    elif (word, _word(tokens, i + 1)) == ("a", "few"):
        j = i + 2
    else:
        return None
    name = _ENGLISH_FEW.get(_word(tokens, j)) or _ENGLISH_VAGUE.get(_word(tokens, j))
    return _vague(name, i, j + 1) if name else None


def _english_date(tokens, i):
    """15 March 2024, the 15th of March, March 15, 2024, Mar. 15, March 2024."""
    day = _english_day(tokens, i)
    if day:
        month = _english_month(tokens, day[1] + (_word(tokens, day[1]) == "of"))
        if month is None:
            return None
        year, end = _english_year(tokens, month[1])
        return _dated((year, month[0], day[0]), i, end)
    month = _english_month(tokens, i)
    if month is None:
        return None
    day = _english_day(tokens, month[1])
    year, end = _english_year(tokens, day[1] if day else month[1])
    if day is None and year is None:
        return None
    return _dated((year, month[0], day and day[0]), i, end)


def _english_day(tokens, i):
    numeral = _at(tokens, i, "numeral")
    if not _is_day(numeral):
        return None
    suffix = _at(tokens, i + 1, "word")
    ordinal = suffix and suffix.glued and suffix.word in _ORDINAL_SUFFIXES
    return int(numeral.value), i + 2 if ordinal else i + 1


def _english_month(tokens, i):
    """(month, next index) of a month's name written with a capital ("May", not "may")."""
    token = _at(tokens, i, "word")
    if token is None or not token.capital or token.word not in _ENGLISH_MONTHS:
        return None
    dot = _symbol(tokens, i + 1) == "." and len(token.word) <= 4
    return _ENGLISH_MONTHS[token.word], i + 1 + dot


def _english_year(tokens, k):
    j = k + (_symbol(tokens, k) == ",")
    year = _at(tokens, j, "numeral")
    return (int(year.value), j + 1) if _is_year(year) else (None, k)
