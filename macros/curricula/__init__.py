"""Curricula (课程方案): one YAML file per trainer's variant of the course in ``curricula/``.

- ``model``: the curriculum (days, sessions with start times, activities with method and minutes),
  its own checks and the method mix measured against the brief's 20/30/40/10.
"""
