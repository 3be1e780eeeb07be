"""Arabic text matches however it was typed: diacritics, tatweel, letter variants. No database."""

import pytest

from articles.arabic import find_all, has_arabic, normalize


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        ("لِوَاءُ القُدْسِ", "لواء القدس"),  # diacritics
        ("لـــواء القدس", "لواء القدس"),  # tatweel
        ("أحمد", "احمد"),  # alef with hamza above
        ("إدلب", "ادلب"),  # alef with hamza below
        ("آمنة", "امنه"),  # madda, and teh marbuta
        ("البادية", "الباديه"),  # teh marbuta
        ("مصطفى", "مصطفي"),  # alef maqsura
        ("Liwa  al-QUDS", "liwa al-quds"),  # spaces and case
    ],
)
def test_spellings_that_readers_see_as_the_same_normalise_alike(typed, plain):
    assert normalize(typed) == normalize(plain)


def test_a_term_is_found_inside_a_word_with_a_prefix_and_highlighted_in_the_original():
    text = "وقالت مصادر إن عناصر من لِوَاءِ القُدْسِ قتلوا في البادية."
    [(start, end)] = find_all("لواء القدس", text)
    assert text[start:end] == "لِوَاءِ القُدْسِ"
    [(start, end)] = find_all("بادية", text)
    assert text[start:end] == "بادية"


def test_every_occurrence_is_found_and_nothing_else():
    assert len(find_all("درعا", "درعا وريف درعا الغربي")) == 2
    assert find_all("حمص", "درعا") == []
    assert find_all("", "درعا") == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("قصف على حلب", ["حلب"]),
        ("وبحلب وفي حلبة السباق", ["حلب"]),  # with prefixes yes; inside a longer word no
        ("سباق الحلبة", []),
        ("مدينة الحلبي", []),
        ("في الحلب", ["حلب"]),
    ],
)
def test_a_term_is_found_only_as_a_whole_word(text, found):
    assert [text[start:end] for start, end in find_all("حلب", text)] == found


def test_a_term_with_the_article_is_found_after_li_where_the_alef_is_not_written():
    text = "دعما للقدس وللقدس والقدس، لا القدسي"
    assert [text[start:end] for start, end in find_all("القدس", text)] == [
        "لقدس", "لقدس", "القدس"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("term", "text", "found"),
    [
        ("اللاذقية", "وصل إلى للاذقية أمس", "لاذقية"),
        ("اللجنة الدستورية", "دعا وللجنة الدستورية", "لجنة الدستورية"),
        ("اللاذقية", "في اللاذقية", "اللاذقية"),
    ],
)
def test_a_term_whose_word_starts_with_lam_is_found_after_li(term, text, found):
    assert [text[start:end] for start, end in find_all(term, text)] == [found]


def test_latin_terms_match_whole_words_too():
    assert len(find_all("NDF", "the NDF, al-NDF and NDFs")) == 2


def test_arabic_script_is_recognised_in_presentation_forms_too():
    assert has_arabic("قتل")
    assert has_arabic("\ufefb")  # lam-alef ligature, a presentation form
    assert not has_arabic("Killed in Daraa, 2026.")


def test_normalize_gives_the_same_text_as_the_mapping_normaliser():
    import json
    import random
    from pathlib import Path

    from articles.arabic import normalize, normalize_with_map

    pairs = json.loads((Path(__file__).parent / "fixtures/faithful_translations.json").read_text())
    alphabet = "أإآٱاةهىي بحلب  \t\n\u064b\u0651\u0640ßΣς AbC-،.٣"
    rng = random.Random(15)
    texts = [pair[side] for pair in pairs for side in ("ar", "en")]
    texts += ["".join(rng.choice(alphabet) for _ in range(40)) for _ in range(500)]
    for text in texts:
        assert normalize(text) == normalize_with_map(text)[0], text


@pytest.mark.parametrize(
    ("typed", "searched"),
    [("والمزيريب", "المزيريب"), ("بالمزيريب", "المزيريب"), ("للمزيريب", "المزيريب"),
     ("وبالقدس الشريف", "القدس الشريف"), ("الحاجز", "الحاجز"), ("ولد", "ولد"),
     ("بلدة", "بلده"), ("لبنان", "لبنان")],
)  # fmt: skip
def test_a_search_drops_what_is_written_before_the_article(typed, searched):
    from articles.arabic import normalize, without_prefixes

    assert without_prefixes(normalize(typed)) == searched
