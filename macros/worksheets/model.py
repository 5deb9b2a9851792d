"""A worksheet definition is one of the kinds, told apart by its ``kind`` field."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .blueprint import Blueprint
from .crisis import CrisisToolkit
from .emotion import EmotionMap
from .journey import JourneyMap
from .kpi import KpiCalculator

KINDS = ("journey_map", "blueprint", "kpi", "emotion_map", "crisis")
Worksheet = Annotated[
    JourneyMap | Blueprint | KpiCalculator | EmotionMap | CrisisToolkit,
    Field(discriminator="kind"),
]
# The widget (macros/widgets.py) that makes each kind live.
WIDGETS = {kind: "ws-" + kind.replace("_", "-") for kind in KINDS}
