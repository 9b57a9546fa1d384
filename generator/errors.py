"""Errors and diagnostics.

A bad article is a :class:`Diagnostic` and is skipped; a structural fault (missing
folder, broken template) raises a :class:`DossierError`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning", "info"]


class DossierError(Exception):
    """A fault that stops the whole build (not a single bad article)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Diagnostic:
    level: Level
    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"
