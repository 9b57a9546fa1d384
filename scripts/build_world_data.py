#!/usr/bin/env python3
"""Build generator/data/states.yml from CLDR (via Babel) plus curated extras.

CLDR's German locale only provides country names. Capitals, metonymic seats,
demonym adjectives and inhabitant nouns are curated by hand in
scripts/world_extra.yml and merged here. The output is deterministic: states
are sorted by ISO code, every record has a fixed field order, alias lists are
sorted, and the header carries no timestamp.

Usage:
    python scripts/build_world_data.py            # regenerate states.yml, then check
    python scripts/build_world_data.py --check    # only validate the data files
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import babel
import yaml
from babel import Locale
from babel.core import get_cldr_version

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "generator" / "data"
EXTRA_FILE = Path(__file__).resolve().parent / "world_extra.yml"
STATES_FILE = DATA_DIR / "states.yml"
ORGS_FILE = DATA_DIR / "organisations.yml"
ROLES_FILE = DATA_DIR / "roles.yml"

# The 193 member states of the United Nations (ISO 3166-1 alpha-2).
# fmt: off
UN_MEMBERS: frozenset[str] = frozenset(
    [
        "AD", "AE", "AF", "AG", "AL", "AM", "AO", "AR", "AT", "AU", "AZ", "BA", "BB", "BD", "BE",
        "BF", "BG", "BH", "BI", "BJ", "BN", "BO", "BR", "BS", "BT", "BW", "BY", "BZ", "CA", "CD",
        "CF", "CG", "CH", "CI", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CY", "CZ", "DE", "DJ",
        "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "ER", "ES", "ET", "FI", "FJ", "FM", "FR", "GA",
        "GB", "GD", "GE", "GH", "GM", "GN", "GQ", "GR", "GT", "GW", "GY", "HN", "HR", "HT", "HU",
        "ID", "IE", "IL", "IN", "IQ", "IR", "IS", "IT", "JM", "JO", "JP", "KE", "KG", "KH", "KI",
        "KM", "KN", "KP", "KR", "KW", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU",
        "LV", "LY", "MA", "MC", "MD", "ME", "MG", "MH", "MK", "ML", "MM", "MN", "MR", "MT", "MU",
        "MV", "MW", "MX", "MY", "MZ", "NA", "NE", "NG", "NI", "NL", "NO", "NP", "NR", "NZ", "OM",
        "PA", "PE", "PG", "PH", "PK", "PL", "PT", "PW", "PY", "QA", "RO", "RS", "RU", "RW", "SA",
        "SB", "SC", "SD", "SE", "SG", "SI", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV",
        "SY", "SZ", "TD", "TG", "TH", "TJ", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TZ", "UA",
        "UG", "US", "UY", "UZ", "VC", "VE", "VN", "VU", "WS", "YE", "ZA", "ZM", "ZW",
    ]
)
# fmt: on
# Non-member observer states (Holy See / Vatican City, State of Palestine).
UN_OBSERVERS: frozenset[str] = frozenset({"VA", "PS"})
# States with limited recognition that CLDR lists under a code.
PARTIALLY_RECOGNISED: frozenset[str] = frozenset({"XK", "TW"})

STATUSES = ("un_member", "un_observer", "partially_recognised", "territory")
EXTRA_KEYS = frozenset(
    {
        "display",
        "status",
        "sovereign",
        "short",
        "capital",
        "capital_variants",
        "seats",
        "metonym",
        "adjective",
        "extra_adjectives",
        "invariant_adjectives",
        "nouns",
        "note",
    }
)
# CLDR de_CH spells a few names differently (e.g. "Osttimor", "Kapverden");
# those spellings are added to `short`. Pure ß/ss differences are skipped.
REGIONAL_LOCALES = ("de_AT", "de_CH")

ORG_TYPES = frozenset(
    {
        "international",
        "parliament",
        "government",
        "agency",
        "news_agency",
        "party",
        "court",
        "military",
        "company",
        "market",
        "ngo",
    }
)


def _is_country_code(code: str) -> bool:
    """Return True for two-letter ISO-style codes (skips 001, 150, 419 ...)."""
    return len(code) == 2 and code.isalpha() and code.isupper()


def _unique(items: list[str]) -> list[str]:
    """Drop duplicates while keeping the first occurrence's position."""
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


def load_extra(path: Path) -> dict[str, dict[str, Any]]:
    """Load and sanity-check the curated extras file."""
    with path.open(encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)
    if not isinstance(raw, dict):
        raise SystemExit(f"{path}: expected a mapping of ISO codes")
    extra: dict[str, dict[str, Any]] = {}
    for code, entry in raw.items():
        # Guard against YAML 1.1 turning an unquoted NO into False.
        if not isinstance(code, str) or not _is_country_code(code):
            raise SystemExit(f'{path}: bad key {code!r} (quote codes like "NO")')
        if not isinstance(entry, dict):
            raise SystemExit(f"{path}: {code}: expected a mapping")
        unknown = set(entry) - EXTRA_KEYS
        if unknown:
            raise SystemExit(f"{path}: {code}: unknown keys {sorted(unknown)}")
        nouns = entry.get("nouns", [])
        if len(nouns) % 3:
            raise SystemExit(f"{path}: {code}: nouns must come in triples (m, f, pl)")
        extra[code] = entry
    return extra


def default_status(code: str) -> str:
    """Status implied by the built-in code lists."""
    if code in UN_MEMBERS:
        return "un_member"
    if code in UN_OBSERVERS:
        return "un_observer"
    if code in PARTIALLY_RECOGNISED:
        return "partially_recognised"
    return "territory"


def build_states(extra: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Merge CLDR German territory names with the curated extras."""
    names: dict[str, str] = {
        code: name for code, name in Locale("de").territories.items() if _is_country_code(code)
    }
    regional: dict[str, list[str]] = {}
    for loc in REGIONAL_LOCALES:
        for code, name in Locale.parse(loc).territories.items():
            differs = code in names and name != names[code]
            if differs and name.replace("ss", "ß") != names[code]:
                regional.setdefault(code, []).append(name)

    wanted = sorted(UN_MEMBERS | UN_OBSERVERS | PARTIALLY_RECOGNISED | set(extra))
    missing_in_cldr = [c for c in wanted if c not in names]
    if missing_in_cldr:
        raise SystemExit(f"codes unknown to CLDR: {missing_in_cldr}")
    missing_extra = [c for c in wanted if c not in extra]
    if missing_extra:
        raise SystemExit(f"no curated data in {EXTRA_FILE.name} for: {missing_extra}")

    states: list[dict[str, Any]] = []
    for code in wanted:
        entry = extra[code]
        name = names[code]
        status = entry.get("status", default_status(code))
        if status != default_status(code):
            raise SystemExit(f"{code}: status {status!r} contradicts the built-in lists")

        short = sorted(set(entry.get("short", [])) | set(regional.get(code, [])) - {name})
        capital: str | None = entry.get("capital")
        seats: list[str] = []
        if capital and entry.get("metonym", True):
            seats.append(capital)
            seats.extend(entry.get("capital_variants", []))
        seats.extend(entry.get("seats", []))
        # Seats keep curated order: the capital first, then variants, then others.
        seat_metonyms = _unique(seats)

        adjective: str | None = entry.get("adjective")
        extra_adjectives = sorted(set(entry.get("extra_adjectives", [])) - {adjective})

        record: dict[str, Any] = {"code": code, "name": name, "status": status}
        # The name German news uses where it differs from CLDR's (USA, not Vereinigte Staaten).
        if entry.get("display"):
            record["display"] = entry["display"]
        if status == "territory":
            record["sovereign"] = entry.get("sovereign")
        record["short"] = short
        record["capital"] = capital
        record["seat_metonyms"] = seat_metonyms
        record["demonym_adjective"] = adjective
        record["extra_adjectives"] = extra_adjectives
        record["invariant_adjectives"] = sorted(set(entry.get("invariant_adjectives", [])))
        # Nouns are positional triples (m, f, pl) and therefore not sorted.
        record["demonym_nouns"] = list(entry.get("nouns", []))
        if entry.get("note"):
            record["notes"] = str(entry["note"]).strip()
        states.append(record)

    skipped = sorted(set(names) - set(wanted))
    print(
        f"CLDR codes not included (regions, pseudo codes, uncurated territories): {len(skipped)}",
        file=sys.stderr,
    )
    return states


HEADER = """\
# GENERATED FILE - do not edit by hand.
# Regenerate with: python scripts/build_world_data.py
# Country names: Unicode CLDR {cldr} German locale via Babel {babel}.
# Everything else (capitals, seats, adjectives, nouns, aliases): curated in
# scripts/world_extra.yml.
"""


def write_states(states: list[dict[str, Any]], path: Path) -> None:
    """Serialise the states deterministically."""
    body = yaml.safe_dump(
        states,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=None,
        width=100,
    )
    header = HEADER.format(cldr=get_cldr_version(), babel=babel.__version__)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header + body, encoding="utf-8")


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------


def _load(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def check_states(path: Path) -> list[str]:
    """Validate states.yml; return a list of error messages."""
    errors: list[str] = []
    states = _load(path)
    codes = Counter(s["code"] for s in states)
    names = Counter(s["name"] for s in states)
    errors += [f"states: duplicate code {c}" for c, n in codes.items() if n > 1]
    errors += [f"states: duplicate name {c}" for c, n in names.items() if n > 1]
    for s in states:
        code = s["code"]
        if s["status"] not in STATUSES:
            errors.append(f"states: {code}: bad status {s['status']!r}")
        for key in ("capital", "demonym_adjective"):
            if s.get(key) is None and not s.get("notes"):
                errors.append(f"states: {code}: {key} is null without a note")
        if len(s["demonym_nouns"]) % 3:
            errors.append(f"states: {code}: demonym_nouns not in triples")
        adjectives = [s["demonym_adjective"], *s["extra_adjectives"]]
        for adj in adjectives:
            if adj is not None and (adj != adj.lower() or " " in adj):
                errors.append(f"states: {code}: adjective stem {adj!r} not lower-case")
    members = {s["code"] for s in states if s["status"] == "un_member"}
    if members != UN_MEMBERS:
        errors.append(f"states: UN member set mismatch: {sorted(members ^ UN_MEMBERS)}")

    # Surface forms shared by several states are not errors, but callers must
    # know about them (e.g. "kongolesisch" for CD and CG).
    owners: dict[str, set[str]] = {}
    for s in states:
        forms = [s["name"], *s["short"], s["demonym_adjective"], *s["extra_adjectives"]]
        forms += s["demonym_nouns"] + s["seat_metonyms"] + s["invariant_adjectives"]
        for form in forms:
            if form:
                owners.setdefault(form, set()).add(s["code"])
    shared = {f: sorted(c) for f, c in owners.items() if len(c) > 1}
    for form, cs in sorted(shared.items()):
        print(f"  note: {form!r} is shared by {', '.join(cs)}", file=sys.stderr)

    by_status = Counter(s["status"] for s in states)
    print(
        f"states.yml: {len(states)} entries " + ", ".join(f"{k}={by_status[k]}" for k in STATUSES),
        file=sys.stderr,
    )
    with_caps = sum(1 for s in states if s["capital"])
    with_adj = sum(1 for s in states if s["demonym_adjective"])
    with_nouns = sum(1 for s in states if s["demonym_nouns"])
    print(
        f"  capitals={with_caps} adjectives={with_adj} inhabitant nouns={with_nouns}",
        file=sys.stderr,
    )
    return errors


def check_organisations(path: Path) -> list[str]:
    """Validate organisations.yml; return a list of error messages."""
    errors: list[str] = []
    orgs = _load(path)
    names = Counter(o["name"] for o in orgs)
    errors += [f"organisations: duplicate name {n}" for n, c in names.items() if c > 1]
    required = {"name", "kind", "aliases", "country", "type"}
    for o in orgs:
        missing = required - set(o)
        if missing:
            errors.append(f"organisations: {o.get('name')}: missing {sorted(missing)}")
            continue
        if o["type"] not in ORG_TYPES:
            errors.append(f"organisations: {o['name']}: bad type {o['type']!r}")
        if o["country"] is not None and not _is_country_code(str(o["country"])):
            errors.append(f"organisations: {o['name']}: bad country {o['country']!r}")
        if len(set(o["aliases"])) != len(o["aliases"]):
            errors.append(f"organisations: {o['name']}: duplicate aliases")
    # An alias naming two bodies is legitimate ("Bundesrat" in DE, AT and CH),
    # but worth listing so the recogniser can disambiguate by country.
    owners: dict[str, list[str]] = {}
    for o in orgs:
        for form in {o["name"], *o["aliases"], *o.get("metonyms", [])}:
            owners.setdefault(form, []).append(o["name"])
    for form, owner in sorted(owners.items()):
        if len(owner) > 1:
            print(f"  note: org alias {form!r} is shared by {owner}", file=sys.stderr)
    types = Counter(o["type"] for o in orgs)
    print(
        f"organisations.yml: {len(orgs)} entries "
        + ", ".join(f"{k}={v}" for k, v in sorted(types.items())),
        file=sys.stderr,
    )
    return errors


def check_roles(path: Path) -> list[str]:
    """Validate roles.yml; return a list of error messages."""
    errors: list[str] = []
    roles = _load(path)
    cues = roles["cues"]
    words = Counter(c["word"] for c in cues)
    errors += [f"roles: duplicate cue {w}" for w, n in words.items() if n > 1]
    groups = set(roles.get("groups", {}))
    for c in cues:
        if c["group"] not in groups:
            errors.append(f"roles: {c['word']}: unknown group {c['group']!r}")
    all_forms = Counter(f for c in cues for f in c.get("forms", []))
    errors += [f"roles: form {f} listed under two cues" for f, n in all_forms.items() if n > 1]
    for c in cues:
        for key in ("word", "feminine"):
            if c.get(key) and c[key] not in c.get("forms", []):
                errors.append(f"roles: {c['word']}: {key} {c[key]!r} missing from forms")
    lists: dict[str, list[str]] = {
        key: roles.get(key, [])
        for key in ("modifiers", "modifier_phrases", "modifier_abbreviations", "honorifics")
    }
    for kind, items in roles.get("prefixes", {}).items():
        lists[f"prefixes.{kind}"] = items
    for key, items in lists.items():
        dup = [w for w, n in Counter(items).items() if n > 1]
        errors += [f"roles: duplicate {key} entry {w}" for w in dup]
    for stem in roles.get("modifiers", []):
        if stem != stem.lower():
            errors.append(f"roles: modifier stem {stem!r} not lower-case")
    per_group = Counter(c["group"] for c in cues)
    print(
        f"roles.yml: {len(cues)} cues, {len(all_forms)} surface forms, "
        f"{len(roles.get('modifiers', []))} modifiers, "
        f"{len(roles.get('honorifics', []))} honorifics, "
        f"{sum(len(v) for v in roles.get('prefixes', {}).values())} prefixes; "
        + ", ".join(f"{k}={v}" for k, v in sorted(per_group.items())),
        file=sys.stderr,
    )
    return errors


def check_all() -> int:
    """Run every validator; return a process exit code."""
    errors: list[str] = []
    for path, checker in (
        (STATES_FILE, check_states),
        (ORGS_FILE, check_organisations),
        (ROLES_FILE, check_roles),
    ):
        if not path.exists():
            errors.append(f"missing {path}")
            continue
        errors += checker(path)
    for err in errors:
        print(f"ERROR: {err}", file=sys.stderr)
    return 1 if errors else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only validate the data files")
    parser.add_argument("--output", type=Path, default=STATES_FILE, help="states.yml path")
    args = parser.parse_args(argv)
    if not args.check:
        states = build_states(load_extra(EXTRA_FILE))
        write_states(states, args.output)
        shown = args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output
        print(f"wrote {shown}", file=sys.stderr)
    return check_all()


if __name__ == "__main__":
    raise SystemExit(main())
