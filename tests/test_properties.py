"""Property tests: whatever an article contains, the pipeline builds, escapes and repeats itself."""

from __future__ import annotations

import json
import re
import tempfile
from functools import lru_cache
from pathlib import Path

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.analyse.actors import RuleRecogniser
from generator.faces.export import dossier_json
from generator.ingest.articles import read_article
from generator.pipeline import Pipeline
from generator.settings import Settings

from .conftest import ROOT

# Markup that must never reach a page as markup; the templates write none of it themselves.
PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<x-inject>",
    "[klick](javascript:alert(1))",
    "{{ config }}",
    "{% raw %}",
    "{: onclick=alert(1) }",
    "<!--",
    "]]>",
)
SPECIAL = (
    "\u202e",  # right-to-left override
    "\u05e9\u05dc\u05d5\u05dd",  # Hebrew
    "\u0627\u0644\u0633\u0644\u0627\u0645",  # Arabic
    "e\u0301\u0301\u0301",  # stacked combining marks
    "\u200b\u200d\ufeff",  # zero-width characters
    "\x00",
    "\x1b[31m",
    "\u2028\u2029",
    "\U0001f600",
    "Ä" * 3000,  # a very long token
    "Wladimir Putin",
    "am 19. Juni 2024",
    "rund 10.000 Soldaten",
    "# ",
    "- ",
    "| a | b |",
    "\\",
)
words = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=30),
    st.sampled_from(PAYLOADS),
    st.sampled_from(SPECIAL),
)
# what would be markup if a payload's text got through unescaped
MARKUP = ("<script", "<img", "<x-inject", "](javascript:", "{{ config", "{% raw", "{: onclick")
lines = st.lists(words, max_size=8).map(" ".join)
articles = st.lists(lines, min_size=1, max_size=6).map("\n".join)


HTML_MARKUP = ("<script", "<img", "<x-inject", 'href="javascript:', 'onclick="', "{{ config")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def to_html(page: str) -> str:
    """A generated page as MkDocs renders it (the project's Markdown extensions)."""
    extensions = ["attr_list", "md_in_html", "admonition", "tables", "toc"]
    return markdown.markdown(FRONT_MATTER.sub("", page, count=1), extensions=extensions)


@lru_cache(maxsize=1)
def recogniser() -> RuleRecogniser:
    return RuleRecogniser()


def build(seeds: Path, files: dict[str, str | bytes]):
    for name, content in files.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (seeds / name).write_bytes(data)
    pipeline = Pipeline(Settings(seeds_dir=seeds, templates_dir=ROOT / "templates"), recogniser())
    return pipeline.run()


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(first=articles, second=articles, markdown=articles)
def test_any_articles_build_escaped_and_identically(first: str, second: str, markdown: str) -> None:
    title = json.dumps(markdown[:80])  # a YAML string with escapes, lone surrogates included
    files = {"a.txt": first, "b.txt": second, "c.md": f"---\ntitle: {title}\n---\n{markdown}"}
    with tempfile.TemporaryDirectory() as tmp:
        result = build(Path(tmp), files)
        again = build(Path(tmp), files)
    for diagnostic in result.diagnostics:
        assert diagnostic.path.endswith(("a.txt", "b.txt", "c.md")), diagnostic
    for path, page in result.site.items():
        page.encode("utf-8")  # valid UTF-8: no lone surrogates
        assert "\x00" not in page, path
        for payload in MARKUP:
            assert payload not in page, (path, payload)
        html = to_html(page)
        for payload in HTML_MARKUP:
            assert payload not in html, (path, payload)
    dossier_json(result.dossier).encode("utf-8")
    assert again.site == result.site
    assert dossier_json(again.dossier) == dossier_json(result.dossier)


@settings(max_examples=150, deadline=None)
@given(raw=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".md"]))
def test_any_bytes_are_read_or_rejected_with_a_message(raw: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"x{suffix}"
        path.write_bytes(raw)
        source, diagnostics = read_article(path, f"seeds/x{suffix}")
    if source is None:
        assert [d.level for d in diagnostics][-1] == "error"
        assert all(str(d).startswith("seeds/x") for d in diagnostics)
    else:
        for sentence in source.sentences:
            sentence.text.encode("utf-8")


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=300).map(lambda t: t.replace("\x00", "")))
def test_any_unicode_with_surrogates_written_as_bytes_is_handled(text: str) -> None:
    """Lone surrogates cannot be written as UTF-8; 'surrogatepass' writes them anyway."""
    raw = ("Titel\n" + text + "\nText.").encode("utf-8", "surrogatepass")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.txt"
        path.write_bytes(raw)
        source, diagnostics = read_article(path, "seeds/x.txt")
    if source is not None:
        for sentence in source.sentences:
            sentence.text.encode("utf-8")
    else:
        assert diagnostics and diagnostics[-1].level == "error"


# news-like text: words, figures, dates, abbreviations, slashes, quotes and dashes
NEWS_PIECES = st.sampled_from(
    (
        "Der",
        "Minister",
        "sagte",
        "am",
        "8.",
        "Mai",
        "12.400.",
        "Die",
        "z. B.",
        "Dr.",
        "St.",
        "SPD/Grüne",
        "Wien/Moskau",
        "/",
        "„Wir",
        "kommen“,",
        "–",
        "(dpa)",
        "3,5",
        "Prozent.",
        "10.11.2024",
        "US-Regierung",
        "?",
        "!",
        ":",
        "e.V.",
        "Co.",
    )
)


@settings(max_examples=200, deadline=None)
@given(
    paragraph=st.lists(st.one_of(NEWS_PIECES, words), max_size=40).map(" ".join),
)
def test_the_tokens_kept_from_sentence_splitting_are_the_tokens_of_the_sentence(
    paragraph: str,
) -> None:
    """Analysis reads the tokens sentence splitting found instead of tokenizing again: they
    must be exactly the tokens of the sentence alone."""
    from generator.analyse.actors import sentence_tokens, tokenize
    from generator.analyse.sentences import split_tokenized
    from generator.model import Sentence

    for text, tokens in split_tokenized(paragraph):
        sentence = Sentence(id="s1", paragraph=1, text=text, tokens=tokens)
        assert tokens
        assert sentence_tokens(sentence) == tokenize(text)
        # offsets that cannot be this text's (cut short, or beyond its end): tokenized anew
        for other in (tokens[:-1], b"\xff" * 8):
            kept = Sentence(id="s1", paragraph=1, text=text, tokens=other)
            assert sentence_tokens(kept) == tokenize(text)


@lru_cache(maxsize=1)
def _lexicon_phrases_of_several_words() -> list[str]:
    from generator.analyse.lexicon import load_lexicon

    return sorted(surface for surface in load_lexicon().phrases if " " in surface)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.data(),
    before=st.lists(st.one_of(NEWS_PIECES, words), max_size=6).map(" ".join),
    after=st.lists(st.one_of(NEWS_PIECES, words), max_size=6).map(" ".join),
)
def test_a_lexicon_phrase_in_any_text_is_looked_up_whole(
    data: st.DataObject, before: str, after: str
) -> None:
    """Lookups of the lexicon's names stop once the text can begin no name of more words;
    a name of the lexicon, wherever it stands, must still be looked up at its full length."""
    from generator.analyse.actors import _phrase_reach, tokenize
    from generator.analyse.lexicon import load_lexicon

    lexicon = load_lexicon()
    phrase = data.draw(st.sampled_from(_lexicon_phrases_of_several_words()))
    # not stripped in front: text before made only of white space (a line separator) would
    # move the name's offset
    prefix = f"{before} " if before else ""
    text = f"{prefix}{phrase} {after}".rstrip()
    tokens = tokenize(text)
    start = len(prefix)
    first = next((k for k, t in enumerate(tokens) if t.start == start), None)
    last = next((k for k, t in enumerate(tokens) if t.end == start + len(phrase)), None)
    if first is None or last is None:
        return  # the tokenizer joined the name with its neighbour: no lookup of it either
    limit = min(lexicon.max_phrase_tokens, len(tokens) - first)
    assert _phrase_reach(lexicon, tokens, first, limit) >= last - first + 1


DATE_PHRASES = st.sampled_from(
    (
        "im vergangenen Jahr",
        "kommenden Jahres",
        "am 3. Mai 1999",
        "12. März",
        "10.11.1998",
        "1.2.2024",
        "seit 2023",
        "1999–2001",
        "im Jänner 1989",
        "Ende Oktober",
        "im vergangenen Oktober",
        "am Samstagabend",
        "am Montag vergangener Woche",
        "gestern",
        "vorgestern",
        "übermorgen",
        "heute",
        "morgen",
        "1968 geboren",
        "2.000 Euro",
        "Nr. 2019",
        "٣. Mai ٢٠٢٤",  # digits of another script
    )
).flatmap(lambda phrase: st.sampled_from((phrase, phrase.upper(), phrase.lower(), phrase.title())))


@settings(max_examples=400, deadline=None)
@given(
    pieces=st.lists(st.one_of(DATE_PHRASES, NEWS_PIECES, words), max_size=10),
    reference=st.one_of(st.none(), st.dates()),
)
def test_sentences_skipped_by_the_date_filters_hold_no_date(pieces: list[str], reference) -> None:
    """Sentences without a digit or a date word are not searched for dates, and those
    without a year not for a publication date: no date may be lost by it."""
    from generator.analyse.dates import _search_dates, find_dates, may_name_a_full_date

    text = " ".join(pieces)
    assert find_dates(text, reference) == _search_dates(text, reference)
    if not may_name_a_full_date(text):
        assert not [
            d
            for d in _search_dates(text, None)
            if d.value is not None and d.value.precision == "day" and not d.relative
        ]


def test_every_lexicon_name_of_several_words_is_looked_up_whole() -> None:
    """Each name of the lexicon, tokenized as a sentence would be, fits the longest lookup
    (a comma or a full stop is a token of its own: ``Bundesministerium für Familie, …``)."""
    from generator.analyse.actors import _phrase_reach, tokenize
    from generator.analyse.lexicon import load_lexicon

    lexicon = load_lexicon()
    cut = [
        phrase
        for phrase in _lexicon_phrases_of_several_words()
        if (tokens := tokenize(phrase))
        and _phrase_reach(lexicon, tokens, 0, min(lexicon.max_phrase_tokens, len(tokens)))
        < len(tokens)
    ]
    assert not cut, cut[:5]
