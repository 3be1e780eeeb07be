"""Nothing left out: a translation that carries clearly less than its source. Pure functions.

Length ratios miss a sentence dropped from a long paragraph, so two measures are used:
- sentences: both sides are split on the full stop and on ؟ ! ؛ ? ; (a full stop between
  digits, or after a single capital, as in "3.5" or "U.N.", ends nothing). The Arabic comma
  ، joins what English often writes as separate sentences, and English splits long Arabic
  sentences, so a translation is expected to have at least as many sentences as its source;
- content words: the words that carry meaning, without the function words of either
  language and (in Arabic) without the conjunctions, prepositions and article written onto
  the front of a word. Arabic packs more into a word ("وبحسب" is "and according to"), so
  English needs more function words; counting content words on both sides evens that
  out: on the twenty faithful translations in tests/fixtures/faithful_translations.json
  the English had 0.78 to 1.15 of its source's content words (median 1.0).

The rule: a segment is a possible omission when its English has fewer sentences than its
source and under OMISSION_SHARE_WITH_FEWER_SENTENCES of the source's content words, or
under OMISSION_SHARE of them whatever its sentences. Short segments (headlines) are too
short to judge by sentences, and a short sentence too short to judge by its share alone
(a time in words, الساعة الثانية عشرة ليلاً, is "midnight" in English).
"""

import re
from dataclasses import dataclass

from ..arabic import PROCLITICS, isolated, normalize
from ..text import word_set

OMISSION_SHARE = 0.6  # a quarter below the lowest faithful share measured
OMISSION_SHARE_WITH_FEWER_SENTENCES = 0.85
MIN_SOURCE_WORDS = 8
MIN_SOURCE_WORDS_FOR_SHARE = 15

_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?:\.(?!\d)|(?<!\d)\.|[!?؟;؛])+")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+")
_ENGLISH_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+")

ARABIC_FUNCTION_WORDS = set(
    normalize(
        "في من على إلى الى عن أن إن أنّ إنّ قد ما لا لم لن هذا هذه ذلك تلك هؤلاء التي الذي "
        "الذين اللذين اللتين اللواتي كان كانت كانوا يكون تكون ثم أو أم أي كل بعد قبل عند مع "
        "بين حتى منذ خلال حول ضد غير دون لدى لكن لكن بل إذ إذا لو كما مثل فيما بينما أيضا "
        "أيضاً هو هي هم هن نحن أنا أنت انه أنه أنها انها إنه إنها عليه عليها فيه فيها منه "
        "منها له لها لهم به بها بهم ذات نفس عدة عدد أحد إحدى"
    ).split()
)
ENGLISH_FUNCTION_WORDS = word_set(
    "a an the of in on at to for from by with and or but nor that this these those is "
    "are was were be been being has have had do does did it its as which who whom whose "
    "what not no than then there their they them he she his her him we our us you your i "
    "me my so if into onto over under about after before since during between among "
    "while also up out off such some any all each both other others one ones s will "
    "would can could may might shall should must own same just only very more most"
)


def sentences(text):
    """The sentences of `text`, in either language."""
    return [piece for piece in _SENTENCE_END.split(text) if piece.strip(" \t\n\"'“”«»()-–—")]


def arabic_content_words(text):
    words = []
    for word in _ARABIC_WORD.findall(normalize(text)):
        if word in ARABIC_FUNCTION_WORDS:
            continue
        stem = _without_proclitic(word)
        if stem and stem not in ARABIC_FUNCTION_WORDS:
            words.append(stem)
    return words


def _without_proclitic(word):
    for length in range(min(4, len(word) - 2), 0, -1):  # the longest that leaves a word
        if word[:length] in PROCLITICS:
            return word[length:]
    return word


def english_content_words(text):
    return [
        word
        for word in _ENGLISH_WORD.findall(text)
        if word.lower().strip("'’-") not in ENGLISH_FUNCTION_WORDS
    ]


@dataclass(frozen=True)
class PossibleOmission:
    source_sentences: int
    english_sentences: int
    share: float  # English content words for each of the source's

    def message(self):
        said = (
            f"the source has {self.source_sentences} sentences and the English "
            f"{self.english_sentences}; "
            if self.english_sentences < self.source_sentences
            else ""
        )
        return (
            f"Something may be left out: {said}the English has about "
            f"{round(self.share * 100)}% as many words of substance as the source (a full "
            f"translation has 80% or more; little words such as {isolated('في')} and "
            f"{isolated('من')}, “the” and “of”, not counted)."
        )


def possible_omission(source, english):
    """A PossibleOmission if `english` carries clearly less than `source`, else None."""
    source_words = arabic_content_words(source)
    if len(source_words) < MIN_SOURCE_WORDS or not english.strip():
        return None
    share = len(english_content_words(english)) / len(source_words)
    source_count, english_count = len(sentences(source)), len(sentences(english))
    fewer = english_count < source_count
    if (share < OMISSION_SHARE and len(source_words) >= MIN_SOURCE_WORDS_FOR_SHARE) or (
        fewer and share < OMISSION_SHARE_WITH_FEWER_SENTENCES
    ):
        return PossibleOmission(source_count, english_count, share)
    return None
