"""The German tables of spacy-lookups-data: lemmas and Brown word clusters.

They are JSON objects of about a million words each. orjson parses them in less than
half the time of the standard library's parser, and they are read on every cold build.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import orjson


def lookup_table(name: str) -> dict[str, Any]:
    """The table ``de_<name>`` of spacy-lookups-data; empty where the package is missing
    (the signals it gives are optional: rules work without them)."""
    try:
        import spacy_lookups_data
    except ImportError:
        return {}
    path = Path(spacy_lookups_data.__path__[0]) / "data" / f"de_{name}.json.gz"
    with gzip.open(path, "rb") as handle:
        table: dict[str, Any] = orjson.loads(handle.read())
    return table
