"""Arabic on the public pages is marked as Arabic (WCAG 3.1.2, language of parts): a screen
reader speaks it as Arabic and the browser lays it out right to left. axe does not see a
missing mark, so this test looks at every text node itself."""

from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest
from django.urls import reverse

from articles.arabic import has_arabic
from articles.body import paragraph
from articles.language import in_arabic, lang_marked
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


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def unmarked_arabic_in_feed(xml):
    """(element, text) for each Arabic-script text or keyword term in a feed that nothing marks
    as Arabic: neither xml:lang="ar" on it or around it, nor, where it is HTML (a description,
    an Atom text of type html), a lang="ar" element inside."""
    unmarked = []

    def walk(element, lang, parent):
        lang = element.get(XML_LANG, lang)
        tag = element.tag.rsplit("}", 1)[-1]
        text = element.text or element.get("term") or ""
        if has_arabic(text) and not lang.startswith("ar"):
            if (parent, tag) == ("item", "description") or element.get("type") == "html":
                unmarked.extend(unmarked_arabic(f"<body>{text}</body>"))
            else:
                unmarked.append((tag, text))
        for child in element:
            walk(child, lang, tag)

    walk(ElementTree.fromstring(xml), "", "")
    return unmarked


def test_arabic_in_the_feeds_is_marked_as_arabic(client, arabic_on_the_site):
    """All-Arabic text (a keyword, an outlet's name) carries xml:lang="ar"; Arabic within
    English is marked run by run wherever the element is HTML. RSS titles and a channel's
    description are plain text only: there, text mixing the two cannot be marked."""
    article = arabic_on_the_site
    keyword = Keyword.objects.named("درعا")
    feeds = {
        "rss": reverse("public:feed"),
        "atom": reverse("public:feed_atom"),
        "keyword rss": reverse("public:keyword_feed", args=[keyword.slug]),
        "keyword atom": reverse("public:keyword_atom", args=[keyword.slug]),
        "outlet rss": reverse("public:outlet_feed", args=[article.outlet.slug]),
        "outlet atom": reverse("public:outlet_atom", args=[article.outlet.slug]),
    }
    for name, url in feeds.items():
        feed = client.get(url)
        assert feed.status_code == 200, name
        unmarked = unmarked_arabic_in_feed(feed.content)
        if "atom" in name:
            assert unmarked == [], name
        else:
            assert {tag for tag, _ in unmarked} <= {"title", "description"}, name
            assert all(not in_arabic(text) for _, text in unmarked), name
    rss = client.get(feeds["keyword rss"]).text
    assert '<category xml:lang="ar">درعا</category>' in rss
    assert '<dc:creator xml:lang="ar" xmlns:dc="http://purl.org/dc/elements/1.1/">عنب بلدي<' in rss
    assert '&lt;span lang="ar" dir="rtl"&gt;المزيريب&lt;/span&gt;' in rss


def test_the_feed_checker_finds_unmarked_arabic():
    rss = "<rss><channel><item><category>درعا</category><description>In درعا</description>"
    assert unmarked_arabic_in_feed(rss + "</item></channel></rss>") == [
        ("category", "درعا"),
        ("body", "In درعا"),
    ]


def test_the_demos_arabic_keyword_outlet_and_search_pages_are_marked(client, settings):
    """What `make run` shows: the demo's Arabic keyword, on its page, its article's and its
    feed; every outlet's page; a search in Arabic."""
    from django.core.management import call_command

    from articles.models import Article

    settings.DEBUG = True
    call_command("load_demo", verbosity=0)
    keyword = Keyword.objects.get(name="البادية")
    [article] = Article.objects.published().filter(published_revision__keywords=keyword)
    pages = [
        keyword.get_absolute_url(),
        article.get_absolute_url(),
        reverse("public:search") + "?q=البادية",
        *[outlet.get_absolute_url() for outlet in Outlet.objects.all()],
    ]
    for url in pages:
        page = client.get(url)
        assert page.status_code == 200, url
        assert unmarked_arabic(page.text) == [], url
    for url in pages[:3]:  # the pages showing Arabic do show it
        assert has_arabic(client.get(url).text.split("<body", 1)[1]), url
    atom = client.get(reverse("public:keyword_atom", args=[keyword.slug])).content
    assert unmarked_arabic_in_feed(atom) == []
