"""Names in a translation: which English name renders which Arabic one. Pure functions.

Candidates are the capitalised spans of the English ("Bashar al-Assad", "Deir ez-Zor",
"Hay'at Tahrir al-Sham"). Each is aligned with the Arabic words that sound like it, by
consonant skeleton: both sides are reduced to the consonants a transliteration keeps,
each Arabic letter to the Latin consonant it is usually written with (ش sh, خ kh and ق q
fold into s, k and k; ع and hamza, which English mostly drops, and the long vowels ا و ي
inside a word are dropped; a final ة may be read as -a or -at), the English with its
vowels, its "al-"/"ez-" article and doubled letters dropped. "Kamal" and "Kamel" both
become k-m-l and align with كمال wherever this source has it.

Why this and not a statistical aligner: a segment is one paragraph, the names in it are
few and transliterated, and a skeleton match is exact, explainable to an editor and costs
microseconds. It aligns a name only where the sounds agree; exonyms (Aleppo for حلب,
Damascus for دمشق) do not align, and those are what the glossary is for.

Each aligned name is keyed on its Arabic form as the glossary matches it (arabic.normalize,
with any conjunction or preposition written onto its first word removed, the article
kept), and its rendering on the English with case, hyphens and apostrophes set aside.
"""

import functools
import re
from dataclasses import dataclass

from ..arabic import DIACRITICS, LETTERS, PROCLITICS, TATWEEL, normalize
from ..text import word_set

_ARABIC_CONSONANTS = str.maketrans(
    {
        "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d", "ذ": "d",
        "ر": "r", "ز": "z", "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
        "غ": "G", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
        "و": "w", "ي": "y", "ة": "", "ا": "", "أ": "", "إ": "", "آ": "", "ٱ": "", "ى": "",
        "ء": "", "ئ": "", "ؤ": "", "ع": "", "پ": "b", "چ": "j", "ڤ": "f", "گ": "g",
    }
)  # fmt: skip
_ENGLISH_DIGRAPHS = [("sh", "s"), ("ch", "s"), ("kh", "k"), ("gh", "G"), ("th", "t"),
                     ("dh", "d"), ("ph", "f"), ("ck", "k")]  # fmt: skip
_ENGLISH_CONSONANTS = str.maketrans(
    {"q": "k", "c": "k", "x": "k", "v": "f", "p": "b", "g": "j", "e": "", "a": "", "i": "",
     "o": "", "u": ""}
)  # fmt: skip
_ABD = re.compile(r"abd[aeiou]l")
_ADJECTIVE = re.compile(r"(?:ian|ean|ese|ic|ish)$")  # Jordanian, Democratic: no names
_ENGLISH_ARTICLE = re.compile(r"^(?:a|e|u)[lrstdzn]{1,2}[-‐‑]", re.IGNORECASE)
_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u064b-\u065f\u0670\u0640]+")
_ENGLISH_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’ʼ‘`-]*")
ARTICLE = "ال"

# Capitalised English words that are not names, and Arabic words that never start one.
NOT_NAMES = word_set(
    "a an the in on at to for from by with and or but of as after before since during "
    "according he she it they we his her their its this that these those there then when "
    "while where which who what why how if although though however meanwhile monday "
    "tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december mr mrs ms dr president "
    "minister general colonel brigadier major captain sheikh syrian syria's arab arabic "
    "kurdish turkish russian iranian lebanese iraqi israeli regime government army "
    "forces police ministry province governorate city town village countryside district "
    "neighbourhood street road crossing camp local sources source activists activist "
    "residents resident"
)
ARABIC_FUNCTION_WORDS = set(
    normalize(
        "في من على إلى الى عن أن إن قد ما لا لم لن هذا هذه ذلك تلك التي الذي الذين كان "
        "كانت ثم أو أي كل بعد قبل عند مع بين حتى منذ خلال حول ضد غير دون لدى لكن بل إذ "
        "إذا كما مثل فيما بينما أيضا هو هي هم نحن أنه أنها إنه إنها عليه فيه منه له به "
        "مدينة بلدة قرية محافظة ريف حي منطقة مخيم ناحية"
    ).split()
)
MAX_NAME_WORDS = 5


@dataclass(frozen=True)
class Name:
    arabic: str  # as written in the source, proclitics removed: "الأسد"
    key: str  # the Arabic as the archive keys it: normalised ("الاسد")
    english: str  # as written in the English: "al-Assad"

    @property
    def rendering_key(self):
        return rendering_key(self.english)


def rendering_key(english):
    """The English with case, hyphens, apostrophes and spacing set aside: "Hay'at" and
    "Hayat" are the same rendering, "Kamal" and "Kamel" are not."""
    return re.sub(r"[\s'’ʼ‘`‐‑-]+", "", english).casefold()


@functools.lru_cache(maxsize=20_000)
def english_skeleton(word):
    word = _ENGLISH_ARTICLE.sub("", word).lower()
    word = re.sub(r"['’ʼ‘`‐‑-]", "", word)
    if _ABD.fullmatch(word):
        word = "abd"  # Abdul Rahman: the article belongs to the next word, الرحمن
    for digraph, consonant in _ENGLISH_DIGRAPHS:
        word = word.replace(digraph, consonant)
    if len(word) > 2 and word.endswith("h") and word[-2] in "aeiou":
        word = word[:-1]  # Hamah, Raqqah: a final -ah is ة
    return _consonants(word, _ENGLISH_CONSONANTS)


def _consonants(word, table):
    """The skeleton: letters mapped by `table`, w and y dropped inside a word (vowels
    there), runs of one consonant written once."""
    skeleton = []
    for index, letter in enumerate(word):
        consonant = letter.translate(table)
        if consonant in {"w", "y"} and index > 0:
            continue
        if consonant and (not skeleton or skeleton[-1] != consonant):
            skeleton.append(consonant)
    return "".join(skeleton)


@dataclass(frozen=True)
class _ArabicWord:
    start: int
    end: int
    readings: tuple  # ((stem as written, key, skeletons), ...), the least stripped first


def _arabic_words(source):
    words = []
    for match in _ARABIC_WORD.finditer(source):
        readings = _readings(match[0])
        if readings:
            words.append(_ArabicWord(match.start(), match.end(), readings))
    return words


@functools.lru_cache(maxsize=50_000)
def _readings(word):
    """((stem as written, key, skeletons), ...) of an Arabic word, the least stripped first,
    or () for a word no name is made of. A story's words recur, and across stories: kept."""
    written = "".join(c for c in word if c not in DIACRITICS and c != TATWEEL)
    normalized = written.translate(LETTERS)  # arabic.normalize, for a word without marks
    if len(written) < 2 or normalized in ARABIC_FUNCTION_WORDS:
        return ()
    readings = []
    for length in range(0, min(5, len(written) - 1)):
        prefix = normalized[:length]
        if length and prefix not in PROCLITICS:
            continue
        article = ARTICLE if prefix.endswith(ARTICLE) or prefix.endswith("لل") else ""
        stem, key = written[length:], normalized[length:]
        bare = stem[2:] if key.startswith(ARTICLE) and len(stem) > 3 else stem
        readings.append((article + stem, article + key, frozenset(_arabic_skeletons(bare))))
    return tuple(readings)


def _arabic_skeletons(stem):
    """A final ة may be read -a or -at (هيئة تحرير is Hay'at Tahrir), a final ه or ح may
    go unwritten in English, which drops a final -ah's h (Abdullah, Saleh)."""
    skeleton = _consonants(stem, _ARABIC_CONSONANTS)
    if stem.endswith("ة"):
        return {skeleton, skeleton + "t"}
    if stem.endswith(("ه", "ح")) and len(skeleton) > 1:
        return {skeleton, skeleton[:-1]}
    return {skeleton}


def _english_spans(english):
    """[[(start, end, word)]]: runs of capitalised words ("al-Sham", "bin", "ibn" may join
    them), each a candidate name."""
    spans, run, last_end = [], [], None
    for match in _ENGLISH_TOKEN.finditer(english):
        word = re.sub(r"['’]s$", "", match[0]).rstrip("'’ʼ‘`-")  # Damascus's: Damascus
        joined = last_end is not None and english[last_end : match.start()].strip() == ""
        capital = word[:1].isupper() or (
            _ENGLISH_ARTICLE.match(word) and word[-1:].isalpha() and len(word) > 3
        )
        connector = word.lower() in {"bin", "ibn", "bint", "abu", "abou", "umm"}
        if (capital or connector) and word.lower() not in NOT_NAMES:
            if run and not joined:
                spans.append(run)
                run = []
            run.append((match.start(), match.start() + len(word), word))
            last_end = match.start() + len(word)
        else:
            if run:
                spans.append(run)
            run, last_end = [], None
    if run:
        spans.append(run)
    return spans


def aligned_names(source, english):
    """[Name]: the English names of `english` that align with words of the Arabic `source`,
    longest first within each capitalised span."""
    arabic = _arabic_words(source)
    names = []
    for span in _english_spans(english):
        skeletons = [english_skeleton(word) for _, _, word in span]
        _align_span(span, skeletons, arabic, english, source, names)
    return names


def _align_span(span, skeletons, arabic, english, source, names):
    """Take the longest runs of `span` that align, left to right."""
    start = 0
    while start < len(span):
        for length in range(min(MAX_NAME_WORDS, len(span) - start), 0, -1):
            wanted = skeletons[start : start + length]
            if sum(len(s) for s in wanted) < 2 or not all(wanted):
                continue
            word = span[start][2]
            if length == 1 and len(wanted[0]) < 3 and _starts_sentence(english, span[start][0]):
                continue  # "Media activist…": a capital that may be the sentence's only
            if length == 1 and _ADJECTIVE.search(word):
                continue
            found = _find(wanted, arabic, bool(_ENGLISH_ARTICLE.match(word)))
            if found is not None:
                names.append(
                    _name(
                        found, arabic, source, english[span[start][0] : span[start + length - 1][1]]
                    )
                )
                start += length
                break
        else:
            start += 1


def _name(found, arabic, source, english):
    first, count, readings = found
    written, key = readings[0][0], readings[0][1]
    for word in arabic[first + 1 : first + count]:
        written += " " + source[word.start : word.end]
        key += " " + normalize(source[word.start : word.end])
    return Name(written, key, english)


def _starts_sentence(text, at):
    before = text[:at].rstrip(" \"'“‘«(")
    return not before or before[-1] in ".!?:;"


def _find(wanted, arabic, article=False):
    """(index of the first Arabic word, how many Arabic words, the first's matching readings)
    where consecutive Arabic words sound like the `wanted` skeletons, or None: the same
    consonants if any do, else one consonant apart. One English word may stand for two
    Arabic ones: Hezbollah for حزب الله, Abdullah for عبد الله. An English name with its
    article (al-Mayadeen) is first looked for among Arabic words with theirs (الميادين, not
    مدينة before it)."""
    passes = (
        [(True, False), (False, False), (False, True)]
        if article
        else [(False, False), (False, True)]
    )
    for with_article, close in passes:
        for index in range(len(arabic) - len(wanted) + 1):
            first = [
                r
                for r in arabic[index].readings
                if _sounds_like(wanted[0], r[2], close)
                and (not with_article or r[1].startswith(ARTICLE))
            ]
            rest = arabic[index + 1 : index + len(wanted)]
            if first and all(
                _sounds_like(skeleton, word.readings[0][2], close)
                for skeleton, word in zip(wanted[1:], rest, strict=True)
            ):
                return index, len(wanted), first
            if len(wanted) == 1 and index + 1 < len(arabic):
                tails = arabic[index + 1].readings[-1][2]
                joined = [
                    r
                    for r in arabic[index].readings
                    if _sounds_like(wanted[0], {s + t for s in r[2] for t in tails}, close)
                ]
                if joined:
                    return index, 2, joined
    return None


def _sounds_like(english, arabic_skeletons, close=False):
    """The same skeleton; or, `close`, for names of four consonants or more, one apart."""
    if english in arabic_skeletons:
        return True
    return close and len(english) >= 4 and any(_one_apart(english, s) for s in arabic_skeletons)


def _one_apart(a, b):
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
