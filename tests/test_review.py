"""The review screen: what a reviewer sees, the buttons each role gets, and publication
refused, with the reason on screen, while any publishing check fails."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.body import paragraph
from articles.models import Article, ArticleStatus, AuditRecord, Outlet, Revision
from tests.conftest import add_read_also

pytestmark = pytest.mark.django_db


def review_url(article):
    return reverse("desk:review", args=[article.slug])


def action_url(article, name):
    return reverse("desk:take_action", args=[article.slug, name])


def break_headline(article):
    Revision.objects.filter(pk=article.current_revision_id).update(headline="")


def break_body(article):
    Revision.objects.filter(pk=article.current_revision_id).update(body=[])


def break_disclaimer(article):
    Revision.objects.filter(pk=article.current_revision_id).update(disclaimer=None)


def break_read_also(article):
    add_read_also(
        article.current_revision, after_paragraph=1, target_headline="A story not yet run"
    )


def break_translation(article):
    story = article.source_story
    story.language = "ar"
    story.save()
    Revision.objects.filter(pk=article.current_revision_id).update(
        body=[paragraph("English."), paragraph("قتل عنصران من قوات النظام")]
    )


def break_keywords(article):
    article.current_revision.keywords.clear()


@pytest.mark.parametrize(
    ("breaks", "reason"),
    [
        (break_headline, "The article needs a headline."),
        (break_body, "The article has no body text."),
        (break_disclaimer, "SY-24’s stories must carry the disclaimer; none is attached."),
        (break_read_also, "these do not: “A story not yet run”"),
        (break_translation, "Untranslated source text remains in: paragraph 2."),
        (break_keywords, "Add at least one keyword."),
    ],
    ids=["headline", "body", "disclaimer", "read-also", "translation", "keywords"],
)
def test_publication_is_refused_while_a_check_fails(client, users, ready_article, breaks, reason):
    article = ready_article("approved")
    breaks(article)
    client.force_login(users["reviewer"])

    page = client.get(review_url(article)).content.decode()
    assert reason in page
    assert 'disabled aria-describedby="blocked-publish"' in page

    response = client.post(action_url(article, "publish"))
    assert response.status_code == 409
    refusal = response.content.decode()
    assert "Refused:" in refusal
    assert reason in refusal
    article.refresh_from_db()
    assert (article.status, article.published_revision) == ("approved", None)


def test_an_outlet_that_needs_no_disclaimer_publishes_without_one(client, users, ready_article):
    Outlet.objects.filter(name="SY-24").update(requires_disclaimer=False)
    article = ready_article("approved")
    break_disclaimer(article)
    client.force_login(users["reviewer"])
    assert client.post(action_url(article, "publish")).status_code == 302
    article.refresh_from_db()
    assert article.status == "published"


def test_an_editor_gets_no_approve_button_and_a_direct_post_is_refused(
    client, users, ready_article
):
    article = ready_article("in_review")
    client.force_login(users["editor"])
    page = client.get(review_url(article)).content.decode()
    assert action_url(article, "approve") not in page
    assert action_url(article, "spike") in page  # what editors may do is there

    response = client.post(action_url(article, "approve"))
    assert response.status_code == 403
    assert "Only reviewers can do this." in response.content.decode()
    article.refresh_from_db()
    assert article.status == "in_review"


def test_a_reviewer_sees_the_article_the_diff_the_checks_and_the_conversation(
    client, users, ready_article, writer
):
    article = ready_article("in_review")
    AuditRecord.objects.create(
        actor=writer, action="submit", article=article, comment="Ready, I think."
    )
    client.force_login(users["reviewer"])
    page = client.get(review_url(article)).content.decode()
    for text in [
        "As readers will see it",
        "Ready to publish",  # the headline, in the reader's view
        "Nothing to compare with: this is the first version.",
        "Publishing checks",
        "Ready, I think.",
        action_url(article, "approve"),
        action_url(article, "request_changes"),
    ]:
        assert text in page


def test_requesting_changes_needs_a_comment_and_shows_it_in_the_conversation(
    client, users, ready_article
):
    article = ready_article("in_review")
    client.force_login(users["reviewer"])
    response = client.post(action_url(article, "request_changes"), {"comment": ""})
    assert response.status_code == 409
    assert "What needs changing is required." in response.content.decode()

    response = client.post(
        action_url(article, "request_changes"), {"comment": "Name the source."}, follow=True
    )
    assert "changes requested" in response.content.decode()
    assert "Name the source." in response.content.decode()
    article.refresh_from_db()
    assert article.status == "changes_requested"


def test_scheduling_reads_the_time_in_the_newsrooms_zone_and_stores_utc(
    client, users, ready_article, settings
):
    settings.TIME_ZONE = "Asia/Damascus"
    article = ready_article("approved")
    client.force_login(users["reviewer"])
    tomorrow = (timezone.localtime() + timedelta(days=1)).date()
    response = client.post(action_url(article, "schedule"), {"when": f"{tomorrow}T09:30"})
    assert response.status_code == 302
    article.refresh_from_db()
    expected = datetime(tomorrow.year, tomorrow.month, tomorrow.day, 9, 30,
                        tzinfo=ZoneInfo("Asia/Damascus"))  # fmt: skip
    assert article.scheduled_for == expected
    assert article.scheduled_for.astimezone(ZoneInfo("UTC")).hour == 6
    page = client.get(review_url(article)).content.decode()
    assert "09:30</time> (Asia/Damascus)" in page


def test_a_bad_time_is_a_clear_message(client, users, ready_article):
    article = ready_article("approved")
    client.force_login(users["reviewer"])
    response = client.post(action_url(article, "schedule"), {"when": "tomorrow-ish"})
    assert response.status_code == 409
    assert "Give the time as a date and a time" in response.content.decode()


def test_unpublishing_warns_about_articles_that_link_here(client, users, ready_article):
    article = ready_article("published", headline="The target")
    linking = ready_article("published", headline="The linking story")
    add_read_also(linking.published_revision, after_paragraph=1,
        target_headline="The target", target=article,
    )  # fmt: skip
    client.force_login(users["reviewer"])
    page = client.get(review_url(article)).content.decode()
    assert "link to this one as Read Also" in page
    assert "The linking story" in page


def test_a_withdrawal_notice_is_kept_when_unpublishing(client, users, ready_article):
    article = ready_article("published")
    client.force_login(users["reviewer"])
    client.post(
        action_url(article, "unpublish"),
        {"comment": "Legal complaint", "withdrawal_notice": "This report was withdrawn."},
    )
    article.refresh_from_db()
    assert article.status == ArticleStatus.UNPUBLISHED
    assert article.withdrawal_notice == "This report was withdrawn."
    assert article not in Article.objects.published()


def test_an_unknown_action_is_not_found(client, users, ready_article):
    article = ready_article("approved")
    client.force_login(users["reviewer"])
    assert client.post(action_url(article, "obliterate")).status_code == 404


def test_an_arabic_source_is_shown_right_to_left_beside_the_translation(
    client, users, make_article
):
    article = make_article("", language="ar", paragraphs=["قتل عنصران"], outlet="Enab Baladi")
    client.force_login(users["reviewer"])
    page = client.get(review_url(article)).content.decode()
    assert '<div lang="ar" dir="rtl">' in page
    assert "<p>قتل عنصران</p>" in page
    assert "No English version to compare with yet" in page


def test_approving_text_saved_after_the_page_was_opened_is_refused(
    client, users, ready_article, writer
):
    article = ready_article("in_review")
    client.force_login(users["reviewer"])
    page = client.get(review_url(article)).content.decode()
    assert 'name="seen_revision" value="1"' in page
    Revision.build(article=article, number=2, headline="Changed behind the reviewer's back",
                   body=[paragraph("New.")], author=writer).save()  # fmt: skip
    Article.objects.filter(pk=article.pk).update(current_revision=article.revisions.get(number=2))
    response = client.post(action_url(article, "approve"), {"seen_revision": 1, "comment": "OK"})
    assert response.status_code == 409
    text = response.content.decode()
    assert "Revision 2 was saved after you opened this page (you saw revision 1)" in text
    assert ">OK</textarea>" in text  # what the reviewer typed is still there
    article.refresh_from_db()
    assert article.status == "in_review"


def test_the_side_by_side_says_which_segments_are_unfinished_in_words(client, users, make_article):
    from articles import translation
    from articles.editing import save_translation

    article = make_article("", language="ar", paragraphs=["قتل عنصران", "في درعا"],
                           outlet="Enab Baladi")  # fmt: skip
    headline, first, _untranslated = translation.segments_for(article)
    for segment, state in [(headline, "done"), (first, "draft")]:
        translation.save_segment(segment, translation=f"English {segment.kind}", state=state,
                                 user=users["translator"])  # fmt: skip
    save_translation(article, author=users["translator"])
    client.force_login(users["reviewer"])
    page = client.get(review_url(article)).content.decode()
    assert 'English paragraph <span class="flag">segment draft</span>' in page
    assert '— <span class="flag">untranslated</span>' in page


def test_after_unpublishing_the_message_names_what_readers_saw(client, users, ready_article):
    article = ready_article("correcting", "What readers saw")
    Revision.objects.filter(pk=article.current_revision.pk).update(headline="Unsaved idea")
    client.force_login(users["reviewer"])
    response = client.post(action_url(article, "unpublish"),
                           {"comment": "Legal complaint.", "seen_revision": 2}, follow=True)  # fmt: skip
    assert "“What readers saw”: unpublished." in response.content.decode()


def test_a_live_article_links_to_its_public_page(client, users, ready_article):
    article = ready_article("published")
    client.force_login(users["reviewer"])
    page = client.get(review_url(article)).content.decode()
    assert f'<a href="/news/{article.slug}/">On the site</a>' in page


def test_after_a_resubmission_the_first_diff_is_against_the_version_changes_were_asked_of(
    client, users, ready_article, writer
):
    from articles import workflow
    from articles.editing import save_revision

    article = ready_article("in_review")
    workflow.apply(article, "request_changes", actor=users["reviewer"], comment="Bold the name.")
    asked_of = article.current_revision
    first = asked_of.body[0]
    bolded = {**first, "content": [{**first["content"][0], "marks": [{"type": "strong"}]}]}
    save_revision(
        article, author=writer, based_on=asked_of, headline=asked_of.headline,
        standfirst=asked_of.standfirst, body=[bolded], disclaimer=asked_of.disclaimer,
        keywords=list(asked_of.keywords.all()), outlet=article.outlet, assignee=None,
    )  # fmt: skip
    article.refresh_from_db()
    workflow.apply(article, "submit", actor=writer)
    client.force_login(users["reviewer"])
    response = client.get(review_url(article))
    assert response.context["against"] == "reviewed"
    assert response.context["baseline"] == asked_of
    [body] = [field for field in response.context["diff"] if field.label == "Body"]
    [block] = body.blocks
    assert block.notes == ("“A paragraph.”: bold added.",)
    page = response.content.decode()
    assert f"Changes since the version last reviewed (r{asked_of.number})" in page
    assert page.index("Changes since the version last reviewed") < page.index(
        "As readers will see it"
    )  # what changed is what the reviewer meets first
    assert response.context["baselines"] == {"reviewed": asked_of}  # no other version yet
