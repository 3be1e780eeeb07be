"""The importer's rules for real pages, one by one, on sample texts in the shapes that
scraped pages and raw reports take. Pure: no database."""

import pytest

from articles.importer.decoding import decode_seed
from articles.importer.disclaimers import disclaimer_wording
from articles.importer.duplicates import compare as compare_shingles
from articles.importer.duplicates import shingles
from articles.importer.parsing import ReadAlso, SeedError, parse_seed

OUTLETS = {
    "SY-24": "SY-24",
    "SY24": "SY-24",
    "Enab Baladi": "Enab Baladi",
    "Al-Watan": "Al-Watan",
    "SANA": "SANA",
    "SOHR": "SOHR",
    "Syrian Observatory for Human Rights": "SOHR",
    "Levant24": "Levant24",
    "سانا": "SANA",
}
HEADLINE = "Fuel Queues Return to Damascus Petrol Stations"
STANDFIRST = "Queues of cars stretched for hundreds of metres in Damascus, Enab Baladi reported."
BODY = [
    "Drivers waited for up to six hours at petrol stations in the capital on Tuesday, after "
    "the government cut the allocation of subsidised petrol for private cars.",
    "A taxi driver said he had not worked for two days because he could not fill his tank.",
    "The Ministry of Oil said supplies would return to normal within a week.",
]


def parse(*lines):
    return parse_seed("\n".join(lines), outlets=OUTLETS)


def flags(story):
    return [flag.code for flag in story.flags]


class TestPageKinds:
    @pytest.mark.parametrize(
        "opening",
        [
            "Dear readers, The Syrian Observer will not publish from 1 to 3 January.",
            "Eid Mubarak to all our readers",
            "قراءنا الأعزاء، نعتذر عن توقف الموقع مؤقتاً.",
        ],
    )
    def test_a_site_notice_is_refused_saying_so(self, opening):
        with pytest.raises(SeedError, match="a site notice, not an article: it addresses"):
            parse("Logo Wide", "A Note to Our Readers", opening, "We will resume on Monday.")

    def test_a_long_report_mentioning_eid_is_an_article(self):
        long = " ".join(["Shoppers crowded the markets of Idlib before Eid al-Adha."] * 30)
        story = parse("Markets Crowded Before Eid al-Adha", long, BODY[0])
        assert story.headline == "Markets Crowded Before Eid al-Adha"

    def test_a_listing_page_is_refused_saying_so(self):
        teasers = []
        for n in range(4):
            teasers += [f"Regime Forces Shell Villages in Idlib Countryside Part {n}",
                        f"Shelling hit villages in the southern countryside of Idlib, day {n}…"]  # fmt: skip
        with pytest.raises(SeedError, match="a listing page, not an article: 4 headlines"):
            parse("Logo Wide", "News", "June 2024", *teasers, "Older posts")

    def test_a_short_report_about_eid_is_an_article(self):
        story = parse("Families Cut Back Ahead of Eid", "Families in Idlib cut back on "
                      "sweets ahead of Eid al-Adha, Syria TV reported.", BODY[1])  # fmt: skip
        assert story.headline == "Families Cut Back Ahead of Eid"

    def test_a_short_report_with_read_also_lines_is_an_article(self):
        story = parse(HEADLINE, BODY[0], "Read Also: Bread Prices Rise in Idlib",
                      BODY[1], "Read Also: Water Returns to Hasakah", BODY[2])  # fmt: skip
        assert len(story.read_also) == 2

    def test_an_archive_with_excerpts_and_page_numbers_is_a_listing(self):
        teasers = []
        for n in range(3):
            teasers += [f"Water Cuts Return to Hasakah, Part {n}",
                        f"The Alouk station stopped pumping again on day {n} while the […]"]  # fmt: skip
        with pytest.raises(SeedError, match="a listing page"):
            parse(*teasers, "« Previous 1 2 3 Next »")

    def test_an_article_with_subheadings_is_not_a_listing(self):
        story = parse(HEADLINE, STANDFIRST, HEADLINE, "Why the queues came back", *BODY)
        assert story.paragraphs[-1] == BODY[-1]


class TestSiteChrome:
    def test_date_metadata_glued_to_the_first_paragraph_is_dropped(self):
        story = parse(HEADLINE, f'" date 2024-06-27 "{BODY[0]}', *BODY[1:])
        assert story.paragraphs[0] == BODY[0]

    @pytest.mark.parametrize(
        "line",
        ["September 19, 2018", "• June 27, 2024", "2024-06-27", "Published: 27 June 2024 10:30",
         "Wednesday, 19 September 2018"],
    )  # fmt: skip
    def test_date_lines_are_dropped(self, line):
        story = parse(HEADLINE, line, *BODY)
        assert story.paragraphs == BODY

    @pytest.mark.parametrize(
        "line", ["By Al-Watan", "Written by Editorial Board", "DAMASCUS", "IDLIB, June 27, 2024",
                 "Photo: A petrol station in Damascus (SANA)", "(AFP file photo)"],
    )  # fmt: skip
    def test_bylines_datelines_and_captions_are_not_body_text(self, line):
        story = parse(HEADLINE, line, *BODY)
        assert story.paragraphs == BODY

    def test_a_caption_shown_twice_is_dropped_both_times(self):
        caption = "Cars queue at a petrol station in al-Mezzeh"
        story = parse(HEADLINE, caption, BODY[0], caption, *BODY[1:])
        assert story.paragraphs == BODY

    def test_a_paragraph_captured_twice_is_kept_once(self):
        story = parse(HEADLINE, *BODY, BODY[1])
        assert story.paragraphs == BODY

    @pytest.mark.parametrize(
        "line", ["......", "* * *", "News", "Recommend article",
                 "Sender's Name:", "Leave a Comment", "Language / اللغة العربية",
                 "Alert: Content is protected !!"],
    )  # fmt: skip
    def test_kickers_separators_labels_and_forms_are_dropped(self, line):
        story = parse(line, HEADLINE, *BODY, line)
        assert (story.headline, story.paragraphs) == (HEADLINE, BODY)

    @pytest.mark.parametrize(
        "line",
        ["Receiver's Email:", "You must be logged in to post a comment.",
         "Copying of this content is not permitted.", "All rights reserved © 2024 Enab Baladi",
         "Print this article", "Follow us on Telegram", "Aleppo – Enab Baladi"],
    )  # fmt: skip
    def test_more_site_furniture_in_the_body(self, line):
        story = parse(HEADLINE, *BODY, line)
        assert story.paragraphs == BODY
        assert "cut_off" not in flags(story)

    @pytest.mark.parametrize(
        "trail", ["Home » News » Syria", "Home > News > Syria", "Home / Syria"]
    )
    def test_a_trail_of_links_is_not_the_headline(self, trail):
        assert parse(trail, HEADLINE, *BODY).headline == HEADLINE

    @pytest.mark.parametrize("kicker", ["Exclusive: ", "Exclusive report: "])
    def test_a_kicker_glued_to_the_headline_is_dropped(self, kicker):
        assert parse(kicker + HEADLINE, *BODY).headline == HEADLINE

    def test_an_editors_note_in_brackets_is_text(self):
        note = "(The Ministry of Oil did not respond to Enab Baladi’s questions by publication.)"
        assert parse(HEADLINE, *BODY, note).paragraphs == [*BODY, note]

    def test_a_subheading_stays_apart_from_a_paragraph_opening_with_al(self):
        story = parse(HEADLINE, BODY[0], "Prices beyond reach",
                      "al-Hol camp residents said prices had doubled since the summer.")  # fmt: skip
        assert story.paragraphs[1:] == [
            "Prices beyond reach",
            "al-Hol camp residents said prices had doubled since the summer.",
        ]

    def test_a_kicker_over_the_headline_is_dropped_and_a_lead_in_in_the_body_kept(self):
        story = parse("Exclusive report:", HEADLINE, BODY[0], "He added:", BODY[1])
        assert (story.headline, story.paragraphs) == (HEADLINE, [BODY[0], "He added:", BODY[1]])

    @pytest.mark.parametrize(
        "line", ["By Sunday, 12 people had died.", "Enab Baladi has not verified this claim "
                 "independently, but residents confirmed it."],
    )  # fmt: skip
    def test_sentences_like_a_byline_or_a_disclaimer_are_text(self, line):
        story = parse(HEADLINE, BODY[0], line, BODY[1])
        assert story.paragraphs == [BODY[0], line, BODY[1]]
        assert story.disclaimer is None

    def test_a_headline_opening_with_by_is_a_headline(self):
        assert parse("By Land and Sea, Syrians Flee Idlib", *BODY).headline == (
            "By Land and Sea, Syrians Flee Idlib"
        )

    def test_a_byline_naming_an_outlet_credits_it(self):
        story = parse(HEADLINE, "By Al-Watan", *BODY)
        assert story.outlet == "Al-Watan"


class TestHeadline:
    def test_a_page_starting_with_running_text_has_no_headline(self):
        story = parse(*BODY)
        assert story.headline == ""
        assert story.paragraphs == BODY
        assert "no_headline" in flags(story)

    def test_a_headline_repeat_with_a_typo_is_not_body_text(self):
        story = parse(HEADLINE, STANDFIRST, "Fuel Queus Return to Damascus Petrol Staions", *BODY)
        assert (story.headline, story.standfirst, story.paragraphs) == (HEADLINE, STANDFIRST, BODY)

    def test_a_shortened_repeat_is_a_repeat(self):
        story = parse(HEADLINE, STANDFIRST, "Fuel Queues Return to Damascus", *BODY)
        assert story.paragraphs == BODY


class TestStandfirst:
    def test_a_summary_under_the_headline_of_a_scraped_page_without_a_repeat(self):
        story = parse("Logo Wide", HEADLINE, STANDFIRST, *BODY)
        assert (story.standfirst, story.paragraphs) == (STANDFIRST, BODY)

    def test_a_raw_report_has_no_standfirst(self):
        story = parse(HEADLINE, STANDFIRST, *BODY)
        assert (story.standfirst, story.paragraphs) == ("", [STANDFIRST, *BODY])

    def test_a_long_first_paragraph_is_not_a_standfirst(self):
        story = parse("Logo Wide", HEADLINE, BODY[0] + " " + BODY[1], BODY[2], BODY[1])
        assert story.standfirst == ""


class TestDisclaimers:
    EDITED = ("This article was edited by The Syrian Observer. The Syrian Observer has not "
              "verified the content of this story. Responsibility for the information and views "
              "set out in this article lies entirely with the author.")  # fmt: skip
    TRANSLATED = EDITED.replace("was edited", "was translated and edited")

    @pytest.mark.parametrize(
        ("found", "wording"),
        [
            (EDITED, 0),
            (TRANSLATED, 1),
            ("Translated and edited by The Syrian Observer", 1),
            ("This article was edi", 0),
            (EDITED[:-20], 0),
            (TRANSLATED[:-20], 1),
        ],
    )
    def test_each_wording_keeps_its_own(self, found, wording):
        story = parse(HEADLINE, *BODY, found)
        assert story.disclaimer == found
        assert story.paragraphs == BODY
        assert disclaimer_wording(found, [self.EDITED, self.TRANSLATED]) == wording

    def test_a_disclaimer_cut_off_is_flagged(self):
        story = parse(HEADLINE, *BODY, self.EDITED[:-25])
        assert "disclaimer_cut_off" in flags(story)
        assert "cut_off" not in flags(story)  # the report itself is whole


class TestReadAlso:
    RELATED = "Hezbollah Sends More Reinforcements to Palmyra Desert"

    def test_a_related_headline_standing_alone_between_paragraphs(self):
        story = parse(HEADLINE, BODY[0], self.RELATED, *BODY[1:])
        assert story.read_also == [ReadAlso(self.RELATED, 1)]
        assert story.paragraphs == BODY

    def test_a_question_in_headline_style_is_a_subheading(self):
        story = parse(HEADLINE, BODY[0], "What Happens to the Returnees Next?", *BODY[1:])
        assert story.read_also == []

    def test_a_short_subheading_stays_text(self):
        story = parse(HEADLINE, BODY[0], "Prices Rise", *BODY[1:])
        assert story.read_also == []


class TestSentencesAndTruncation:
    def test_a_sentence_split_over_two_lines_is_one_paragraph(self):
        story = parse(HEADLINE, "Drivers waited for up to six hours at petrol stations in the",
                      "capital on Tuesday.", *BODY[1:])  # fmt: skip
        assert story.paragraphs[0] == (
            "Drivers waited for up to six hours at petrol stations in the capital on Tuesday."
        )

    def test_two_sentences_stay_two_paragraphs(self):
        assert parse(HEADLINE, *BODY).paragraphs == BODY

    def test_a_page_cut_off_mid_word_is_flagged(self):
        story = parse(HEADLINE, *BODY[:2], "The Ministry of Oil said supplies would ret")
        assert "cut_off" in flags(story)
        assert "cut_off" not in flags(parse(HEADLINE, *BODY))


class TestOutlets:
    @pytest.mark.parametrize(
        ("sentence", "outlet"),
        [
            ("Al-Watan writes that prices doubled.", "Al-Watan"),
            ("An official told the local newspaper Al-Watan that prices doubled.", "Al-Watan"),
            ("ارتفعت الأسعار بحسب ما أفاد مراسل SY-24 في المدينة.", "SY-24"),
        ],
    )
    def test_phrasings_of_known_outlets(self, sentence, outlet):
        assert parse(HEADLINE, sentence, BODY[1]).outlet == outlet

    @pytest.mark.parametrize(
        ("lines", "outlet"),
        [
            ([BODY[0], BODY[1], "Source: Al-Watan"], "Al-Watan"),
            (["DAMASCUS (Levant24) – Drivers queued for six hours on Tuesday.", BODY[1]],
             "Levant24"),
            (["SY-24's correspondent reported that drivers queued for six hours.", BODY[1]],
             "SY-24"),
            (["نقلاً عن وكالة سانا، ارتفعت الأسعار.", "وقال مراسل SY-24 إن الطوابير طويلة."],
             "SY-24"),
        ],
    )  # fmt: skip
    def test_credits_wherever_the_page_gives_them(self, lines, outlet):
        story = parse(HEADLINE, *lines)
        assert story.outlet == outlet
        assert not any(line.startswith("Source:") for line in story.paragraphs)

    def test_a_source_the_report_quotes_is_not_the_outlet(self):
        story = parse(
            HEADLINE,
            "Five people were killed, Enab Baladi reported, citing SOHR.",
            "SOHR said the shelling continued. SOHR said two more died. SANA said nothing.",
        )
        assert story.outlet == "Enab Baladi"

    def test_the_standfirst_credit_outranks_the_body(self):
        story = parse("Logo Wide", HEADLINE, STANDFIRST, HEADLINE,
                      "According to SANA, the ministry cut the allocation.", *BODY)  # fmt: skip
        assert story.outlet == "Enab Baladi"

    @pytest.mark.parametrize(
        ("sentence", "name"),
        [
            ("Three were arrested, according to Suwayda 24.", "Suwayda 24"),
            ("Baladi News reported that the road was closed.", "Baladi News"),
            ("The price rose, according to the local website Athr Press.", "Athr Press"),
            ("Prices doubled, according to Hashtag Syria.", "Hashtag Syria"),
            ("The talks failed, according to al-Quds al-Arabi.", "al-Quds al-Arabi"),
            ("ذكرت صحيفة القدس العربي أن المحادثات فشلت.", "القدس العربي"),
            ("The talks failed, the newspaper Al-Quds Al-Arabi reported.", "Al-Quds Al-Arabi"),
            ("Prices rose, the economic website Iqtissad reported.", "Iqtissad"),
        ],
    )
    def test_an_outlet_missing_from_the_table_is_named_not_null(self, sentence, name):
        story = parse(HEADLINE, sentence, BODY[1])
        assert (story.outlet, story.new_outlet) == (None, name)
        assert "outlet_unknown" not in flags(story)

    @pytest.mark.parametrize(
        "sentence",
        [
            "Ten were killed, according to local sources.",
            "Prices rose, according to the Ministry of Economy.",
            "The road is closed, according to Ahmad al-Ali, a resident of the town.",
            "The road is closed, according to Umm Khaled.",
            "Prices rose, according to the Damascus Chamber of Commerce.",
            "Two were rescued, according to the Civil Defence.",
            "Detainees were tortured, according to Human Rights Watch.",
        ],
    )
    def test_people_institutions_and_sources_are_not_outlets(self, sentence):
        story = parse(HEADLINE, BODY[0], sentence)
        assert (story.outlet, story.new_outlet) == (None, None)
        assert "outlet_unknown" in flags(story)


class TestEncodings:
    TEXT = f"{HEADLINE}\n\n“{BODY[0]}” — café.\n"

    @pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "cp1252"])
    def test_text_without_a_mark_in_other_encodings(self, encoding):
        assert decode_seed(self.TEXT.encode(encoding), max_bytes=10_000) == self.TEXT

    def test_arabic_from_windows_1256(self):
        text = "ارتفاع أسعار الخبز في إدلب\n\nرفعت المخابز سعر ربطة الخبز.\n"
        assert decode_seed(text.encode("cp1256"), max_bytes=10_000) == text


def compare(new, earlier):
    return compare_shingles(shingles(new), shingles(earlier))


class TestDuplicates:
    def test_the_same_report_with_other_quotes_is_a_duplicate(self):
        curly = [p.replace("'", "’") for p in BODY]
        assert compare(curly, BODY).verdict == "duplicate"

    def test_a_cut_off_copy_is_a_duplicate_and_the_full_one_more_complete(self):
        cut = [BODY[0], BODY[1][:40]]
        assert compare(cut, BODY).verdict == "duplicate"
        assert compare(BODY, cut).verdict == "new version"

    def test_a_capture_with_a_figure_changed_is_a_new_version(self):
        changed = [BODY[0].replace("six hours", "nine hours"), *BODY[1:]]
        assert compare(changed, BODY).verdict == "new version"

    def test_another_report_is_not(self):
        other = ["Rents in Aleppo doubled within a year as returnees compete for housing."]
        assert compare(other, BODY).verdict == ""


@pytest.mark.parametrize(
    "line",
    ["x" * 20_000, "9" * 20_000, "ab " * 7_000, "A-" * 10_000, "Home » " * 3_000,
     "a-" * 20_000, "«" + "\x0c" * 20_000 + "x", "Tags: a" + "\x85" * 20_000 + "b",
     "according to " + "Al " * 5_000, "(" + "word " * 4_000 + ")"],
)  # fmt: skip
def test_hostile_lines_take_bounded_time(line):
    """No rule backtracks without end on a long line (each is a regular expression)."""
    import time
    from contextlib import suppress

    started = time.perf_counter()
    with suppress(SeedError):
        parse_seed(f"{HEADLINE}\n{line}\n{BODY[0]}\n{line}", outlets=OUTLETS)
    assert time.perf_counter() - started < 1
