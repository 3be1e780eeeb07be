"""The intake screen's forms: reports uploaded or pasted, and the same files carried from the
preview to the confirmation. Both steps hold files to the same limits; what a file says is
for the importer to judge, at each step, from its bytes."""

import base64
import binascii
import hashlib
import math
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

MAX_FILES = 50  # below Django's DATA_UPLOAD_MAX_NUMBER_FILES, which refuses a request outright


@dataclass(frozen=True)
class IntakeFile:
    """A file as it arrived on the intake screen, not yet read by the importer."""

    name: str
    raw: bytes

    @classmethod
    def pasted(cls, text):
        """A pasted report, named after its text: the same text pasted twice is one file."""
        raw = text.replace("\r\n", "\n").encode()
        return cls(f"pasted-{hashlib.sha256(raw).hexdigest()[:12]}.txt", raw)

    @property
    def content(self):
        """The bytes as the preview carries them to the confirmation: base64 whose alphabet
        a form posts as it is (no "+" or "/" to escape)."""
        return base64.urlsafe_b64encode(self.raw).decode("ascii")


def too_many(count):
    if count > MAX_FILES:
        return f"At most {MAX_FILES} files at a time; there are {count}. Import them in groups."
    return None


def too_large(label, size):
    limit = settings.SEED_MAX_BYTES
    if size > limit:
        return f"{label} is {size:,} bytes, over the {limit:,}-byte limit for one report."
    return None


def too_large_together(files):
    """The preview carries every file to the confirmation in its form, whose size Django
    limits (DATA_UPLOAD_MAX_MEMORY_SIZE): files that could not get there are refused now."""
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    # Each file: its base64, its name (escaped, up to three characters a byte) and the
    # fields' names; then the CSRF token and the formset's management form.
    each = [4 * math.ceil(size / 3) + 3 * len(name.encode()) + 200 for name, size in files]
    if limit is not None and sum(each) + 2000 > limit:
        total = sum(size for _, size in files)
        return (
            f"These files are {total:,} bytes together, more than one import can take. "
            "Import them in smaller groups."
        )
    return None


def same_names(names):
    repeated = [name for name in dict.fromkeys(names) if names.count(name) > 1]
    if repeated:
        listed = ", ".join(f"“{name}”" for name in repeated)
        return f"More than one file is named {listed}: import them one at a time."
    return None


def problems_together(files):
    """Why these files, [(name, size)], cannot be one import; each file's size aside."""
    found = [too_many(len(files)), same_names([name for name, _ in files])]
    return [problem for problem in [*found, too_large_together(files)] if problem]


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class SeedFilesField(forms.FileField):
    """Any number of files, empty ones included: the importer says what is wrong with them."""

    widget = MultipleFileInput

    def __init__(self, **kwargs):
        super().__init__(allow_empty_file=True, **kwargs)

    def clean(self, data, initial=None):
        return [super(SeedFilesField, self).clean(file, initial) for file in data or [] if file]


class IntakeForm(forms.Form):
    """Files uploaded, a report pasted, or both."""

    files = SeedFilesField(
        required=False,
        label="Report files",
        widget=MultipleFileInput(attrs={"accept": ".txt,text/plain"}),
    )
    text = forms.CharField(
        required=False,
        label="Or paste a report",
        help_text="The headline on the first line, then the text, as the outlet published it.",
        widget=forms.Textarea(attrs={"rows": 10, "dir": "auto"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        files, each = self.fields["files"], filesizeformat(settings.SEED_MAX_BYTES)
        files.help_text = f"Text files, up to {MAX_FILES} at a time, each at most {each}."

    def clean(self):
        data = super().clean()
        uploads, text = data.get("files") or [], data.get("text") or ""
        if self.errors:
            return data
        if not uploads and not text:
            raise forms.ValidationError("Choose one or more files, or paste a report's text.")
        pasted = [IntakeFile.pasted(text)] if text else []
        for file in uploads:
            if problem := too_large(f"“{file.name}”", file.size):
                self.add_error("files", problem)
        for file in pasted:
            if problem := too_large("The pasted text", len(file.raw)):
                self.add_error("text", problem)
        sizes = [(file.name, file.size) for file in uploads]
        sizes += [(file.name, len(file.raw)) for file in pasted]
        for problem in problems_together(sizes):
            self.add_error("files", problem)
        if not self.errors:
            data["received"] = [IntakeFile(file.name, file.read()) for file in uploads] + pasted
        return data


class CarriedFileForm(forms.Form):
    """One file carried from the preview: its name and its bytes, in base64."""

    name = forms.CharField(max_length=255, widget=forms.HiddenInput)
    content = forms.CharField(required=False, strip=False, widget=forms.HiddenInput)

    def clean_name(self):
        name = self.cleaned_data["name"]
        if name in {".", ".."} or any(c in name for c in "/\\") or not name.isprintable():
            raise forms.ValidationError("not a file name")
        return name

    def clean_content(self):
        try:
            return base64.b64decode(self.cleaned_data["content"], altchars=b"-_", validate=True)
        except binascii.Error:
            raise forms.ValidationError("not base64") from None


class BaseCarriedFiles(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        sizes = [(file.name, len(file.raw)) for file in self.received()]
        problems = [too_large(f"“{name}”", size) for name, size in sizes]
        problems = [problem for problem in problems if problem] + problems_together(sizes)
        if problems:
            raise forms.ValidationError(problems)

    def received(self):
        return [
            IntakeFile(form.cleaned_data["name"], form.cleaned_data["content"]) for form in self
        ]

    @classmethod
    def carrying(cls, files):
        """The preview's hidden form, carrying `files` to the confirmation."""
        return cls(initial=[{"name": file.name, "content": file.content} for file in files])


CarriedFiles = forms.formset_factory(
    CarriedFileForm,
    formset=BaseCarriedFiles,
    extra=0,
    min_num=1,
    validate_min=True,
    max_num=MAX_FILES,
    absolute_max=MAX_FILES,
    validate_max=True,
)
