"""Profiles: what each forge's docs say that its spec does not.

``forges`` holds per-forge facts (auth, OTP header, sudo), ``fixes`` repairs
documents where a spec and its server disagree, ``paginate`` marks the
``ir.Operation``s that page. It amends the document or IR; it renders nothing.
"""
