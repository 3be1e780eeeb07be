"""Outlets in the admin, and the unconfirmed ones the importer learned from attributions:
confirm, merge into a known outlet, or reject (articles/outlets.py does the work)."""

from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.template.response import TemplateResponse

from .. import outlets as outlet_changes
from ..models import Outlet, OutletStatus


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(
        queryset=Outlet.objects.filter(status=OutletStatus.CONFIRMED),
        label="Merge into",
        help_text="The known outlet these names are other spellings of.",
    )


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "status", "aliases_list", "language", "requires_disclaimer",
                    "story_count"]  # fmt: skip
    list_filter = ["status", "language", "requires_disclaimer"]
    search_fields = ["name", "slug", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    actions = ["confirm", "merge", "reject"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(story_count=Count("source_stories"))

    @admin.display(description="aliases")
    def aliases_list(self, outlet):
        return ", ".join(outlet.aliases)

    @admin.display(description="source stories", ordering="story_count")
    def story_count(self, outlet):
        return outlet.story_count

    def get_readonly_fields(self, request, obj=None):
        """The status changes only through the actions, which see to the stories too."""
        return ["status"]

    @admin.action(description="Confirm the selected unconfirmed outlets", permissions=["change"])
    def confirm(self, request, queryset):
        done = outlet_changes.confirm(queryset)
        self._report(request, queryset, done, "confirmed")

    @admin.action(
        description="Reject the selected unconfirmed outlets (not outlets we use)",
        permissions=["change"],
    )
    def reject(self, request, queryset):
        done = outlet_changes.reject(queryset)
        self._report(request, queryset, done, "rejected")

    @admin.action(
        description="Merge the selected unconfirmed outlets into a known outlet",
        permissions=["change"],
    )
    def merge(self, request, queryset):
        unconfirmed = list(queryset.filter(status=OutletStatus.UNCONFIRMED))
        if not unconfirmed:
            self.message_user(request, "Only unconfirmed outlets can be merged.", messages.ERROR)
            return None
        form = MergeForm(request.POST if "into" in request.POST else None)
        if form.is_valid():
            into = form.cleaned_data["into"]
            for outlet in unconfirmed:
                try:
                    outlet_changes.merge(outlet, into)
                except outlet_changes.OutletError as refused:
                    self.message_user(request, f"{outlet}: {refused}", messages.ERROR)
                    continue
                self.message_user(request, f"{outlet} merged into {into}; it is now an alias.")
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge outlets",
            "outlets": unconfirmed,
            "form": form,
            "opts": self.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/articles/outlet/merge.html", context)

    def _report(self, request, queryset, done, what):
        skipped = queryset.count() - done
        message = f"{done} outlet(s) {what}."
        if skipped:
            message += f" {skipped} left alone: only unconfirmed outlets can be {what}."
        self.message_user(request, message, messages.WARNING if skipped else messages.SUCCESS)
