"""Read article files into :class:`~generator.model.Source` objects.

Two input formats:

* ``.txt`` in the seed format: headline on line 1, an optional
  ``Veröffentlicht am DD.MM.YYYY um HH:MM Uhr`` line, one paragraph per line;
* ``.md`` with YAML front matter (``title``, ``published``, ``outlet``, ``url``,
  ``author``, ``language``) and a Markdown body.

Repeated headline/lead lines are dropped, image captions and credit lines are
kept apart from the body text. Only this module reads article files.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer
import yaml

from ..analyse.sentences import split_sentences
from ..errors import Diagnostic
from ..model import Paragraph, ParagraphKind, Sentence, Source

ARTICLE_SUFFIXES = (".txt", ".md")

# 8-bit encodings we accept when a file is not UTF-8: the usual suspects for German text.
# The detector cannot tell these apart on short texts; for German, Windows-1252 is the
# likely truth whenever it decodes the bytes at all.
_FALLBACK_ENCODINGS = {
    "cp1252",
    "cp1250",
    "latin_1",
    "iso8859_15",
    "iso8859_2",
    "cp850",
    "mac_roman",
}

_DATE_LINE = re.compile(
    r"^(?:Veröffentlicht|Aktualisiert|Erschienen|Publiziert|Stand)(?:\s+am)?:?\s+"
    r"(?P<day>\d{1,2})\.\s?(?P<month>\d{1,2})\.\s?(?P<year>\d{4})"
    r"(?:,?\s+(?:um\s+)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:\s*Uhr)?)?\s*$",
    re.IGNORECASE,
)
_CREDIT_MARK = re.compile(
    r"©|\(c\)|\bCopyright\b|\bAll rights reserved\b|\bAlle Rechte vorbehalten\b"
    r"|\b(?:Foto|Fotos|Bild|Bilder|Photo|Grafik|Quelle)\s*:",
    re.IGNORECASE,
)
_CAPTION_SEPARATOR = re.compile(r"\s[-–—]\s")
_STANDALONE_CREDIT = re.compile(
    r"^(?:©|\(c\)|(?:Foto|Fotos|Bild|Bilder|Photo|Grafik)\s*:)", re.IGNORECASE
)
_SENTENCE_END = (".", "!", "?", ":", '"', "“", "”", "»", "«", "'", ")", "…")
_MAX_HEADING_WORDS = 12
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1")


class IngestError(Exception):
    """An article that cannot be read; carries the line where known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class _Draft:
    """The parts of an article before sentence splitting."""

    title: str
    blocks: list[tuple[ParagraphKind, str]] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    published: str | None = None
    published_time: str | None = None
    meta: dict[str, str] = field(default_factory=dict)


def list_articles(seeds_dir: Path) -> list[Path]:
    """The article files of a folder, in a stable order (hidden files ignored)."""
    return sorted(
        path
        for path in seeds_dir.iterdir()
        if path.is_file()
        and path.suffix.lower() in ARTICLE_SUFFIXES
        and not path.name.startswith(".")
    )


def read_article(path: Path, display: str) -> tuple[Source | None, list[Diagnostic]]:
    """Read one article; on failure return ``None`` and an error diagnostic naming the file."""
    diagnostics: list[Diagnostic] = []
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [
            Diagnostic(level="error", path=display, message=f"cannot read file: {error.strerror}")
        ]
    try:
        text, encoding = decode(raw)
        if encoding != "utf-8":
            diagnostics.append(
                Diagnostic(
                    level="info",
                    path=display,
                    message=f"file is not UTF-8; read as {encoding}. Save it as UTF-8 to be sure.",
                )
            )
        draft = parse_markdown(text) if path.suffix.lower() == ".md" else parse_text(text)
    except IngestError as error:
        diagnostics.append(
            Diagnostic(level="error", path=display, line=error.line, message=str(error))
        )
        return None, diagnostics
    return build_source(draft, file=display), diagnostics


def decode(raw: bytes) -> tuple[str, str]:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, or a detected 8-bit encoding."""
    if b"\x00" in raw and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise IngestError("binary file (contains NUL bytes), not a text article")
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _normalise(raw.decode("utf-16")), "utf-16"
    try:
        return _normalise(raw.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        best = charset_normalizer.from_bytes(raw).best()
        if best is not None and best.encoding in _FALLBACK_ENCODINGS:
            try:
                return _normalise(raw.decode("cp1252")), "cp1252"
            except UnicodeDecodeError:
                return _normalise(str(best)), best.encoding
        raise IngestError(
            f"not valid UTF-8 (byte 0x{raw[error.start]:02x}) and the encoding could not be "
            "recognised; save the file as UTF-8",
            line=line,
        ) from None


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return unicodedata.normalize("NFC", text)


def _clean(line: str) -> str:
    """Collapse whitespace (incl. no-break spaces) and drop control characters."""
    line = "".join(ch for ch in line if ch == "\t" or unicodedata.category(ch) != "Cc")
    return " ".join(line.split())


def _key(line: str) -> str:
    return _clean(line).casefold()


def parse_text(text: str) -> _Draft:
    """Parse the seed format: headline, optional date line, one paragraph per line."""
    lines = [(number, _clean(line)) for number, line in enumerate(text.split("\n"), start=1)]
    lines = [(number, line) for number, line in lines if line]
    if not lines:
        raise IngestError("file is empty")
    _, title = lines[0]
    draft = _Draft(title=title)
    _add_body(draft, [line for _, line in lines[1:]], allow_headings=True)
    if not any(kind == "text" for kind, _ in draft.blocks):
        raise IngestError("article has a headline but no body text", line=lines[0][0])
    return draft


def parse_markdown(text: str) -> _Draft:
    """Parse an article with YAML front matter and a Markdown body."""
    meta: dict[str, object] = {}
    body_start = 1
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yaml.safe_load(match.group("yaml") or "")
        except yaml.YAMLError as error:
            # where the broken construct began is more telling than where parsing gave up
            mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
            line = mark.line + 2 if mark is not None else 1
            problem = getattr(error, "problem", None) or "invalid YAML"
            raise IngestError(f"front matter is not valid YAML: {problem}", line=line) from None
        if loaded is not None and not isinstance(loaded, dict):
            raise IngestError("front matter must be a mapping of keys to values", line=2)
        meta = loaded or {}
        body_start = text[: match.end()].count("\n") + 1
        text = text[match.end() :]
    blocks: list[tuple[str, bool]] = []  # (text, is_heading)
    current: list[str] = []
    for raw_line in text.split("\n"):
        line = raw_line.strip()
        heading = re.match(r"^#{1,6}\s+(.*?)\s*#*$", line)
        if not line or heading:
            if current:
                blocks.append((" ".join(current), False))
                current = []
            if heading:
                blocks.append((heading.group(1), True))
            continue
        current.append(line)
    if current:
        blocks.append((" ".join(current), False))
    blocks = [(_clean(_strip_markdown(block)), is_heading) for block, is_heading in blocks]
    blocks = [(block, is_heading) for block, is_heading in blocks if block]

    title = _meta_text(meta, "title", body_start)
    if title is None:
        if (blocks and blocks[0][1]) or blocks:
            title = blocks.pop(0)[0]
        else:
            raise IngestError("file is empty" if not meta else "article has no title and no text")
    draft = _Draft(title=_clean(title))
    _add_body(draft, [block for block, _ in blocks], headings={b for b, h in blocks if h})
    if not any(kind == "text" for kind, _ in draft.blocks):
        raise IngestError("article has no body text", line=body_start)
    published = meta.get("published", meta.get("date"))
    if published is not None:
        draft.published, draft.published_time = _parse_published(published)
    for key in ("outlet", "url", "author", "language"):
        value = _meta_text(meta, key, body_start)
        if value is not None:
            draft.meta[key] = value
    return draft


def _meta_text(meta: dict[str, object], key: str, body_start: int) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        raise IngestError(f"front matter field '{key}' must be a single value", line=2)
    return str(value)


def _parse_published(value: object) -> tuple[str, str | None]:
    if isinstance(value, dt.datetime):
        return value.date().isoformat(), value.strftime("%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat(), None
    text = str(value).strip()
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}).*)?", text)
    german = re.fullmatch(
        r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?:,?\s+(?:um\s+)?(\d{1,2})[:.](\d{2}).*)?", text
    )
    if iso:
        year, month, day, hour, minute = iso.groups()
    elif german:
        day, month, year, hour, minute = german.groups()
    else:
        raise IngestError(f"'published' is not a date: {text!r} (use YYYY-MM-DD)", line=2)
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        raise IngestError(f"'published' is not a valid date: {text!r}", line=2) from None
    time = f"{int(hour):02d}:{minute}" if hour is not None else None
    return date.isoformat(), time


def _strip_markdown(text: str) -> str:
    text = _MD_LINK.sub(r"\1", text)
    return _MD_EMPHASIS.sub(r"\2", text)


def _add_body(
    draft: _Draft,
    lines: list[str],
    *,
    allow_headings: bool = False,
    headings: set[str] | None = None,
) -> None:
    """Classify body lines: date line, repeats, credits, captions, headings, text."""
    seen = {_key(draft.title)}
    for index, line in enumerate(lines):
        date = _DATE_LINE.match(line)
        if date and draft.published is None:
            try:
                published = dt.date(int(date["year"]), int(date["month"]), int(date["day"]))
            except ValueError:
                published = None
            if published is not None:
                draft.published = published.isoformat()
                if date["hour"] is not None:
                    draft.published_time = f"{int(date['hour']):02d}:{date['minute']}"
                continue
        if _key(line) in seen:
            draft.dropped.append(line)
            continue
        caption, credit = split_credit(line)
        if credit is not None:
            draft.credits.append(credit)
            if caption:
                previous = draft.blocks[-1] if draft.blocks else None
                if previous is not None and _key(previous[1]) == _key(caption):
                    draft.blocks[-1] = ("caption", previous[1])
                else:
                    draft.blocks.append(("caption", caption))
                seen.add(_key(caption))
            continue
        seen.add(_key(line))
        is_last = index == len(lines) - 1
        if headings is not None:
            kind: ParagraphKind = "heading" if line in headings else "text"
        elif allow_headings and not is_last and _looks_like_heading(line):
            kind = "heading"
        else:
            kind = "text"
        draft.blocks.append((kind, line))


def split_credit(line: str) -> tuple[str | None, str | None]:
    """Split ``caption - Name/Copyright ...`` into (caption, credit); (None, None) if no credit."""
    mark = _CREDIT_MARK.search(line)
    if mark is None:
        return None, None
    if _STANDALONE_CREDIT.match(line):
        return "", line
    separators = [m for m in _CAPTION_SEPARATOR.finditer(line, 0, mark.start())]
    if separators:
        cut = separators[-1]
        return line[: cut.start()].strip(), line[cut.end() :].strip()
    if len(line.split()) <= 12:
        return "", line
    return None, None


def _looks_like_heading(line: str) -> bool:
    return not line.endswith(_SENTENCE_END) and len(line.split()) <= _MAX_HEADING_WORDS


def build_source(draft: _Draft, *, file: str) -> Source:
    """Split paragraphs into sentences with ids ``s1``, ``s2``, … in reading order."""
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for index, (kind, text) in enumerate(draft.blocks, start=1):
        parts = split_sentences(text) if kind == "text" else [text]
        ids = []
        for part in parts:
            sentence = Sentence(id=f"s{len(sentences) + 1}", paragraph=index, text=part)
            sentences.append(sentence)
            ids.append(sentence.id)
        paragraphs.append(Paragraph(index=index, kind=kind, sentences=tuple(ids)))
    return Source(
        id="",
        file=file,
        title=draft.title,
        published=draft.published,
        published_time=draft.published_time,
        outlet=draft.meta.get("outlet"),
        url=draft.meta.get("url"),
        author=draft.meta.get("author"),
        language=draft.meta.get("language", "de"),
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        credits=tuple(draft.credits),
        dropped_lines=tuple(draft.dropped),
    )
