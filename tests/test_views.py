"""View functions: labels, links, numbering and the journey map's geometry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from macros.catalogue import load_catalogue
from macros.views import case_view, date_label, journey_view, library_view, page_url, paragraphs

from .conftest import ROOT


@pytest.mark.parametrize(
    ("value", "label"), [("2017-04-09", "2017年4月9日"), ("2017-04", "2017年4月"), ("2017", "2017年")]
)
def test_date_labels(value: str, label: str) -> None:
    assert date_label(value) == label


@pytest.mark.parametrize(
    ("target", "current", "directory_urls", "url"),
    [
        ("cases/apple.md", "cases/index.md", False, "apple.html"),
        ("course/ch01.md", "cases/apple.md", False, "../course/ch01.html"),
        ("cases/apple.md", "index.md", False, "cases/apple.html"),
        ("course/ch01.md", "cases/apple.md", True, "../../course/ch01/"),
        ("cases/index.md", "index.md", True, "cases/"),
    ],
)
def test_page_urls_match_mkdocs_output_names(target: str, current: str, directory_urls: bool, url: str) -> None:
    assert page_url(target, current, directory_urls) == url


def test_paragraphs_split_on_blank_lines_and_join_wrapped_lines() -> None:
    assert paragraphs("第一段\n续行。\n\n第二段。\n") == ["第一段续行。", "第二段。"]


def test_journey_numbers_touchpoints_in_order_and_hands_the_curve_every_moment(project: Path) -> None:
    case = load_catalogue(project).cases[0]
    journey = journey_view(case.journeys[0])
    assert [tp["n"] for stage in journey["stages"] for tp in stage["touchpoints"]] == [1, 2, 3]
    # The curve (journey-curve.js, Node-tested) gets every moment in order, an unrated one as null,
    # so the numbers on the curve match the list.
    curve = json.loads(str(journey["curve"]))
    assert [s["name"] for s in curve["stages"]] == ["意识", "使用"]
    assert [m["emotion"] for s in curve["stages"] for m in s["moments"]] == [
        tp.emotion for stage in case.journeys[0].stages for tp in stage.touchpoints
    ]
    assert journey["has_curve"] and journey["count"] == 3


def test_case_view_numbers_sources_and_links_citations() -> None:
    catalogue = load_catalogue(ROOT)
    view = case_view(catalogue.case("ritz-carlton"), catalogue, directory_urls=False)
    numbers = [s["n"] for s in view["sources"]]
    assert numbers == list(range(1, len(numbers) + 1))
    anchors = {s["anchor"] for s in view["sources"]}
    cited = [c for item in view["timeline"] + view["results"] for c in item["cites"]]
    assert cited and all(c["anchor"] in anchors for c in cited)
    assert [t["iso"] for t in view["timeline"]] == sorted(t["iso"] for t in view["timeline"])
    assert view["chapters"][0]["url"] == "../course/ch03.html"


def test_library_offers_only_values_that_cards_have() -> None:
    library = library_view(load_catalogue(ROOT), directory_urls=False)
    assert "酒店" in library["industries"] and "航空" in library["industries"]
    assert set(library["stages"]) <= {"意识", "考虑", "购买", "使用", "忠诚"}
    for card in library["cards"]:
        assert card["url"] == f"{card['id']}.html"
