"""Handouts: the participant workbook and the trainer guide, as pages of the built site that
Chromium prints to PDF (``course handouts``, ``make handouts CURRICULUM=<id>``).

- the workbook: a cover, the agenda (in a curriculum's build), then every worksheet and every
  scale of the site as its blank paper version, each scale with its scoring key;
- the trainer guide (only in a trainer's build, so a participant's site never holds it): the
  agenda, each chapter's and each case's facilitator notes, and the scoring keys.

Both are plain pages (no script runs; the paper versions are the server-rendered ones), so what
Chromium prints is exactly the markup here. Chromium embeds the fonts it uses (Noto CJK on a
Debian machine), so the Chinese text stays text in the PDF.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from .catalogue import Catalogue
from .curricula.model import Curriculum
from .curricula.views import agenda_view
from .scale_views import scale_view
from .views import facilitator_view
from .worksheets.model import WIDGETS
from .worksheets.views import worksheet_view

HANDOUTS_DIR = "handouts"
WORKBOOK_PAGE = f"{HANDOUTS_DIR}/workbook.md"
TRAINER_PAGE = f"{HANDOUTS_DIR}/trainer.md"


def workbook_view(catalogue: Catalogue, curriculum: Curriculum | None, directory_urls: bool) -> dict[str, Any]:
    """The participant workbook: cover, agenda, blank worksheets and scales with their keys."""
    return {
        "title": curriculum.title if curriculum else "触点营销",
        "client": curriculum.client if curriculum else "",
        "agenda": agenda_view(curriculum, catalogue, directory_urls) if curriculum else None,
        "worksheets": [worksheet_view(w, catalogue, directory_urls) for w in catalogue.worksheets],
        "scales": [scale_view(s) for s in catalogue.scales],
        "widgets": ["scale-form", *(WIDGETS[w.kind] for w in catalogue.worksheets)],
    }


def trainer_view(catalogue: Catalogue, curriculum: Curriculum | None, directory_urls: bool) -> dict[str, Any]:
    """The trainer guide: agenda, every chapter's and case's notes, the scoring keys."""
    notes = dict(catalogue.chapter_notes)
    return {
        **workbook_view(catalogue, curriculum, directory_urls),
        "chapters": [
            {"label": chapter.label, "title": chapter.title, "notes": facilitator_view(notes.get(cid))}
            for cid, chapter in catalogue.chapters
        ],
        "cases": [
            {"title": case.company.zh, "notes": facilitator_view(case.facilitator, list(case.trainer_notes))}
            for case in catalogue.cases
        ],
    }


def chromium() -> str | None:
    """Debian's chromium (or another Chromium) on this machine, if any."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def print_pdf(page: Path, out: Path, browser: str) -> None:
    """Print a built page to PDF with headless Chromium (no network: the page is a local file)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--no-pdf-header-footer",
            f"--print-to-pdf={out}",
            page.resolve().as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
