"""Migration 0013 turns bodies stored as HTML elements, with Read Also links "after paragraph
N" beside them, into documents: every article's public page reads the same afterwards, each
link after the same paragraph."""

import json
import re
from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("articles", "0012_former_slug_segment_translators_glossary_order")]
AFTER = [("articles", "0013_structured_body")]

OLD_BODIES = {
    "plain": (
        ["<p>One.</p>", "<p>Two &amp; a <em>half</em>.</p>", "<p>Three.</p>"],
        [(2, "linked")],
    ),
    "rich": (
        [
            '<p>A <strong>bold</strong> <a href="https://example.org/x?a=1&amp;b=2">link</a>.</p>',
            "<ul><li>First</li><li>Second &lt;item&gt;</li></ul>",
            "<blockquote><p>Quoted.</p><p>Again.</p></blockquote>",
            "<h3>A subheading</h3>",
            "<p>Line<br>break.</p>",
            "<p>Read Also: a line an editor typed, which stays text</p>",
            '<p>A <a href="/news/other/">relative link</a> and <a href="#n">a note</a>.</p>',
            "<blockquote>" * 50 + "Deeply quoted." + "</blockquote>" * 50,
        ],
        [(0, "linked"), (4, "linked"), (99, "linked")],
    ),
    "no links": (["<p>Only text.</p>"], []),
}


def migrate(to):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(to)
    return executor.loader.project_state(to).apps


def page_text(client, slug):
    """The article body's text, block by block, as a reader's browser shows it."""
    html = client.get(f"/news/{slug}/").content.decode()
    body = html[
        html.index('<div class="article-body"') : html.index(
            "</div>", html.index('<div class="article-body"')
        )
    ]
    reader = _Blocks()
    reader.feed(body)
    return [" ".join(text.split()) for text in reader.blocks if text.strip()]


class _Blocks(HTMLParser):
    TOP = {"p", "ul", "ol", "blockquote", "h2", "h3"}

    def __init__(self):
        super().__init__()
        self.blocks, self.depth = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in self.TOP and self.depth == 0:
            self.blocks.append("")
        if tag in self.TOP:
            self.depth += 1
        if tag == "li" and self.blocks:
            self.blocks[-1] += "\n"

    def handle_endtag(self, tag):
        if tag in self.TOP:
            self.depth -= 1

    def handle_data(self, data):
        if self.blocks and self.depth:
            self.blocks[-1] += re.sub(r"\s+", " ", data)


def expected_text(elements, links, headline):
    """What the page showed before: each element's text, and "Read Also: headline" after
    `after` elements (at the end when beyond it)."""
    reader = _Blocks()
    for element in elements:
        reader.feed(element)
    texts = [text.strip() for text in reader.blocks]
    placed = []
    for number, text in enumerate(["", *texts]):
        if number:
            placed.append(text)
        for after, _ in links:
            if min(after, len(texts)) == number:
                placed.append(f"Read Also: {headline}")
    return [" ".join(text.split()) for text in placed]


@pytest.fixture
def old_articles(reference_data):
    apps = migrate(BEFORE)
    Outlet = apps.get_model("articles", "Outlet")
    SourceStory = apps.get_model("articles", "SourceStory")
    Article = apps.get_model("articles", "Article")
    Revision = apps.get_model("articles", "Revision")
    ReadAlsoLink = apps.get_model("articles", "ReadAlsoLink")
    now = timezone.now()
    outlet = Outlet.objects.first()

    def article(slug, headline, elements):
        story = SourceStory.objects.create(
            outlet=outlet, language="en", headline=headline, headline_key=headline.lower(),
            paragraphs=[], file_name=f"{slug}.txt", raw=b"x", checksum=slug, content_hash=slug,
        )  # fmt: skip
        made = Article.objects.create(
            slug=slug, status="published", source_story=story, outlet=outlet,
            published_at=now, last_published_at=now,
        )  # fmt: skip
        revision = Revision.objects.create(
            article=made, number=1, headline=headline, headline_key=headline.lower(),
            body=elements, search_text=headline,
        )  # fmt: skip
        Article.objects.filter(pk=made.pk).update(
            current_revision=revision, published_revision=revision
        )
        return revision

    target = article("linked", "The linked story", ["<p>Target.</p>"])
    waiting = article("to-translate", "", [])  # the importer's draft of a story in Arabic
    ReadAlsoLink.objects.create(
        revision=waiting, position=0, after_paragraph=3, target_headline="A later story",
        target_key="a later story",
    )  # fmt: skip
    editor = apps.get_model("auth", "User").objects.create(username="drafting-editor")
    apps.get_model("articles", "WorkingCopy").objects.create(
        article_id=target.article_id, editor=editor, based_on=target,
        form_data={"headline": ["Draft"], "body": ["<p>One.</p><p>Two.</p>"],
                   "read_also_present": ["1"], "read_also_target": [str(target.article_id)],
                   "read_also_headline": ["Itself"], "read_also_after": ["1"]},
    )  # fmt: skip
    for name, (elements, links) in OLD_BODIES.items():
        revision = article(name.replace(" ", "-"), name.title(), elements)
        for position, (after, _) in enumerate(links):
            ReadAlsoLink.objects.create(
                revision=revision, position=position, after_paragraph=after,
                target_id=target.article_id, target_headline="The linked story",
                target_key="the linked story",
            )  # fmt: skip
    yield
    migrate(AFTER)  # and on to the newest: the tests after this one need it
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_every_page_reads_the_same_and_links_stay_after_their_paragraph(client, old_articles):
    migrate(AFTER)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    cache.clear()
    from articles.models import Article, ReadAlsoLink

    for name, (elements, links) in OLD_BODIES.items():
        slug = name.replace(" ", "-")
        assert page_text(client, slug) == expected_text(elements, links, "The linked story")
        revision = Article.objects.get(slug=slug).published_revision
        assert all(isinstance(block, dict) and block["attrs"]["id"] for block in revision.body)
        blocks = {block["attrs"]["id"]: block for block in revision.body}
        for link in ReadAlsoLink.objects.filter(revision=revision):
            assert blocks[link.block_id]["type"] == "read_also"
    rich = Article.objects.get(slug="rich").published_revision
    types = [block["type"] for block in rich.body]
    assert types == ["read_also", "paragraph", "bullet_list", "blockquote", "subheading",
                     "read_also", "paragraph", "paragraph", "paragraph", "paragraph",
                     "read_also"]  # fmt: skip
    after = [link.after_paragraph for link in rich.read_also.order_by("position")]
    assert after == [0, 4, 8]


def test_drafts_keep_their_read_also_links(old_articles):
    migrate(AFTER)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    from articles.models import Article, Segment, WorkingCopy
    from articles.translation import english_body

    draft = Article.objects.get(slug="to-translate").current_revision
    [block] = draft.body
    link = draft.read_also.get()
    assert (block["type"], link.block_id, link.after_paragraph) == (
        "read_also",
        block["attrs"]["id"],
        3,
    )
    segments = [
        Segment(pk=n + 1, kind="paragraph", position=n, translation=f"P{n}") for n in range(5)
    ]
    for segment in segments:
        segment.current_source = "source"
    assert [b["type"] for b in english_body(segments, draft)].index("read_also") == 3

    copy = WorkingCopy.objects.get()
    body = json.loads(copy.form_data["body"][0])
    assert [b["type"] for b in body] == ["paragraph", "read_also", "paragraph"]
    assert not any(name.startswith("read_also_") for name in copy.form_data)


@pytest.mark.django_db(transaction=False)
def test_an_app_server_on_the_code_before_the_stored_body_can_still_save_revisions(
    make_article,
):
    """During a deploy, app servers not yet restarted insert revisions without the columns
    migrations 0023 and 0024 added; the database fills them in instead of refusing."""
    from articles.models import Revision

    revision = make_article("A headline").current_revision
    fields = [field for field in Revision._meta.local_concrete_fields
              if field.name not in {"id", "summary", "rendered_body"}]  # fmt: skip
    values = [field.get_db_prep_save(getattr(revision, field.attname), connection)
              for field in fields]  # fmt: skip
    values[[field.name for field in fields].index("number")] = 2
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO articles_revision ({columns}) VALUES ({', '.join(['%s'] * len(fields))})",
            values,
        )
    older = Revision.objects.get(article=revision.article, number=2)
    assert (older.summary, older.rendered_body) == ("", [])
