"""The numbers of a translation: the death toll, the dates and the percentages of the Arabic
source must reach the English unchanged. Pure functions on strings: no database."""

from decimal import Decimal

import pytest

from articles.arabic import normalize
from articles.numbers import (
    NumberMismatch,
    Quantity,
    arabic_quantities,
    english_quantities,
    number_mismatches,
)
from articles.numbers.quantities import _folded, _plain_letters


def flagged(source, english):
    return [mismatch.kind for mismatch in number_mismatches(source, english)]


def readings(quantities):
    """(kind, value, bound) of each quantity, the value as an editor reads it."""
    return [(quantity.kind, quantity.describe(), quantity.bound) for quantity in quantities]


# What an editor checks, paragraph by paragraph: (Arabic source, English, what is flagged).
# "value": a different number; "qualifier": the same number, "about" or "more than" lost or
# added; "missing": no such number in the English; "extra": a number in digits the source
# does not give; "repeated": the source gives a number more often than the English.
TRANSLATIONS = [
    # The death toll, in the three scripts of digits and in words
    ("قُتل ١١ شخصاً في القصف", "11 people were killed in the shelling", []),
    ("قُتل ۱۱ شخصاً في القصف", "Eleven people were killed in the shelling", []),
    ("قُتل 11 شخصاً في القصف", "Eleven people were killed in the shelling", []),
    ("قُتل ١١ شخصاً في القصف", "12 people were killed in the shelling", ["value"]),
    ("قُتل ۱۲ شخصاً في القصف", "Eleven people were killed in the shelling", ["value"]),
    ("قُتل أحد عشر مدنياً", "11 civilians were killed", []),
    ("قُتل أحد عشر مدنياً", "Ten civilians were killed", ["value"]),
    (
        "قُتل 11 عنصراً من قوات النظام وأصيب نحو 20 آخرين",
        "11 regime soldiers were killed and about 20 others wounded",
        [],
    ),
    (
        "قُتل 11 عنصراً من قوات النظام وأصيب نحو 20 آخرين",
        "12 regime soldiers were killed and about 20 others wounded",
        ["value"],
    ),
    (
        "قُتل 11 عنصراً من قوات النظام وأصيب نحو 20 آخرين",
        "Regime soldiers were killed and about 20 others wounded",
        ["missing"],
    ),
    ("قُتل عدد من المدنيين", "12 civilians were killed", ["extra"]),
    ("قُتل 11 شخصاً", "11 people were killed, 3 of them children", ["extra"]),
    ("قُتل 5 وجُرح 5 آخرون", "5 were killed and 5 others wounded", []),
    ("قُتل 5 وجُرح 5 آخرون", "5 were killed and 6 others wounded", ["value"]),
    ("قُتل 5 وجُرح 5 آخرون", "5 were killed and others wounded", ["repeated"]),
    # Separators and clitics
    ("نزح ١٬٢٠٠ شخص", "1,200 people were displaced", []),
    ("نزح 1,200 شخص", "1,200 people were displaced", []),
    ("نزح 1\u2009200 شخص", "1,200 people were displaced", []),
    ("نزح 1\u202f200 شخص", "1,200 people were displaced", []),
    ("نزح 1,200 شخص", "12,000 people were displaced", ["value"]),
    ("بلغت الخسائر ٢٫٥ مليون دولار", "Losses reached $2.5 million", []),
    ("بلغت الخسائر 2,5 مليون دولار", "Losses reached $2.5 million", []),
    ("قُتل 3 وجُرح و15 آخرون", "3 were killed and 15 wounded", []),
    ("قُصفت البلدة بـ٣ قذائف", "The town was hit by three shells", []),
    # Number words: gender, construct and dual forms, compounds, hundreds, thousands, millions
    ("قُتل ثلاثة مدنيين", "Three civilians were killed", []),
    ("قُتلت ثلاث نساء", "Three women were killed", []),
    ("قُتل خمسة وعشرون شخصاً", "25 people were killed", []),
    ("قُتل خمسة وعشرين شخصاً", "24 people were killed", ["value"]),
    ("اعتُقلت إحدى عشرة امرأة", "Eleven women were arrested", []),
    ("اعتُقل اثنا عشر شاباً", "Twelve young men were arrested", []),
    ("اعتُقل اثنان من المقاتلين", "Two of the fighters were arrested", []),
    ("وصل مئة وخمسون مقاتلاً", "150 fighters arrived", []),
    ("عادت مئتا عائلة", "200 families returned", []),
    ("انشق ثلاثمائة عنصر", "Three hundred members defected", []),
    ("انشق ثلاث مئة عنصر", "300 members defected", []),
    ("بلغ العدد ألفاً ومئتين", "The number reached 1,200", []),
    ("نزح ثلاثة آلاف شخص", "3,000 people were displaced", []),
    ("نزح 3 آلاف شخص", "Three thousand people were displaced", []),
    ("نزح ثلاثة آلاف شخص", "300 people were displaced", ["value"]),
    ("بلغ السعر خمسة عشر ألف ليرة", "The price reached 15,000 pounds", []),
    ("لا يتجاوز السعر ألفي ليرة", "The price does not exceed 2,000 pounds", []),
    ("يعيش في المخيمات 1.5 مليون لاجئ", "1.5 million refugees live in the camps", []),
    ("يعيش في المخيمات مليون ونصف المليون لاجئ", "1.5 million refugees live in the camps", []),
    ("يعيش في المخيمات ٢ مليون لاجئ", "Two million refugees live in the camps", []),
    ("يعيش في المخيمات ثلاثة ملايين لاجئ", "3 million refugees live in the camps", []),
    ("يعيش في المخيمات نصف مليون لاجئ", "Half a million refugees live in the camps", []),
    ("يعيش في المخيمات 1.5 مليون لاجئ", "15 million refugees live in the camps", ["value"]),
    # Vague quantities
    ("سقط عشرات القتلى", "Dozens were killed", []),
    ("سقط عشرات القتلى", "Scores of people were killed", []),
    ("عادت مئات العائلات", "Hundreds of families returned", []),
    ("نزح آلاف المدنيين", "Thousands of civilians were displaced", []),
    ("نزح عشرات الآلاف", "Tens of thousands were displaced", []),
    ("نزح مئات الآلاف", "Hundreds of thousands were displaced", []),
    ("هُجّر ملايين السوريين", "Millions of Syrians were displaced", []),
    ("سقط عشرات القتلى", "Hundreds were killed", ["value"]),
    ("نزح عشرات الآلاف", "Thousands were displaced", ["value"]),
    ("سقط عشرات القتلى", "30 people were killed", ["missing", "extra"]),
    # Qualifiers
    ("قُتل نحو 30 شخصاً", "About 30 people were killed", []),
    ("قُتل حوالي 30 شخصاً", "Around 30 people were killed", []),
    ("قُتل قرابة 30 شخصاً", "Nearly 30 people were killed", []),
    ("قُتل زهاء 30 شخصاً", "Some 30 people were killed", []),
    ("قُتل 30 شخصاً تقريباً", "Roughly 30 people were killed", []),
    ("قُتل أكثر من 20 شخصاً", "More than 20 people were killed", []),
    ("قُتل ما يزيد عن 20 شخصاً", "Over 20 people were killed", []),
    ("قُتل ما لا يقل عن 20 شخصاً", "At least 20 people were killed", []),
    ("اعتُقل سبعة شبان على الأقل", "At least seven young men were arrested", []),
    ("قُتل أقل من 20 شخصاً", "Fewer than 20 people were killed", []),
    ("قُتل نحو 30 شخصاً", "30 people were killed", ["qualifier"]),
    ("قُتل أكثر من 20 شخصاً", "20 people were killed", ["qualifier"]),
    ("قُتل أكثر من 20 شخصاً", "About 20 people were killed", ["qualifier"]),
    ("قُتل 30 شخصاً", "About 30 people were killed", ["qualifier"]),
    ("انقطعت الكهرباء خلال 24 ساعة", "Power was cut over 24 hours", []),
    ("بلغت الحصيلة أكثر من 5900 قتيل", "The death toll exceeded 5,900", []),
    ("تجاوز عدد القتلى 100", "The death toll exceeded 100", []),
    ("بلغت الحصيلة أكثر من 100 قتيل", "The death toll reached 100", ["qualifier"]),
    ("توفي عن عمر يناهز 25 عاماً", "He died aged 25", []),
    # Ranges
    ("قُتل بين 10 و15 شخصاً", "Between 10 and 15 people were killed", []),
    ("قُتل من 10 إلى 15 شخصاً", "10 to 15 people were killed", []),
    ("قُتل 10-15 شخصاً", "10-15 people were killed", []),
    ("قُتل ١٠–١٥ شخصاً", "From 10 to 15 people were killed", []),
    ("قُتل بين عشرة وخمسة عشر شخصاً", "Between ten and fifteen people were killed", []),
    ("قُتل بين الـ10 والـ15 شخصاً", "Between 10 and 15 people were killed", []),
    ("قُتل بين 10 و15 شخصاً", "Between 10 and 16 people were killed", ["value"]),
    ("يقدر عددهم بين 10 و15 ألفاً", "They number between 10,000 and 15,000", []),
    # Percentages
    ("ارتفعت الأسعار 15%", "Prices rose 15%", []),
    ("ارتفعت الأسعار ١٥٪", "Prices rose 15 percent", []),
    ("ارتفعت الأسعار بنسبة %15", "Prices rose by 15%", []),
    ("ارتفعت الأسعار 15 بالمئة", "Prices rose 15 per cent", []),
    ("ارتفعت الأسعار 15 في المئة", "Prices rose 15%", []),
    ("ارتفعت الأسعار 15 بالمائة", "Prices rose 15 percent", []),
    ("ارتفعت الأسعار 15 بالمئة", "Prices rose 16 percent", ["value"]),
    ("ارتفعت الأسعار 15 بالمئة", "Prices rose about 15 percent", ["qualifier"]),
    ("ارتفعت الأسعار 15%", "Prices rose 15 times", ["missing", "extra"]),
    # Dates
    ("وقع الهجوم في 15 آذار 2024", "The attack took place on 15 March 2024", []),
    ("وقع الهجوم في 15 آذار (مارس) 2024", "The attack took place on March 15, 2024", []),
    ("وقع الهجوم في 15 مارس 2024", "The attack took place on March 15", []),
    ("وقع الهجوم في 15 شباط", "The attack took place on February 15", []),
    ("وقع الهجوم في 3 أيار", "The attack took place on May 3", []),
    ("وقع الهجوم في 15 يونيو", "The attack took place on 15 June", []),
    ("وقع الهجوم في الأول من كانون الثاني 2024", "The attack took place on 1 January 2024", []),
    ("وقع الهجوم في 15/3/2024", "The attack took place on 15 March 2024", []),
    ("وقع الهجوم في آب 2023", "The attack took place in August 2023", []),
    ("خلال الأسبوع الأول من كانون الثاني 2024", "During the first week of January 2024", []),
    ("وقع الهجوم في تشرين الأول الماضي", "The attack took place last October", []),
    ("وقع الهجوم في 15 آذار 2024", "The attack took place on 16 March 2024", ["value"]),
    ("وقع الهجوم في 15 آذار 2024", "The attack took place on 15 March 2023", ["value"]),
    ("وقع الهجوم في 15 أيلول", "The attack took place on 15 August", ["value"]),
    ("وقع الهجوم في 15 تشرين الثاني", "The attack took place on 15 October", ["value"]),
    ("وقع الهجوم يوم الجمعة", "The attack took place on Friday, March 15", ["extra"]),
    # Times
    ("وقع الانفجار الساعة 10:30", "The explosion happened at 10:30", []),
    ("وقع الانفجار الساعة 10:30 ليلاً", "The explosion happened at 10.30pm", []),
    ("وقع الانفجار الساعة السادسة صباحاً", "The explosion happened at 6 am", []),
    ("وقع الانفجار الساعة 10:30", "The explosion happened at 11:30", ["value"]),
    ("وقع الانفجار الساعة 3 فجراً", "The explosion happened at 3 pm", ["value"]),
    ("وقع الانفجار الساعة 3 فجراً", "The explosion happened at 3:00", []),
    ("وقع الانفجار الساعة 10:30", "The explosion happened in the morning", ["missing"]),
    # What an editor would find silly to be told
    ("قال أحد السكان إن القصف استمر", "One of the residents said the shelling went on", []),
    ("وصلت التعزيزات يوم الأحد", "The reinforcements arrived on Sunday", []),
    ("وصلت التعزيزات يوم الاثنين", "The reinforcements arrived on Monday", []),
    ("في الذكرى الحادية عشرة للثورة", "On the eleventh anniversary of the revolution", []),
    ("بحسب القرار 2254", "Under Resolution 2254", []),
    ("وصلت الرحلة SY-24", "Flight SY-24 arrived", []),
    ("حلقت طائرات إف 16", "F-16 jets flew over", []),
    ("انتشرت الفرقة 25", "The 25th Division deployed", []),
    ("المصدر https://example.com/news/2024/123", "Source", []),
    ("قُتل جندي واحد", "A soldier was killed", []),
    ("قُتل الجنود الخمسة", "The soldiers were killed", []),
    ("قُتل جنديان", "Two soldiers were killed", []),
    ("وصل منذ يومين", "He arrived 2 days ago", []),
    ("لست أدري", "I do not know", []),
]


@pytest.mark.parametrize(("source", "english", "expected"), TRANSLATIONS)
def test_a_translation_is_flagged_where_its_numbers_differ(source, english, expected):
    assert flagged(source, english) == expected


def test_the_table_covers_both_sides():
    correct = [case for case in TRANSLATIONS if not case[2]]
    assert len(TRANSLATIONS) >= 70
    assert len(correct) * 3 >= len(TRANSLATIONS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قُتل ١١ شخصاً", [("number", "11", "exact")]),
        ("٩٨٧٦٥٤٣٢١٠ و۹۸۷۶۵۴۳۲۱۰", [("number", "9,876,543,210", "exact")] * 2),
        ("قتل ۱۱", [("number", "11", "exact")]),
        ("خمسةٌ وعشرونَ", [("number", "25", "exact")]),
        ("إحدى وعشرين", [("number", "21", "exact")]),
        ("ثلاثة آلاف وخمسمئة وعشرون", [("number", "3520", "exact")]),
        ("مئتا ألف", [("number", "200,000", "exact")]),
        ("عشرين ألفاً", [("number", "20,000", "exact")]),
        ("وصل ألفا مقاتل", [("number", "2000", "exact")]),
        ("بلغ العدد ألفاً", [("number", "1000", "exact")]),
        ("1.5 مليون", [("number", "1,500,000", "exact")]),
        ("ثلاثة وأربعة", [("number", "3", "exact"), ("number", "4", "exact")]),
        ("أكثر من عشرين", [("number", "more than 20", "more")]),
        ("بنحو 30", [("number", "about 30", "about")]),
        ("ما دون 10", [("number", "less than 10", "less")]),
        ("بين 10 و15 ألفاً", [("range", "between 10,000 and 15,000", "exact")]),
        ("بين عامي 2011 و2015", [("range", "between 2011 and 2015", "exact")]),
        ("بين 10% و15%", [("percent", "between 10% and 15%", "exact")]),
        ("انخفض العدد من 15 إلى 10", [("number", "15", "exact"), ("number", "10", "exact")]),
        ("بين 10 15", [("number", "10", "exact"), ("number", "15", "exact")]),
        ("عشرات الآلاف", [("vague", "tens of thousands", "exact")]),
        ("آلاف", [("vague", "thousands", "exact")]),
        ("الخامس عشر من آذار من العام 2024", [("date", "15 March 2024", "exact")]),
        ("15 آذار/مارس 2024", [("date", "15 March 2024", "exact")]),
        ("15 آذار (3) 2024", [("date", "15 March 2024", "exact")]),
        ("الـ15 من نيسان", [("date", "15 April", "exact")]),
        ("2024-03-15", [("date", "15 March 2024", "exact")]),
        ("الساعة العاشرة والنصف", [("time", "10:30", "exact")]),
        ("الساعة 10", [("time", "10:00", "exact")]),
        ("وصلت الرحلة SY-24", [("code", "SY-24", "exact")]),
        ("أحد السكان", []),
        ("إحدى القرى", []),
        ("الحادي عشر من الشهر", []),
        ("الأب الثالث", []),
        ("يوم الاثنين", []),
    ],
)
def test_arabic_quantities_are_read_as_an_editor_reads_them(text, expected):
    assert readings(arabic_quantities(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("eleven people", [("number", "11", "exact")]),
        ("twenty-five", [("number", "25", "exact")]),
        ("one hundred and fifty", [("number", "150", "exact")]),
        ("two thousand and five", [("number", "2005", "exact")]),
        ("3,000", [("number", "3000", "exact")]),
        ("1.5 million", [("number", "1,500,000", "exact")]),
        ("a dozen", [("number", "12", "exact")]),
        ("two dozen", [("number", "24", "exact")]),
        ("an estimated 5,000", [("number", "about 5000", "about")]),
        ("up to 30", [("number", "less than 30", "less")]),
        ("30 or so", [("number", "about 30", "about")]),
        ("over 24 hours", [("number", "24", "exact")]),
        ("between 10 and 15 thousand", [("range", "between 10,000 and 15,000", "exact")]),
        ("10-15%", [("percent", "between 10% and 15%", "exact")]),
        ("tens of thousands", [("vague", "tens of thousands", "exact")]),
        ("tens of people", [("vague", "dozens", "exact")]),
        ("several thousand", [("vague", "thousands", "exact")]),
        ("the 15th of March", [("date", "15 March", "exact")]),
        ("Mar. 15, 2024", [("date", "15 March 2024", "exact")]),
        ("March 2024", [("date", "March 2024", "exact")]),
        ("3/15/2024", [("date", "15 March 2024", "exact")]),
        ("they may 5", [("number", "5", "exact")]),
        ("10 p.m.", [("time", "22:00", "exact")]),
        ("10 o'clock", [("time", "10:00", "exact")]),
        ("COVID-19", [("code", "COVID-19", "exact")]),
        ("the 25th Division", [("ordinal", "25th", "exact")]),
        ("the first and second", []),
        ("the vote was 5 to 4", [("number", "5", "exact"), ("number", "4", "exact")]),
    ],
)
def test_english_quantities_are_read_as_an_editor_reads_them(text, expected):
    assert readings(english_quantities(text)) == expected


def test_a_quantity_knows_where_it_is_written_in_the_original_text():
    text = "وقُتِلَ خَمْسَةٌ وَعِشْرُونَ مدنياً و١٥ جريحاً"
    words, digits = arabic_quantities(text)
    assert (words.text, words.low) == ("خَمْسَةٌ وَعِشْرُونَ", Decimal(25))
    assert text[words.start : words.end] == words.text
    assert (digits.text, digits.low) == ("١٥", Decimal(15))
    assert text[digits.start : digits.end] == "١٥"


def test_a_quantity_holds_its_value_range_and_date():
    [toll] = english_quantities("between 10 and 15 killed")
    assert (toll.kind, toll.low, toll.high) == ("range", Decimal(10), Decimal(15))
    [day] = arabic_quantities("في 15 آذار (مارس) 2024")
    assert (day.kind, day.low, day.date) == ("date", None, (2024, 3, 15))
    [crowd] = arabic_quantities("عشرات الآلاف")
    assert (crowd.low, crowd.high, crowd.vague) == (None, None, "tens of thousands")


@pytest.mark.parametrize(
    "word", ["أَحَدَ", "إحدى", "مئة", "مائة", "آلاف", "ثلاثـــة", "ٱلخمسة", "Resolution"]
)
def test_words_are_read_as_arabic_normalize_has_them(word):
    assert _folded(_plain_letters(word)) == normalize(word)


@pytest.mark.parametrize(
    ("source", "english", "message"),
    [
        ("قتل ١١ شخصاً", "12 people were killed", "The source says ١١ (11); the English says 12."),
        (
            "قتل نحو 30 شخصاً",
            "30 people were killed",
            "The source says about 30 (نحو 30); the English says 30, without “about”.",
        ),
        (
            "قتل 30 شخصاً",
            "about 30 people were killed",
            "The source says 30; the English says about 30, where the source has no “about”.",
        ),
        (
            "قتل أكثر من 20 شخصاً",
            "about 20 people were killed",
            "The source says more than 20 (أكثر من 20); the English says about 20.",
        ),
        (
            "قتل 11 شخصاً",
            "People were killed",
            "The source says 11; the English has no such number.",
        ),
        ("قتل شخص", "12 people were killed", "The English says 12, which the source does not."),
        (
            "قتل أحد عشر شخصاً",
            "twelve people were killed",
            "The source says 11 (أحد عشر); the English says 12 (twelve).",
        ),
        (
            "في 15 آذار 2024",
            "on March 16, 2024",
            "The source says 15 March 2024 (15 آذار 2024); "
            "the English says 16 March 2024 (March 16, 2024).",
        ),
        (
            "في 15 آذار",
            "yesterday",
            "The source says 15 March (15 آذار); the English has no such date.",
        ),
        (
            "قتل 5 وجرح 5",
            "5 were killed and wounded",
            "The source says 5 twice; the English only once.",
        ),
        (
            "عشرات القتلى",
            "hundreds of dead",
            "The source says dozens (عشرات); the English says hundreds.",
        ),
    ],
)
def test_a_message_shows_both_numbers(source, english, message):
    [said] = [mismatch.message() for mismatch in number_mismatches(source, english)]
    assert said.replace("\u2068", "").replace("\u2069", "") == message  # arabic.isolated()'s marks


def test_arabic_in_a_message_is_set_apart_from_the_english_around_it():
    [mismatch] = number_mismatches("قتل نحو 30 شخصاً", "30 people were killed")
    assert "(\u2068نحو 30\u2069)" in mismatch.message()


def test_an_english_number_that_carries_a_source_one_is_not_taken_for_another():
    [mismatch] = number_mismatches(
        "قتل 11 شخصاً وجرح 20 آخرون عام 2024", "In 2024, 11 people were killed and 21 wounded"
    )
    assert (mismatch.source.low, mismatch.english.low) == (Decimal(20), Decimal(21))


def test_each_source_number_is_shown_with_the_english_number_nearest_to_it():
    killed, wounded = number_mismatches("قتل 11 وجرح 20", "12 were killed and 21 wounded")
    assert (killed.source.low, killed.english.low) == (Decimal(11), Decimal(12))
    assert (wounded.source.low, wounded.english.low) == (Decimal(20), Decimal(21))


def test_the_english_one_is_not_taken_for_the_number_meant():
    [mismatch] = number_mismatches("قتل 11 شخصاً", "One of them was killed")
    assert (mismatch.kind, mismatch.english) == ("missing", None)


def test_a_lost_qualifier_is_paired_with_its_own_number_before_a_nearer_one():
    [mismatch] = number_mismatches("قتل نحو 30 شخصاً وجرح 5", "5 were wounded and 30 killed")
    assert mismatch.kind == "qualifier"
    assert mismatch.english.text == "30"


def test_english_words_are_never_reported_as_extra_but_digits_are():
    assert number_mismatches("قتل جنود", "two soldiers, one of them an officer, were killed") == []
    [extra] = number_mismatches("قتل جنود", "2 soldiers were killed")
    assert extra == NumberMismatch(source=None, english=english_quantities("2 soldiers")[0])


def test_each_english_number_stands_for_one_source_number_only():
    assert flagged("قتل 3 أطفال و3 نساء", "3 children and 3 women were killed") == []
    assert flagged("قتل 3 أطفال و3 نساء", "3 children and women were killed") == ["repeated"]


def test_a_number_word_the_english_may_leave_implicit_is_not_asked_for():
    assert flagged("قتل الأشخاص الخمسة", "The people were killed") == []
    assert flagged("قتل خمسة أشخاص", "The people were killed") == ["missing"]


def test_a_quantity_describes_itself_for_people():
    def quantity(kind, low=None, high=None, bound="exact", vague="", date=None):
        return Quantity(kind, low, high, bound, vague, date, "", 0, 0)

    assert quantity("number", Decimal(30), Decimal(30), "about").describe() == "about 30"
    assert quantity("number", Decimal(20), Decimal(20), "more").describe() == "more than 20"
    assert quantity("range", Decimal(10), Decimal(15)).describe() == "between 10 and 15"
    assert quantity("percent", Decimal(15), Decimal(15)).describe() == "15%"
    assert quantity("vague", vague="dozens").describe() == "dozens"
    assert quantity("date", date=(2024, 3, 15)).describe() == "15 March 2024"
    assert quantity("time", Decimal(630), Decimal(630)).describe() == "10:30"
