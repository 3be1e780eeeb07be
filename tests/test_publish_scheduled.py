"""`manage.py publish_scheduled`: what is due is published, once, however many servers run it."""

import threading
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from articles import workflow
from articles.models import Article, AuditRecord, Revision


def schedule(article, minutes):
    Article.objects.filter(pk=article.pk).update(
        scheduled_for=timezone.now() + timedelta(minutes=minutes)
    )


@pytest.mark.django_db
def test_due_articles_are_published_and_others_wait(ready_article):
    due, later = ready_article("scheduled", "Due"), ready_article("scheduled", "Later")
    schedule(due, -1)
    out = StringIO()
    call_command("publish_scheduled", stdout=out)
    assert out.getvalue() == f"published  {due.slug}\n"
    due.refresh_from_db()
    later.refresh_from_db()
    assert (due.status, due.published_revision, due.scheduled_for) == (
        "published", due.current_revision, None,
    )  # fmt: skip
    assert later.status == "scheduled"
    record = AuditRecord.objects.get(article=due)
    assert (record.actor, record.action) == (None, "publish_scheduled")


@pytest.mark.django_db
def test_a_due_article_failing_its_checks_goes_back_to_approved(ready_article):
    article = ready_article("scheduled")
    schedule(article, -1)
    Revision.objects.filter(pk=article.current_revision_id).update(headline="")
    err = StringIO()
    call_command("publish_scheduled", stdout=StringIO(), stderr=err)
    article.refresh_from_db()
    assert (article.status, article.published_revision) == ("approved", None)
    assert "checks failed" in err.getvalue()
    record = AuditRecord.objects.get(article=article)
    assert record.action == "scheduled_publication_failed"
    assert "The article needs a headline." in record.comment


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL; CI runs this there"
)
@pytest.mark.django_db(transaction=True)
def test_concurrent_runs_publish_each_article_exactly_once(reference_data, ready_article):
    articles = [ready_article("scheduled", f"Story {n}") for n in range(30)]
    Article.objects.update(scheduled_for=timezone.now() - timedelta(minutes=1))
    runs, start = 4, threading.Barrier(4)
    results, errors = [], []

    def run():
        try:
            start.wait()
            published, refused = workflow.publish_due()
            results.append([a.pk for a in published] + [a.pk for a in refused])
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(runs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    handled = sorted(pk for result in results for pk in result)
    assert handled == sorted(a.pk for a in articles)  # each article once, by one run
    assert sum(1 for result in results if result) > 1  # the work really was shared
    published = AuditRecord.objects.filter(action="publish_scheduled")
    assert published.count() == 30
    assert set(Article.objects.values_list("status", flat=True)) == {"published"}


@pytest.mark.django_db
def test_an_unexpected_error_on_one_article_does_not_hold_up_the_others(ready_article, caplog):
    from unittest import mock

    broken, fine = ready_article("scheduled", "Broken"), ready_article("scheduled", "Fine")
    Article.objects.update(scheduled_for=timezone.now() - timedelta(minutes=1))
    real_apply = workflow.apply

    def apply(article, name, **kwargs):
        if article.pk == broken.pk:
            raise RuntimeError("disk full")
        return real_apply(article, name, **kwargs)

    with mock.patch("articles.workflow.recorder.apply", side_effect=apply):
        published, refused = workflow.publish_due()
    assert ([a.pk for a in published], refused) == ([fine.pk], [])
    broken.refresh_from_db()
    assert broken.status == "scheduled"  # tried again on the next run
    assert "Scheduled publication of" in caplog.text


@pytest.mark.django_db
def test_reviewers_hear_when_a_scheduled_publication_fails(
    ready_article, users, django_capture_on_commit_callbacks
):
    from django.core import mail

    from tests.conftest import deliver_queued

    users["reviewer"].email = "reviewer@newsroom.example"
    users["reviewer"].save()
    article = ready_article("scheduled")
    schedule(article, -1)
    Revision.objects.filter(pk=article.current_revision_id).update(headline="")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish_due()
    deliver_queued()
    assert [m.to for m in mail.outbox] == [["reviewer@newsroom.example"]]
    assert "Scheduled publication failed" in mail.outbox[0].subject
