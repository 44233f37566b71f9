"""forgegen: typed Python SDKs from the API specs that forges publish.

The pipeline, one package per stage in the order the data flows: ``load`` →
``validate`` → ``parse`` (into ``ir``) → ``profiles`` → ``render`` → ``format`` →
``write``; ``build`` runs it, ``release`` and ``cli`` sit on top.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
