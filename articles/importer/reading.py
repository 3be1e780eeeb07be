"""Reading seed files: finding them, reading and parsing each into a Seed ready to store,
or the reason it cannot be. Past the first batch, files are read in a second process while
the importer stores (loading.py), a few chunks ahead at most."""

import multiprocessing
import os
import threading
from collections import deque
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import islice
from pathlib import Path

from django.conf import settings

from articles.models import Disclaimer, Outlet, OutletStatus
from articles.text import opening_key

from .decoding import seed_encoding
from .disclaimers import disclaimer_wording
from .duplicates import shingles
from .parsing import Flag, ParsedStory, SeedError, content_hash, decode_seed, parse_seed


@dataclass(frozen=True)
class ImportResult:
    path: Path
    outcome: str  # "imported", "updated", "unchanged", "duplicate" or "failed"
    message: str


@dataclass(frozen=True)
class Seed:
    """A seed file read and parsed, ready to store."""

    path: Path
    raw: bytes
    digest: str
    story: ParsedStory
    disclaimer: Disclaimer | None
    encoding: str = "utf-8"
    flags: tuple[Flag, ...] = ()  # the parser's, and the importer's own

    @property
    def name(self):
        return self.path.name

    @cached_property
    def opening_key(self):
        return opening_key(self.story.paragraphs)

    @cached_property
    def shingles(self):
        return shingles(self.story.paragraphs)

    def flagged(self, *flags):
        return replace(self, flags=(*self.flags, *flags))


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


class SeedReader:
    """Reads seed files with what the desk knows: its outlets (and those rejected) and its
    managed disclaimers."""

    def __init__(self, *, max_bytes=None, batch_size):
        self.max_bytes = max_bytes or settings.SEED_MAX_BYTES
        self.batch_size = batch_size
        self.outlets = {outlet.name: outlet for outlet in Outlet.objects.all()}
        self.outlet_spellings = Outlet.objects.alias_map()
        self.rejected = {
            spelling.casefold()
            for outlet in self.outlets.values()
            if outlet.status == OutletStatus.REJECTED
            for spelling in [outlet.name, *outlet.aliases]
        }
        self.disclaimers = list(Disclaimer.objects.all())

    def _read_all(self, found):
        """Each (path, problem) of `found` read: a Seed, or a failed ImportResult, in order.
        Past the first batch, files are read and parsed in a second process while this one
        stores, a few chunks ahead at most, so memory stays flat however many there are (in
        this process when it runs other threads, which a fork does not copy safely)."""
        found = iter(found)
        first = list(islice(found, self.batch_size))
        yield from map(self._read_found, first)
        if len(first) < self.batch_size:
            return
        if threading.active_count() > 1:  # forking a threaded process can deadlock the child
            yield from map(self._read_found, found)
            return
        global _reading  # the forked reader's: it needs the outlets and disclaimers read here
        _reading = self
        try:
            # The reader never touches the database connection it inherits: parsing is pure.
            with multiprocessing.get_context("fork").Pool(1) as pool:
                pending = deque()
                for chunk in iter(lambda: list(islice(found, READ_CHUNK)), []):
                    pending.append(pool.apply_async(_read_chunk, (chunk,)))
                    if len(pending) >= READ_AHEAD:
                        yield from pending.popleft().get()
                while pending:
                    yield from pending.popleft().get()
        finally:
            _reading = None

    def _read_found(self, found):
        path, problem = found
        return ImportResult(path, "failed", problem) if problem else self.read(path)

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
        seed = Seed(path, raw, content_hash(text), story, disclaimer, seed_encoding(raw))
        return seed.flagged(*story.flags, *self._outlet_flags(story))

    def _outlet_flags(self, story):
        if story.new_outlet and story.new_outlet.casefold() in self.rejected:
            return [Flag("outlet_unknown", f"{story.new_outlet} is a rejected outlet")]
        if story.new_outlet:
            return [
                Flag(
                    "outlet_unconfirmed",
                    f"{story.new_outlet} is new to the desk; an admin confirms it before publication",
                )
            ]
        outlet = self.outlets.get(story.outlet)
        if outlet and outlet.status == OutletStatus.UNCONFIRMED:
            return [
                Flag(
                    "outlet_unconfirmed",
                    f"{outlet.name} is not yet confirmed; an admin confirms it before publication",
                )
            ]
        return []

    def _disclaimer_for(self, found_text):
        """The managed disclaimer for a notice found in a seed (parsing.disclaimer_wording):
        the one in its wording, else the standard one."""
        if found_text is None:
            return None
        index = disclaimer_wording(found_text, [d.text for d in self.disclaimers])
        if index is not None:
            return self.disclaimers[index]
        for disclaimer in self.disclaimers:
            if disclaimer.is_standard:
                return disclaimer
        raise SeedError(
            "the seed carries a disclaimer, but no disclaimer is marked standard in the admin"
        )


_reading = None  # the importer whose files a forked reader reads
READ_CHUNK, READ_AHEAD = 100, 4


def _read_chunk(chunk):
    """In the reading process: read and parse a chunk of files."""
    return [_reading._read_found(found) for found in chunk]
