"""The course's worksheets (工具): one YAML file per worksheet in ``tools/worksheets/``.

- ``base``: what every worksheet definition has (id, version, title, sources, …) and the data
  spec types (what a saved or exported worksheet may hold).
- ``files``: the worksheet file: its model, the one check shared with the browser
  (``docs/javascripts/ws-file.js``), parity-tested.
- one module per kind (``journey``, ``blueprint``, ``kpi``, ``emotion``, ``crisis``): the
  definition model, its own checks, its data spec and its page payload.
- ``model``: the union of the kinds, as the loader validates a file.
- ``views``: the page payload and the paper version's view.
"""
