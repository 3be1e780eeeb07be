"""Reviewers override translation flags and publish translations naming the same people at
once: every override is recorded once per flag, every publication writes its names, none
errors. PostgreSQL only: its row locks are what this is about (CI runs it there)."""

import pytest
from django.db import connection

from articles import translation, workflow
from articles.models import AuditRecord, FlagOverride, NameUse
from tests.test_concurrent_saves import run_together
from tests.test_translation_checks import LOST, approve, labwani

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL; CI runs this there"
    ),
    pytest.mark.django_db(transaction=True),
]


def translated_story(make_article, users, pairs):
    article = make_article("هجوم في البادية", language="ar", paragraphs=[ar for ar, _ in pairs],
                           outlet="Enab Baladi")  # fmt: skip
    english = ["Attack in the Badia", *(en for _, en in pairs)]
    for segment, text in zip(translation.segments_for(article), english, strict=True):
        translation.save_segment(segment, translation=text, state="done", user=users["translator"])
    return article


def test_two_reviewers_override_the_same_flags_at_once(reference_data, users, make_article):
    article = approve(translated_story(make_article, users, LOST), users)
    segment = translation.segments_for(article)[1]
    flags = [flag for _, flag in translation.article_flags(article) if flag.blocks]
    reviewers = [users["reviewer"], users["admin"]]
    jobs = [
        lambda flag=flag, reviewer=reviewer: workflow.override_flag(
            article, segment_id=segment.pk, kind=flag.kind, subject=flag.subject,
            reason=f"Checked by {reviewer}.", actor=reviewer,
        )
        for flag in flags
        for reviewer in reviewers
    ]  # fmt: skip
    assert run_together(jobs) == []
    assert FlagOverride.objects.count() == len(flags)  # one per flag, the last reason kept
    assert AuditRecord.objects.filter(action="override_check").count() == len(jobs)
    assert not [flag for _, flag in translation.article_flags(article) if flag.blocks]


def test_publications_naming_the_same_person_at_once(reference_data, users, make_article):
    articles = [
        approve(translated_story(make_article, users, labwani("Kamal al-Labwani")), users)
        for _ in range(4)
    ]
    jobs = [
        lambda article=article: workflow.apply(article, "publish", actor=users["reviewer"])
        for article in articles
    ]
    assert run_together(jobs) == []
    assert NameUse.objects.filter(key="كمال اللبواني").count() == 4
