"""The body becomes a structured document (docs/body.md), and Read Also links blocks in it.

Each revision's body was a list of cleaned HTML elements, and its Read Also links sat
"after paragraph N" beside it. Each element becomes a block with an id, and each link a
Read Also block at the same place, its index row told the block's id. Working copies
are converted the same way. Going back turns the blocks into HTML elements again.
"""

import json
import re
from html import unescape

from django.db import migrations, models

from articles import body as documents

CHUNK = 500


def to_documents(apps, schema_editor):
    Revision = apps.get_model("articles", "Revision")
    ReadAlsoLink = apps.get_model("articles", "ReadAlsoLink")
    WorkingCopy = apps.get_model("articles", "WorkingCopy")
    revisions = Revision.objects.order_by("pk").only("pk", "body")
    for start in range(0, revisions.count(), CHUNK):
        changed, links_changed = [], []
        chunk = list(revisions[start : start + CHUNK])
        links = {}
        for link in ReadAlsoLink.objects.filter(revision__in=chunk).order_by("position"):
            links.setdefault(link.revision_id, []).append(link)
        for revision in chunk:
            if not _is_html(revision.body) and not (revision.body == [] and revision.pk in links):
                continue
            text, before = [], [0]  # before[n]: blocks made from the first n HTML elements
            for element in revision.body:
                text += _blocks_of(element)
                before.append(len(text))
            placed = []
            for link in links.get(revision.pk, []):
                block = documents.read_also(link.target_headline, target=link.target_id)
                link.block_id = block["attrs"]["id"]
                placed.append((before[min(link.after_paragraph, len(revision.body))], block))
            revision.body = documents.with_read_also_after(text, placed)
            if text:  # else a story still to translate: its links keep the source's places
                places = {b["attrs"]["id"]: n for n, b in documents.read_also_places(revision.body)}
                for link in links.get(revision.pk, []):
                    link.after_paragraph = places[link.block_id]
            links_changed += links.get(revision.pk, [])
            changed.append(revision)
        Revision.objects.bulk_update(changed, ["body"])
        ReadAlsoLink.objects.bulk_update(links_changed, ["block_id", "after_paragraph"])
    for copy in WorkingCopy.objects.all():
        copy.form_data = _working_copy(copy.form_data)
        copy.save(update_fields=["form_data"])


def _blocks_of(element):
    """The blocks one stored HTML element becomes; its text as a paragraph if it cannot be
    read as the body's HTML (nested past the bounds, say)."""
    try:
        return documents.blocks_from_html(element, read_also_lines=False)
    except documents.BodyError:
        text = " ".join(unescape(re.sub(r"<[^>]*>", " ", element)).split())
        return [documents.paragraph(text)] if text else []


def _working_copy(data):
    """An autosaved form: its body HTML as blocks, with the Read Also rows it held placed
    among them as blocks."""
    html = "".join(data.get("body") or [""])
    if html.lstrip().startswith("["):
        return data  # already a document
    text = [block for element in [html] for block in _blocks_of(element)] if html else []
    rows = zip(
        data.get("read_also_target", []),
        data.get("read_also_headline", []),
        data.get("read_also_after", []),
        strict=False,
    )
    placed = [
        (int(after) if after.isdigit() else len(text),
         documents.read_also(headline, target=int(target) if target.isdigit() else None))
        for target, headline, after in rows
        if headline.strip() or target.isdigit()
    ]  # fmt: skip
    data = {k: v for k, v in data.items() if not k.startswith("read_also_")}
    data["body"] = [json.dumps(documents.with_read_also_after(text, placed), ensure_ascii=False)]
    return data


def _is_html(body):
    return bool(body) and all(isinstance(element, str) for element in body)


def to_html(apps, schema_editor):
    Revision = apps.get_model("articles", "Revision")
    for revision in Revision.objects.order_by("pk").only("pk", "body").iterator(CHUNK):
        if revision.body and not _is_html(revision.body):
            revision.body = [
                str(documents.block_html(block)) for block in documents.text_blocks(revision.body)
            ]
            revision.save(update_fields=["body"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0012_former_slug_segment_translators_glossary_order"),
    ]

    operations = [
        migrations.AddField(
            model_name="readalsolink",
            name="block_id",
            field=models.CharField(
                default="", help_text="The Read Also block's id in the body.", max_length=32
            ),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="readalsolink",
            name="after_paragraph",
            field=models.PositiveSmallIntegerField(
                help_text="How many text blocks come before it in the body (0: before the first)."
            ),
        ),
        migrations.AlterField(
            model_name="revision",
            name="body",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="The body as a structured document: a list of blocks, each with an id "
                "(paragraphs, subheadings, lists, quotes, Read Also links; see docs/body.md).",
            ),
        ),
        migrations.RunPython(to_documents, to_html, elidable=False),
    ]
