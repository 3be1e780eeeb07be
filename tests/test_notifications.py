"""Who hears about what: reviewers of submissions, everyone who worked on the article of
the outcome, never the person who acted."""

from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from articles import workflow
from articles.body import paragraph
from tests.conftest import deliver_queued

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_emails(users, writer):
    for user in users.values():
        user.email = f"{user.username}@newsroom.example"
        user.save()
    return users


def recipients():
    """Who got an email, once the worker has sent what was queued."""
    deliver_queued()
    return sorted(address for message in mail.outbox for address in message.to)


def test_submitting_emails_every_reviewer(
    with_emails, ready_article, writer, django_capture_on_commit_callbacks
):
    article = ready_article("drafting")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.apply(article, "submit", actor=writer, comment="Over to you.")
    assert recipients() == ["admin@newsroom.example", "reviewer@newsroom.example"]
    message = mail.outbox[0]
    assert message.subject == "[Newsroom] Submitted for review: Ready to publish"
    assert "Over to you." in message.body
    assert f"/desk/{article.slug}/review/" in message.body


@pytest.mark.parametrize(
    ("state", "action", "comment"),
    [
        ("in_review", "request_changes", "Name the source."),
        ("approved", "publish", ""),
        ("published", "unpublish", "Legal complaint."),
        ("correcting", "publish_correction", "The date was wrong."),
    ],
)
def test_outcomes_reach_everyone_who_worked_on_it_but_the_actor(
    with_emails, ready_article, writer, django_capture_on_commit_callbacks,
    state, action, comment,
):  # fmt: skip
    users = with_emails
    article = ready_article(state)
    article.assignee = users["translator"]
    article.save()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.apply(article, action, actor=users["reviewer"], comment=comment)
    assert recipients() == ["translator@newsroom.example", "writer@newsroom.example"]
    assert comment in mail.outbox[0].body


def test_nobody_without_an_address_and_no_inactive_user_is_mailed(
    with_emails, ready_article, writer, django_capture_on_commit_callbacks
):
    get_user_model().objects.filter(username="admin").update(is_active=False)
    get_user_model().objects.filter(username="reviewer").update(email="")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.apply(ready_article("drafting"), "submit", actor=writer)
    assert recipients() == []


def test_a_mail_server_failure_does_not_undo_the_transition_and_is_tried_again(
    with_emails, ready_article, writer
):
    from articles.models import Notification

    article = ready_article("drafting")
    workflow.apply(article, "submit", actor=writer)
    article.refresh_from_db()
    assert article.status == "in_review"  # committed, whatever the mail server does
    failing = mock.patch("articles.notifications.send_mass_mail", side_effect=OSError("refused"))
    with failing:
        deliver_queued()
    notification = Notification.objects.get(article=article)
    assert (notification.status, notification.attempts) == ("retrying", 1)
    assert notification.last_error == "OSError: refused"
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("state", "note"),
    [
        ("approved", "Edited after approval: back to review."),
        ("scheduled", "the schedule is cancelled; back to review."),
    ],
)
def test_editing_an_approved_or_scheduled_article_tells_the_reviewers(
    with_emails, ready_article, django_capture_on_commit_callbacks, state, note
):
    from articles.editing import save_revision

    users = with_emails
    article = ready_article(state)
    revision = article.current_revision
    with django_capture_on_commit_callbacks(execute=True):
        save_revision(
            article, author=users["editor"], based_on=revision, headline="Edited",
            standfirst="", body=[paragraph("Edited.")], disclaimer=revision.disclaimer,
            keywords=[], outlet=article.outlet, assignee=None,
        )  # fmt: skip
    assert recipients() == ["admin@newsroom.example", "reviewer@newsroom.example"]
    assert note in mail.outbox[0].body
    assert "“Edited”: revision saved by editor." in mail.outbox[0].body


def test_a_new_version_of_the_source_reaches_whoever_is_working_on_the_article(
    with_emails, import_seeds, write_seed, django_capture_on_commit_callbacks
):
    from articles.editing import save_revision
    from articles.models import Article

    path = write_seed("report.txt", "Headline\n\nFirst version, SANA reported.\n")
    import_seeds(path)
    article = Article.objects.get()
    with django_capture_on_commit_callbacks(execute=True):  # an untouched draft just follows
        write_seed("report.txt", "Headline\n\nSecond version, SANA reported.\n")
        import_seeds(path)
    assert recipients() == []
    article.refresh_from_db()
    save_revision(
        article, author=with_emails["editor"], based_on=article.current_revision,
        headline="Edited", standfirst="", body=[paragraph("Edited.")], disclaimer=None,
        keywords=[], outlet=article.outlet, assignee=None,
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        write_seed("report.txt", "Headline\n\nThird version, SANA reported.\n")
        import_seeds(path)
    assert recipients() == ["editor@newsroom.example"]
    assert "New version of report.txt arrived; the editors' draft is kept" in mail.outbox[0].body


def test_a_translator_halfway_through_the_segments_hears_of_a_new_source_version(
    with_emails, import_seeds, write_seed, django_capture_on_commit_callbacks
):
    from articles import translation
    from articles.models import Article

    path = write_seed("ar.txt", "المصدر: عنب بلدي\n\nهجوم\n\nالفقرة الأولى.\n\nالفقرة الثانية.\n")
    import_seeds(path)
    first = translation.segments_for(Article.objects.get())[1]
    translation.save_segment(first, translation="The first paragraph.", state="done",
                             user=with_emails["translator"])  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        write_seed(
            "ar.txt", "المصدر: عنب بلدي\n\nهجوم\n\nالفقرة الأولى معدلة.\n\nالفقرة الثانية.\n"
        )
        import_seeds(path)
    assert recipients() == ["translator@newsroom.example"]


def test_who_is_told_costs_one_query_whatever_the_history_of_the_people_on_it(
    make_article, users, django_assert_num_queries
):
    """An editor with a long history (here 300 revisions of other articles) costs no more than
    a new one: the query starts from the article. make bench times it at 10,000."""
    from articles.models import Revision
    from articles.notifications import contributors

    busy = users["editor"]
    others = [make_article(f"Other {n}") for n in range(30)]
    Revision.objects.bulk_create(
        Revision.build(article=other, number=n + 2, headline="x", author=busy)
        for other in others
        for n in range(10)
    )
    article = make_article("This one", assignee=users["translator"])
    Revision.objects.create(article=article, number=2, headline="x", headline_key="x", author=busy)
    with django_assert_num_queries(1):
        people = set(contributors(article))
    assert people == {busy, users["translator"]}


def test_a_hanging_mail_server_never_slows_publish_and_a_failed_send_is_retried_and_visible(
    client, with_emails, ready_article
):
    """Publish answers at once (nothing is sent in the request); the worker sends later; a
    failed attempt is shown on the review screen and tried again after a pause."""
    import time

    from django.urls import reverse
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from articles.models import Notification

    article = ready_article("approved")
    client.force_login(with_emails["reviewer"])
    hanging = mock.patch(
        "articles.notifications.send_mass_mail", side_effect=lambda *a, **k: time.sleep(30)
    )
    with hanging:
        started = time.monotonic()
        response = client.post(reverse("desk:take_action", args=[article.slug, "publish"]))
        assert time.monotonic() - started < 2
    assert response.status_code == 302
    notification = Notification.objects.get(article=article)
    assert notification.status == "queued"

    with mock.patch("articles.notifications.send_mass_mail", side_effect=TimeoutError("timed out")):
        deliver_queued()
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == ("retrying", 1)
    page = client.get(reverse("desk:review", args=[article.slug])).content.decode()
    assert "failed, to be tried again" in page
    assert "TimeoutError: timed out" in page
    assert deliver_queued() == 0  # the retry waits its pause
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    deliver_queued()
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == ("sent", 2)
    assert recipients() == ["writer@newsroom.example"]
    assert "sent" in client.get(reverse("desk:review", args=[article.slug])).content.decode()
