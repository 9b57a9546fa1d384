"""Read article files into :class:`~generator.model.Source` objects.

Two input formats:

* ``.txt`` in the seed format: headline on line 1, an optional
  ``Veröffentlicht am DD.MM.YYYY um HH:MM Uhr`` line, one paragraph per line;
* ``.md`` with YAML front matter (``title``, ``published``, ``outlet``, ``url``,
  ``author``, ``language``) and a Markdown body.

Repeated headline/lead lines are dropped, image captions and credit lines are
kept apart from the body text. Only this module reads article files.

Every file is untrusted: the folder listing skips links and files outside the
folder by name, a file bigger than the size limit is not read, over-long
headlines, paragraphs and sentences are shortened or split with a warning, and
each front matter field is checked on its own (a bad field is dropped, the
article stays).
"""

from __future__ import annotations

import codecs
import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import charset_normalizer
import yaml

from ..analyse.sentences import split_tokenized, token_offsets
from ..errors import Diagnostic
from ..model import Paragraph, ParagraphKind, Sentence, Source
from ..settings import Limits

ARTICLE_SUFFIXES = (".txt", ".md")
# Other files editors keep in the articles folder, not worth a message.
_QUIET_SUFFIXES = (".yml", ".yaml")
# Editor backups and lock files: ``x.txt~``, ``#x.txt#``, ``x.swp`` (hidden ``.#x`` as well).
_BACKUP = re.compile(r"(?:~|\.sw[a-p]|\.bak|\.orig|\.tmp|\.part)$|^#.*#$", re.IGNORECASE)

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
_CREDIT_WORDS = 12  # a credit names a photographer, an agency, a year: never a paragraph
_STANDALONE_CREDIT = re.compile(
    r"^(?:©|\(c\)|(?:Foto|Fotos|Bild|Bilder|Photo|Grafik)\s*:)", re.IGNORECASE
)
_SENTENCE_END = (".", "!", "?", ":", '"', "“", "”", "»", "«", "'", ")", "…")
_MAX_HEADING_WORDS = 12
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
# Bounded repeats: an unclosed bracket or emphasis must not make a scan to the end of
# the paragraph at every position (quadratic time on hostile input).
_MD_LINK = re.compile(r"!?\[([^\]\n]{0,500})\]\([^)\s]{0,2000}\)")
_MD_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(?=\S)(.{1,300}?)(?<=\S)\1")
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")  # category Cc except the tab
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_MD_HEADING = re.compile(r"#{1,6}\s+(.*)")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
FRONT_MATTER_KEYS = ("title", "published", "date", "outlet", "url", "author", "language")
_YAML_NON_TEXT = {
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "a yes/no value",
    "tag:yaml.org,2002:timestamp": "a date",
}


class IngestError(Exception):
    """An article that cannot be read; carries the line where known."""

    def __init__(
        self, message: str, line: int | None = None, notes: Sequence[tuple[int | None, str]] = ()
    ) -> None:
        super().__init__(message)
        self.line = line
        self.notes = list(notes)  # warnings found before the error (bad front matter fields)


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
    block_lines: list[int] = field(default_factory=list)  # first line of each block
    warnings: list[tuple[int | None, str]] = field(default_factory=list)

    def add(self, kind: ParagraphKind, text: str, line: int) -> None:
        self.blocks.append((kind, text))
        self.block_lines.append(line)


def list_articles(seeds_dir: Path) -> list[Path]:
    """The article files of a folder, in a stable order (see :func:`scan_articles`)."""
    return scan_articles(seeds_dir, seeds_dir.as_posix())[0]


def scan_articles(seeds_dir: Path, display: str) -> tuple[list[Path], list[Diagnostic]]:
    """The article files of a folder in a stable order, and what was passed over, by name.

    Hidden files and editor backups are ignored quietly. A symbolic link, or anything
    that resolves outside the folder, is skipped with a warning and never read; so is
    an entry that is not a regular file (a pipe would block the build).
    """
    root = seeds_dir.resolve()
    found: list[Path] = []
    diagnostics: list[Diagnostic] = []
    for path in sorted(seeds_dir.iterdir(), key=lambda p: p.name):
        name = path.name
        where = printable_name(f"{display}/{name}")
        if name.startswith(".") or _BACKUP.search(name):
            continue
        suffix = path.suffix.lower()
        if suffix in ARTICLE_SUFFIXES and printable_name(name) != name:
            diagnostics.append(
                Diagnostic(
                    level="warning",
                    path=where,
                    message="the file name has bytes that are not UTF-8 or control characters "
                    "(shown as \ufffd); rename the file",
                )
            )
        if path.is_symlink():
            if suffix in ARTICLE_SUFFIXES:
                diagnostics.append(
                    Diagnostic(
                        level="warning",
                        path=where,
                        message="symbolic link, not read: put the article itself into the folder",
                    )
                )
            continue
        if suffix not in ARTICLE_SUFFIXES:
            if path.is_file() and suffix not in _QUIET_SUFFIXES:
                diagnostics.append(
                    Diagnostic(
                        level="info",
                        path=where,
                        message="not an article (only .txt and .md files are read); ignored",
                    )
                )
            continue
        try:
            inside = path.resolve().is_relative_to(root)
        except (OSError, RuntimeError):
            inside = False
        if not inside:
            diagnostics.append(
                Diagnostic(
                    level="warning",
                    path=where,
                    message="resolves to a place outside the articles folder; not read",
                )
            )
            continue
        if not path.is_file():
            if not path.is_dir():
                diagnostics.append(
                    Diagnostic(level="warning", path=where, message="not a regular file; not read")
                )
            continue
        found.append(path)
    return found, diagnostics


def read_article(
    path: Path, display: str, limits: Limits | None = None
) -> tuple[Source | None, list[Diagnostic]]:
    """Read one article; on failure return ``None`` and an error diagnostic naming the file."""
    limits = limits or Limits()
    try:
        raw = read_limited(path, limits)
    except OSError as error:
        return None, [
            Diagnostic(
                level="error",
                path=display,
                message=f"cannot read file: {error.strerror or error}",
            )
        ]
    return parse_article(raw, path.suffix, display, limits)


def read_limited(path: Path, limits: Limits) -> bytes:
    """The bytes of a file, never more than one byte over the limit, whatever the file claims."""
    with path.open("rb") as handle:
        return handle.read(limits.max_article_bytes + 1)


def parse_article(
    raw: bytes, suffix: str, display: str, limits: Limits
) -> tuple[Source | None, list[Diagnostic]]:
    """An article from the bytes of its file (a function of its arguments only)."""
    diagnostics: list[Diagnostic] = []
    if len(raw) > limits.max_article_bytes:
        return None, [
            Diagnostic(
                level="error",
                path=display,
                message=(
                    f"file is bigger than the limit of {_size(limits.max_article_bytes)} per "
                    "article; split it into several articles or raise the limit "
                    "(max_article_bytes of the dossier plugin in mkdocs.yml)"
                ),
            )
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
        if suffix.lower() == ".md":
            draft = parse_markdown(text, limits)
        else:
            draft = parse_text(text, limits)
    except IngestError as error:
        diagnostics.extend(
            Diagnostic(level="warning", path=display, line=line, message=message)
            for line, message in error.notes
        )
        diagnostics.append(
            Diagnostic(level="error", path=display, line=error.line, message=str(error))
        )
        return None, diagnostics
    source = build_source(draft, file=display, limits=limits)
    diagnostics.extend(
        Diagnostic(level="warning", path=display, line=line, message=message)
        for line, message in draft.warnings
    )
    return source, diagnostics


def printable_name(name: str) -> str:
    """A file name as it can be shown and written: bytes that were not UTF-8 (kept by Python
    as lone surrogates) and control characters become U+FFFD."""
    return _SURROGATE.sub("\ufffd", _ANY_CONTROL.sub("\ufffd", name))


def _size(count: int) -> str:
    if count >= 1_000_000:
        return f"{count / 1_000_000:g} MB"
    if count >= 1_000:
        return f"{count / 1_000:g} kB"
    return f"{count} bytes"


def decode(raw: bytes) -> tuple[str, str]:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, or a detected 8-bit encoding."""
    if b"\x00" in raw and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise IngestError("binary file (contains NUL bytes), not a text article")
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _normalise(raw.decode("utf-16")), "utf-16"
        except UnicodeDecodeError as error:
            raise IngestError(
                f"starts as UTF-16 but breaks off at byte {error.start} (truncated or damaged "
                "file); save it again as UTF-8"
            ) from None
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
    """Collapse whitespace (incl. no-break spaces), drop control characters and replace lone
    surrogates (a YAML escape such as ``"\\ud800"`` makes one; no page could be written)."""
    line = _SURROGATE.sub("\ufffd", _CONTROL.sub("", line))
    return " ".join(line.split())


def _key(line: str) -> str:
    return _clean(line).casefold()


def parse_text(text: str, limits: Limits | None = None) -> _Draft:
    """Parse the seed format: headline, optional date line, one paragraph per line."""
    limits = limits or Limits()
    lines = [(number, _clean(line)) for number, line in enumerate(text.split("\n"), start=1)]
    lines = [(number, line) for number, line in lines if line]
    if not lines:
        raise IngestError("file is empty")
    first, title = lines[0]
    draft = _Draft(title=title)
    body = lines[1:]
    if len(title) > limits.max_title_chars:
        draft.title = _shorten(title, limits.max_title_chars)
        draft.warnings.append(
            (
                first,
                f"headline of {len(title):,} characters is longer than "
                f"{limits.max_title_chars:,}: shortened; the whole line is kept as text",
            )
        )
        body = lines
    _add_body(draft, body, allow_headings=True)
    if not any(kind == "text" for kind, _ in draft.blocks):
        raise IngestError("article has a headline but no body text", line=first)
    return draft


def parse_markdown(text: str, limits: Limits | None = None) -> _Draft:
    """Parse an article with YAML front matter and a Markdown body."""
    limits = limits or Limits()
    meta: dict[str, tuple[int, str]] = {}
    warnings: list[tuple[int | None, str]] = []
    body_start = 1
    match = _FRONT_MATTER.match(text)
    if match:
        meta = _front_matter(match.group("yaml") or "", warnings)
        body_start = text[: match.end()].count("\n") + 1
        text = text[match.end() :]
    blocks: list[tuple[str, bool, int]] = []  # (text, is_heading, first line)
    current: list[str] = []
    current_line = body_start
    for number, raw_line in enumerate(text.split("\n"), start=body_start):
        line = raw_line.strip()
        heading = _MD_HEADING.fullmatch(line)
        if not line or heading:
            if current:
                blocks.append((" ".join(current), False, current_line))
                current = []
            if heading:
                blocks.append((heading.group(1).rstrip("# \t"), True, number))
            continue
        if not current:
            current_line = number
        current.append(line)
    if current:
        blocks.append((" ".join(current), False, current_line))
    blocks = [(_clean(_strip_markdown(block)), is_heading, n) for block, is_heading, n in blocks]
    blocks = [(block, is_heading, n) for block, is_heading, n in blocks if block]

    title_line, title = meta.get("title", (None, None))
    if title is None:
        if blocks:
            title, _, title_line = blocks.pop(0)
        else:
            raise IngestError(
                "file is empty" if not match else "article has no title and no text",
                notes=warnings,
            )
    draft = _Draft(title=_clean(title), warnings=warnings)
    if len(draft.title) > limits.max_title_chars:
        draft.warnings.append(
            (
                title_line,
                f"title of {len(draft.title):,} characters is longer than "
                f"{limits.max_title_chars:,}: shortened",
            )
        )
        draft.title = _shorten(draft.title, limits.max_title_chars)
    _add_body(
        draft, [(n, block) for block, _, n in blocks], headings={b for b, h, _ in blocks if h}
    )
    if not any(kind == "text" for kind, _ in draft.blocks):
        raise IngestError("article has no body text", line=body_start, notes=warnings)
    if "published" in meta or "date" in meta:
        line, value = meta.get("published") or meta["date"]
        try:
            draft.published, draft.published_time = _parse_published(value)
        except IngestError as error:
            draft.warnings.append((line, f"{error}; field ignored"))
    for key in ("outlet", "url", "author", "language"):
        if key in meta:
            draft.meta[key] = meta[key][1]
    return draft


def _front_matter(text: str, warnings: list[tuple[int | None, str]]) -> dict[str, tuple[int, str]]:
    """The front matter's fields as written, each checked on its own: {key: (line, text)}.

    YAML is only composed, never constructed: a date like ``2024-13-45`` stays text for
    the date check, and aliases are not expanded. A bad field is a warning and dropped.
    """
    first = 2  # the line after the opening ---
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        # where the broken construct began is more telling than where parsing gave up
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = mark.line + first if mark is not None else 1
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise IngestError(f"front matter is not valid YAML: {problem}", line=line) from None
    except RecursionError:
        raise IngestError("front matter is nested too deeply", line=first) from None
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise IngestError("front matter must be a mapping of keys to values", line=first)
    meta: dict[str, tuple[int, str]] = {}
    seen: set[str] = set()
    for key_node, value_node in root.value:
        line = key_node.start_mark.line + first
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "…"
        if key not in FRONT_MATTER_KEYS:
            close = difflib.get_close_matches(key, FRONT_MATTER_KEYS, n=1, cutoff=0.6)
            hint = (
                f" (did you mean '{close[0]}'?)"
                if close
                else f" (known keys: {', '.join(FRONT_MATTER_KEYS)})"
            )
            warnings.append((line, f"unknown front matter key '{_excerpt(key)}'{hint}; ignored"))
            continue
        if key in seen:
            warnings.append((line, f"front matter key '{key}' appears twice; the last one counts"))
            meta.pop(key, None)
        seen.add(key)
        if not isinstance(value_node, yaml.ScalarNode):
            warnings.append(
                (line, f"'{key}' must be a single value, not a list or mapping; ignored")
            )
            continue
        value = _clean(value_node.value)
        if value_node.tag == "tag:yaml.org,2002:null" or not value:
            warnings.append((line, f"'{key}' is empty; ignored"))
            continue
        problem = _field_problem(key, value, value_node)
        if problem is not None:
            warnings.append((line, problem))
            continue
        meta[key] = (line, value)
    return meta


def _field_problem(key: str, value: str, node: yaml.ScalarNode) -> str | None:
    kind = _YAML_NON_TEXT.get(node.tag) if node.style is None else None
    if key in ("title", "outlet", "author") and kind is not None:
        return f"'{key}: {_excerpt(value)}' is {kind}, not a text; write it in quotes; ignored"
    if key == "url":
        try:
            parts = urlsplit(value)
        except ValueError:
            parts = None
        if (
            parts is None
            or parts.scheme.lower() not in ("http", "https")
            or not parts.netloc
            or any(ch.isspace() or unicodedata.category(ch) == "Cc" for ch in value)
        ):
            return (
                f"'url: {_excerpt(value)}' is not a web address; only http:// and https:// "
                "addresses are used; ignored"
            )
    if key == "language" and not _LANGUAGE.fullmatch(value):
        return f"'language: {_excerpt(value)}' is not a language code such as 'de'; ignored"
    return None


def _excerpt(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _shorten(text: str, limit: int) -> str:
    """Cut at a word boundary before ``limit`` characters and mark the cut."""
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + "…"


def _parse_published(text: str) -> tuple[str, str | None]:
    text = text.strip()
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})\b.*)?", text)
    german = re.fullmatch(
        r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?:,?\s+(?:um\s+)?(\d{1,2})[:.](\d{2})\b.*)?", text
    )
    if iso:
        year, month, day, hour, minute = iso.groups()
    elif german:
        day, month, year, hour, minute = german.groups()
    else:
        raise IngestError(f"'published: {_excerpt(text)}' is not a date (use YYYY-MM-DD)")
    try:
        date = dt.date(int(year), int(month), int(day))
        if hour is not None:
            dt.time(int(hour), int(minute))
    except ValueError as error:
        raise IngestError(f"'published: {_excerpt(text)}' is not a valid date ({error})") from None
    time = f"{int(hour):02d}:{minute}" if hour is not None else None
    return date.isoformat(), time


def _strip_markdown(text: str) -> str:
    text = _MD_LINK.sub(r"\1", text)
    return _MD_EMPHASIS.sub(r"\2", text)


def _add_body(
    draft: _Draft,
    lines: list[tuple[int, str]],
    *,
    allow_headings: bool = False,
    headings: set[str] | None = None,
) -> None:
    """Classify body lines: date line, repeats, credits, captions, headings, text."""
    seen = {_key(draft.title)}
    for index, (number, line) in enumerate(lines):
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
                    draft.add("caption", caption, number)
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
        draft.add(kind, line, number)


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
        credit = line[cut.end() :].strip()
        if len(credit.split()) <= _CREDIT_WORDS:
            return line[: cut.start()].strip(), credit
        return None, None  # "… – und stimmt das Bild: …": text that says "Bild:", no credit
    if len(line.split()) <= _CREDIT_WORDS:
        return "", line
    return None, None


def _looks_like_heading(line: str) -> bool:
    return not line.endswith(_SENTENCE_END) and len(line.split()) <= _MAX_HEADING_WORDS


def build_source(draft: _Draft, *, file: str, limits: Limits | None = None) -> Source:
    """Split paragraphs into sentences with ids ``s1``, ``s2``, … in reading order.

    A paragraph longer than the limit becomes several paragraphs, a sentence longer than
    the limit several sentences (cut after a full stop or at a space where possible).
    """
    limits = limits or Limits()
    lines = draft.block_lines or [None] * len(draft.blocks)
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for (kind, text), line in zip(draft.blocks, lines, strict=True):
        chunks = [text]
        if len(text) > limits.max_paragraph_chars:
            chunks = split_long(text, limits.max_paragraph_chars)
            draft.warnings.append(
                (
                    line,
                    f"line of {len(text):,} characters is longer than "
                    f"{limits.max_paragraph_chars:,}: split into {len(chunks)} paragraphs",
                )
            )
        longest = 0
        for chunk in chunks:
            parts = split_tokenized(chunk) if kind == "text" else [(chunk, token_offsets(chunk))]
            if any(len(part) > limits.max_sentence_chars for part, _ in parts):
                longest = max(longest, *(len(part) for part, _ in parts))
                parts = [
                    (piece, tokens if piece == part else token_offsets(piece))
                    for part, tokens in parts
                    for piece in split_long(part, limits.max_sentence_chars)
                ]
            index = len(paragraphs) + 1
            ids = []
            for part, tokens in parts:
                sentence = Sentence(
                    id=f"s{len(sentences) + 1}", paragraph=index, text=part, tokens=tokens
                )
                sentences.append(sentence)
                ids.append(sentence.id)
            paragraphs.append(Paragraph(index=index, kind=kind, sentences=tuple(ids)))
        if longest:
            draft.warnings.append(
                (
                    line,
                    f"sentence of {longest:,} characters is longer than "
                    f"{limits.max_sentence_chars:,}: split at spaces",
                )
            )
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


def split_long(text: str, limit: int) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters: after a sentence end in the second
    half of the window if there is one, else at the last space, else exactly at the limit."""
    pieces = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = max(text.rfind(mark, start + limit // 2, end) for mark in (". ", "! ", "? "))
        if cut >= 0:
            cut += 1
        else:
            cut = text.rfind(" ", start + limit // 2, end)
            if cut < 0:
                cut = end
        pieces.append(text[start:cut].strip())
        start = cut
    pieces.append(text[start:].strip())
    return [piece for piece in pieces if piece]
