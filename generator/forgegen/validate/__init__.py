"""Validate: a spec document → diagnostics, each at its absolute JSON pointer.

openapi-spec-validator does the checking (``validator``); ``verdicts`` caches
the result by the spec's SHA-256 and runs it in child processes beside the
rest of the build. It reads the document and never changes it.
"""
