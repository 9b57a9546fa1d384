"""A store of per-article results (the article as read, its analysis) in memory and on disk.

An entry is found by a key made of the content it was computed from (the file's bytes, the
source's text) and lives in a folder named by a fingerprint of everything else that shapes
it: the generator's code and data files, the versions of the libraries whose tables it
reads, and Python's. A new version, an edited data file or an upgraded library therefore
starts a new folder, and nothing stale is ever read.

Entries are pickles behind a header: a magic line and the SHA-256 of the payload. They are
written to a temporary file and moved into place (``os.replace``), so a killed build leaves
either the whole entry or none. An entry that cannot be read, does not match its checksum or
does not unpickle is deleted and its value computed again. Unpickling admits only the
generator's own classes (and ``frozenset``), so an entry can only rebuild our frozen
dataclasses, never call anything else.

The folder is safe to delete at any time. It carries its own ``.gitignore`` and a
``CACHEDIR.TAG``, so git and backup tools skip it in any project.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import platform
import re
import shutil
import tempfile
from dataclasses import dataclass, is_dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

# Bump when the layout of an entry changes.
FORMAT = b"dossier-cache 1\n"
_DIGEST_BYTES = 32
_ENVIRONMENT_NAME = re.compile(r"[0-9a-f]{20}")

# What the analysis of an article depends on besides its text: the generator's stages up to
# analysis, its shipped data and the library tables it reads (word clusters, lemmas, spaCy's
# tokenizer exceptions).
_PACKAGE = Path(__file__).resolve().parent
_CODE = ("model.py", "settings.py", "errors.py", "pipeline.py", "analyse", "ingest", "data")
_LIBRARIES = (
    "dossier-generator",
    "babel",  # CLDR: numbers, month and currency names
    "spacy",
    "marisa-trie",  # reads the word tables
    "charset-normalizer",
    "python-crfsuite",
)

_CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This folder holds the dossier generator's analysis cache; it is safe to delete.\n"
)


def library_version(name: str) -> str:
    """The installed version of a distribution, or "-" where it is not installed."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


@lru_cache(maxsize=1)
def environment() -> str:
    """The fingerprint of the code, data and libraries that shape a cached result."""
    digest = hashlib.sha256()
    digest.update(FORMAT)
    digest.update(platform.python_version().encode())
    for name in _LIBRARIES:
        digest.update(f"{name}={library_version(name)}\n".encode())
    for path in _code_files():
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


@lru_cache(maxsize=1)
def package_fingerprint() -> str:
    """The fingerprint of the whole package (stages, templates, data): what links and renders
    the dossier, on top of :func:`environment`."""
    digest = hashlib.sha256(environment().encode())
    for path in _code_files(("",)):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def folder_fingerprint(folder: Path | None) -> str:
    """Names and contents of the files in a folder (a project's templates)."""
    digest = hashlib.sha256()
    if folder is not None and folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _code_files(names: tuple[str, ...] = _CODE) -> list[Path]:
    files = []
    for name in names:
        path = _PACKAGE / name if name else _PACKAGE
        if path.is_dir():
            files.extend(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        elif path.is_file():
            files.append(path)
    return sorted(files)


def content_key(*parts: str | bytes) -> str:
    """A key for content given in parts (the parts are length-prefixed: no two lists collide)."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


@dataclass(slots=True)
class CacheStats:
    hits: int = 0  # found in memory or on disk
    misses: int = 0  # computed
    dropped: int = 0  # entries on disk that could not be read, deleted
    written: int = 0


class ResultCache:
    """Results by kind and key: a dict in memory, and a folder on disk if one is given.

    ``memory`` may be shared between instances (``mkdocs serve`` makes a new plugin for every
    rebuild, the process and its memory stay).
    """

    def __init__(self, folder: Path | None = None, memory: dict[str, Any] | None = None) -> None:
        self.root = folder
        self.folder = folder / environment() if folder is not None else None
        self.memory: dict[str, Any] = memory if memory is not None else {}
        self.stats = CacheStats()
        self._prepared = False

    def get(self, kind: str, key: str) -> Any | None:
        name = f"{kind}-{key}"
        value = self.memory.get(name)
        if value is None and self.folder is not None:
            value = self._load(self.folder / kind / key)
            if value is not None:
                self.memory[name] = value
        if value is None:
            self.stats.misses += 1
        else:
            self.stats.hits += 1
        return value

    def put(self, kind: str, key: str, value: Any) -> None:
        self.memory[f"{kind}-{key}"] = value
        if self.folder is None:
            return
        try:
            self._store(self.folder / kind / key, value)
        except OSError:
            return  # a cache that cannot be written costs speed, never the build
        self.stats.written += 1

    def remember(self, kind: str, key: str, value: Any) -> None:
        """In memory only: for a value another process writes to the folder."""
        self.memory[f"{kind}-{key}"] = value

    def get_latest(self, kind: str, key: str) -> Any | None:
        """The one value kept for ``kind`` if it was stored under ``key``: for results as big
        as the whole site, of which only the last is worth keeping."""
        found = self.get(kind, "latest")
        if isinstance(found, tuple) and len(found) == 2 and found[0] == key:
            return found[1]
        if found is not None:  # counted as a hit above, but it is another's
            self.stats.hits -= 1
            self.stats.misses += 1
        return None

    def put_latest(self, kind: str, key: str, value: Any) -> None:
        self.put(kind, "latest", (key, value))

    def keep_only(self, kind: str, keys: set[str]) -> None:
        """Forget the entries of ``kind`` other than ``keys``, in memory and on disk."""
        prefix = f"{kind}-"
        for name in [n for n in self.memory if n.startswith(prefix)]:
            if name[len(prefix) :] not in keys:
                del self.memory[name]
        if self.folder is None or not (self.folder / kind).is_dir():
            return
        for path in (self.folder / kind).iterdir():
            if path.name not in keys and not path.name.startswith(".tmp-"):
                with contextlib.suppress(OSError):
                    path.unlink()

    def _load(self, path: Path) -> Any | None:
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            return _decode(data)
        except Exception:  # any defect of an entry: it is dropped and computed again
            self.stats.dropped += 1
            with contextlib.suppress(OSError):
                path.unlink()
            return None

    def prepare(self) -> None:
        """Ready the folder for writing (done by the first write; a process that forks
        workers which write does it before)."""
        if self.folder is not None and not self._prepared:
            with contextlib.suppress(OSError):  # writes fail later, each costs speed only
                self._prepare()

    def _store(self, path: Path, value: Any) -> None:
        if not self._prepared:
            self._prepare()
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(_encode(value))
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def _prepare(self) -> None:
        """Mark the folder as a cache; drop the folders of other versions."""
        assert self.root is not None and self.folder is not None
        self.folder.mkdir(parents=True, exist_ok=True)
        self._prepared = True
        for name, text in ((".gitignore", "*\n"), ("CACHEDIR.TAG", _CACHEDIR_TAG)):
            marker = self.root / name
            if not marker.exists():
                marker.write_text(text, encoding="utf-8")
        for other in self.root.iterdir():
            if other != self.folder and _ENVIRONMENT_NAME.fullmatch(other.name) and other.is_dir():
                shutil.rmtree(other, ignore_errors=True)


def _encode(value: Any) -> bytes:
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return FORMAT + hashlib.sha256(payload).digest() + payload


def _decode(data: bytes) -> Any:
    if not data.startswith(FORMAT):
        raise ValueError("not a cache entry")
    start = len(FORMAT) + _DIGEST_BYTES
    digest, payload = data[len(FORMAT) : start], data[start:]
    if hashlib.sha256(payload).digest() != digest:
        raise ValueError("checksum does not match")
    return _OwnClassesOnly(io.BytesIO(payload)).load()


class _OwnClassesOnly(pickle.Unpickler):
    """Rebuilds only the generator's classes: an entry cannot name any other callable."""

    def find_class(self, module: str, name: str) -> Any:
        if module == "builtins" and name == "frozenset":
            return frozenset
        if module.startswith("generator."):
            found = super().find_class(module, name)
            if is_dataclass(found) and isinstance(found, type) and found.__module__ == module:
                return found
        raise pickle.UnpicklingError(f"not allowed in a cache entry: {module}.{name}")
