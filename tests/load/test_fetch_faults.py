"""``forgegen build --spec URL`` against local servers that misbehave in every way a
forge, a proxy or the network can: each fault is one line that names the URL,
says what happened and gives a hint, exits with the documented code, and leaves
no output folder behind.

Every server listens on 127.0.0.1 on a port the OS picks; a host that must not
resolve is refused by a patched resolver, so nothing leaves the machine.
(tests/test_source.py covers the same faults one level down, in ``source.load``.)
"""

from __future__ import annotations

import gzip
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from forgegen.cli.commands import cli

from certs import self_signed as certificate_in
from certs import server_context

SPEC = b'{"swagger": "2.0", "info": {"title": "T", "version": "1"}, "paths": {}}'
LOGIN_PAGE = b"<!DOCTYPE html><html><head><title>Sign In - Gitea</title></head></html>"
ENABLE_SWAGGER = "ENABLE_SWAGGER = false"

Action = Callable[["Handler"], None]


class Server(ThreadingHTTPServer):
    daemon_threads = False  # server_close() waits for every handler

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.routes: dict[str, Action] = {}
        self.stop = threading.Event()
        if tls is not None:
            self.socket = tls.wrap_socket(self.socket, server_side=True)

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients that hang up, and TLS handshakes that fail, are the point

    @property
    def url(self) -> str:
        scheme = "https" if isinstance(self.socket, ssl.SSLSocket) else "http"
        return f"{scheme}://127.0.0.1:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    server: Server

    def do_GET(self) -> None:
        action = self.server.routes.get(self.path.split("?")[0], reply(404, b"Not Found"))
        action(self)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def reply(
    status: int,
    body: bytes,
    content_type: str = "application/json",
    length: int | None = None,
    **headers: str,
) -> Action:
    def act(handler: Handler) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body) if length is None else length))
        for name, value in headers.items():
            handler.send_header(name.replace("_", "-"), value)
        handler.end_headers()
        handler.wfile.write(body)

    return act


def redirect(to: str) -> Action:
    return reply(302, b"", Location=to)


def stall(handler: Handler) -> None:
    handler.server.stop.wait(10)


@pytest.fixture
def serve() -> Iterator[Callable[..., Server]]:
    """Start servers on demand; stop them all after the test."""
    started: list[tuple[Server, threading.Thread]] = []

    def start(tls: ssl.SSLContext | None = None) -> Server:
        server = Server(tls)
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
        thread.start()
        started.append((server, thread))
        return server

    yield start
    for server, thread in started:
        server.stop.set()
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def server(serve: Callable[..., Server]) -> Server:
    started: Server = serve()
    return started


def fetch_fails(url: str, tmp_path: Path, code: int, *parts: str, timeout: str = "5") -> str:
    """Build from ``url`` and expect one error line holding ``parts``, exit ``code``,
    and nothing written. Returns the line."""
    out = tmp_path / "parent" / "sdk"
    args = ["build", "-q", "--spec", url, "--out", str(out), "--timeout", timeout]
    result = CliRunner().invoke(cli, args, prog_name="forgegen")
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == code, result.output
    lines = result.output.splitlines()
    assert len(lines) == 1, result.output
    line = lines[0]
    assert line.startswith("Error: http"), line
    assert "; hint: " in line, line
    for part in parts:
        assert part in line, line
    assert not out.exists() and not out.parent.exists()
    return line


# --- the network ----------------------------------------------------------------------------


def test_connection_refused(tmp_path: Path) -> None:
    with socket.socket() as sock:  # a port that was free a moment ago
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/swagger.v1.json"
    fetch_fails(url, tmp_path, 3, f"{url}: connection refused", "is the forge running")


def test_dns_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    looked_up: list[str] = []

    def no_such_host(host: Any, *args: Any, **kwargs: Any) -> Any:
        looked_up.append(str(host))
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    fetch_fails(
        "https://forge.invalid/git",
        tmp_path,
        3,
        # The URL names no file, so it is tried as the spec itself first.
        "https://forge.invalid/git: cannot resolve the host name",
        "check the host name",
    )
    assert looked_up == ["forge.invalid"]


def test_timeout(server: Server, tmp_path: Path) -> None:
    server.routes["/swagger.v1.json"] = stall
    url = server.url + "/swagger.v1.json"
    fetch_fails(url, tmp_path, 3, f"{url}: no complete answer in 0.5 s", timeout="0.5")


def test_tls_handshake_fails(server: Server, tmp_path: Path) -> None:
    url = server.url.replace("http:", "https:") + "/swagger.v1.json"
    fetch_fails(url, tmp_path, 3, f"{url}: TLS handshake failed", "try http://")


@pytest.fixture
def self_signed(tmp_path: Path) -> ssl.SSLContext:
    return server_context(*certificate_in(tmp_path))


def test_untrusted_certificate(
    serve: Callable[..., Server], self_signed: ssl.SSLContext, tmp_path: Path
) -> None:
    server = serve(self_signed)
    server.routes["/swagger.v1.json"] = reply(200, SPEC)
    url = server.url + "/swagger.v1.json"
    assert url.startswith("https://")
    fetch_fails(url, tmp_path, 3, f"{url}: TLS certificate not trusted", "SSL_CERT_FILE")


# --- what the server answers ----------------------------------------------------------------


def test_redirect_loop(server: Server, tmp_path: Path) -> None:
    server.routes["/a.json"] = redirect("/b.json")
    server.routes["/b.json"] = redirect("/a.json")
    a, b = server.url + "/a.json", server.url + "/b.json"
    fetch_fails(a, tmp_path, 3, f"{a}: redirect loop ({a} -> {b} -> {a})", "misconfigured")


def test_too_many_redirects(server: Server, tmp_path: Path) -> None:
    for hop in range(10):
        server.routes[f"/r{hop}.json"] = redirect(f"/r{hop + 1}.json")
    url = server.url + "/r0.json"
    fetch_fails(url, tmp_path, 3, f"{url}: more than 5 redirects", "pass the final URL")


def test_redirect_to_a_local_file_is_not_followed(server: Server, tmp_path: Path) -> None:
    server.routes["/swagger.v1.json"] = redirect("file:///etc/passwd")
    url = server.url + "/swagger.v1.json"
    fetch_fails(url, tmp_path, 3, f"{url}: redirected to 'file:/etc/passwd'", "http and https")


@pytest.mark.parametrize("status", [401, 403])
def test_sign_in_required(server: Server, tmp_path: Path, status: int) -> None:
    server.routes["/swagger.v1.json"] = reply(status, b'{"message": "token is required"}')
    url = server.url + "/swagger.v1.json"
    fetch_fails(url, tmp_path, 3, f"{url}: HTTP {status}", "the instance requires sign-in")


def test_404_at_an_instance_root_says_swagger_may_be_disabled(
    server: Server, tmp_path: Path
) -> None:
    root = server.url + "/git/"
    fetch_fails(
        root,
        tmp_path,
        3,
        f"{root}: no API spec found (404 for {root}swagger.v1.json and {root}openapi3.v1.json)",
        ENABLE_SWAGGER,
    )


def test_404_for_a_spec_url_says_swagger_may_be_disabled(server: Server, tmp_path: Path) -> None:
    url = server.url + "/swagger.v1.json"
    fetch_fails(url, tmp_path, 3, f"{url}: HTTP 404 Not Found", ENABLE_SWAGGER)


@pytest.mark.parametrize("status", [500, 502, 503])
def test_server_errors(server: Server, tmp_path: Path, status: int) -> None:
    server.routes["/swagger.v1.json"] = reply(status, b"upstream down", "text/plain")
    url = server.url + "/swagger.v1.json"
    fetch_fails(url, tmp_path, 3, f"{url}: HTTP {status}", "the server failed", "try later")


def test_login_page_instead_of_a_spec(server: Server, tmp_path: Path) -> None:
    server.routes["/swagger.v1.json"] = redirect("/user/login?redirect_to=%2Fswagger.v1.json")
    server.routes["/user/login"] = reply(200, LOGIN_PAGE, "text/html; charset=utf-8")
    login = server.url + "/user/login?redirect_to=%2Fswagger.v1.json"
    fetch_fails(server.url, tmp_path, 3, f"{login}: got an HTML page (a login page?)")


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        (SPEC[:30], "application/json", "truncated JSON (it ends early) at line 1, column 29"),
        (b'{"swagger": "2.0",,}', "application/json", "invalid JSON at line 1, column 19"),
        (b"\x1f\x8b\x08\x00garbage", "application/octet-stream", "not UTF-8 (byte 0x8b"),
        (b"{{{ nope", "application/octet-stream", "sent application/octet-stream); hint"),
        (b"", "application/json", "the document is empty"),
        (b"Please sign in", "text/html", "got an HTML page"),
    ],
    ids=["truncated", "invalid", "binary", "wrong-type", "empty", "html-type"],
)
def test_bodies_that_are_not_json(
    server: Server, tmp_path: Path, body: bytes, content_type: str, expected: str
) -> None:
    server.routes["/swagger.v1.json"] = reply(200, body, content_type)
    url = server.url + "/swagger.v1.json"
    fetch_fails(url, tmp_path, 3, f"Error: {url}: ", expected)


def test_json_that_is_not_a_spec_exits_4(server: Server, tmp_path: Path) -> None:
    server.routes["/swagger.v1.json"] = reply(200, b'{"message": "not found", "url": "/"}')
    url = server.url + "/swagger.v1.json"
    fetch_fails(url, tmp_path, 4, f"{url}: not an API spec")


def test_connection_cut_mid_body(server: Server, tmp_path: Path) -> None:
    server.routes["/swagger.v1.json"] = reply(200, SPEC[:20], length=len(SPEC))
    url = server.url + "/swagger.v1.json"
    fetch_fails(url, tmp_path, 3, f"{url}: the download failed")


def test_declared_size_over_the_cap(server: Server, tmp_path: Path) -> None:
    server.routes["/swagger.v1.json"] = reply(200, b" " * 2_000_000)
    url = server.url + "/swagger.v1.json"
    out = tmp_path / "sdk"
    args = ["build", "-q", "--spec", url, "--out", str(out), "--max-size", "1"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 3
    hint = "hint: if it is real, raise --max-size"
    assert result.output == f"Error: {url}: the document is over 1048576 bytes; {hint}\n"


def test_gzip_bomb_is_capped_after_decoding(server: Server, tmp_path: Path) -> None:
    bomb = gzip.compress(b"{" + b" " * 20_000_000)  # 20 MB of spaces in about 20 KB
    server.routes["/swagger.v1.json"] = reply(200, bomb, Content_Encoding="gzip")
    url = server.url + "/swagger.v1.json"
    out = tmp_path / "sdk"
    args = ["build", "-q", "--spec", url, "--out", str(out), "--max-size", "1"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 3, result.output
    assert f"{url}: the document is over 1048576 bytes" in result.output
    assert not out.exists()
