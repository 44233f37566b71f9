"""The source stage: files, stdin and URLs, against real local HTTP servers.

Every server here listens on 127.0.0.1 on a port the OS picks and is stopped by
its fixture; nothing touches any other network.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import random
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from forgegen.errors import SourceError, SpecError
from forgegen.load.source import SpecSource, load

SPEC = {"swagger": "2.0", "info": {"title": "Tiny", "version": "1.25.4"}, "paths": {}}
SPEC_BYTES = json.dumps(SPEC).encode()
OAS3 = {"openapi": "3.0.3", "info": {"title": "Gogs API", "version": "v1"}, "paths": {}}
LOGIN_PAGE = b"<!DOCTYPE html>\n<html><head><title>Sign In - Gitea</title></head></html>"


# --- a tiny forge ---------------------------------------------------------------------------


@dataclass
class Reply:
    status: int = 200
    body: bytes = SPEC_BYTES
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    length: int | None = None  # Content-Length to declare; None: the body's, -1: none
    action: Callable[[Handler], None] | None = None  # for replies that misbehave


class Server(ThreadingHTTPServer):
    daemon_threads = False  # so server_close() waits for every handler

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.routes: dict[str, Reply] = {}
        self.hits: list[str] = []
        self.sent = 0  # bytes an endless reply wrote before the client hung up
        self.ended = threading.Event()
        self.stop = threading.Event()

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hangs up early is what several tests are about


class Handler(BaseHTTPRequestHandler):
    server: Server

    def do_GET(self) -> None:
        self.server.hits.append(self.path)
        reply = self.server.routes.get(self.path, Reply(404, b"Not found", "text/plain"))
        if reply.action is not None:
            reply.action(self)
            return
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        length = len(reply.body) if reply.length is None else reply.length
        if length >= 0:
            self.send_header("Content-Length", str(length))
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(reply.body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class Forge:
    def __init__(self, server: Server) -> None:
        self.server = server
        self.base = f"http://127.0.0.1:{server.server_address[1]}"

    def url(self, path: str = "/") -> str:
        return self.base + path

    def route(self, path: str, reply: Reply | None = None, **fields: Any) -> None:
        self.server.routes[path] = reply or Reply(**fields)

    def redirect(self, path: str, to: str, status: int = 302) -> None:
        self.route(path, status=status, body=b"", headers={"Location": to})

    @property
    def hits(self) -> list[str]:
        return self.server.hits


@pytest.fixture
def forge() -> Iterator[Forge]:
    server = Server()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield Forge(server)
    finally:
        server.stop.set()  # releases handlers that stall on purpose
        server.shutdown()
        server.server_close()
        thread.join()


def fails(spec: str, *expected: str, exit_code: int = 3, **options: Any) -> str:
    """Load and expect one clean error line holding every ``expected`` part:
    a SourceError (exit 3), or a SpecError (exit 4) for a document that was
    read but is not a spec."""
    with pytest.raises((SourceError, SpecError)) as info:
        load(spec, **options)
    message: str = info.value.message
    assert info.value.exit_code == exit_code
    assert "\n" not in message and "; hint: " in message, message
    for part in expected:
        assert part in message, message
    return message


# --- files and stdin ------------------------------------------------------------------------


def test_json_file(tmp_path: Path) -> None:
    path = tmp_path / "spec.json"
    path.write_bytes(SPEC_BYTES)
    source = load(str(path))
    assert source == SpecSource(
        SPEC, str(path), hashlib.sha256(SPEC_BYTES).hexdigest(), len(SPEC_BYTES), "1.25.4"
    )


def test_yaml_file_keeps_json_types(tmp_path: Path) -> None:
    text = "openapi: 3.0.3\ninfo: {title: T, version: 2024-01-02}\npaths: {}\nx: {200: ok}\n"
    path = tmp_path / "spec.txt"  # the content decides, not the extension
    path.write_text(text)
    source = load(str(path))
    assert source.document["x"] == {"200": "ok"}
    assert source.server_version == "2024-01-02"


def test_stdin() -> None:
    source = load("-", stdin=io.BytesIO(b"\n  " + SPEC_BYTES))
    assert source.origin == "<stdin>" and source.document == SPEC


def test_missing_file_and_directory(tmp_path: Path) -> None:
    fails(str(tmp_path / "nope.json"), str(tmp_path / "nope.json"), "no such file")
    fails(str(tmp_path), str(tmp_path), "is a directory")


def test_file_over_the_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(SPEC_BYTES + b" " * 100)
    fails(
        str(path), str(path), f"over {len(SPEC_BYTES) + 50} bytes", max_bytes=len(SPEC_BYTES) + 50
    )
    fails("-", "<stdin>", "over 10 bytes", stdin=io.BytesIO(SPEC_BYTES), max_bytes=10)


@pytest.mark.parametrize(
    ("body", "expected", "exit_code"),
    [
        (b'{"swagger": "2.0", "info": {', "truncated JSON (it ends early) at line 1, column 29", 3),
        (
            b'{"swagger": "2.0",\n "x": "abc',
            "truncated JSON (it ends early) at line 2, column 7",
            3,
        ),
        (b"{'swagger': '2.0'}", "invalid JSON at line 1, column 2", 3),
        (b"swagger: '2.0'\npaths: [1\n", "invalid YAML at line 3, column 1", 3),
        (b"a: b\n---\nc: d\n", "invalid YAML at line 2, column 1", 3),
        (b'{"hello": 1}', 'no "swagger" or "openapi"', 4),
        (b"[1, 2]", "got a list", 4),
        (b"just words", "got a str", 4),
        (b"swagger: 2.0\n", "unsupported swagger: 2.0 (a number: quote it)", 4),
        (b'{"swagger": "1.2"}', "unsupported swagger: '1.2'", 4),
        (b"  \n", "the document is empty", 3),
        (b'{"swagger": "2.0", "x": "\xff"}', "not UTF-8 (byte 0xff at offset 25)", 3),
        (b"&a [*a]", "contains itself through an alias", 3),
    ],
)
def test_documents_that_are_not_specs(body: bytes, expected: str, exit_code: int) -> None:
    fails("-", "<stdin>: ", expected, exit_code=exit_code, stdin=io.BytesIO(body))


def test_yaml_python_tag_is_refused() -> None:
    body = b"swagger: '2.0'\nx: !!python/object/apply:os.system ['echo owned']\n"
    fails("-", "python/object", "line 2, column 4", stdin=io.BytesIO(body))


def test_yaml_billion_laughs_is_refused_quickly() -> None:
    lines = ["swagger: '2.0'", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    started = time.monotonic()
    fails("-", "YAML alias bomb", stdin=io.BytesIO("\n".join(lines).encode()))
    assert time.monotonic() - started < 1.0


def test_yaml_merge_key_bomb_is_refused() -> None:
    lines = ["a: &a {k: v}"]
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} {{<<: [{', '.join(['*' + prev] * 9)}]}}")
    fails("-", "YAML alias bomb", stdin=io.BytesIO("\n".join(lines).encode()), max_bytes=100_000)


@pytest.mark.parametrize("levels", [300, 20_000])
def test_deep_nesting_is_refused(levels: int) -> None:
    body = b'{"swagger": "2.0", "x": ' + b"[" * levels + b"]" * levels + b"}"
    fails("-", "nested too deeply", stdin=io.BytesIO(body))
    fails("-", "nested too deeply", stdin=io.BytesIO(b"x: " + b"[" * levels + b"]" * levels))


@pytest.mark.parametrize("levels", [255, 256, 257])
def test_json_nesting_is_judged_at_the_limit_as_yaml_is(levels: int) -> None:
    # An empty array counts as a value, not a level: the object and 255 arrays
    # around an empty one are the most that pass.
    arrays = b"[" * levels + b"]" * levels
    for body in (b'{"x": ' + arrays + b', "swagger": "2.0"}', b"swagger: '2.0'\nx: " + arrays):
        if levels <= 256:
            assert load("-", stdin=io.BytesIO(body)).document["swagger"] == "2.0"
        else:
            fails("-", "nested too deeply", stdin=io.BytesIO(body))


def test_the_quick_json_check_agrees_with_the_full_walk() -> None:
    from forgegen.load.source import _measure, _tree_fits

    rng = random.Random(17)

    def tree(level: int) -> Any:
        kind = rng.choice("dlsde" if level < 7 else "s")
        children = [tree(level + 1) for _ in range(rng.randrange(4))] if kind in "dl" else []
        if kind == "d":
            return {str(i): child for i, child in enumerate(children)}
        return children if kind == "l" else ("s" if kind == "s" else [])

    for _ in range(400):
        document, depth, budget = tree(0), rng.randrange(1, 8), rng.randrange(1, 60)
        try:
            _measure(document, "x", depth, budget)
            within = True
        except SourceError:
            within = False
        assert _tree_fits(document, depth, budget) is within, (document, depth, budget)


def test_json_with_more_values_than_its_size_allows_is_refused() -> None:
    # Two bytes a value: a quarter of the size cap in values is the most a document holds.
    values = b"[" + b",".join([b"1"] * 30_000) + b"]"
    body = b'{"swagger": "2.0", "info": {}, "x": ' + values + b"}"
    fails("-", "over 25000 values", stdin=io.BytesIO(body), max_bytes=100_000)
    assert load("-", stdin=io.BytesIO(body), max_bytes=200_000).document["swagger"] == "2.0"


def test_nesting_within_the_limit_is_fine() -> None:
    body = b'{"swagger": "2.0", "x": ' + b"[" * 200 + b"]" * 200 + b"}"
    assert load("-", stdin=io.BytesIO(body)).document["swagger"] == "2.0"


# --- URLs -----------------------------------------------------------------------------------


def test_instance_root_discovers_swagger_json(forge: Forge) -> None:
    forge.route("/swagger.v1.json")
    said: list[str] = []
    source = load(forge.url("/"), progress=said.append)
    assert source.origin == forge.url("/swagger.v1.json")
    assert source.document == SPEC and source.server_version == "1.25.4"
    # The URL itself first: it might have been the spec under another name.
    assert said == [f"fetching {forge.url('/')}", f"fetching {forge.url('/swagger.v1.json')}"]


@pytest.mark.parametrize("root", ["/git/", "/git", "/git/api/swagger"])
def test_sub_path_root(forge: Forge, root: str) -> None:
    forge.route("/git/swagger.v1.json")
    assert load(forge.url(root)).origin == forge.url("/git/swagger.v1.json")
    assert forge.hits == [root, "/git/swagger.v1.json"]


def test_falls_back_to_openapi3(forge: Forge) -> None:
    forge.route("/openapi3.v1.json", body=json.dumps(OAS3).encode())
    source = load(forge.url())
    assert source.document == OAS3 and source.server_version == "v1"
    assert forge.hits == ["/", "/swagger.v1.json", "/openapi3.v1.json"]


def test_a_spec_url_without_a_json_suffix_is_read_as_the_spec(forge: Forge) -> None:
    # /swagger.v1 behind a proxy, or a ?raw=1 link: the document itself, no discovery.
    forge.route("/swagger.v1")
    forge.route("/raw/spec?raw=1")
    assert load(forge.url("/swagger.v1")).document == SPEC
    assert load(forge.url("/raw/spec?raw=1")).document == SPEC
    assert forge.hits == ["/swagger.v1", "/raw/spec?raw=1"]


def test_an_html_page_with_no_spec_under_it_says_so(forge: Forge) -> None:
    forge.route("/home", body=b"<!DOCTYPE html><html>Welcome</html>", content_type="text/html")
    fails(
        forge.url("/home"),
        f"{forge.url('/home')}: got an HTML page, not a spec, and no API spec under it",
        forge.url("/home/swagger.v1.json"),
    )
    assert forge.hits == ["/home", "/home/swagger.v1.json", "/home/openapi3.v1.json"]


def test_an_instance_home_page_leads_to_its_spec(forge: Forge) -> None:
    forge.route("/", body=b"<html><body>Gitea</body></html>", content_type="text/html")
    forge.route("/swagger.v1.json")
    assert load(forge.url("/")).document == SPEC
    assert forge.hits == ["/", "/swagger.v1.json"]


def test_a_gitea_serving_both_formats_gives_its_swagger(forge: Forge) -> None:
    # Gitea 1.27 serves /swagger.v1.json and /openapi3.v1.json side by side.
    forge.route("/swagger.v1.json")
    forge.route("/openapi3.v1.json", body=json.dumps(OAS3).encode())
    source = load(forge.url())
    assert source.origin == forge.url("/swagger.v1.json")
    # the root is tried as the spec first, then /swagger.v1.json wins over the OpenAPI 3 one
    assert forge.hits == ["/", "/swagger.v1.json"]


def test_direct_yaml_url_with_wrong_content_type(forge: Forge) -> None:
    forge.route(
        "/spec.yaml", body=b"openapi: 3.0.3\ninfo: {version: '1'}\n", content_type="text/plain"
    )
    assert load(forge.url("/spec.yaml")).document["openapi"] == "3.0.3"


def test_follows_a_redirect_and_records_the_final_url(forge: Forge) -> None:
    forge.redirect("/old/swagger.v1.json", "/new/swagger.v1.json", 301)
    forge.route("/new/swagger.v1.json")
    assert load(forge.url("/old")).origin == forge.url("/new/swagger.v1.json")


def test_credentials_are_masked_in_the_origin(forge: Forge) -> None:
    forge.route("/spec.json?token=abc&page=1")
    url = forge.url("/spec.json?token=abc&page=1").replace("http://", "http://alice:s3cret@")
    origin = load(url).origin
    assert "s3cret" not in origin and "abc" not in origin
    assert origin.endswith("/spec.json?token=***&page=1") and "alice:***@" in origin


def test_discovery_404_hints_at_enable_swagger(forge: Forge) -> None:
    fails(forge.url("/git/"), forge.url("/git/"), "ENABLE_SWAGGER = false", "openapi3.v1.json")


def test_direct_404(forge: Forge) -> None:
    fails(forge.url("/nope.json"), forge.url("/nope.json"), "HTTP 404 Not Found")


@pytest.mark.parametrize("status", [401, 403])
def test_sign_in_required(forge: Forge, status: int) -> None:
    forge.route("/swagger.v1.json", status=status, body=b"{}")
    fails(forge.url(), forge.url("/swagger.v1.json"), f"HTTP {status}", "requires sign-in")


def test_server_error(forge: Forge) -> None:
    forge.route("/swagger.v1.json", status=500, body=b"oops", content_type="text/plain")
    fails(forge.url(), forge.url("/swagger.v1.json"), "HTTP 500 Internal Server Error")


def test_login_page_instead_of_a_spec(forge: Forge) -> None:
    # What a sign-in-only instance does: redirect to its login form, answer 200 with HTML.
    forge.redirect("/swagger.v1.json", "/user/login")
    forge.route("/user/login", body=LOGIN_PAGE, content_type="text/html; charset=utf-8")
    fails(forge.url(), forge.url("/user/login"), "HTML page")


def test_html_content_type_without_markup(forge: Forge) -> None:
    forge.route("/spec.json", body=b"Please sign in", content_type="text/html")
    fails(forge.url("/spec.json"), forge.url("/spec.json"), "HTML page")


def test_wrong_content_type_with_a_spec_is_fine(forge: Forge) -> None:
    forge.route("/swagger.v1.json", content_type="text/plain")
    assert load(forge.url()).document == SPEC


def test_wrong_content_type_with_garbage_says_what_came(forge: Forge) -> None:
    forge.route("/swagger.v1.json", body=b"{{{ nope", content_type="application/octet-stream")
    fails(
        forge.url(), "invalid JSON at line 1, column 2", "the server sent application/octet-stream"
    )


def test_truncated_download(forge: Forge) -> None:
    forge.route("/swagger.v1.json", body=SPEC_BYTES[:20])
    fails(forge.url(), forge.url("/swagger.v1.json"), "truncated JSON")


def test_connection_cut_before_the_declared_length(forge: Forge) -> None:
    forge.route("/swagger.v1.json", body=SPEC_BYTES[:20], length=len(SPEC_BYTES))
    fails(forge.url(), forge.url("/swagger.v1.json"), "the download failed")


def test_redirect_loop(forge: Forge) -> None:
    forge.redirect("/a.json", "/b.json")
    forge.redirect("/b.json", "/a.json")
    fails(forge.url("/a.json"), "redirect loop", forge.url("/b.json"))


def test_too_many_redirects(forge: Forge) -> None:
    for hop in range(10):
        forge.redirect(f"/r{hop}.json", f"/r{hop + 1}.json")
    fails(forge.url("/r0.json"), forge.url("/r0.json"), "more than 5 redirects")
    assert len(forge.hits) == 6


def test_declared_size_over_the_cap(forge: Forge) -> None:
    forge.route("/swagger.v1.json", body=SPEC_BYTES + b" " * 1000)
    fails(forge.url(), forge.url("/swagger.v1.json"), "over 1000 bytes", max_bytes=1000)


def endless(handler: Handler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.end_headers()
    handler.wfile.write(b'{"swagger": "2.0", "x": "')
    with contextlib.suppress(OSError):  # the client hangs up once it has seen enough
        for _ in range(1000):  # 64 MiB: far beyond the cap, yet bounded if the test breaks
            handler.wfile.write(b"x" * 65536)
            handler.server.sent += 65536
    handler.server.ended.set()


def test_streamed_body_over_the_cap_stops_early(forge: Forge) -> None:
    forge.route("/swagger.v1.json", action=endless)
    fails(forge.url(), forge.url("/swagger.v1.json"), "over 200000 bytes", max_bytes=200_000)
    assert forge.server.ended.wait(5)
    assert forge.server.sent < 16 * 1024 * 1024  # socket buffers, not the whole 64 MiB


def stall(handler: Handler) -> None:
    handler.server.stop.wait(1.5)


def drip(handler: Handler) -> None:
    handler.send_response(200)
    handler.end_headers()
    with contextlib.suppress(OSError):
        while not handler.server.stop.wait(0.02):
            handler.wfile.write(b" ")
            handler.wfile.flush()


@pytest.mark.parametrize("action", [stall, drip])
def test_timeout(forge: Forge, action: Callable[[Handler], None]) -> None:
    forge.route("/swagger.v1.json", action=action)
    started = time.monotonic()
    fails(forge.url(), forge.url("/swagger.v1.json"), "no complete answer in 0.3 s", timeout=0.3)
    assert time.monotonic() - started < 1.0


def test_connection_refused() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    fails(f"http://127.0.0.1:{port}/", f"http://127.0.0.1:{port}/:", "refused")


def test_dns_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_such_host(*args: Any, **kwargs: Any) -> Any:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    fails("http://forge.invalid/", "http://forge.invalid/:", "cannot resolve")


def test_tls_error(forge: Forge) -> None:
    # A plain-HTTP port spoken to with https:// fails the handshake.
    fails(forge.url("/s.json").replace("http:", "https:"), "https://127.0.0.1:", "TLS")


@pytest.mark.parametrize("url", ["ftp://example.com/spec.json", "http:///nohost"])
def test_unusable_urls(url: str) -> None:
    fails(url, url, "not a usable URL")


# --- the real specs -------------------------------------------------------------------------

GITEA_125_SHA256 = "e3f2132ce8d26427d092081a8706ea1935c2d56157728b4b36d22af67afc2e31"


def test_real_gitea_spec_from_a_file(shared_specs: Path) -> None:
    source = load(str(shared_specs / "gitea" / "1.25.json"))
    assert source.sha256 == GITEA_125_SHA256
    assert source.server_version == "1.25.4"
    assert source.document["swagger"] == "2.0"


def test_real_gitea_spec_from_an_instance(shared_specs: Path, forge: Forge) -> None:
    raw = (shared_specs / "gitea" / "1.25.json").read_bytes()
    forge.route("/git/swagger.v1.json", body=raw)
    source = load(forge.url("/git"))
    assert (source.sha256, source.size) == (GITEA_125_SHA256, len(raw))
    assert source.server_version == "1.25.4"


# --- hostile documents ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        b'{"swagger": "2.0", "info": {"title": "a\\ud800b", "x": ["\\udfff"]}, "\\ud83d": 1}',
        b'swagger: "2.0"\ninfo: {title: "a\\ud800b", x: ["\\udfff"]}\n"\\ud83d": 1\n',
    ],
    ids=["json", "yaml"],
)
def test_lone_surrogates_become_replacement_characters(body: bytes) -> None:
    document = load("-", stdin=io.BytesIO(body)).document
    assert document["info"] == {"title": "a\ufffdb", "x": ["\ufffd"]}
    assert document["\ufffd"] == 1
    json.dumps(document, ensure_ascii=False).encode("utf-8")  # encodable everywhere now


def test_escaped_surrogate_pairs_stay_one_character() -> None:
    body = b'{"swagger": "2.0", "info": {"title": "\\ud83d\\ude00"}}'
    assert load("-", stdin=io.BytesIO(body)).document["info"]["title"] == "\U0001f600"


@pytest.mark.parametrize(
    ("tag", "value"),
    [("binary", "aGk="), ("set", "{a, b}"), ("timestamp", "2024-01-01"), ("omap", "[a: 1]")],
)
def test_yaml_tags_for_types_json_lacks_are_refused(tag: str, value: str) -> None:
    body = f"swagger: '2.0'\ninfo: !!{tag} {value}\n".encode()
    fails("-", f"tag:yaml.org,2002:{tag}", "line 2, column 7", stdin=io.BytesIO(body))


def test_deep_nesting_names_where() -> None:
    body = b'{"swagger": "2.0", "paths": {"/a~b": ' + b"[" * 300 + b"]" * 300 + b"}}"
    message = fails("-", "nested too deeply at #/paths/~1a~0b/0/0/0/", stdin=io.BytesIO(body))
    assert "256 levels" in message


def test_redirect_to_another_scheme_is_refused(forge: Forge) -> None:
    forge.redirect("/swagger.v1.json", "file:///etc/passwd")
    fails(forge.url(), forge.url("/swagger.v1.json"), "redirected to 'file:/etc/passwd'")
