"""The Django admin: where admins manage outlets, disclaimers and keywords, and inspect
everything else. Source stories, revisions and audit records are history: they are
shown, never edited here."""

import json

from django.contrib import admin, messages
from django.http import HttpResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from ..body import block_text
from ..export import articles_for_export, export_article
from ..forms import GlossaryTermForm
from ..models import (
    Article,
    AuditRecord,
    Correction,
    Disclaimer,
    GlossaryTerm,
    Keyword,
    MemoryEntry,
    Notification,
    ReadAlsoLink,
    Revision,
    SourceStory,
)
from ..read_also import match_waiting_links
from ..workflow import WorkflowError, apply

admin.site.site_header = "Newsroom administration"
admin.site.site_title = "Newsroom admin"
admin.site.index_title = "Outlets, disclaimers, keywords and the record of every story"

from . import outlets  # noqa: E402, F401  (registers the outlets' admin)


class ReadOnlyAdminMixin:
    """History is shown, not changed: no adding, editing or deleting through the admin."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def admin_link(obj, label=None):
    if obj is None:
        return "—"
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, label or obj)


@admin.register(Disclaimer)
class DisclaimerAdmin(admin.ModelAdmin):
    list_display = ["name", "is_standard", "excerpt", "updated_at"]
    list_filter = ["is_standard"]
    search_fields = ["name", "text"]

    @admin.display(description="text")
    def excerpt(self, disclaimer):
        return disclaimer.text[:120] + ("…" if len(disclaimer.text) > 120 else "")


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(admin.ModelAdmin):
    form = GlossaryTermForm
    list_display = ["source_term", "rendering", "note", "updated_at"]
    search_fields = ["source_term", "normalized", "rendering", "note"]


@admin.register(MemoryEntry)
class MemoryEntryAdmin(admin.ModelAdmin):
    """Translation units imported from other tools' memories (TMX): shown as the file gave
    them, never edited; an admin may delete a bad one, and it is no longer offered."""

    list_display = ["translation", "source_text", "imported_from", "imported_by", "imported_at"]
    list_filter = ["imported_at"]
    list_select_related = ["imported_by"]
    search_fields = ["translation", "source_text", "imported_from", "article_slug"]
    fields = ["source_text", "translation", "article_slug", "translator", "translated_at",
              "imported_from", "imported_by", "imported_at"]  # fmt: skip
    readonly_fields = fields

    def has_add_permission(self, request):
        return False


@admin.register(Keyword)
class KeywordAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}

    def get_deleted_objects(self, objs, request):
        """A keyword that readers see on a published article is not deleted from under it:
        the admin lists those articles as protected and refuses."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        live = (
            Article.objects.published()
            .filter(published_revision__keywords__in=list(objs))
            .select_related("published_revision")
            .distinct()
        )
        protected = [*protected, *(admin_link(a, f"Published: {a.public_headline}") for a in live)]
        return deleted, counts, perms_needed, protected


@admin.register(SourceStory)
class SourceStoryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["headline", "outlet", "language", "file_name", "arrived_at", "article_link"]
    list_filter = ["language", "outlet", "arrived_at"]
    list_select_related = ["outlet", "article"]
    search_fields = ["headline", "file_name", "checksum"]
    date_hierarchy = "arrived_at"
    fields = [
        "headline",
        "outlet",
        "language",
        "standfirst",
        "paragraph_list",
        "keywords",
        "file_name",
        "arrived_at",
        "checksum",
        "content_hash",
        "replaces",
        "raw_file",
    ]
    readonly_fields = fields

    class Media:
        css = {"all": ["css/admin.css"]}  # no inline styles: the CSP forbids them

    @admin.display(description="article")
    def article_link(self, story):
        article = getattr(story, "article", None)
        return admin_link(article, article.slug) if article else "— (replaced)"

    @admin.display(description="paragraphs")
    def paragraph_list(self, story):
        direction = "rtl" if story.is_right_to_left else "ltr"
        return format_html(
            '<ol dir="{}" lang="{}">{}</ol>',
            direction,
            story.language,
            format_html_join("", "<li>{}</li>", ((p,) for p in story.paragraphs)),
        )

    @admin.display(description="raw file, as it arrived")
    def raw_file(self, story):
        return format_html('<pre dir="auto" class="raw-file">{}</pre>', story.raw_text())


class ReadOnlyInline(admin.TabularInline):
    """Rows shown beside their parent as history: every field read-only, none added or deleted."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False


class RevisionInline(ReadOnlyInline):
    model = Revision
    fields = ["number_link", "headline", "author", "note", "disclaimer", "created_at"]

    @admin.display(description="revision")
    def number_link(self, revision):
        return admin_link(revision, f"r{revision.number}")


class AuditRecordInline(ReadOnlyInline):
    model = AuditRecord
    fields = ["at", "actor", "action", "from_status", "to_status", "revision", "comment"]


class CorrectionInline(ReadOnlyInline):
    model = Correction
    fields = ["published_at", "revision", "note"]


def read_also_rows(links):
    return format_html_join(
        "",
        "<li>after paragraph {}: “{}” → {}</li>",
        (
            (
                link.after_paragraph,
                link.target_headline,
                admin_link(link.target, link.target.slug) if link.target else "not matched yet",
            )
            for link in links
        ),
    )


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "headline",
        "status",
        "outlet",
        "language",
        "revision_number",
        "published_at",
        "updated_at",
    ]
    list_filter = ["status", "outlet", "source_story__language"]
    list_select_related = ["current_revision", "outlet", "source_story"]
    search_fields = ["slug", "current_revision__headline", "source_story__headline"]
    date_hierarchy = "updated_at"
    fields = [
        "slug",
        "status",
        "outlet",
        "assignee",
        "source_link",
        "disclaimer",
        "keywords",
        "read_also",
        "current_revision",
        "published_revision",
        "published_at",
        "last_published_at",
        "scheduled_for",
        "withdrawal_notice",
    ]
    # Content and state change through the desk and the workflow, not here.
    readonly_fields = [name for name in fields if name not in {"slug", "outlet", "assignee"}]
    inlines = [RevisionInline, CorrectionInline, AuditRecordInline]
    actions = ["export_as_json", "match_read_also", "publish_approved"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.published_at:
            # A published address never changes; whom readers are told the story is from
            # changes through the desk, reviewed, not here.
            return [*self.readonly_fields, "slug", "outlet"]
        return self.readonly_fields

    def has_add_permission(self, request):
        return False  # articles come from source stories: see `manage.py import_seeds`

    @admin.display(description="language", ordering="source_story__language")
    def language(self, article):
        return article.source_story.get_language_display()

    @admin.display(description="revision")
    def revision_number(self, article):
        return f"r{article.current_revision.number}" if article.current_revision else "—"

    @admin.display(description="source story")
    def source_link(self, article):
        return admin_link(article.source_story)

    @admin.display(description="disclaimer (current revision)")
    def disclaimer(self, article):
        return admin_link(article.current_revision.disclaimer)

    @admin.display(description="keywords (current revision)")
    def keywords(self, article):
        return ", ".join(k.name for k in article.current_revision.keywords.all()) or "—"

    @admin.display(description="Read Also links (current revision)")
    def read_also(self, article):
        links = article.current_revision.read_also.select_related("target")
        return format_html("<ul>{}</ul>", read_also_rows(links)) if links else "—"

    @admin.action(description="Export selected articles as JSON")
    def export_as_json(self, request, queryset):
        rows = [export_article(a) for a in articles_for_export().filter(pk__in=queryset)]
        response = HttpResponse(
            json.dumps(rows, ensure_ascii=False, indent=2), content_type="application/json"
        )
        response["Content-Disposition"] = 'attachment; filename="articles.json"'
        return response

    @admin.action(description="Publish selected approved articles (workflow rules apply)")
    def publish_approved(self, request, queryset):
        for article in queryset:
            try:
                apply(article, "publish", actor=request.user)
            except WorkflowError as refused:
                self.message_user(request, f"“{article.headline}”: {refused}", messages.ERROR)
            else:
                self.message_user(request, f"“{article.headline}”: published.", messages.SUCCESS)

    @admin.action(description="Match their unmatched Read Also links to articles now")
    def match_read_also(self, request, queryset):
        links = ReadAlsoLink.objects.filter(revision__article__in=queryset)
        matched = match_waiting_links(links)
        self.message_user(request, f"{matched} Read Also link(s) matched to an article.")


class ReadAlsoLinkInline(ReadOnlyInline):
    model = ReadAlsoLink
    fields = ["position", "after_paragraph", "target_headline", "target"]


@admin.register(Revision)
class RevisionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "headline", "author", "note", "created_at"]
    list_select_related = ["article", "author"]
    search_fields = ["headline", "article__slug", "note"]
    list_filter = ["created_at"]
    fields = [
        "article",
        "number",
        "headline",
        "standfirst",
        "body_text",
        "disclaimer",
        "keyword_list",
        "author",
        "note",
        "created_at",
    ]
    readonly_fields = fields
    inlines = [ReadAlsoLinkInline]

    @admin.display(description="body")
    def body_text(self, revision):
        blocks = ((block_text(block),) for block in revision.body)  # Read Also links in place
        return format_html_join("", "<p>{}</p>", blocks)

    @admin.display(description="keywords")
    def keyword_list(self, revision):
        return ", ".join(k.name for k in revision.keywords.all()) or "—"


class MatchedFilter(admin.SimpleListFilter):
    title = "matched"
    parameter_name = "matched"

    def lookups(self, request, model_admin):
        return [("yes", "Matched to an article"), ("no", "Waiting for its article")]

    def queryset(self, request, queryset):
        if self.value() in {"yes", "no"}:
            return queryset.filter(target__isnull=self.value() == "no")
        return queryset


@admin.register(ReadAlsoLink)
class ReadAlsoLinkAdmin(admin.ModelAdmin):
    list_display = ["target_headline", "article", "after_paragraph", "target"]
    list_filter = [MatchedFilter]
    list_select_related = [
        "revision__article__current_revision",
        "revision__article__source_story",
        "target__current_revision",
        "target__source_story",
    ]
    search_fields = ["target_headline", "revision__article__slug"]
    # The index of the revisions' Read Also blocks: the body says where a link goes and to
    # what, so nothing here is edited by hand; links waiting for their article can be matched.
    fields = ["revision", "block_id", "position", "after_paragraph", "target_headline", "target"]
    readonly_fields = fields
    actions = ["match_now"]

    def has_add_permission(self, request):
        return False

    @admin.display(description="in article")
    def article(self, link):
        return link.revision.article

    @admin.action(description="Match selected links to articles now")
    def match_now(self, request, queryset):
        matched = match_waiting_links(queryset)
        self.message_user(request, f"{matched} Read Also link(s) matched to an article.")


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The outbox: every notification email, and how sending it went."""

    list_display = ["created_at", "article", "action", "audience", "status", "attempts",
                    "sent_at", "last_error"]  # fmt: skip
    list_filter = ["status", "audience"]
    list_select_related = ["record", "article__current_revision", "article__source_story"]
    search_fields = ["article__slug", "last_error"]

    @admin.display(description="about")
    def action(self, notification):
        return notification.record.get_action_display()


@admin.register(AuditRecord)
class AuditRecordAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["at", "actor", "action", "article", "from_status", "to_status", "comment"]
    list_filter = ["action", "to_status", ("actor", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["actor", "article__current_revision", "article__source_story"]
    search_fields = ["article__slug", "comment", "actor__username"]
    date_hierarchy = "at"
