from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import ProhibitNullCharactersValidator

from . import body as documents
from .arabic import normalize
from .models import (
    Article,
    ArticleStatus,
    ChangeKind,
    Disclaimer,
    FlagKind,
    GlossaryTerm,
    Keyword,
    Language,
    Outlet,
    SegmentState,
    SourceFlag,
    keyword_slug,
)
from .parameters import MAX_ID
from .sanitizer import clean_text
from .text import headline_key


class PlainText(forms.CharField):
    """Text as people type it, by one rule for every text field: NUL and the other control
    characters are dropped (sanitizer.clean_text); tabs and line breaks stay."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators = [
            v for v in self.validators if not isinstance(v, ProhibitNullCharactersValidator)
        ]

    def to_python(self, value):
        return clean_text(super().to_python(value))


ALL_QUEUES = ""


ANY_FLAG = "any"


class DeskFilterForm(forms.Form):
    """The desk's filters, read from the query string; every state has its own URL."""

    q = PlainText(required=False, max_length=200, label="Search")
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
    flag = forms.ChoiceField(
        required=False,
        label="Flagged",
        choices=[("", "Flagged or not"), (ANY_FLAG, "Any flag"), *SourceFlag.choices],
    )
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
        if data["flag"] == ANY_FLAG:
            articles = articles.exclude(source_story__flags=[])
        elif data["flag"]:  # the stored JSON's text, the same on PostgreSQL and SQLite
            articles = articles.filter(source_story__flags__icontains=f'"code": "{data["flag"]}"')
        if data["arrived_from"]:
            articles = articles.filter(source_story__arrived_at__date__gte=data["arrived_from"])
        if data["arrived_to"]:
            articles = articles.filter(source_story__arrived_at__date__lte=data["arrived_to"])
        return articles


EMPTY_BODY = "The body is empty: write at least one paragraph."


class ArticleEditForm(forms.Form):
    """One save of the edit screen. The body arrives as the editor's document (JSON, `body`),
    or, from a browser without JavaScript, as the HTML of a plain textarea (`body_html`);
    either way it leaves as a validated document (articles/body/)."""

    based_on = forms.IntegerField(min_value=1, max_value=MAX_ID, widget=forms.HiddenInput)
    headline = PlainText(
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "The headline is empty: give the article a headline."},
    )
    standfirst = PlainText(
        required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )
    body = forms.CharField(required=False, strip=False, widget=forms.HiddenInput)
    body_html = forms.CharField(required=False, strip=False, widget=forms.Textarea)
    keywords = PlainText(
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
    note = PlainText(
        required=False, max_length=300, help_text="Optional: what this revision changes."
    )

    def __init__(self, *args, article=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article
        # A story still to be translated can be assigned, given keywords, a disclaimer and
        # Read Also links before it has an English headline or body.
        self.fields["headline"].required = not self.awaits_translation

    @property
    def awaits_translation(self):
        return self.article is not None and self.article.needs_translation

    def clean_headline(self):
        return " ".join(self.cleaned_data["headline"].split())  # one line, however it was typed

    def clean_body(self):
        """The document, whichever way it came; every Read Also target an existing article
        other than this one, and a headline for each (the target's, when none was given)."""
        try:
            blocks = documents.from_form(self.data)
        except documents.BodyError as refused:
            raise forms.ValidationError(str(refused)) from None
        if not documents.text_blocks(blocks) and not self.awaits_translation:
            raise forms.ValidationError(EMPTY_BODY)
        return self._with_known_targets(blocks)

    def _with_known_targets(self, blocks):
        links = [block["attrs"] for block in blocks if block["type"] == "read_also"]
        wanted = {attrs["target"] for attrs in links if attrs["target"]}
        known = Article.objects.select_related("current_revision", "source_story").in_bulk(wanted)
        for attrs in links:
            target = known.get(attrs["target"]) if attrs["target"] else None
            if attrs["target"] and (target is None or target == self.article):
                raise forms.ValidationError(
                    f"The Read Also link “{attrs['headline'][:80]}” points at an article that "
                    + ("is this one." if target else "no longer exists.")
                )
            if target and not attrs["headline"]:
                attrs["headline"] = target.headline
        seen = set()
        for attrs in links:  # readers would see the same link twice
            same = {("headline", headline_key(attrs["headline"]))}
            if attrs["target"]:
                same.add(("article", attrs["target"]))
            if same & seen:
                raise forms.ValidationError(
                    f"“{attrs['headline'][:80]}” is a Read Also link twice in the body; "
                    "remove one of them."
                )
            seen |= same
        return blocks

    def clean_keywords(self):
        names, seen = [], set()
        for name in self.cleaned_data["keywords"].split(","):
            name = " ".join(name.split())
            if name and name.casefold() not in seen:
                if len(name) > 100:
                    raise forms.ValidationError(f"“{name[:30]}…” is longer than 100 characters.")
                if not keyword_slug(name):
                    raise forms.ValidationError(
                        f"“{name}” is no keyword: it has no letter or digit to make its address."
                    )
                seen.add(name.casefold())
                names.append(name)
        return names


class TransitionForm(forms.Form):
    """What a workflow action may ask for. Which of these each action needs, and whether it
    is required, is the workflow's rule (workflow.TRANSITIONS), not the form's."""

    comment = PlainText(required=False, max_length=2000, widget=forms.Textarea)
    when = forms.DateTimeField(
        required=False,
        label="Publish at",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={"invalid": "Give the time as a date and a time, e.g. 2026-11-25 09:00."},
    )
    seen_revision = forms.IntegerField(
        required=False, min_value=0, max_value=MAX_ID, widget=forms.HiddenInput
    )
    kind = forms.ChoiceField(
        required=False,
        choices=ChangeKind.choices,
        label="What kind of change",
        help_text="A correction fixes an error of fact; a clarification makes something "
        "clearer; both are noted for readers, dated. An update adds information (note it) or "
        "silently fixes a typo or a keyword (no note).",
    )

    def clean_kind(self):
        return self.cleaned_data["kind"] or ChangeKind.CORRECTION

    withdrawal_notice = PlainText(
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
        field_classes = dict.fromkeys(fields, PlainText)
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


class SegmentForm(forms.Form):
    """One segment as the translator leaves it."""

    translation = PlainText(required=False, max_length=20_000)
    state = forms.ChoiceField(
        required=False,
        choices=[(SegmentState.DRAFT, "draft"), (SegmentState.DONE, "done")],
        error_messages={"invalid_choice": "A segment is a draft or done; “%(value)s” is neither."},
    )
    resolve = forms.BooleanField(required=False)

    def clean_state(self):
        return self.cleaned_data["state"] or SegmentState.DRAFT


class FlagOverrideForm(forms.Form):
    """A reviewer's override of one translation flag, and why."""

    segment = forms.IntegerField(min_value=1, max_value=MAX_ID, widget=forms.HiddenInput)
    kind = forms.ChoiceField(
        choices=FlagKind.choices,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": "There is no kind of flag called “%(value)s”."},
    )
    subject = PlainText(max_length=200, required=False, widget=forms.HiddenInput)
    reason = PlainText(
        max_length=1000,
        label="Why the English is right",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "required": "Say why the English is right: the reason is kept in the audit trail."
        },
    )


class ConcordanceForm(forms.Form):
    """A word or phrase to look up in the translation memory (translation/memory.py)."""

    q = PlainText(
        max_length=200,
        label="Word or phrase, in Arabic or English",
        widget=forms.SearchInput(attrs={"dir": "auto"}),
        error_messages={
            "required": "Type a word or phrase to look for, in Arabic or English.",
            "max_length": "Look for a word or a short phrase: at most %(limit_value)d "
            "characters, not %(show_value)d.",
        },
    )

    def clean_q(self):
        phrase = self.cleaned_data["q"]
        if not any(char.isalnum() for char in phrase):
            raise forms.ValidationError(f"“{phrase}” has no letter or digit to look for.")
        return phrase


class ImportFileForm(forms.Form):
    """A TMX or TBX file to import (articles/exchange.py reads it)."""

    file = forms.FileField(
        error_messages={
            "required": "Choose a file to import.",
            "empty": "The file is empty: there is nothing in it to import.",
        }
    )

    def __init__(self, *args, kind, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].label = f"{kind} file"
        self.fields["file"].widget.attrs["accept"] = f".{kind.lower()},.xml"
