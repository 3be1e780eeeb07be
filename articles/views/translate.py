from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from articles import machine_translation, translation, workflow
from articles.editing import StaleEdit, edits_outside_translation, save_translation
from articles.forms import SegmentForm
from articles.sanitizer import clean_text

from .access import article_for


def screen_context(article):
    """The translation screen: every segment beside its source, glossary terms marked."""
    segments = translation.segments_for(article)
    terms = translation.glossary()
    read_also = translation.read_also_places(segments, article.current_revision)
    flags = translation.flags_for(article, segments)
    for segment in segments:
        mark_glossary_terms(segment, terms)
        segment.read_also = read_also.get(segment.pk, [])
        segment.flags = flags.get(segment.pk, [])
    return around_segments(article, segments) | {
        "segments": segments,
        "edited_elsewhere": edits_outside_translation(article),
    }


def around_segments(article, segments):
    """What the screen and each swapped-in segment show around the segments themselves."""
    return {
        "article": article,
        "story": article.source_story,
        "progress": translation.progress(segments),
        "machine_translation": machine_translation.is_enabled(),
    }


def mark_glossary_terms(segment, terms):
    segment.pieces = translation.highlighted(segment.current_source, terms)
    segment.terms = translation.terms_in(segment.current_source, terms)


@login_required
def translate(request, slug):
    article = article_for(request, slug, "translate_article")
    if not article.needs_translation:
        messages.info(request, "This source story is in English: there is nothing to translate.")
        return redirect("desk:edit", slug=article.slug)
    return render(request, "desk/translate.html", screen_context(article))


def translatable(request, slug):
    """The article, if it is being translated and the user may translate; else 404 or 403."""
    article = article_for(request, slug, "translate_article")
    if not article.needs_translation:
        raise Http404("This source story is in English: there is nothing to translate.")
    return article


def segment_for(request, slug, pk):
    article = translatable(request, slug)
    get_object_or_404(article.segments, pk=pk)  # another article's segment, or one long gone
    segments = {s.pk: s for s in translation.segments_for(article)}
    return article, segments[pk], list(segments.values())


@login_required
@require_POST
def save_segment(request, slug, pk):
    """Save one segment as the translator types (htmx), or with its button without script."""
    article, segment, segments = segment_for(request, slug, pk)
    form = SegmentForm(request.POST)
    if not form.is_valid():
        return refused_segment(request, article, segment, form)
    translation.save_segment(
        segment,
        translation=form.cleaned_data["translation"],
        state=form.cleaned_data["state"],
        user=request.user,
        resolve=form.cleaned_data["resolve"],
    )
    if not request.htmx or form.cleaned_data["resolve"]:  # the whole segment changes
        return segment_response(request, article, pk)
    segment.flags = translation.flags_for(article, [segment]).get(segment.pk, [])
    context = {
        "article": article,
        "segment": segment,
        "progress": translation.progress(segments),
        "status_update": True,
        "empty_done": segment.state == "untranslated" and request.POST.get("state") == "done",
    }
    return render(request, "desk/translate.html#segment-status", context)


@login_required
def memory(request, slug, pk):
    """The translation memory's offers for one segment."""
    article, segment, _ = segment_for(request, slug, pk)
    suggestions = translation.memory_suggestions(segment)
    context = {"segment": segment, "suggestions": suggestions, "story": article.source_story}
    return render(request, "desk/translate.html#memory", context)


@login_required
@require_POST
def take_suggestion(request, slug, pk):
    """One click: the offered translation becomes the segment's draft."""
    article, segment, _ = segment_for(request, slug, pk)
    form = SegmentForm(request.POST)
    if not form.is_valid():
        return refused_segment(request, article, segment, form)
    translation.save_segment(segment, translation=form.cleaned_data["translation"],
                             state="draft", user=request.user)  # fmt: skip
    return segment_response(request, article, pk)


def refused_segment(request, article, segment, form):
    """A segment the form refused: nothing saved, and why, in a sentence."""
    reason = " ".join(error for errors in form.errors.values() for error in errors)
    if request.htmx:
        return HttpResponse(f"Not saved: {reason}", status=400, content_type="text/plain")
    messages.error(request, f"Segment not saved: {reason}")
    return redirect(reverse("desk:translate", args=[article.slug]) + f"#segment-{segment.pk}")


@login_required
@require_POST
def machine_translate(request, slug, pk=None):
    """Machine translation for one segment, or (pk None) every untranslated one."""
    article = translatable(request, slug)
    if pk is not None:
        get_object_or_404(article.segments, pk=pk)
    segments = [s for s in translation.segments_for(article) if pk is None or s.pk == pk]
    wanted = [s for s in segments if pk is not None or s.state == "untranslated"]
    if not wanted:
        messages.info(request, "Every segment has a translation already.")
        return redirect("desk:translate", slug=article.slug)
    try:
        english = machine_translation.translate(
            [s.current_source for s in wanted], source=article.source_story.language
        )
    except machine_translation.MachineTranslationError as error:
        messages.error(request, str(error))
    else:
        for segment, text in zip(wanted, english, strict=True):
            translation.save_segment(segment, translation=text, state="draft",
                                     user=request.user, machine=True, resolve=True)  # fmt: skip
        messages.success(request, f"Machine translation filled {len(wanted)} segment(s).")
    if pk is not None and request.htmx:
        return segment_response(request, article, pk)
    return redirect("desk:translate", slug=article.slug)


def segment_response(request, article, pk):
    """The one segment that changed, with the progress bar; the rest of the screen stays."""
    if not request.htmx:
        return redirect(reverse("desk:translate", args=[article.slug]) + f"#segment-{pk}")
    segments = translation.segments_for(article)
    segment = next(s for s in segments if s.pk == pk)
    mark_glossary_terms(segment, translation.glossary())
    segment.flags = translation.flags_for(article, [segment]).get(segment.pk, [])
    context = around_segments(article, segments) | {"segment": segment, "status_update": True}
    return render(request, "desk/translate.html#segment", context)


@login_required
@require_POST
def save_as_revision(request, slug):
    """The segments' English becomes a revision; with "submit", it then goes to review."""
    article = translatable(request, slug)
    try:
        saved = save_translation(
            article, author=request.user, replace_edits="replace_edits" in request.POST
        )
        if "submit" in request.POST:
            workflow.apply(article, "submit", actor=request.user,
                           comment=clean_text(request.POST.get("comment", ""))[:2000])  # fmt: skip
    except (StaleEdit, workflow.WorkflowError) as refused:
        messages.error(request, f"Not done: {refused}")
        return redirect("desk:translate", slug=article.slug)
    if "submit" in request.POST:
        messages.success(request, "Translation saved and submitted for review.")
        return redirect("desk:review", slug=article.slug)
    messages.success(
        request, f"Saved as revision {saved.number}." if saved else "Nothing new to save."
    )
    return redirect("desk:translate", slug=article.slug)
