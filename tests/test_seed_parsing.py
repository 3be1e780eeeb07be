"""Reading seed files: the pure parsing functions, no database."""

import pytest

from articles.importer.parsing import (
    ReadAlso,
    SeedError,
    content_hash,
    decode_seed,
    find_outlet,
    parse_seed,
)
from tests.conftest import EXAMPLE_SEED

OUTLETS = {
    "SY-24": "SY-24",
    "SY24": "SY-24",
    "Enab Baladi": "Enab Baladi",
    "عنب بلدي": "Enab Baladi",
    "Syria TV": "Syria TV",
    "Al-Watan": "Al-Watan",
}


def parse(text):
    return parse_seed(text, outlets=OUTLETS)


def page(*lines):
    return "\n".join(lines)


@pytest.fixture(scope="module")
def story():
    return parse(decode_seed(EXAMPLE_SEED.read_bytes(), max_bytes=1_000_000))


class TestExampleSeed:
    def test_headline_once_without_the_variant(self, story):
        assert story.headline == "Desert on Fire: Pro-Regime Fighters Killed by Unknown Assailants"

    def test_standfirst(self, story):
        assert story.standfirst == (
            "More pro-regime fighters were killed by ISIS in the Syrian Badia, according to SY-24."
        )

    def test_outlet(self, story):
        assert story.outlet == "SY-24"

    def test_nine_clean_body_paragraphs(self, story):
        assert len(story.paragraphs) == 9
        assert story.paragraphs[0].startswith("Sources interested in documenting")
        assert story.paragraphs[-1].startswith("Since the middle of February")
        assert all(p == p.strip() and "\u00a0" not in p for p in story.paragraphs)

    def test_read_also_after_sixth_paragraph(self, story):
        assert story.read_also == [
            ReadAlso("Hezbollah Sends More Reinforcements to Palmyra Desert: Source", 6)
        ]

    def test_disclaimer_is_not_body_text(self, story):
        assert story.disclaimer.startswith("This article was edited by The Syrian Observer.")
        assert not any("not verified" in p for p in story.paragraphs)

    def test_no_keywords_when_heading_stands_alone(self, story):
        assert story.keywords == []

    def test_language(self, story):
        assert story.language == "en"


class TestPageStructure:
    def test_boilerplate_dropped(self):
        story = parse(page("Logo Wide", "Share this:", "Headline here", "", "Body paragraph."))
        assert story.headline == "Headline here"
        assert story.paragraphs == ["Body paragraph."]

    def test_raw_report_has_no_standfirst(self):
        story = parse(page("Headline", "", "First paragraph.", "", "Second paragraph."))
        assert story.standfirst == ""
        assert story.paragraphs == ["First paragraph.", "Second paragraph."]

    def test_most_frequent_headline_spelling_wins(self):
        story = parse(
            page(
                "Rebels Take the Hill Near Town",
                "A standfirst.",
                "Rebels Take The Hill Near the Town",
                "Rebels Take The Hill Near the Town",
                "Body.",
            )
        )
        assert story.headline == "Rebels Take The Hill Near the Town"
        assert story.standfirst == "A standfirst."

    @pytest.mark.parametrize(
        "line",
        [
            "Read Also: Other Story",
            "READ ALSO: Other Story",
            "read also - Other Story",
            "Read also – Other Story",
            "Read Also:Other Story",
        ],
    )
    def test_read_also_spellings(self, line):
        story = parse(page("Headline", "", "One.", line, "Two."))
        assert story.read_also == [ReadAlso("Other Story", 1)]
        assert story.paragraphs == ["One.", "Two."]

    def test_read_also_before_the_first_paragraph(self):
        story = parse(page("Headline", "", "Read Also: Other Story", "One."))
        assert story.read_also == [ReadAlso("Other Story", 0)]

    def test_second_disclaimer_wording_recognised(self):
        notice = (
            "The Syrian Observer has not verified this report. The views expressed in it "
            "belong to the original outlet."
        )
        story = parse(page("Headline", "", "One.", notice))
        assert story.disclaimer == notice
        assert story.paragraphs == ["One."]

    def test_news_text_about_verification_stays_in_the_body(self):
        line = "The claims could not be independently verified by local journalists."
        story = parse(page("Headline", "", line))
        assert story.disclaimer is None
        assert story.paragraphs == [line]

    def test_keywords_one_per_line_and_comma_separated(self):
        story = parse(page("Headline", "", "One.", "Helpful keywords", "Idlib, bread", "Idlib"))
        assert story.keywords == ["Idlib", "bread"]

    def test_keyword_heading_with_inline_keywords(self):
        story = parse(page("Headline", "", "One.", "Helpful keywords: Daraa, arrests"))
        assert story.keywords == ["Daraa", "arrests"]

    def test_html_looking_text_stays_text(self):
        story = parse(page("<b>Headline</b>", "", "<script>alert(1)</script> said the source."))
        assert story.headline == "<b>Headline</b>"
        assert story.paragraphs == ["<script>alert(1)</script> said the source."]


class TestWhitespaceAndEncoding:
    def test_non_breaking_and_stray_spaces_removed(self):
        story = parse("Head\u00a0line \n\nOne\u00a0\u00a0 two.\u00a0 \u00a0\t\n")
        assert story.headline == "Head line"
        assert story.paragraphs == ["One two."]

    def test_bom_and_windows_line_endings(self):
        raw = "\ufeffHeadline\r\n\r\nOne.\r\nTwo.\r\n".encode()
        story = parse(decode_seed(raw, max_bytes=1000))
        assert story.headline == "Headline"
        assert story.paragraphs == ["One.", "Two."]

    def test_utf16_with_bom(self):
        raw = "Headline\n\nOne.".encode("utf-16")
        assert parse(decode_seed(raw, max_bytes=1000)).headline == "Headline"

    def test_same_content_whatever_the_line_endings(self):
        assert content_hash("A\nB\n") == content_hash("\ufeffA\r\n\r\nB  \r\n")
        assert content_hash("A\nB") != content_hash("A\nC")

    @pytest.mark.parametrize(
        ("raw", "reason"),
        [
            (b"", "the file is empty"),
            (b" \n\r\n\t", "the file holds only whitespace"),
            (b"PK\x03\x04\x00\x00binary", "not a text file: it is a ZIP archive"),
            (b"Zip\x03\x04\x00\x00binary", "not a text file: it contains NUL bytes"),
            (b"Caf\xc3\xa9\n\xff\xfeoops", "not UTF-8 text: undecodable byte 0xff at position 6"),
            (b"Headline\n\x81\x8d", "not UTF-8 or Windows-1252 text: undecodable byte 0x81"),
            (b"Head\x07line\n\nBody", "not a text file: it contains control characters"),
            (b"x" * 2001, "the file is 2,001 bytes, over the 2,000-byte limit"),
        ],
    )
    def test_unusable_files_name_the_reason(self, raw, reason):
        with pytest.raises(SeedError, match=reason):
            decode_seed(raw, max_bytes=2000)


class TestMissingParts:
    def test_only_boilerplate_has_no_headline(self):
        with pytest.raises(SeedError, match="no headline"):
            parse("Logo Wide\n\nShare this:\n")

    def test_headline_without_body(self):
        with pytest.raises(SeedError, match="no body"):
            parse("Headline\n\nHelpful keywords\nIdlib\n")

    def test_disclaimer_alone_is_no_body(self):
        with pytest.raises(SeedError, match="no body"):
            parse("Headline\n\nThe Syrian Observer has not verified the content of this story.")

    def test_overlong_first_line_is_no_headline(self):
        story = parse("x" * 501 + "\n\nBody.")
        assert story.headline == ""
        assert [flag.code for flag in story.flags] == ["no_headline", "outlet_unknown"]


class TestOutletAttribution:
    @pytest.mark.parametrize(
        ("sentence", "outlet"),
        [
            ("Ten were killed, according to SY-24.", "SY-24"),
            ("Other sources, according to SY24, reported losses.", "SY-24"),
            ("Enab Baladi reported that prices rose.", "Enab Baladi"),
            ("A resident told Syria TV that the road was closed.", "Syria TV"),
            ("The price doubled, according to the newspaper Al-Watan.", "Al-Watan"),
            ("ذكر موقع عنب بلدي أن الأسعار ارتفعت.", "Enab Baladi"),
        ],
    )
    def test_attribution_phrases(self, sentence, outlet):
        assert find_outlet([sentence], OUTLETS) == outlet

    def test_bare_mention_is_not_attribution(self):
        assert (
            find_outlet(["A journalist who once worked for SY-24 was arrested."], OUTLETS) is None
        )

    def test_most_attributed_outlet_wins(self):
        texts = ["Al-Watan reported X.", "Y, according to SY-24.", "Z, according to SY24."]
        assert find_outlet(texts, OUTLETS) == "SY-24"

    def test_explicit_source_line(self):
        story = parse(page("المصدر: عنب بلدي", "", "عنوان الخبر", "", "الفقرة الأولى من التقرير."))
        assert story.outlet == "Enab Baladi"
        assert story.headline == "عنوان الخبر"
        assert story.language == "ar"

    def test_an_unknown_source_line_names_a_new_outlet(self):
        story = parse(page("Source: Nowhere News", "Headline", "", "Body."))
        assert (story.outlet, story.new_outlet) == (None, "Nowhere News")
