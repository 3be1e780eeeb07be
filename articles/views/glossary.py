from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from articles.forms import GlossaryTermForm
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
    return render(request, "desk/glossary.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def delete_term(request, pk):
    require(request, "review_article")
    term = get_object_or_404(GlossaryTerm, pk=pk)
    term.delete()
    messages.success(request, f"Removed: {term}.")
    return redirect("desk:glossary")
