from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from articles import exchange
from articles.forms import GlossaryTermForm, ImportFileForm
from articles.models import GlossaryTerm

from .access import require


@login_required
def glossary(request, pk=None):
    """The glossary: everyone on the desk reads it; reviewers add and change terms."""
    require(request, "view_article")
    term = get_object_or_404(GlossaryTerm, pk=pk) if pk else None
    form = GlossaryTermForm(request.POST or None, instance=term)
    if request.method == "POST":
        require(request, "review_article")
        if form.is_valid():
            saved = form.save()
            messages.success(request, f"Saved: {saved}.")
            return redirect("desk:glossary")
    context = {"form": form, "term": term, "terms": GlossaryTerm.objects.all()}
    context["import_form"] = ImportFileForm(kind="TBX")
    return render(request, "desk/glossary.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def delete_term(request, pk):
    require(request, "review_article")
    term = get_object_or_404(GlossaryTerm, pk=pk)
    term.delete()
    messages.success(request, f"Removed: {term}.")
    return redirect("desk:glossary")


@login_required
@require_POST
def add_from_flag(request):
    """One click on a names flag: the archive's usual rendering becomes the glossary's."""
    require(request, "review_article")
    form = GlossaryTermForm(request.POST)
    if form.is_valid():
        saved = form.save()
        said, status = f"Added to the glossary: {saved}.", 200
    else:
        said = "Not added: " + " ".join(e for errors in form.errors.values() for e in errors)
        status = 400
    if request.htmx:
        return HttpResponse(said, status=status, content_type="text/plain; charset=utf-8")
    (messages.success if status == 200 else messages.error)(request, said)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = reverse("desk:glossary")
    return redirect(back)


@login_required
def export_glossary(request):
    """The whole glossary as a TBX file."""
    require(request, "view_article")
    now = timezone.now()
    tbx = exchange.build_tbx(exchange.glossary_entries(), created=now)
    name = f"newsroom-glossary-{timezone.localdate(now):%Y-%m-%d}.tbx"
    attachment = {"Content-Disposition": content_disposition_header(True, name)}
    return HttpResponse(tbx, content_type="application/xml", headers=attachment)


@login_required
@require_POST
def import_glossary(request):
    """A TBX file's terms the glossary lacks are added; one it renders otherwise is left for
    a reviewer to decide. Reviewers only."""
    require(request, "review_article")
    form = ImportFileForm(request.POST, request.FILES, kind="TBX")
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = exchange.import_glossary(upload)
        except exchange.ExchangeError as refused:
            form.add_error("file", f"Nothing was imported from “{upload.name}”. {refused}")
        else:
            level = messages.SUCCESS if report.complete else messages.WARNING
            messages.add_message(request, level, f"{upload.name}: {report.summary}")
            return redirect("desk:glossary")
    context = {"form": GlossaryTermForm(), "terms": GlossaryTerm.objects.all(), "import_form": form}
    return render(request, "desk/glossary.html", context, status=400)
