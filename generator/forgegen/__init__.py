"""forgegen: typed Python SDKs from the API specs that forges publish."""

__version__ = "0.1.0"

__all__ = ["__version__"]
