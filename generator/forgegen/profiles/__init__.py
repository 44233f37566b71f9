"""Profiles: what each forge's docs say that its spec does not.

``forges`` holds per-forge facts, ``fixes`` repairs documents (through
``documents``, in either format) where spec and server disagree, ``paginate``
marks the ``ir.Operation``s that page. It amends the document or IR; it renders nothing.
"""
