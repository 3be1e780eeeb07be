"""The translation memory's screen (the concordance) and the exchange of the memory (TMX)
and the glossary (TBX) with other tools: files read as other tools write them, files that
could harm the server refused, imports that add only what is new, all or nothing."""

import time
from io import BytesIO, StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import exchange, translation
from articles.arabic import normalize
from articles.models import Article, GlossaryTerm, MemoryEntry, free_slugs
from articles.translation import memory
from tests.conftest import stored_state

ATTACK = "قتل عنصران من لِوَاءِ القُدْسِ في هجوم على حاجز للقدس."
ATTACK_EN = "Two Liwa al-Quds fighters were killed in an attack on a checkpoint."
SOURCES = "وقالت مصادر محلية إن الهجوم وقع ليلاً في البادية."
SOURCES_EN = "Local sources said the attack happened at night in the Badia."


def tmx(*units):
    """A TMX file of `units` (tu()), as another tool might write it."""
    header = '<header srclang="ar" segtype="paragraph" datatype="plaintext"/>'
    body = "".join(units)
    return f'<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4">{header}<body>{body}</body></tmx>'.encode()


def tu(*variants, attributes=""):
    tuvs = "".join(f'<tuv xml:lang="{lang}"><seg>{text}</seg></tuv>' for lang, text in variants)
    return f"<tu{attributes}>{tuvs}</tu>"


# Reading files, without a database


def test_units_are_read_whatever_the_region_or_case_of_their_languages():
    parsed = exchange.parse_tmx(tmx(
        tu(("AR", "نص أول"), ("en-GB", "First text")),
        tu(("ar-SY", "نص ثان"), ("EN_us", "Second text"), ("fr", "Deuxième texte")),
        '<tu><tuv lang="ar"><seg>نص ثالث</seg></tuv><tuv lang="en"><seg>Third text</seg></tuv></tu>',
    ))  # fmt: skip
    assert [(u.source, u.translation) for u in parsed.items] == [
        ("نص أول", "First text"), ("نص ثان", "Second text"), ("نص ثالث", "Third text"),
    ]  # fmt: skip
    assert parsed.skipped == []


def test_units_missing_a_language_are_skipped_and_say_why():
    parsed = exchange.parse_tmx(tmx(
        tu(("ar", "نص"), ("en", "Text")),
        tu(("ar", "نص وحده")),
        tu(("fr", "Texte"), ("en", "Text alone")),
        tu(("de", "Nur Deutsch")),
        tu(("ar", "نص"), ("en", "   ")),
    ))  # fmt: skip
    assert len(parsed.items) == 1
    assert parsed.skipped == [
        "unit 2: no English text",
        "unit 3: no Arabic text",
        "unit 4: no Arabic text and no English text",
        "unit 5: no English text",
    ]


def test_a_unit_keeps_its_article_translator_and_date_and_drops_inline_codes():
    unit = tu(("ar", "قال <hi>المصدر</hi> إن"), ("en", 'The <bpt i="1">&lt;b&gt;</bpt>source<ept i="1">&lt;/b&gt;</ept> said'),
              attributes=' creationid="amal" creationdate="20260102T030405Z"')  # fmt: skip
    unit = unit.replace("<tuv", '<prop type="x-article">attack-in-the-badia</prop><tuv', 1)
    [parsed] = exchange.parse_tmx(tmx(unit)).items
    assert parsed.source == "قال المصدر إن"
    assert parsed.translation == "The source said"
    assert parsed.article == "attack-in-the-badia"
    assert parsed.translator == "amal"
    assert parsed.changed.isoformat() == "2026-01-02T03:04:05+00:00"


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(9))
    + ']><tmx version="1.4"><header/><body><tu><tuv xml:lang="ar"><seg>&j;</seg></tuv>'
    '<tuv xml:lang="en"><seg>&j;</seg></tuv></tu></body></tmx>'
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    '<tmx version="1.4"><header/><body><tu><tuv xml:lang="ar"><seg>&secret;</seg></tuv>'
    '<tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>'
)


@pytest.mark.parametrize(
    "document",
    [
        BILLION_LAUGHS.encode(),
        EXTERNAL_ENTITY.encode(),
        EXTERNAL_ENTITY.replace('"1.0"?>', '"1.0" encoding="UTF-16"?>').encode("utf-16"),
        b'<?xml version="1.0"?><!DOCTYPE tmx SYSTEM "http://example.com/tmx14.dtd"><tmx/>',
    ],
    ids=["entity-expansion", "external-entity", "external-entity-utf16", "external-dtd"],
)
@pytest.mark.parametrize("parse", [exchange.parse_tmx, exchange.parse_tbx])
def test_a_file_declaring_a_document_type_is_refused_before_anything_is_expanded(document, parse):
    started = time.perf_counter()
    with pytest.raises(exchange.ExchangeError, match="declares a document type"):
        parse(document)
    assert time.perf_counter() - started < 0.5


def test_malformed_xml_is_refused_naming_the_line():
    broken = b'<tmx version="1.4">\n<header/>\n<body>\n<tu><tuv xml:lang="ar"><seg>x</tuv></tu>\n</body></tmx>'
    with pytest.raises(exchange.ExchangeError) as refused:
        exchange.parse_tmx(broken)
    assert (
        str(refused.value)
        == "The file is not well-formed XML: mismatched tag on line 4, column 32."
    )


def test_a_file_of_another_kind_is_refused_by_name():
    with pytest.raises(exchange.ExchangeError, match="not a TMX file: it is a <tbx> document"):
        exchange.parse_tmx(b"<tbx><text><body/></text></tbx>")
    with pytest.raises(exchange.ExchangeError, match="not a TBX file: it is a <tmx> document"):
        exchange.parse_tbx(tmx())


def test_a_file_larger_than_the_limit_is_refused_unread(monkeypatch):
    monkeypatch.setattr(exchange, "MAX_BYTES", 100)
    with pytest.raises(exchange.ExchangeError, match="larger than 100"):
        exchange.parse_tmx(exchange.read_limited(BytesIO(tmx(tu(("ar", "نص" * 50), ("en", "x"))))))


TBX_2019 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>Another newsroom</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c1">
      <langSec xml:lang="ar"><descrip type="definition">The militia, not the city.</descrip>
        <termSec><term>لواء القدس</term></termSec></langSec>
      <langSec xml:lang="en-GB"><termSec><term>Liwa al-Quds</term></termSec></langSec>
    </conceptEntry>
    <conceptEntry id="c2">
      <langSec xml:lang="ar"><termSec><term>البادية</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>"""

TBX_BASIC_OLD = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en-US">
  <martifHeader><fileDesc><sourceDesc><p>Older tool</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="t1">
      <langSet xml:lang="ar-SY"><tig><term>البادية</term></tig></langSet>
      <langSet xml:lang="en"><tig><term>the Badia</term><note>The desert, not a town.</note></tig></langSet>
    </termEntry>
    <termEntry id="t2">
      <langSet xml:lang="AR"><ntig><termGrp><term>درعا</term></termGrp></ntig></langSet>
      <langSet xml:lang="en-US"><ntig><termGrp><term>Daraa</term></termGrp></ntig></langSet>
    </termEntry>
  </body></text>
</martif>"""


def test_glossary_files_are_read_in_the_2019_layout_and_the_older_tbx_basic_one():
    newer = exchange.parse_tbx(TBX_2019.encode())
    assert newer.items == [
        exchange.TermEntry("لواء القدس", "Liwa al-Quds", "The militia, not the city.")
    ]
    assert newer.skipped == ["entry 2: no English term"]
    older = exchange.parse_tbx(TBX_BASIC_OLD.encode())
    assert older.items == [
        exchange.TermEntry("البادية", "the Badia", "The desert, not a town."),
        exchange.TermEntry("درعا", "Daraa", ""),
    ]


def test_what_is_written_is_read_back_the_same():
    now = timezone.now().replace(microsecond=0)
    units = [
        exchange.TranslationUnit(ATTACK, ATTACK_EN, "attack", "amal", now),
        exchange.TranslationUnit(SOURCES, "Sources said <so> & more", "", "", None),
    ]
    assert exchange.parse_tmx(exchange.build_tmx(units, created=timezone.now())).items == units
    entries = [exchange.TermEntry("لواء القدس", "Liwa al-Quds", "A militia & its <name>"),
               exchange.TermEntry("البادية", "the Badia")]  # fmt: skip
    assert exchange.parse_tbx(exchange.build_tbx(entries, created=timezone.now())).items == entries


# The memory and the glossary in the database


@pytest.fixture
def finished(make_article, users):
    """Make an Arabic article whose segments are translated: {source: English}, done unless
    the English starts with "draft:". Returns the article."""

    def make(pairs, headline="هجوم في البادية"):
        article = make_article(
            headline, language="ar", outlet="Enab Baladi", paragraphs=list(pairs)
        )
        for segment in translation.segments_for(article)[1:]:  # the paragraphs
            english = pairs[segment.source_text]
            state = "draft" if english.startswith("draft:") else "done"
            translation.save_segment(segment, translation=english.removeprefix("draft:"),
                                     state=state, user=users["translator"])  # fmt: skip
        return article

    return make


def memory_pairs():
    return {(unit.source, unit.translation) for unit in exchange.memory_units()}


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/xml")


@pytest.mark.django_db
def test_the_concordance_finds_an_arabic_word_however_it_is_spelled_and_marks_it(
    client, users, finished
):
    article = finished({ATTACK: ATTACK_EN, SOURCES: SOURCES_EN})
    finished({"قدسية المكان معروفة.": "The place is known to be holy."}, headline="خبر")
    client.force_login(users["translator"])
    page = client.get(reverse("desk:translation_memory"), {"q": "القدس"}).content.decode()
    assert "<strong>1</strong> segment with “<bdi>القدس</bdi>”" in page  # not in قدسية
    # with its short vowels, and after the preposition that ate its alef (ل + القدس)
    assert "من لِوَاءِ <mark>القُدْسِ</mark> في هجوم على حاجز ل<mark>لقدس</mark>." in page
    assert ATTACK_EN in page
    link = reverse("desk:translate", args=[article.slug])
    assert f'<a href="{link}#segment-' in page
    assert SOURCES_EN not in page
    pasted = client.get(reverse("desk:translation_memory"), {"q": "وللقدس"}).content.decode()
    assert "<strong>1</strong> segment with" in pasted  # a word pasted with its prefixes


@pytest.mark.django_db
def test_the_concordance_finds_english_whole_words_in_any_case(client, users, finished):
    finished({ATTACK: ATTACK_EN, SOURCES: SOURCES_EN, "نص": "The Badiaville market."})
    client.force_login(users["translator"])
    page = client.get(reverse("desk:translation_memory"), {"q": "the BADIA"}).content.decode()
    assert "<strong>1</strong> segment with" in page
    assert "at night in <mark>the Badia</mark>.</p>" in page
    assert "Badiaville" not in page


@pytest.mark.django_db
def test_drafts_are_not_in_the_concordance(client, users, finished):
    finished({SOURCES: "draft:" + SOURCES_EN})
    client.force_login(users["translator"])
    page = client.get(reverse("desk:translation_memory"), {"q": "البادية"}).content.decode()
    assert "<strong>0</strong> segments with" in page
    assert SOURCES_EN not in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("q", "said"),
    [
        ("", "Type a word or phrase to look for, in Arabic or English."),
        ("   ", "Type a word or phrase to look for, in Arabic or English."),
        ("x" * 201, "Look for a word or a short phrase: at most 200 characters, not 201."),
        ("ًٌ ...", "“ًٌ ...” has no letter or digit to look for."),
    ],
)
def test_an_empty_or_overlong_search_is_refused_in_words(client, users, finished, q, said):
    finished({ATTACK: ATTACK_EN})
    client.force_login(users["translator"])
    response = client.get(reverse("desk:translation_memory"), {"q": q})
    assert response.status_code == 400
    assert f'<p class="error" role="alert" id="id_q_error">{said}</p>' in response.content.decode()
    htmx = client.get(reverse("desk:translation_memory"), {"q": q}, headers={"HX-Request": "true"})
    assert htmx.status_code == 200  # htmx swaps only a 200
    assert said in htmx.content.decode()


@pytest.mark.django_db
def test_the_concordance_pages_through_many_finds_and_counts_them(client, users, finished):
    finished(
        {f"قتل عنصر في البادية رقم {n}.": f"Fighter {n} killed in the Badia." for n in range(25)}
    )
    client.force_login(users["translator"])
    url = reverse("desk:translation_memory")
    first = client.get(url, {"q": "البادية"}).content.decode()
    assert "<strong>25</strong> segments with" in first
    assert first.count('class="concordance-hit"') == 20
    assert "Page 1 of 2" in first
    second = client.get(url, {"q": "البادية", "page": 2}).content.decode()
    assert second.count('class="concordance-hit"') == 5


@pytest.mark.django_db
def test_the_concordance_runs_a_fixed_number_of_queries(client, users, finished):
    client.force_login(users["translator"])
    url = reverse("desk:translation_memory")
    finished({SOURCES: SOURCES_EN})
    with CaptureQueriesContext(connection) as one:
        client.get(url, {"q": "البادية"})
    finished({f"في البادية {n}.": f"In the Badia {n}." for n in range(30)}, headline="خبر")
    with CaptureQueriesContext(connection) as many:
        page = client.get(url, {"q": "البادية"}).content.decode()
    assert "<strong>31</strong> segments with" in page
    assert len(many) == len(one)


@pytest.mark.django_db
def test_a_word_too_common_to_read_every_use_of_says_so(client, users, finished, monkeypatch):
    monkeypatch.setattr(memory, "CONCORDANCE_LIMIT", 10)
    finished({f"في البادية {n}.": f"In the Badia {n}." for n in range(12)})
    client.force_login(users["translator"])
    page = client.get(reverse("desk:translation_memory"), {"q": "البادية"}).content.decode()
    assert "<strong>10</strong> segments with “<bdi>البادية</bdi>” among the newest 10" in page
    assert "there are more. Add a word to narrow the search." in page


@pytest.mark.django_db
def test_an_htmx_search_gets_only_the_results(client, users, finished):
    finished({SOURCES: SOURCES_EN})
    client.force_login(users["translator"])
    response = client.get(reverse("desk:translation_memory"), {"q": "Badia"},
                          headers={"HX-Request": "true"})  # fmt: skip
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="concordance"')
    assert "<mark>Badia</mark>" in html


@pytest.mark.django_db
def test_the_memory_screen_is_for_the_desk_and_its_import_for_reviewers(client, users):
    url = reverse("desk:translation_memory")
    assert client.get(url).status_code == 302  # to sign in
    client.force_login(users["translator"])
    page = client.get(url).content.decode()
    assert reverse("desk:export_memory") in page
    assert reverse("desk:import_memory") not in page
    client.force_login(users["reviewer"])
    assert reverse("desk:import_memory") in client.get(url).content.decode()


@pytest.mark.django_db
def test_the_export_is_a_dated_tmx_download_of_the_finished_segments(client, users, finished):
    article = finished({ATTACK: ATTACK_EN, SOURCES: "draft:" + SOURCES_EN})
    client.force_login(users["translator"])
    response = client.get(reverse("desk:export_memory"))
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="newsroom-memory-{today}.tmx"'
    )
    document = response.content
    [unit] = exchange.parse_tmx(document).items
    assert (unit.source, unit.translation) == (ATTACK, ATTACK_EN)
    assert unit.article == article.slug
    assert unit.translator == "translator"
    assert unit.changed is not None
    assert b'<tmx version="1.4">' in document
    assert b'srclang="ar"' in document


@pytest.mark.django_db
def test_importing_a_tmx_adds_its_units_once_and_reports_what_it_left_out(client, users):
    client.force_login(users["reviewer"])
    url = reverse("desk:import_memory")
    document = tmx(
        tu(("ar", ATTACK), ("en", ATTACK_EN)),
        tu(("ar-SY", SOURCES), ("en-GB", SOURCES_EN)),
        tu(("ar", ATTACK), ("en", ATTACK_EN)),  # twice in the same file
        tu(("ar", "نص وحده")),
    )
    first = client.post(url, {"file": upload("other.tmx", document)}, follow=True)
    assert (
        "other.tmx: Added 2 units to the translation memory; 1 was there already; "
        "1 skipped: unit 4: no English text."
    ) in first.content.decode()
    assert MemoryEntry.objects.count() == 2
    again = client.post(url, {"file": upload("other.tmx", document)}, follow=True)
    assert "Added 0 units to the translation memory; 3 were there already" in again.content.decode()
    assert MemoryEntry.objects.count() == 2


@pytest.mark.django_db
def test_units_the_newsroom_translated_itself_are_not_imported_again(users, finished):
    finished({ATTACK: ATTACK_EN})
    report = exchange.import_memory(BytesIO(tmx(tu(("ar", ATTACK), ("en", ATTACK_EN)))),
                                    file_name="ours.tmx")  # fmt: skip
    assert (report.added, report.present) == (0, 1)
    assert not MemoryEntry.objects.exists()


@pytest.mark.django_db
def test_imported_units_are_found_in_the_concordance_and_offered_by_the_memory(
    client, users, make_article
):
    exchange.import_memory(BytesIO(tmx(tu(("ar", SOURCES), ("en", SOURCES_EN)))),
                           file_name="agency.tmx")  # fmt: skip
    article = make_article("خبر", language="ar", outlet="Enab Baladi",
                           paragraphs=["وقالت مصادر محلية إن الهجوم وقع ليلا في البادية."])  # fmt: skip
    [suggestion] = translation.memory_suggestions(translation.segments_for(article)[1])
    assert suggestion.translation == SOURCES_EN
    assert suggestion.percent >= 90
    assert suggestion.origin == "agency.tmx (imported)"
    client.force_login(users["translator"])
    page = client.get(reverse("desk:translation_memory"), {"q": "مصادر محلية"}).content.decode()
    assert "Imported from agency.tmx" in page
    assert "وقالت <mark>مصادر محلية</mark> إن" in page


@pytest.mark.django_db
def test_the_newsroom_s_own_translation_is_offered_before_an_imported_one_alike(
    users, finished, make_article
):
    finished({SOURCES: SOURCES_EN})
    alike = SOURCES.replace("ليلاً", "ليلا")  # the same text, normalised
    exchange.import_memory(BytesIO(tmx(tu(("ar", alike), ("en", SOURCES_EN)))),
                           file_name="agency.tmx")  # fmt: skip
    assert MemoryEntry.objects.count() == 1
    article = make_article("خبر", language="ar", outlet="Enab Baladi", paragraphs=[SOURCES])
    [suggestion] = translation.memory_suggestions(translation.segments_for(article)[1])
    assert suggestion.segment is not None
    assert suggestion.entry is None


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["translator", "editor"])
def test_only_reviewers_import(client, users, role):
    client.force_login(users[role])
    document = tmx(tu(("ar", ATTACK), ("en", ATTACK_EN)))
    response = client.post(reverse("desk:import_memory"), {"file": upload("x.tmx", document)})
    assert response.status_code == 403
    tbx = exchange.build_tbx([exchange.TermEntry("درعا", "Daraa")], created=timezone.now())
    response = client.post(reverse("desk:import_glossary"), {"file": upload("x.tbx", tbx)})
    assert response.status_code == 403
    assert not MemoryEntry.objects.exists()
    assert not GlossaryTerm.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b'<tmx version="1.4">\n<body>\n<tu>\n</body></tmx>', "mismatched tag on line 4"),
        (BILLION_LAUGHS.encode(), "declares a document type"),
        (b"", "The file is empty"),
    ],
)
def test_a_bad_file_is_refused_in_words_and_stores_nothing(client, users, content, said):
    client.force_login(users["reviewer"])
    before = stored_state()
    response = client.post(reverse("desk:import_memory"), {"file": upload("bad.tmx", content)})
    assert response.status_code == 400
    assert said in response.content.decode()
    assert stored_state() == before


@pytest.mark.django_db
def test_no_file_is_refused_in_words(client, users):
    client.force_login(users["reviewer"])
    response = client.post(reverse("desk:import_glossary"), {})
    assert response.status_code == 400
    assert "Choose a file to import." in response.content.decode()


@pytest.mark.django_db
def test_an_import_that_fails_half_way_stores_nothing(users, monkeypatch):
    def broken(entries):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(exchange, "index_entries", broken)
    with pytest.raises(RuntimeError):
        exchange.import_memory(BytesIO(tmx(tu(("ar", ATTACK), ("en", ATTACK_EN)))), file_name="x")
    assert not MemoryEntry.objects.exists()  # no entry the memory could not offer


@pytest.mark.django_db
def test_a_tmx_exported_and_imported_back_gives_the_same_memory(finished, tmp_path):
    finished({ATTACK: ATTACK_EN, SOURCES: SOURCES_EN, "نص ثالث": "draft:A third text."})
    exchange.import_memory(BytesIO(tmx(tu(("ar", "نص مستورد"), ("en", "Imported text")))),
                           file_name="agency.tmx")  # fmt: skip
    before = memory_pairs()
    assert len(before) == 3
    exported = tmp_path / "memory.tmx"
    call_command("export_memory", "--output", exported, stdout=StringIO())

    Article.objects.all().delete()  # the memory emptied: segments with their articles
    MemoryEntry.objects.all().delete()
    assert memory_pairs() == set()
    out = StringIO()
    call_command("import_memory", exported, stdout=out)
    assert out.getvalue().startswith("Added 3 units to the translation memory; 0 were there")
    assert memory_pairs() == before


@pytest.mark.django_db
def test_a_tbx_exported_and_imported_back_gives_the_same_glossary(client, users):
    for term, rendering, note in [("لواء القدس", "Liwa al-Quds", "The militia, not the city."),
                                  ("البادية", "the Badia", ""), ("درعا", "Daraa", "")]:  # fmt: skip
        GlossaryTerm.objects.create(source_term=term, normalized=normalize(term),
                                    rendering=rendering, note=note)  # fmt: skip
    glossary = set(GlossaryTerm.objects.values_list("source_term", "rendering", "note"))
    client.force_login(users["translator"])
    response = client.get(reverse("desk:export_glossary"))
    today = timezone.localdate().isoformat()
    assert (
        response["Content-Disposition"] == f'attachment; filename="newsroom-glossary-{today}.tbx"'
    )
    document = response.content

    GlossaryTerm.objects.all().delete()
    client.force_login(users["reviewer"])
    page = client.post(reverse("desk:import_glossary"), {"file": upload("g.tbx", document)},
                       follow=True).content.decode()  # fmt: skip
    assert "g.tbx: Added 3 terms to the glossary; 0 were there already." in page
    assert set(GlossaryTerm.objects.values_list("source_term", "rendering", "note")) == glossary


@pytest.mark.django_db
def test_a_glossary_import_never_overwrites_a_term_the_glossary_renders_otherwise(client, users):
    quds = GlossaryTerm.objects.create(source_term="لواء القدس", normalized=normalize("لواء القدس"),
                                       rendering="Liwa al-Quds")  # fmt: skip
    GlossaryTerm.objects.create(source_term="البادية", normalized=normalize("البادية"),
                                rendering="the Badia")  # fmt: skip
    document = exchange.build_tbx([
        exchange.TermEntry("لِوَاءُ القُدْسِ", "Quds Brigade"),  # the same term, spelled otherwise
        exchange.TermEntry("الباديـة", "the Badia"),  # the same, with tatweel
        exchange.TermEntry("درعا", "Daraa", "The city and the province."),
        exchange.TermEntry("حمص", "H" * 201),
    ], created=timezone.now())  # fmt: skip
    client.force_login(users["reviewer"])
    page = client.post(reverse("desk:import_glossary"), {"file": upload("other.tbx", document)},
                       follow=True).content.decode()  # fmt: skip
    assert (
        "other.tbx: Added 1 term to the glossary; 1 was there already; 1 left as the glossary "
        "has them, for a reviewer to decide, because the file renders them otherwise: "
        "لواء القدس is “Liwa al-Quds” here, “Quds Brigade” in the file; 1 skipped: حمص: Ensure "
        "this value has at most 200 characters (it has 201)."
    ) in page.replace("&ldquo;", "“").replace("&rdquo;", "”")
    quds.refresh_from_db()
    assert quds.rendering == "Liwa al-Quds"
    assert set(GlossaryTerm.objects.values_list("source_term", "rendering", "note")) == {
        ("لواء القدس", "Liwa al-Quds", ""), ("البادية", "the Badia", ""),
        ("درعا", "Daraa", "The city and the province."),
    }  # fmt: skip


@pytest.mark.django_db
def test_the_commands_refuse_a_bad_file_in_words(tmp_path):
    bad = tmp_path / "glossary.tbx"
    bad.write_bytes(b"<tbx>\n<text>\n</tbx>")
    with pytest.raises(CommandError, match="not well-formed XML: mismatched tag on line 3"):
        call_command("import_glossary", bad)
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_memory", tmp_path / "missing.tmx")
    out = StringIO()
    call_command("export_glossary", stdout=out)
    assert out.getvalue().startswith("<?xml version='1.0' encoding='utf-8'?>\n<tbx ")


@pytest.mark.django_db
def test_no_article_takes_the_memory_screen_s_address():
    assert free_slugs(["memory"]) == ["memory-2"]
