"""The demo newsroom's first morning: the English demo stories taken through the real
workflow to publication, so that `make run` opens on a public site with a true audit trail."""

from .arabic import normalize
from .editing import disclaimer_for, save_revision
from .models import Article, ArticleStatus, GlossaryTerm, Keyword, Language
from .workflow import apply as take
from .workflow import publishing_checks

# Keywords the demo editor adds where the source story carried none: one in Arabic, as readers
# searching the Arabic name of a place find it (and the site marks it as Arabic).
DEMO_KEYWORDS = {
    "desert-on-fire-pro-regime-fighters-killed-by-unknown-assailants": [
        "ISIS",
        "Syrian Badia",
        "البادية",
    ],
    "rents-in-aleppo-double-within-a-year-as-returnees-compete-for-housing": ["Aleppo", "Housing"],
}
# The newsroom's glossary: names the site always renders the same way.
DEMO_GLOSSARY = [
    ("البادية", "the Badia", "The Syrian desert; keep the article."),
    ("لواء القدس", "Liwa al-Quds", "Pro-regime militia; do not translate the name."),
    ("قوات الدفاع الوطني", "the National Defence Forces", "Pro-regime militia (NDF)."),
    ("درعا", "Daraa", ""),
    ("المزيريب", "al-Muzayrib", "Town in western Daraa countryside."),
    ("دير الزور", "Deir Ezzor", ""),
    ("المازوت", "diesel", "Heating and transport fuel."),
]
# Left for the visitor: in the review queue, for a reviewer to try.
LEFT_IN_REVIEW = {"rents-in-aleppo-double-within-a-year-as-returnees-compete-for-housing"}


def publish_demo_stories(*, editor, reviewer):
    """The editor prepares each new English story (keywords, the disclaimer its outlet needs)
    and submits it; the reviewer approves and publishes it once every check passes. Stories
    whose Read Also targets are not yet published wait for them. Returns the published."""
    waiting = list(
        Article.objects.filter(status=ArticleStatus.NEW, source_story__language=Language.ENGLISH)
        .select_related("current_revision", "outlet", "source_story")
        .order_by("pk")
    )
    for article in waiting:
        prepare(article, editor)
    published = []
    progress = True
    while progress:
        progress = False
        for article in [a for a in waiting if a not in published]:
            if article.slug in LEFT_IN_REVIEW:
                continue
            if all(check.passed for check in publishing_checks(article)):
                take(article, "submit", actor=editor, notify=False)
                take(article, "approve", actor=reviewer, notify=False)
                take(article, "publish", actor=reviewer, notify=False)
                published.append(article)
                progress = True
    for article in waiting:
        if article.slug in LEFT_IN_REVIEW:
            take(
                article,
                "submit",
                actor=editor,
                comment="First go at the Aleppo rents story.",
                notify=False,
            )
    return published


def prepare(article, editor):
    revision = article.current_revision
    keywords = list(revision.keywords.all()) or [
        Keyword.objects.named(name) for name in DEMO_KEYWORDS.get(article.slug, [])
    ]
    disclaimer = disclaimer_for(article, revision)
    save_revision(
        article,
        author=editor,
        based_on=revision,
        headline=revision.headline,
        standfirst=revision.standfirst,
        body=revision.body,
        disclaimer=disclaimer,
        keywords=keywords,
        outlet=article.outlet,
        assignee=editor,
        note="Checked against the source; keywords and disclaimer in place.",
    )


def fill_glossary():
    for source_term, rendering, note in DEMO_GLOSSARY:
        GlossaryTerm.objects.get_or_create(
            normalized=normalize(source_term),
            defaults={"source_term": source_term, "rendering": rendering, "note": note},
        )
