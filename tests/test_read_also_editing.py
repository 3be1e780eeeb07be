"""Editors link Read Also items from the edit screen: find, place, reorder, remove."""

import pytest
from django.urls import reverse

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


def test_adding_a_row_places_it_after_the_last_paragraph(editor, make_article):
    article = make_article("Story", paragraphs=["One.", "Two.", "Three."])
    target = make_article("Target story", status="published")
    response = editor.get(reverse("desk:read_also_row", args=[article.slug]), {"target": target.pk})
    row = response.content.decode()
    assert f'name="read_also_target" value="{target.pk}"' in row
    assert '<option value="3" selected>After ¶3: Three.…</option>' in row
    draft = make_article("Draft story")
    response = editor.get(reverse("desk:read_also_row", args=[article.slug]), {"target": draft.pk})
    assert response.status_code == 404  # only published articles can be linked


def test_saved_rows_keep_their_order_and_places(editor, make_article):
    article = make_article("Story", paragraphs=["One.", "Two.", "Three."])
    first = make_article("First link", status="published")
    second = make_article("Second link", status="published")
    revision = article.current_revision
    response = editor.post(
        reverse("desk:edit", args=[article.slug]),
        {
            "based_on": revision.pk,
            "headline": "Story",
            "body": "".join(revision.body),
            "outlet": article.outlet_id,
            "read_also_present": "1",
            "read_also_target": [second.pk, first.pk],
            "read_also_headline": ["Second link", "First link"],
            "read_also_after": ["3", "1"],
        },
    )
    assert response.status_code == 302
    article.refresh_from_db()
    links = list(article.current_revision.read_also.all())
    assert [(link.target, link.after_paragraph, link.position) for link in links] == [
        (second, 3, 0),
        (first, 1, 1),
    ]
    # Removing every row is saved as no links, not as "keep the old ones".
    editor.post(
        reverse("desk:edit", args=[article.slug]),
        {
            "based_on": article.current_revision.pk,
            "headline": "Story",
            "body": "".join(revision.body),
            "outlet": article.outlet_id,
            "read_also_present": "1",
        },
    )
    article.refresh_from_db()
    assert not article.current_revision.read_also.exists()


def test_a_link_to_an_unpublished_article_is_flagged(editor, import_seeds):
    from tests.conftest import EXAMPLE_SEED, EXAMPLE_SLUG, PALMYRA_SEED

    import_seeds(EXAMPLE_SEED, PALMYRA_SEED)
    page = editor.get(reverse("desk:edit", args=[EXAMPLE_SLUG])).content.decode()
    assert "Hezbollah Sends More Reinforcements to Palmyra Desert: Source" in page
    assert '<span class="flag">not published</span>' in page


def test_a_broken_row_is_refused_with_a_reason(editor, make_article):
    article = make_article("Story")
    revision = article.current_revision
    response = editor.post(
        reverse("desk:edit", args=[article.slug]),
        {
            "based_on": revision.pk,
            "headline": "Story",
            "body": "<p>x</p>",
            "outlet": article.outlet_id,
            "read_also_present": "1",
            "read_also_target": ["999999"],
            "read_also_headline": ["Gone"],
            "read_also_after": ["1"],
        },
    )
    assert (
        "A Read Also link points at an article that no longer exists." in response.content.decode()
    )
    assert article.revisions.count() == 1
