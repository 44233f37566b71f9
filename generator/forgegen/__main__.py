"""``python -m forgegen``: the same command line as ``forgegen``."""

from forgegen.cli import main

main()
