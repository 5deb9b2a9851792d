"""Scale forms as a person uses them, for the browser tests: which worked examples a person can
enter, entering one (click the options, type the names), and reading a results table back as
rows of {column header: cell text}, so that every figure is checked in its own row and column."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Locator, Page

from macros.models.scale import ResponseScale, Scale

ROW_FIELDS = {"ipa": ["importance", "performance"], "fmea": ["severity", "occurrence", "detection"]}


def row_fields(scale: Any) -> dict[str, ResponseScale]:
    """The fields of each row (criteria, or the IPA and FMEA measures) and their response scales."""
    if scale.mode == "matrix":
        return {c.id: scale.response_scales[c.scale] for c in scale.criteria}
    return {name: scale.response_scales[getattr(scale, name).scale] for name in ROW_FIELDS[scale.mode]}


def item_scales(scale: Any) -> dict[str, ResponseScale]:
    """The items of a questionnaire or NPS form and their response scales."""
    if scale.mode == "nps":
        return {"nps": scale.response_scales[scale.item.scale]}
    return {item.id: scale.response_scales[item.scale] for item in scale.items}


def offered(response: ResponseScale) -> set[float]:
    """The values the form's radio buttons offer on this response scale."""
    if response.kind == "choice":
        return {float(option.score) for option in response.options}
    return {float(x) for x in range(response.min, response.max + 1)}


def not_enterable(scale: Scale, example: Any) -> str | None:
    """Why a person could not enter the example in the form, or None when they could."""
    if scale.mode in ("questionnaire", "nps"):
        scales = item_scales(scale)
        for key, value in example.answers.items():
            if value not in offered(scales[key]):
                return f"{key} = {value}: the form offers {sorted(offered(scales[key]))}"
        return None
    if not scale.rows.min <= len(example.rows) <= scale.rows.max:
        return f"{len(example.rows)} rows: the form holds {scale.rows.min}–{scale.rows.max}"
    fields = row_fields(scale)
    for row in example.rows:
        for key, value in row.items():
            if key != "name" and value is not None and value not in offered(fields[key]):
                return f"{row['name']}: {key} = {value}: the form offers {sorted(offered(fields[key]))}"
    return None


def set_rows(page: Page, count: int) -> None:
    """Add rows at the end or remove the last ones until the form has ``count``."""
    rows = page.locator("li[data-tp-row]")
    while rows.count() < count:
        page.locator("[data-tp-row-add]").first.click()
    while rows.count() > count:
        rows.last.locator("[data-tp-row-remove]").click()


def fill(page: Page, scale: Scale, example: Any) -> None:
    """Enter a worked example as a person would: click the options, type the names."""
    if scale.mode in ("questionnaire", "nps"):
        for item_id, value in example.answers.items():
            page.locator(f'[data-tp-item="{item_id}"] input[value="{int(value)}"]').check()
        return
    set_rows(page, len(example.rows))
    rows = page.locator("li[data-tp-row]")
    for index, row in enumerate(example.rows):
        target = rows.nth(index)
        target.locator("[data-tp-row-name]").fill(str(row["name"]))
        for field, value in row.items():
            if field != "name" and value is not None:
                target.locator(f'[data-tp-field="{field}"] input[value="{int(float(value))}"]').check()


READ_TABLE = """table => {
  const text = cell => cell.textContent.replace(/\\s+/g, " ").trim();
  const headers = [...table.querySelectorAll("thead th")].map(text);
  return [...table.querySelectorAll("tbody tr")].map(tr =>
    Object.fromEntries([...tr.cells].map((cell, i) => [headers[i], text(cell)])));
}"""


def read_table(table: Locator) -> list[dict[str, str]]:
    """A data table's body rows, each as {column header: cell text}, in the order shown."""
    rows: list[dict[str, str]] = table.evaluate(READ_TABLE)
    return rows


def by_row(rows: list[dict[str, str]], column: str) -> dict[str, dict[str, str]]:
    """Rows keyed by the text of their cell in ``column`` (each key must be unique)."""
    keyed = {row[column]: row for row in rows}
    assert len(keyed) == len(rows), f"repeated {column} in {rows}"
    return keyed


def answer_data(scale: Any, response: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """One person's answers in the answer-file format (README → Answer files)."""
    data = {
        "format": "touchpoint-scale-response",
        "format_version": 1,
        "scale": scale.id,
        "version": scale.version,
        "title": scale.title,
        "saved_at": "2026-11-22T10:00:00Z",
        "response": response,
    }
    return data | fields


def example_response(example: Any) -> dict[str, Any]:
    """A worked example's answers as the response of an answer file."""

    def number(value: Any) -> Any:
        return int(value) if isinstance(value, float) and value.is_integer() else value

    if example.rows:
        return {"rows": [{key: number(value) for key, value in row.items()} for row in example.rows]}
    return {"answers": {key: number(value) for key, value in example.answers.items()}}
