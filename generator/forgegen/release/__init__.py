"""Release: two ``ir.Api``s → what changed for callers; config files → build targets.

``diff`` (with ``diff_ops``, ``changes``, ``diff_report``) classifies changes
and reports them, ``changelog`` writes them into the SDK, ``config`` and
``batch`` build many targets. It sits on top of the pipeline and never renders.
"""
