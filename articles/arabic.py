"""Matching Arabic text the way readers see it, not the way it happens to be typed.

The same name reaches us with and without short vowels (diacritics), stretched
with tatweel, and with the usual letter variants: alef with hamza or madda for
bare alef, teh marbuta for heh, alef maqsura for yeh. `normalize` removes those
differences (and letter case, for Latin text); `normalize_with_map` also says
where each normalised character came from, so that a match can be highlighted
in the original text. Pure functions: no database.
"""

import re
from functools import cached_property, lru_cache

DIACRITICS = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670"}  # harakat, superscript alef
TATWEEL = "\u0640"
LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
    }
)
_SPACES = re.compile(r"\s+")


def normalize_with_map(text):
    """(normalised text, [index in `text` of each normalised character])."""
    characters, origins = [], []
    previous_space = True
    for index, char in enumerate(text):
        if char in DIACRITICS or char == TATWEEL:
            continue
        if char.isspace():
            if previous_space:
                continue
            char, previous_space = " ", True
        else:
            char, previous_space = char.translate(LETTERS).casefold(), False
        for piece in char:  # casefold can give more than one character ("ß" -> "ss")
            characters.append(piece)
            origins.append(index)
    if characters and characters[-1] == " ":
        characters.pop()
        origins.pop()
    return "".join(characters), origins


_UNMARKED = str.maketrans({**{c: None for c in DIACRITICS}, TATWEEL: None}) | LETTERS


def normalize(text):
    """normalize_with_map's text, made faster without the map (the same result)."""
    return " ".join(text.translate(_UNMARKED).casefold().split())


# What may be written onto the front of an Arabic word: a conjunction (و, ف), then a
# preposition (ب, ل, ك), then the article (ال); ل before the article is written لل.
PROCLITICS = {
    conjunction + preposition + article
    for conjunction in ("", "و", "ف")
    for preposition in ("", "ب", "ل", "ك")
    for article in ("", "ال")
} | {conjunction + "لل" for conjunction in ("", "و", "ف")}
ARTICLE = "ال"


_BEFORE_ARTICLE = re.compile(r"(?:[وف]?[بك]|[وف])(?=ال..)")


def without_prefixes(normalized):
    """A normalised phrase as it is searched for: its first word without what is written
    before the article (والمزيريب, بالمزيريب, للمزيريب: المزيريب), since a search for the
    word with its article finds it after them too. A word that only starts like them
    (ولد, بلدة, لبنان) is left alone."""
    first, _, rest = normalized.partition(" ")
    for prefix in ("ولل", "فلل", "لل"):  # ل + المزيريب is written للمزيريب
        if first.startswith(prefix) and len(first) > len(prefix) + 1:
            first = ARTICLE + first[len(prefix) :]
            break
    else:
        if found := _BEFORE_ARTICLE.match(first):
            first = first[found.end() :]
    return f"{first} {rest}" if rest else first


def find_all(term, text):
    """[(start, end)] spans of `text` where `term` occurs as a whole word or words, ignoring the
    differences above. A term may carry Arabic prefixes (وال, ب, لل...) but not be part of a
    longer word: حلب is found in "وبحلب" and "الحلب" but not in "حلبة"."""
    return NormalizedText(text).find(normalize(term))


class NormalizedText:
    """A text normalised once, to look for many terms in (a glossary's worth)."""

    def __init__(self, text):
        self.text = text
        self.normalized, self.origins = normalize_with_map(text)

    @cached_property
    def word_forms(self):
        """Every word of the text as a term's first word may be found in it: as written,
        and without each prefix it may carry (find() has the last word)."""
        forms = set()
        for word in self.normalized.split():
            word = "".join(c for c in word if c.isalnum()) if not word.isalnum() else word
            forms.add(word)
            for length in range(1, min(5, len(word))):
                prefix, rest = word[:length], word[length:]
                if prefix in PROCLITICS:
                    forms.add(rest)
                if prefix in {"ل", "ول", "فل"}:  # ل + القدس is للقدس, ل + اللاذقية للاذقية
                    forms.update({"ا" + rest, ARTICLE + rest})
        return forms

    def find(self, needle):
        """Spans of the original text where the normalised `needle` occurs, as find_all."""
        if not needle:
            return []
        spans = list(self._whole_words(needle, PROCLITICS))
        if needle.startswith(ARTICLE):
            # After ل the article loses its alef: ل + القدس is للقدس. Before a word that
            # itself starts with ل it loses its lam too: ل + اللاذقية is للاذقية.
            rest = needle[2:] if needle.startswith(ARTICLE + "ل") else needle[1:]
            spans += self._whole_words(rest, {"ل", "ول", "فل"})
        return [self._original_span(start, end) for start, end in sorted(spans)]

    def _whole_words(self, needle, prefixes):
        haystack = self.normalized
        start = haystack.find(needle)
        while start != -1:
            end = start + len(needle)
            word_start = start
            while word_start and haystack[word_start - 1].isalnum():
                word_start -= 1
            ends_a_word = end == len(haystack) or not haystack[end].isalnum()
            if ends_a_word and haystack[word_start:start] in prefixes:
                yield start, end
            start = haystack.find(needle, start + 1)

    def _original_span(self, start, end):
        text, last = self.text, self.origins[end - 1] + 1
        while last < len(text) and (text[last] in DIACRITICS or text[last] == TATWEEL):
            last += 1  # the last letter's own marks belong to the match
        return self.origins[start], last


@lru_cache(maxsize=4096)
def normalized_text(text):
    """The NormalizedText of `text`, kept: a story's paragraphs are searched for glossary
    terms on every save of the translation screen and every look at the review screen."""
    return NormalizedText(text)


def is_arabic_script(char):
    code = ord(char)
    return (
        0x0600 <= code <= 0x06FF
        or 0x0750 <= code <= 0x077F
        or 0x08A0 <= code <= 0x08FF
        or 0xFB50 <= code <= 0xFDFF
        or 0xFE70 <= code <= 0xFEFF
    )


def has_arabic(text):
    return any(is_arabic_script(char) for char in text)


def isolated(text):
    """`text` set apart from the sentence around it for the bidirectional algorithm (first
    strong isolate ... pop directional isolate), so that an Arabic name quoted in an English
    message keeps its quotation marks and punctuation on the right sides."""
    return f"\u2068{text}\u2069" if has_arabic(text) else text


_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


def mostly_arabic(text):
    """Whether the text has more Arabic letters than Latin ones."""
    return len(_ARABIC_LETTER.findall(text)) > len(_LATIN_LETTER.findall(text))
