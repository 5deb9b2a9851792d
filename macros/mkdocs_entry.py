"""mkdocs-macros entry point (``module_name: macros/mkdocs_entry`` in mkdocs.yml).

mkdocs-macros imports a *package* once and reuses the cached module on every ``mkdocs serve``
rebuild, so edits under ``macros/`` would not show until a restart. It re-executes a *file*
module on every build, so this file purges the package from ``sys.modules`` and imports it afresh.

A data error ends ``mkdocs build`` with the list of problems and no traceback (SystemExit is not
caught by MkDocs' build, so the command exits 1 having published nothing). ``mkdocs serve``
instead prints the problems, shows them on every generated page (each keeps its address) and
keeps watching, so fixing the file brings the site back (see ``macros.site.define_error_env``).
"""

import importlib
import os
import sys
from pathlib import Path
from typing import Any

ROOT = str(Path(__file__).resolve().parent.parent)


def define_env(env: Any) -> None:
    """Reload the ``macros`` package and hand over to ``macros.site.define_env``."""
    for name in [n for n in sys.modules if n == "macros" or n.startswith("macros.")]:
        del sys.modules[name]
    if ROOT not in sys.path:
        sys.path.insert(0, ROOT)
    problems = importlib.import_module("macros.problems")
    site = importlib.import_module("macros.site")
    try:
        site.define_env(env)
    except problems.DataError as error:
        if os.environ.get("COURSE_MKDOCS_COMMAND") != "serve":
            raise SystemExit("\n" + error.report()) from None
        # Printed, not logged through MkDocs' logger: mkdocs.yml sets ``strict: true``, under
        # which any logged error aborts the rebuild, and the pages must show the problems.
        print("\n" + error.report(), file=sys.stderr, flush=True)
        site.define_error_env(env, error.problems)
