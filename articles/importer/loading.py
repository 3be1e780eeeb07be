"""Storing parsed seeds: the thin database layer over `parsing`.

Files are stored in batches, one query per kind of row for the whole batch,
inside one transaction. If anything in a batch fails, the batch is rolled
back and its files are stored again one at a time, so each file is stored
whole or not at all and one bad file never holds back the others. A batch of
one file is the ordinary case of the same code.
"""

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import Q

from articles import body as documents
from articles.models import (
    Article,
    ArticleStatus,
    Disclaimer,
    Keyword,
    Outlet,
    ReadAlsoLink,
    Revision,
    SourceStory,
    free_slugs,
    slug_for_import,
)
from articles.read_also import articles_by_headline_key, index_links, match_links_waiting_for
from articles.text import headline_key
from articles.translation import follow_new_source
from articles.workflow import Change, record

from .parsing import ParsedStory, SeedError, content_hash, decode_seed, parse_seed

BATCH_SIZE = 200


@dataclass(frozen=True)
class ImportResult:
    path: Path
    outcome: str  # "imported", "updated", "unchanged" or "failed"
    message: str


@dataclass(frozen=True)
class Seed:
    """A seed file read and parsed, ready to store."""

    path: Path
    raw: bytes
    digest: str
    story: ParsedStory
    disclaimer: Disclaimer | None

    @property
    def name(self):
        return self.path.name


def seed_files(paths):
    """Expand files and folders into (path, problem) pairs.

    A folder gives every *.txt file below it, in name order, skipping hidden
    files and folders; it is walked lazily, so memory does not grow with its size.
    """
    for path in map(Path, paths):
        if path.is_dir():
            found = False
            for file in _text_files_below(path):
                found = True
                yield file, None
            if not found:
                yield path, "the folder holds no .txt files"
        elif path.is_file():
            yield path, None
        else:
            yield path, "no such file or folder"


def _text_files_below(folder):
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if name.endswith(".txt") and not name.startswith("."):
                yield Path(root, name)


class SeedImporter:
    def __init__(self, *, max_bytes=None, batch_size=BATCH_SIZE):
        self.max_bytes = max_bytes or settings.SEED_MAX_BYTES
        self.batch_size = batch_size
        self.outlets = {outlet.name: outlet for outlet in Outlet.objects.all()}
        self.outlet_spellings = Outlet.objects.alias_map()
        self.disclaimers = list(Disclaimer.objects.all())
        self.keywords = {}

    def import_paths(self, paths):
        """Import files and folders; yields one ImportResult per file, in order."""
        batch = []
        for path, problem in seed_files(paths):
            seed = ImportResult(path, "failed", problem) if problem else self.read(path)
            if isinstance(seed, ImportResult):
                yield from self._store(batch)
                batch = []
                yield seed
                continue
            batch.append(seed)
            if len(batch) >= self.batch_size:
                yield from self._store(batch)
                batch = []
        yield from self._store(batch)

    def read(self, path):
        """A Seed ready to store, or a failed ImportResult saying why the file is unusable."""
        try:
            raw = Path(path).read_bytes()
        except OSError as error:
            return ImportResult(Path(path), "failed", f"cannot be read: {error.strerror}")
        return self.read_bytes(path, raw)

    def read_bytes(self, path, raw):
        """A Seed from a file's bytes (a file on disk, or one uploaded or pasted on the
        intake screen, whose `path` is its name), or a failed ImportResult saying why."""
        path = Path(path)
        try:
            text = decode_seed(raw, max_bytes=self.max_bytes)
            story = parse_seed(text, outlets=self.outlet_spellings)
            disclaimer = self._disclaimer_for(story.disclaimer)
        except SeedError as error:
            return ImportResult(path, "failed", str(error))
        return Seed(path, raw, content_hash(text), story, disclaimer)

    def store(self, seeds):
        """Store Seeds already read, as `import_paths` does: one ImportResult each, in order."""
        results = []
        for start in range(0, len(seeds), self.batch_size):
            results += self._store(seeds[start : start + self.batch_size])
        return results

    def preview(self, seeds):
        """What `store` would do with these seeds (imported as which article, a duplicate of
        which, …), found by storing them in a transaction that is rolled back."""
        with transaction.atomic():
            results = self.store(seeds)
            transaction.set_rollback(True)
        self.keywords = {}  # those made in the rolled-back transaction are gone
        return results

    # --- Storing ---------------------------------------------------------------------------

    def _store(self, batch):
        if not batch:
            return []
        try:
            with transaction.atomic():
                results, later = self._store_batch(batch)
        except DatabaseError as error:
            if len(batch) == 1:
                message = f"could not be stored, nothing was kept: {error}"
                return [ImportResult(batch[0].path, "failed", message)]
            results, later = {}, batch
        for seed in later:
            results[seed.path] = self._store([seed])[0]
        return [results[seed.path] for seed in batch]

    def _store_batch(self, batch):
        """Store the new seeds of a batch. Returns ({path: result}, seeds to store one by one):
        a seed that updates an earlier report, or repeats another seed of the same batch."""
        known = SourceStory.objects.filter(
            Q(content_hash__in={seed.digest for seed in batch})
            | Q(file_name__in={seed.name for seed in batch}, article__isnull=False)
        ).values_list("content_hash", "file_name", "article__slug")
        by_digest = {digest: (name, slug) for digest, name, slug in known}
        current_names = {name for _, name, slug in known if slug}

        results, later, new, names, digests = {}, [], [], set(), set()
        for seed in batch:
            if seed.digest in by_digest:
                name, slug = by_digest[seed.digest]
                slug = slug or "an article whose source has since been updated"
                message = f"already imported as {slug} (from {name})"
                results[seed.path] = ImportResult(seed.path, "unchanged", message)
            elif seed.digest in digests or seed.name in names:
                later.append(seed)
            elif seed.name in current_names:
                if len(batch) == 1:
                    results[seed.path] = self._update(seed)
                else:
                    later.append(seed)
            else:
                new.append(seed)
                names.add(seed.name)
                digests.add(seed.digest)
        if new:
            results |= self._create(new)
        return results, later

    def _create(self, seeds):
        sources = SourceStory.objects.bulk_create([self._source_story(seed) for seed in seeds])
        slugs = free_slugs(
            [
                slug_for_import(
                    seed.story.headline, seed.story.language, source.outlet, seed.digest
                )
                for seed, source in zip(seeds, sources, strict=True)
            ]
        )
        articles = Article.objects.bulk_create(
            Article(slug=slug, source_story=source, outlet=source.outlet)
            for slug, source in zip(slugs, sources, strict=True)
        )
        revisions = self._write_revisions(articles, seeds, note="Imported")
        match_links_waiting_for(articles)
        record(
            "import",
            *(
                Change(article, revision, f"Imported from {seed.name}")
                for article, revision, seed in zip(articles, revisions, seeds, strict=True)
            ),
        )
        return {
            seed.path: ImportResult(seed.path, "imported", describe(article, seed))
            for article, seed in zip(articles, seeds, strict=True)
        }

    def _update(self, seed):
        """The same file arrived again with new content: a new version of its source story."""
        found = Article.objects.filter(source_story__file_name=seed.name).values("pk").get()
        article = Article.objects.locked(found["pk"])
        previous = article.source_story
        source = self._source_story(seed, replaces=previous)
        source.save()
        article.source_story = source
        follow_new_source(article, previous, source)  # changed paragraphs' translations go stale
        untouched = (
            article.status == ArticleStatus.NEW
            and not article.revisions.filter(author__isnull=False).exists()
        )
        if untouched:
            [revision] = self._write_revisions([article], [seed], note="Source updated")
            match_links_waiting_for([article])
            outcome = "the article had not been edited: its draft now follows the new source"
        else:
            revision = article.current_revision
            outcome = "the editors' draft is kept; compare it with the new source"
        comment = f"New version of {seed.name} arrived; {outcome}."
        # Whoever is working on it should look at the new version.
        working = not untouched or article.segments.exclude(translation="").exists()
        record("source_update", Change(article, revision, comment), notify=working)
        return ImportResult(seed.path, "updated", f"{article.slug}: {outcome}")

    def _source_story(self, seed, replaces=None):
        story = seed.story
        return SourceStory(
            outlet=self.outlets.get(story.outlet),
            language=story.language,
            headline=story.headline,
            headline_key=headline_key(story.headline),
            standfirst=story.standfirst,
            paragraphs=story.paragraphs,
            keywords=story.keywords,
            file_name=seed.name,
            raw=seed.raw,
            checksum=hashlib.sha256(seed.raw).hexdigest(),
            content_hash=seed.digest,
            replaces=replaces,
        )

    def _write_revisions(self, articles, seeds, *, note):
        """Each article's next revision, from its seed: the importer's draft of the story.

        Arabic stories get an empty English draft that carries their disclaimer,
        keywords and Read Also links until someone translates them.
        """
        revisions = Revision.objects.bulk_create(
            self._revision(article, seed, note)
            for article, seed in zip(articles, seeds, strict=True)
        )
        tags = {
            (revision.pk, self._keyword(name).pk)
            for revision, seed in zip(revisions, seeds, strict=True)
            for name in seed.story.keywords
        }
        Revision.keywords.through.objects.bulk_create(
            Revision.keywords.through(revision_id=revision, keyword_id=keyword)
            for revision, keyword in tags
        )
        keys = {headline_key(item.headline) for seed in seeds for item in seed.story.read_also}
        found = articles_by_headline_key(keys) if keys else {}
        links = []
        for revision, seed in zip(revisions, seeds, strict=True):
            places = [item.after_paragraph for item in seed.story.read_also]
            links += index_links(revision, found=found, places=places)
        ReadAlsoLink.objects.bulk_create(links)
        for article, revision in zip(articles, revisions, strict=True):
            article.current_revision = revision
        Article.objects.bulk_update(articles, ["current_revision"])
        return revisions

    @staticmethod
    def _revision(article, seed, note):
        """The importer's draft: for a story in English, its text with each Read Also link
        after the paragraph it followed; for one still to be translated, only the links
        (indexed with the source paragraph they follow, for the translation to place)."""
        story = seed.story
        english = story.language == "en"
        text = [documents.paragraph(p) for p in story.paragraphs] if english else []
        links = [
            (item.after_paragraph, documents.read_also(item.headline)) for item in story.read_also
        ]
        return Revision.build(
            article=article,
            number=article.current_revision.number + 1 if article.current_revision else 1,
            headline=story.headline if english else "",
            standfirst=story.standfirst if english else "",
            body=documents.with_read_also_after(text, links),
            disclaimer=seed.disclaimer,
            note=note,
        )

    def _disclaimer_for(self, found_text):
        """The managed disclaimer for a notice found in a seed: the one with the same
        wording, else the standard one."""
        if found_text is None:
            return None
        key = headline_key(found_text)
        for disclaimer in self.disclaimers:
            if headline_key(disclaimer.text) == key:
                return disclaimer
        for disclaimer in self.disclaimers:
            if disclaimer.is_standard:
                return disclaimer
        raise SeedError(
            "the seed carries a disclaimer, but no disclaimer is marked standard in the admin"
        )

    def _keyword(self, name):
        if name not in self.keywords:
            self.keywords[name] = Keyword.objects.named(name)
        return self.keywords[name]


def describe(article, seed):
    story = seed.story
    details = [
        story.outlet or "no outlet found",
        story.language,
        f"{len(story.paragraphs)} paragraphs",
    ]
    if story.read_also:
        details.append(f"{len(story.read_also)} Read Also")
    if seed.disclaimer:
        details.append("disclaimer")
    return f"{article.slug} [{', '.join(details)}]"
