"""An operator imports seed files with `manage.py import_seeds`."""

import shutil

import pytest
from django.db import IntegrityError

from articles.body import block_html, paragraph
from articles.models import Article, ArticleStatus, AuditRecord, ReadAlsoLink, SourceStory
from tests.conftest import EXAMPLE_SEED, EXAMPLE_SLUG, PALMYRA_SEED, PALMYRA_SLUG, SEEDS

pytestmark = pytest.mark.django_db

GOOD = "Water Returns to Hasakah\n\nPumping resumed on Monday, North Press reported.\n"


def test_example_seed_becomes_an_article(import_seeds):
    code, out, _ = import_seeds(EXAMPLE_SEED)
    assert code == 0
    assert f"imported  {EXAMPLE_SEED}: {EXAMPLE_SLUG} [SY-24, en, 9 paragraphs" in out
    article = Article.objects.get(slug=EXAMPLE_SLUG)
    revision = article.current_revision
    assert article.status == ArticleStatus.NEW
    assert article.outlet.name == "SY-24"
    assert revision.number == 1
    assert revision.author is None
    assert revision.disclaimer.is_standard
    assert len(revision.paragraph_texts) == 9
    assert [block["type"] for block in revision.body].index("read_also") == 6  # after ¶6
    assert [(link.after_paragraph, link.target) for link in revision.read_also.all()] == [(6, None)]
    assert bytes(article.source_story.raw) == EXAMPLE_SEED.read_bytes()
    assert AuditRecord.objects.get(article=article).action == "import"


def test_importing_the_seeds_twice_creates_nothing_the_second_time(import_seeds):
    code, out, _ = import_seeds(SEEDS)
    assert code == 0
    counts = (SourceStory.objects.count(), Article.objects.count(), ReadAlsoLink.objects.count())
    assert counts[0] == len(list(SEEDS.glob("*.txt")))

    code, out, _ = import_seeds(SEEDS)
    assert code == 0
    assert (
        SourceStory.objects.count(),
        Article.objects.count(),
        ReadAlsoLink.objects.count(),
    ) == counts
    assert f"0 imported, 0 updated, {counts[0]} unchanged, 0 duplicate, 0 failed." in out


def test_same_content_under_another_name_or_line_ending_is_unchanged(import_seeds, write_seed):
    import_seeds(EXAMPLE_SEED)
    copy = write_seed("copy.txt", EXAMPLE_SEED.read_bytes().replace(b"\n", b"\r\n"))
    code, out, _ = import_seeds(copy)
    assert code == 0
    assert f"unchanged {copy}: already imported as {EXAMPLE_SLUG} (from {EXAMPLE_SEED.name})" in out
    assert SourceStory.objects.count() == 1


def test_bad_file_is_named_and_the_good_one_still_imports(import_seeds, write_seed, tmp_path):
    write_seed("a_good.txt", GOOD)
    write_seed("b_empty.txt", b"")
    code, out, err = import_seeds(tmp_path)
    assert code == 1
    assert f"failed    {tmp_path / 'b_empty.txt'}: the file is empty" in err
    assert "1 imported, 0 updated, 0 unchanged, 0 duplicate, 1 failed." in out
    assert "1 file(s) could not be imported" in err
    assert list(Article.objects.values_list("source_story__file_name", flat=True)) == ["a_good.txt"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file: it is a PNG image"),
        (b"%PDF-1.4\nHeadline\n\nText only.", "not a text file: it is a PDF document"),
        (b"Caf\xc3\xa9\n\n\xc3\x28 body", "not UTF-8 text: undecodable byte 0xc3 at position 7"),
        (b"Logo Wide\n\nShare this:\n", "no headline"),
        (b"A headline\n\nHelpful keywords\nIdlib\n", "no body"),
    ],
)
def test_each_kind_of_bad_file_is_reported(import_seeds, write_seed, content, reason):
    path = write_seed("bad.txt", content)
    code, _, err = import_seeds(path)
    assert code == 1
    assert f"failed    {path}: {reason}" in err
    assert not SourceStory.objects.exists()


def test_file_over_the_size_limit_is_refused(import_seeds, write_seed, settings):
    settings.SEED_MAX_BYTES = 100
    path = write_seed("big.txt", "Headline\n\n" + "word " * 40)
    code, _, err = import_seeds(path)
    assert code == 1
    assert "over the 100-byte limit" in err


def test_missing_path_and_empty_folder_are_reported(import_seeds, tmp_path):
    (tmp_path / "empty").mkdir()
    code, _, err = import_seeds(tmp_path / "nowhere.txt", tmp_path / "empty")
    assert code == 1
    assert "nowhere.txt: no such file or folder" in err
    assert "empty: the folder holds no .txt files" in err


def test_a_file_that_fails_while_stored_leaves_nothing_behind(
    import_seeds, write_seed, tmp_path, monkeypatch
):
    write_seed("a_links.txt", "Headline A\n\nOne.\n\nRead Also: Somewhere\n\nTwo.\n")
    write_seed("b_plain.txt", GOOD)

    bulk_create = ReadAlsoLink.objects.bulk_create

    def refuse_somewhere(links, **kwargs):
        links = list(links)
        if any(link.target_headline == "Somewhere" for link in links):
            raise IntegrityError("simulated failure")
        return bulk_create(links, **kwargs)

    monkeypatch.setattr(ReadAlsoLink.objects, "bulk_create", refuse_somewhere)
    code, _, err = import_seeds(tmp_path)
    assert code == 1
    assert "a_links.txt: could not be stored, nothing was kept: simulated failure" in err
    assert list(SourceStory.objects.values_list("file_name", flat=True)) == ["b_plain.txt"]
    assert Article.objects.count() == 1
    assert AuditRecord.objects.count() == 1


def test_dry_run_reports_and_writes_nothing(import_seeds):
    code, out, _ = import_seeds(SEEDS, dry_run=True)
    assert code == 0
    assert f"imported  {EXAMPLE_SEED}: {EXAMPLE_SLUG}" in out
    assert "Dry run, nothing written:" in out
    assert not SourceStory.objects.exists()
    assert not Article.objects.exists()


@pytest.mark.parametrize("order", [[EXAMPLE_SEED, PALMYRA_SEED], [PALMYRA_SEED, EXAMPLE_SEED]])
def test_read_also_link_matches_its_article_in_either_order(import_seeds, order):
    for seed in order:
        import_seeds(seed)
    link = Article.objects.get(slug=EXAMPLE_SLUG).current_revision.read_also.get()
    assert link.target.slug == PALMYRA_SLUG
    assert link.target_headline == "Hezbollah Sends More Reinforcements to Palmyra Desert: Source"


def test_text_that_looks_like_html_stays_text(import_seeds, write_seed):
    import_seeds(write_seed("x.txt", "<i>Headline</i>\n\n<script>alert(1)</script> said a.\n"))
    revision = Article.objects.get().current_revision
    assert revision.headline == "<i>Headline</i>"
    assert [str(block_html(block)) for block in revision.body] == [
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; said a.</p>"
    ]
    assert revision.paragraph_texts == ["<script>alert(1)</script> said a."]


def test_arabic_report_waits_for_translation(import_seeds):
    import_seeds(SEEDS / "004_ar_enab_baladi_daraa_arrests.txt")
    article = Article.objects.get()
    story = article.source_story
    assert story.language == "ar"
    assert story.outlet.name == "Enab Baladi"
    assert story.headline == "حملة اعتقالات في ريف درعا الغربي بعد هجوم على حاجز عسكري"
    assert len(story.paragraphs) == 5
    assert article.current_revision.headline == ""
    assert article.current_revision.body == []
    assert article.headline == story.headline


def test_keywords_are_shared_between_articles(import_seeds):
    import_seeds(
        SEEDS / "001_hezbollah_palmyra_reinforcements.txt", SEEDS / "007_sohr_landmine_badia.txt"
    )
    badia = [a.current_revision.keywords.get(name="Syrian Badia").pk for a in Article.objects.all()]
    assert badia[0] == badia[1]


class TestUpdatedReport:
    """The same file name arriving with new content is a new version of its source story."""

    def test_unedited_article_follows_the_new_source(self, import_seeds, write_seed):
        path = write_seed("report.txt", "Headline\n\nFirst version.\n")
        import_seeds(path)
        write_seed("report.txt", "Headline\n\nSecond version, with more detail.\n")
        code, out, _ = import_seeds(path)
        assert code == 0
        assert "updated" in out
        article = Article.objects.get()
        assert article.current_revision.number == 2
        assert article.current_revision.paragraph_texts == ["Second version, with more detail."]
        assert article.source_story.replaces.paragraphs == ["First version."]
        assert SourceStory.objects.count() == 2

    def test_edited_article_keeps_the_editors_draft(self, import_seeds, write_seed, users):
        path = write_seed("report.txt", "Headline\n\nFirst version.\n")
        import_seeds(path)
        article = Article.objects.get()
        edited = article.revisions.create(
            number=2, headline="Edited", body=[paragraph("Edited.")], author=users["editor"]
        )
        article.current_revision = edited
        article.status = ArticleStatus.DRAFTING
        article.save()

        write_seed("report.txt", "Headline\n\nSecond version.\n")
        _, out, _ = import_seeds(path)
        article.refresh_from_db()
        assert "the editors' draft is kept" in out
        assert article.current_revision == edited
        assert article.source_story.paragraphs == ["Second version."]
        assert AuditRecord.objects.filter(article=article, action="source_update").exists()


def test_import_folder_recurses_and_skips_hidden_files(import_seeds, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    shutil.copy(EXAMPLE_SEED, tmp_path / "sub" / "a.txt")
    shutil.copy(PALMYRA_SEED, tmp_path / ".hidden" / "b.txt")
    (tmp_path / "notes.md").write_text("not a seed")
    code, out, _ = import_seeds(tmp_path)
    assert code == 0
    assert "1 imported" in out


def test_same_content_twice_in_one_run_is_imported_once(import_seeds, write_seed, tmp_path):
    write_seed("a.txt", GOOD)
    write_seed("b.txt", GOOD.replace("\n", "\r\n"))
    code, out, _ = import_seeds(tmp_path)
    assert code == 0
    assert "1 imported, 0 updated, 1 unchanged, 0 duplicate, 0 failed." in out
    assert (
        f"unchanged {tmp_path / 'b.txt'}: already imported as water-returns-to-hasakah (from a.txt)"
        in out
    )


def test_batch_size_does_not_change_the_result(tmp_path):
    from articles.export import articles_for_export, export_article
    from articles.importer.loading import SeedImporter

    def imported(batch_size):
        results = list(SeedImporter(batch_size=batch_size).import_paths([SEEDS]))
        exported = [export_article(a) for a in articles_for_export()]
        for article in exported:  # block ids are made afresh at each import
            for block in article["body"]:
                block["attrs"]["id"] = None
        Article.objects.all().delete()
        SourceStory.objects.all().delete()
        return [r.outcome for r in results], exported

    assert imported(batch_size=1) == imported(batch_size=200)


def test_a_story_headlined_like_a_desk_page_gets_a_slug_of_its_own(import_seeds, write_seed):
    code, _, _ = import_seeds(write_seed("glossary.txt", "Glossary\n\nA story, SANA reported.\n"))
    assert code == 0
    assert Article.objects.get().slug == "glossary-2"  # /desk/glossary/ is the glossary page


def test_a_report_to_translate_gets_a_provisional_address_even_with_digits_in_its_headline(
    import_seeds, write_seed
):
    code, _, _ = import_seeds(
        write_seed("ar.txt", "المصدر: عنب بلدي\n\nمقتل 3 عناصر من ISIS\n\nنص.\n")
    )
    assert code == 0
    article = Article.objects.get()
    assert article.slug.startswith("enab-baladi-")  # not "3-isis": the English headline names it
    assert article.has_provisional_slug
