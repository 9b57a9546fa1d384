#!/usr/bin/env python3
"""Build generator/data/companies.tsv: the companies of the major stock indices.

The source is the maintained package pytickersymbols (the constituents of DAX, MDAX,
SDAX, TecDAX, Euro Stoxx 50, S&P 500, Nasdaq 100, FTSE 100, Nikkei 225 and others, with
the names Wikipedia gives them); cleanco takes off the legal forms (``Workday, Inc.`` →
``Workday``). Neither is needed at run time: the generated file is.

A name is listed only where it is safe to match in German text, as the hand-curated
organisations.yml demands (generator/data/README.md): not an everyday German word or a
word written in lower case (``Visa``, ``Puma``, ``Orange``), not a country, capital or
other place, not a given name, no single word that German text uses like a person's name
or a place (its Brown cluster, generator/analyse/clusters.py), not a person's full name
(``Eli Lilly``), and no name organisations.yml lists already. Small and mid caps are left
out. The output is deterministic: entries sorted by name,
aliases sorted, no timestamp.

Usage:
    pip install pytickersymbols==1.17.10 cleanco==2.3
    python scripts/build_companies.py
"""

from __future__ import annotations

import re
import sys
from importlib.metadata import version
from pathlib import Path

from babel import Locale

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.analyse import lexicon as lexicon_module  # noqa: E402
from generator.analyse.clusters import load_cluster_classes  # noqa: E402
from generator.analyse.lexicon import load_lexicon  # noqa: E402

OUTPUT = ROOT / "generator" / "data" / "companies.tsv"
# A last word that describes the business rather than naming it: the name without it is
# how news writes it (``Infineon Technologies`` → ``Infineon``).
DESCRIPTORS = frozenset(
    {
        "Group",
        "Holding",
        "Holdings",
        "International",
        "Technologies",
        "Technology",
        "Industries",
        "Corporation",
        "Company",
        "Media",
        "Pharmaceuticals",
        "Systems",
    }
)
MIN_LETTERS = 3  # shorter surfaces are acronyms too ambiguous to match
# Small and mid caps rarely make German news, and their names collide with ordinary words
# and given names (``Dana``, ``Employers``): only the large-cap indices are read.
SKIPPED_INDICES = frozenset({"S&P 600", "CAC Mid 60"})


def english_country_codes() -> dict[str, str]:
    """English country name → ISO 3166 code (CLDR, via Babel)."""
    territories = Locale("en").territories
    return {name: code for code, name in territories.items() if len(code) == 2}


def clean(name: str) -> str:
    """The name without a Wikipedia disambiguation and without its legal form."""
    from cleanco import basename

    name = re.sub(r"\s*\([^)]*\)\s*$", "", name).strip()
    cleaned = basename(name).strip(" ,.")
    return cleaned or name


def short_form(name: str) -> str | None:
    words = name.split()
    if len(words) > 1 and words[-1] in DESCRIPTORS:
        return " ".join(words[:-1])
    return None


def safe(surface: str, lexicon, clusters, known: set[str]) -> bool:
    """Whether a surface can be matched in German text without naming something else."""
    words = surface.split()
    letters = sum(ch.isalpha() for ch in surface)
    if letters < MIN_LETTERS or surface in known or surface.casefold() in known:
        return False
    if not surface[:1].isupper() and not surface[:1].isdigit():
        return False
    if lexicon.lookup(surface) is not None:  # a state, capital, role or listed body
        return False
    if len(words) == 1:
        word = surface
        folded = word.casefold()
        if (
            word in lexicon.common_nouns
            or word.capitalize() in lexicon.common_nouns
            or folded in lexicon.lowercase_words
            or word in lexicon.given_names
            or word in lexicon.toponyms
            or word in lexicon.capitals
            or word in lexicon.state_names
            or clusters.of(word) in ("given", "surname", "place")  # used like a name or place
        ):
            return False
    # a person's full name: a given name followed by a surname-like word
    return not (len(words) >= 2 and words[0] in lexicon.given_names and words[1][:1].isupper())


def _without_companies() -> list[dict]:
    """The lexicon as it is without the companies: this builds them."""
    return []


def build() -> list[dict]:
    from pytickersymbols.indices_data import INDICES

    lexicon_module.read_companies = _without_companies

    lexicon = load_lexicon()
    clusters = load_cluster_classes()
    known = {surface.casefold() for surface in lexicon.organisation_names}
    known |= lexicon.organisation_names
    countries = english_country_codes()
    companies: dict[str, dict] = {}
    for index_name, index in sorted(INDICES.items()):
        if index_name in SKIPPED_INDICES:
            continue
        for company in index["companies"]:
            listed = company["name"].strip()
            name = clean(listed)
            if not safe(name, lexicon, clusters, known):
                continue
            aliases = set()
            short = short_form(name)
            if short is not None and safe(short, lexicon, clusters, known):
                aliases.add(short)
            full = re.sub(r"\s*\([^)]*\)\s*$", "", listed).strip()
            if full != name and safe(full, lexicon, clusters, known):
                aliases.add(full)
            entry = companies.setdefault(
                name,
                {
                    "name": name,
                    "kind": "organisation",
                    "aliases": [],
                    "country": countries.get(company.get("country") or ""),
                    "type": "company",
                },
            )
            entry["aliases"] = sorted(set(entry["aliases"]) | aliases)
    # a surface that two entries share (a short form) names neither for sure
    owners: dict[str, list[str]] = {}
    for entry in companies.values():
        for surface in (entry["name"], *entry["aliases"]):
            owners.setdefault(surface, []).append(entry["name"])
    for entry in companies.values():
        entry["aliases"] = [a for a in entry["aliases"] if len(owners[a]) == 1]
    return [companies[name] for name in sorted(companies) if len(owners[name]) == 1]


def main() -> None:
    entries = build()
    header = (
        "# Generated by scripts/build_companies.py from pytickersymbols "
        f"{version('pytickersymbols')} (cleanco {version('cleanco')}): the companies of the\n"
        "# major stock indices whose names are safe to match in German text. Do not edit;\n"
        "# regenerate. One per line: name, ISO country code (or nothing), aliases by '|',\n"
        "# separated by tabs (generator/data/README.md).\n"
    )
    lines = [
        f"{entry['name']}\t{entry['country'] or ''}\t{'|'.join(entry['aliases'])}\n"
        for entry in entries
    ]
    OUTPUT.write_text(header + "".join(lines), encoding="utf-8")
    print(f"{OUTPUT.relative_to(ROOT)}: {len(entries)} companies", file=sys.stderr)


if __name__ == "__main__":
    main()
