"""German formatting of dates and numbers, as readers write them (Babel, CLDR data)."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from babel.numbers import format_decimal

from .model import DateValue


def format_german_date(value: DateValue | str | None) -> str:
    """``19. Juni 2024`` / ``Juni 2024`` / ``2024`` as the value's precision allows."""
    if value is None:
        return ""
    if isinstance(value, str):
        value = DateValue(iso=value, precision=("day", "month", "year")[3 - len(value.split("-"))])
    parts = [int(part) for part in value.iso.split("-")]
    if value.precision == "year":
        return str(parts[0])
    if value.precision == "month":
        return format_date(dt.date(parts[0], parts[1], 1), "MMMM y", locale="de")
    return format_date(dt.date(*parts), "d. MMMM y", locale="de")


def format_number(value: float | int) -> str:
    return format_decimal(value, locale="de")
