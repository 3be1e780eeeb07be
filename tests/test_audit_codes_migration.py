"""Migration 0017 gives every audit record written before it the stable code of its action."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)


def migrate(to):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(to)
    return executor.loader.project_state(to).apps


def test_old_action_phrases_become_codes(reference_data):
    apps = migrate([("articles", "0016_notifications")])
    AuditRecord = apps.get_model("articles", "AuditRecord")
    for phrase in ["submitted for review", "published as scheduled", "revision saved"]:
        AuditRecord.objects.create(action=phrase)
    migrate([("articles", "0017_audit_action_codes")])
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    from articles.models import AuditRecord as Current

    records = Current.objects.order_by("pk")
    assert [r.action for r in records] == ["submit", "publish_scheduled", "edit"]
    assert [r.get_action_display() for r in records] == [
        "submitted for review", "published as scheduled", "revision saved"
    ]  # fmt: skip
