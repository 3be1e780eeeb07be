"""Bad input at every URL: NUL and other control characters, numbers of 5,000 digits, ids
that are not numbers, over-long strings and bytes that are not UTF-8, in every path
segment, query parameter and form field a role can reach. None gives a 500; a GET
changes nothing stored; and nothing stored ever holds a control character.

CI runs it on PostgreSQL, where NUL and numbers out of range are database errors."""

import re
import time
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.urls import get_resolver, reverse

from articles import translation
from articles.models import GlossaryTerm, Keyword, Segment
from tests.conftest import stored_state as snapshot

pytestmark = pytest.mark.django_db

NUL, CONTROL = "ok\x00ok", "a\x01b\x1bc\x7f"
DIGITS, WORD, LONG = "9" * 5000, "abc", "x" * 5000
# What every URL gets in every field and parameter.
PAYLOADS = [("nul", NUL), ("control", CONTROL), ("digits", DIGITS), ("not-a-number", WORD),
            ("long", LONG)]  # fmt: skip
NOT_UTF8 = "%FF%FE%80"  # sent raw, in the query string and the form body
QUERY_PARAMETERS = ["q", "page", "from", "to", "against", "target", "queue", "outlet",
                    "keyword", "language", "flag", "arrived_from", "arrived_to", "mine",
                    "published", "position", "replace"]  # fmt: skip


class Fields(HTMLParser):
    """The names of a page's form fields."""

    def __init__(self):
        super().__init__()
        self.names = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"input", "textarea", "select"} and attrs.get("name"):
            self.names.add(attrs["name"])


def field_names(html):
    parser = Fields()
    parser.feed(html)
    return parser.names - {"csrfmiddlewaretoken"}


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def control_characters_stored():
    found = []
    for model in apps.get_app_config("articles").get_models():
        for row in model.objects.values_list():
            if _CONTROL.search(repr(row).encode().decode("unicode_escape", "ignore")):
                found.append((model.__name__, row[0]))
    return found


@pytest.fixture
def newsroom(make_article, ready_article, users):
    """One article of each kind a URL can name, and the ids its paths take."""
    english = ready_article("drafting", "Drafting story")
    published = ready_article("published", "Published story")
    arabic = make_article("هجوم في البادية", language="ar", outlet="Enab Baladi",
                          paragraphs=["قتل عنصران في هجوم.", "وقالت مصادر محلية."])  # fmt: skip
    segments = translation.segments_for(arabic)
    term = GlossaryTerm.objects.create(source_term="البادية", rendering="the Badia")
    return {
        "english": english,
        "published": published,
        "arabic": arabic,
        "segment": segments[1],
        "term": term,
        "keyword": Keyword.objects.named("Palmyra"),
    }


def urls(newsroom):
    """Every named URL of the desk and the public site, with real values in its path."""
    english, arabic, published = newsroom["english"], newsroom["arabic"], newsroom["published"]
    segment = newsroom["segment"]
    made = {
        "desk:desk": [reverse("desk:desk")],
        "desk:glossary": [reverse("desk:glossary")],
        "desk:glossary_term": [reverse("desk:glossary_term", args=[newsroom["term"].pk])],
        "desk:delete_glossary_term": [
            reverse("desk:delete_glossary_term", args=[newsroom["term"].pk])
        ],
        "desk:intake": [reverse("desk:intake")],
        "desk:confirm_intake": [reverse("desk:confirm_intake")],
        "desk:restore": [reverse("desk:restore", args=[english.slug, 1])],
        "desk:take_action": [
            reverse("desk:take_action", args=[english.slug, name])
            for name in ["submit", "spike", "unpublish"]
        ],
        "public:home": [reverse("public:home")],
        "public:article": [reverse("public:article", args=[published.slug])],
        "public:outlet": [reverse("public:outlet", args=["sy-24"])],
        "public:keyword": [reverse("public:keyword", args=[newsroom["keyword"].slug])],
        "public:keyword_feed": [reverse("public:keyword_feed", args=["palmyra"])],
        "public:keyword_atom": [reverse("public:keyword_atom", args=["palmyra"])],
        "public:outlet_feed": [reverse("public:outlet_feed", args=["sy-24"])],
        "public:outlet_atom": [reverse("public:outlet_atom", args=["sy-24"])],
    }
    for name in ["save_segment", "memory", "take_suggestion", "machine"]:
        made[f"desk:{name}"] = [reverse(f"desk:{name}", args=[arabic.slug, segment.pk])]
    for name in ["translate", "save_translation", "machine_all", "override_flag"]:
        made[f"desk:{name}"] = [reverse(f"desk:{name}", args=[arabic.slug])]
    for name in ["edit", "autosave_draft", "discard_draft", "presence", "read_also_search",
                 "history", "preview", "review"]:  # fmt: skip
        made[f"desk:{name}"] = [reverse(f"desk:{name}", args=[english.slug])]
    for name in ["translation_memory", "export_memory", "import_memory", "export_glossary",
                 "import_glossary", "add_glossary_term"]:  # fmt: skip
        made[f"desk:{name}"] = [reverse(f"desk:{name}")]
    return made


def named_urls():
    resolver = get_resolver()
    names = set()
    for namespace in ["desk", "public"]:
        _, sub = resolver.namespace_dict[namespace]
        names |= {f"{namespace}:{name}" for name in sub.reverse_dict if isinstance(name, str)}
    return names


def test_every_named_url_is_fuzzed(newsroom):
    unreached = named_urls() - set(urls(newsroom)) - {
        "public:search", "public:feed", "public:feed_atom", "public:sitemap",
        "public:news_sitemap",
    }  # fmt: skip
    # Those five take no path value; they are in PATHLESS below.
    assert not unreached, f"add these to the fuzz test: {sorted(unreached)}"


PATHLESS = ["public:search", "public:feed", "public:feed_atom", "public:news_sitemap"]


SLOW = 5  # seconds: a request that takes longer does unbounded work on what it was sent


def assert_no_server_error(response, what):
    assert response.status_code < 500, f"{what}: {response.status_code}"
    took = time.perf_counter() - response.sent_at
    assert took < SLOW, f"{what}: took {took:.1f} s"


@pytest.fixture
def client(client):
    """The test client, each response marked with when its request was sent."""
    for method in ["get", "post"]:
        send = getattr(client, method)

        def timed(*args, _send=send, **kwargs):
            sent_at = time.perf_counter()
            response = _send(*args, **kwargs)
            response.sent_at = sent_at
            return response

        setattr(client, method, timed)
    return client


@pytest.mark.parametrize("role", ["anonymous", "translator", "editor"])
def test_bad_query_parameters_and_paths(client, users, newsroom, role):
    """Every parameter at once with each payload, and each alone with the numbers no id is."""
    if role != "anonymous":
        client.force_login(users[role])
    targets = [url for made in urls(newsroom).values() for url in made]
    targets += [reverse(name) for name in PATHLESS]
    for url in targets:
        before = snapshot()
        for label, value in PAYLOADS:
            response = client.get(url, dict.fromkeys(QUERY_PARAMETERS, value))
            assert_no_server_error(response, f"GET {url} every parameter={label}")
        for parameter in QUERY_PARAMETERS:
            for label, value in [("digits", DIGITS), ("not-a-number", WORD)]:
                response = client.get(url, {parameter: value})
                assert_no_server_error(response, f"GET {url}?{parameter}={label}")
        response = client.get(f"{url}?q={NOT_UTF8}&page={NOT_UTF8}&from={NOT_UTF8}")
        assert_no_server_error(response, f"GET {url} not UTF-8")
        assert snapshot() == before, f"GET {url} changed what is stored"


@pytest.mark.parametrize(
    ("prefix", "value"),
    [
        ("/desk/", "%00"),
        ("/desk/", "a%01b"),
        ("/news/", "%00"),
        ("/keywords/", "%00"),
        ("/keywords/", "%FF%FE"),
        ("/keywords/", "x" * 3000),
        ("/outlets/", "%00"),
        ("/desk/glossary/", "9" * 5000),
        ("/desk/drafting-story/history/", "9" * 5000 + "/restore"),
    ],
)
@pytest.mark.parametrize("role", ["anonymous", "admin"])
def test_bad_path_values(client, users, newsroom, role, prefix, value):
    if role != "anonymous":
        client.force_login(users[role])
    for method in ["get", "post"]:
        response = getattr(client, method)(f"{prefix}{value}/")
        assert_no_server_error(response, f"{method} {prefix}{value[:20]}")


@pytest.mark.parametrize("role", ["translator", "editor", "reviewer"])
def test_bad_form_fields(client, users, newsroom, role):
    """Each POST with every field of its form, and a few it may not show, set to each
    payload at once, and one field at a time with NUL and a 5,000-digit number (what
    databases refuse). Whatever is stored holds no control
    character (they are dropped by one rule, forms.PlainText)."""
    client.force_login(users[role])
    extra = {"based_on", "body", "body_html", "keywords", "position", "target", "read_also",
             "state", "translation", "comment", "when", "kind", "seen_revision", "suggestion",
             "pasted", "carried", "replace_edits", "submit", "resolve"}  # fmt: skip
    for name, made in urls(newsroom).items():
        if not name.startswith("desk:"):
            continue
        for url in made:
            page = client.get(url)
            names = field_names(page.content.decode(errors="replace")) | extra
            for label, value in PAYLOADS:
                response = client.post(url, dict.fromkeys(names, value))
                assert_no_server_error(response, f"POST {url} all={label}")
            for field in sorted(names):
                for label, value in [("nul", NUL), ("digits", DIGITS)]:
                    response = client.post(url, {field: value})
                    assert_no_server_error(response, f"POST {url} {field}={label}")
            response = client.post(
                url,
                f"headline={NOT_UTF8}&body={NOT_UTF8}&q={NOT_UTF8}",
                content_type="application/x-www-form-urlencoded",
            )
            assert_no_server_error(response, f"POST {url} not UTF-8")
    assert control_characters_stored() == []
    assert not Segment.objects.filter(state="bogus").exists()


@pytest.mark.parametrize(
    ("field", "nested"),
    [
        ("body_html", "<ul><li>" * 10_000 + "deep" + "</li></ul>" * 10_000),
        ("body_html", "<blockquote>" * 10_000 + "deep"),
        ("body_html", "<div>" * 10_000 + "deep"),
        ("body", '[{"type": "bullet_list", "content": [' * 10_000 + "]}" * 10_000 + "]"),
    ],
)
def test_ten_thousand_nested_lists_are_refused_within_a_second(
    client, users, newsroom, field, nested
):
    article = newsroom["english"]
    revision = article.current_revision
    client.force_login(users["editor"])
    data = {"based_on": revision.pk, "headline": "Nested", "outlet": article.outlet_id,
            field: nested}  # fmt: skip
    before = snapshot()
    response = client.post(reverse("desk:edit", args=[article.slug]), data)
    assert time.perf_counter() - response.sent_at < 1
    assert response.status_code == 200
    assert 'class="field-error"' in response.content.decode()
    assert snapshot() == before
