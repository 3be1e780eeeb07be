"""Editors read an article's history, compare any two revisions and restore one."""

import pytest
from django.urls import reverse

from articles.body import paragraph
from articles.editing import save_revision
from articles.models import Disclaimer, Keyword
from tests.conftest import EXAMPLE_SEED, EXAMPLE_SLUG

pytestmark = pytest.mark.django_db


@pytest.fixture
def edited(import_seeds, users):
    from articles.models import Article

    import_seeds(EXAMPLE_SEED)
    article = Article.objects.get(slug=EXAMPLE_SLUG)
    first = article.current_revision
    save_revision(
        article,
        author=users["editor"],
        based_on=first,
        headline=first.headline,
        standfirst=first.standfirst,
        body=[  # the opening rewritten, the Read Also link taken out
            paragraph("Sources confirmed the killing of several fighters."),
            *[block for block in first.body[1:] if block["type"] != "read_also"],
        ],
        disclaimer=None,
        keywords=[Keyword.objects.named("Badia")],
        outlet=article.outlet,
        assignee=None,
        note="Shorter opening",
    )
    return article


def test_diff_against_the_previous_revision(client, users, edited):
    client.force_login(users["translator"])
    response = client.get(reverse("desk:history", args=[edited.slug]))
    diff = {field.label: field for field in response.context["diff"]}
    assert (response.context["older"].number, response.context["newer"].number) == (1, 2)
    assert not diff["Headline"].changed
    changed = [block for block in diff["Body"].blocks if block.changed]
    assert any(
        kind == "removed" and "documenting" in text
        for block in changed
        for kind, text in block.pieces
    )
    assert diff["Disclaimer"].pieces == [("removed", "Not verified (standard)"), ("added", "none")]
    assert ("added", "Badia") in diff["Keywords"].pieces
    assert any(block.kind == "removed" and block.label == "Read Also" for block in changed)
    page = response.content.decode()
    assert "Shorter opening" in page
    assert '<del dir="auto">Not verified (standard)</del>' in page


def test_restore_makes_a_new_revision(client, users, edited):
    client.force_login(users["editor"])
    response = client.post(
        reverse("desk:restore", args=[edited.slug, 1]),
        {"based_on": edited.current_revision.pk},
        follow=True,
    )
    assert "Revision 1 restored as revision 3." in response.content.decode()
    edited.refresh_from_db()
    restored = edited.current_revision
    assert restored.number == 3
    assert restored.body == edited.revisions.get(number=1).body
    assert restored.disclaimer == Disclaimer.objects.get(is_standard=True)
    assert restored.read_also.get().after_paragraph == 6


@pytest.mark.parametrize("based_on", [None, "", "abc", "999999"])
def test_a_restore_without_the_revision_it_was_based_on_is_refused_clearly(
    client, users, edited, based_on
):
    client.force_login(users["editor"])
    data = {} if based_on is None else {"based_on": based_on}
    response = client.post(reverse("desk:restore", args=[edited.slug, 1]), data, follow=True)
    assert "Not restored: the form did not say which revision you had open." in (
        response.content.decode()
    )
    edited.refresh_from_db()
    assert edited.current_revision.number == 2


def test_draft_against_published_is_one_click_from_desk_and_edit_screen(client, users, edited):
    from articles.models import Article

    Article.objects.filter(pk=edited.pk).update(
        status="published", published_revision=edited.revisions.get(number=1)
    )
    client.force_login(users["editor"])
    link = f"{reverse('desk:history', args=[edited.slug])}?published"
    assert link in client.get(reverse("desk:desk")).content.decode()
    assert link in client.get(reverse("desk:edit", args=[edited.slug])).content.decode()
    response = client.get(link)
    assert (response.context["older"].number, response.context["newer"].number) == (1, 2)


def test_a_paragraph_rewritten_in_another_language_shows_as_one_block_out_and_one_in():
    from articles.diffing import body_diff

    kept = "Regime forces raided the town on Sunday."
    old = [paragraph(t, block_id=f"b{n}") for n, t in enumerate(
        [kept, "وأضاف أن عناصر الحاجز أغلقوا الطريق", "Gone entirely."])]  # fmt: skip
    new = [paragraph(t, block_id=f"b{n}") for n, t in enumerate(
        [kept, "He added that checkpoint personnel closed the road.", "A new closing line."])]  # fmt: skip
    assert [change.pieces for change in body_diff(old, new)] == [
        [("same", kept)],
        [("removed", "وأضاف أن عناصر الحاجز أغلقوا الطريق"),
         ("added", "He added that checkpoint personnel closed the road.")],
        [("removed", "Gone entirely."), ("added", "A new closing line.")],
    ]  # fmt: skip


def test_a_real_paragraph_and_its_translation_are_a_rewrite_and_unrelated_sentences_too():
    from articles.diffing import word_diff

    arabic = (
        "وأضاف أن عناصر الحاجز أغلقوا الطريق الواصل بين المزيريب وطفس لساعات، ومنعوا المزارعين "
        "من الوصول إلى أراضيهم، في حين لم يصدر أي تعليق رسمي حول الحادثة."
    )
    english = (
        "He added that checkpoint personnel closed the road between al-Muzayrib and Tafas for "
        "hours, preventing farmers from reaching their land, while there was no official comment."
    )
    assert word_diff(arabic, english) == [("removed", arabic), ("added", english)]
    one, other = "The convoy reached Idlib on Monday.", "Prices of bread rose in Aleppo, again."
    assert word_diff(one, other) == [("removed", one), ("added", other)]


def test_a_small_change_in_a_paragraph_is_shown_word_by_word():
    from articles.diffing import body_diff

    [change] = body_diff([paragraph("Fighters were killed in Deraa.", block_id="b")],
                         [paragraph("Fighters were killed in Daraa.", block_id="b")])  # fmt: skip
    assert change.pieces == [("same", "Fighters were killed in "), ("removed", "Deraa"),
                      ("added", "Daraa"), ("same", ".")]  # fmt: skip


def test_revisions_name_their_author_as_the_rest_of_the_desk_does(client, users, edited):
    users["editor"].first_name, users["editor"].last_name = "Eyad", "Khoury"
    users["editor"].save()
    client.force_login(users["translator"])
    page = client.get(reverse("desk:history", args=[edited.slug])).content.decode()
    assert "<td>Eyad Khoury</td>" in page


def test_the_importers_empty_draft_of_an_arabic_story_cannot_be_restored(
    client, users, make_article
):
    article = make_article("", language="ar", paragraphs=["نص عربي"], outlet="Enab Baladi")
    save_revision(
        article, author=users["editor"], based_on=article.current_revision, headline="English",
        standfirst="", body=[paragraph("English.")], disclaimer=None, keywords=[],
        outlet=article.outlet, assignee=None,
    )  # fmt: skip
    client.force_login(users["editor"])
    page = client.get(reverse("desk:history", args=[article.slug])).content.decode()
    assert reverse("desk:restore", args=[article.slug, 1]) not in page
    response = client.post(reverse("desk:restore", args=[article.slug, 1]),
                           {"based_on": article.revisions.get(number=2).pk}, follow=True)  # fmt: skip
    assert "Not restored: revision 1 has no English headline and body" in response.content.decode()
    article.refresh_from_db()
    assert article.current_revision.headline == "English"


def test_a_bold_only_change_is_a_formatting_change_and_a_moved_read_also_a_move():
    from articles.body import paragraph, read_also
    from articles.diffing import body_diff

    one, two, three = (paragraph(t, block_id=t) for t in ["One.", "Two.", "Three."])
    link = read_also("Bread prices", target=3, block_id="link")
    bold = {**two, "content": [{"type": "text", "text": "Two.", "marks": [{"type": "strong"}]}]}
    changes = body_diff([one, link, two, three], [one, bold, three, link])
    by_label = {change.label: change for change in changes}
    assert by_label["Paragraph 2"].kind == "formatting"
    assert by_label["Paragraph 2"].notes == ("“Two.”: bold added.",)
    assert by_label["Read Also"].kind == "moved"
    assert by_label["Read Also"].notes[0] == (
        "Moved: was after paragraph 1, now after paragraph 3."
    )
    assert [change.kind for change in changes].count("same") == 2
    removed = body_diff([one, link, two], [one, two])
    assert [(c.kind, c.label) for c in removed] == [
        ("same", "Paragraph 1"),
        ("removed", "Read Also"),
        ("same", "Paragraph 2"),
    ]


def test_comparing_hostile_bodies_takes_bounded_time():
    """Long paragraphs whose words were all reordered, in a body of the most blocks allowed:
    compared in bounded time (under a second on a quiet machine; the limit leaves room for a
    busy one, while a word-by-word comparison would take minutes), the rest shown as rewritten
    rather than word by word."""
    import random
    import time

    from articles.body import MAX_BLOCKS, paragraph
    from articles.diffing import body_diff

    words = [f"w{n % 50}" for n in range(240)]
    shuffled = random.Random(1).sample(words, len(words))
    old = [paragraph(" ".join(words), block_id=f"b{n}") for n in range(MAX_BLOCKS)]
    new = [paragraph(" ".join(shuffled), block_id=f"b{n}") for n in range(MAX_BLOCKS)]
    started = time.monotonic()
    changes = body_diff(old, new)
    assert time.monotonic() - started < 3
    assert all(change.kind == "changed" for change in changes)
    long_one = body_diff([paragraph(" ".join(words * 20), block_id="x")],
                         [paragraph(" ".join(shuffled * 20), block_id="x")])  # fmt: skip
    assert long_one[0].pieces == [("removed", " ".join(words * 20)),
                                  ("added", " ".join(shuffled * 20))]  # fmt: skip


def test_restoring_a_revision_whose_read_also_target_was_deleted_keeps_the_link_by_headline(
    client, users, make_article
):
    from tests.conftest import add_read_also

    article = make_article("Story", paragraphs=["One.", "Two."])
    target = make_article("Gone story", status="published")
    first = article.current_revision
    add_read_also(first, after_paragraph=1, target=target)
    save_revision(
        article, author=users["editor"], based_on=first, headline="Story", standfirst="",
        body=[paragraph("Rewritten.")], disclaimer=None, keywords=[], outlet=article.outlet,
        assignee=None,
    )  # fmt: skip
    target.delete()
    client.force_login(users["editor"])
    article.refresh_from_db()
    response = client.post(
        reverse("desk:restore", args=[article.slug, 1]),
        {"based_on": article.current_revision.pk},
        follow=True,
    )
    assert "Revision 1 restored as revision 3." in response.content.decode()
    article.refresh_from_db()
    link = article.current_revision.read_also.get()
    assert (link.target, link.target_headline, link.after_paragraph) == (None, "Gone story", 1)
