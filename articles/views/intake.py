"""The intake screen: reports uploaded or pasted, shown as the importer reads them, stored
when an editor confirms. The same importer as `import_seeds`, step for step."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from articles import body as documents
from articles.importer.loading import ImportResult, Seed, SeedImporter
from articles.intake_forms import CarriedFiles, IntakeForm
from articles.models import Language, SourceFlag

from .access import require

# A message per file after confirming; other outcomes ("unchanged", …) are for information.
MESSAGE_LEVELS = {
    "imported": messages.SUCCESS,
    "updated": messages.SUCCESS,
    "refused": messages.ERROR,
    "failed": messages.ERROR,
}


@login_required
def intake(request: HttpRequest) -> HttpResponse:
    """Files or pasted text in; what the importer read of each, and what confirming would
    do, out. Nothing is stored: the importer's preview is rolled back."""
    require(request, "change_article")
    try:
        form = IntakeForm(request.POST, request.FILES) if request.method == "POST" else IntakeForm()
    except RequestDataTooBig:  # more than the server reads in one request
        too_much = (
            "That was more than one import can take at once (about 2 MB of pasted text). "
            "Paste one report at a time, or upload the reports as files."
        )
        context = {"form": IntakeForm(), "too_much": too_much}
        return render(request, "desk/intake.html", context, status=400)
    if not form.is_valid():
        return render(
            request, "desk/intake.html", {"form": form}, status=400 if form.errors else 200
        )
    files = form.cleaned_data["received"]
    reports = read_reports(files, confirm=False)
    readable = sum(1 for report in reports if report.seed)
    # What confirming would store: new stories and new versions, not what is here already.
    storing = sum(1 for report in reports if report.result.outcome in {"imported", "updated"})
    context = {
        "reports": reports,
        "readable": readable,
        "storing": storing,
        "already": readable - storing,  # unchanged, or a duplicate of a story already here
        "refused": len(reports) - readable,
    }
    return render(request, "desk/intake.html", context | {"carried": CarriedFiles.carrying(files)})


@login_required
@require_POST
def confirm_intake(request: HttpRequest) -> HttpResponse:
    """Store the files the preview carried, read again from their bytes; a message each."""
    require(request, "change_article")
    carried = CarriedFiles(request.POST)
    if not carried.is_valid():
        context = {"form": IntakeForm(), "carried": carried}  # refused: upload them again
        return render(request, "desk/intake.html", context, status=400)
    for report in read_reports(carried.received(), confirm=True):
        result = report.result
        outcome = result.outcome if report.seed else "refused"
        level = MESSAGE_LEVELS.get(outcome, messages.INFO)
        messages.add_message(
            request, level, f"{outcome.capitalize()} {report.name}: {result.message}"
        )
    return redirect("desk:desk")


@dataclass(frozen=True)
class Report:
    """One file on the intake screen: what the importer read of it (no seed when it refused
    the file) and what storing it did or would do."""

    name: str
    seed: Seed | None
    result: ImportResult

    @property
    def language(self):
        return Language(self.seed.story.language).label

    @property
    def right_to_left(self):
        return self.seed.story.language == Language.ARABIC

    @property
    def encoding(self):
        """How the bytes were read, when not as UTF-8 (Windows-1256, UTF-16, …)."""
        return None if self.seed.encoding in {"utf-8", "utf-8-sig"} else self.seed.encoding

    @property
    def flags(self):
        """[(label, detail)]: what the parser and the importer were unsure of."""
        return [(SourceFlag(flag.code).label, flag.detail) for flag in self.seed.flags]

    @property
    def body(self):
        """[("paragraph", text) or ("read_also", ReadAlso)], each Read Also where it sits."""
        story = self.seed.story
        text = [("paragraph", paragraph) for paragraph in story.paragraphs]
        links = [(item.after_paragraph, ("read_also", item)) for item in story.read_also]
        return documents.with_read_also_after(text, links)


def read_reports(files, *, confirm):
    """Each file read by a new importer, with what storing the readable ones did (`confirm`)
    or would do (the importer's preview, rolled back)."""
    importer = SeedImporter()
    read = [importer.read_bytes(file.name, file.raw) for file in files]
    seeds = [seed for seed in read if isinstance(seed, Seed)]
    stored = iter(importer.store(seeds) if confirm else importer.preview(seeds))
    return [
        Report(file.name, seed, next(stored))
        if isinstance(seed, Seed)
        else Report(file.name, None, seed)
        for file, seed in zip(files, read, strict=True)
    ]
