"""Translators work segment by segment: glossary, memory, stale segments, progress, and the
publishing check that refuses an unfinished translation."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import translation, workflow
from articles.arabic import has_arabic, normalize
from articles.body import paragraph
from articles.editing import save_revision, save_translation
from articles.models import Article, GlossaryTerm, Keyword, Segment
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db

ARABIC = ["قتل عنصران من لِوَاءِ القُدْسِ في البادية.", "وقالت مصادر محلية إن الهجوم وقع ليلاً."]


@pytest.fixture
def arabic_article(make_article):
    return make_article("هجوم في البادية", language="ar", paragraphs=ARABIC, outlet="Enab Baladi")


@pytest.fixture
def glossary():
    return [
        GlossaryTerm.objects.create(source_term=term, normalized=normalize(term), rendering=english)
        for term, english in [("لواء القدس", "Liwa al-Quds"), ("البادية", "the Badia")]
    ]


# What a translator writes for ARABIC and the headline: faithful, so the translation checks
# (tests/test_translation_checks.py) raise nothing; any other text gets a stand-in.
FAITHFUL = {
    "هجوم في البادية": "Attack in the Badia",
    ARABIC[0]: "Two Liwa al-Quds fighters were killed in the Badia.",
    ARABIC[1]: "Local sources said the attack happened at night.",
}


def translate_all(article, user, state="done"):
    for segment in translation.segments_for(article):
        english = FAITHFUL.get(
            segment.source_text, f"English for {segment.kind} {segment.position}"
        )
        translation.save_segment(segment, translation=english, state=state, user=user)


def test_one_segment_per_source_paragraph_plus_the_headline(arabic_article):
    segments = translation.segments_for(arabic_article)
    assert [(s.kind, s.position) for s in segments] == [
        ("headline", 0), ("paragraph", 0), ("paragraph", 1)
    ]  # fmt: skip
    assert [s.state for s in segments] == ["untranslated"] * 3
    assert translation.progress(segments) == translation.Progress(0, 3, 0)
    assert len(translation.segments_for(arabic_article)) == 3  # made once


def test_a_segment_is_untranslated_draft_or_done(arabic_article, users):
    segment = translation.segments_for(arabic_article)[1]
    translation.save_segment(segment, translation="Two fighters killed.", state="draft",
                             user=users["translator"])  # fmt: skip
    assert segment.state == "draft"
    translation.save_segment(segment, translation="  ", state="done", user=users["translator"])
    assert segment.state == "untranslated"


def test_glossary_terms_are_found_however_they_are_spelled(arabic_article, glossary):
    segment = translation.segments_for(arabic_article)[1]
    pieces = translation.highlighted(segment.current_source, glossary)
    marked = [(piece, term.rendering) for piece, term in pieces if term]
    assert marked == [("لِوَاءِ القُدْسِ", "Liwa al-Quds"), ("البادية", "the Badia")]
    assert "".join(piece for piece, _ in pieces) == segment.current_source


def test_where_terms_overlap_the_longer_one_wins(arabic_article, glossary, users):
    city = GlossaryTerm.objects.create(source_term="القدس", normalized=normalize("القدس"),
                                       rendering="Jerusalem")  # fmt: skip
    segments = translation.segments_for(arabic_article)
    terms = translation.glossary()
    assert city in terms
    pieces = translation.highlighted(segments[1].current_source, terms)
    assert [term.rendering for _, term in pieces if term] == ["Liwa al-Quds", "the Badia"]
    translation.save_segment(segments[1], translation="Two Liwa al-Quds fighters killed in the Badia.",
                             state="done", user=users["translator"])  # fmt: skip
    assert translation.article_flags(arabic_article) == []  # "Jerusalem" is not asked for


def side_by_side(article, users):
    """The review screen's rows once the translator has saved the segments as a revision."""
    save_translation(article, author=users["translator"])
    article.refresh_from_db()
    segments = translation.segments_for(article)
    return translation.side_by_side(article.source_story, article.current_revision, segments)


def test_translations_that_miss_the_preferred_rendering_are_listed(arabic_article, glossary, users):
    segments = translation.segments_for(arabic_article)
    translation.save_segment(segments[1], translation="Two Quds Brigade fighters killed in the Badia.",
                             state="done", user=users["translator"])  # fmt: skip
    problems = translation.article_flags(arabic_article)
    assert [(segment.label, flag.kind, flag.message) for segment, flag in problems] == [
        ("Paragraph 1", "names", "The glossary writes \u2068لواء القدس\u2069 as “Liwa al-Quds”.")
    ]  # fmt: skip


def test_the_reviewer_compares_the_source_with_the_english_under_review_however_it_was_written(
    client, arabic_article, glossary, users
):
    from articles.editing import save_revision

    segments = translation.segments_for(arabic_article)
    translation.save_segment(segments[1], translation="Two Quds Brigade fighters killed in the Badia.",
                             state="done", user=users["translator"])  # fmt: skip
    rows = side_by_side(arabic_article, users)
    assert [(row.label, row.english) for row in rows] == [
        ("Headline", ""),
        ("Paragraph 1", "Two Quds Brigade fighters killed in the Badia."),
        ("Paragraph 2", ""),  # still the source text: untranslated
    ]
    save_revision(  # an editor puts it right on the edit screen
        arabic_article, author=users["editor"], based_on=arabic_article.current_revision,
        headline="Attack in the Badia", standfirst="",
        body=[paragraph("Two Liwa al-Quds fighters killed in the Badia."), paragraph("Sources said so.")],
        disclaimer=None, keywords=[], outlet=arabic_article.outlet, assignee=None,
    )  # fmt: skip
    client.force_login(users["reviewer"])
    page = client.get(reverse("desk:review", args=[arabic_article.slug])).content.decode()
    assert "do not use the preferred rendering" not in page
    assert "Two Liwa al-Quds fighters killed in the Badia." in page
    assert '<th scope="row">Paragraph 2</th>' in page
    assert "English (revision 3)" in page


def test_the_memory_offers_identical_and_nearly_identical_translations(
    make_article, arabic_article, users
):
    earlier = make_article("خبر سابق", language="ar", outlet="Enab Baladi",
                           paragraphs=["وقالت مصادر محليّة إن الهجوم وقع ليلا.", "نص آخر تماما."])  # fmt: skip
    old = translation.segments_for(earlier)[1]
    translation.save_segment(old, translation="Local sources said the attack came at night.",
                             state="done", user=users["translator"])  # fmt: skip
    wanted = translation.segments_for(arabic_article)[2]
    [suggestion] = translation.memory_suggestions(wanted)
    assert suggestion.translation == "Local sources said the attack came at night."
    assert 90 <= suggestion.percent <= 100
    assert suggestion.segment.article == earlier
    assert translation.memory_suggestions(translation.segments_for(arabic_article)[1]) == []


def test_a_near_match_shows_how_its_source_differs(client, make_article, users):
    remembered = "وقالت مصادر محلية إن الهجوم على الحاجز العسكري وقع صباح يوم الأحد الماضي."
    now = "وقالت مصادر محلية إن الهجوم على الحاجز العسكري وقع صباح يوم الاثنين الماضي."
    earlier = make_article("خبر", language="ar", outlet="Enab Baladi", paragraphs=[remembered])
    translation.save_segment(translation.segments_for(earlier)[1], state="done",
                             translation="Local sources said the attack came on Sunday morning.",
                             user=users["translator"])  # fmt: skip
    article = make_article("خبر جديد", language="ar", outlet="Enab Baladi", paragraphs=[now])
    wanted = translation.segments_for(article)[1]
    [suggestion] = translation.memory_suggestions(wanted)
    assert suggestion.percent < 100
    changed = [(kind, text) for kind, text in suggestion.differences if kind != "same"]
    assert changed == [("removed", "الأحد"), ("added", "الاثنين")]

    client.force_login(users["translator"])
    page = client.get(reverse("desk:memory", args=[article.slug, wanted.pk])).content.decode()
    assert '<del title="Only in the remembered source">الأحد</del>' in page
    assert '<ins title="Only in this segment\'s source">الاثنين</ins>' in page


def test_drafts_are_not_offered_by_the_memory(make_article, arabic_article, users):
    earlier = make_article("خبر", language="ar", outlet="Enab Baladi", paragraphs=ARABIC)
    translation.save_segment(translation.segments_for(earlier)[2], translation="Unchecked.",
                             state="draft", user=users["translator"])  # fmt: skip
    assert translation.memory_suggestions(translation.segments_for(arabic_article)[2]) == []


def test_a_reimported_story_marks_changed_segments_stale(import_seeds, write_seed, users):
    header = "المصدر: عنب بلدي\n\nهجوم في درعا\n\n"
    first = ["الفقرة الأولى عن الهجوم.", "الفقرة الثانية عن الضحايا.", "الفقرة الثالثة."]
    import_seeds(write_seed("ar-story.txt", header + "\n\n".join(first)))
    article = Article.objects.get(source_story__file_name="ar-story.txt")
    translate_all(article, users["translator"])

    second = [
        "فقرة جديدة في البداية.",
        first[0],
        "الفقرة الثانية عن الضحايا وعددهم خمسة.",
        first[2],
    ]
    code, _out, err = import_seeds(write_seed("ar-story.txt", header + "\n\n".join(second)))
    assert code == 0, err
    article.refresh_from_db()
    segments = translation.segments_for(article)
    rows = [(s.position, s.state, s.stale) for s in segments if s.kind == "paragraph"]
    assert rows == [
        (0, "untranslated", False),
        (1, "done", False),
        (2, "done", True),
        (3, "done", False),
    ]
    stale = segments[3]
    assert stale.source_text == first[1]  # what it was translated from
    assert stale.current_source == second[2]  # what the source says now
    assert stale.translation == "English for paragraph 1"
    assert translation.progress(segments) == translation.Progress(3, 5, 1)

    translation.save_segment(stale, translation="Five victims.", state="done",
                             user=users["translator"], resolve=True)  # fmt: skip
    assert not translation.segments_for(article)[3].stale


def test_publishing_is_refused_while_segments_are_unfinished_or_stale(
    arabic_article, users, ready_article
):
    checks = {c.name: c for c in workflow.publishing_checks(arabic_article)}
    assert not checks["Translation"].passed
    assert "the translation has not started" in checks["Translation"].detail
    translation.save_segment(translation.segments_for(arabic_article)[1], translation="Draft.",
                             state="draft", user=users["translator"])  # fmt: skip
    checks = {c.name: c for c in workflow.publishing_checks(arabic_article)}
    assert checks["Translation"].detail.startswith(
        "Not yet done on the translation screen: Headline (untranslated), Paragraph 1 (draft), "
        "Paragraph 2 (untranslated)."
    )
    translate_all(arabic_article, users["translator"])
    save_translation(arabic_article, author=users["translator"])
    arabic_article.refresh_from_db()
    checks = {c.name: c for c in workflow.publishing_checks(arabic_article)}
    assert checks["Translation"].passed, checks["Translation"].detail
    Segment.objects.filter(article=arabic_article, kind="paragraph", position=0).update(
        source_text="نص قديم"
    )
    checks = {c.name: c for c in workflow.publishing_checks(arabic_article)}
    assert "Not yet done on the translation screen: Paragraph 1 (stale)." in (
        checks["Translation"].detail
    )


def test_the_segments_become_the_english_revision(arabic_article, users):
    translate_all(arabic_article, users["translator"], state="draft")
    revision = save_translation(arabic_article, author=users["translator"])
    assert revision.headline == "Attack in the Badia"
    assert revision.paragraph_texts == [FAITHFUL[ARABIC[0]], FAITHFUL[ARABIC[1]]]
    assert revision.author == users["translator"]
    arabic_article.refresh_from_db()
    assert arabic_article.status == "in_translation"
    assert save_translation(arabic_article, author=users["translator"]) is None  # nothing new


def test_the_screen_of_a_sixty_paragraph_story_runs_a_fixed_number_of_queries(
    client, make_article, users, glossary
):
    client.force_login(users["translator"])

    def queries_for(paragraphs):
        article = make_article("قصة طويلة", language="ar", outlet="Enab Baladi",
                               paragraphs=[f"الفقرة رقم {n} عن البادية." for n in range(paragraphs)])  # fmt: skip
        url = reverse("desk:translate", args=[article.slug])
        client.get(url)  # the first visit makes the segments
        with CaptureQueriesContext(connection) as captured:
            page = client.get(url)
        assert page.status_code == 200
        assert page.content.decode().count('class="segment segment-') == paragraphs + 1
        return len(captured)

    assert queries_for(3) == queries_for(60)


def test_translators_use_the_screen_and_english_stories_skip_it(
    client, users, arabic_article, make_article
):
    client.force_login(users["translator"])
    page = client.get(reverse("desk:translate", args=[arabic_article.slug])).content.decode()
    assert '<p lang="ar" dir="rtl" class="source-text-segment">' in page
    assert 'lang="en" dir="ltr"' in page
    assert "0 of 3</strong> segments done" in page
    english = make_article("An English story")
    response = client.get(reverse("desk:translate", args=[english.slug]))
    assert response.status_code == 302
    assert response["Location"] == reverse("desk:edit", args=[english.slug])


def test_saving_a_segment_from_the_screen_updates_progress(client, users, arabic_article):
    client.force_login(users["translator"])
    segment = translation.segments_for(arabic_article)[0]
    url = reverse("desk:save_segment", args=[arabic_article.slug, segment.pk])
    response = client.post(url, {"translation": "Attack in the Badia", "state": "done"},
                           headers={"HX-Request": "true"})  # fmt: skip
    page = response.content.decode()
    assert f'id="status-{segment.pk}"' in page
    assert 'id="translation-progress"' in page
    assert "1 of 3</strong>" in page
    segment.refresh_from_db()
    assert (segment.translation, segment.state) == ("Attack in the Badia", "done")


def test_the_desk_shows_translation_progress(client, users, arabic_article):
    translate_all(arabic_article, users["translator"], state="draft")
    segment = Segment.objects.filter(article=arabic_article).first()
    segment.state = "done"
    segment.save()
    client.force_login(users["translator"])
    assert "Translated 1/3" in client.get(reverse("desk:desk")).content.decode()


def test_only_staff_of_the_desk_translate(client, users, arabic_article):
    segment = translation.segments_for(arabic_article)[0]
    url = reverse("desk:save_segment", args=[arabic_article.slug, segment.pk])
    assert client.post(url, {"translation": "x"}).status_code == 302  # to sign in
    segment.refresh_from_db()
    assert segment.translation == ""


def test_translators_cannot_rewrite_english_or_published_articles(
    client, users, ready_article, arabic_article
):
    client.force_login(users["translator"])
    english = ready_article("published")
    response = client.post(reverse("desk:save_translation", args=[english.slug]))
    assert response.status_code == 404
    assert english.revisions.count() == 1

    translate_all(arabic_article, users["translator"])
    save_translation(arabic_article, author=users["translator"])
    arabic_article.refresh_from_db()
    Article.objects.filter(pk=arabic_article.pk).update(
        status="published", published_revision=arabic_article.current_revision
    )
    segment = translation.segments_for(arabic_article)[0]
    translation.save_segment(segment, translation="A new headline", state="done",
                             user=users["translator"])  # fmt: skip
    response = client.post(
        reverse("desk:save_translation", args=[arabic_article.slug]), follow=True
    )
    assert "only editors and reviewers can change it" in response.content.decode()
    arabic_article.refresh_from_db()
    assert arabic_article.status == "published"


def test_saving_from_segments_does_not_silently_replace_the_editors_work(arabic_article, users):
    from articles.editing import EditedElsewhere, save_revision

    translate_all(arabic_article, users["translator"])
    first = save_translation(arabic_article, author=users["translator"])
    arabic_article.refresh_from_db()
    save_revision(
        arabic_article, author=users["editor"], based_on=first, headline="Polished headline",
        standfirst="A standfirst the editor wrote.", body=[paragraph("Polished.")],
        disclaimer=None, keywords=[], outlet=arabic_article.outlet, assignee=None,
    )  # fmt: skip
    arabic_article.refresh_from_db()
    with pytest.raises(EditedElsewhere, match="editor edited the English on the edit screen"):
        save_translation(arabic_article, author=users["translator"])
    assert arabic_article.current_revision.headline == "Polished headline"

    replaced = save_translation(arabic_article, author=users["translator"], replace_edits=True)
    assert replaced.headline == "Attack in the Badia"
    assert replaced.standfirst == "A standfirst the editor wrote."  # the source has none


@pytest.mark.parametrize(
    ("role", "advice"),
    [("translator", "ask an editor to carry on on the edit screen"), ("editor", "edit screen</a>")],
)
def test_the_warning_about_edits_elsewhere_suits_who_reads_it(
    client, arabic_article, users, role, advice
):
    from articles.editing import save_revision

    first = save_translation(arabic_article, author=users["translator"])
    arabic_article.refresh_from_db()
    save_revision(
        arabic_article, author=users["editor"], based_on=first, headline="Polished",
        standfirst="", body=[paragraph("Polished.")], disclaimer=None, keywords=[],
        outlet=arabic_article.outlet, assignee=None,
    )  # fmt: skip
    client.force_login(users[role])
    page = client.get(reverse("desk:translate", args=[arabic_article.slug])).content.decode()
    assert advice in page


def test_a_reimport_keeps_segment_ids_so_an_open_screen_goes_on_saving(
    import_seeds, write_seed, users
):
    header = "المصدر: عنب بلدي\n\nهجوم في درعا\n\n"
    paragraphs = ["الفقرة الأولى عن الهجوم.", "الفقرة الثانية عن الضحايا."]
    import_seeds(write_seed("ids.txt", header + "\n\n".join(paragraphs)))
    article = Article.objects.get(source_story__file_name="ids.txt")
    before = {(s.kind, s.source_text): s.pk for s in translation.segments_for(article)}
    import_seeds(write_seed("ids.txt", header + "\n\n".join(["فقرة جديدة.", *paragraphs])))
    article.refresh_from_db()
    after = {(s.kind, s.source_text): s.pk for s in translation.segments_for(article)}
    for unit, pk in before.items():
        assert after[unit] == pk


def test_the_desk_counts_stale_segments_as_not_done(client, users, arabic_article):
    translate_all(arabic_article, users["translator"])
    Segment.objects.filter(article=arabic_article, kind="paragraph", position=0).update(
        source_text="نص قديم"
    )
    client.force_login(users["translator"])
    assert "Translated 2/3, 1 stale" in client.get(reverse("desk:desk")).content.decode()


A, B, C = "قتل عنصران في درعا.", "وأصيب ثلاثة آخرون بجروح.", "ولم يصدر أي تعليق رسمي."


@pytest.mark.parametrize(
    ("new", "origins"),
    [
        ([A, B, C], [[0], [1], [2]]),
        ([f"{A} {B}", C], [[0, 1], [2]]),  # merged
        ([f"{A} {B}", "ولم يصدر أي تعليق رسمي حتى الآن."], [[0, 1], [2]]),  # merged, then edited
        ([A, "وأصيب ثلاثة آخرون بجروح خطيرة."], [[0], [1]]),  # the last deleted, one edited
        ([A, "نص مختلف تماما عن كل ما سبق.", C], [[0], [1], [2]]),  # rewritten in place
        (["فقرة جديدة.", A, B, C], [[], [0], [1], [2]]),  # one added
    ],
)
def test_a_reimported_paragraph_is_traced_to_the_old_ones_it_came_from(new, origins):
    assert translation.paragraph_origins([A, B, C], new) == origins


def test_paragraphs_merged_in_a_reimport_keep_every_translation(import_seeds, write_seed, users):
    header = "المصدر: عنب بلدي\n\nهجوم في درعا\n\n"
    first = ["الفقرة الأولى عن الهجوم.", "الفقرة الثانية عن الضحايا.", "الفقرة الثالثة."]
    import_seeds(write_seed("merged.txt", header + "\n\n".join(first)))
    article = Article.objects.get(source_story__file_name="merged.txt")
    translate_all(article, users["translator"])

    merged = f"{first[0]} {first[1]} وعددهم خمسة."
    import_seeds(write_seed("merged.txt", header + "\n\n".join([merged, first[2]])))
    article.refresh_from_db()
    paragraphs = [s for s in translation.segments_for(article) if s.kind == "paragraph"]
    assert [(s.position, s.stale) for s in paragraphs] == [(0, True), (1, False)]
    assert paragraphs[0].translation == "English for paragraph 0 English for paragraph 1"
    assert paragraphs[0].source_text == f"{first[0]} {first[1]}"  # what was translated
    assert paragraphs[1].translation == "English for paragraph 2"


def test_a_merged_paragraph_with_a_draft_in_it_is_a_draft(import_seeds, write_seed, users):
    header = "المصدر: عنب بلدي\n\nهجوم في درعا\n\n"
    import_seeds(write_seed("drafts.txt", header + "\n\n".join([A, B, C])))
    article = Article.objects.get(source_story__file_name="drafts.txt")
    translate_all(article, users["translator"])
    draft = translation.segments_for(article)[2]  # paragraph 2 (B)
    translation.save_segment(draft, translation="Three wounded?", state="draft",
                             user=users["translator"])  # fmt: skip

    import_seeds(write_seed("drafts.txt", header + "\n\n".join([f"{A} {B}", C])))
    article.refresh_from_db()
    merged = translation.segments_for(article)[1]
    assert (merged.translation, merged.stale) == ("English for paragraph 0 Three wounded?", False)
    assert merged.state == "draft"  # not done: part of it was never checked


def test_read_also_keeps_its_place_while_the_translation_is_saved_half_done(import_seeds, users):
    import_seeds(SEEDS / "005_ar_sy24_deir_ezzor_fuel.txt")  # Read Also after paragraph 3
    article = Article.objects.get()
    headline, first, *rest = translation.segments_for(article)
    for segment in [headline, first]:
        translation.save_segment(segment, translation="English.", state="done",
                                 user=users["translator"])  # fmt: skip
    half = save_translation(article, author=users["translator"])
    assert half.paragraph_texts[0] == "English."
    assert half.paragraph_texts[1] == rest[0].source_text  # untranslated: still the source
    assert half.read_also.get().after_paragraph == 3

    for segment in rest:
        translation.save_segment(segment, translation="More English.", state="done",
                                 user=users["translator"])  # fmt: skip
    article.refresh_from_db()
    whole = save_translation(article, author=users["translator"])
    assert whole.read_also.get().after_paragraph == 3
    assert not any(has_arabic(text) for text in whole.paragraph_texts)


def test_saving_the_translation_attaches_the_disclaimer_the_outlet_needs(arabic_article, users):
    assert arabic_article.outlet.requires_disclaimer
    assert arabic_article.current_revision.disclaimer is None  # the Arabic report carried none
    translate_all(arabic_article, users["translator"])
    saved = save_translation(arabic_article, author=users["translator"])
    assert saved.disclaimer.is_standard


def test_a_translated_story_gets_its_address_from_the_english_headline_when_first_published(
    client, arabic_article, users
):
    from articles.editing import save_revision

    provisional = arabic_article.slug = "enab-baladi-5a31ef0f"  # as the importer names it
    arabic_article.save()
    translate_all(arabic_article, users["translator"])
    translated = save_translation(arabic_article, author=users["translator"])
    arabic_article.refresh_from_db()
    save_revision(
        arabic_article, author=users["editor"], based_on=translated,
        headline="Two Liwa al-Quds Fighters Killed in the Badia", standfirst="",
        body=translated.body, disclaimer=translated.disclaimer,
        keywords=[Keyword.objects.named("Badia")], outlet=arabic_article.outlet, assignee=None,
    )  # fmt: skip
    for action, actor in [("submit", "editor"), ("approve", "reviewer"), ("publish", "reviewer")]:
        workflow.apply(arabic_article, action, actor=users[actor])
    slug = "two-liwa-al-quds-fighters-killed-in-the-badia"
    assert arabic_article.slug == slug
    record = arabic_article.audit_records.get(action="publish")
    assert record.comment == f"Its address is now /news/{slug}/"
    assert not Article.objects.filter(slug=provisional).exists()
    client.force_login(users["editor"])  # an earlier email's link, a screen left open
    assert client.get(f"/desk/{provisional}/review/").context["article"] == arabic_article

    workflow.apply(arabic_article, "start_correction", actor=users["editor"])
    workflow.apply(arabic_article, "discard_correction", actor=users["editor"])
    assert arabic_article.slug == slug  # published: the address never changes again


def test_the_translation_screen_shows_where_each_read_also_link_goes(client, import_seeds, users):
    import_seeds(SEEDS / "005_ar_sy24_deir_ezzor_fuel.txt")  # Read Also after paragraph 3
    article = Article.objects.get()
    client.force_login(users["translator"])
    page = client.get(reverse("desk:translate", args=[article.slug])).content.decode()
    marker = "<strong>Read Also</strong> here: “<bdi>Bread Prices Rise Again in Idlib"
    assert marker in page
    before = page.split(marker)[0]
    assert before.count('class="segment-label">Paragraph') == 3


def test_the_glossary_lists_terms_alphabetically_whatever_their_case(client, users):
    for term, english in [("لواء القدس", "Liwa al-Quds"), ("المزيريب", "al-Muzayrib"),
                          ("البادية", "the Badia")]:  # fmt: skip
        GlossaryTerm.objects.create(source_term=term, normalized=normalize(term), rendering=english)
    client.force_login(users["translator"])
    page = client.get(reverse("desk:glossary")).content.decode()
    positions = [page.index(name) for name in ["al-Muzayrib", "Liwa al-Quds", "the Badia"]]
    assert positions == sorted(positions)


def test_two_stories_named_alike_at_the_same_moment_get_different_addresses(
    arabic_article, make_article, users, monkeypatch
):
    """The second finds the slug it was given taken by the first, committed meanwhile."""
    from articles.editing import save_revision

    arabic_article.slug = "enab-baladi-5a31ef0f"
    arabic_article.save()
    translate_all(arabic_article, users["translator"])
    translated = save_translation(arabic_article, author=users["translator"])
    arabic_article.refresh_from_db()
    save_revision(
        arabic_article, author=users["editor"], based_on=translated, headline="Attack in Daraa",
        standfirst="", body=translated.body, disclaimer=translated.disclaimer,
        keywords=[Keyword.objects.named("Daraa")], outlet=arabic_article.outlet, assignee=None,
    )  # fmt: skip
    for action, actor in [("submit", "editor"), ("approve", "reviewer")]:
        workflow.apply(arabic_article, action, actor=users[actor])
    from articles.workflow import recorder

    free_then = recorder.free_slugs
    offered = iter([["attack-in-daraa"]])  # what it found free before the other committed
    monkeypatch.setattr(
        recorder, "free_slugs", lambda bases: next(offered, None) or free_then(bases)
    )
    other = make_article("Attack in Daraa")
    other.slug = "attack-in-daraa"
    other.save()

    workflow.apply(arabic_article, "publish", actor=users["reviewer"])
    assert arabic_article.slug == "attack-in-daraa-2"
    assert arabic_article.status == "published"


def test_marking_an_empty_segment_done_says_why_it_stays_untranslated(
    client, arabic_article, users
):
    segment = translation.segments_for(arabic_article)[1]
    client.force_login(users["translator"])
    url = reverse("desk:save_segment", args=[arabic_article.slug, segment.pk])
    response = client.post(
        url, {"translation": " ", "state": "done"}, headers={"HX-Request": "true"}
    )
    page = response.content.decode()
    assert "Untranslated" in page
    assert "write the English before marking it done" in page
    # The menu the translator set to Done goes back to Draft beside it, swapped out of band.
    menu = page[page.index(f'<select name="state" id="state-{segment.pk}"') :]
    menu = menu[: menu.index("</select>")]
    assert 'data-hx-swap-oob="true"' in menu
    assert '<option value="draft" selected>' in menu
    assert '<option value="done" selected>' not in menu


def test_the_review_side_by_side_shows_where_each_read_also_link_goes(import_seeds, users):
    import_seeds(SEEDS / "005_ar_sy24_deir_ezzor_fuel.txt")  # Read Also after paragraph 3
    article = Article.objects.get()
    save_translation(article, author=users["translator"])
    article.refresh_from_db()
    rows = translation.side_by_side(article.source_story, article.current_revision,
                                    translation.segments_for(article))  # fmt: skip
    placed = [(row.label, row.read_also) for row in rows if row.read_also]
    assert placed == [("Paragraph 3", ("Bread Prices Rise Again in Idlib as Flour Support Ends",))]


def test_a_read_also_link_an_editor_moved_follows_its_paragraph_through_later_translation(
    import_seeds, users
):
    """The English paragraphs carry their segment's id, so a link stays after the paragraph
    it was put after, however often the translation is saved again."""
    import_seeds(SEEDS / "005_ar_sy24_deir_ezzor_fuel.txt")  # Read Also after paragraph 3
    article = Article.objects.get()
    for segment in translation.segments_for(article):
        translation.save_segment(segment, translation=f"English {segment.position}.",
                                 state="done", user=users["translator"])  # fmt: skip
    first = save_translation(article, author=users["translator"])
    link = next(block for block in first.body if block["type"] == "read_also")
    text = [block for block in first.body if block["type"] != "read_also"]
    moved = [text[0], link, *text[1:]]  # an editor puts it after paragraph 1
    save_revision(
        article, author=users["editor"], based_on=first, headline=first.headline,
        standfirst=first.standfirst, body=moved, disclaimer=first.disclaimer, keywords=[],
        outlet=article.outlet, assignee=None,
    )  # fmt: skip
    article.refresh_from_db()
    second = translation.segments_for(article)[2]  # the second paragraph
    translation.save_segment(second, translation="Better English.", state="done",
                             user=users["translator"])  # fmt: skip
    again = save_translation(article, author=users["translator"], replace_edits=True)
    assert again.paragraph_texts[1] == "Better English."
    assert again.read_also.get().after_paragraph == 1
    assert [block["attrs"]["id"] for block in again.body] == [
        block["attrs"]["id"] for block in moved
    ]
