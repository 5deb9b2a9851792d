"""MkDocs hook (``hooks:`` in mkdocs.yml): remember whether this process builds or serves.

``mkdocs build`` must stop on a data error; ``mkdocs serve`` must keep running and show the
errors instead, because its rebuild loop stops for good when a build raises SystemExit and
prints a traceback for any other exception.
"""

import os

COMMAND_VARIABLE = "COURSE_MKDOCS_COMMAND"


def on_startup(command: str, dirty: bool) -> None:
    """Called once per process, before the first build."""
    os.environ[COMMAND_VARIABLE] = command
