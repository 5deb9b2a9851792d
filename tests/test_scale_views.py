"""Scale views: the paper form and scoring key, the inlined definition, escaping."""

from __future__ import annotations

import json
import re
from pathlib import Path

from macros.catalogue import load_catalogue
from macros.render import render
from macros.scale_views import scale_view

from .conftest import ROOT


def test_form_is_accessible_and_usable_on_paper(project: Path) -> None:
    scale = load_catalogue(project).scale("mini-scale")
    html = render("scale_form.html.j2", scale=scale_view(scale))
    assert html.count("<fieldset") == 2 and html.count("<legend") == 2
    assert html.count('type="radio"') == 10
    assert all(radio.startswith("<label") for radio in re.findall(r"<label[^>]*><input", html))
    assert "第 2 题反向计分" in html  # the hand-scoring key names the reverse item
    assert "至少回答 1 题才计算总分" in html
    assert "&lt;b&gt;粗&lt;/b&gt;" in html and "<b>粗</b>" not in html.split("application/json")[0]


def test_inlined_definition_is_json_that_cannot_close_its_script_tag(project: Path) -> None:
    scale = load_catalogue(project).scale("mini-scale")
    html = render("scale_form.html.j2", scale=scale_view(scale))
    payload = re.search(r'<script type="application/json" data-tp-scale-definition>(.*?)</script>', html, re.S)
    assert payload
    assert "<" not in payload.group(1)
    definition = json.loads(payload.group(1))
    assert definition["id"] == "mini-scale" and definition["items"][1]["reverse"] is True
    assert definition["items"][1]["text"] == "第二题 <b>粗</b>"  # exact text; the script shows it as text


def test_every_real_scale_renders_with_its_key_and_sources() -> None:
    for scale in load_catalogue(ROOT).scales:
        view = scale_view(scale)
        html = render("scale_form.html.j2", scale=view)
        assert "计分方法" in html and "方法依据" in html, scale.id
        assert view["key"], scale.id


def test_item_anchors_are_shown_with_each_option() -> None:
    scale = load_catalogue(ROOT).scale("data-driven-maturity")
    html = render("scale_form.html.j2", scale=scale_view(scale))
    first = scale.items[0]
    assert first.anchors
    for anchor in first.anchors:
        assert f'<span class="tp-choice__detail">{anchor}</span>' in html
