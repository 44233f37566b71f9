"""Format: rendered files → the same files formatted by black or ruff.

``formatters`` picks the formatter and caches results by content hash;
``with_black`` formats modules in pieces (``chunks``) across worker
processes, ``with_ruff`` runs ruff once. It changes layout only, never code.
"""
