from django import forms
from django.contrib.auth import get_user_model

from .arabic import normalize
from .models import (
    Article,
    ArticleStatus,
    Disclaimer,
    GlossaryTerm,
    Keyword,
    Language,
    Outlet,
)
from .sanitizer import clean_body

ALL_QUEUES = ""


class DeskFilterForm(forms.Form):
    """The desk's filters, read from the query string; every state has its own URL."""

    q = forms.CharField(required=False, max_length=200, label="Search")
    queue = forms.ChoiceField(
        required=False, choices=[(ALL_QUEUES, "All articles"), *ArticleStatus.choices]
    )
    mine = forms.BooleanField(required=False, label="Assigned to me")
    outlet = forms.ModelChoiceField(
        Outlet.objects.all(), required=False, to_field_name="slug", empty_label="All outlets"
    )
    keyword = forms.ModelChoiceField(
        Keyword.objects.all(), required=False, to_field_name="slug", empty_label="All keywords"
    )
    language = forms.ChoiceField(required=False, choices=[("", "All languages"), *Language.choices])
    arrived_from = forms.DateField(
        required=False, label="Arrived from", widget=forms.DateInput(attrs={"type": "date"})
    )
    arrived_to = forms.DateField(
        required=False, label="to", widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("arrived_from"), data.get("arrived_to")
        if start and end and start > end:
            raise forms.ValidationError("The start date is after the end date.")
        return data

    def filter(self, articles, user):
        """`articles` narrowed by every filter but the queue, which the counts need without."""
        data = self.cleaned_data
        if data["q"]:
            articles = articles.search(data["q"])
        if data["mine"]:
            articles = articles.filter(assignee=user)
        if data["outlet"]:
            articles = articles.filter(outlet=data["outlet"])
        if data["keyword"]:
            articles = articles.filter(current_revision__keywords=data["keyword"])
        if data["language"]:
            articles = articles.filter(source_story__language=data["language"])
        if data["arrived_from"]:
            articles = articles.filter(source_story__arrived_at__date__gte=data["arrived_from"])
        if data["arrived_to"]:
            articles = articles.filter(source_story__arrived_at__date__lte=data["arrived_to"])
        return articles


EMPTY_BODY = "The body is empty: write at least one paragraph."


class ArticleEditForm(forms.Form):
    """One save of the edit screen. The body arrives as HTML and leaves as cleaned blocks."""

    based_on = forms.IntegerField(widget=forms.HiddenInput)
    headline = forms.CharField(
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "The headline is empty: give the article a headline."},
    )
    standfirst = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    body = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 14}),
        error_messages={"required": EMPTY_BODY},
    )
    keywords = forms.CharField(
        required=False,
        max_length=1000,
        help_text="Separate keywords with commas; new ones are created.",
    )
    disclaimer = forms.ModelChoiceField(
        Disclaimer.objects.all(), required=False, empty_label="No disclaimer"
    )
    outlet = forms.ModelChoiceField(Outlet.objects.all(), required=False, empty_label="No outlet")
    assignee = forms.ModelChoiceField(
        get_user_model().objects.filter(is_active=True).order_by("username"),
        required=False,
        empty_label="Nobody",
    )
    note = forms.CharField(
        required=False, max_length=300, help_text="Optional: what this revision changes."
    )

    def clean(self):
        data = super().clean()
        data["read_also"] = self.read_also_rows() if self.data.get("read_also_present") else None
        return data

    def read_also_rows(self):
        """The Read Also rows as posted, in order: (target or None, headline, after_paragraph).

        Rows arrive as parallel lists (read_also_target, read_also_headline,
        read_also_after); an unknown target or placement is a form error."""
        targets = self.data.getlist("read_also_target")
        headlines = self.data.getlist("read_also_headline")
        afters = self.data.getlist("read_also_after")
        if not len(targets) == len(headlines) == len(afters):
            raise forms.ValidationError("The Read Also links arrived incomplete; reload the page.")
        known = Article.objects.in_bulk([int(t) for t in targets if t.isdigit()])
        rows = []
        for target, headline, after in zip(targets, headlines, afters, strict=True):
            if (target and not target.isdigit()) or (target and int(target) not in known):
                raise forms.ValidationError(
                    "A Read Also link points at an article that no longer exists."
                )
            if not after.isdigit():
                raise forms.ValidationError(f"Choose where the Read Also link “{headline}” goes.")
            article = known.get(int(target)) if target else None
            rows.append((article, headline.strip() or article.headline, int(after)))
        return rows

    def clean_headline(self):
        return " ".join(self.cleaned_data["headline"].split())  # one line, however it was typed

    def clean_body(self):
        blocks = clean_body(self.cleaned_data["body"])
        if not blocks:
            raise forms.ValidationError(EMPTY_BODY)
        return blocks

    def clean_keywords(self):
        names, seen = [], set()
        for name in self.cleaned_data["keywords"].split(","):
            name = " ".join(name.split())
            if name and name.casefold() not in seen:
                if len(name) > 100:
                    raise forms.ValidationError(f"“{name[:30]}…” is longer than 100 characters.")
                seen.add(name.casefold())
                names.append(name)
        return names


class TransitionForm(forms.Form):
    """What a workflow action may ask for. Which of these each action needs, and whether it
    is required, is the workflow's rule (workflow.TRANSITIONS), not the form's."""

    comment = forms.CharField(required=False, max_length=2000, widget=forms.Textarea)
    when = forms.DateTimeField(
        required=False,
        label="Publish at",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={"invalid": "Give the time as a date and a time, e.g. 2026-11-25 09:00."},
    )
    seen_revision = forms.IntegerField(required=False, widget=forms.HiddenInput)
    withdrawal_notice = forms.CharField(
        required=False,
        max_length=1000,
        label="Notice for readers (optional)",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Shown at the article’s address. Leave empty and the address is not found.",
    )


class GlossaryTermForm(forms.ModelForm):
    class Meta:
        model = GlossaryTerm
        fields = ["source_term", "rendering", "note"]
        widgets = {"source_term": forms.TextInput(attrs={"dir": "auto"})}

    def clean_source_term(self):
        term = " ".join(self.cleaned_data["source_term"].split())
        normalized = normalize(term)
        if not normalized:
            raise forms.ValidationError("Give the term as it appears in source stories.")
        clash = GlossaryTerm.objects.filter(normalized=normalized).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(
                f"The glossary already has this term, however it is spelled: {clash.first()}."
            )
        self.instance.normalized = normalized
        return term
