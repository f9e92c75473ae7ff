"""WebDAV servers a test starts on 127.0.0.1: wsgidav (a real server, from pip) over a temp
folder with basic-auth users, and a canned server of the test's own that answers exactly
what the test says (crafted listings, truncated bodies), over HTTP or HTTPS."""

from __future__ import annotations

import datetime
import hashlib
import http.server
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from cheroot import wsgi
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from wsgidav.wsgidav_app import WsgiDAVApp


@contextmanager
def running_wsgidav(root: Path, *, users: dict[str, str]) -> Iterator[str]:
    """wsgidav serving `root`, every user of `users` (name: password) allowed; yields its URL."""
    config = {
        "host": "127.0.0.1", "port": 0, "provider_mapping": {"/": str(root)},
        "simple_dc": {"user_mapping": {"*": {name: {"password": password} for name, password in users.items()}}},
        "http_authenticator": {"accept_basic": True, "accept_digest": False, "default_to_digest": False},
        "verbose": 0, "logging": {"enable_loggers": []}, "lock_storage": True, "property_manager": True,
    }
    server = wsgi.Server(("127.0.0.1", 0), WsgiDAVApp(config))
    server.prepare()
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.bind_addr[1]}/"
    finally:
        server.stop()
        thread.join(timeout=10)


@dataclass
class Canned:
    """An answer the canned server gives: its status, headers and body, and whether the
    connection is closed right after (a body shorter than its Content-Length)."""

    status: int
    body: bytes = b""
    headers: dict[str, str] | None = None
    length: int | None = None  # the Content-Length announced; len(body) when None


@contextmanager
def running_canned(answer: Callable[[str, str], Canned], *, tls: ssl.SSLContext | None = None) -> Iterator[str]:
    """A server answering each request with answer(method, path); yields its URL."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def _reply(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            canned = answer(self.command, self.path)
            self.send_response(canned.status)
            for name, value in (canned.headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(canned.body) if canned.length is None else canned.length))
            self.end_headers()
            self.wfile.write(canned.body)
            self.close_connection = canned.length is not None

        do_GET = do_PUT = do_PROPFIND = do_MOVE = do_MKCOL = do_DELETE = _reply

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
            pass

    server = _QuietServer(("127.0.0.1", 0), Handler)
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"{'https' if tls else 'http'}://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that refuses the handshake (a wrong pin) is what some tests do."""


def self_signed_tls(folder: Path) -> tuple[ssl.SSLContext, str]:
    """A server TLS context with a certificate made now for 127.0.0.1, and its SHA-256."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "fieldkit test drop box")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                   .serial_number(x509.random_serial_number())
                   .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=30))
                   .sign(key, hashes.SHA256()))
    (folder / "cert.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                       serialization.NoEncryption()))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(folder / "cert.pem", folder / "key.pem")
    return context, hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).hexdigest()


def closed_port_url() -> str:
    """The URL of a port on 127.0.0.1 where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/"
