"""Other tools read the articles through `manage.py export_articles`."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Article, ArticleStatus
from tests.conftest import EXAMPLE_SEED, EXAMPLE_SLUG, PALMYRA_SEED, PALMYRA_SLUG, SEEDS

pytestmark = pytest.mark.django_db

STANDARD_DISCLAIMER = (
    "This article was edited by The Syrian Observer. The Syrian Observer has not verified the "
    "content of this story. Responsibility for the information and views set out in this "
    "article lies entirely with the author."
)


def export(*args):
    out = StringIO()
    call_command("export_articles", *args, stdout=out)
    return json.loads(out.getvalue())


def test_example_seed_exports_exactly(import_seeds):
    import_seeds(EXAMPLE_SEED)
    [article] = export()
    paragraphs = article.pop("paragraphs")
    body = article.pop("body")
    assert [block["type"] for block in body] == ["paragraph"] * 6 + ["read_also"] + [
        "paragraph"
    ] * 3
    assert body[6]["attrs"]["headline"].startswith("Hezbollah Sends")
    assert len({block["attrs"]["id"] for block in body}) == 10
    assert article == {
        "slug": EXAMPLE_SLUG,
        "title": "Desert on Fire: Pro-Regime Fighters Killed by Unknown Assailants",
        "standfirst": (
            "More pro-regime fighters were killed by ISIS in the Syrian Badia, according to SY-24."
        ),
        "read_also": [
            {
                "title": "Hezbollah Sends More Reinforcements to Palmyra Desert: Source",
                "slug": None,
                "after_paragraph": 6,
            }
        ],
        "disclaimer": STANDARD_DISCLAIMER,
        "outlet": "SY-24",
        "source_language": "en",
        "keywords": [],
        "status": "new",
        "published_at": None,
        "source_file": "000_252ad55ec63d5465.txt",
        "source_title": "Desert on Fire: Pro-Regime Fighters Killed by Unknown Assailants",
        "flags": [],
    }
    assert len(paragraphs) == 9
    assert paragraphs[0].startswith("Sources interested in documenting the deaths")
    assert paragraphs[-1].startswith("Since the middle of February")
    assert all(p == p.strip() for p in paragraphs)


@pytest.mark.parametrize("order", [[EXAMPLE_SEED, PALMYRA_SEED], [PALMYRA_SEED, EXAMPLE_SEED]])
def test_read_also_carries_the_slug_once_its_article_is_imported(import_seeds, order):
    for seed in order:
        import_seeds(seed)
    example = next(a for a in export() if a["slug"] == EXAMPLE_SLUG)
    assert example["read_also"][0]["slug"] == PALMYRA_SLUG


def test_status_filter(import_seeds):
    import_seeds(SEEDS)
    Article.objects.filter(slug=PALMYRA_SLUG).update(status=ArticleStatus.DRAFTING)
    assert [a["slug"] for a in export("--status", "drafting")] == [PALMYRA_SLUG]
    assert export("--status", "published") == []


def test_every_article_has_every_key(import_seeds):
    import_seeds(SEEDS)
    keys = {
        "slug",
        "title",
        "standfirst",
        "paragraphs",
        "read_also",
        "body",
        "disclaimer",
        "outlet",
        "source_language",
        "keywords",
        "status",
        "published_at",
        "source_file",
        "source_title",
        "flags",
    }
    articles = export()
    assert len(articles) == len(list(SEEDS.glob("*.txt")))
    assert all(set(a) == keys for a in articles)
    arabic = next(a for a in articles if a["source_file"].startswith("004_ar"))
    assert (arabic["title"], arabic["paragraphs"], arabic["source_language"]) == (None, [], "ar")
    palmyra = next(a for a in articles if a["slug"] == PALMYRA_SLUG)
    assert palmyra["keywords"] == ["Hezbollah", "Palmyra", "Syrian Badia"]


def test_empty_database_exports_an_empty_array():
    assert export() == []


def test_published_exports_what_readers_see_not_the_correction_being_drafted(ready_article):
    live = ready_article("correcting", "Live story")
    ready_article("in_review", "Not yet published")
    [exported] = export("--published")
    assert exported["slug"] == live.slug
    assert exported["status"] == "correcting"
    assert "A corrected line." not in exported["paragraphs"]
    assert "A corrected line." in export("--status", "correcting")[0]["paragraphs"]


def test_published_lists_read_also_links_as_readers_see_them(ready_article):
    from tests.conftest import add_read_also

    live = ready_article("published", "Live story")
    target = ready_article("published", "Target as published")
    withdrawn = ready_article("unpublished", "Withdrawn target")
    for linked in [target, withdrawn]:
        add_read_also(live.published_revision, after_paragraph=1, target=linked,
                      target_headline="As the source named it")  # fmt: skip
    [exported] = [a for a in export("--published") if a["slug"] == live.slug]
    assert exported["read_also"] == [
        {"title": "Target as published", "slug": target.slug, "after_paragraph": 1}
    ]
    links = [block["attrs"] for block in exported["body"] if block["type"] == "read_also"]
    assert [(a["target"], a["headline"]) for a in links] == [(target.slug, "Target as published")]
    [everything] = [a for a in export() if a["slug"] == live.slug]
    assert len([b for b in everything["body"] if b["type"] == "read_also"]) == 2
