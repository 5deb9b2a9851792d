"""Field types shared by every model: ids, partial dates, non-empty text, sources."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, HttpUrl, StringConstraints

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Id = Annotated[
    str,
    Field(
        pattern=ID_PATTERN,
        description="小写字母、数字和连字符，例如 ritz-carlton (lowercase, digits, hyphens)",
    ),
]

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _year_as_text(value: Any) -> Any:
    # An unquoted ``2017`` in YAML is an integer; a year alone is a valid partial date.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _check_date(value: str) -> str:
    match = _DATE.match(value)
    if not match:
        raise ValueError(f"日期应写成 YYYY、YYYY-MM 或 YYYY-MM-DD，实际为“{value}” (bad date)")
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        date(year or 1, month or 1, day or 1)
    except ValueError:
        raise ValueError(f"不存在的日期：“{value}” (no such date)") from None
    return value


PartialDate = Annotated[
    str,
    BeforeValidator(_year_as_text),
    AfterValidator(_check_date),
    Field(
        json_schema_extra={"pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
        description="日期：YYYY、YYYY-MM 或 YYYY-MM-DD",
    ),
]

FullDate = Annotated[
    str,
    AfterValidator(_check_date),
    Field(pattern=r"^\d{4}-\d{2}-\d{2}$", description="日期：YYYY-MM-DD"),
]


class Strict(BaseModel):
    """Base for every model: unknown fields are errors (they are usually typos); immutable.

    Numbers must be finite: YAML reads ``.inf``, ``.nan`` and ``1.0e+400`` as floats, and none of
    them can be scored, compared with a band or written into a page's JSON payload.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, allow_inf_nan=False)


class Source(Strict):
    """A published source that a fact in a case rests on."""

    id: Id = Field(description="本案例内引用该来源时使用的短名，例如 nist-1999")
    title: Text = Field(description="标题")
    publisher: Text = Field(description="发布者或媒体")
    date: PartialDate = Field(description="发布日期")
    url: HttpUrl = Field(description="网址")


SourceRefs = Annotated[
    list[Id],
    Field(min_length=1, description="支撑此条的来源 id（见 sources）"),
]
