"""Scale forms in a real browser: every scale filled at desktop and phone sizes with its worked
examples, answers kept across reloads, export → clear → import, keyboard-only completion, text
from imports shown as text, and the group page reading many files.

Any console error, page error or request that leaves the site fails the test.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from macros.catalogue import load_catalogue
from macros.models.scale import Scale

from .browser import DESKTOP, PHONE, Watched
from .conftest import ROOT

pytestmark = pytest.mark.browser

SCALES = {scale.id: scale for scale in load_catalogue(ROOT).scales}
ROW_FIELDS = {"ipa": ["importance", "performance"], "fmea": ["severity", "occurrence", "detection"]}


def enterable(scale: Scale, example: Any) -> bool:
    """Whether a person could enter the example in the form (whole numbers within range)."""
    values = list(example.answers.values()) + [
        v for row in example.rows for k, v in row.items() if k != "name" and v is not None
    ]
    for value in values:
        if not float(value).is_integer():
            return False
    if scale.mode in ("questionnaire", "nps"):
        items = {"nps": scale.item.scale} if scale.mode == "nps" else {i.id: i.scale for i in scale.items}
        for key, value in example.answers.items():
            response = scale.response_scales[items[key]]
            if not response.min <= value <= response.max:
                return False
        return True
    fields = ROW_FIELDS.get(scale.mode) or [c.id for c in scale.criteria]
    for row in example.rows:
        for field in fields:
            value = row.get(field)
            if value is not None and not 1 <= float(value) <= 10:
                return False
    scales_by_field = _row_scales(scale)
    return (
        all(
            row.get(f) is None or scales_by_field[f].min <= float(row[f]) <= scales_by_field[f].max  # type: ignore[arg-type]
            for row in example.rows
            for f in fields
        )
        and scale.rows.min <= len(example.rows) <= scale.rows.max
    )


def _row_scales(scale: Any) -> dict[str, Any]:
    if scale.mode == "matrix":
        return {c.id: scale.response_scales[c.scale] for c in scale.criteria}
    names = ROW_FIELDS[scale.mode]
    return {name: scale.response_scales[getattr(scale, name).scale] for name in names}


CASES = [
    pytest.param(scale_id, index, id=f"{scale_id}-{index}")
    for scale_id, scale in SCALES.items()
    for index, example in enumerate(scale.examples)
    if enterable(scale, example)
]


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def watched(request: pytest.FixtureRequest, browser: Browser, base_url: str) -> Iterator[Watched]:
    context = browser.new_context(viewport=request.param, locale="zh-CN", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    w = Watched(page, base_url)
    confirmations: list[str] = []

    def on_dialog(dialog: Any) -> None:
        # Only the clear-answers confirmation is expected; anything else (an alert from an
        # injected script, say) fails the test.
        if dialog.type == "confirm" and "清除" in dialog.message:
            confirmations.append(dialog.message)
            dialog.accept()
        else:
            w.problems.append(f"unexpected dialog: {dialog.type} {dialog.message}")
            dialog.dismiss()

    page.on("dialog", on_dialog)
    yield w
    w.assert_clean()
    context.close()


def results(page: Page) -> Locator:
    return page.locator("[data-tp-scale-results]").first


def set_rows(page: Page, count: int) -> None:
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


def expected_texts(scale: Any, expect_: dict[str, Any]) -> list[str]:
    """Texts the results must show for an example's expectations."""
    texts: list[str] = []
    if scale.mode == "questionnaire":
        if expect_.get("score") is not None:
            rounded = Decimal(str(expect_["score"])).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            texts.append(str(rounded))  # shown with one decimal, rounded half up
        if expect_.get("band"):
            texts.append(str(expect_["band"]))
    elif scale.mode == "nps" and expect_.get("category"):
        texts.append(getattr(scale.categories, expect_["category"]).label)
    elif scale.mode == "ipa":
        labels = {q: getattr(scale.quadrants, q).label for q in ("concentrate", "keep_up", "low_priority", "overkill")}
        texts += [labels[q] for q in (expect_.get("quadrants") or {}).values() if q]
    elif scale.mode == "fmea":
        levels = {level.id: level.label for level in scale.levels}
        texts += [levels[lv] for lv in (expect_.get("levels") or {}).values() if lv]
    return texts


@pytest.mark.parametrize(("scale_id", "index"), CASES)
def test_worked_example_entered_in_the_form_gives_its_result(
    watched: Watched, base_url: str, scale_id: str, index: int
) -> None:
    page = watched.page
    scale = SCALES[scale_id]
    example = scale.examples[index]
    page.goto(f"{base_url}scales/{scale_id}.html")
    fill(page, scale, example)
    shown = results(page)
    for text in expected_texts(scale, example.expect):
        expect(shown).to_contain_text(text)
    ranking = example.expect.get("ranking")
    if ranking:
        body = shown.inner_text()
        positions = [body.find(str(name)) for name in ranking]
        assert all(p >= 0 for p in positions) and positions == sorted(positions), (ranking, body[:400])
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.evaluate("document.documentElement.clientWidth")


def test_answers_survive_a_reload(watched: Watched, base_url: str) -> None:
    page = watched.page
    scale = SCALES["csat"]
    page.goto(f"{base_url}scales/csat.html")
    fill(page, scale, scale.examples[0])
    band = str(scale.examples[0].expect["band"])
    expect(results(page)).to_contain_text(band)
    before = results(page).inner_text()
    page.reload()
    for item_id, value in scale.examples[0].answers.items():
        expect(page.locator(f'[data-tp-item="{item_id}"] input[value="{int(value)}"]')).to_be_checked()
    expect(results(page)).to_contain_text(band)
    assert results(page).inner_text() == before


def test_rows_survive_a_reload_including_added_and_renamed_rows(watched: Watched, base_url: str) -> None:
    page = watched.page
    scale = SCALES["touchpoint-risk"]
    page.goto(f"{base_url}scales/touchpoint-risk.html")
    fill(page, scale, scale.examples[0])
    page.locator("[data-tp-row-add]").first.click()
    page.locator("li[data-tp-row]").last.locator("[data-tp-row-name]").fill("泳池救生员缺岗")
    count = page.locator("li[data-tp-row]").count()
    page.reload()
    expect(page.locator("li[data-tp-row]")).to_have_count(count)
    expect(page.locator("li[data-tp-row]").last.locator("[data-tp-row-name]")).to_have_value("泳池救生员缺岗")


def test_export_clear_import_restores_the_answers(watched: Watched, base_url: str, tmp_path: Path) -> None:
    page = watched.page
    scale = SCALES["data-driven-maturity"]
    page.goto(f"{base_url}scales/data-driven-maturity.html")
    fill(page, scale, scale.examples[0])
    with page.expect_download() as download:
        page.get_by_role("button", name="导出 JSON").click()
    saved = tmp_path / "answers.json"
    download.value.save_as(saved)
    exported = json.loads(saved.read_text(encoding="utf-8"))
    assert exported["format"] == "touchpoint-scale-response" and exported["scale"] == "data-driven-maturity"
    page.get_by_role("button", name="清除答案").click()  # the fixture accepts the confirmation
    expect(page.locator("[data-tp-scale-form] input:checked")).to_have_count(0)
    page.locator('[data-tp-scale] input[type="file"]').first.set_input_files(saved)
    for item_id, value in scale.examples[0].answers.items():
        expect(page.locator(f'[data-tp-item="{item_id}"] input[value="{int(value)}"]')).to_be_checked()


def test_csv_export_is_excel_friendly_utf8(watched: Watched, base_url: str, tmp_path: Path) -> None:
    page = watched.page
    page.goto(f"{base_url}scales/csat.html")
    fill(page, SCALES["csat"], SCALES["csat"].examples[0])
    with page.expect_download() as download:
        page.get_by_role("button", name="导出 CSV").click()
    saved = tmp_path / "answers.csv"
    download.value.save_as(saved)
    data = saved.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert "预订".encode() in data and b"\r\n" in data


def test_imported_text_is_shown_as_text_and_bad_files_are_rejected(
    watched: Watched, base_url: str, tmp_path: Path
) -> None:
    page = watched.page
    scale = SCALES["touchpoint-priority"]
    attack = "<img src=x onerror=alert(1)>"
    rows = [{"name": attack, "importance": 7, "performance": 2}, {"name": "早餐", "importance": 3, "performance": 6}]
    good = answer_object(scale, {"rows": rows})
    files = {
        "good.json": json.dumps(good),
        "corrupt.json": "{not json",
        "other.json": json.dumps({**good, "scale": "nps"}),
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    page.goto(f"{base_url}scales/touchpoint-priority.html")
    upload = page.locator('[data-tp-scale] input[type="file"]').first
    upload.set_input_files(tmp_path / "good.json")
    expect(page.locator("li[data-tp-row]").first.locator("[data-tp-row-name]")).to_have_value(attack)
    expect(results(page)).to_contain_text(attack)
    assert page.locator("[data-tp-scale-results] img").count() == 0
    status = page.locator("[data-tp-scale] [role=status], [data-tp-scale] [aria-live]")
    for bad in ("corrupt.json", "other.json"):
        upload.set_input_files(tmp_path / bad)
        expect(status.filter(has_text=re.compile("无法|不是|不能|错误|失败"))).not_to_have_count(0)
    expect(page.locator("li[data-tp-row]").first.locator("[data-tp-row-name]")).to_have_value(attack)


def test_keyboard_only_completion_of_the_nps_scale(browser: Browser, base_url: str) -> None:
    page = browser.new_page(viewport=DESKTOP)
    watched = Watched(page, base_url)
    page.goto(f"{base_url}scales/nps.html")
    first = page.locator('[data-tp-item="nps"] input[type="radio"]').first
    first.focus()
    for _ in range(9):
        page.keyboard.press("ArrowRight")
    expect(page.locator('[data-tp-item="nps"] input[value="9"]')).to_be_checked()
    expect(results(page)).to_contain_text(SCALES["nps"].categories.promoter.label)
    focused = page.evaluate("document.activeElement.value")
    assert focused == "9"
    watched.assert_clean()
    page.close()


def answer_object(scale: Scale, response: dict[str, Any]) -> dict[str, Any]:
    """One person's answers in the export format."""
    return {
        "format": "touchpoint-scale-response",
        "format_version": 1,
        "scale": scale.id,
        "version": scale.version,
        "title": scale.title,
        "saved_at": "2026-11-22T10:00:00Z",
        "response": response,
    }


SAVED = itertools.count()


def answer_file(scale: Scale, response: dict[str, Any], tmp: Path, name: str) -> Path:
    """An exported answer file, as a participant would hand it to the trainer: each saved at its
    own moment (the group page counts byte-identical files once)."""
    path = tmp / name
    data = {**answer_object(scale, response), "saved_at": f"2026-11-22T10:00:00.{next(SAVED):03d}Z"}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_group_page_summarises_many_files(watched: Watched, base_url: str, tmp_path: Path) -> None:
    page = watched.page
    nps = SCALES["nps"]
    scores = [10, 9, 9, 8, 7, 6, 3, 10]  # 4 promoters, 2 passives, 2 detractors → NPS +25
    files = [answer_file(nps, {"answers": {"nps": s}}, tmp_path, f"nps-{i}.json") for i, s in enumerate(scores)]
    csat = SCALES["csat"]
    files += [
        answer_file(csat, {"answers": dict(ex.answers)}, tmp_path, f"csat-{i}.json")
        for i, ex in enumerate(csat.examples)
    ]
    (tmp_path / "broken.json").write_text("{oops", encoding="utf-8")
    files.append(tmp_path / "broken.json")
    page.goto(f"{base_url}scales/group.html")
    page.locator("[data-tp-group-input]").set_input_files(files)
    shown = page.locator("[data-tp-group-results]")
    expect(shown).to_contain_text(nps.title)
    expect(shown).to_contain_text(csat.title)
    expect(shown).to_contain_text("25")
    expect(page.locator("[data-tp-group]")).to_contain_text("broken.json")  # rejected, by name
    with page.expect_download() as download:
        page.get_by_role("button", name="导出汇总 CSV").click()
    saved = tmp_path / "group.csv"
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"\xef\xbb\xbf")


def test_form_still_works_and_says_so_when_storage_is_unavailable(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE)
    # Private modes and full storage make setItem throw; the form must keep scoring.
    context.add_init_script("Storage.prototype.setItem = function () { throw new Error('QuotaExceededError'); };")
    page = context.new_page()
    watched = Watched(page, base_url)
    page.goto(f"{base_url}scales/nps.html")
    page.locator('[data-tp-item="nps"] input[value="10"]').check()
    expect(results(page)).to_contain_text(SCALES["nps"].categories.promoter.label)
    expect(page.locator("[data-tp-scale-status]")).to_contain_text("无法保存答案")
    watched.assert_clean()
    context.close()


def test_answers_saved_under_another_version_are_not_scored(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP)
    old = {**answer_object(SCALES["nps"], {"answers": {"nps": 3}}), "version": 0}
    context.add_init_script(f"localStorage.setItem('touchpoint-scale:nps@0', {json.dumps(json.dumps(old))});")
    page = context.new_page()
    watched = Watched(page, base_url)
    page.goto(f"{base_url}scales/nps.html")
    expect(page.locator("[data-tp-scale-status]")).to_contain_text("更新")
    expect(page.locator("[data-tp-scale-form] input:checked")).to_have_count(0)
    watched.assert_clean()
    context.close()


@pytest.mark.parametrize(
    "scale_id", ["data-driven-maturity", "touchpoint-influence", "touchpoint-priority", "touchpoint-risk"]
)
def test_results_chart_is_drawn_with_the_local_chart_library(watched: Watched, base_url: str, scale_id: str) -> None:
    page = watched.page
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url) if "chart.umd" in r.url else None)
    scale = SCALES[scale_id]
    page.goto(f"{base_url}scales/{scale_id}.html")
    assert requested == []  # loaded only once a chart has something to draw
    fill(page, scale, next(ex for ex in scale.examples if enterable(scale, ex)))
    canvas = page.locator("[data-tp-scale-results] [data-tp-chart] canvas").first
    expect(canvas).to_be_visible()
    assert (canvas.bounding_box() or {}).get("height", 0) > 50
    expect(canvas).to_have_attribute("role", "img")
    assert [url.startswith(base_url) for url in requested] == [True]


def test_pages_without_charts_do_not_load_the_chart_library(watched: Watched, base_url: str) -> None:
    page = watched.page
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url) if "chart.umd" in r.url else None)
    page.goto(f"{base_url}scales/nps.html")
    page.locator('[data-tp-item="nps"] input[value="8"]').check()
    expect(results(page)).to_contain_text(SCALES["nps"].categories.passive.label)
    page.goto(f"{base_url}index.html")
    assert requested == []
