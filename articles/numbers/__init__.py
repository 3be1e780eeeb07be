"""Numbers a translation must carry: the source's death toll, dates and percentages, unchanged.

`arabic_quantities` and `english_quantities` read every number of a text; `number_mismatches`
says which of the Arabic source's numbers the English does not carry, and which numbers the
English gives that the source does not. Pure functions, no database: a segment is a string.

How numbers are written
- Digits: Western (0-9), Arabic-Indic (٠-٩) and Persian (۰-۹). "٫" and "." are decimal points;
  "٬", "," and a thin or narrow no-break space between groups of three digits separate
  thousands. In Arabic text a "," before one or two last digits is a decimal comma ("2,5");
  in English "," only separates thousands. Digits may carry Arabic proclitics: و15, ب٣, الـ15.
- Arabic number words, matched after `arabic.normalize` (hamza, teh marbuta and alef maqsura
  variants alike) and with the proclitics of `arabic.PROCLITICS` (وخمسة, بثلاثة, الخمسة):
  واحد/واحدة; اثنان, اثنين, اثنتان, اثنتين and the construct اثنا, اثنتا; ثلاث/ثلاثة to
  تسع/تسعة; عشر/عشرة; 11 to 19 (أحد عشر, إحدى عشرة, اثنا عشر, ثلاثة عشر...); the tens
  عشرون/عشرين to تسعون/تسعين; units before tens with و (خمسة وعشرون is 25); مئة/مائة,
  مئتان/مئتا/مائتي, ثلاثمئة or ثلاث مئة to تسعمائة; ألف, ألفان/ألفين, آلاف after a count
  (ثلاثة آلاف), ألفا (2000 before the noun it counts, ألفا مقاتل; else ألفاً, 1000);
  مليون/ملايين, مليار; "ونصف" after a thousand or a million, نصف مليون; larger
  parts before smaller ones with و (مئة وخمسون, ألف ومئتان); digits before a scale word
  (3 آلاف, 1.5 مليون). أحد and إحدى alone mean "one of", not 1; الاثنين is Monday; ordinals
  (الثالث, الحادي عشر, الخامس والعشرين) are no quantity, except as the day of a date. A dual
  noun of time or people (يومين "two days", طفلين "two children") is the number 2.
- English number words: one to nineteen, the tens, "twenty-five", "a hundred", "one hundred and
  fifty", thousand, million, billion, "1.5 million", "a dozen" (12), "two dozen", "half a
  million". An ordinal written in digits ("25th") is read, to stand for a number of the source
  (الفرقة 25 is "the 25th Division"); ordinal words are not.
- Vague quantities: عشرات (dozens), مئات (hundreds), آلاف with no count before it (thousands),
  عشرات الآلاف, مئات الآلاف, ملايين (millions); in English dozens, scores of, tens of, hundreds,
  thousands, tens of thousands, hundreds of thousands, millions, and "several"/"a few" before
  hundred, thousand, million or dozen.
- Qualifiers: "about" (نحو, حوالي, قرابة, زهاء, ما يقارب, ما يناهز; about, around, some, nearly,
  almost, roughly, approximately, an estimated, close to; after the number, تقريباً and "or
  so"), "more" (أكثر من, ما يزيد عن/على, أزيد من, ما لا يقل عن; more than, over, at least,
  upwards of, in excess of, no fewer than; after the number, على الأقل and "or more") and
  "less" (أقل من, ما دون, ما يقل عن, لا يزيد عن; less than, fewer than, under, up to, below, no
  more than). "over 24 hours" is a span of time, not a qualifier, and عن عمر يناهز 25 عاماً is
  "aged 25".
- Ranges: بين 10 و15, بين عامي 2011 و2015, من 10 إلى 15, 10 إلى 15, 10-15, ١٠–١٥; between 10
  and 15, from 10 to 15, 10 to 15, 10-15. The higher end must be higher; a scale on it counts
  for both ends (بين 10 و15 ألفا is 10,000 to 15,000). A range of percentages is a percentage
  with two ends.
- Percentages: 15%, ١٥٪, %15, 15 بالمئة, 15 في المئة, 15 بالمائة; 15%, 15 percent, 15 per cent.
- Dates: day, month and year, with the Levantine month names (كانون الثاني, شباط, آذار...
  كانون الأول) or the Egyptian ones (يناير... ديسمبر), the other name or the month's number in
  parentheses or after "/" (15 آذار (مارس) 2024, آذار/مارس), "من" before the month or the year
  (الخامس من آذار من العام 2024); numeric dates day/month/year (15/3/2024, 15-3-2024) or
  year-month-day (2024-03-15); English "15 March 2024", "March 15, 2024", "March 15",
  "15th of March", "March 2024". A month name with no day and no year is no date; an ordinal
  after a noun with the article is no day (الأسبوع الأول من آذار, the first week of March).
  The day and year of a date are not separate numbers.
- Times: 10:30, الساعة 10, الساعة العاشرة (والنصف), and the part of the day after them
  (صباحاً, فجراً; مساءً, ليلاً, عصراً); 10:30, 10.30pm, 10 a.m., 10 o'clock.
- Codes: Latin letters joined to digits (SY-24, F-16, A320, COVID-19, mid-2024) are one token,
  never broken into numbers. Web addresses are skipped.

How a translation is judged
- Each source quantity must be carried by its own English quantity: the same value, whether in
  digits or words ("eleven" carries ١١, "3,000" carries ثلاثة آلاف); the same qualifier (a
  source "about 30" rendered "30" is flagged, as is "more than 20" rendered "about 20"); the same
  vague class; the same two ends of a range; a percentage by a percentage. A date is carried when
  month and day agree, and the year too where both give one; a time when hours and minutes
  agree, on a 12-hour clock unless both say the part of the day (الساعة 10 and "10 pm" agree,
  الساعة 3 فجراً and "3 pm" do not). Codes carry themselves; a number may also be carried by a
  code or a digit ordinal ending in it (إف 16 by "F-16"), a time on the hour by a plain number
  ("at 10"), and a "more than" by an English verb of exceeding ("the toll exceeded 5,900").
  Such verbs are not read as qualifiers: the Arabic one often stands apart from its number
  (تجاوز عدد القتلى 100).
- A value the source writes twice needs two in the English ("5 killed and 5 wounded" rendered
  "5 killed and wounded" loses a fact): the mismatch says how many times each gives it. The
  exception is a number word the English may leave implicit: واحد/واحدة ("a soldier"), a dual
  noun, and a number word with the article (الخمسة "the five"), which points back at a number
  already given. These may be carried but are never asked for.
- A source quantity not carried is shown with the English quantity most likely meant for it: one
  of the same kind not carrying anything else, the same value (a qualifier lost) first, then the
  nearest in reading order.
- English quantities that carry nothing are reported when written in digits (a translator's "12
  killed"). English words are not: "one of the", "the two men" (for an Arabic dual noun) are
  idiom. Nor are codes and ordinals. The word "one" is never taken as the number meant for a
  source quantity either.
- A message quotes a number written in other digits first ("١١ (11)"), and one written in words
  as read first ("about 30 (نحو 30)", "12 (twelve)").

The package, by concern: `quantities` (what a reading finds, and the tokens), `arabic_words`
and `reading_arabic`, `reading_english`, and `matching`.
"""

from .matching import NumberMismatch, number_mismatches
from .quantities import BOUND_WORDS, Quantity
from .reading_arabic import arabic_quantities
from .reading_english import english_quantities

__all__ = [
    "BOUND_WORDS",
    "NumberMismatch",
    "Quantity",
    "arabic_quantities",
    "english_quantities",
    "number_mismatches",
]
