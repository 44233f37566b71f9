"""The optional SSH-signature adapters (package/ssh_auth.py.jinja), checked as Gitea checks them.

``FakeGitea`` below is written from Gitea's services/auth/httpsign.go and the go-fed/httpsig
verifier it calls, not from the adapter: it parses the ``Signature`` header the way Go does
(split on "," then on the first "=", quotes trimmed, an absent ``headers`` meaning "date"),
rejects a ``created`` more than 10 s ahead and an ``expires`` more than 10 s past, rebuilds the
signing string from the request as the server received it (``(request-target)`` from the
percent-decoded path plus the raw query, like Go's ``URL.Path`` and ``URL.RawQuery``), looks
the key up by its SHA-256 fingerprint, or takes the key from a certificate in
``X-Ssh-Certificate`` (unpadded base64) issued by a trusted CA to a registered principal, and
verifies with the algorithms Gitea tries for the key's type.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import importlib.util
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any
from urllib.parse import unquote

import black
import httpx
import pytest
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa

from forgegen.format.with_black import MODE
from forgegen.render.package import environment

PACKAGE = "x_sdk"
INSTALL_HINT = 'pip install "x-sdk[ssh]"'
SSH_KEYGEN = shutil.which("ssh-keygen")
needs_ssh_keygen = pytest.mark.skipif(SSH_KEYGEN is None, reason="ssh-keygen is not installed")

Key = ed25519.Ed25519PrivateKey | rsa.RSAPrivateKey


# --- the module under test, rendered the way the generator renders it ---------------------------


def render() -> str:
    return environment().get_template("package/ssh_auth.py.jinja").render(package=PACKAGE)


@pytest.fixture(scope="module")
def package_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("ssh_auth")
    (root / PACKAGE).mkdir()
    (root / PACKAGE / "__init__.py").write_text("")
    (root / PACKAGE / "ssh_auth.py").write_text(render())
    return root


@pytest.fixture(scope="module")
def ssh_auth(package_dir: Path) -> Iterator[ModuleType]:
    sys.path.insert(0, str(package_dir))
    try:
        yield importlib.import_module(f"{PACKAGE}.ssh_auth")
    finally:
        sys.path.remove(str(package_dir))
        for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
            del sys.modules[name]


# --- keys ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ed_key() -> ed25519.Ed25519PrivateKey:
    return ed25519.Ed25519PrivateKey.generate()


@pytest.fixture(scope="module")
def rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def ca_key() -> ed25519.Ed25519PrivateKey:
    return ed25519.Ed25519PrivateKey.generate()


def openssh_private(key: Key) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.OpenSSH,
        serialization.NoEncryption(),
    )


def authorized_line(key: Any) -> str:
    public = key.public_key() if isinstance(key, Key) else key
    return public.public_bytes(
        serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH
    ).decode()


def fingerprint(line: str) -> str:
    """``ssh.FingerprintSHA256``: SHA-256 of the key blob, unpadded base64."""
    blob = base64.b64decode(line.split()[1])
    return "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")


def certificate(
    key: Key,
    ca: ed25519.Ed25519PrivateKey,
    principals: list[str],
    *,
    valid_after: int | None = None,
    valid_before: int | None = None,
) -> bytes:
    now = int(time.time())
    cert = (
        serialization.SSHCertificateBuilder()
        .public_key(key.public_key())
        .serial(1)
        .type(serialization.SSHCertificateType.USER)
        .key_id(b"test")
        .valid_principals([p.encode() for p in principals])
        .valid_after(now - 60 if valid_after is None else valid_after)
        .valid_before(now + 3600 if valid_before is None else valid_before)
        .sign(ca)
    )
    return cert.public_bytes()


# --- Gitea's side -------------------------------------------------------------------------------


class Rejected(Exception):
    """Gitea logs the reason and treats the request as anonymous."""


@dataclass
class FakeGitea:
    keys: dict[str, tuple[str, str]] = field(default_factory=dict)  # fingerprint: (user, line)
    principals: dict[str, str] = field(default_factory=dict)  # principal: user
    trusted_cas: list[str] = field(default_factory=list)  # CA keys, authorized_keys lines
    log: list[tuple[str, str, str]] = field(default_factory=list)  # (target, outcome, detail)
    last: dict[str, str] = field(default_factory=dict)  # parameters of the last good signature

    def add_key(self, user: str, line: str) -> None:
        self.keys[fingerprint(line)] = (user, line)

    def verify(
        self, method: str, target: str, headers: Mapping[str, str], now: float | None = None
    ) -> str:
        """The user a signed request authenticates, as HTTPSign.Verify finds it."""
        try:
            user, params, algorithm = self._verify(method, target, headers, now)
        except Rejected as exc:
            self.log.append((target, "rejected", str(exc)))
            raise
        self.log.append((target, "ok", algorithm))
        self.last = params
        return user

    def _verify(
        self, method: str, target: str, headers: Mapping[str, str], now: float | None
    ) -> tuple[str, dict[str, str], str]:
        lowered = {k.lower(): v for k, v in headers.items()}
        if not lowered.get("signature"):
            raise Rejected("no Signature header")
        params = {}
        for part in lowered["signature"].split(","):
            name, sep, value = part.partition("=")
            if not sep:
                raise Rejected(f"malformed http signature parameter: {part!r}")
            params[name] = value.strip('"')
        if not params.get("keyId") or not params.get("signature"):
            raise Rejected("missing keyId or signature parameter")
        names = params["headers"].split(" ") if params.get("headers") else ["date"]
        created = int(params.get("created", "0"))
        expires = int(params.get("expires", "0"))
        unix_now = int(time.time() if now is None else now)
        if created and created - unix_now > 10:
            raise Rejected("created is in the future")
        if expires and unix_now - expires > 10:
            raise Rejected("signature expired")

        lines = []
        for name in (n.lower() for n in names):
            if name == "(request-target)":
                raw_path, _, query = target.partition("?")
                value = f"{method.lower()} {unquote(raw_path)}" + (f"?{query}" if query else "")
            elif name in ("(created)", "(expires)"):
                number = created if name == "(created)" else expires
                if not number:
                    raise Rejected(f"missing {name} value")
                value = str(number)
            elif name in lowered:
                value = lowered[name].strip()
            else:
                raise Rejected(f"missing header {name!r}")
            lines.append(f"{name}: {value}")
        data = "\n".join(lines).encode()
        signature = base64.b64decode(params["signature"], validate=True)

        if lowered.get("x-ssh-certificate"):
            user, algorithm = self._verify_certificate(
                lowered["x-ssh-certificate"], data, signature, unix_now
            )
        else:
            if params["keyId"] not in self.keys:
                raise Rejected(f"no public key found for keyid {params['keyId']}")
            user, line = self.keys[params["keyId"]]
            algorithm = do_verify(serialization.load_ssh_public_key(line.encode()), data, signature)
        return user, params, algorithm

    def _verify_certificate(
        self, header: str, data: bytes, signature: bytes, unix_now: int
    ) -> tuple[str, str]:
        if "=" in header:
            raise Rejected("illegal base64 data (Go's RawStdEncoding takes no padding)")
        blob = base64.b64decode(header + "=" * (-len(header) % 4), validate=True)
        kind = blob[4 : 4 + int.from_bytes(blob[:4], "big")].decode()
        line = f"{kind} {base64.b64encode(blob).decode()}"
        parsed = serialization.load_ssh_public_identity(line.encode())
        if not isinstance(parsed, serialization.SSHCertificate):
            raise Rejected("no certificate found")
        if authorized_line(parsed.signature_key()) not in self.trusted_cas:
            raise Rejected("CA check failed")
        try:
            parsed.verify_cert_signature()
        except InvalidSignature:
            raise Rejected("certificate signature does not verify") from None
        algorithm = do_verify(parsed.public_key(), data, signature)
        for principal in (p.decode() for p in parsed.valid_principals):
            if principal not in self.principals:
                continue
            # ssh.CertChecker.CheckCert for this principal
            if parsed.critical_options:
                raise Rejected("unsupported critical option")
            if unix_now < parsed.valid_after:
                raise Rejected("cert is not yet valid")
            if parsed.valid_before != 2**64 - 1 and unix_now >= parsed.valid_before:
                raise Rejected("cert has expired")
            return self.principals[principal], algorithm
        raise Rejected("no valid principal found")


def do_verify(public_key: Any, data: bytes, signature: bytes) -> str:
    """httpsign.go's doVerify: the algorithms it tries for the key's type; which one held."""
    if isinstance(public_key, ed25519.Ed25519PublicKey):
        try:
            public_key.verify(signature, data)
        except InvalidSignature:
            pass
        else:
            return "ed25519"
    elif isinstance(public_key, rsa.RSAPublicKey):
        # Gitea tries rsa-sha1, rsa-sha256, rsa-sha512; Forgejo only the last two.
        for name, algorithm in (
            ("rsa-sha1", hashes.SHA1()),
            ("rsa-sha256", hashes.SHA256()),
            ("rsa-sha512", hashes.SHA512()),
        ):
            try:
                public_key.verify(signature, data, padding.PKCS1v15(), algorithm)
            except InvalidSignature:
                continue
            return name
    raise Rejected("verification failed")


def gitea_transport(gitea: FakeGitea) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        target = request.url.raw_path.decode("ascii")  # as it goes on the wire
        try:
            user = gitea.verify(request.method, target, request.headers)
        except Rejected as exc:
            return httpx.Response(401, json={"message": str(exc)})
        return httpx.Response(200, json={"login": user})

    return httpx.MockTransport(handle)


def sign(auth: httpx.Auth, request: httpx.Request) -> httpx.Request:
    """The request as the adapter sends it first."""
    request.read()
    return next(auth.sync_auth_flow(request))


# --- the tests ----------------------------------------------------------------------------------


def test_ed25519_get_verifies_as_gitea_does(
    ssh_auth: ModuleType, ed_key: ed25519.Ed25519PrivateKey
) -> None:
    gitea = FakeGitea()
    gitea.add_key("alice", authorized_line(ed_key))
    auth = ssh_auth.SSHSignatureAuth(openssh_private(ed_key))
    before = int(time.time())
    with httpx.Client(transport=gitea_transport(gitea), auth=auth) as client:
        response = client.get("https://gitea.example/api/v1/user/repos?page=2&limit=5")
    assert response.status_code == 200, response.text
    assert response.json() == {"login": "alice"}
    sent = gitea.last
    assert sent["keyId"] == auth.key_id == fingerprint(authorized_line(ed_key))
    assert sent["algorithm"] == "hs2019"
    assert sent["headers"] == "(request-target) (created) (expires)"
    assert before <= int(sent["created"]) <= time.time()
    assert int(sent["expires"]) == int(sent["created"]) + 10
    assert "digest" not in response.request.headers
    assert " " not in response.request.headers["signature"].split('headers="')[0]
    assert gitea.log[-1][2] == "ed25519"
    assert auth.public_key == authorized_line(ed_key)
    assert auth.key_type == "ssh-ed25519"


def test_rsa_post_signs_a_digest_of_the_body_with_rsa_sha256(
    ssh_auth: ModuleType, rsa_key: rsa.RSAPrivateKey
) -> None:
    gitea = FakeGitea()
    gitea.add_key("bob", authorized_line(rsa_key))
    auth = ssh_auth.SSHSignatureAuth(rsa_key)  # a key object works as well as a file
    with httpx.Client(transport=gitea_transport(gitea), auth=auth) as client:
        response = client.post(
            "https://gitea.example/api/v1/user/repos", json={"name": "demo", "private": True}
        )
    assert response.status_code == 200, response.text
    assert response.json() == {"login": "bob"}
    assert gitea.last["headers"] == "(request-target) (created) (expires) digest"
    body = response.request.content
    expected = base64.b64encode(hashlib.sha512(body).digest()).decode()
    assert response.request.headers["digest"] == f"SHA-512={expected}"
    # PKCS#1 v1.5 with SHA-256: what both Gitea (sha1/256/512) and Forgejo (256/512) accept.
    assert gitea.log[-1][2] == "rsa-sha256"
    assert auth.key_type == "ssh-rsa"


def test_the_fake_server_is_not_fooled(
    ssh_auth: ModuleType, ed_key: ed25519.Ed25519PrivateKey
) -> None:
    gitea = FakeGitea()
    gitea.add_key("alice", authorized_line(ed_key))
    auth = ssh_auth.SSHSignatureAuth(ed_key)
    signed = sign(auth, httpx.Request("DELETE", "https://gitea.example/api/v1/repos/a/b"))
    assert gitea.verify("DELETE", "/api/v1/repos/a/b", signed.headers) == "alice"
    with pytest.raises(Rejected, match="verification failed"):
        gitea.verify("DELETE", "/api/v1/repos/a/c", signed.headers)
    with pytest.raises(Rejected, match="verification failed"):
        gitea.verify("GET", "/api/v1/repos/a/b", signed.headers)
    with pytest.raises(Rejected, match="no public key found"):
        FakeGitea().verify("DELETE", "/api/v1/repos/a/b", signed.headers)
    spaced = dict(signed.headers)
    spaced["signature"] = spaced["signature"].replace(",", ", ")
    with pytest.raises(Rejected):  # " headers" is no parameter name to Go: "date" is signed
        gitea.verify("DELETE", "/api/v1/repos/a/b", spaced)


def test_a_stale_or_future_signature_is_refused(
    ssh_auth: ModuleType, ed_key: ed25519.Ed25519PrivateKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    gitea = FakeGitea()
    gitea.add_key("alice", authorized_line(ed_key))
    auth = ssh_auth.SSHSignatureAuth(ed_key, expires_in=30)
    now = time.time()
    for skew, reason in ((-45, "signature expired"), (+15, "created is in the future")):
        monkeypatch.setattr(ssh_auth, "time", SimpleNamespace(time=lambda s=skew: now + s))
        signed = sign(auth, httpx.Request("GET", "https://gitea.example/api/v1/user"))
        with pytest.raises(Rejected, match=reason):
            gitea.verify("GET", "/api/v1/user", signed.headers, now=now)
    monkeypatch.setattr(ssh_auth, "time", SimpleNamespace(time=lambda: now - 35))
    signed = sign(auth, httpx.Request("GET", "https://gitea.example/api/v1/user"))
    assert gitea.verify("GET", "/api/v1/user", signed.headers, now=now) == "alice"


def test_a_certificate_is_sent_unpadded_and_verified(
    ssh_auth: ModuleType, ed_key: ed25519.Ed25519PrivateKey, ca_key: ed25519.Ed25519PrivateKey
) -> None:
    gitea = FakeGitea(principals={"alice": "alice"}, trusted_cas=[authorized_line(ca_key)])
    cert = certificate(ed_key, ca_key, ["nobody", "alice"])
    auth = ssh_auth.SSHCertificateAuth(openssh_private(ed_key), cert)
    with httpx.Client(transport=gitea_transport(gitea), auth=auth) as client:
        response = client.patch("https://gitea.example/api/v1/repos/a/b", json={"private": False})
    assert response.status_code == 200, response.text
    assert response.json() == {"login": "alice"}
    header = response.request.headers["x-ssh-certificate"]
    assert "=" not in header
    assert base64.b64decode(header + "=" * (-len(header) % 4)) == base64.b64decode(cert.split()[1])
    assert gitea.last["keyId"] == "gitea"
    assert gitea.last["headers"] == "(request-target) (created) (expires) x-ssh-certificate digest"
    assert auth.principals == ["nobody", "alice"]

    untrusted = FakeGitea(principals={"alice": "alice"}, trusted_cas=[authorized_line(ed_key)])
    with pytest.raises(Rejected, match="CA check failed"):
        untrusted.verify("PATCH", "/api/v1/repos/a/b", response.request.headers)
    unknown = FakeGitea(principals={"carol": "carol"}, trusted_cas=[authorized_line(ca_key)])
    with pytest.raises(Rejected, match="no valid principal"):
        unknown.verify("PATCH", "/api/v1/repos/a/b", response.request.headers)


def test_an_expired_certificate_is_refused_by_the_server(
    ssh_auth: ModuleType, rsa_key: rsa.RSAPrivateKey, ca_key: ed25519.Ed25519PrivateKey
) -> None:
    gitea = FakeGitea(principals={"bob": "bob"}, trusted_cas=[authorized_line(ca_key)])
    now = int(time.time())
    old = certificate(rsa_key, ca_key, ["bob"], valid_after=now - 7200, valid_before=now - 3600)
    auth = ssh_auth.SSHCertificateAuth(rsa_key, old)
    signed = sign(auth, httpx.Request("GET", "https://gitea.example/api/v1/user"))
    with pytest.raises(Rejected, match="expired"):
        gitea.verify("GET", "/api/v1/user", signed.headers)
    fresh = ssh_auth.SSHCertificateAuth(rsa_key, certificate(rsa_key, ca_key, ["bob"]))
    signed = sign(fresh, httpx.Request("GET", "https://gitea.example/api/v1/user"))
    assert gitea.verify("GET", "/api/v1/user", signed.headers) == "bob"
    assert gitea.log[-1][2] == "rsa-sha256"


def test_a_certificate_must_match_the_key(
    ssh_auth: ModuleType,
    ed_key: ed25519.Ed25519PrivateKey,
    rsa_key: rsa.RSAPrivateKey,
    ca_key: ed25519.Ed25519PrivateKey,
) -> None:
    with pytest.raises(ValueError, match="does not certify"):
        ssh_auth.SSHCertificateAuth(ed_key, certificate(rsa_key, ca_key, ["bob"]))
    with pytest.raises(ValueError, match="not a certificate"):
        ssh_auth.SSHCertificateAuth(ed_key, authorized_line(ed_key).encode())


def test_the_path_is_signed_decoded_and_the_query_raw_over_a_real_socket(
    ssh_auth: ModuleType, ed_key: ed25519.Ed25519PrivateKey
) -> None:
    gitea = FakeGitea()
    gitea.add_key("alice", authorized_line(ed_key))
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.answer()

        def do_PUT(self) -> None:
            self.answer()

        def answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            seen.append(self.path)
            try:
                user = gitea.verify(self.command, self.path, dict(self.headers.items()))
                digest = self.headers.get("Digest")
                if body and digest != "SHA-512=" + base64.b64encode(
                    hashlib.sha512(body).digest()
                ).decode("ascii"):
                    raise Rejected("digest does not match the body")
            except Rejected as exc:
                self.send_response(401)
                payload = str(exc).encode()
            else:
                self.send_response(200)
                payload = user.encode()
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        auth = ssh_auth.SSHSignatureAuth(ed_key)
        with httpx.Client(base_url=base, auth=auth, trust_env=False, timeout=10) as client:
            got = client.get("/api/v1/repos/o/r/raw/docs%2Fa%20b%C3%A9.md?ref=main&q=x%20y%2Bz")
            put = client.put("/api/v1/repos/o/r/contents/new%20file.txt", content=b"hello\n")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
    assert (got.status_code, got.text) == (200, "alice")
    assert (put.status_code, put.text) == (200, "alice")
    assert seen[0] == "/api/v1/repos/o/r/raw/docs%2Fa%20b%C3%A9.md?ref=main&q=x%20y%2Bz"


def test_an_async_client_signs_too(ssh_auth: ModuleType, ed_key: ed25519.Ed25519PrivateKey) -> None:
    gitea = FakeGitea()
    gitea.add_key("alice", authorized_line(ed_key))
    auth = ssh_auth.SSHSignatureAuth(ed_key)

    async def call() -> httpx.Response:
        async with httpx.AsyncClient(transport=gitea_transport(gitea), auth=auth) as client:
            return await client.post("https://gitea.example/api/v1/markdown", json={"Text": "x"})

    response = asyncio.run(call())
    assert response.status_code == 200, response.text
    assert gitea.last["headers"].endswith(" digest")


def test_a_redirected_request_is_signed_anew_on_the_same_site_only(
    ssh_auth: ModuleType, ed_key: ed25519.Ed25519PrivateKey
) -> None:
    gitea = FakeGitea()
    gitea.add_key("alice", authorized_line(ed_key))
    inner = gitea_transport(gitea)
    elsewhere: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.host != "gitea.example":
            elsewhere.append(request)
            return httpx.Response(401)
        if request.url.path == "/api/v1/repos/old/name":
            return httpx.Response(301, headers={"Location": "/api/v1/repos/new/name?x=1"})
        if request.url.path == "/api/v1/repos/gone/name":
            return httpx.Response(302, headers={"Location": "https://other.example/api/v1/x"})
        return inner.handle_request(request)

    auth = ssh_auth.SSHSignatureAuth(ed_key)
    transport = httpx.MockTransport(handle)
    with httpx.Client(transport=transport, auth=auth, follow_redirects=True) as client:
        moved = client.get("https://gitea.example/api/v1/repos/old/name")
        assert (moved.status_code, moved.json()) == (200, {"login": "alice"})
        assert [outcome for target, outcome, _ in gitea.log] == ["rejected", "ok"]
        assert gitea.log[-1][0] == "/api/v1/repos/new/name?x=1"

        away = client.get("https://gitea.example/api/v1/repos/gone/name")
    assert away.status_code == 401
    assert len(elsewhere) == 1  # not signed anew for another host


def test_passphrase_protected_pem_keys(ssh_auth: ModuleType, rsa_key: rsa.RSAPrivateKey) -> None:
    protected = rsa_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.BestAvailableEncryption(b"s3cret passphrase"),
    )
    gitea = FakeGitea()
    gitea.add_key("bob", authorized_line(rsa_key))
    for passphrase in ("s3cret passphrase", b"s3cret passphrase"):
        auth = ssh_auth.SSHSignatureAuth(protected, passphrase=passphrase)
        assert "s3cret" not in repr(auth)
        signed = sign(auth, httpx.Request("GET", "https://gitea.example/api/v1/user"))
        assert gitea.verify("GET", "/api/v1/user", signed.headers) == "bob"
    with pytest.raises(ValueError, match="cannot load the SSH private key"):
        ssh_auth.SSHSignatureAuth(protected)
    with pytest.raises(ValueError, match="cannot load the SSH private key"):
        ssh_auth.SSHSignatureAuth(protected, passphrase="wrong")


@needs_ssh_keygen
def test_passphrase_protected_openssh_key_from_ssh_keygen(
    ssh_auth: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key_path = tmp_path / "id_ed25519"
    keygen("-q", "-t", "ed25519", "-N", "open sesame", "-C", "me@host", "-f", str(key_path))
    line = key_path.with_suffix(".pub").read_text()
    ssh = importlib.import_module("cryptography.hazmat.primitives.serialization.ssh")
    if getattr(ssh, "_bcrypt_supported", False):
        auth = ssh_auth.SSHSignatureAuth(key_path, passphrase="open sesame")
        assert auth.key_id == keygen_fingerprint(key_path.with_suffix(".pub"))
        gitea = FakeGitea()
        gitea.add_key("alice", line)
        signed = sign(auth, httpx.Request("GET", "https://gitea.example/api/v1/user"))
        assert gitea.verify("GET", "/api/v1/user", signed.headers) == "alice"

    # Without bcrypt, cryptography's bcrypt KDF is a stub that raises UnsupportedAlgorithm.
    def no_bcrypt(*args: Any, **kwargs: Any) -> bytes:
        raise UnsupportedAlgorithm("Need bcrypt module")

    monkeypatch.setattr(ssh, "_bcrypt_kdf", no_bcrypt)
    with pytest.raises(ImportError, match="bcrypt"):
        ssh_auth.SSHSignatureAuth(str(key_path), passphrase="open sesame")


@needs_ssh_keygen
def test_keys_and_certificates_made_by_ssh_keygen(ssh_auth: ModuleType, tmp_path: Path) -> None:
    for kind in ("ed25519", "rsa"):
        user, ca = tmp_path / f"{kind}_user", tmp_path / f"{kind}_ca"
        keygen("-q", "-t", kind, "-N", "", "-f", str(user))
        keygen("-q", "-t", "ed25519", "-N", "", "-f", str(ca))
        keygen("-q", "-s", str(ca), "-I", "id", "-n", "dave", "-V", "-5m:+1h", f"{user}.pub")
        plain = ssh_auth.SSHSignatureAuth(str(user))
        assert plain.key_id == keygen_fingerprint(Path(f"{user}.pub"))
        gitea = FakeGitea(
            principals={"dave": "dave"},
            trusted_cas=[" ".join(Path(f"{ca}.pub").read_text().split()[:2])],
        )
        gitea.add_key("dave", Path(f"{user}.pub").read_text())
        auth = ssh_auth.SSHCertificateAuth(user, Path(f"{user}-cert.pub"))
        for signer in (plain, auth):
            signed = sign(signer, httpx.Request("GET", "https://gitea.example/api/v1/user"))
            assert gitea.verify("GET", "/api/v1/user", signed.headers) == "dave"
        assert gitea.log[-1][2] == ("ed25519" if kind == "ed25519" else "rsa-sha256")


def keygen(*args: str) -> None:
    assert SSH_KEYGEN is not None
    subprocess.run([SSH_KEYGEN, *args], check=True, capture_output=True, timeout=60)


def keygen_fingerprint(public: Path) -> str:
    assert SSH_KEYGEN is not None
    out = subprocess.run(
        [SSH_KEYGEN, "-l", "-E", "sha256", "-f", str(public)],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    return out.split()[1]


def test_only_ed25519_and_rsa_keys(ssh_auth: ModuleType) -> None:
    ecdsa = ec.generate_private_key(ec.SECP256R1())
    pem = ecdsa.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.OpenSSH,
        serialization.NoEncryption(),
    )
    with pytest.raises(ValueError, match="ssh-ed25519 and ssh-rsa"):
        ssh_auth.SSHSignatureAuth(pem)
    with pytest.raises(ValueError, match="cannot load the SSH private key"):
        ssh_auth.SSHSignatureAuth(b"not a key")


def test_bad_options_are_refused(ssh_auth: ModuleType, ed_key: ed25519.Ed25519PrivateKey) -> None:
    for key_id in ("", 'a"b', "a,b"):
        with pytest.raises(ValueError, match="key_id"):
            ssh_auth.SSHSignatureAuth(ed_key, key_id=key_id)
    with pytest.raises(ValueError, match="expires_in"):
        ssh_auth.SSHSignatureAuth(ed_key, expires_in=0)


def test_repr_hides_the_key(
    ssh_auth: ModuleType,
    ed_key: ed25519.Ed25519PrivateKey,
    rsa_key: rsa.RSAPrivateKey,
    ca_key: ed25519.Ed25519PrivateKey,
) -> None:
    seed = ed_key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    exponent = rsa_key.private_numbers().d
    secrets = [seed.hex(), base64.b64encode(seed).decode()[:40], str(exponent), f"{exponent:x}"]
    auths = [
        ssh_auth.SSHSignatureAuth(openssh_private(ed_key)),
        ssh_auth.SSHSignatureAuth(openssh_private(rsa_key)),
        ssh_auth.SSHCertificateAuth(ed_key, certificate(ed_key, ca_key, ["alice"])),
    ]
    for auth in auths:
        shown = repr(auth) + str(auth) + repr(vars(auth))
        assert "key='***'" in repr(auth)
        assert "PRIVATE KEY" not in shown
        assert not [secret for secret in secrets if secret in shown]
    assert repr(auths[0]) == f"SSHSignatureAuth(key_id={auths[0].key_id!r}, key='***')"
    assert repr(auths[2]) == "SSHCertificateAuth(key_id='gitea', principals=['alice'], key='***')"


def test_missing_cryptography_says_what_to_install(
    ssh_auth: ModuleType,
    package_dir: Path,
    ed_key: ed25519.Ed25519PrivateKey,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in [n for n in sys.modules if n == "cryptography" or n.startswith("cryptography.")]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setitem(sys.modules, "cryptography", None)
    # The module itself imports without cryptography...
    spec = importlib.util.spec_from_file_location(
        f"{PACKAGE}.ssh_auth_bare", package_dir / PACKAGE / "ssh_auth.py"
    )
    assert spec is not None and spec.loader is not None
    bare = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bare)
    # ... and says what to install when an adapter is made.
    for module in (bare, ssh_auth):
        with pytest.raises(ImportError, match=re.escape(INSTALL_HINT)):
            module.SSHSignatureAuth(b"-----BEGIN OPENSSH PRIVATE KEY-----\n")
        with pytest.raises(ImportError, match=re.escape(INSTALL_HINT)):
            module.SSHCertificateAuth(b"key", b"cert")


def test_rendered_module_is_black_clean_and_passes_ruff_and_mypy_strict(
    package_dir: Path, tmp_path: Path
) -> None:
    source = (package_dir / PACKAGE / "ssh_auth.py").read_text()
    assert black.format_str(source, mode=MODE) == source
    module = str(Path(PACKAGE) / "ssh_auth.py")
    rules = ["--select", "E,F,W,I,B,UP,SIM,RUF", "--target-version", "py310"]
    ruff = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", "--no-cache", *rules, module],
        cwd=package_dir,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr
    mypy = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "mypy"), module],
        cwd=package_dir,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr
