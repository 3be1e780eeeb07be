"""Several people save the same article at once: every save is accepted or refused as a
conflict (409) and kept in the history; none errors, none is lost. PostgreSQL only: its row
locks and snapshots are what this is about (CI runs it there)."""

import json
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from articles.body import paragraph
from articles.models import Article, Revision

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL; CI runs this there"
    ),
    pytest.mark.django_db(transaction=True),
]
ROUNDS, PEOPLE = 50, 4


def run_together(jobs):
    """Run the callables at once (a barrier releases them together); their errors."""
    start, errors = threading.Barrier(len(jobs)), []

    def run(job):
        try:
            start.wait()
            job()
        except Exception as error:  # reported by the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_four_people_saving_at_once_for_fifty_rounds(reference_data, users, make_article):
    article = make_article("Story", paragraphs=["Original."])
    people = [users["editor"], users["reviewer"], users["admin"], users["translator"]]
    from django.contrib.auth.models import Group

    users["translator"].groups.add(Group.objects.get(name="editor"))
    clients = []
    for person in people:
        client = Client(raise_request_exception=False)
        client.force_login(person)
        clients.append(client)
    url = reverse("desk:edit", args=[article.slug])
    statuses = []
    for round_number in range(ROUNDS):
        current = Article.objects.get(pk=article.pk).current_revision

        def save(client, n=None, round_number=round_number, current=current):
            text = f"Round {round_number}, person {n}."
            response = client.post(url, {
                "based_on": current.pk, "headline": "Story", "outlet": article.outlet_id,
                "body": json.dumps([paragraph(text)]),
            })  # fmt: skip
            statuses.append((response.status_code, text))

        jobs = [lambda c=c, n=n: save(c, n) for n, c in enumerate(clients)]
        assert run_together(jobs) == []
    assert {status for status, _ in statuses} <= {302, 409}
    assert sum(1 for status, _ in statuses if status == 302) >= ROUNDS  # one per round at least
    kept = {revision.paragraph_texts[0] for revision in Revision.objects.filter(article=article)}
    assert {text for _, text in statuses} <= kept  # every save is in the history


def test_an_approval_racing_a_save(reference_data, users, ready_article, writer):
    article = ready_article("in_review")
    editor, reviewer = Client(raise_request_exception=False), Client(raise_request_exception=False)
    editor.force_login(writer)
    reviewer.force_login(users["reviewer"])
    statuses = []
    for round_number in range(20):
        Article.objects.filter(pk=article.pk).update(status="in_review")
        current = Article.objects.get(pk=article.pk).current_revision

        def save(current=current, round_number=round_number):
            response = editor.post(reverse("desk:edit", args=[article.slug]), {
                "based_on": current.pk, "headline": "Ready to publish",
                "outlet": article.outlet_id, "keywords": "Palmyra",
                "disclaimer": current.disclaimer_id,
                "body": json.dumps([paragraph(f"Edit {round_number}.")]),
            })  # fmt: skip
            statuses.append(("save", response.status_code))

        def approve(current=current):
            response = reviewer.post(
                reverse("desk:take_action", args=[article.slug, "approve"]),
                {"seen_revision": current.number},
            )
            statuses.append(("approve", response.status_code))

        assert run_together([save, approve]) == []
    assert all(status in {302, 409} for _, status in statuses), statuses
    approved = "approve"
    for record in article.audit_records.filter(action=approved):
        # Nobody approved text they had not seen: the approved revision is the one on screen.
        assert record.revision.number <= Article.objects.get(pk=article.pk).current_revision.number


def test_an_autosave_in_flight_while_the_editor_saves(reference_data, users, make_article):
    """30 rounds of an autosave racing the same editor's save: afterwards there is never a
    draft tied to the revision the save replaced, and the next save is never refused."""
    from articles.models import WorkingCopy

    article = make_article("Story", paragraphs=["Original."])
    saving, autosaving = (
        Client(raise_request_exception=False),
        Client(raise_request_exception=False),
    )
    for client in (saving, autosaving):
        client.force_login(users["editor"])
    statuses = []
    for round_number in range(30):
        current = Article.objects.get(pk=article.pk).current_revision
        data = {"based_on": current.pk, "headline": "Story", "outlet": article.outlet_id,
                "body": json.dumps([paragraph(f"Round {round_number}.")])}  # fmt: skip

        def save(data=data):
            statuses.append(
                saving.post(reverse("desk:edit", args=[article.slug]), data).status_code
            )

        def keep_draft(data=data):
            response = autosaving.post(reverse("desk:autosave_draft", args=[article.slug]), data)
            statuses.append(response.status_code)

        assert run_together([save, keep_draft]) == []
        current = Article.objects.get(pk=article.pk).current_revision
        stale = WorkingCopy.objects.unsaved().filter(article=article).exclude(based_on=current)
        assert not stale.exists(), f"round {round_number}: a draft of an older revision came back"
        WorkingCopy.objects.filter(article=article).delete()  # the editor discards any draft
    assert set(statuses) == {200, 302}
