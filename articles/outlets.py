"""Outlets the importer learned from attributions: an admin confirms each, merges it into a
known outlet (whose aliases then include its name), or rejects it.

Publishing waits for an outlet to be confirmed (workflow.publishing_checks), so none of
these changes what readers see: they change drafts' attributions only.
"""

from django.db import transaction

from .models import Article, Outlet, OutletStatus, SourceStory

UNCONFIRMED_FLAG = "outlet_unconfirmed"


class OutletError(ValueError):
    """A change refused; the message says why."""


def confirm(outlets):
    """Confirm unconfirmed outlets; returns how many."""
    with transaction.atomic():
        chosen = _locked_unconfirmed(outlets)
        Outlet.objects.filter(pk__in=[o.pk for o in chosen]).update(status=OutletStatus.CONFIRMED)
        _clear_flag([o.pk for o in chosen])
    return len(chosen)


def merge(outlet, into):
    """Merge an unconfirmed outlet into a known one: its stories and articles are attributed
    to `into`, its name and aliases become `into`'s aliases, and it is deleted."""
    if outlet.pk == into.pk:
        raise OutletError("An outlet cannot be merged into itself.")
    with transaction.atomic():
        [outlet] = _locked_unconfirmed([outlet]) or [None]
        into = Outlet.objects.select_for_update().get(pk=into.pk)
        if outlet is None:
            raise OutletError("Only an unconfirmed outlet can be merged into another.")
        if into.status == OutletStatus.REJECTED:
            raise OutletError(f"{into.name} is rejected: merge into a confirmed outlet.")
        _clear_flag([outlet.pk])
        SourceStory.objects.filter(outlet=outlet).update(outlet=into)
        Article.objects.filter(outlet=outlet).update(outlet=into)
        known = {spelling.casefold() for spelling in [into.name, *into.aliases]}
        into.aliases += [s for s in [outlet.name, *outlet.aliases] if s.casefold() not in known]
        into.save(update_fields=["aliases"])
        outlet.delete()
    return into


def reject(outlets):
    """Reject unconfirmed outlets: not outlets the site republishes. Their stories keep no
    outlet (flagged unknown), and later reports crediting the name get none either."""
    with transaction.atomic():
        chosen = _locked_unconfirmed(outlets)
        pks = [o.pk for o in chosen]
        for story in SourceStory.objects.filter(outlet__in=pks).select_for_update():
            story.flags = [f for f in story.flags if f["code"] != UNCONFIRMED_FLAG] + [
                {"code": "outlet_unknown", "detail": f"{story.outlet.name} was rejected"}
            ]
            story.outlet = None
            story.save(update_fields=["flags", "outlet"])
        Article.objects.filter(outlet__in=pks).update(outlet=None)
        Outlet.objects.filter(pk__in=pks).update(status=OutletStatus.REJECTED)
    return len(chosen)


def _locked_unconfirmed(outlets):
    return list(
        Outlet.objects.select_for_update()
        .filter(pk__in=[o.pk for o in outlets], status=OutletStatus.UNCONFIRMED)
        .order_by("pk")
    )


def _clear_flag(outlet_pks):
    for story in SourceStory.objects.filter(outlet__in=outlet_pks).select_for_update():
        kept = [f for f in story.flags if f["code"] != UNCONFIRMED_FLAG]
        if kept != story.flags:
            story.flags = kept
            story.save(update_fields=["flags"])
