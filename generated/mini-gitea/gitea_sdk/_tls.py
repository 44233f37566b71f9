"""The TLS settings of the clients this package makes: httpx's, read later.

httpx reads its CA bundle (certifi's, or ``SSL_CERT_FILE`` / ``SSL_CERT_DIR``)
when a client is made, which takes ~60 ms: most of the cost of a script's
first call, and all of it wasted on a plain-HTTP server. This context
verifies exactly as httpx's default does, but reads the bundle on its first
TLS connection.
"""

from __future__ import annotations

import os
import ssl
import sys
import threading
from typing import Any

__all__ = ["DeferredContext"]


class DeferredContext(ssl.SSLContext):
    """An ``ssl.SSLContext`` that loads its CA certificates on first use."""

    def __new__(cls) -> DeferredContext:
        return super().__new__(cls, ssl.PROTOCOL_TLS_CLIENT)

    def __init__(self) -> None:
        super().__init__()
        # what ssl.create_default_context() sets, apart from the certificates
        if sys.version_info >= (3, 13):
            self.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN | ssl.VERIFY_X509_STRICT
        keylog = os.environ.get("SSLKEYLOGFILE")
        if keylog and not sys.flags.ignore_environment:
            self.keylog_filename = keylog
        # the same choice as httpx's, made now, so that the environment of
        # the moment the client was made decides
        self._cafile = os.environ.get("SSL_CERT_FILE") or None
        self._capath = None if self._cafile else os.environ.get("SSL_CERT_DIR") or None
        self._loaded = False
        self._lock = threading.Lock()

    def _load(self) -> None:
        with self._lock:
            if self._loaded:
                return
            if self._cafile is None and self._capath is None:
                import certifi  # httpx's own dependency

                self.load_verify_locations(cafile=certifi.where())
            else:
                self.load_verify_locations(cafile=self._cafile, capath=self._capath)
            self._loaded = True

    def wrap_socket(self, *args: Any, **kwargs: Any) -> ssl.SSLSocket:
        self._load()
        return super().wrap_socket(*args, **kwargs)

    def wrap_bio(self, *args: Any, **kwargs: Any) -> ssl.SSLObject:
        self._load()
        return super().wrap_bio(*args, **kwargs)
