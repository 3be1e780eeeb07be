"""Editors link Read Also items from the edit screen: find, place, reorder, remove."""

import json

import pytest
from django.urls import reverse

from articles.body import paragraph, read_also

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, users):
    client.force_login(users["editor"])
    return client


def test_suggestions_rank_shared_keywords_then_headline_words_then_newest(editor, make_article):
    article = make_article("Fighting in the Badia desert", keywords=["Badia", "ISIS"])
    make_article("Newest story, nothing shared", status="published")
    words = make_article("Badia desert roads closed", status="published")
    keywords = make_article("Convoy ambushed", status="published", keywords=["Badia", "ISIS"])
    make_article("Unpublished Badia story", keywords=["Badia", "ISIS"])
    response = editor.get(reverse("desk:read_also_search", args=[article.slug]))
    ranked = [a.pk for a in response.context["suggestions"]]
    assert ranked[:2] == [keywords.pk, words.pk]
    assert len(ranked) == 3  # published only, never the article itself

    response = editor.get(reverse("desk:read_also_search", args=[article.slug]), {"q": "roads"})
    assert [a.pk for a in response.context["suggestions"]] == [words.pk]


def test_the_picker_offers_each_published_article_with_the_headline_readers_see(
    editor, make_article
):
    article = make_article("Story")
    target = make_article("Target story", status="published")
    response = editor.get(reverse("desk:read_also_search", args=[article.slug]), {"q": "Target"})
    page = response.content.decode()
    assert f'data-insert-read-also data-target="{target.pk}"' in page
    assert 'data-headline="Target story" data-live="true"' in page


def save(editor, article, blocks, **fields):
    return editor.post(
        reverse("desk:edit", args=[article.slug]),
        {
            "based_on": article.current_revision.pk,
            "headline": article.headline,
            "body": json.dumps(blocks),
            "outlet": article.outlet_id,
        }
        | fields,
    )


def test_read_also_blocks_are_indexed_in_body_order_with_their_places(editor, make_article):
    article = make_article("Story", paragraphs=["One.", "Two.", "Three."])
    first = make_article("First link", status="published")
    second = make_article("Second link", status="published")
    one, two, three = article.current_revision.body
    blocks = [
        one,
        read_also("", target=first.pk),
        two,
        three,
        read_also("Second", target=second.pk),
    ]
    assert save(editor, article, blocks).status_code == 302
    article.refresh_from_db()
    links = list(article.current_revision.read_also.all())
    assert [(link.target, link.after_paragraph, link.position) for link in links] == [
        (first, 1, 0),
        (second, 3, 1),
    ]
    assert links[0].target_headline == "First link"  # the target's, when none was given
    # Taking the blocks out removes the links.
    assert save(editor, article, [one, two, three]).status_code == 302
    article.refresh_from_db()
    assert not article.current_revision.read_also.exists()


def test_a_paragraph_inserted_above_a_read_also_block_leaves_it_after_the_same_paragraph(
    editor, client, make_article
):
    article = make_article("Story", paragraphs=["One.", "Two.", "Three."])
    target = make_article("The linked story", status="published")
    one, two, three = article.current_revision.body
    save(editor, article, [one, two, read_also("", target=target.pk), three])
    article.refresh_from_db()
    body = article.current_revision.body
    save(editor, article, [paragraph("A new opening."), *body])
    article.refresh_from_db()
    assert article.current_revision.read_also.get().after_paragraph == 3
    page = editor.get(reverse("desk:preview", args=[article.slug])).content.decode()
    assert page.index("Two.") < page.index("The linked story") < page.index("Three.")


def test_a_link_to_an_unpublished_article_is_flagged(editor, import_seeds):
    from tests.conftest import EXAMPLE_SEED, EXAMPLE_SLUG, PALMYRA_SEED

    import_seeds(EXAMPLE_SEED, PALMYRA_SEED)
    response = editor.get(reverse("desk:edit", args=[EXAMPLE_SLUG]))
    targets = response.context["read_also_targets"]
    [(pk, target)] = targets.items()
    assert target == {
        "headline": "Hezbollah Sends More Reinforcements to Palmyra Desert: Source",
        "live": False,
    }
    # The link was matched after the example was imported: the editor gets its target.
    [block] = [b for b in response.context["body_document"] if b["type"] == "read_also"]
    assert block["attrs"]["target"] == pk


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ({"type": "read_also", "attrs": {"id": "r", "target": 999999, "headline": "Gone"}},
         "points at an article that no longer exists"),
        ({"type": "read_also", "attrs": {"id": "r", "target": None, "headline": ""}},
         "names no article"),
        ({"type": "read_also", "attrs": {"id": "r", "target": None, "headline": "x" * 600}},
         "longer than 500 characters"),
        ({"type": "read_also", "attrs": {"id": "r", "target": "9" * 5000, "headline": "x"}},
         "not an article"),
    ],
)  # fmt: skip
def test_a_broken_read_also_block_is_refused_with_a_reason(editor, make_article, block, message):
    article = make_article("Story")
    response = save(editor, article, [*article.current_revision.body, block])
    assert response.status_code == 200
    assert message in response.content.decode()
    assert article.revisions.count() == 1


def test_a_read_also_block_cannot_point_at_its_own_article(editor, make_article):
    article = make_article("Story")
    response = save(
        editor, article, [*article.current_revision.body, read_also("", target=article.pk)]
    )
    assert "points at an article that is this one" in response.content.decode()


def test_the_same_article_linked_twice_is_refused(editor, make_article):
    article = make_article("Story", paragraphs=["One.", "Two."])
    target = make_article("The linked story", status="published")
    one, two = article.current_revision.body
    twice = [one, read_also("", target=target.pk), two, paragraph("Read Also: The linked story")]
    response = save(editor, article, twice)
    assert "is a Read Also link twice in the body" in response.content.decode()
    assert article.revisions.count() == 1
