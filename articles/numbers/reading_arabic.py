"""Reading the quantities of an Arabic text: figures, number words, ranges, percentages,
vague quantities, dates and clock times."""

from decimal import Decimal

from ..arabic import ARTICLE
from .arabic_words import (
    _AGE,
    _ALONE,
    _ARABIC_BOUNDS,
    _ARABIC_BOUNDS_AFTER,
    _ARABIC_FIRST_WORDS,
    _ARABIC_MONTHS,
    _ARABIC_VAGUE,
    _BETWEEN,
    _CLOCK_FRACTIONS,
    _CLOCK_WORDS,
    _DAY,
    _DUAL_BEFORE_A_NOUN,
    _DUAL_NOUNS,
    _FRACTIONS,
    _FROM,
    _HALF,
    _HUNDRED,
    _HUNDREDS,
    _HUNDREDS_OF,
    _IN,
    _ONE_OF,
    _ORDINALS,
    _PARTS_OF_DAY,
    _RANGE_STARTS,
    _SCALES,
    _STEMS,
    _TEN,
    _TENS,
    _TENS_OF,
    _TO,
    _UNITS,
    _YEAR_WORDS,
    _YEARS_OF,
    _arabic_tokens,
)
from .quantities import (
    _DASHES,
    Quantity,
    _amount,
    _and_stem,
    _at,
    _bare_stem,
    _bound_at,
    _dated,
    _Figure,
    _figure_reading,
    _is_day,
    _is_year,
    _may_begin,
    _qualified_after,
    _quantity,
    _range_reading,
    _stem,
    _symbol,
    _token_reading,
    _vague,
    _western_digits,
    _word,
)


def arabic_quantities(text: str) -> list[Quantity]:
    """Every quantity of an Arabic text, in reading order."""
    tokens = _arabic_tokens(_western_digits(text))
    readings, i = [], 0
    while i < len(tokens):
        reading = _arabic_reading(tokens, i) if _may_begin(tokens[i], _ARABIC_FIRST_WORDS) else None
        if reading:
            readings.append(reading)
            i = reading.end
        else:
            ordinal = _arabic_ordinal(tokens, i)  # الحادي عشر is no 10
            i = ordinal[1] if ordinal else i + 1
    return [_quantity(reading, tokens, text) for reading in readings]


def _arabic_reading(tokens, i):
    return (
        _part_of_day(tokens, _token_reading(tokens, i) or _arabic_clock(tokens, i))
        or _arabic_date(tokens, i)
        or _qualified_after(
            tokens,
            _arabic_qualified(tokens, i) or _arabic_amount(tokens, i),
            _ARABIC_BOUNDS_AFTER,
            1,
        )
    )


def _arabic_qualified(tokens, i):
    qualifier = _bound_at(tokens, i, _ARABIC_BOUNDS)
    if qualifier is None or (i and _word(tokens, i - 1) == _AGE):
        return None  # عن عمر يناهز 25 عاماً: "aged 25", as obituaries say it
    bound, j = qualifier
    amount = _arabic_amount(tokens, j)
    return amount and amount._replace(bound=bound, first=i)


def _arabic_amount(tokens, i):
    """A number, a percentage, a range or a vague quantity written from token i."""
    if _stem(tokens, i) in _RANGE_STARTS:
        return _arabic_range(tokens, i)
    low = _arabic_figure(tokens, i)
    if low is None:
        if _stem(tokens, i) in _DUAL_NOUNS:
            return _amount("number", 2, i, i + 1)
        return _arabic_vague(tokens, i)
    k = low.end
    if _word(tokens, k) in _TO or (
        _symbol(tokens, k) in _DASHES
        and _at(tokens, k - 1, "numeral")
        and _at(tokens, k + 1, "numeral")
    ):
        reading = _range_reading(low, _arabic_figure(tokens, k + 1), i)
        if reading:
            return reading
    return _figure_reading(low, i)


def _arabic_range(tokens, i):
    """بين 10 و15, بين عامي 2011 و2015, من 10 إلى 15."""
    low = _arabic_figure(tokens, i + 1 + (_word(tokens, i + 1) in _YEARS_OF))
    if low is None:
        return None
    if _stem(tokens, i) == _BETWEEN:
        after = tokens[low.end] if low.end < len(tokens) and tokens[low.end].joined else None
        high = after and _arabic_figure(tokens, low.end)
    elif _word(tokens, low.end) in _TO:
        high = _arabic_figure(tokens, low.end + 1)
    else:
        return None
    return _range_reading(low, high, i)


def _arabic_figure(tokens, i):
    """A number, with the percent sign or words after it (or "%" just before it: %15)."""
    percent_first = (
        _symbol(tokens, i) == "%" and bool(_at(tokens, i + 1, "numeral")) and tokens[i + 1].glued
    )
    number = _arabic_number(tokens, i + percent_first)
    if number is None:
        return None
    value, end, scale = number
    after = _arabic_percent(tokens, end)
    return _Figure(value, after or end, scale, percent_first or after is not None)


def _arabic_percent(tokens, k):
    """The index after "%", "بالمئة" or "في المئة" at k, or None."""
    if _symbol(tokens, k) == "%":
        return k + 1
    word = _at(tokens, k, "word")
    if word and word.stem in _HUNDRED and word.prefix == "بال":
        return k + 1
    after = _at(tokens, k + 1, "word")
    if _word(tokens, k) == _IN and after and after.stem in _HUNDRED and after.prefix == "ال":
        return k + 2
    return None


def _arabic_number(tokens, i):
    """(value, next index, first scale) of the number written from token i, or None: parts
    from the largest down, each after the first joined by و (ثلاثة آلاف وخمسمئة وعشرون)."""
    total, j, top, last = Decimal(0), i, None, None
    while j < len(tokens):
        if last is not None and not (tokens[j].joined and tokens[j].prefix in ("", "و")):
            break
        part = _arabic_part(tokens, j, joined=last is not None)
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


def _arabic_part(tokens, j, joined):
    """(value, next index, scale or None) of a count with its scale word (ثلاثة آلاف, 1.5
    مليون), a scale word alone or a fraction of one (ألف, ألفان, نصف مليون, ربع مليون), or a
    count alone."""
    token = tokens[j]
    if token.kind == "numeral":
        count = (token.value, j + 1)
    elif token.kind != "word":
        return None
    elif token.stem in _FRACTIONS and _arabic_scale(tokens, j + 1):
        scale = _arabic_scale(tokens, j + 1)
        return Decimal(scale) * _FRACTIONS[token.stem], j + 2, scale
    else:
        count = _arabic_count(tokens, j, joined)
        if count is None:
            if token.stem not in _ALONE:
                return None
            value, scale = _ALONE[token.stem]
            if token.stem in _DUAL_BEFORE_A_NOUN and _is_counted_noun(_at(tokens, j + 1, "word")):
                value *= 2
            return _and_a_half(tokens, Decimal(value), j + 1, scale)
    value, k = count
    scale = _arabic_scale(tokens, k)
    if scale is None:
        return Decimal(value), k, None
    return _and_a_half(tokens, Decimal(value) * scale, k + 1, scale)


def _is_counted_noun(word):
    return bool(word) and not word.joined and word.word != _FROM and word.stem not in _STEMS


def _and_a_half(tokens, value, k, scale):
    """مليون ونصف (المليون), مليونين ونصف مليون: a million and a half, two and a half."""
    if _and_stem(tokens, k) != _HALF:
        return value, k, scale
    k += 1
    if _arabic_scale(tokens, k) == scale:
        k += 1
    return value + Decimal(scale) / 2, k, scale


def _arabic_scale(tokens, k):
    return _SCALES.get(_bare_stem(tokens, k))


def _arabic_count(tokens, i, joined):
    """(value, next index) of number words under a thousand from token i: hundreds, then units
    and tens (مئة وخمسة وعشرون). With `joined`, the first word must come after و."""
    token = _at(tokens, i, "word")
    if token is None or (joined and not _and_stem(tokens, i)):
        return None
    if token.stem in _HUNDREDS:
        hundreds, j = _HUNDREDS[token.stem], i + 1
    elif _UNITS.get(token.stem, 0) >= 3 and _bare_stem(tokens, i + 1) in _HUNDRED:
        hundreds, j = _UNITS[token.stem] * 100, i + 2  # ثلاث مئة
    else:
        return _arabic_below_hundred(tokens, i)
    rest = _arabic_below_hundred(tokens, j) if _and_stem(tokens, j) else None
    return (hundreds + rest[0], rest[1]) if rest else (hundreds, j)


def _arabic_below_hundred(tokens, i):
    stem = tokens[i].stem
    if stem in _UNITS or stem in _ONE_OF:
        unit = _UNITS.get(stem, 1)
        if _bare_stem(tokens, i + 1) in _TEN:
            return 10 + unit, i + 2  # خمسة عشر, أحد عشر
        if _and_stem(tokens, i + 1) in _TENS:
            return unit + _TENS[_and_stem(tokens, i + 1)], i + 2  # خمسة وعشرون
        return (unit, i + 1) if stem in _UNITS else None
    if stem in _TEN:
        return 10, i + 1
    if stem in _TENS:
        return _TENS[stem], i + 1
    return None


def _arabic_ordinal(tokens, i):
    """(value, next index) of an ordinal: الخامس, الحادي عشر, الثالث والعشرين."""
    value = _ORDINALS.get(_stem(tokens, i))
    if value is None:
        return None
    if _bare_stem(tokens, i + 1) in _TEN:
        return value + 10, i + 2
    if _and_stem(tokens, i + 1) in _TENS:
        return value + _TENS[_and_stem(tokens, i + 1)], i + 2
    return value, i + 1


def _arabic_vague(tokens, i):
    """عشرات, مئات, آلاف with no count before it, عشرات الآلاف, ملايين."""
    stem = _stem(tokens, i)
    if stem not in _ARABIC_VAGUE:
        return None
    after = _at(tokens, i + 1, "word")
    if (
        stem in (_TENS_OF, _HUNDREDS_OF)
        and after
        and not after.joined
        and after.prefix in ("", "ال")
    ):
        larger = _ARABIC_VAGUE.get(after.stem)
        if larger in ("thousands", "millions", "billions"):
            size = "tens" if stem == _TENS_OF else "hundreds"
            return _vague(f"{size} of {larger}", i, i + 2)
    return _vague(_ARABIC_VAGUE[stem], i, i + 1)


def _arabic_date(tokens, i):
    """15 آذار 2024, الخامس من آذار (مارس) من العام 2024, آذار 2024."""
    day = _arabic_day(tokens, i)
    j = i
    if day:
        j = day[1] + (_word(tokens, day[1]) == _FROM)
    month = _arabic_month(tokens, j)
    if month is None:
        return None
    number, k = month
    k = _after_other_name(tokens, k, _arabic_month)
    year, end = _arabic_year(tokens, k)
    if day is None and year is None:
        return None
    return _dated((year, number, day and day[0]), i, end)


def _arabic_day(tokens, i):
    numeral = _at(tokens, i, "numeral")
    if numeral:
        return (int(numeral.value), i + 1) if _is_day(numeral) else None
    if _at(tokens, i, "word") is None or _describes_a_noun(tokens, i):
        return None
    day = _arabic_ordinal(tokens, i) or _arabic_count(tokens, i, joined=False)
    return day if day and 1 <= day[0] <= 31 else None


def _describes_a_noun(tokens, i):
    """Whether the number word at i follows a noun with the article: الأسبوع الأول من كانون
    الثاني is the first week of January, not its first day (اليوم الأول is)."""
    before = _word(tokens, i - 1) if i else ""
    return before.startswith(ARTICLE) and before != _DAY


def _arabic_month(tokens, i):
    pair = f"{_word(tokens, i)} {_word(tokens, i + 1)}"
    if pair in _ARABIC_MONTHS:
        return _ARABIC_MONTHS[pair], i + 2
    if _word(tokens, i) in _ARABIC_MONTHS:
        return _ARABIC_MONTHS[_word(tokens, i)], i + 1
    return None


def _after_other_name(tokens, k, read_month):
    """The index after the month's other name or number: "آذار (مارس)", "آذار (3)", "آذار/مارس"."""
    if _symbol(tokens, k) == "(":
        numeral = _at(tokens, k + 1, "numeral")
        inner = read_month(tokens, k + 1) or (
            (None, k + 2) if numeral and numeral.word.isdigit() else None
        )
        if inner and _symbol(tokens, inner[1]) == ")":
            return inner[1] + 1
    if _symbol(tokens, k) == "/" and read_month(tokens, k + 1):
        return read_month(tokens, k + 1)[1]
    return k


def _arabic_year(tokens, k):
    """(year, next index) after a month: "2024", "من العام 2024"; (None, k) if none."""
    j = k + (_word(tokens, k) == _FROM)
    j += _word(tokens, j) in _YEAR_WORDS
    year = _at(tokens, j, "numeral")
    return (int(year.value), j + 1) if _is_year(year) else (None, k)


def _part_of_day(tokens, reading):
    """A time with the part of the day after it: "الساعة 10 ليلاً" and "الساعة 10 من مساء
    أمس" are 22:00, "الساعة الثانية عشرة ليلاً" midnight."""
    if reading is None or reading.kind != "time":
        return reading
    end = reading.end + 1
    evening = _PARTS_OF_DAY.get(_word(tokens, reading.end))
    if evening is None and _word(tokens, reading.end) == _FROM:
        evening, end = _PARTS_OF_DAY.get(_word(tokens, reading.end + 1)), end + 1
    if evening is None:
        return reading
    hours, minutes = divmod(int(reading.low), 60)
    if hours == 12:
        hours = 0 if evening else 12  # twelve at night is midnight, in the morning noon
    elif hours < 12:
        hours += 12 if evening else 0
    return _amount("time", hours * 60 + minutes, reading.first, end)


def _arabic_clock(tokens, i):
    """الساعة 10, الساعة العاشرة, الساعة الثانية عشرة والنصف."""
    if _word(tokens, i) not in _CLOCK_WORDS:
        return None
    numeral = _at(tokens, i + 1, "numeral")
    if numeral and numeral.word.isdigit() and numeral.value <= 24:
        hour, j = int(numeral.value), i + 2
    else:
        hour, j = (
            _arabic_ordinal(tokens, i + 1)
            or _arabic_count(tokens, i + 1, joined=False)
            or (None, i)
        )
        if hour is None or hour > 12:
            return None
    fraction = _at(tokens, j, "word")
    minutes = _CLOCK_FRACTIONS.get(fraction.stem, 0) if fraction and fraction.joined else 0
    return _amount("time", hour * 60 + minutes, i, j + bool(minutes))
