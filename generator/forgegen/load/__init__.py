"""Load: a spec's location (a file, ``-``, or an instance URL) → ``SpecSource``.

Reads, downloads (with discovery under an instance root) and parses JSON or
YAML within firm limits of size, time and depth. It never interprets the spec
beyond checking that it is one: that is ``validate``'s and ``parse``'s job.
"""
