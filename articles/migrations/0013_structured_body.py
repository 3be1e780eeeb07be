"""The body becomes a structured document (docs/body.md), and Read Also links blocks in it.

Each revision's body was a list of cleaned HTML elements, and its Read Also links sat
"after paragraph N" beside it. Each element becomes a block with an id, and each link a
Read Also block at the same place, its index row told the block's id. Working copies
are converted the same way. Going back turns the blocks into HTML elements again.
"""

import json

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
            if not _is_html(revision.body):
                continue
            text, before = [], [0]  # before[n]: blocks made from the first n HTML elements
            for element in revision.body:
                text += documents.blocks_from_html(element, read_also_lines=False)
                before.append(len(text))
            placed = []
            for link in links.get(revision.pk, []):
                block = documents.read_also(link.target_headline, target=link.target_id)
                link.block_id = block["attrs"]["id"]
                links_changed.append(link)
                placed.append((before[min(link.after_paragraph, len(revision.body))], block))
            revision.body = documents.with_read_also_after(text, placed)
            changed.append(revision)
        Revision.objects.bulk_update(changed, ["body"])
        ReadAlsoLink.objects.bulk_update(links_changed, ["block_id"])
    for copy in WorkingCopy.objects.all():
        html = "".join(copy.form_data.get("body") or [""])
        if html and not html.lstrip().startswith("["):
            try:
                blocks = documents.blocks_from_html(html, read_also_lines=False)
            except documents.BodyError:
                blocks = []
            copy.form_data["body"] = [json.dumps(blocks, ensure_ascii=False)]
            for name in ["read_also_present", "read_also_target", "read_also_headline",
                         "read_also_after"]:  # fmt: skip
                copy.form_data.pop(name, None)
            copy.save(update_fields=["form_data"])


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
