"""Translation checks: a wrong number, a lost "according to", a name written unlike the
archive, a sentence left out. Flags on the translation screen as the translator types, all
of them on the review screen, and a publishing check a reviewer may override with a reason."""

import json
from pathlib import Path

import pytest
from django.urls import reverse

from articles import translation, workflow
from articles.arabic import normalize
from articles.editing import save_translation
from articles.models import AuditRecord, GlossaryTerm, Keyword, NameUse, Revision
from articles.numbers import number_mismatches
from articles.translation.attribution import ATTRIBUTIONS, lost_attributions
from articles.translation.names import aligned_names, rendering_key
from articles.translation.omissions import possible_omission, sentences

FAITHFUL = json.loads(
    (Path(__file__).parent / "fixtures" / "faithful_translations.json").read_text("utf-8")
)
ACTIVISTS = FAITHFUL[10]  # "…بحسب ما أفاد ناشطون محليون" / "…according to local activists."


def plain(message):
    """A message without the marks that set its Arabic apart (arabic.isolated)."""
    return message.replace("\u2068", "").replace("\u2069", "")


# --- Each check on its own: pure functions ------------------------------------------------


@pytest.mark.parametrize("pair", FAITHFUL, ids=range(len(FAITHFUL)))
def test_a_faithful_translation_keeps_every_attribution_and_leaves_nothing_out(pair):
    assert lost_attributions(pair["ar"], pair["en"]) == []
    assert possible_omission(pair["ar"], pair["en"]) is None


@pytest.mark.parametrize(
    ("source", "kept", "lost", "kind"),
    [
        ("قتل ثلاثة مدنيين بحسب ناشطين.", "Three civilians were killed, activists said.",
         "Three civilians were killed by activists.", "reported"),
        ("وقالت مصادر محلية إن الهجوم وقع ليلاً.", "Local sources said the attack came at night.",
         "Locals said the attack came at night.", "sources"),
        ("أفاد ناشطون بمقتل شخصين.", "Activists reported that two people were killed.",
         "Two people were reportedly killed.", "activists"),
        ("وقال مراسل الموقع إن الطريق مغلق.", "The site's correspondent said the road is closed.",
         "The site said the road is closed.", "correspondent"),
        ("وأكد شهود عيان سماع انفجارين.", "Witnesses said they heard two explosions.",
         "People said they heard two explosions.", "witnesses"),
        ("يعتقد أن القصف استهدف مستودعاً.", "The shelling is believed to have hit a depot.",
         "The shelling hit a depot.", "hedged"),
        ("نقلاً عن مصدر عسكري، انسحبت القوات.", "Forces withdrew, citing a military source.",
         "Forces withdrew.", "reported"),
        ("ووفقاً للمرصد، ارتفع عدد الضحايا.", "According to the Observatory, the toll rose.",
         "The Observatory's toll rose.", "reported"),
    ],
)  # fmt: skip
def test_an_attribution_dropped_in_translation_is_flagged(source, kept, lost, kind):
    assert lost_attributions(source, kept) == []
    found = lost_attributions(source, lost)
    assert kind in [attribution.kind for attribution in found]
    assert ("hedges" if kind == "hedged" else "attributes") in found[0].message()


def test_the_markers_are_listed_once_each_with_the_english_that_keeps_it():
    assert len({attribution.kind for attribution in ATTRIBUTIONS}) == len(ATTRIBUTIONS)
    for attribution in ATTRIBUTIONS:
        assert attribution.wanted.startswith("“")


def test_a_sentence_left_out_of_a_long_paragraph_is_a_possible_omission():
    source = " ".join(pair["ar"] for pair in FAITHFUL[5:8])
    whole = " ".join(pair["en"] for pair in FAITHFUL[5:8])
    missing_middle = " ".join(pair["en"] for pair in (FAITHFUL[5], FAITHFUL[7]))
    assert len(sentences(source)) == 3
    assert possible_omission(source, whole) is None
    omission = possible_omission(source, missing_middle)
    assert (omission.source_sentences, omission.english_sentences) == (3, 2)
    assert "may be left out" in omission.message()


def test_a_full_stop_inside_a_number_or_an_initial_ends_no_sentence():
    assert len(sentences("Prices rose 3.5 percent, the U.N. said. Fuel is short.")) == 2
    assert len(sentences("ارتفعت الأسعار بنسبة 3.5 بالمئة؟ نعم؛ كثيراً.")) == 3


@pytest.mark.parametrize(
    ("source", "english", "expected"),
    [
        ("قال بشار الأسد", "Bashar al-Assad said", [("بشار الاسد", "Bashar al-Assad")]),
        ("في دير الزور", "in Deir ez-Zor", [("دير الزور", "Deir ez-Zor")]),
        ("وبدرعا", "in Daraa", [("درعا", "Daraa")]),  # the clitics و and ب go
        ("مقاتلو هيئة تحرير الشام", "Hay'at Tahrir al-Sham fighters",
         [("هيئه تحرير الشام", "Hay'at Tahrir al-Sham")]),
        ("قال كمال اللبواني", "Kamel al-Labwani said", [("كمال اللبواني", "Kamel al-Labwani")]),
        ("عناصر حزب الله", "Hezbollah members", [("حزب الله", "Hezbollah")]),
        ("قال عبد الله", "Abdullah said", [("عبد الله", "Abdullah")]),
        ("في مدينة حماة", "in the city of Hamah", [("حماه", "Hamah")]),
        ("في حلب", "in Aleppo", []),  # an exonym: the glossary's business
        ("وقال الناشط الإعلامي أبو محمد", "Media activist Abu Mohammed said",
         [("ابو محمد", "Abu Mohammed")]),  # "Media" starts the sentence, and is no name
    ],
)  # fmt: skip
def test_english_names_are_aligned_with_the_arabic_that_sounds_like_them(source, english, expected):
    assert [(name.key, name.english) for name in aligned_names(source, english)] == expected


def test_renderings_differ_by_letters_not_by_case_hyphens_or_apostrophes():
    assert rendering_key("Hay'at Tahrir al-Sham") == rendering_key("Hayat Tahrir Al Sham")
    assert rendering_key("Kamal") != rendering_key("Kamel")


# --- Across the archive and on the screens -------------------------------------------------


@pytest.fixture
def translated(make_article, users):
    """An Arabic story translated segment by segment: headline and [(Arabic, English)]."""

    def make(pairs, headline=("هجوم في البادية", "Attack in the Badia"), state="done"):
        article = make_article(headline[0], language="ar", paragraphs=[ar for ar, _ in pairs],
                               outlet="Enab Baladi")  # fmt: skip
        english = [headline[1], *(en for _, en in pairs)]
        for segment, text in zip(translation.segments_for(article), english, strict=True):
            translation.save_segment(segment, translation=text, state=state,
                                     user=users["translator"])  # fmt: skip
        return article

    return make


def approve(article, users):
    revision = save_translation(article, author=users["translator"])
    revision.keywords.set([Keyword.objects.named("Syria")])
    workflow.apply(article, "submit", actor=users["translator"])
    workflow.apply(article, "approve", actor=users["reviewer"])
    article.refresh_from_db()
    return article


def publish(article, users):
    approve(article, users)
    workflow.apply(article, "publish", actor=users["reviewer"])
    return article


def labwani(english):
    return [("وقال كمال اللبواني إن المفاوضات متوقفة.", f"{english} said the talks have stalled.")]


def test_a_name_written_unlike_the_three_published_articles_is_flagged(translated, users):
    published = [publish(translated(labwani("Kamal al-Labwani")), users) for _ in range(3)]
    assert NameUse.objects.filter(key="كمال اللبواني").count() == 3

    article = translated(labwani("Kamel al-Labwani"))
    [(_segment, flag)] = translation.article_flags(article)
    assert flag.kind == "names"
    assert not flag.blocks
    assert "“Kamel al-Labwani” for كمال اللبواني" in plain(flag.message)
    assert "the archive writes “Kamal al-Labwani” (3 published articles" in plain(flag.message)
    assert flag.example == published[-1]
    assert flag.glossary_entry == ("كمال اللبواني", "Kamal al-Labwani")

    consistent = translated(labwani("Kamal al-Labwani"))
    assert translation.article_flags(consistent) == []


def test_two_different_names_written_alike_are_flagged(translated, users):
    publish(translated([("وقال كامل اللبواني إن المفاوضات متوقفة.",
                         "Kamal al-Labwani said the talks have stalled.")]), users)  # fmt: skip
    article = translated(labwani("Kamal al-Labwani"))  # كمال, not كامل
    [(_, flag)] = translation.article_flags(article)
    assert "renders كمال اللبواني here" in plain(flag.message)
    assert "a different name, كامل اللبواني, so" in plain(flag.message)


def test_the_glossary_outranks_the_archive_and_is_checked_too(translated, users):
    publish(translated(labwani("Kamal al-Labwani")), users)
    GlossaryTerm.objects.create(source_term="كمال اللبواني", normalized="كمال اللبواني",
                                rendering="Kamal Labwani")  # fmt: skip
    [(_, flag)] = translation.article_flags(translated(labwani("Kamal al-Labwani")))
    assert plain(flag.message) == "The glossary writes كمال اللبواني as “Kamal Labwani”."


def test_an_unpublished_article_no_longer_speaks_for_the_archive(translated, users):
    article = publish(translated(labwani("Kamal al-Labwani")), users)
    workflow.apply(article, "unpublish", actor=users["reviewer"], comment="Wrong story")
    assert not NameUse.objects.exists()
    assert translation.article_flags(translated(labwani("Kamel al-Labwani"))) == []


def test_operators_rebuild_the_archive_of_names_from_live_translations(translated, users):
    from django.core.management import call_command

    live = publish(translated(labwani("Kamal al-Labwani")), users)
    waiting = approve(translated(labwani("Kamel al-Labwani")), users)
    NameUse.objects.all().delete()
    NameUse.objects.create(article=waiting, arabic="x", key="x", rendering="X", rendering_key="x")
    call_command("index_archive_names", verbosity=0)
    assert set(NameUse.objects.values_list("article", "key", "rendering")) == {
        (live.pk, "الباديه", "Badia"), (live.pk, "كمال اللبواني", "Kamal al-Labwani")
    }  # fmt: skip


def test_one_click_adds_the_archives_rendering_to_the_glossary(client, translated, users):
    publish(translated(labwani("Kamal al-Labwani")), users)
    article = translated(labwani("Kamel al-Labwani"))
    client.force_login(users["reviewer"])
    page = client.get(reverse("desk:translate", args=[article.slug]))
    assert "to the glossary" in page.text
    added = client.post(reverse("desk:add_glossary_term"), {
        "source_term": "كمال اللبواني", "rendering": "Kamal al-Labwani"}, headers={"HX-Request": "true"})  # fmt: skip
    assert added.status_code == 200
    assert "Added to the glossary" in added.text
    assert GlossaryTerm.objects.get().rendering == "Kamal al-Labwani"
    again = client.post(reverse("desk:add_glossary_term"), {
        "source_term": "كمال اللبواني", "rendering": "Kamal"}, headers={"HX-Request": "true"})  # fmt: skip
    assert again.status_code == 400
    assert "already has this term" in again.text

    client.force_login(users["translator"])
    refused = client.post(reverse("desk:add_glossary_term"), {
        "source_term": "اللبواني", "rendering": "Labwani"})  # fmt: skip
    assert refused.status_code == 403


LOST = [(ACTIVISTS["ar"], "Three civilians were killed and five others wounded on Tuesday when "
         "a landmine left over from the war exploded in the eastern Homs desert.")]  # fmt: skip


def test_publication_is_refused_for_a_lost_attribution_until_a_reviewer_overrides_it(
    translated, users
):
    article = approve(translated(LOST), users)
    checks = {check.name: check for check in workflow.publishing_checks(article)}
    assert not checks["Translation checks"].passed
    assert "Paragraph 1: The source attributes this (“بحسب”)" in plain(
        checks["Translation checks"].detail
    )
    with pytest.raises(workflow.WorkflowError, match="translation checks found"):
        workflow.apply(article, "publish", actor=users["reviewer"])

    segment = translation.segments_for(article)[1]
    for flag in [f for _, f in translation.article_flags(article) if f.blocks]:
        workflow.override_flag(article, segment_id=segment.pk, kind=flag.kind,
                               subject=flag.subject, actor=users["reviewer"],
                               reason="The standfirst attributes the toll to activists.")  # fmt: skip
    record = AuditRecord.objects.filter(action="override_check").first()
    assert record.actor == users["reviewer"]
    assert "Paragraph 1, attribution: The source attributes this" in plain(record.comment)
    assert record.comment.endswith("Reason: The standfirst attributes the toll to activists.")
    workflow.apply(article, "publish", actor=users["reviewer"])
    assert article.status == "published"


def test_an_override_holds_only_for_the_english_it_was_given_for(translated, users):
    article = approve(translated(LOST), users)
    segment = translation.segments_for(article)[1]
    [flag, *_] = [f for _, f in translation.article_flags(article) if f.blocks]
    workflow.override_flag(article, segment_id=segment.pk, kind=flag.kind, subject=flag.subject,
                           reason="Checked with the desk.", actor=users["reviewer"])  # fmt: skip
    overridden = [f for _, f in translation.article_flags(article) if f.subject == flag.subject]
    assert overridden[0].override is not None
    assert not overridden[0].blocks

    translation.save_segment(segment, translation=LOST[0][1] + " Dozens fled.", state="done",
                             user=users["translator"])  # fmt: skip
    again = [f for _, f in translation.article_flags(article) if f.subject == flag.subject]
    assert again[0].blocks


def test_overriding_needs_a_reviewer_who_did_not_write_it_and_a_reason(client, translated, users):
    article = approve(translated(LOST), users)
    segment = translation.segments_for(article)[1]
    flag = next(f for _, f in translation.article_flags(article) if f.blocks)
    url = reverse("desk:override_flag", args=[article.slug])
    form = {"segment": segment.pk, "kind": flag.kind, "subject": flag.subject, "reason": "Fine."}

    client.force_login(users["translator"])
    assert client.post(url, form).status_code == 403
    client.force_login(users["reviewer"])
    blank = client.post(url, form | {"reason": "  "})
    assert blank.status_code == 409
    assert "Say why the English is right" in blank.text
    gone = client.post(url, form | {"subject": "nothing-like-it"})
    assert gone.status_code == 409
    assert "no longer raised" in gone.text
    assert not AuditRecord.objects.filter(action="override_check").exists()
    done = client.post(url, form)
    assert done.status_code == 302
    assert AuditRecord.objects.filter(action="override_check").count() == 1

    Revision.objects.filter(pk=article.current_revision_id).update(author=users["reviewer"])
    with pytest.raises(workflow.WorkflowError, match="Four eyes"):
        workflow.override_flag(article, segment_id=segment.pk, kind=flag.kind,
                               subject=flag.subject, reason="Mine.", actor=users["reviewer"])  # fmt: skip


def test_the_review_screen_lists_every_flag_with_a_way_to_override(client, translated, users):
    article = approve(translated([*LOST, *labwani("Kamal al-Labwani")]), users)
    client.force_login(users["reviewer"])
    page = client.get(reverse("desk:review", args=[article.slug]))
    flagged = page.context["flagged"]
    assert [(segment.label, [flag.kind for flag in flags]) for segment, flags in flagged] == [
        ("Paragraph 1", ["attribution", "attribution"])
    ]  # fmt: skip
    assert page.text.count("Override this flag") == 2
    assert "blocks publication" in page.text


def test_the_review_screen_runs_the_checks_once_for_its_list_and_its_verdict(
    client, translated, users, monkeypatch
):
    """The flags listed and the "Translation checks" verdict come from one run of the
    checks, which takes a while on a long story."""
    from articles.translation import checks

    article = approve(translated([*LOST, *labwani("Kamal al-Labwani")]), users)
    runs = []
    real = checks.flags_for
    monkeypatch.setattr(checks, "flags_for", lambda *args: runs.append(1) or real(*args))
    monkeypatch.setattr(translation, "flags_for", checks.flags_for)
    client.force_login(users["reviewer"])
    page = client.get(reverse("desk:review", args=[article.slug]))
    assert [check.passed for check in page.context["checks"] if check.name ==
            "Translation checks"] == [False]  # fmt: skip
    assert len(page.context["flagged"]) == 1
    assert len(runs) == 1


def test_flags_come_back_in_the_same_swap_as_the_save(client, translated, users):
    article = translated(LOST, state="draft")
    segment = translation.segments_for(article)[1]
    client.force_login(users["translator"])
    url = reverse("desk:save_segment", args=[article.slug, segment.pk])
    flagged = client.post(url, {"translation": LOST[0][1], "state": "draft"},
                          headers={"HX-Request": "true"})  # fmt: skip
    assert f'id="status-{segment.pk}"' in flagged.text
    assert "The source attributes this" in flagged.text
    fixed = client.post(url, {"translation": ACTIVISTS["en"], "state": "draft"},
                        headers={"HX-Request": "true"})  # fmt: skip
    assert "translation-flag " not in fixed.text
    assert "The source attributes this" not in fixed.text


# --- A reviewer's trial: 72 faithful pairs, 50 with one error each, 28 of names -------------
# Written by a colleague who had not seen the checks, in the manner of Syrian outlets.

TRIAL = json.loads(
    (Path(__file__).parent / "fixtures" / "translation_trial.json").read_text("utf-8")
)
# Errors these checks are not built to see, each stated in the closing note of issue 15:
# a second attribution of the same kind dropped while one is kept (checked per segment,
# not per claim), figures swapped between nouns, a currency changed, a clause without a
# number dropped from a long sentence.
BEYOND_THE_CHECKS = {"E36", "E41", "E45", "E48"}
# Names whose Arabic the alignment cannot find: a name one English word longer than its
# Arabic (Abdullah al-Khatib), a title the alignment leaves out (Sheikh), Geir (غير is a
# function word), Binnish (بنش: the English doubles a vowel into a consonant), Albu Kamal.
NAMES_MISSED = {"Abdullah al-Khatib", "Geir Pedersen", "Sheikh al-Hadid", "Binnish",
                "Sheikh Maqsoud", "Albu Kamal"}  # fmt: skip


def every_flag(source, english):
    flags = [m.message() for m in number_mismatches(source, english)]
    flags += [lost.message() for lost in lost_attributions(source, english)]
    omission = possible_omission(source, english)
    return flags + ([omission.message()] if omission else [])


@pytest.mark.parametrize("pair", TRIAL["faithful"], ids=[p["id"] for p in TRIAL["faithful"]])
def test_a_faithful_translation_from_the_trial_raises_no_flag(pair):
    assert every_flag(pair["ar"], pair["en"]) == []


ERRONEOUS = [p for p in TRIAL["erroneous"] if p["id"] not in BEYOND_THE_CHECKS]


@pytest.mark.parametrize("pair", ERRONEOUS, ids=[p["id"] for p in ERRONEOUS])
def test_an_error_from_the_trial_is_flagged(pair):
    assert every_flag(pair["ar"], pair["en"]), pair["note"]


@pytest.mark.parametrize("pair", TRIAL["names"], ids=[p["id"] for p in TRIAL["names"]])
def test_names_from_the_trial_align_with_their_arabic(pair):
    found = {
        (name.english, normalize(name.arabic)) for name in aligned_names(pair["ar"], pair["en"])
    }
    for english, arabic in pair["expected"]:
        if english not in NAMES_MISSED:
            assert (english, normalize(arabic)) in found


def test_the_glossary_button_of_a_flag_is_a_form_of_its_own(client, translated, users):
    """A form inside another is dropped by browsers: the button would save the segment."""
    from html.parser import HTMLParser

    class Forms(HTMLParser):
        depth, nested = 0, 0

        def handle_starttag(self, tag, attrs):
            if tag == "form":
                self.nested += self.depth > 0
                self.depth += 1

        def handle_endtag(self, tag):
            if tag == "form":
                self.depth -= 1

    publish(translated(labwani("Kamal al-Labwani")), users)
    article = translated(labwani("Kamel al-Labwani"))
    client.force_login(users["reviewer"])
    page = client.get(reverse("desk:translate", args=[article.slug])).text
    assert "to the glossary" in page
    forms = Forms()
    forms.feed(page)
    assert forms.nested == 0
    segment = translation.segments_for(article)[1]
    saved = client.post(reverse("desk:save_segment", args=[article.slug, segment.pk]),
                        {"translation": labwani("Kamel al-Labwani")[0][1], "state": "done"},
                        headers={"HX-Request": "true"})  # fmt: skip
    assert f'id="flags-{segment.pk}" class="translation-flags segment-flags"' in saved.text
    assert 'data-hx-swap-oob="true"' in saved.text
