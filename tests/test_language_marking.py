"""Arabic on the public pages is marked as Arabic (WCAG 3.1.2, language of parts): a screen
reader speaks it as Arabic and the browser lays it out right to left. axe does not see a
missing mark, so this test looks at every text node itself."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from articles.arabic import has_arabic
from articles.body import paragraph
from articles.language import lang_marked
from articles.models import Keyword, Outlet, OutletStatus

pytestmark = pytest.mark.django_db

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip


class ArabicWithoutLang(HTMLParser):
    """The Arabic-script text nodes of a page's body with no ancestor marked lang="ar"."""

    def __init__(self):
        super().__init__()
        self.open, self.unmarked = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.open.append((tag, dict(attrs).get("lang")))

    def handle_endtag(self, tag):
        while self.open:
            if self.open.pop()[0] == tag:
                break

    def handle_data(self, data):
        tags = [tag for tag, _ in self.open]
        if "body" not in tags or not has_arabic(data):
            return
        lang = next((lang for _, lang in reversed(self.open) if lang), "")
        if not lang.startswith("ar"):
            self.unmarked.append((tags[-1], data.strip()))


def unmarked_arabic(html):
    parser = ArabicWithoutLang()
    parser.feed(html)
    return parser.unmarked


def test_runs_of_arabic_are_marked_and_the_rest_escaped():
    assert lang_marked("Daraa (درعا، ٢٠٢٤) <b>") == (
        'Daraa (<span lang="ar" dir="rtl">درعا، ٢٠٢٤</span>) &lt;b&gt;'
    )
    assert lang_marked("“الموت ولا المذلة” in Daraa") == (
        '“<span lang="ar" dir="rtl">الموت ولا المذلة</span>” in Daraa'
    )
    assert lang_marked("No Arabic here") == "No Arabic here"


def test_the_checker_finds_an_unmarked_arabic_word():
    assert unmarked_arabic('<html lang="en"><body><p>In درعا</p></body></html>') == [
        ("p", "In درعا")
    ]
    assert unmarked_arabic('<body><p>In <span lang="ar">درعا</span></p></body>') == []


@pytest.fixture
def arabic_on_the_site(ready_article):
    outlet = Outlet.objects.create(name="عنب بلدي", slug="enab-baladi-ar",
                                   status=OutletStatus.CONFIRMED)  # fmt: skip
    article = ready_article(
        "published",
        headline="Arrests in Daraa (درعا) after an attack",
        paragraphs=["Protesters chanted “الموت ولا المذلة” in the town of المزيريب."],
        keywords=["درعا", "Daraa"],
    )
    article.outlet = outlet
    article.save()
    revision = article.published_revision
    revision.standfirst = "A raid in ريف درعا الغربي."
    revision.body = [paragraph(text) for text in revision.paragraph_texts]
    revision.save()
    return article


def test_every_arabic_word_on_the_public_pages_is_marked_as_arabic(client, arabic_on_the_site):
    article = arabic_on_the_site
    pages = {
        "article": article.get_absolute_url(),
        "home": reverse("public:home"),
        "keyword": Keyword.objects.named("درعا").get_absolute_url(),
        "outlet": article.outlet.get_absolute_url(),
        "search": reverse("public:search") + "?q=درعا",
    }
    for name, url in pages.items():
        page = client.get(url)
        assert page.status_code == 200, name
        assert has_arabic(page.text.split("<body", 1)[1]), name  # the page shows Arabic
        assert unmarked_arabic(page.text) == [], name
