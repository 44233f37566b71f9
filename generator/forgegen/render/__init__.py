"""Render: ``ir.Api`` + a forge profile → the generated project's files as text.

One Jinja environment (``package``) renders views of the IR (``views``,
``pycode``) already laid out as black would (``layout``). It reads no spec
document and writes no file.
"""
