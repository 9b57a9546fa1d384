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

import yaml

from ..errors import Diagnostic
from ..model import Actor, ActorKind, Dossier, Source
from .actors import make_slug, name_key

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


def _closest(word: str, options: list[str]) -> str:
    found = difflib.get_close_matches(word, options, n=3, cutoff=0.7)
    return f" (meinten Sie: {', '.join(found)}?)" if found else ""


def load_curation(path: Path, display: str) -> Curation:
    """Read and check the file's structure; targets are checked when applied."""
    curation = Curation(path=display)
    if not path.is_file():
        return curation
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        curation.error(
            mark.line + 1 if mark else 1, f"kein gültiges YAML: {getattr(error, 'problem', error)}"
        )
        return curation
    except UnicodeDecodeError:
        curation.error(1, "die Datei ist nicht in UTF-8 gespeichert")
        return curation
    if root is None:
        return curation
    if not isinstance(root, yaml.MappingNode):
        curation.error(root.start_mark.line + 1, "erwartet Abschnitte: " + ", ".join(FIELDS))
        return curation
    for key_node, value_node in root.value:
        section = key_node.value
        line = key_node.start_mark.line + 1
        if section not in FIELDS:
            curation.error(
                line, f"unbekannter Abschnitt '{section}'{_closest(section, list(FIELDS))}"
            )
            continue
        if not isinstance(value_node, yaml.SequenceNode):
            curation.error(
                line, f"'{section}' muss eine Liste von Einträgen sein (Zeilen mit '- ')"
            )
            continue
        for item in value_node.value:
            _read_entry(curation, section, item)
    return curation


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
        key = key_node.value
        lines[key] = key_node.start_mark.line + 1
        if key not in FIELDS[section]:
            curation.error(
                lines[key],
                f"unbekanntes Feld '{key}' in '{section}'{_closest(key, sorted(FIELDS[section]))}",
            )
            ok = False
            continue
        values[key] = yaml.safe_load(yaml.serialize(value_node))
    key_field = KEY_FIELD[section]
    if key_field not in values:
        curation.error(line, f"Eintrag ohne '{key_field}': welches Element ist gemeint?")
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
    for name in ("aliase_hinzu", "aliase_weg", "zusammenfuehren"):
        if name in values and not (
            isinstance(values[name], list) and all(isinstance(v, str) for v in values[name])
        ):
            return name, f"'{name}' muss eine Liste von Namen sein, z. B. [Name A, Name B]"
    if "art" in values and values["art"] not in KINDS:
        return (
            "art",
            f"'art: {values['art']}' gibt es nicht; erlaubt: {', '.join(KINDS)}{_closest(str(values['art']), list(KINDS))}",
        )
    if "ausblenden" in values and not isinstance(values["ausblenden"], bool):
        return "ausblenden", "'ausblenden' ist true oder false"
    if "abspalten" in values:
        split = values["abspalten"]
        if not (isinstance(split, dict) and isinstance(split.get("alias"), str)):
            return "abspalten", "'abspalten' braucht {alias: Name, name: Neuer Name}"
    if "veroeffentlicht" in values:
        value = values["veroeffentlicht"]
        if isinstance(value, dt.datetime):
            value = value.date()
        if not isinstance(value, dt.date):
            try:
                value = dt.date.fromisoformat(str(value))
            except ValueError:
                return "veroeffentlicht", f"'veroeffentlicht: {value}' ist kein Datum (JJJJ-MM-TT)"
        values["veroeffentlicht"] = value.isoformat()
    for name in ("url", "beleg"):
        if name in values and not str(values[name]).startswith(("http://", "https://")):
            return name, f"'{name}' muss eine Adresse mit http:// oder https:// sein"
    for name in ("name", "titel", "beschreibung", "urteil", "begruendung", "medium", "autor"):
        if name in values and not isinstance(values[name], (str, int, float)):
            return name, f"'{name}' muss ein Text sein"
    return None


# -- applying -------------------------------------------------------------------------------


def apply_to_sources(curation: Curation, sources: list[Source]) -> list[Source]:
    """Article metadata; runs before analysis (a publication date changes relative dates)."""
    result = list(sources)
    for entry in curation.of("quellen"):
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
    for entry in curation.of("akteure"):
        found = _find_actor(list(current.values()), entry.target)
        if len(found) != 1:
            problem = "mehrdeutig" if found else "nicht gefunden"
            curation.unmatched(entry, "Akteur", sorted({a.name for a in current.values()}), problem)
            continue
        actor = found[0]
        values = entry.values
        for other_name in values.get("zusammenfuehren", []):
            others = [
                a for a in _find_actor(list(current.values()), other_name) if a.id != actor.id
            ]
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
                        key=str.casefold,
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
                aliases=tuple(sorted({*actor.aliases, actor.name} - {new_name}, key=str.casefold)),
            )
        if "art" in values:
            actor = replace(actor, kind=KINDS[values["art"]])
        if "aliase_hinzu" in values:
            actor = replace(
                actor,
                aliases=tuple(
                    sorted(
                        {*actor.aliases, *values["aliase_hinzu"]} - {actor.name}, key=str.casefold
                    )
                ),
            )
        if "aliase_weg" in values:
            remove = {name_key(a) for a in values["aliase_weg"]}
            actor = replace(
                actor, aliases=tuple(a for a in actor.aliases if name_key(a) not in remove)
            )
        if "beschreibung" in values:
            descriptions[actor.id] = str(values["beschreibung"])
        if values.get("ausblenden"):
            hidden.add(actor.id)
        current[actor.id] = replace(
            actor, description=descriptions.get(actor.id, actor.description)
        )
    return sorted((a for a in current.values() if a.id not in hidden), key=lambda a: a.id)


def apply_to_dossier(curation: Curation, dossier: Dossier) -> Dossier:
    """Events and discrepancies: retitle, hide, and editors' verdicts."""
    events = {e.id: e for e in dossier.events}
    for entry in curation.of("ereignisse"):
        event = events.get(entry.target)
        if event is None:
            curation.unmatched(entry, "Ereignis", sorted(events))
            continue
        if entry.values.get("ausblenden"):
            del events[event.id]
            continue
        if "titel" in entry.values:
            events[event.id] = replace(event, title=str(entry.values["titel"]))
    discrepancies = {d.id: d for d in dossier.discrepancies}
    for entry in curation.of("widersprueche"):
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
    kept_events = set(events)
    return replace(
        dossier,
        events=tuple(sorted(events.values(), key=lambda e: e.id)),
        discrepancies=tuple(
            replace(d, events=tuple(e for e in d.events if e in kept_events))
            for d in sorted(discrepancies.values(), key=lambda d: d.id)
        ),
    )
