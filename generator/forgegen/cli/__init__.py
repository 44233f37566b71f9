"""CLI: the ``forgegen`` command line, on top of the pipeline and ``release``.

Click commands, their options and exit codes, and progress output; every
stage's errors become one-line messages here. It holds no pipeline logic.
"""

from forgegen.cli.commands import cli, main

__all__ = ["cli", "main"]
