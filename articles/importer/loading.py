"""Storing parsed seeds: the thin database layer over `parsing`.

Files are stored in batches, one query per kind of row for the whole batch,
inside one transaction. If anything in a batch fails, the batch is rolled
back and its files are stored again one at a time, so each file is stored
whole or not at all and one bad file never holds back the others. A batch of
one file is the ordinary case of the same code.
"""

import hashlib
from dataclasses import replace

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import OuterRef, Q, Subquery
from django.utils.text import slugify

from articles import body as documents
from articles.models import (
    Article,
    ArticleStatus,
    Keyword,
    Outlet,
    OutletStatus,
    ReadAlsoLink,
    Revision,
    SourceFlag,
    SourceStory,
    free_slugs,
    slug_for_import,
)
from articles.read_also import articles_by_headline_key, index_links, match_links_waiting_for
from articles.text import headline_key
from articles.translation import create_segments, follow_new_source
from articles.workflow import Change, record

from .duplicates import Sameness, compare, shingles
from .parsing import Flag
from .reading import ImportResult, Seed, SeedReader, seed_files

__all__ = ["ImportResult", "Seed", "SeedImporter"]

BATCH_SIZE = 200
CLASHES = 3  # times a file is stored again after another import stored the same rows


class SeedImporter(SeedReader):
    """Stores what a SeedReader reads."""

    def __init__(self, *, max_bytes=None, batch_size=BATCH_SIZE):
        super().__init__(max_bytes=max_bytes, batch_size=batch_size)
        self.keywords = {}

    def import_paths(self, paths):
        """Import files and folders; yields one ImportResult per file, in order."""
        batch = []
        for seed in self._read_all(seed_files(paths)):
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

    def _store(self, batch, *, clashes=0):
        if not batch:
            return []
        try:
            with transaction.atomic():
                results, later = self._store_batch(batch)
        except DatabaseError as error:
            self.keywords = {}  # those made in the rolled-back transaction are gone
            if len(batch) == 1 and isinstance(error, IntegrityError) and clashes < CLASHES:
                # Another import stored the same report, address or outlet meanwhile: now
                # that it has committed, reading again finds it.
                return self._store(batch, clashes=clashes + 1)
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

        captures = self._earlier_captures(batch)
        results, later, new, names, digests, openings = {}, [], [], set(), set(), {}
        for seed in batch:
            same = self._same_report(seed, captures)
            if seed.digest in by_digest:
                name, slug = by_digest[seed.digest]
                slug = slug or "an article whose source has since been updated"
                message = f"already imported as {slug} (from {name})"
                results[seed.path] = ImportResult(seed.path, "unchanged", message)
            elif seed.digest in digests or seed.name in names or self._repeats(seed, openings):
                later.append(seed)
            elif seed.name in current_names or same.verdict == "new version":
                if len(batch) == 1:
                    results[seed.path] = self._update(seed, same.article_pk)
                else:
                    later.append(seed)
            elif same.verdict == "duplicate":
                message = (
                    f"duplicate of {same.slug} (from {same.file_name}): "
                    f"{same.contained:.0%} of its text is there already; nothing imported"
                )
                results[seed.path] = ImportResult(seed.path, "duplicate", message)
            else:
                if same.verdict == "possible duplicate":
                    detail = f"of {same.slug}: {same.contained:.0%} of its text is the same"
                    seed = seed.flagged(Flag("possible_duplicate", detail))
                new.append(seed)
                names.add(seed.name)
                digests.add(seed.digest)
                if seed.opening_key:
                    openings.setdefault(seed.opening_key, []).append(seed)
        if new:
            results |= self._create(new)
        return results, later

    def _earlier_captures(self, batch):
        """The current source stories a seed of the batch may be a second capture of: those
        with the same opening words or the same headline (one query)."""
        openings = {seed.opening_key for seed in batch} - {""}
        headlines = {headline_key(seed.story.headline) for seed in batch} - {""}
        if not openings and not headlines:
            return []
        return list(
            SourceStory.objects.filter(
                Q(opening_key__in=openings) | Q(headline_key__in=headlines),
                article__isnull=False,
            ).values_list(
                "opening_key", "headline_key", "paragraphs", "file_name", "article__pk",
                "article__slug",
            )
        )  # fmt: skip

    @staticmethod
    def _repeats(seed, openings):
        """Whether an earlier seed of the batch is the same report (stored first, then this one
        is stored alone, to be compared with it)."""
        return any(
            compare(seed.shingles, other.shingles).verdict in {"duplicate", "new version"}
            for other in openings.get(seed.opening_key, [])
        )

    @staticmethod
    def _same_report(seed, captures):
        """How the seed stands to the earlier capture most like it (duplicates.compare)."""
        key, headline = seed.opening_key, headline_key(seed.story.headline)
        candidates = [
            c for c in captures if (key and c[0] == key) or (headline and c[1] == headline)
        ]
        best = Sameness()
        for _, _, paragraphs, file_name, article_pk, slug in candidates:
            found = compare(seed.shingles, shingles(paragraphs))
            if found.rank > best.rank:
                best = replace(found, file_name=file_name, article_pk=article_pk, slug=slug)
        return best

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
        create_segments(articles)
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

    def _update(self, seed, article_pk=None):
        """The same file arrived again with new content, or another capture (more complete,
        or changed) of the report of `article_pk`: a new version of its source story."""
        if article_pk is None:
            found = Article.objects.filter(source_story__file_name=seed.name).values("pk").get()
            article_pk = found["pk"]
        article = Article.objects.locked(article_pk)
        previous = article.source_story
        source = self._source_story(seed, replaces=previous)
        source.save()
        article.source_story = source
        follow_new_source(article, previous, source)  # changed paragraphs' translations go stale
        if not article.segments.exists():  # translation had not started: the new source's
            create_segments([article])
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
        arrived = "arrived" if previous.file_name == seed.name else f"arrived as {seed.name}"
        comment = f"New version of {previous.file_name} {arrived}; {outcome}."
        # Whoever is working on it should look at the new version.
        working = not untouched or article.segments.exclude(translation="").exists()
        record("source_update", Change(article, revision, comment), notify=working)
        return ImportResult(seed.path, "updated", f"{article.slug}: {outcome}")

    def _source_story(self, seed, replaces=None):
        story = seed.story
        return SourceStory(
            outlet=self._outlet_for(story),
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
            encoding=seed.encoding,
            opening_key=seed.opening_key,
            flags=[{"code": flag.code, "detail": flag.detail} for flag in seed.flags],
        )

    def _outlet_for(self, story):
        """The known outlet, or the one an attribution named that the table lacked, added
        unconfirmed (not cached: a batch rolled back takes it away)."""
        if story.outlet or not story.new_outlet:
            return self.outlets.get(story.outlet)
        name = story.new_outlet[: Outlet._meta.get_field("name").max_length]
        if name.casefold() in self.rejected:
            return None
        existing = Outlet.objects.filter(name__iexact=name).first()
        if existing:
            return existing
        digest = hashlib.sha256(name.encode()).hexdigest()[:8]
        slug = slugify(name)[:100] or "outlet"
        if Outlet.objects.filter(slug=slug).exists():
            slug = f"{slug}-{digest}"
        return Outlet.objects.create(
            name=name, slug=slug, status=OutletStatus.UNCONFIRMED, language=story.language
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
        # One statement for the batch: each article's newest revision, the one just written.
        newest = Revision.objects.filter(article=OuterRef("pk")).order_by("-number")
        Article.objects.filter(pk__in=[a.pk for a in articles]).update(
            current_revision=Subquery(newest.values("pk")[:1])
        )
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

    def _keyword(self, name):
        if name not in self.keywords:
            self.keywords[name] = Keyword.objects.named(name)
        return self.keywords[name]


def describe(article, seed):
    story = seed.story
    details = [
        article.outlet.name if article.outlet else "no outlet found",
        story.language,
        f"{len(story.paragraphs)} paragraphs",
    ]
    if story.read_also:
        details.append(f"{len(story.read_also)} Read Also")
    if seed.disclaimer:
        details.append("disclaimer")
    flagged = "".join(f"; flagged {SourceFlag(f.code).label}: {f.detail}" for f in seed.flags)
    return f"{article.slug} [{', '.join(details)}]{flagged}"
