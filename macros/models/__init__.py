"""Typed models: the single source of truth for the shape of every data file.

JSON Schemas for editors are generated from these (``course schema``); a test fails when the
committed schemas drift from the models.
"""

from .case import Case, JourneyStage, Touchpoint
from .chapter import Chapter

__all__ = ["Case", "Chapter", "JourneyStage", "Touchpoint"]
