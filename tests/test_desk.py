"""Editors find their work on the desk: queues, counts, filters, search, pages."""

import pytest
from django.urls import reverse

from tests.conftest import EXAMPLE_SEED, SEEDS

pytestmark = pytest.mark.django_db
DESK = reverse("desk:desk")


@pytest.fixture
def editor(client, users):
    client.force_login(users["editor"])
    return client


def headlines(response):
    return [a.headline for a in response.context["page"].object_list]


def test_queues_show_counts_and_the_chosen_queue(editor, make_article):
    make_article("Drafted one", status="drafting")
    make_article("Drafted two", status="drafting")
    make_article("In review", status="in_review")
    response = editor.get(DESK, {"queue": "drafting"})
    queues = {value: count for value, _, count in response.context["queues"]}
    assert queues["drafting"] == 2
    assert queues["in_review"] == 1
    assert response.context["total"] == 3
    assert sorted(headlines(response)) == ["Drafted one", "Drafted two"]


def test_search_finds_the_imported_example(editor, import_seeds):
    import_seeds(SEEDS)
    response = editor.get(DESK, {"q": "Rusafa"})  # a word from the example's body
    assert headlines(response) == [
        "Desert on Fire: Pro-Regime Fighters Killed by Unknown Assailants"
    ]


def test_search_finds_an_untranslated_story_by_its_arabic_headline(editor, import_seeds):
    import_seeds(SEEDS / "004_ar_enab_baladi_daraa_arrests.txt", EXAMPLE_SEED)
    response = editor.get(DESK, {"q": "درعا"})
    assert len(headlines(response)) == 1
    assert response.context["page"].object_list[0].source_story.language == "ar"


def test_filters_by_outlet_keyword_language_and_assignee(editor, make_article, users):
    make_article("From SY-24", outlet="SY-24", keywords=["Badia"])
    make_article("From Enab Baladi", outlet="Enab Baladi", assignee=users["editor"])
    make_article("Arabic one", outlet="Enab Baladi", language="ar")
    assert headlines(editor.get(DESK, {"outlet": "sy-24"})) == ["From SY-24"]
    assert headlines(editor.get(DESK, {"keyword": "badia"})) == ["From SY-24"]
    assert headlines(editor.get(DESK, {"language": "ar"})) == ["Arabic one"]
    assert headlines(editor.get(DESK, {"mine": "on"})) == ["From Enab Baladi"]


def test_bad_filter_values_are_explained(editor, make_article):
    make_article()
    response = editor.get(DESK, {"arrived_from": "2026-05-02", "arrived_to": "2026-05-01"})
    assert "The start date is after the end date." in response.content.decode()
    assert headlines(response) == []
    response = editor.get(DESK, {"outlet": "nowhere"})
    assert "Select a valid choice" in response.content.decode()


def test_pages(editor, make_article):
    for n in range(30):
        make_article(f"Story {n}")
    first, second = editor.get(DESK), editor.get(DESK, {"page": 2})
    assert len(headlines(first)) == 25
    assert len(headlines(second)) == 5
    assert 'rel="next"' in first.content.decode()


def test_htmx_request_gets_only_the_results(editor, make_article):
    make_article("Quarry story")
    response = editor.get(DESK, {"q": "Quarry"}, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert page.lstrip().startswith('<section id="desk-results"')
    assert "<html" not in page
    assert "Quarry story" in page


@pytest.mark.parametrize("query", [{}, {"q": "story"}, {"queue": "new", "outlet": "sy-24"}])
def test_the_desk_runs_the_same_queries_whatever_the_number_of_articles(
    editor, make_article, users, query
):
    def queries_for(count):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        for n in range(count):
            make_article(f"Story {n}", keywords=["Badia"], assignee=users["reviewer"])
        with CaptureQueriesContext(connection) as captured:
            assert editor.get(DESK, query).status_code == 200
        return len(captured)

    few = queries_for(2)
    many = queries_for(40)
    assert few == many
    assert many <= 10


def link_named(response, name):
    """The href of the link whose text starts with `name`, as the page renders it."""
    import html
    import re

    for href, text in re.findall(r'<a href="([^"]*)"[^>]*>([^<]*)', response.content.decode()):
        if text.strip().startswith(name):
            return html.unescape(href)
    raise AssertionError(f"no link named {name!r}")


def test_queue_tabs_and_page_links_lead_where_they_say(editor, make_article):
    for n in range(27):
        make_article(f"Drafted {n}", status="drafting")
    make_article("Under review", status="in_review")
    first = editor.get(DESK, {"outlet": "sy-24"})

    in_review = editor.get(DESK + link_named(first, "In review"))
    assert in_review.context["queue"] == "in_review"
    assert headlines(in_review) == ["Under review"]
    assert in_review.context["form"].cleaned_data["outlet"].slug == "sy-24"  # filters kept

    drafting = editor.get(DESK + link_named(first, "Drafting"))
    second_page = editor.get(DESK + link_named(drafting, "Older"))
    assert second_page.context["page"].number == 2
    assert len(headlines(second_page)) == 2
    assert second_page.context["queue"] == "drafting"
