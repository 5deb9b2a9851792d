"""Course-site data pipeline: YAML → validated models → views → templates → pages.

Modules: ``yamlsource`` (line-aware YAML), ``problems`` (error records), ``models`` (shapes),
``catalogue`` (load and cross-check everything), ``views`` (model → dict), ``render`` (Jinja),
``pages`` (generated Markdown and nav), ``vendor`` (npm files into the docs), ``site``
(the mkdocs-macros adapter), ``cli`` (the ``course`` command), ``schema`` (editor schemas).
"""
