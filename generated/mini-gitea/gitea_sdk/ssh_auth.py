"""Sign API requests with an SSH key, the way Gitea verifies them.

Gitea (1.17 and later) and Forgejo accept an API request signed with an SSH key
registered to the account, as an HTTP signature in the ``Signature`` header
(draft-cavage-http-signatures, not RFC 9421), or with an SSH certificate sent in
the ``X-Ssh-Certificate`` header and issued by a CA in the server's
``[server] SSH_TRUSTED_USER_CA_KEYS``.

Both adapters sign ``(request-target) (created) (expires)``, plus
``x-ssh-certificate`` for a certificate and ``digest`` (a SHA-512 ``Digest``
header) when the request has a body. The signature is Ed25519 for an
``ssh-ed25519`` key and RSASSA-PKCS1-v1_5 with SHA-256 for an ``ssh-rsa`` key:
the two kinds of key Gitea verifies.

They need the optional ``cryptography`` dependency, imported only when an
adapter is made::

    pip install "gitea-sdk[ssh]"

A passphrase-protected key in OpenSSH format also needs ``bcrypt``. Type-checking
this module needs ``cryptography`` installed as well (it ships its types).
"""

from __future__ import annotations

import base64
import hashlib
import os
import time
from collections.abc import Callable, Generator
from pathlib import Path
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

    PrivateKey = Ed25519PrivateKey | RSAPrivateKey

__all__ = ["SSHCertificateAuth", "SSHSignatureAuth"]

_INSTALL = 'pip install "gitea-sdk[ssh]"'
_TIMED = ("(request-target)", "(created)", "(expires)")


class SSHSignatureAuth(httpx.Auth):
    """Signs each request with an SSH key registered to the account.

    ``key`` is the private key: the path of its file (``str`` or path-like,
    ``~`` expanded), the file's contents as ``bytes``, or a ``cryptography``
    Ed25519 or RSA private key object. OpenSSH and PEM (PKCS#1, PKCS#8)
    files are read; ``passphrase`` decrypts a protected one.

    ``key_id`` is the ``keyId`` Gitea looks the key up by: by default the key's
    SHA-256 fingerprint, ``SHA256:`` and unpadded base64, as ``ssh-keygen -l``
    prints it and Gitea stores it. ``expires_in`` is how many seconds a
    signature stays valid (Gitea allows 10 more for clock skew).

    When the client follows a redirect within the same site, the request is
    signed anew for its new address and sent once more, since the signature
    covers the path.
    """

    requires_request_body = True

    def __init__(
        self,
        key: str | os.PathLike[str] | bytes | PrivateKey,
        *,
        passphrase: str | bytes | None = None,
        key_id: str | None = None,
        expires_in: int = 10,
    ) -> None:
        private_key = _load_private_key(key, passphrase)
        public_line = _public_line(private_key)
        self.public_key = public_line
        self.key_type = public_line.split()[0]
        self.key_id = _fingerprint(public_line) if key_id is None else key_id
        if not self.key_id or any(c in self.key_id for c in '",\r\n'):
            raise ValueError("key_id must be non-empty, without quotes or commas")
        if expires_in < 1:
            raise ValueError("expires_in must be at least one second")
        self._expires_in = expires_in
        self._sign = _signer(private_key)
        self._certificate: str | None = None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(key_id={self.key_id!r}, key='***')"

    def auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        origin = request.url
        self._sign_request(request)
        response = yield request
        if response.history and _same_site(origin, response.request.url):
            # The redirected request still carried the signature of the old path.
            retry = response.request
            self._sign_request(retry)
            yield retry

    def _sign_request(self, request: httpx.Request) -> None:
        try:
            body = request.content
        except httpx.RequestNotRead:
            body = request.read()
        created = int(time.time())
        expires = created + self._expires_in
        names: list[str] = list(_TIMED)
        if self._certificate is not None:
            request.headers["X-Ssh-Certificate"] = self._certificate
            names.append("x-ssh-certificate")
        if body:
            digest = base64.b64encode(hashlib.sha512(body).digest()).decode("ascii")
            request.headers["Digest"] = f"SHA-512={digest}"
            names.append("digest")
        else:
            request.headers.pop("Digest", None)
        lines: list[str] = []
        for name in names:
            if name == "(request-target)":
                # The decoded path, as Go's URL.Path has it, then the raw query.
                target = f"{request.method.lower()} {request.url.path}"
                query = request.url.query.decode("ascii")
                value = f"{target}?{query}" if query else target
            elif name == "(created)":
                value = str(created)
            elif name == "(expires)":
                value = str(expires)
            else:
                value = request.headers[name].strip()
            lines.append(f"{name}: {value}")
        signed = self._sign("\n".join(lines).encode())
        signature = base64.b64encode(signed).decode("ascii")
        # No space after the commas: Gitea splits on "," and keeps names as they are.
        request.headers["Signature"] = ",".join(
            [
                f'keyId="{self.key_id}"',
                'algorithm="hs2019"',
                f"created={created}",
                f"expires={expires}",
                f'headers="{" ".join(names)}"',
                f'signature="{signature}"',
            ]
        )


class SSHCertificateAuth(SSHSignatureAuth):
    """Signs each request with an SSH key and sends the key's SSH certificate.

    Gitea checks that a CA it trusts issued ``certificate``, that it is valid
    now, and that one of its principals is registered as an SSH principal of
    the account; it then verifies the signature with the certified key.
    ``certificate`` is the path of the ``*-cert.pub`` file, or its contents
    as ``bytes``; it must certify the public half of ``key``.

    ``key_id`` is not looked up for a certificate, but must be sent; it
    defaults to ``"gitea"``, as Gitea's own Go SDK sends.
    """

    def __init__(
        self,
        key: str | os.PathLike[str] | bytes | PrivateKey,
        certificate: str | os.PathLike[str] | bytes,
        *,
        passphrase: str | bytes | None = None,
        key_id: str = "gitea",
        expires_in: int = 10,
    ) -> None:
        super().__init__(
            key, passphrase=passphrase, key_id=key_id, expires_in=expires_in
        )
        from cryptography.hazmat.primitives import serialization

        data = certificate if isinstance(certificate, bytes) else _read(certificate)
        try:
            parsed = serialization.load_ssh_public_identity(data)
        except ValueError as exc:
            raise ValueError(f"cannot read the SSH certificate: {exc}") from None
        if not isinstance(parsed, serialization.SSHCertificate):
            raise ValueError("certificate holds a plain public key, not a certificate")
        certified = parsed.public_key().public_bytes(
            serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH
        )
        if certified.decode("ascii") != self.public_key:
            raise ValueError("certificate does not certify the public half of key")
        self.principals = [
            p.decode("utf-8", "replace") for p in parsed.valid_principals
        ]
        # In SSH wire format, base64 without padding: as Gitea decodes it.
        blob = base64.b64decode(parsed.public_bytes().split()[1])
        self._certificate = base64.b64encode(blob).decode("ascii").rstrip("=")

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(key_id={self.key_id!r}, "
            f"principals={self.principals!r}, key='***')"
        )


def _read(path: str | os.PathLike[str]) -> bytes:
    return Path(path).expanduser().read_bytes()


def _load_private_key(
    key: str | os.PathLike[str] | bytes | PrivateKey, passphrase: str | bytes | None
) -> PrivateKey:
    try:
        from cryptography.exceptions import UnsupportedAlgorithm
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import ed25519, rsa
    except ImportError as exc:
        raise ImportError(
            f'SSH signatures need the "cryptography" package: {_INSTALL}'
        ) from exc

    if isinstance(key, (str, os.PathLike, bytes)):
        data = key if isinstance(key, bytes) else _read(key)
        password = passphrase.encode() if isinstance(passphrase, str) else passphrase
        try:
            if b"-----BEGIN OPENSSH PRIVATE KEY-----" in data:
                loaded: object = serialization.load_ssh_private_key(data, password)
            else:
                loaded = serialization.load_pem_private_key(data, password)
        except UnsupportedAlgorithm as exc:
            if "bcrypt" in str(exc):
                raise ImportError(
                    'a passphrase-protected OpenSSH key needs the "bcrypt" package: '
                    "pip install bcrypt"
                ) from exc
            raise ValueError(f"cannot load the SSH private key: {exc}") from None
        except (TypeError, ValueError) as exc:
            # Wrong, missing or needless passphrase, or not a private key at all.
            raise ValueError(f"cannot load the SSH private key: {exc}") from None
    else:
        loaded = key
    if not isinstance(loaded, (ed25519.Ed25519PrivateKey, rsa.RSAPrivateKey)):
        kind = type(loaded).__name__
        raise ValueError(f"Gitea verifies ssh-ed25519 and ssh-rsa keys, not {kind}")
    return loaded


def _public_line(key: PrivateKey) -> str:
    """``ssh-ed25519 AAAA…``: the key as an authorized_keys line, without comment."""
    from cryptography.hazmat.primitives import serialization

    line = key.public_key().public_bytes(
        serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH
    )
    return line.decode("ascii")


def _fingerprint(public_line: str) -> str:
    blob = base64.b64decode(public_line.split()[1])
    digest = base64.b64encode(hashlib.sha256(blob).digest()).decode("ascii")
    return "SHA256:" + digest.rstrip("=")


def _signer(key: PrivateKey) -> Callable[[bytes], bytes]:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

    if isinstance(key, rsa.RSAPrivateKey):
        rsa_key = key

        def sign_rsa(data: bytes) -> bytes:
            return rsa_key.sign(data, padding.PKCS1v15(), hashes.SHA256())

        return sign_rsa
    return key.sign


def _same_site(before: httpx.URL, after: httpx.URL) -> bool:
    """Whether a redirect stayed on the same host and port, or only moved to https."""
    if before.host != after.host:
        return False
    if before.scheme == after.scheme:
        return before.port == after.port
    upgraded = before.scheme == "http" and after.scheme == "https"
    return upgraded and before.port in (None, 80) and after.port in (None, 443)
