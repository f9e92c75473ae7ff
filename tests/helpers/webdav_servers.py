"""WebDAV servers a test starts on 127.0.0.1: wsgidav (a real server, from pip) and nginx
with its DAV modules (from Debian) over a temp folder with basic-auth users, and a
canned server of the test's own that answers exactly what the test says (crafted
listings, truncated bodies), over HTTP or HTTPS."""

from __future__ import annotations

import datetime
import hashlib
import http.server
import os
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
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


NGINX_MISSING = ("nginx with its DAV modules is not installed (Debian: apt-get install nginx-light "
                 "libnginx-mod-http-dav-ext); .ci/run installs it")
_DAV_EXT_MODULE = Path("/usr/lib/nginx/modules/ngx_http_dav_ext_module.so")
_NGINX_CONF = """\
{load_module}
{user}
pid {prefix}/nginx.pid;
worker_processes 1;
error_log {prefix}/error.log warn;
events {{ worker_connections 64; }}
http {{
    log_format with_auth '$request_method $uri $status auth=$http_authorization';
    access_log {prefix}/access.log with_auth;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    server {{
        listen 127.0.0.1:{port}{ssl};
        {certificate}
        location / {{
            root {root};
            dav_methods PUT DELETE MKCOL COPY MOVE;
            dav_ext_methods PROPFIND OPTIONS;
            create_full_put_path on;
            dav_access user:rw;
            client_max_body_size 0;
            autoindex off;
            auth_basic "fieldkit drop box";
            auth_basic_user_file {prefix}/htpasswd;
        }}
    }}
}}
"""


@dataclass(frozen=True)
class Nginx:
    """A running nginx: its URL, and its access log (method, path, status, Authorization)."""

    url: str
    access_log: Path


def nginx_or_skip() -> str:
    """nginx's path; the test skips when it is missing, except under CI, where it fails."""
    found = shutil.which("nginx") or next((path for path in ("/usr/sbin/nginx",) if os.access(path, os.X_OK)), None)
    if found is None or not _DAV_EXT_MODULE.exists() and not _dav_ext_built_in(found):
        if os.environ.get("CI") == "true":
            pytest.fail(NGINX_MISSING)
        pytest.skip(NGINX_MISSING)
    return found


def _dav_ext_built_in(nginx: str) -> bool:
    built = subprocess.run([nginx, "-V"], capture_output=True, text=True, check=False).stderr
    return "dav-ext" in built or "dav_ext" in built


@contextmanager
def running_nginx(root: Path, *, users: dict[str, str], folder: Path,
                  tls: tuple[Path, Path] | None = None) -> Iterator[Nginx]:
    """nginx serving `root` over WebDAV to the `users` (name: password), its files in
    `folder`; over HTTPS with (certificate, key) `tls`; stopped at the end."""
    nginx = nginx_or_skip()
    port = _free_port()
    (folder / "htpasswd").write_text("".join(f"{name}:{{PLAIN}}{password}\n" for name, password in users.items()))
    (folder / "nginx.conf").write_text(_NGINX_CONF.format(
        load_module=f"load_module {_DAV_EXT_MODULE};" if _DAV_EXT_MODULE.exists() else "",
        user="user root;" if os.geteuid() == 0 else "",  # the workers must write the test's folders
        prefix=folder, port=port, root=root, ssl=" ssl" if tls else "",
        certificate=f"ssl_certificate {tls[0]}; ssl_certificate_key {tls[1]};" if tls else ""))
    process = subprocess.Popen([nginx, "-p", str(folder), "-e", str(folder / "error.log"), "-c",
                                str(folder / "nginx.conf"), "-g", "daemon off;"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        _wait_for_port(port, process, folder / "error.log")
        yield Nginx(url=f"{'https' if tls else 'http'}://127.0.0.1:{port}/", access_log=folder / "access.log")
    finally:
        process.terminate()
        process.wait(timeout=10)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for_port(port: int, process: subprocess.Popen[bytes], error_log: Path) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log = error_log.read_text() if error_log.exists() else ""
            raise RuntimeError(f"nginx stopped at once: {log}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.05)  # nginx is a separate process: polling its port is the only signal
    raise RuntimeError("nginx did not answer within 15 seconds")


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
    return f"http://127.0.0.1:{_free_port()}/"
