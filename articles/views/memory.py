"""The translation memory's screen: the concordance (how a word or phrase was translated
before), and the memory's exchange with other tools as TMX files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from articles import exchange
from articles.forms import ConcordanceForm, ImportFileForm
from articles.translation.memory import concordance

from .access import require

PAGE_SIZE = 20


@login_required
def translation_memory(request: HttpRequest) -> HttpResponse:
    """Every finished translation with the word or phrase asked for; everyone on the desk."""
    require(request, "view_article")
    form = ConcordanceForm(request.GET or None)
    found = concordance(form.cleaned_data["q"]) if form.is_valid() else None
    page = Paginator(found.hits, PAGE_SIZE).get_page(request.GET.get("page")) if found else None
    context = {"form": form, "found": found, "page": page}
    if request.htmx:  # htmx swaps only a 200: a refused phrase is said in the results
        return render(request, "desk/memory.html#concordance", context)
    context["import_form"] = ImportFileForm(kind="TMX")
    return render(request, "desk/memory.html", context, status=400 if form.errors else 200)


@login_required
def export_memory(request: HttpRequest) -> HttpResponse:
    """The whole memory as a TMX file: finished segments and imported entries."""
    require(request, "view_article")
    now = timezone.now()
    tmx = exchange.build_tmx(exchange.memory_units(), created=now)
    name = f"newsroom-memory-{timezone.localdate(now):%Y-%m-%d}.tmx"
    attachment = {"Content-Disposition": content_disposition_header(True, name)}
    return HttpResponse(tmx, content_type="application/xml", headers=attachment)


@login_required
@require_POST
def import_memory(request: HttpRequest) -> HttpResponse:
    """A TMX file's units the memory lacks become imported entries; reviewers only."""
    require(request, "review_article")
    form = ImportFileForm(request.POST, request.FILES, kind="TMX")
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = exchange.import_memory(upload, file_name=upload.name, user=request.user)
        except exchange.ExchangeError as refused:
            form.add_error("file", f"Nothing was imported from “{upload.name}”. {refused}")
        else:
            level = messages.SUCCESS if report.complete else messages.WARNING
            messages.add_message(request, level, f"{upload.name}: {report.summary}")
            return redirect("desk:translation_memory")
    context = {"form": ConcordanceForm(), "import_form": form}
    return render(request, "desk/memory.html", context, status=400)
