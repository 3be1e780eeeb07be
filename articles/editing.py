"""Saving an editor's work as a new revision, without ever overwriting a colleague's.

Every save names the revision it was based on. If the article has moved on since
(someone else saved in between), the save is refused with `StaleEdit`, which
carries the newer revision so the editor can see what changed and merge by hand.
Nothing is lost: the refused edit is kept in the history as a revision that
did not become current, beside the colleague's, and stays in the editor's form.
"""

import json
from datetime import timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from .body import from_form, validate
from .forms import ArticleEditForm
from .models import (
    Article,
    Disclaimer,
    EditorPresence,
    Keyword,
    Revision,
    SegmentKind,
    WorkingCopy,
)
from .parameters import bounded_int
from .read_also import write_index
from .sanitizer import clean_text
from .translation import english_body, segments_for
from .workflow import SAME, Change, WorkflowError, edit_note, edit_transition, record


class StaleEdit(Exception):
    """The article has a newer revision than the one the edit started from."""

    def __init__(self, current, refused):
        self.current = current
        self.refused = refused
        super().__init__(
            f"{current.author_name} saved revision {current.number} while you were editing."
        )


def save_revision(
    article,
    *,
    author,
    based_on,
    headline,
    standfirst,
    body,
    disclaimer,
    keywords,
    outlet,
    assignee,
    note="",
):
    """Store an edit as the article's next revision and make it current.

    The outlet the article is attributed to and its assignee are saved with it.
    `based_on` is the revision the editor started from; `body` is the document
    (articles/body/), Read Also blocks included, which are indexed with the
    revision (read_also.write_index). `keywords` are Keywords or names (new ones are
    created with the revision). Raises StaleEdit when `based_on` is no
    longer current, and workflow.WorkflowError when the article's state forbids
    edits (spiked, unpublished). The workflow decides what an edit does to the
    article's state (an approved article goes back to review).
    """
    with transaction.atomic():
        locked = Article.objects.locked(article.pk)
        transition = edit_transition(locked, author)
        current = locked.current_revision
        stale = current.pk != based_on.pk
        if stale:
            refused = f"Not made current: r{current.number} was saved first"
            note = f"{refused}. {note}" if note else refused
        revision = Revision.build(
            article=locked,
            number=locked.revisions.aggregate(last=Max("number"))["last"] + 1,
            headline=headline,
            standfirst=standfirst,
            body=validate(body, read_also_lines=False),  # whoever built it, one schema
            disclaimer=disclaimer,
            author=author,
            note=note,
        )
        revision.save()
        # Keywords named for the first time are made here, after the checks, in this
        # transaction: a save the workflow refuses creates none.
        revision.keywords.set(
            [k if isinstance(k, Keyword) else Keyword.objects.named(k) for k in keywords]
        )
        write_index(revision, kept_places=current)
        if stale:
            comment = (
                f"Based on r{based_on.number}, but r{current.number} was current; "
                "kept in the history, not made current."
            )
            record("edit_refused", Change(locked, revision, comment), actor=author)
        else:
            comment = " ".join(filter(None, [edit_note(locked, transition), note]))
            locked.current_revision = revision
            locked.outlet, locked.assignee = outlet, assignee
            if transition.target is not SAME:
                locked.scheduled_for = None  # an edited scheduled article is reviewed again
            record(transition.name, Change(locked, revision, comment), actor=author)
            # Saved: the draft is marked so, not deleted, so that an autosave sent before
            # this save cannot bring it back as a draft of the older revision.
            WorkingCopy.objects.update_or_create(
                article=locked,
                editor=author,
                defaults={"based_on": revision, "saved_as": revision, "form_data": {}},
            )
    if stale:
        raise StaleEdit(current, revision)
    article.refresh_from_db()
    return revision


# --- Autosave: the editor's working copy -----------------------------------------------------

AUTOSAVED_FIELDS = [
    "based_on",
    "headline",
    "standfirst",
    "body",
    "keywords",
    "disclaimer",
    "outlet",
    "assignee",
    "note",
]


def autosave(article, editor, form_data):
    """Keep the edit form as the editor left it, body validated and cleaned; not a revision.
    A body the schema refuses is not kept (BodyError), and the working copy stays as it was.
    An autosave from a revision older than the one the editor has since saved (sent before
    the save, arriving after it) is dropped: returns None then."""
    data = {  # as typed, less what no database column holds (NUL and other control characters)
        name: [clean_text(value) for value in form_data.getlist(name)]
        for name in AUTOSAVED_FIELDS
        if name in form_data
    }
    data["body"] = [json.dumps(from_form(form_data), ensure_ascii=False)]
    based_on = article.revisions.filter(pk=revision_pk(form_data.get("based_on"))).first()
    based_on = based_on or article.current_revision
    with transaction.atomic():
        # The article's lock first, as a save takes it: in that order, an autosave and a
        # save of the same article wait for each other instead of deadlocking.
        Article.objects.locked(article.pk)
        copy, created = WorkingCopy.objects.select_for_update().get_or_create(
            article=article, editor=editor, defaults={"based_on": based_on, "form_data": data}
        )
        if created:
            return copy
        if copy.saved_as_id and based_on.number < copy.saved_as.number:
            return None
        copy.based_on, copy.form_data, copy.saved_as = based_on, data, None
        copy.save()
    return copy


def revision_pk(value):
    """A revision's id as a form sent it, or None when it is not one."""
    return bounded_int(value)


def unsaved_revision(article, working_copy):
    """The working copy as a revision that is not saved, and its keywords (those that exist;
    a new one is made only when the work is saved), for a preview. Read by the edit form,
    as a save would read it; what the form refuses is left out."""
    form = ArticleEditForm(working_copy.as_form_data(), article=article)
    form.is_valid()
    data = form.cleaned_data
    revision = Revision.build(
        article=article,
        number=working_copy.based_on.number,
        headline=data.get("headline", ""),
        standfirst=data.get("standfirst", ""),
        body=data.get("body") or json.loads(working_copy.form_data["body"][0]),
        disclaimer=data.get("disclaimer"),
    )
    return revision, list(Keyword.objects.existing(data.get("keywords", [])))


def discard_working_copy(article, editor):
    WorkingCopy.objects.filter(article=article, editor=editor).delete()


# --- Presence: who has the edit screen open --------------------------------------------------

PRESENCE_WINDOW = timedelta(seconds=45)


def mark_present(article, editor):
    EditorPresence.objects.update_or_create(
        article=article, editor=editor, defaults={"seen_at": timezone.now()}
    )


def others_present(article, editor):
    """The other people whose edit screen for `article` checked in within the last 45 s."""
    recent = EditorPresence.objects.filter(
        article=article, seen_at__gte=timezone.now() - PRESENCE_WINDOW
    ).exclude(editor=editor)
    return [presence.editor for presence in recent.select_related("editor").order_by("seen_at")]


# --- Translation: the segments become the English revision -------------------------------------


TRANSLATION_NOTE = "Translation saved"


class EditedElsewhere(WorkflowError):
    """The English was changed on the edit screen since it last came from the segments."""


def disclaimer_for(article, revision):
    """The revision's disclaimer or, when the article's outlet needs one and none is attached,
    the standard one (proposed on the edit screen, attached when the translation is saved)."""
    if revision.disclaimer or not (article.outlet and article.outlet.requires_disclaimer):
        return revision.disclaimer
    return Disclaimer.objects.filter(is_standard=True).first()


def edits_outside_translation(article):
    """The newest revision made on the edit screen since the English last came from the
    segments (None if there is none): saving from the segments would replace its text."""
    last = article.revisions.filter(note=TRANSLATION_NOTE).order_by("-number").first()
    current = article.current_revision
    if current.author_id is None or current.note == TRANSLATION_NOTE:
        return None
    if last is None or current.number > last.number:
        return current
    return None


def save_translation(article, *, author, replace_edits=False):
    """A new revision whose headline, standfirst and body are the segments' English (one body
    paragraph per source paragraph; an untranslated one keeps the source text, which the
    publishing checks refuse), keeping the current revision's disclaimer (or attaching the
    one the outlet needs), keywords and Read Also links (and its standfirst when the source
    has none). Returns it, or None when
    the English has not changed. Refuses (EditedElsewhere) to replace text edited on the
    edit screen since, unless `replace_edits`."""
    edited = edits_outside_translation(article)
    if edited and not replace_edits:
        raise EditedElsewhere(
            f"{edited.author_name} edited the English on the edit screen in revision "
            f"{edited.number}; saving from the segments would replace that text. Carry on "
            "on the edit screen (or ask an editor to), or save again choosing to replace it."
        )
    segments = segments_for(article)
    english = {(s.kind, s.position): s.translation for s in segments}
    current = article.current_revision
    headline = english.get((SegmentKind.HEADLINE, 0), "")
    standfirst = english.get((SegmentKind.STANDFIRST, 0), current.standfirst)
    body = english_body(segments, current)
    if (headline, standfirst, body) == (current.headline, current.standfirst, current.body):
        return None
    return save_revision(
        article,
        author=author,
        based_on=current,
        headline=" ".join(headline.split()),
        standfirst=standfirst,
        body=body,
        disclaimer=disclaimer_for(article, current),
        keywords=list(current.keywords.all()),
        outlet=article.outlet,
        assignee=article.assignee,
        note=TRANSLATION_NOTE,
    )
