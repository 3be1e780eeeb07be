"""Exchanging the translation memory (TMX 1.4b) and the glossary (TBX) with other tools.

Pure functions build a file from plain tuples and read one back into plain tuples; a thin
layer below reads the tuples from the database and stores what a file brings that is new.

Files from elsewhere are read by expat into an ElementTree, refusing any document type
declaration before anything in it is read: without one there are no entities to expand
(the "billion laughs") and no external ones to fetch (XXE), and a TMX or TBX file never
needs one. defusedxml, which would do the same, is not a dependency of the project. A file
is also refused unread beyond MAX_BYTES.

Imported translation units have no article in this newsroom: they are kept as MemoryEntry
rows, which the memory offers and the concordance finds beside the finished segments.
"""

import hashlib
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import NamedTuple
from xml.parsers import expat

from django.db import IntegrityError, transaction
from django.template.defaultfilters import filesizeformat

from .arabic import normalize
from .forms import GlossaryTermForm
from .models import GlossaryTerm, MemoryEntry
from .sanitizer import clean_text
from .translation.memory import finished_segments, index_entries

MAX_BYTES = 20 * 1024 * 1024
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
ARTICLE_PROPERTY = "x-article"  # a unit's article, by slug
TMX_DATE = "%Y%m%dT%H%M%SZ"
LISTED = 5  # problems named one by one in a report; the rest are counted
_RACE = (
    "Another import was storing some of the same {what} at the same moment; nothing was "
    "stored from this file: import it again."
)


class ExchangeError(ValueError):
    """A file that cannot be imported; the message says why, for the person importing it."""


class TranslationUnit(NamedTuple):
    source: str  # Arabic
    translation: str  # English
    article: str = ""  # the slug of the article it was translated for
    translator: str = ""
    changed: datetime | None = None


class TermEntry(NamedTuple):
    term: str  # Arabic
    rendering: str  # English
    note: str = ""


class Parsed(NamedTuple):
    items: list  # [TranslationUnit] or [TermEntry]
    skipped: list  # ["unit 4: no English text", …]


# Writing


def build_tmx(units, *, created):
    """A TMX 1.4b document (bytes) of `units`: Arabic source, English target."""
    root = ET.Element("tmx", version="1.4")
    ET.SubElement(root, "header", {
        "creationtool": "Newsroom desk", "creationtoolversion": "1", "o-tmf": "newsroom",
        "segtype": "paragraph", "datatype": "plaintext", "adminlang": "en", "srclang": "ar",
        "creationdate": f"{created.astimezone(UTC):{TMX_DATE}}",
    })  # fmt: skip
    body = ET.SubElement(root, "body")
    for unit in units:
        attributes = {}
        if unit.changed:
            stamp = f"{unit.changed.astimezone(UTC):{TMX_DATE}}"
            attributes |= {"creationdate": stamp, "changedate": stamp}
        if unit.translator:
            attributes["creationid"] = unit.translator
        tu = ET.SubElement(body, "tu", attributes)
        if unit.article:
            ET.SubElement(tu, "prop", type=ARTICLE_PROPERTY).text = unit.article
        for language, text in [("ar", unit.source), ("en", unit.translation)]:
            ET.SubElement(ET.SubElement(tu, "tuv", {XML_LANG: language}), "seg").text = text
    return _document(root)


def build_tbx(entries, *, created):
    """A TBX-Basic document (TBX 2019, bytes) of `entries`: a concept entry each, with its
    Arabic and English terms and the note."""
    root = ET.Element("tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: "en",
                              "xmlns": TBX_NAMESPACE})  # fmt: skip
    description = ET.SubElement(ET.SubElement(ET.SubElement(root, "tbxHeader"), "fileDesc"),
                                "sourceDesc")  # fmt: skip
    ET.SubElement(description, "p").text = f"The newsroom's glossary, {created:%Y-%m-%d}."
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for number, entry in enumerate(entries, 1):
        concept = ET.SubElement(body, "conceptEntry", id=f"c{number}")
        if entry.note:
            ET.SubElement(concept, "note").text = entry.note
        for language, term in [("ar", entry.term), ("en", entry.rendering)]:
            section = ET.SubElement(concept, "langSec", {XML_LANG: language})
            ET.SubElement(ET.SubElement(section, "termSec"), "term").text = term
    return _document(root)


def _document(root):
    ET.indent(root)
    for element in root.iter():  # what XML cannot carry (control characters) is left out
        element.text = element.text and clean_text(element.text)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


# Reading


def parse_tmx(data):
    """Parsed([TranslationUnit], skipped) from a TMX file's bytes. A unit needs an Arabic and
    an English variant ("ar", "ar-SY", "AR", "en-GB"…); others are skipped, and say why."""
    root = read_xml(data, "TMX")
    if root.tag != "tmx":
        raise ExchangeError(f"This is not a TMX file: it is a <{root.tag}> document, not <tmx>.")
    body = root.find("body")
    if body is None:
        raise ExchangeError("The TMX file has no <body>, so no translation units.")
    units, skipped = [], []
    for number, tu in enumerate(body.findall("tu"), 1):
        texts = _texts_by_language((tuv.get("lang"), tuv.find("seg")) for tuv in tu.findall("tuv"))
        if problem := _missing(texts, "text"):
            skipped.append(f"unit {number}: {problem}")
            continue
        properties = {prop.get("type"): _text(prop) for prop in tu.findall("prop")}
        units.append(TranslationUnit(
            texts["ar"], texts["en"], article=properties.get(ARTICLE_PROPERTY, ""),
            translator=tu.get("creationid") or tu.get("changeid") or "",
            changed=_tmx_date(tu.get("changedate") or tu.get("creationdate")),
        ))  # fmt: skip
    return Parsed(units, skipped)


def parse_tbx(data):
    """Parsed([TermEntry], skipped) from a TBX file's bytes: TBX 2019 (<conceptEntry>,
    <langSec>, <termSec>) or the older TBX-Basic (<termEntry>, <langSet>, <tig> or <ntig>).
    An entry's note is its first <note>, else its <descrip type="definition">."""
    root = read_xml(data, "TBX")
    if root.tag not in {"tbx", "martif"}:
        raise ExchangeError(f"This is not a TBX file: it is a <{root.tag}> document, not <tbx>.")
    entries, skipped = [], []
    concepts = [element for element in root.iter() if element.tag in {"conceptEntry", "termEntry"}]
    for number, concept in enumerate(concepts, 1):
        sections = [child for child in concept if child.tag in {"langSec", "langSet"}]
        terms = _texts_by_language((section.get("lang"), section.find(".//term"))
                                   for section in sections)  # fmt: skip
        if problem := _missing(terms, "term"):
            skipped.append(f"entry {number}: {problem}")
            continue
        notes = [*concept.iter("note")] or [
            descrip for descrip in concept.iter("descrip") if descrip.get("type") == "definition"
        ]
        entries.append(TermEntry(terms["ar"], terms["en"], _text(notes[0]) if notes else ""))
    return Parsed(entries, skipped)


def read_xml(data, kind):
    """The document in `data` (bytes) as an ElementTree element, its names without their
    namespaces (TBX 2019 has one, TMX and the older TBX none); `xml:lang` is `lang`."""
    if len(data) > MAX_BYTES:
        raise ExchangeError(too_large())
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate(namespace_separator="}")

    def refuse(*declaration):
        raise ExchangeError(
            f"The file declares a document type (<!DOCTYPE …>). A {kind} file needs none, and "
            "one could declare entities that expand without end or read files on the server; "
            "remove the declaration and import the file again."
        )

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse  # declared only inside one: a second guard
    parser.StartElementHandler = lambda name, attributes: builder.start(
        _local(name), {_local(key): value for key, value in attributes.items()}
    )
    parser.EndElementHandler = lambda name: builder.end(_local(name))
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        raise ExchangeError(
            f"The file is not well-formed XML: {expat.errors.messages[error.code]} "
            f"on line {error.lineno}, column {error.offset + 1}."
        ) from None
    return builder.close()


def too_large():
    return (
        f"The file is larger than {filesizeformat(MAX_BYTES)}, the most one import takes: "
        "split it into smaller files."
    )


def read_limited(file):
    """The bytes of an open or uploaded `file`, reading no more than one byte past the
    limit, so that read_xml refuses a file too large without holding all of it."""
    return file.read(MAX_BYTES + 1)


def _local(name):
    return name.rpartition("}")[2]


def _text(element):
    """The text of a <seg>, <term> or <note>: its own and that of its <hi> highlighting, not
    the inline codes (<bpt>, <ph>…) that stand for the original's formatting."""
    pieces = [element.text or ""]
    for child in element:
        if child.tag == "hi":
            pieces.append(_text(child))
        pieces.append(child.tail or "")
    return clean_text("".join(pieces)).strip()


def _texts_by_language(variants):
    """{"ar": text, "en": text} from (language code, element) pairs: the first non-empty
    text in each language, whatever its region or case ("ar-SY", "AR", "en_GB")."""
    texts = {}
    for code, element in variants:
        language = re.split(r"[-_]", code or "")[0].casefold()
        text = _text(element) if element is not None else ""
        if language in {"ar", "en"} and text and language not in texts:
            texts[language] = text
    return texts


def _missing(texts, what):
    """ "no English text", "no Arabic term"…, or "" when there is both."""
    missing = [name for code, name in [("ar", "Arabic"), ("en", "English")] if code not in texts]
    return " and ".join(f"no {name} {what}" for name in missing)


def _tmx_date(value):
    """A TMX date ("20261130T101500Z") as a datetime; None for none or one unreadable."""
    try:
        return datetime.strptime(value or "", TMX_DATE).replace(tzinfo=UTC)
    except ValueError:
        return None


# The database


def memory_units():
    """Every unit of the memory: the finished segments, then the imported entries."""
    segments = finished_segments().select_related("article", "translated_by").order_by("pk")
    for segment in segments.iterator(chunk_size=2000):
        translator = segment.translated_by.get_username() if segment.translated_by else ""
        yield TranslationUnit(segment.source_text, segment.translation, segment.article.slug,
                              translator, segment.updated_at)  # fmt: skip
    for entry in MemoryEntry.objects.order_by("pk").iterator(chunk_size=2000):
        yield TranslationUnit(entry.source_text, entry.translation, entry.article_slug,
                              entry.translator, entry.translated_at)  # fmt: skip


def glossary_entries():
    return [
        TermEntry(term.source_term, term.rendering, term.note)
        for term in GlossaryTerm.objects.order_by("pk")
    ]


@dataclass(frozen=True)
class MemoryImport:
    added: int
    present: int  # in the memory already, or earlier in the same file
    skipped: list

    @property
    def complete(self):
        """Whether every unit of the file is in the memory now."""
        return not self.skipped

    @property
    def summary(self):
        return _sentence(
            f"Added {self.added} unit{'s' * (self.added != 1)} to the translation memory",
            f"{self.present} {'was' if self.present == 1 else 'were'} there already",
            _skipped(self.skipped),
        )


def import_memory(file, *, file_name, user=None):
    """Store the units of a TMX `file` (open, binary) that the memory does not hold yet, as
    imported entries: all of them or, on any error, none."""
    parsed = parse_tmx(read_limited(file))
    held = _held(parsed.items)
    new, present = {}, 0
    for unit in parsed.items:
        key = unit_key(unit.source, unit.translation)
        if key in held or key in new:
            present += 1
            continue
        new[key] = MemoryEntry(
            key=key, source_text=unit.source, source_normalized=normalize(unit.source),
            translation=unit.translation, article_slug=unit.article[:200],
            translator=unit.translator[:200], translated_at=unit.changed,
            imported_from=file_name[:255], imported_by=user,
        )  # fmt: skip
    try:
        with transaction.atomic():
            index_entries(MemoryEntry.objects.bulk_create(new.values(), batch_size=500))
    except IntegrityError:  # another import stored some of the same units meanwhile
        raise ExchangeError(_RACE.format(what="units")) from None
    return MemoryImport(len(new), present, parsed.skipped)


def unit_key(source, translation):
    return hashlib.sha256(f"{source}\0{translation}".encode()).hexdigest()


def _held(units):
    """The keys of those `units` the memory holds already: as finished segments or entries."""
    keys = {unit_key(unit.source, unit.translation) for unit in units}
    sources = list({unit.source for unit in units})
    held = set()
    for chunk in _chunks(sorted(keys)):
        held |= set(MemoryEntry.objects.filter(key__in=chunk).values_list("key", flat=True))
    for chunk in _chunks(sources):  # a segment's text as its export and import would leave it
        pairs = finished_segments().filter(source_text__in=chunk)
        held |= {
            unit_key(clean_text(source).strip(), clean_text(translation).strip())
            for source, translation in pairs.values_list("source_text", "translation")
        }
    return held & keys


def _chunks(items, size=500):
    return [items[start : start + size] for start in range(0, len(items), size)]


class Conflict(NamedTuple):
    term: GlossaryTerm  # as the glossary has it
    rendering: str  # as the file has it


@dataclass(frozen=True)
class GlossaryImport:
    added: int
    unchanged: int
    conflicts: list = field(default_factory=list)
    skipped: list = field(default_factory=list)

    @property
    def complete(self):
        """Whether the glossary now renders every term of the file as the file does."""
        return not self.conflicts and not self.skipped

    @property
    def summary(self):
        conflicts = [
            f"{c.term.source_term} is “{c.term.rendering}” here, “{c.rendering}” in the file"
            for c in self.conflicts
        ]
        return _sentence(
            f"Added {self.added} term{'s' * (self.added != 1)} to the glossary",
            f"{self.unchanged} {'was' if self.unchanged == 1 else 'were'} there already",
            conflicts
            and f"{len(conflicts)} left as the glossary has them, for a reviewer to decide, "
            f"because the file renders them otherwise: {_listed(conflicts)}",
            _skipped(self.skipped),
        )


def import_glossary(file):
    """Add the terms of a TBX `file` (open, binary) that the glossary lacks, keyed on the
    Arabic however it is spelled: a term it has with the same English is left alone, one
    with another English is a conflict and is not overwritten. All of them, or none."""
    parsed = parse_tbx(read_limited(file))
    added, unchanged, conflicts, skipped = 0, 0, [], list(parsed.skipped)
    try:
        with transaction.atomic():
            known = {term.normalized: term for term in GlossaryTerm.objects.all()}
            for entry in parsed.items:
                have = known.get(normalize(entry.term))
                if have is None and (term := _add_term(entry, skipped)):
                    known[term.normalized] = term
                    added += 1
                elif have and have.rendering == entry.rendering:
                    unchanged += 1
                elif have:
                    conflicts.append(Conflict(have, entry.rendering))
    except IntegrityError:  # another import added some of the same terms meanwhile
        raise ExchangeError(_RACE.format(what="terms")) from None
    return GlossaryImport(added, unchanged, conflicts, skipped)


def _add_term(entry, skipped):
    """The entry saved as a term, checked as the glossary screen checks one; else None, and
    why not in `skipped`."""
    data = {"source_term": entry.term, "rendering": entry.rendering, "note": entry.note}
    form = GlossaryTermForm(data)
    if form.is_valid():
        return form.save()
    reasons = " ".join(error for errors in form.errors.values() for error in errors)
    skipped.append(f"{entry.term}: {reasons}")
    return None


def _sentence(*parts):
    return "; ".join(part for part in parts if part) + "."


def _skipped(skipped):
    return skipped and f"{len(skipped)} skipped: {_listed(skipped)}"


def _listed(problems):
    more = len(problems) - LISTED
    return ", ".join(problems[:LISTED]) + (f" and {more} more" if more > 0 else "")
