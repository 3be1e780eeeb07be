"""What a number reading finds (Quantity) and the tokens both languages are read from:
digits in any script, codes, numeric dates and clock times, and the shared readers of a
figure, a range and a qualifier."""

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from ..arabic import DIACRITICS, LETTERS, TATWEEL

BOUND_WORDS = {"exact": "", "about": "about", "more": "more than", "less": "less than"}


MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True)
class Quantity:
    """A number as a text gives it: its kind, value, qualifier and where it is written."""

    kind: str  # "number", "percent", "range", "vague", "date", "time"; "code", "ordinal"
    low: Decimal | None  # the value (a range's lower end, a time's minutes after midnight)
    high: Decimal | None  # = low, except for a range
    bound: str  # "exact", "about", "more", "less"
    vague: str  # for kind "vague": "dozens", "hundreds", "thousands", "tens of thousands"...
    date: tuple | None  # for kind "date": (year or None, month 1-12, day or None)
    text: str  # as written in the text
    start: int
    end: int

    def describe(self) -> str:
        """The quantity for people: "about 30", "between 10 and 15", "15%", "15 March 2024"."""
        if self.kind == "date":
            year, month, day = self.date
            return " ".join(str(part) for part in (day, MONTH_NAMES[month - 1], year) if part)
        if self.kind == "time":
            hours, minutes = divmod(int(self.low), 60)
            return f"{hours}:{minutes:02}"
        if self.kind in ("code", "ordinal"):
            return self.text
        if self.kind == "vague":
            amount = self.vague
        else:
            sign = "%" if self.kind == "percent" else ""
            amount = f"{_figure(self.low)}{sign}"
            if self.high != self.low:
                amount = f"between {amount} and {_figure(self.high)}{sign}"
        return f"{BOUND_WORDS[self.bound]} {amount}" if self.bound != "exact" else amount


def _figure(number):
    """1500, 15,000, 1.5: thousands separated from ten thousand up, as the style book has it."""
    grouping = "," if abs(number) >= 10_000 else ""
    if number == number.to_integral_value():
        return f"{int(number):{grouping}}"
    return f"{number.normalize():{grouping}f}"


# Reading a text: first into tokens (words, numerals, symbols; numeric dates, clock times and
# codes whole), then readers that each try to read one kind of quantity at a token.

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬٪", "01234567890123456789.,%")


_NOT_WESTERN = re.compile("[٠-٩۰-۹٫٬٪]+")


_GROUP_SPACE = re.compile(r"(?<=\d)[\u2009\u202f](?=\d{3}(?!\d))")


# A word is letters with any Arabic marks and tatweel on them. One written against the digits
# after it (و15, SY-24) or starting a web address is read by the later alternatives; words come
# first as the most common.
_MARK = "[" + "".join(sorted(DIACRITICS)) + TATWEEL + "]"


_NUMERIC_DATE = (
    r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?!\d)|\d{4}[/.-]\d{1,2}[/.-]\d{1,2}(?!\d)|\d{1,2}/\d{4}(?!\d)"
)


def _token_pattern(clock, numeral):
    return re.compile(
        rf"(?P<word>[^\W\d_]++(?:{_MARK}++[^\W\d_]*+)*+)(?!-?\d|:/|(?<=www)\.)"
        r"|(?P<symbol>[^\w\s])"
        r"|(?P<url>(?:https?:/|www\.)\S+)"
        r"|(?P<code>[a-z]+-?\d[a-z0-9-]*)"
        rf"|(?P<date>{_NUMERIC_DATE})|(?P<time>{clock})|(?P<numeral>{numeral})"
        rf"|(?P<attached>(?:[^\W\d_]|{_MARK})+)",
        re.IGNORECASE,
    )


_ARABIC_TOKEN = _token_pattern(
    clock=r"(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])",
    numeral=r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+|,\d{1,2}(?![\d,]))?",
)


_ENGLISH_TOKEN = _token_pattern(
    clock=r"(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s?[ap]\.?m\b\.?|(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])"
    r"|\d{1,2}\s?o['’]clock",
    numeral=r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?",
)


_CLOCK = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?\s?(?:([ap])\.?m)?", re.IGNORECASE)


_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


_DIGIT_RUN = re.compile(r"\d+")


# Words as `arabic.normalize` has them, made at C speed: normalize goes character by character
# through the whole text, and would cost more than all the rest. Its letter variants map one
# letter to one, so the text keeps its length and every span; the tests hold the two equal.
_LETTER_VARIANTS = [(chr(code), letter) for code, letter in LETTERS.items()]


_MARKS = re.compile(_MARK)


_DASHES = ("-", "–", "—")


_AMOUNTS = ("number", "percent", "range", "vague")  # the kinds that take a qualifier


class _Token(NamedTuple):
    kind: str  # "word", "numeral", "symbol", "code", "date", "time"
    word: str  # a word normalised (lower case); a numeral or a symbol as written
    start: int
    end: int
    glued: bool = False  # written against the token before it
    value: Decimal | None = None  # a numeral's value, a time's minutes after midnight
    date: tuple | None = None
    stem: str = ""  # a word without its Arabic proclitics
    prefix: str = ""  # those proclitics: و, ب, ال, وبال...
    joined: bool = False  # after "و" (and), written on the word or apart
    capital: bool = False  # an English word written with a capital


class _Reading(NamedTuple):
    kind: str
    low: Decimal | None
    high: Decimal | None
    bound: str
    vague: str
    date: tuple | None
    first: int  # the reading's first token
    end: int  # the token after its last


def _amount(kind, value, first, end, high=None):
    value = Decimal(value)
    return _Reading(
        kind, value, value if high is None else Decimal(high), "exact", "", None, first, end
    )


def _vague(name, first, end):
    return _Reading("vague", None, None, "exact", name, None, first, end)


def _dated(date, first, end):
    return _Reading("date", None, None, "exact", "", date, first, end)


def _western_digits(text):
    """The text with Western digits and Latin separators, of the same length."""
    text = _NOT_WESTERN.sub(lambda match: match.group().translate(_DIGITS), text)
    return _GROUP_SPACE.sub(",", text)


def _plain_letters(text):
    """The text with the letter variants of `arabic.LETTERS` made plain, one letter for one."""
    for variant, letter in _LETTER_VARIANTS:
        text = text.replace(variant, letter)
    return text


def _folded(word, marked=True):
    """A word with plain letters as `arabic.normalize` has it: without diacritics or tatweel
    (where the text has any: `marked`), in lower case."""
    return (_MARKS.sub("", word) if marked else word).casefold()


def _minutes(clock):
    """Minutes after midnight of "10:30", "10.30pm", "10 a.m.", "10 o'clock"."""
    hours, minutes, meridiem = _CLOCK.match(clock).groups()
    hours = int(hours)
    if meridiem:
        hours = hours % 12 + (12 if meridiem.lower() == "p" else 0)
    return Decimal(hours * 60 + int(minutes or 0))


def _calendar_date(numeric):
    """(year, month, day) of "15/3/2024", "2024-03-15" or "3/2024"; None if no such date."""
    parts = [int(part) for part in re.split(r"[/.-]", numeric)]
    if len(parts) == 2:
        month, year = parts
        return (year, month, None) if 1 <= month <= 12 else None
    day, month, year = reversed(parts) if parts[0] > 31 else parts
    if month > 12 >= day:
        day, month = month, day
    return (year, month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None


def _other_tokens(match, glued):
    """Tokens of a code, a numeric date or a clock time; numerals if the date is none."""
    kind, piece, start, end = match.lastgroup, match.group(), match.start(), match.end()
    if kind == "code":
        return [_Token("code", piece, start, end, glued)]
    if kind == "time":
        return [_Token("time", piece, start, end, glued, value=_minutes(piece))]
    date = _calendar_date(piece)
    if date:
        return [_Token("date", piece, start, end, glued, date=date)]
    return [
        _Token(
            "numeral",
            run.group(),
            start + run.start(),
            start + run.end(),
            value=Decimal(run.group()),
        )
        for run in _DIGIT_RUN.finditer(piece)
    ]


def _english_tokens(text):
    tokens = []
    for match in _ENGLISH_TOKEN.finditer(text):
        kind, piece = match.lastgroup, match.group()
        start, end = match.span()
        glued = bool(tokens) and tokens[-1].end == start
        if kind == "word" or kind == "attached":
            word = piece.lower()
            tokens.append(
                _Token(
                    "word", word, start, end, glued, None, None, word, "", False, piece[0].isupper()
                )
            )
        elif kind == "symbol":
            tokens.append(_Token("symbol", piece, start, end, glued))
        elif kind == "numeral":
            tokens.append(
                _Token("numeral", piece, start, end, glued, Decimal(piece.replace(",", "")))
            )
        elif kind != "url":
            tokens += _other_tokens(match, glued)
    return tokens


def _at(tokens, i, kind):
    """The token at i if it is of this kind, else None."""
    return tokens[i] if i < len(tokens) and tokens[i].kind == kind else None


def _word(tokens, i):
    token = _at(tokens, i, "word")
    return token.word if token else ""


def _stem(tokens, i):
    token = _at(tokens, i, "word")
    return token.stem if token else ""


def _symbol(tokens, i):
    token = _at(tokens, i, "symbol")
    return token.word if token else ""


def _bare_stem(tokens, i):
    """The stem of the word at i if it has no proclitic: the second word of خمسة عشر."""
    token = _at(tokens, i, "word")
    return token.stem if token and not token.prefix and not token.joined else ""


def _and_stem(tokens, i):
    """The stem of the word at i if "و" and nothing else comes before it: وعشرون, و عشرون."""
    token = _at(tokens, i, "word")
    return token.stem if token and token.joined and token.prefix in ("", "و") else ""


def _is_day(token):
    return token is not None and token.word.isdigit() and 1 <= token.value <= 31


def _is_year(token):
    return token is not None and token.word.isdigit() and len(token.word) == 4


def _bound_at(tokens, i, phrases):
    """(bound, next index) of the qualifier written from token i, or None."""
    for phrase, bound in phrases.get(_stem(tokens, i), ()):
        if all(_word(tokens, i + n) == word for n, word in enumerate(phrase[1:], 1)):
            return bound, i + len(phrase)
    return None


def _qualified_after(tokens, reading, phrases, gap):
    """The reading with a qualifier written after it, or `gap` words after it: "30 or so"."""
    if reading is None or reading.bound != "exact" or reading.kind not in _AMOUNTS:
        return reading
    for k in range(reading.end, reading.end + gap + 1):
        qualifier = _bound_at(tokens, k, phrases)
        if qualifier:
            return reading._replace(bound=qualifier[0], end=qualifier[1])
    return reading


def _by_first_word(phrases):
    table = {}
    for phrase, bound in sorted(phrases.items(), key=lambda item: -len(item[0])):
        table.setdefault(phrase[0], []).append((phrase, bound))
    return table


class _Figure(NamedTuple):
    """A number read, before it is known to be one end of a range."""

    value: Decimal
    end: int
    scale: int | None  # the scale word that ends its first part: ألف in "15 ألفا"
    percent: bool


def _figure_reading(figure, first):
    return _amount("percent" if figure.percent else "number", figure.value, first, figure.end)


def _range_reading(low, high, first):
    """The range from `low` to `high`, or None if `high` is not higher; the scale of the higher
    end counts for the lower ("between 10 and 15 thousand")."""
    if high is None:
        return None
    lowest = low.value
    if low.scale is None and high.scale and lowest * high.scale < high.value:
        lowest *= high.scale
    if not lowest < high.value:
        return None
    kind = "percent" if low.percent or high.percent else "range"
    return _amount(kind, lowest, first, high.end, high=high.value)


def _may_begin(token, first_words):
    """Whether a quantity may be written from this token: most words are ruled out at once."""
    if token.kind == "word":
        return token.stem in first_words
    return token.kind != "symbol" or token.word == "%"


def _quantity(reading, tokens, text):
    start, end = tokens[reading.first].start, tokens[reading.end - 1].end
    return Quantity(
        kind=reading.kind, low=reading.low, high=reading.high, bound=reading.bound,
        vague=reading.vague, date=reading.date, text=text[start:end], start=start, end=end,
    )  # fmt: skip


def _token_reading(tokens, i):
    """A code, a numeric date or a clock time, each read whole by the tokenizer."""
    token = tokens[i]
    if token.kind == "code":
        number = _DIGIT_RUN.findall(token.word)[-1]
        return _Reading("code", Decimal(number), Decimal(number), "exact", "", None, i, i + 1)
    if token.kind == "date":
        return _dated(token.date, i, i + 1)
    if token.kind == "time":
        return _amount("time", token.value, i, i + 1)
    return None
