"""The Arabic words of numbers: units to thousands with their gender, construct and dual
forms, scales, vague quantities, qualifiers, months and times of day, each with every
proclitic; and the Arabic tokenizer, which splits a word into its proclitic and stem."""

from decimal import Decimal

from ..arabic import PROCLITICS, normalize
from .quantities import (
    _ARABIC_TOKEN,
    _MARKS,
    _THOUSANDS,
    _by_first_word,
    _folded,
    _other_tokens,
    _plain_letters,
    _Token,
)


def _arabic_tokens(text):
    tokens, joined, marked = [], False, _MARKS.search(text) is not None
    for match in _ARABIC_TOKEN.finditer(_plain_letters(text)):
        kind, piece = match.lastgroup, match.group()
        start, end = match.span()
        glued = bool(tokens) and tokens[-1].end == start
        if kind == "word" or kind == "attached":
            word = _folded(piece, marked)
            if word == "و":
                joined = True
                continue
            prefix, stem = _ARABIC_SPLIT.get(word) or ("", word)
            joined = joined or prefix.startswith("و")
            tokens.append(_Token("word", word, start, end, glued, None, None, stem, prefix, joined))
        elif kind == "symbol":
            tokens.append(_Token("symbol", piece, start, end, glued))
        elif kind == "numeral":
            prefix = ""
            if glued and tokens[-1].kind == "word" and tokens[-1].word in PROCLITICS:
                prefix = tokens.pop().word  # ب٣, الـ15: the proclitic is no word of its own
                joined = joined or prefix.startswith("و")
            value = _arabic_numeral(piece)
            tokens.append(
                _Token("numeral", piece, start, end, glued, value, None, "", prefix, joined)
            )
        elif kind != "url":
            tokens += _other_tokens(match, glued)
        joined = False
    return tokens


def _arabic_numeral(digits):
    """The value of "1,200" (thousands) or "2,5" (a decimal comma)."""
    if _THOUSANDS.fullmatch(digits):
        return Decimal(digits.replace(",", ""))
    return Decimal(digits.replace(",", "."))


# Arabic. The words are written as editors spell them, and kept as `arabic.normalize` has them.


def _spelled(words):
    """A vocabulary (a dict or a set of words) with its words as `arabic.normalize` has them."""
    if isinstance(words, dict):
        return {normalize(word): value for word, value in words.items()}
    return {normalize(word) for word in words}


_UNITS = _spelled(
    {
        "واحد": 1, "واحدة": 1,
        "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثنتان": 2, "ثنتين": 2,
        "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2,
        "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6,
        "سبع": 7, "سبعة": 7, "ثمان": 8, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9,
    }
)  # fmt: skip


_TEN = _spelled({"عشر", "عشرة"})  # 10, and the second word of 11 to 19


_ONE_OF = _spelled({"أحد", "إحدى"})  # 1 only in 11, 21, 31...: alone, "one of"


_TENS = _spelled(
    {
        stem + ending: value
        for value, stem in (
            (20, "عشر"), (30, "ثلاث"), (40, "أربع"), (50, "خمس"),
            (60, "ست"), (70, "سبع"), (80, "ثمان"), (90, "تسع"),
        )
        for ending in ("ون", "ين")
    }
)  # fmt: skip


_HUNDRED = _spelled({"مئة", "مائة"})


_HUNDREDS = _spelled(
    dict.fromkeys(("مئة", "مائة", "ماية"), 100)
    | {two + ending: 200 for two in ("مئت", "مائت") for ending in ("ان", "ين", "ا", "ي")}
    | {
        unit + hundred: value * 100
        for unit, value in (
            ("ثلاث", 3), ("ثلث", 3), ("أربع", 4), ("خمس", 5), ("ست", 6),
            ("سبع", 7), ("ثمان", 8), ("ثماني", 8), ("تسع", 9),
        )
        for hundred in ("مئة", "مائة")
    }
)  # fmt: skip


# Scale words after a count (ثلاثة آلاف, عشرين ألفاً, 1.5 مليون)...
_SCALES = _spelled(
    {
        "ألف": 1000, "ألفا": 1000, "آلاف": 1000,
        "مليون": 10**6, "مليونا": 10**6, "ملايين": 10**6,
        "مليار": 10**9, "مليارا": 10**9, "مليارات": 10**9,
    }
)  # fmt: skip


# ...and alone, as (value, scale): ألف, ألفان.
_ALONE = _spelled(
    {
        "ألف": (1000, 1000), "ألفا": (1000, 1000), "ألفان": (2000, 1000),
        "ألفين": (2000, 1000), "ألفي": (2000, 1000),
        "مليون": (10**6, 10**6), "مليونا": (10**6, 10**6), "مليونان": (2 * 10**6, 10**6),
        "مليونين": (2 * 10**6, 10**6),
        "مليار": (10**9, 10**9), "مليارا": (10**9, 10**9), "ملياران": (2 * 10**9, 10**9),
        "مليارين": (2 * 10**9, 10**9),
    }
)  # fmt: skip


# Without its marks ألفاً (a thousand, accusative) is written as ألفا (two thousand, before the
# noun it counts): it is two thousand only before a noun, ألفا مقاتل.
_DUAL_BEFORE_A_NOUN = _spelled({"ألفا", "مليونا", "مليارا"})


_HALF = normalize("نصف")
_FRACTIONS = {_HALF: Decimal("0.5"), normalize("ربع"): Decimal("0.25")}  # of a scale word


_ARABIC_VAGUE = _spelled(
    {
        "عشرات": "dozens", "مئات": "hundreds", "آلاف": "thousands", "ألوف": "thousands",
        "ملايين": "millions", "مليارات": "billions",
    }
)  # fmt: skip


_TENS_OF, _HUNDREDS_OF = normalize("عشرات"), normalize("مئات")


_ORDINALS = _spelled(
    {
        "أول": 1, "أولى": 1, "حادي": 1, "حادية": 1, "ثاني": 2, "ثانية": 2, "ثالث": 3,
        "ثالثة": 3, "رابع": 4, "رابعة": 4, "خامس": 5, "خامسة": 5, "سادس": 6, "سادسة": 6,
        "سابع": 7, "سابعة": 7, "ثامن": 8, "ثامنة": 8, "تاسع": 9, "تاسعة": 9, "عاشر": 10,
        "عاشرة": 10,
    }
)  # fmt: skip


# Dual nouns that are read as the number 2: of time, and of the people a report counts.
_DUAL_NOUNS = _spelled(
    {
        stem + ending
        for stem in (
            "عام", "سنت", "شهر", "يوم", "ساعت", "أسبوع", "دقيقت",
            "شخص", "طفل", "عنصر", "جندي", "قتيل", "جريح", "امرأت", "رجل",
        )
        for ending in ("ان", "ين")
    }
)  # fmt: skip


def _arabic_qualifiers(phrases_by_bound):
    return _by_first_word(
        {
            tuple(normalize(phrase).split()): bound
            for bound, phrases in phrases_by_bound.items()
            for phrase in phrases
        }
    )


_ARABIC_BOUNDS = _arabic_qualifiers(
    {
        "about": (
            "نحو", "حوالى", "حوالي", "قرابة", "زهاء", "ما يقارب", "يقارب", "ما يناهز", "يناهز",
            "بحدود", "في حدود", "ما يقرب من", "يقرب من",
        ),
        "more": (
            "أكثر من", "أزيد من", "ما يزيد عن", "ما يزيد على", "يزيد عن", "يزيد على",
            "ما لا يقل عن", "لا يقل عن", "ما يربو على", "يربو على",
        ),
        "less": (
            "أقل من", "ما دون", "ما يقل عن", "ما لا يزيد عن", "لا يزيد عن", "ما لا يزيد على",
            "لا يزيد على", "تصل إلى", "يصل إلى", "قد تصل إلى", "قد يصل إلى",
        ),
    }
)  # fmt: skip


# Qualifiers after the number or the noun it counts: "30 شخصاً تقريباً", "سبعة شبان على الأقل".
_ARABIC_BOUNDS_AFTER = _arabic_qualifiers({"about": ("تقريباً",), "more": ("على الأقل",)})


_AGE = normalize("عمر")


_DAY = normalize("اليوم")


_RANGE_STARTS = _spelled({"بين", "من"})


_BETWEEN, _FROM = normalize("بين"), normalize("من")


_TO = _spelled({"إلى", "حتى"})


_IN = normalize("في")


_ARABIC_MONTHS = _spelled(
    {
        "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6,
        "تموز": 7, "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11,
        "كانون الأول": 12,
        "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "إبريل": 4, "مايو": 5, "يونيو": 6,
        "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "سبتمبر": 9, "أكتوبر": 10,
        "نوفمبر": 11, "ديسمبر": 12,
    }
)  # fmt: skip


_YEAR_WORDS = _spelled({"عام", "العام", "لعام", "سنة", "السنة", "لسنة"})


_YEARS_OF = _spelled({"عامي", "العامين", "سنتي", "السنتين"})  # بين عامي 2011 و2015


_CLOCK_WORDS = _spelled({"الساعة", "بالساعة", "والساعة"})


_CLOCK_FRACTIONS = _spelled({"نصف": 30, "ربع": 15})  # الساعة العاشرة والنصف


# After a time, whether the part of the day is the evening (afternoon or night).
_PARTS_OF_DAY = _spelled(
    {"صباحاً": False, "صباحا": False, "فجراً": False, "فجرا": False, "مساءً": True,
     "مساء": True, "مساءا": True, "ليلاً": True, "ليلا": True, "عصراً": True, "عصرا": True,
     "صباح": False, "فجر": False, "ليل": True, "ليلة": True, "عصر": True}
)  # fmt: skip


_NUMBER_WORDS = (
    _UNITS.keys() | _TEN | _ONE_OF | _TENS.keys() | _HUNDREDS.keys() | _SCALES.keys()
    | _ALONE.keys() | _DUAL_NOUNS | _FRACTIONS.keys()
)  # fmt: skip


_STEMS = (
    _NUMBER_WORDS | _ARABIC_VAGUE.keys() | _ORDINALS.keys() | _ARABIC_BOUNDS.keys()
    | _RANGE_STARTS | _CLOCK_FRACTIONS.keys()
)  # fmt: skip


# Words that look like a proclitic and a number word but are another word: لست "I am not",
# الاثنين "Monday".
_OTHER_WORDS = {normalize("لست")} | {
    prefix + normalize("اثنين") for prefix in PROCLITICS if prefix.endswith(("ال", "لل"))
}


_ARABIC_FIRST_WORDS = (
    _STEMS | {month.split()[0] for month in _ARABIC_MONTHS} | _CLOCK_WORDS
)  # fmt: skip


# Every number word with every proclitic, to split a word in one look-up; where two splits are
# possible the shorter proclitic wins (واحد is "one", not و + أحد).
_ARABIC_SPLIT = {
    prefix + stem: (prefix, stem)
    for prefix in sorted(PROCLITICS, key=len, reverse=True)
    for stem in _STEMS
    if prefix + stem not in _OTHER_WORDS
}
