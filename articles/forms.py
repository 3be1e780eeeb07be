from django import forms
from django.contrib.auth import get_user_model

from .models import ArticleStatus, Disclaimer, Keyword, Language, Outlet
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


class ArticleEditForm(forms.Form):
    """One save of the edit screen. The body arrives as HTML and leaves as cleaned blocks."""

    based_on = forms.IntegerField(widget=forms.HiddenInput)
    headline = forms.CharField(max_length=500)
    standfirst = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 14}))
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

    def clean_body(self):
        blocks = clean_body(self.cleaned_data["body"])
        if not blocks:
            raise forms.ValidationError("The body is empty: write at least one paragraph.")
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
