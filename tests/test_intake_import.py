"""Importing real pages: what `import_seeds` reports for each kind, what it stores (flags,
outlets learned from attributions, duplicates), and what an admin does with new outlets."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, Disclaimer, Keyword, Outlet, SourceStory

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).parent / "fixtures" / "intake"
ANOTHER_SUWAYDA_REPORT = (
    "Teachers in Sweida Strike Over Unpaid Wages\n\n"
    "Teachers in several schools of Sweida governorate stopped work on Sunday, according to "
    "Suwayda 24.\n\nThe teachers said their salaries had not been paid for two months.\n"
)


def flags_of(article):
    article.source_story.refresh_from_db()
    return [flag["code"] for flag in article.source_story.flags]


def test_a_folder_of_real_pages_is_reported_file_by_file(import_seeds):
    code, out, err = import_seeds(SAMPLES)
    lines = {Path(line.split()[1].rstrip(":")).name: line for line in (out + err).splitlines()
             if line.split() and line.split()[0] in {"imported", "duplicate", "failed"}}  # fmt: skip
    assert lines["01_report.txt"].startswith("imported")
    assert "duplicate of bread-queues-lengthen-in-daraa" in lines["02_report_again.txt"]
    assert "a site notice, not an article" in lines["03_notice.txt"]
    assert "a listing page, not an article" in lines["04_listing.txt"]
    assert "flagged cut off" in lines["05_cut_off.txt"]
    assert "flagged outlet unconfirmed: Suwayda 24" in lines["06_unknown_outlet.txt"]
    assert "flagged no headline" in lines["07_no_headline.txt"]
    assert "4 imported, 0 updated, 0 unchanged, 1 duplicate, 2 failed." in out
    assert code == 1  # for the two refused files only
    assert Article.objects.count() == 4


def test_without_the_refused_files_the_import_succeeds(import_seeds, tmp_path):
    for sample in SAMPLES.glob("*.txt"):
        if sample.name not in {"03_notice.txt", "04_listing.txt"}:
            (tmp_path / sample.name).write_bytes(sample.read_bytes())
    code, out, _ = import_seeds(tmp_path)
    assert code == 0
    assert "1 duplicate" in out


def test_flags_reach_the_source_story_and_the_export(import_seeds):
    import_seeds(SAMPLES)
    cut_off = Article.objects.get(source_story__file_name="05_cut_off.txt")
    assert flags_of(cut_off) == ["cut_off"]
    out = StringIO()
    call_command("export_articles", stdout=out)
    exported = {a["source_file"]: a for a in json.loads(out.getvalue())}
    assert exported["05_cut_off.txt"]["flags"] == ["cut_off"]
    assert exported["07_no_headline.txt"]["source_title"] is None
    assert exported["07_no_headline.txt"]["title"] is None  # none invented


def test_an_arabic_story_exports_its_source_headline(import_seeds, write_seed):
    import_seeds(write_seed("ar.txt", "المصدر: عنب بلدي\n\nعنوان الخبر\n\nالفقرة الأولى."))
    out = StringIO()
    call_command("export_articles", stdout=out)
    [article] = json.loads(out.getvalue())
    assert (article["title"], article["source_title"]) == (None, "عنوان الخبر")


def test_the_translated_and_edited_wording_is_its_own_managed_disclaimer(import_seeds):
    import_seeds(SAMPLES / "01_report.txt")
    article = Article.objects.get()
    disclaimer = article.current_revision.disclaimer
    assert disclaimer.text.startswith("This article was translated and edited by")
    assert not disclaimer.is_standard
    assert (
        Disclaimer.objects.filter(is_standard=True)
        .get()
        .text.startswith("This article was edited by")
    )


class TestDuplicates:
    def test_a_more_complete_capture_becomes_the_new_version(self, import_seeds, write_seed):
        cut = (SAMPLES / "05_cut_off.txt").read_text()
        import_seeds(write_seed("cut.txt", cut))
        full = cut.rstrip("\n") + " two weeks.\n\nResidents rely on tankers meanwhile.\n"
        code, out, _ = import_seeds(write_seed("full.txt", full))
        assert code == 0
        assert "1 updated" in out
        article = Article.objects.get()
        assert article.source_story.file_name == "full.txt"
        assert article.source_story.replaces.file_name == "cut.txt"
        assert flags_of(article) == []
        assert (
            article.current_revision.paragraph_texts[-1] == "Residents rely on tankers meanwhile."
        )

    def test_a_capture_cut_a_few_words_short_is_completed(self, import_seeds, write_seed):
        full = (SAMPLES / "06_unknown_outlet.txt").read_text()
        import_seeds(write_seed("cut.txt", full.rstrip().removesuffix(" did not intervene.")))
        assert set(flags_of(Article.objects.get())) == {"outlet_unconfirmed", "cut_off"}
        _, out, _ = import_seeds(write_seed("full.txt", full))
        assert "1 updated" in out
        assert flags_of(Article.objects.get()) == ["outlet_unconfirmed"]

    def test_a_cut_off_copy_of_an_imported_report_is_a_duplicate(self, import_seeds, write_seed):
        full = (SAMPLES / "06_unknown_outlet.txt").read_text()
        import_seeds(write_seed("full.txt", full))
        code, out, _ = import_seeds(write_seed("cut.txt", full[: len(full) - 60]))
        assert "duplicate of protests-continue-in-sweida" in out
        assert (code, Article.objects.count(), SourceStory.objects.count()) == (0, 1, 1)

    def test_two_copies_in_one_folder_make_one_article(self, import_seeds, tmp_path):
        for name in ["01_report.txt", "02_report_again.txt"]:
            (tmp_path / name).write_bytes((SAMPLES / name).read_bytes())
        import_seeds(tmp_path)
        assert Article.objects.count() == 1


class TestOutletsLearned:
    def test_a_new_outlet_is_added_unconfirmed_once(self, import_seeds, write_seed):
        report = (SAMPLES / "06_unknown_outlet.txt").read_text()
        import_seeds(write_seed("a.txt", report))
        import_seeds(write_seed("b.txt", ANOTHER_SUWAYDA_REPORT))
        outlet = Outlet.objects.get(name="Suwayda 24")
        assert outlet.status == "unconfirmed"
        assert set(Article.objects.values_list("outlet", flat=True)) == {outlet.pk}

    def test_publishing_waits_for_the_outlet_to_be_confirmed(self, import_seeds, ready_article):
        from articles.workflow import publishing_checks

        Outlet.objects.create(name="Athr Press", slug="athr-press", status="unconfirmed")
        article = ready_article("approved", outlet="Athr Press")
        [outlet_check] = [c for c in publishing_checks(article) if c.name == "Outlet"]
        assert not outlet_check.passed
        assert "Athr Press is not a confirmed outlet yet" in outlet_check.detail

    def test_an_admin_confirms_merges_or_rejects(self, client, users, import_seeds, write_seed):
        report = (SAMPLES / "06_unknown_outlet.txt").read_text()
        import_seeds(write_seed("a.txt", report))
        learned = Outlet.objects.get(name="Suwayda 24")
        known = Outlet.objects.create(name="Suwayda24 Network", slug="suwayda24")
        client.force_login(users["admin"])
        url = reverse("admin:articles_outlet_changelist")
        page = client.post(url, {"action": "merge", "_selected_action": [learned.pk]})
        assert "Merge into" in page.content.decode()  # asks which outlet first
        client.post(url, {"action": "merge", "_selected_action": [learned.pk], "into": known.pk})
        assert not Outlet.objects.filter(pk=learned.pk).exists()
        known.refresh_from_db()
        assert "Suwayda 24" in known.aliases
        article = Article.objects.get()
        assert (article.outlet, article.source_story.outlet) == (known, known)
        assert flags_of(article) == []
        # The next report crediting the name is the known outlet's.
        import_seeds(write_seed("b.txt", ANOTHER_SUWAYDA_REPORT))
        assert Article.objects.filter(outlet=known).count() == 2

    def test_a_rejected_outlet_is_no_outlet_now_or_later(self, client, users, import_seeds,
                                                        write_seed):  # fmt: skip
        report = (SAMPLES / "06_unknown_outlet.txt").read_text()
        import_seeds(write_seed("a.txt", report))
        learned = Outlet.objects.get(name="Suwayda 24")
        client.force_login(users["admin"])
        url = reverse("admin:articles_outlet_changelist")
        client.post(url, {"action": "reject", "_selected_action": [learned.pk]})
        article = Article.objects.get()
        assert article.outlet is None
        assert flags_of(article) == ["outlet_unknown"]
        _, out, _ = import_seeds(write_seed("b.txt", ANOTHER_SUWAYDA_REPORT))
        assert "Suwayda 24 is a rejected outlet" in out
        assert Article.objects.get(source_story__file_name="b.txt").outlet is None
        assert Outlet.objects.filter(name="Suwayda 24").get().status == "rejected"

    def test_confirming_clears_the_flag(self, client, users, import_seeds, write_seed):
        import_seeds(write_seed("a.txt", (SAMPLES / "06_unknown_outlet.txt").read_text()))
        learned = Outlet.objects.get(name="Suwayda 24")
        client.force_login(users["admin"])
        url = reverse("admin:articles_outlet_changelist")
        client.post(url, {"action": "confirm", "_selected_action": [learned.pk]})
        learned.refresh_from_db()
        assert learned.status == "confirmed"
        assert flags_of(Article.objects.get()) == []


def test_a_windows_1252_file_is_read_and_kept_verbatim(import_seeds, write_seed):
    text = "Prices \u201cDouble\u201d in Aleppo\r\n\r\nRents rose, Enab Baladi reported \u2014 caf\u00e9s too.\r\n"
    raw = text.encode("cp1252")
    code, _, err = import_seeds(write_seed("legacy.txt", raw))
    assert code == 0, err
    story = SourceStory.objects.get()
    assert (bytes(story.raw), story.encoding) == (raw, "cp1252")
    assert story.headline == "Prices \u201cDouble\u201d in Aleppo"
    assert story.raw_text() == text


class TestTheDesk:
    def test_flags_show_as_badges_and_filter_the_desk(self, client, users, import_seeds):
        import_seeds(SAMPLES)
        client.force_login(users["editor"])
        page = client.get(reverse("desk:desk")).content.decode()
        assert '<span class="flag">cut off</span> <span class="flag-detail">the text stops' in page
        assert "No headline yet (07_no_headline.txt)" in page

        def listed(**query):
            response = client.get(reverse("desk:desk"), query)
            return {a.source_story.file_name for a in response.context["page"].object_list}

        assert listed(flag="cut_off") == {"05_cut_off.txt"}
        assert listed(flag="outlet_unconfirmed") == {"01_report.txt", "06_unknown_outlet.txt"}
        assert listed(flag="any") == {"01_report.txt", "05_cut_off.txt", "06_unknown_outlet.txt",
                                      "07_no_headline.txt"}  # fmt: skip
        assert client.get(reverse("desk:desk"), {"flag": "nonsense"}).status_code == 200


def test_one_bad_file_between_two_good_ones_sinks_neither(import_seeds, tmp_path):
    """The good files share a keyword new to the desk; the bad one names it too and fails
    its batch, which is then stored file by file with nothing remembered from it."""
    too_long = "Long" * 150
    (tmp_path / "a.txt").write_text("Bakers Raise Prices\n\nBakers raised prices, Enab Baladi "
                                    "reported.\n\nHelpful keywords\nFlour quotas\n")  # fmt: skip
    (tmp_path / "b.txt").write_text(f"Bad Report\n\nText, Enab Baladi reported.\n\nRead Also: "
                                    f"{too_long}\n\nHelpful keywords\nFlour quotas\n")  # fmt: skip
    (tmp_path / "c.txt").write_text("Water Returns\n\nWater returned, North Press reported.\n\n"
                                    "Helpful keywords\nFlour quotas, —\n")  # fmt: skip
    code, out, err = import_seeds(tmp_path)
    assert code == 1
    assert "b.txt: a Read Also line names a headline of 600 characters" in err
    assert "2 imported" in out
    assert sorted(Article.objects.values_list("source_story__file_name", flat=True)) == [
        "a.txt",
        "c.txt",
    ]
    assert list(Keyword.objects.values_list("name", flat=True)) == ["Flour quotas"]


def test_a_rejected_outlets_story_cannot_be_published_unattributed(import_seeds, write_seed):
    from articles import outlets
    from articles.workflow import publishing_checks

    import_seeds(write_seed("a.txt", (SAMPLES / "06_unknown_outlet.txt").read_text()))
    outlets.reject(Outlet.objects.filter(name="Suwayda 24"))
    article = Article.objects.get()
    [check] = [c for c in publishing_checks(article) if c.name == "Outlet"]
    assert not check.passed
    assert "attributed to no outlet" in check.detail


def test_outlet_actions_need_the_change_permission(client, users, import_seeds, write_seed):
    from django.contrib.auth.models import Permission

    import_seeds(write_seed("a.txt", (SAMPLES / "06_unknown_outlet.txt").read_text()))
    learned = Outlet.objects.get(name="Suwayda 24")
    viewer = users["editor"]
    viewer.is_staff = True
    viewer.save()
    viewer.user_permissions.add(Permission.objects.get(codename="view_outlet"))
    client.force_login(viewer)
    url = reverse("admin:articles_outlet_changelist")
    for action in ["confirm", "reject", "merge"]:
        client.post(url, {"action": action, "_selected_action": [learned.pk]})
    learned.refresh_from_db()
    assert learned.status == "unconfirmed"
    client.force_login(users["admin"])
    page = client.get(reverse("admin:articles_outlet_change", args=[learned.pk])).content.decode()
    assert 'name="status"' not in page  # changed only by the actions, which see to the stories


def test_importing_with_redis_down_and_a_hanging_mail_server(
    settings, client, users, import_seeds, write_seed, django_capture_on_commit_callbacks
):
    """The import never waits on the page cache or the mail server: stories are stored, the
    editor working on one is told through the outbox, and the public site still answers."""
    import time
    from unittest import mock

    from articles import public_cache
    from articles.editing import save_revision
    from articles.models import Notification
    from tests.test_cache_and_database_faults import UNREACHABLE

    settings.CACHES = UNREACHABLE
    public_cache._CacheHealth.down_since, public_cache._CacheHealth.retry_at = None, 0.0
    hanging = mock.patch(
        "articles.notifications.send_mass_mail", side_effect=lambda *a, **k: time.sleep(30)
    )
    report = (SAMPLES / "05_cut_off.txt").read_text()
    with hanging, django_capture_on_commit_callbacks(execute=True):
        started = time.monotonic()
        code, _, err = import_seeds(write_seed("cut.txt", report))
        article = Article.objects.get()
        save_revision(
            article, author=users["editor"], based_on=article.current_revision,
            headline="Edited", standfirst="", body=article.current_revision.body,
            disclaimer=None, keywords=[], outlet=article.outlet, assignee=None,
        )  # fmt: skip
        code, out, err = import_seeds(write_seed("full.txt", report.rstrip() + " two weeks.\n"))
        assert time.monotonic() - started < 5
    assert (code, err) == (0, "")
    assert "1 updated" in out
    assert Notification.objects.filter(article=article, status="queued").exists()
    assert client.get("/").status_code == 200
    public_cache._CacheHealth.down_since = None
