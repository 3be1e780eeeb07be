"""The review workflow's rules, role by role and state by state.

The table below is the specification, written out independently of
articles/workflow.py: each test takes one role, one action and one state and
checks that the action succeeds and is audited where the table allows it, and
is refused, changing nothing, everywhere else.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import workflow
from articles.body import paragraph
from articles.models import Article, ArticleStatus, AuditRecord, Correction

pytestmark = pytest.mark.django_db

ROLES = ["translator", "editor", "reviewer", "admin", "scheduler"]
STATES = [value for value, _ in ArticleStatus.choices]
EVERYONE = {"translator", "editor", "reviewer", "admin"}
EDITORS = {"editor", "reviewer", "admin"}
REVIEWERS = {"reviewer", "admin"}
BEFORE_REVIEW = {"new", "in_translation", "drafting", "changes_requested"}

# action: (who may take it, the states it starts from, the state it reaches)
TABLE = {
    "submit": (EVERYONE, BEFORE_REVIEW, "in_review"),
    "request_changes": (REVIEWERS, {"in_review", "approved"}, "changes_requested"),
    "approve": (REVIEWERS, {"in_review"}, "approved"),
    "publish": (REVIEWERS, {"approved"}, "published"),
    "schedule": (REVIEWERS, {"approved"}, "scheduled"),
    "unschedule": (REVIEWERS, {"scheduled"}, "approved"),
    "publish_scheduled": ({"scheduler"}, {"scheduled"}, "published"),
    "unpublish": (REVIEWERS, {"published", "correcting"}, "unpublished"),
    "spike": (EDITORS, {*BEFORE_REVIEW, "in_review", "approved", "scheduled", "unpublished"}, "spiked"),
    "reopen": (EDITORS, {"spiked", "unpublished"}, "drafting"),
    "start_correction": (EDITORS, {"published"}, "correcting"),
    "discard_correction": (EDITORS, {"correcting"}, "published"),
    "publish_correction": (REVIEWERS, {"correcting"}, "published"),
}  # fmt: skip

SAME = None
EDITABLE = set(STATES) - {"spiked", "unpublished"}

# The changes nobody presses a button for, each recorded by the code that makes it:
# row: (the states it leaves from, the state it reaches; SAME: it stays)
SYSTEM_TABLE = {
    "scheduled_publication_failed": ({"scheduled"}, "approved"),
    "edit": ({"in_translation", "drafting", "changes_requested", "in_review", "correcting"}, SAME),
    "start_drafting": ({"new"}, "drafting"),
    "start_translating": ({"new"}, "in_translation"),
    "edit_approved": ({"approved"}, "in_review"),
    "edit_scheduled": ({"scheduled"}, "in_review"),
    "edit_published": ({"published"}, "correcting"),
    "edit_refused": (EDITABLE, SAME),
    "import": (set(), "new"),
    "source_update": (set(STATES), SAME),
}  # fmt: skip


# A person's action with a form of its own on the review screen, not a button:
# row: (who may take it, the states it leaves from, the state it reaches)
OWN_FORMS = {"override_check": (REVIEWERS, EDITABLE, SAME)}


def test_the_table_names_every_action_the_workflow_has():
    assert set(TABLE) | set(SYSTEM_TABLE) | set(OWN_FORMS) == set(workflow.TRANSITIONS)
    for name, (_, sources, target) in OWN_FORMS.items():
        row = workflow.TRANSITIONS[name]
        assert (set(row.sources), row.target, row.button) == (sources, target, False)


def test_an_override_is_no_button_and_cannot_be_pressed_as_one(users, ready_article):
    article = ready_article("in_review")
    names = [t.name for t, _ in workflow.actions_for(article, users["reviewer"])]
    assert "approve" in names
    assert "override_check" not in names
    with pytest.raises(workflow.WorkflowError, match="no workflow action"):
        workflow.apply(article, "override_check", actor=users["reviewer"], comment="Because.")


CASES = [
    pytest.param(role, action, state, id=f"{role}-{action}-{state}")
    for action in TABLE
    for role in ROLES
    for state in STATES
]


@pytest.mark.parametrize(("role", "action", "state"), CASES)
def test_every_role_action_and_state(users, ready_article, role, action, state):
    article = ready_article(state)
    actor = None if role == "scheduler" else users[role]
    allowed_roles, sources, target = TABLE[action]
    before = (article.status, article.published_revision_id, AuditRecord.objects.count())
    when = timezone.now() + timedelta(days=1)

    if role in allowed_roles and state in sources:
        record = workflow.apply(article, action, actor=actor, comment="Because.", when=when)
        article.refresh_from_db()
        assert article.status == target
        assert (record.actor, record.from_status, record.to_status) == (actor, state, target)
        assert record.revision == article.current_revision
        assert record.comment.endswith("Because.")
        assert AuditRecord.objects.count() == before[2] + 1
    else:
        with pytest.raises(workflow.WorkflowError) as refused:
            workflow.apply(article, action, actor=actor, comment="Because.", when=when)
        assert str(refused.value)  # a reason a person can read
        article.refresh_from_db()
        assert (article.status, article.published_revision_id) == before[:2]
        assert AuditRecord.objects.count() == before[2]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("translator", ["submit"]),
        ("editor", ["submit", "spike"]),
        ("reviewer", ["submit", "spike"]),
    ],
)
def test_the_actions_listed_are_the_ones_allowed(users, ready_article, role, expected):
    article = ready_article("drafting")
    listed = [t.name for t, _ in workflow.actions_for(article, users[role])]
    assert listed == expected


def test_a_reviewer_who_wrote_the_version_may_not_approve_or_publish_it(users, ready_article):
    article = ready_article("in_review")
    reviewer = users["reviewer"]
    article.current_revision.__class__.objects.filter(pk=article.current_revision_id).update(
        author=reviewer
    )
    with pytest.raises(workflow.WorkflowError, match="Four eyes"):
        workflow.apply(article, "approve", actor=reviewer)
    assert "approve" not in [t.name for t, _ in workflow.actions_for(article, reviewer)]
    workflow.apply(article, "approve", actor=users["admin"])  # a second pair of eyes may
    article.refresh_from_db()
    assert article.status == "approved"
    with pytest.raises(workflow.WorkflowError, match="Four eyes"):
        workflow.apply(article, "publish", actor=reviewer)


def test_any_part_of_the_pending_version_counts_not_only_the_last_revision(
    users, ready_article, writer
):
    from articles.models import Revision

    article = ready_article("in_review")
    # The reviewer wrote revision 2; the writer revised it again as revision 3.
    for number, author in [(2, users["reviewer"]), (3, writer)]:
        Revision.build(article=article, number=number, headline="H", body=[paragraph("B")],
                       author=author).save()  # fmt: skip
    with pytest.raises(workflow.WorkflowError, match="Four eyes"):
        workflow.apply(article, "approve", actor=users["reviewer"])


@pytest.mark.parametrize(
    ("state", "action", "message"),
    [
        ("in_review", "request_changes", "What needs changing is required"),
        ("published", "unpublish", "Reason for unpublishing is required"),
        ("drafting", "spike", "Reason for spiking is required"),
        ("correcting", "publish_correction", "A correction is noted for readers: say what changed"),
    ],
)
def test_actions_that_need_a_comment_refuse_without_one(
    users, ready_article, state, action, message
):
    article = ready_article(state)
    with pytest.raises(workflow.WorkflowError, match=message):
        workflow.apply(article, action, actor=users["reviewer"], comment="  ")
    article.refresh_from_db()
    assert article.status == state


def test_scheduling_in_the_past_is_refused(users, ready_article):
    article = ready_article("approved")
    with pytest.raises(workflow.WorkflowError, match="in the past"):
        workflow.apply(
            article, "schedule", actor=users["reviewer"], when=timezone.now() - timedelta(minutes=1)
        )
    with pytest.raises(workflow.WorkflowError, match="date and time"):
        workflow.apply(article, "schedule", actor=users["reviewer"])


def test_publishing_records_first_and_latest_publication(users, ready_article):
    article = ready_article("approved")
    workflow.apply(article, "publish", actor=users["reviewer"])
    article.refresh_from_db()
    assert article.published_revision == article.current_revision
    assert article.published_at == article.last_published_at
    assert article in Article.objects.published()


def test_a_correction_keeps_the_published_version_live_until_it_is_published(
    users, ready_article, writer
):
    from articles.editing import save_revision

    article = ready_article("published")
    live = article.published_revision
    first_published = article.published_at
    draft = save_revision(
        article, author=writer, based_on=live, headline="Corrected headline",
        standfirst="", body=[paragraph("Corrected.")], disclaimer=live.disclaimer,
        keywords=list(live.keywords.all()), outlet=article.outlet, assignee=None,
    )  # fmt: skip
    article.refresh_from_db()
    assert article.status == "correcting"
    assert article.published_revision == live
    assert article in Article.objects.published()  # readers still see the old version

    workflow.apply(article, "publish_correction", actor=users["reviewer"],
                   comment="An earlier version misnamed the town.")  # fmt: skip
    article.refresh_from_db()
    assert article.status == "published"
    assert article.published_revision == draft
    assert article.published_at == first_published
    assert article.last_published_at > first_published
    correction = Correction.objects.get(article=article)
    assert (correction.revision, correction.note) == (
        draft,
        "An earlier version misnamed the town.",
    )


def test_a_correction_with_no_change_is_refused(users, ready_article):
    article = ready_article("published")
    workflow.apply(article, "start_correction", actor=users["editor"])
    with pytest.raises(workflow.WorkflowError, match="Nothing has changed"):
        workflow.apply(article, "publish_correction", actor=users["reviewer"], comment="Fixed.")


@pytest.mark.parametrize(
    ("state", "after"),
    [
        ("new", "drafting"),
        ("drafting", "drafting"),
        ("changes_requested", "changes_requested"),
        ("in_review", "in_review"),
        ("approved", "in_review"),
        ("scheduled", "in_review"),
        ("published", "correcting"),
        ("correcting", "correcting"),
    ],
)
def test_what_an_edit_does_to_the_state(users, ready_article, state, after):
    from articles.editing import save_revision

    article = ready_article(state)
    revision = article.current_revision
    save_revision(
        article, author=users["editor"], based_on=revision, headline="Edited",
        standfirst="", body=[paragraph("Edited.")], disclaimer=revision.disclaimer,
        keywords=[], outlet=article.outlet, assignee=None,
    )  # fmt: skip
    article.refresh_from_db()
    assert article.status == after
    assert article.scheduled_for is None or state != "scheduled"
    if after != state:
        record = AuditRecord.objects.filter(article=article).first()
        assert (record.from_status, record.to_status) == (state, after)


def test_a_first_edit_of_an_arabic_story_starts_translation(users, make_article):
    from articles.editing import save_revision

    article = make_article("", language="ar", paragraphs=["نص عربي"], outlet="Enab Baladi")
    save_revision(
        article, author=users["editor"], based_on=article.current_revision, headline="English",
        standfirst="", body=[paragraph("English.")], disclaimer=None, keywords=[],
        outlet=article.outlet, assignee=None,
    )  # fmt: skip
    article.refresh_from_db()
    assert article.status == "in_translation"


@pytest.mark.parametrize("state", ["spiked", "unpublished"])
def test_spiked_and_unpublished_articles_are_reopened_before_editing(users, ready_article, state):
    from articles.editing import save_revision

    article = ready_article(state)
    with pytest.raises(workflow.WorkflowError, match="reopen it"):
        save_revision(
            article, author=users["editor"], based_on=article.current_revision, headline="X",
            standfirst="", body=[paragraph("X")], disclaimer=None, keywords=[],
            outlet=article.outlet, assignee=None,
        )  # fmt: skip
    assert article.revisions.count() == 1


def test_a_correction_can_be_discarded_and_readers_never_saw_it(users, ready_article):
    article = ready_article("correcting")
    live = article.published_revision
    workflow.apply(article, "discard_correction", actor=users["editor"])
    article.refresh_from_db()
    assert article.status == "published"
    assert article.current_revision == article.published_revision == live
    assert article.revisions.count() == 2  # the discarded draft stays in the history
    assert not Correction.objects.exists()


def test_a_correction_that_restores_the_same_text_is_not_a_change(users, ready_article, writer):
    from articles.editing import save_revision

    article = ready_article("published")
    live = article.published_revision
    save_revision(
        article, author=writer, based_on=live, headline=live.headline,
        standfirst=live.standfirst, body=live.body, disclaimer=live.disclaimer,
        keywords=list(live.keywords.all()), outlet=article.outlet, assignee=None,
    )  # fmt: skip
    article.refresh_from_db()
    assert article.current_revision != live
    with pytest.raises(workflow.WorkflowError, match="Nothing has changed"):
        workflow.apply(article, "publish_correction", actor=users["reviewer"], comment="Same.")


@pytest.mark.parametrize(
    ("kind", "note", "public", "in_json_ld"),
    [
        ("correction", "The toll was 12, not 21.", "top", True),
        ("clarification", "Al-Watan is a pro-government paper.", "top", True),
        ("update", "Two more bodies were found on Sunday.", "bottom", False),
        ("update", "", None, False),  # a silent fix of a typo or a keyword
    ],
)
def test_three_kinds_of_change_to_a_live_article(
    client, users, ready_article, kind, note, public, in_json_ld
):
    from articles.models import Correction

    article = ready_article("correcting")
    workflow.apply(article, "publish_correction", actor=users["reviewer"], comment=note, kind=kind)
    article.refresh_from_db()
    assert article.status == "published"
    record = article.audit_records.get(action="publish_correction")
    assert record.comment.startswith(kind.capitalize())
    page = client.get(article.get_absolute_url()).content.decode()
    body_at = page.index('class="article-body"')
    if public is None:
        assert not Correction.objects.filter(article=article).exists()
    else:
        assert Correction.objects.get(article=article).kind == kind
        assert (page.index(note) < body_at) == (public == "top")
    assert ('"CorrectionComment"' in page) == in_json_ld
    feed = client.get("/feed/").content.decode()
    assert (bool(note) and note in feed) == in_json_ld


@pytest.mark.parametrize("kind", ["correction", "clarification"])
def test_a_correction_or_clarification_needs_its_note(users, ready_article, kind):
    article = ready_article("correcting")
    with pytest.raises(workflow.WorkflowError, match=f"A {kind} is noted for readers"):
        workflow.apply(article, "publish_correction", actor=users["reviewer"], kind=kind)


# --- The system's rows -------------------------------------------------------------------------


def save_edit(article, author, based_on=None):
    from articles.editing import save_revision

    revision = article.current_revision
    return save_revision(
        article, author=author, based_on=based_on or revision, headline="Edited",
        standfirst="", body=[paragraph("Edited.")], disclaimer=revision.disclaimer,
        keywords=[], outlet=article.outlet, assignee=None,
    )  # fmt: skip


@pytest.mark.parametrize("state", STATES)
def test_an_edit_takes_the_row_for_its_state(users, ready_article, state):
    article = ready_article(state)
    rows = [name for name in ("edit", "start_drafting", "edit_approved", "edit_scheduled",
                              "edit_published") if state in SYSTEM_TABLE[name][0]]  # fmt: skip
    audited = AuditRecord.objects.count()
    if not rows:
        with pytest.raises(workflow.WorkflowError, match="reopen it before editing"):
            save_edit(article, users["editor"])
        assert AuditRecord.objects.count() == audited
        return
    [row] = rows
    revision = save_edit(article, users["editor"])
    article.refresh_from_db()
    target = SYSTEM_TABLE[row][1] or state
    assert (article.status, article.current_revision) == (target, revision)
    record = AuditRecord.objects.latest("pk")
    assert (record.action, record.actor, record.from_status, record.to_status) == (
        "edit",
        users["editor"],
        state,
        target,
    )
    assert AuditRecord.objects.count() == audited + 1


@pytest.mark.parametrize("state", sorted(EDITABLE))
def test_an_edit_of_an_older_revision_is_recorded_and_changes_no_state(users, ready_article, state):
    article = ready_article(state)
    first = article.current_revision
    save_edit(article, users["editor"])
    article.refresh_from_db()
    status, current = article.status, article.current_revision
    from articles.editing import StaleEdit

    with pytest.raises(StaleEdit):
        save_edit(article, users["reviewer"], based_on=first)
    article.refresh_from_db()
    assert (article.status, article.current_revision) == (status, current)
    record = AuditRecord.objects.latest("pk")
    assert (record.action, record.from_status, record.to_status) == ("edit_refused", status, status)


SYSTEM_CASES = [
    pytest.param(row, state, id=f"{row}-{state}") for row in SYSTEM_TABLE for state in STATES
]


@pytest.mark.parametrize(("row", "state"), SYSTEM_CASES)
def test_the_recorder_moves_a_system_row_only_from_its_states(ready_article, row, state):
    """What the importer, the scheduler and a save record goes through one function, which
    refuses a state its row does not leave from (a caller that skipped the rules)."""
    article = ready_article(state)
    sources, target = SYSTEM_TABLE[row]
    audited = AuditRecord.objects.count()
    change = workflow.Change(article, article.current_revision, "Because.")
    if state in sources or (not sources and state == target):
        [record] = workflow.record(row, change)
        article.refresh_from_db()
        assert article.status == (target or state)
        assert record.from_status == ("" if not sources else state)
        assert (record.actor, record.to_status) == (None, article.status)
    else:
        with pytest.raises(workflow.WorkflowError, match="cannot be recorded"):
            workflow.record(row, change)
        article.refresh_from_db()
        assert article.status == state
        assert AuditRecord.objects.count() == audited


@pytest.mark.parametrize("row", sorted(SYSTEM_TABLE))
def test_nobody_takes_a_system_row_from_the_review_screen(users, ready_article, row):
    article = ready_article("scheduled")
    with pytest.raises(workflow.WorkflowError, match="There is no workflow action"):
        workflow.apply(article, row, actor=users["admin"])
    article.refresh_from_db()
    assert article.status == "scheduled"


def test_a_failed_scheduled_publication_is_recorded_as_the_systems(users, ready_article):
    from articles.models import Revision

    article = ready_article("scheduled")
    Article.objects.filter(pk=article.pk).update(scheduled_for=timezone.now())
    Revision.objects.filter(pk=article.current_revision_id).update(headline="")
    assert workflow.publish_due() == ([], [article])
    article.refresh_from_db()
    assert (article.status, article.scheduled_for) == ("approved", None)
    record = AuditRecord.objects.latest("pk")
    assert (record.action, record.actor, record.from_status) == (
        "scheduled_publication_failed",
        None,
        "scheduled",
    )
    assert "needs a headline" in record.comment


def test_an_import_is_recorded_as_a_new_article(import_seeds, write_seed):
    import_seeds(write_seed("report.txt", "A headline\n\nA body, SANA reported.\n"))
    record = AuditRecord.objects.get()
    assert (record.action, record.actor, record.from_status, record.to_status) == (
        "import",
        None,
        "",
        "new",
    )
