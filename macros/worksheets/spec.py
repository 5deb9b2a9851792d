"""What a worksheet file may hold: named fields and tables of typed values.

Each worksheet kind describes its data with these types (``data_spec``); the page payload carries
the spec as JSON, and the one check of a file (Python here, the browser in ``ws-file.js``)
accepts only the fields, columns and values it names. A value is always allowed to be null
(empty). Ids of fields and tables share one namespace.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class TextField:
    """Free text of at most ``max`` characters (code points)."""

    id: str
    label: str
    max: int = 500

    def spec(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "type": "text", "max": self.max}


@dataclass(frozen=True)
class ChoiceField:
    """One of ``options`` (text)."""

    id: str
    label: str
    options: tuple[str, ...]

    def spec(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "type": "choice", "options": list(self.options)}


@dataclass(frozen=True)
class BoolField:
    """Yes or no (a tick)."""

    id: str
    label: str

    def spec(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "type": "bool"}


@dataclass(frozen=True)
class IntField:
    """A whole number from ``min`` to ``max``."""

    id: str
    label: str
    min: int
    max: int

    def spec(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "type": "int", "min": self.min, "max": self.max}


Field = TextField | ChoiceField | BoolField | IntField


@dataclass(frozen=True)
class Table:
    """Rows (at most ``rows_max``) of the same columns."""

    id: str
    label: str
    rows_max: int
    columns: tuple[Field, ...]

    def spec(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "rows_max": self.rows_max,
            "columns": [column.spec() for column in self.columns],
        }


def data_spec(fields: tuple[Field, ...], tables: tuple[Table, ...]) -> dict[str, Any]:
    """The spec of a worksheet's data, as the page payload carries it."""
    ids = [f.id for f in fields] + [t.id for t in tables]
    if len(ids) != len(set(ids)):
        raise ValueError(f"duplicate field or table id in {ids}")
    return {"fields": [f.spec() for f in fields], "tables": [t.spec() for t in tables]}


def value_ok(field: dict[str, Any], value: Any) -> bool:
    """Whether ``value`` (from JSON) fits a field spec; null always does."""
    if value is None:
        return True
    kind = field["type"]
    if kind == "text":
        return isinstance(value, str) and len(value) <= field["max"]
    if kind == "choice":
        return isinstance(value, str) and value in field["options"]
    if kind == "bool":
        return isinstance(value, bool)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return float(value).is_integer() and field["min"] <= value <= field["max"]
