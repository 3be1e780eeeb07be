"""Fill a migrated database with the peer bench's data set, in our shape: 1,000 published
articles, each with 12 paragraphs of English-like text, 5 keywords, 3 Read Also links placed
in the body (to articles published before it, as the desk requires: the first three have
fewer) and the standard disclaimer, taken to publication through the real workflow
(an editor's revision, submit, a reviewer's approval and publication). Deterministic.

    DJANGO_SETTINGS_MODULE=... DATABASE_URL=... python bench/peer_articles.py [COUNT]

Prints the path of the article the bench loads (the 500th, as the peer's ARTICLE_INDEX)."""

import hashlib
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import transaction  # noqa: E402

from articles import body, workflow  # noqa: E402
from articles.editing import save_revision  # noqa: E402
from articles.models import Article, Disclaimer, Outlet, Revision, SourceStory  # noqa: E402
from articles.text import headline_key  # noqa: E402

VOCABULARY = """the a of in and to on for with from by at as after before during against between
government forces fighters regime opposition council officials residents families villages town
city province countryside border crossing market prices fuel bread water electricity hospital
school camp displaced returnees workers farmers traders drivers police security checkpoint
convoy militia brigade army commander spokesman ministry committee court report statement
agreement ceasefire talks negotiations aid supplies shipment harvest season winter summer week
month year morning evening attack shelling raid arrest release protest strike meeting visit
said reported announced confirmed denied warned accused demanded promised agreed refused
rose fell doubled collapsed reopened closed expanded reduced new local regional international
several dozens hundreds thousands many few most other southern northern eastern western rural
urban heavy sharp sudden long short official unofficial independent"""
WORDS = VOCABULARY.split()
PLACES = ["Daraa", "Idlib", "Aleppo", "Homs", "Hama", "Raqqa", "Deir Ezzor", "Latakia",
          "Tartus", "Qamishli", "Palmyra", "Douma", "Jableh", "Manbij", "Suwayda"]  # fmt: skip
TOPICS = ["Fuel", "Bread", "Housing", "Electricity", "Water", "Elections", "Detainees",
          "Refugees", "Harvest", "Checkpoints", "Smuggling", "Schools", "Hospitals", "Rents",
          "Salaries", "Currency", "Transport", "Drought", "Courts", "Kidnapping"]  # fmt: skip
KEYWORDS = PLACES + TOPICS
ARTICLE_INDEX = 500


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(9, 22))]
    if rng.random() < 0.3:
        words.insert(rng.randint(1, len(words) - 1), rng.choice(PLACES))
    if rng.random() < 0.15:
        words.insert(rng.randint(1, len(words) - 1), str(rng.randint(2, 98)))
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice(".....?!")


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 5)))


def headline(rng, n):
    return f"{rng.choice(TOPICS)} {rng.choice(WORDS)} in {rng.choice(PLACES)} as {
        rng.choice(WORDS)
    } {rng.choice(WORDS)} {rng.randint(2, 30)} ({n})"


def imported(rng, n, outlet):
    """A source story and its article as the importer leaves them: an English story, new."""
    title = headline(rng, n)
    paragraphs = [paragraph(rng) for _ in range(12)]
    digest = hashlib.sha256(title.encode()).hexdigest()
    story = SourceStory.objects.create(
        outlet=outlet,
        language="en",
        headline=title,
        headline_key=headline_key(title),
        standfirst=" ".join(sentence(rng) for _ in range(2)),
        paragraphs=paragraphs,
        file_name=f"peer-{n:04d}.txt",
        raw="\n\n".join([title, *paragraphs]).encode(),
        checksum=digest,
        content_hash=digest,
    )
    article = Article.objects.create(
        slug=f"peer-{n:04d}", status="new", source_story=story, outlet=outlet
    )
    first = Revision.build(
        article=article,
        number=1,
        headline=title,
        standfirst=story.standfirst,
        body=[body.paragraph(p) for p in paragraphs],
    )
    first.save()
    article.current_revision = first
    article.save()
    return article


def edited(rng, article, others, *, editor, disclaimer):
    """The editor's revision: the same text, five keywords, three Read Also links between
    paragraphs, the disclaimer."""
    revision = article.current_revision
    text = body.text_blocks(revision.body)
    places = sorted(rng.sample(range(2, 11), len(others)))
    links = [
        (after, body.read_also(target.current_revision.headline, target=target.pk))
        for after, target in zip(places, others, strict=True)
    ]
    save_revision(
        article,
        author=editor,
        based_on=revision,
        headline=revision.headline,
        standfirst=revision.standfirst,
        body=body.with_read_also_after(text, links),
        disclaimer=disclaimer,
        keywords=rng.sample(KEYWORDS, 5),
        outlet=article.outlet,
        assignee=None,
    )


def main(count):
    rng = random.Random(42)
    User = get_user_model()
    editor, reviewer = User.objects.get(username="editor"), User.objects.get(username="reviewer")
    outlet = Outlet.objects.filter(requires_disclaimer=True).order_by("pk").first()
    disclaimer = Disclaimer.objects.get(is_standard=True)
    with transaction.atomic():
        articles = [imported(rng, n, outlet) for n in range(1, count + 1)]
    for i, article in enumerate(articles):
        others = rng.sample(articles[:i], min(i, 3))  # published before it, as the desk requires
        with transaction.atomic():
            edited(rng, article, others, editor=editor, disclaimer=disclaimer)
    for article in articles:
        workflow.apply(article, "submit", actor=editor, notify=False)
        workflow.apply(article, "approve", actor=reviewer, notify=False)
        workflow.apply(article, "publish", actor=reviewer, notify=False)
    print(articles[min(ARTICLE_INDEX, count) - 1].get_absolute_url())


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
