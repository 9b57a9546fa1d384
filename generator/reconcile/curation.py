"""The editors' curation file: corrections to the machine's dossier, without Python.

One YAML file (``seeds/kuratierung.yml``) with four sections::

    quellen:            # article metadata
      - quelle: 002_beispiel.txt          # file name or page id
        medium: Beispielblatt
        url: https://example.org/artikel
        veroeffentlicht: 2024-06-19
        autor: A. Autorin
    akteure:
      - akteur: Anna Keller               # id, name or alias
        name: Anna M. Keller              # rename
        art: person                       # person | staat | organisation | ort
        beschreibung: Handelsministerin.
        aliase_hinzu: [A. Keller]
        aliase_weg: [Keller]
        zusammenfuehren: [keller-2]       # other actors merged into this one
        abspalten: {alias: Park Min Ho, name: Park Min Ho}   # mentions under an alias
        ausblenden: true                  # a false actor
    ereignisse:
      - ereignis: wahl-in-nordkorea-2000
        titel: Erste Wahl zum Präsidenten
        ausblenden: true
    widersprueche:
      - widerspruch: w-zahl-der-soldaten
        urteil: rund 11.000 Soldaten      # which value holds
        begruendung: Neuere Angaben.
        beleg: https://example.org/quelle
        ausblenden: true

A malformed entry is an error naming ``file:line``, what is wrong and the closest
valid word; an entry that matches nothing (after a seed changed) is a warning. Both
skip only that entry.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from ..errors import Diagnostic
from ..model import Actor, ActorKind, Dossier, Source
from .actors import alias_order, make_slug, name_key

KINDS: dict[str, ActorKind] = {
    "person": "person",
    "staat": "state",
    "organisation": "organisation",
    "ort": "place",
}
FIELDS = {
    "quellen": {"quelle", "medium", "url", "veroeffentlicht", "autor"},
    "akteure": {
        "akteur",
        "name",
        "art",
        "beschreibung",
        "aliase_hinzu",
        "aliase_weg",
        "zusammenfuehren",
        "abspalten",
        "ausblenden",
    },
    "ereignisse": {"ereignis", "titel", "ausblenden"},
    "widersprueche": {"widerspruch", "urteil", "begruendung", "beleg", "ausblenden"},
}
KEY_FIELD = {
    "quellen": "quelle",
    "akteure": "akteur",
    "ereignisse": "ereignis",
    "widersprueche": "widerspruch",
}


@dataclass(frozen=True, slots=True)
class Entry:
    section: str
    line: int
    values: dict[str, Any]
    lines: dict[str, int]  # field -> line

    @property
    def target(self) -> str:
        return str(self.values[KEY_FIELD[self.section]])


@dataclass
class Curation:
    path: str
    entries: list[Entry] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def of(self, section: str) -> list[Entry]:
        return [e for e in self.entries if e.section == section]

    def error(self, line: int, message: str) -> None:
        self.diagnostics.append(
            Diagnostic(level="error", path=self.path, line=line, message=message)
        )

    def warning(self, line: int, message: str) -> None:
        self.diagnostics.append(
            Diagnostic(level="warning", path=self.path, line=line, message=message)
        )

    def unmatched(
        self, entry: Entry, what: str, options: list[str], problem: str = "nicht gefunden"
    ) -> None:
        """An entry that matches nothing (any more): a warning, never a silent no-op."""
        hint = _closest(entry.target, options)
        self.warning(entry.line, f"{what} '{entry.target}' {problem}{hint}; Eintrag ohne Wirkung")


def _defect(error: Exception) -> str:
    return f"interner Fehler ({type(error).__name__}: {error}); Eintrag übersprungen, bitte melden"


def _closest(word: str, options: list[str]) -> str:
    found = difflib.get_close_matches(word, options, n=3, cutoff=0.7)
    return f" (meinten Sie: {', '.join(found)}?)" if found else ""


def load_curation(path: Path, display: str) -> Curation:
    """Read and check the file's structure; targets are checked when applied.

    The file is composed, never constructed: values are read from the nodes as written
    (a date like ``2024-13-45`` is checked as text, aliases are never expanded). If the
    file as a whole is not valid YAML, each section and then each entry is read on its
    own, so one broken entry costs only that entry.
    """
    curation = Curation(path=display)
    if not path.is_file():
        return curation
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        curation.error(1, "die Datei ist nicht in UTF-8 gespeichert")
        return curation
    except OSError as error:
        curation.error(1, f"die Datei kann nicht gelesen werden: {error.strerror or error}")
        return curation
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        if not _salvage(curation, text.split("\n")):
            _yaml_error(curation, error)
        return curation
    except RecursionError:
        curation.error(1, "die Datei ist zu tief verschachtelt")
        return curation
    _read_root(curation, root)
    return curation


def _yaml_error(curation: Curation, error: Exception, what: str = "") -> None:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    curation.error(
        mark.line + 1 if mark else 1,
        f"kein gültiges YAML: {getattr(error, 'problem', None) or error}{what}",
    )


def _salvage(curation: Curation, lines: list[str]) -> bool:
    """Read a file that is not valid YAML section by section, a broken section entry by
    entry; each broken piece is an error with its line. Blank lines keep each piece at
    its own line numbers. False if the file has no sections to read this way."""
    starts = [i for i, line in enumerate(lines) if line[:1] not in ("", " ", "\t", "#", "-")]
    if not starts:
        return False
    for begin, end in zip(starts, [*starts[1:], len(lines)], strict=True):
        try:
            root = yaml.compose("\n" * begin + "\n".join(lines[begin:end]))
        except (yaml.YAMLError, RecursionError) as error:
            _salvage_entries(curation, lines, begin, end, error)
            continue
        _read_root(curation, root)
    return True


def _salvage_entries(
    curation: Curation, lines: list[str], begin: int, end: int, error: yaml.YAMLError
) -> None:
    items = [i for i in range(begin + 1, end) if lines[i].lstrip().startswith("-")]
    if not items:
        _yaml_error(curation, error, "; Abschnitt übersprungen")
        return
    indent = min(len(lines[i]) - len(lines[i].lstrip()) for i in items)
    items = [i for i in items if len(lines[i]) - len(lines[i].lstrip()) == indent]
    for first, after in zip(items, [*items[1:], end], strict=True):
        piece = "\n" * begin + lines[begin] + "\n" * (first - begin) + "\n".join(lines[first:after])
        try:
            root = yaml.compose(piece)
        except (yaml.YAMLError, RecursionError) as entry_error:
            _yaml_error(curation, entry_error, "; Eintrag übersprungen")
            continue
        _read_root(curation, root)


def _read_root(curation: Curation, root: yaml.Node | None) -> None:
    if root is None:
        return
    if not isinstance(root, yaml.MappingNode):
        curation.error(root.start_mark.line + 1, "erwartet Abschnitte: " + ", ".join(FIELDS))
        return
    for key_node, value_node in root.value:
        section = _text(key_node)
        line = key_node.start_mark.line + 1
        if section not in FIELDS:
            curation.error(
                line,
                f"unbekannter Abschnitt '{_excerpt(section or '…')}'"
                f"{_closest(section or '', list(FIELDS))}",
            )
            continue
        if isinstance(value_node, yaml.ScalarNode) and value_node.tag.endswith(":null"):
            continue  # an empty section
        if not isinstance(value_node, yaml.SequenceNode):
            curation.error(
                line, f"'{section}' muss eine Liste von Einträgen sein (Zeilen mit '- ')"
            )
            continue
        for item in value_node.value:
            _read_entry(curation, section, item)


def _text(node: yaml.Node) -> str | None:
    """A scalar as written (``1984``, ``2024-13-45``, ``ja``), None for a list or mapping.

    A lone surrogate (from an escape such as ``"\\ud800"``) could not be written to any
    page; it becomes U+FFFD."""
    if not isinstance(node, yaml.ScalarNode):
        return None
    return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in node.value.strip())


def _excerpt(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _value(name: str, node: yaml.Node) -> Any:
    """A field's value from its node; a value of the wrong shape becomes ``_WRONG``."""
    if name in LIST_FIELDS:
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
            return []
        if not isinstance(node, yaml.SequenceNode):
            return _WRONG
        names = [_text(child) for child in node.value]
        return _WRONG if any(n is None for n in names) else names
    if name == "abspalten":
        if not isinstance(node, yaml.MappingNode):
            return _WRONG
        split = {_text(k): _text(v) for k, v in node.value}
        return split if None not in split and None not in split.values() else _WRONG
    if name == "ausblenden":
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":bool"):
            return node.value.lower() in ("true", "yes", "on", "y")
        return _WRONG
    text = _text(node)
    return _WRONG if text is None or node.tag.endswith(":null") else text


_WRONG = object()
LIST_FIELDS = ("aliase_hinzu", "aliase_weg", "zusammenfuehren")


def _read_entry(curation: Curation, section: str, node: yaml.Node) -> None:
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        curation.error(
            line, f"ein Eintrag in '{section}' muss Felder haben, z. B. '{KEY_FIELD[section]}: …'"
        )
        return
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    ok = True
    for key_node, value_node in node.value:
        key = _text(key_node) or "…"
        lines[key] = key_node.start_mark.line + 1
        if key not in FIELDS[section]:
            curation.error(
                lines[key],
                f"unbekanntes Feld '{_excerpt(key)}' in '{section}'"
                f"{_closest(key, sorted(FIELDS[section]))}",
            )
            ok = False
            continue
        values[key] = _value(key, value_node)
    key_field = KEY_FIELD[section]
    if key_field not in values:
        curation.error(line, f"Eintrag ohne '{key_field}': welches Element ist gemeint?")
        return
    if values[key_field] is _WRONG:
        curation.error(lines[key_field], f"'{key_field}' muss ein einzelner Name sein, keine Liste")
        return
    if not ok:
        return
    entry = Entry(section=section, line=line, values=values, lines=lines)
    problem = _check_values(entry)
    if problem:
        field_name, message = problem
        curation.error(lines.get(field_name, line), message)
        return
    curation.entries.append(entry)


def _check_values(entry: Entry) -> tuple[str, str] | None:
    values = entry.values
    for name in LIST_FIELDS:
        if values.get(name) is _WRONG:
            return name, f"'{name}' muss eine Liste von Namen sein, z. B. [Name A, Name B]"
    if "art" in values and values["art"] not in KINDS:
        art = values["art"] if isinstance(values["art"], str) else "…"
        return (
            "art",
            f"'art: {_excerpt(art)}' gibt es nicht; erlaubt: {', '.join(KINDS)}{_closest(art, list(KINDS))}",
        )
    if values.get("ausblenden") is _WRONG:
        return "ausblenden", "'ausblenden' ist true oder false"
    if values.get("abspalten") is _WRONG or (
        "abspalten" in values and "alias" not in values["abspalten"]
    ):
        return "abspalten", "'abspalten' braucht {alias: Name, name: Neuer Name}"
    for name, value in values.items():
        if value is _WRONG:
            return name, f"'{name}' muss ein Text sein (keine Liste, nicht leer)"
    if "veroeffentlicht" in values:
        value = values["veroeffentlicht"]
        try:
            values["veroeffentlicht"] = dt.datetime.fromisoformat(value).date().isoformat()
        except ValueError:
            return (
                "veroeffentlicht",
                f"'veroeffentlicht: {_excerpt(value)}' ist kein Datum (JJJJ-MM-TT)",
            )
    for name in ("url", "beleg"):
        if name in values:
            try:
                parts = urlsplit(values[name])
            except ValueError:
                parts = urlsplit("")
            if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
                return name, f"'{name}' muss eine Adresse mit http:// oder https:// sein"
    return None


# -- applying -------------------------------------------------------------------------------


def apply_to_sources(curation: Curation, sources: list[Source]) -> list[Source]:
    """Article metadata; runs before analysis (a publication date changes relative dates)."""
    result = list(sources)
    for entry in curation.of("quellen"):
        try:
            target = entry.target
            index = next(
                (
                    i
                    for i, s in enumerate(result)
                    if target in (s.id, s.file, Path(s.file).name, Path(s.file).stem)
                ),
                None,
            )
            if index is None:
                curation.unmatched(entry, "Quelle", [Path(s.file).name for s in result])
                continue
            values = entry.values
            changes: dict[str, Any] = {}
            if "medium" in values:
                changes["outlet"] = str(values["medium"])
            if "url" in values:
                changes["url"] = str(values["url"])
            if "autor" in values:
                changes["author"] = str(values["autor"])
            if "veroeffentlicht" in values:
                changes["published"] = values["veroeffentlicht"]
                changes["date_inferred"] = False
            result[index] = replace(result[index], **changes)
        except Exception as error:  # a defect costs this entry only
            curation.error(entry.line, _defect(error))
    return result


def _find_actor(actors: list[Actor], target: str) -> list[Actor]:
    exact = [a for a in actors if a.id == target]
    if exact:
        return exact
    key = name_key(target)
    by_name = [a for a in actors if name_key(a.name) == key]
    if by_name:
        return by_name
    return [a for a in actors if any(name_key(alias) == key for alias in a.aliases)]


def apply_to_actors(curation: Curation, actors: list[Actor]) -> list[Actor]:
    """Merge, rename, re-kind, describe, alias, split, hide (before events are built)."""
    current = {a.id: a for a in actors}
    hidden: set[str] = set()
    descriptions: dict[str, str] = {}
    merged: dict[str, tuple[str, int]] = {}  # name key of a merged actor -> (into, line)
    for entry in curation.of("akteure"):
        try:
            _apply_actor_entry(curation, entry, current, hidden, descriptions, merged)
        except Exception as error:  # a defect costs this entry only
            curation.error(entry.line, _defect(error))
    return sorted((a for a in current.values() if a.id not in hidden), key=lambda a: a.id)


def _apply_actor_entry(
    curation: Curation,
    entry: Entry,
    current: dict[str, Actor],
    hidden: set[str],
    descriptions: dict[str, str],
    merged: dict[str, tuple[str, int]],
) -> None:
    found = _find_actor(list(current.values()), entry.target)
    if len(found) != 1:
        problem = "mehrdeutig" if found else "nicht gefunden"
        curation.unmatched(entry, "Akteur", sorted({a.name for a in current.values()}), problem)
        return
    actor = found[0]
    values = entry.values
    for other_name in values.get("zusammenfuehren", []):
        found_other = _find_actor(list(current.values()), other_name)
        others = [a for a in found_other if a.id != actor.id]
        if found_other and not others:  # the actor itself: a self-merge or a cycle
            earlier = merged.get(name_key(other_name)) or merged.get(name_key(entry.target))
            curation.warning(
                entry.lines["zusammenfuehren"],
                f"'{entry.target}' und '{other_name}' sind schon in Zeile {earlier[1]} zu "
                f"'{earlier[0]}' zusammengeführt worden (Kreis); nichts zu tun"
                if earlier
                else f"'{other_name}' ist '{actor.name}' selbst; ein Akteur kann nicht mit "
                "sich selbst zusammengeführt werden",
            )
            continue
        if len(others) != 1:
            options = sorted({a.name for a in current.values()})
            curation.warning(
                entry.lines["zusammenfuehren"],
                f"zum Zusammenführen: Akteur '{other_name}' nicht eindeutig gefunden"
                f"{_closest(other_name, options)}",
            )
            continue
        other = others[0]
        actor = replace(
            actor,
            aliases=tuple(
                sorted(
                    {*actor.aliases, other.name, *other.aliases} - {actor.name},
                    key=alias_order,
                )
            ),
            roles=actor.roles + tuple(r for r in other.roles if r not in actor.roles),
            mentions=tuple(
                sorted(
                    {*actor.mentions, *other.mentions},
                    key=lambda m: (m.source, int(m.sentence[1:]), m.start),
                )
            ),
        )
        del current[other.id]
        for name in (other_name, other.name):
            merged[name_key(name)] = (actor.name, entry.lines["zusammenfuehren"])
    if "abspalten" in values:
        split = values["abspalten"]
        alias = split["alias"]
        moved = tuple(
            m
            for m in actor.mentions
            if name_key(m.text.rstrip("s")) == name_key(alias)
            or name_key(m.text) == name_key(alias)
        )
        if not moved:
            curation.warning(
                entry.lines["abspalten"], f"'{actor.name}' hat keine Erwähnung als '{alias}'"
            )
        else:
            new_name = str(split.get("name") or alias)
            new_id = make_slug(new_name)
            while new_id in current:
                new_id += "-2"
            current[new_id] = Actor(id=new_id, name=new_name, kind=actor.kind, mentions=moved)
            actor = replace(
                actor,
                mentions=tuple(m for m in actor.mentions if m not in moved),
                aliases=tuple(a for a in actor.aliases if name_key(a) != name_key(alias)),
            )
    if "name" in values:
        new_name = str(values["name"])
        actor = replace(
            actor,
            name=new_name,
            aliases=tuple(sorted({*actor.aliases, actor.name} - {new_name}, key=alias_order)),
        )
    if "art" in values:
        actor = replace(actor, kind=KINDS[values["art"]])
    if "aliase_hinzu" in values:
        actor = replace(
            actor,
            aliases=tuple(
                sorted({*actor.aliases, *values["aliase_hinzu"]} - {actor.name}, key=alias_order)
            ),
        )
    if "aliase_weg" in values:
        remove = {name_key(a) for a in values["aliase_weg"]}
        actor = replace(actor, aliases=tuple(a for a in actor.aliases if name_key(a) not in remove))
    if "beschreibung" in values:
        descriptions[actor.id] = str(values["beschreibung"])
    if values.get("ausblenden"):
        hidden.add(actor.id)
    current[actor.id] = replace(actor, description=descriptions.get(actor.id, actor.description))


def apply_to_dossier(curation: Curation, dossier: Dossier) -> Dossier:
    """Events and discrepancies: retitle, hide, and editors' verdicts."""
    events = {e.id: e for e in dossier.events}
    for entry in curation.of("ereignisse"):
        try:
            event = events.get(entry.target)
            if event is None:
                curation.unmatched(entry, "Ereignis", sorted(events))
                continue
            if entry.values.get("ausblenden"):
                del events[event.id]
                continue
            if "titel" in entry.values:
                events[event.id] = replace(event, title=str(entry.values["titel"]))
        except Exception as error:  # a defect costs this entry only
            curation.error(entry.line, _defect(error))
    discrepancies = {d.id: d for d in dossier.discrepancies}
    for entry in curation.of("widersprueche"):
        try:
            found = discrepancies.get(entry.target)
            if found is None:
                curation.unmatched(entry, "Widerspruch", sorted(discrepancies))
                continue
            values = entry.values
            if values.get("ausblenden"):
                del discrepancies[found.id]
                continue
            if "urteil" in values:
                verdict = str(values["urteil"])
                claims = [c.value for c in found.claims]
                if verdict not in claims:
                    curation.warning(
                        entry.lines["urteil"],
                        f"Urteil '{verdict}' ist keine der Angaben{_closest(verdict, claims)}; es wird trotzdem gezeigt",
                    )
                discrepancies[found.id] = replace(
                    found,
                    status="redaktionell geprüft",
                    verdict=verdict,
                    verdict_reason=str(values["begruendung"]) if "begruendung" in values else None,
                    verdict_reference=str(values["beleg"]) if "beleg" in values else None,
                )
        except Exception as error:  # a defect costs this entry only
            curation.error(entry.line, _defect(error))
    kept_events = set(events)
    return replace(
        dossier,
        events=tuple(sorted(events.values(), key=lambda e: e.id)),
        discrepancies=tuple(
            replace(d, events=tuple(e for e in d.events if e in kept_events))
            for d in sorted(discrepancies.values(), key=lambda d: d.id)
        ),
    )
