"""Attribution kept: the one list of what, in a source sentence, says whose word it is, and
what an English sentence must say for it. Pure functions.

This newsroom republishes reports it has not verified, so the worst thing a translation
can lose is "according to local sources". The rule, as an editor states it: wherever the
Arabic attributes or hedges (بحسب، وفق ما، نقلاً عن، أفاد، قال، مصادر، ناشطون، مراسل،
شهود، يُعتقد …), the English attributes or hedges too, and keeps who: sources stay
sources, activists stay activists, a correspondent stays a correspondent, witnesses stay
witnesses. Each kind below is one row: the Arabic that marks it (matched on
arabic.normalize's letters, with any proclitic و ف ب ل and the usual verb endings) and the
English that keeps it.

Words with an everyday sense are markers only where they attribute: نقل only with عن after
it (نُقل المصابون is "the injured were taken"); وفق only before ما or a source (وفق المرسوم
is "under the decree"); مصدر only beside a word that makes it a person (مصادر محلية، مصدر
في، قال مصدر), not a source of income; أنباء not after دون ورود or لم ترد ("no word of").
An announcement (أعلنت الوزارة) is the actor acting, not attribution.
"""

import re
from dataclasses import dataclass

from ..arabic import isolated, normalize, normalize_with_map

# English that attributes a statement to someone.
_SAYING = (
    r"according\s+to|as\s+reported\s+by|reported(?:ly)?|reports?|reporting|"
    r"sa(?:id|ys|y|ying)|told|tells?|telling|stat(?:ed|es|ing)|add(?:ed|s|ing)|"
    r"not(?:ed|es|ing)|point(?:ed|s|ing)\s+out|announc(?:ed|es|ing)|confirm(?:ed|s|ing)|"
    r"claim(?:ed|s|ing)?|alleg(?:ed|es|ing|edly)|den(?:ied|ies|ying)|explain(?:ed|s|ing)|"
    r"stress(?:ed|es|ing)|cit(?:ed|es|ing)|quot(?:ed|es|ing)|reveal(?:ed|s|ing)|"
    r"affirm(?:ed|s|ing)|indicat(?:ed|es|ing)|mention(?:ed|s|ing)|assert(?:ed|s|ing)|"
    r"insist(?:ed|s|ing)|warn(?:ed|s|ing)|accus(?:ed|es|ing)|spok(?:e|en)|speaking|"
    r"statement|wr(?:ote|ites|iting)|publish(?:ed|es|ing)|document(?:ed|s|ing)|"
    r"record(?:ed|s|ing)|monitor(?:ed|s|ing)|observ(?:ed|es|ing)|found|learn(?:ed|t)"
)
_HEDGING = (
    r"reportedly|allegedly|alleged|purported(?:ly)?|believed|likely|probabl[ey]|possibl[ey]|"
    r"apparently|suspected|presumably|rumou?rs?|unconfirmed|(?:may|might|could)\s+have|"
    r"(?:could|can)\s*not\s+(?:be\s+)?(?:independently\s+)?verif\w*|said\s+to|thought\s+to|"
    r"claim(?:ed|s)?|reports?"
)
# Verb endings after a stem: past (ت، وا، تا), and the participle's (ا، ه، ين، ون) as
# arabic.normalize leaves them (ة becomes ه, ى becomes ي).
_ENDINGS = r"(?:ت|تا|وا|ا|ه|ين|ون|ان)?"
_PROCLITIC = r"(?<!\w)(?:[وف]?[بل]?)"
# What makes مصدر a person: the words that describe a news source.
_SOURCE_WORDS = (
    r"محلي|مطلع|عسكري|امني|طبي|خاص|مقرب|ميداني|اعلامي|رسمي|حكومي|معارض|اهلي|متطابق|"
    r"مسوول|قريب|في|من|داخل|لدي|ب\w+"
)
_TELLING = r"قال|افاد|ذكر|اكد|اشار|اوضح|كشف|بحسب|حسب|وفق|عن|نقلا"


def _either(*patterns):
    return re.compile("|".join(pattern.pattern for pattern in patterns))


def _arabic(*stems, before="", after=""):
    """A pattern for Arabic words made of any of `stems` (normalised), with a proclitic
    conjunction or preposition and a verb or noun ending; `before` and `after` are what must
    stand beside it, when the word alone says too little."""
    words = "|".join(stems)
    return re.compile(rf"{before}{_PROCLITIC}(?:{words}){_ENDINGS}(?!\w){after}")


@dataclass(frozen=True)
class Attribution:
    kind: str  # what the Arabic does: "reported", "sources", "activists"…
    arabic: re.Pattern  # on normalised text
    english: re.Pattern  # what keeps it in English
    wanted: str  # the English an editor looks for, in words
    hedge: bool = False  # the source doubts, rather than says who said it


_SAYING_VERBS = (
    "بحسب حسب على_لسان قال يقول تقول قول قوله قولها افاد يفيد تفيد ذكر يذكر تذكر اكد "
    "يوكد يؤكد تؤكد اشار يشير تشير مشير اضاف يضيف تضيف مضيف صرح يصرح تصريح تصريحات اوضح "
    "يوضح توضح موضح نفي نفت ينفي تنفي كشف يكشف تكشف ادعي ادعت يدعي تدعي زعم يزعم تزعم"
)
_HEDGING_WORDS = (
    "يعتقد يرجح يزعم مزعوم على_ما_يبدو تداول يتداول متداول غير_مؤكد غير_موكد "
    "لم_يتسن_التحقق لم_يتسن_التاكد"
)
_REPORTERS = r"مصادر|مصدر|ناشط|شهود|مراسل|المرصد|مرصد|صحيف|موقع|وكال|بيان|تقرير|احصائي|منظم|شبك"


def _words(listed):
    return [word.replace("_", " ") for word in listed.split()]


ATTRIBUTIONS = [
    Attribution(
        "reported",
        _either(
            _arabic(*_words(_SAYING_VERBS)),
            _arabic("نقلا عن"),
            _arabic("نقل", "ينقل", "تنقل", after=r"(?:\s+\S+){0,5}?\s+عن(?!\w)"),
            _arabic("وفق", "وفقا", after=rf"\s+(?:ما|ل?ل?(?:{_REPORTERS}))"),
        ),
        re.compile(rf"\b(?:{_SAYING})\b", re.IGNORECASE),
        "“according to”, “said”, “reported”",
    ),
    Attribution(
        "sources",
        _either(
            _arabic("مصادر", "مصدر", after=rf"\s+(?:ال)?(?:{_SOURCE_WORDS})"),
            _arabic("مصادر", "مصدر", before=rf"(?:{_TELLING})\w*\s+"),
        ),
        re.compile(r"\bsources?\b", re.IGNORECASE),
        "“source” or “sources”",
    ),
    Attribution(
        "activists",
        _arabic("ناشط", "ناشطون", "ناشطين", "ناشطه", "ناشطات", "نشطاء", "ناشطو"),
        re.compile(r"\bactivists?\b", re.IGNORECASE),
        "“activist” or “activists”",
    ),
    Attribution(
        "correspondent",
        _arabic("مراسل", "مراسله", "مراسلو", "مراسلي", "مراسلون"),
        re.compile(r"\b(?:correspondents?|reporters?|stringers?)\b", re.IGNORECASE),
        "“correspondent” or “reporter”",
    ),
    Attribution(
        "witnesses",
        _arabic("شهود", "شاهد عيان", "شهود عيان"),
        re.compile(r"\b(?:eye)?witness(?:es)?\b", re.IGNORECASE),
        "“witness” or “witnesses”",
    ),
    Attribution(
        "hedged",
        _either(
            _arabic(*_words(_HEDGING_WORDS)),
            _arabic("انباء", before="(?<!ورود )(?<!ترد )(?<!يرد )(?<!لا )"),
        ),
        re.compile(rf"\b(?:{_HEDGING})\b", re.IGNORECASE),
        "“reportedly”, “allegedly”, “believed”, “probably”",
        hedge=True,
    ),
]


@dataclass(frozen=True)
class LostAttribution:
    kind: str
    marker: str  # the words that attribute, as the source writes them: "بحسب"
    wanted: str
    hedge: bool = False

    def message(self):
        does = "hedges" if self.hedge else "attributes"
        return (
            f"The source {does} this (“{isolated(self.marker)}”), but the English has none of "
            f"{self.wanted}."
        )


def lost_attributions(source, english):
    """[LostAttribution] for each kind of attribution the source has and the English lacks."""
    normalized = normalize(source)
    lost = []
    for attribution in ATTRIBUTIONS:
        found = attribution.arabic.search(normalized)
        if found and not attribution.english.search(english):
            marker = _as_written(source, found.start(), found.end())
            lost.append(
                LostAttribution(attribution.kind, marker, attribution.wanted, attribution.hedge)
            )
    return lost


def _as_written(source, start, end):
    """The source's own words for the normalised span [start, end): with their marks."""
    _, origins = normalize_with_map(source)
    first = origins[start]
    last = origins[min(end, len(origins)) - 1] + 1
    while last < len(source) and not source[last].isspace() and not source[last].isalnum():
        last += 1  # the last letter's marks, as ً in نقلاً
    words = source[first:last].split()
    return " ".join(words[:4]) + (" …" if len(words) > 4 else "")
