"""TLS in the generated clients: verified as httpx verifies, the CA bundle read late.

A local HTTPS server with a certificate of its own: trusted through
``SSL_CERT_FILE``, refused without it (certifi's bundle does not know it),
and the bundle not read until the first TLS connection, sync and async.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from certs import self_signed, server_context
from sdk import REPO, build_sdk

PACKAGE = "tls_sdk"

# Makes a client, reports how many CA certificates its context holds, calls
# /version, and reports again: JSON on stdout. Run in a fresh interpreter.
PROBE = r"""
import asyncio, json, sys
sys.path.insert(0, sys.argv[1])
import tls_sdk

def held(client):
    # httpx keeps the context it was given on its transport's pool
    return client._http._transport._pool._ssl_context.cert_store_stats()["x509_ca"]

def sync(url):
    with tls_sdk.Client(url) as client:
        before = held(client)
        try:
            answer = client.miscellaneous.get_version().version
        except tls_sdk.TransportError as exc:
            answer = "TransportError: " + str(exc)
        return before, answer, held(client)

async def asynchronous(url):
    async with tls_sdk.AsyncClient(url) as client:
        before = held(client)
        try:
            answer = (await client.miscellaneous.get_version()).version
        except tls_sdk.TransportError as exc:
            answer = "TransportError: " + str(exc)
        return before, answer, held(client)

url = sys.argv[2]
print(json.dumps({"sync": sync(url), "async": asyncio.run(asynchronous(url))}))
"""


class _Version(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        body = json.dumps({"version": "1.22.0"}).encode()
        self.send_response(200 if self.path == "/api/v1/version" else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return self_signed(tmp_path_factory.mktemp("tls"))


@pytest.fixture(scope="module")
def https_url(certificate: tuple[Path, Path]) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Version)
    server.socket = server_context(*certificate).wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"https://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sdk(REPO / "specs" / "mini-gitea.json", tmp_path_factory.mktemp("sdk"), PACKAGE)


def _probe(out: Path, url: str, **env: str) -> dict[str, list[object]]:
    clean = {k: v for k, v in os.environ.items() if k not in ("SSL_CERT_FILE", "SSL_CERT_DIR")}
    ran = subprocess.run(
        [sys.executable, "-c", PROBE, str(out), url],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert ran.returncode == 0, ran.stderr[-3000:]
    report: dict[str, list[object]] = json.loads(ran.stdout)
    return report


def test_a_trusted_certificate_is_read_on_the_first_connection_not_before(
    out: Path, https_url: str, certificate: tuple[Path, Path]
) -> None:
    report = _probe(out, https_url, SSL_CERT_FILE=str(certificate[0]))
    assert report == {"sync": [0, "1.22.0", 1], "async": [0, "1.22.0", 1]}


def test_an_unknown_certificate_is_refused_as_httpx_refuses_it(out: Path, https_url: str) -> None:
    report = _probe(out, https_url)
    for flavour in ("sync", "async"):
        before, answer, after = report[flavour]
        assert before == 0
        assert isinstance(answer, str) and answer.startswith("TransportError: ")
        assert "CERTIFICATE_VERIFY_FAILED" in answer, answer
        assert isinstance(after, int) and after > 100  # certifi's bundle, read on the handshake


def test_plain_http_never_reads_a_bundle(out: Path) -> None:
    report = _probe(out, "http://127.0.0.1:9")  # nothing listens there
    for flavour in ("sync", "async"):
        assert report[flavour][0] == report[flavour][2] == 0
