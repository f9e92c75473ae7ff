"""`fieldkit serve`: a coordinator's laptop sharing its drop box on a LAN or a phone
hotspot, speaking the WebDAV subset WebDavTransport uses (PROPFIND Depth 1, GET, PUT to
`.tmp-*`, MOVE with Overwrite, DELETE, MKCOL), so members' laptops need no other client.

Everything a request names is untrusted: each path is made of checked names, walked
one folder at a time without following links; only regular files are served. Every
request is signed (fieldkit.sync.dropbox.lan_auth) and checked against the
coordinator's trust table (lan_gate); a body is refused on its Content-Length before a
byte is read when it would pass the device's quota (what the coordinator has not taken
in yet) or the free disk, and never read past it; a client that stalls is dropped after `timeout` seconds.
"""

from __future__ import annotations

import errno
import hashlib
import http.server
import os
import shutil
import stat
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from shutil import disk_usage
from urllib.parse import urlsplit

from fieldkit.store.identity import verify_signature
from fieldkit.sync.dropbox import lan_auth
from fieldkit.sync.dropbox.lan_auth import lan_signer  # noqa: F401 - remotes.py takes it from here
from fieldkit.sync.dropbox.lan_gate import Gate, UploadRefused
from fieldkit.sync.dropbox.server_files import (
    ENTRY_ROOM,
    NO_LINKS,
    TEMPORARY,
    Refusal,
    into_place,
    lstat_mode,
    multistatus,
    regular_file,
    request_parts,
    usage,
    walk,
)

DEFAULT_QUOTA = 200 << 20
DEFAULT_PORT = 8470
SMALL_BODY = 64 << 10  # a PROPFIND's body; any other request but PUT has none
DRAIN_LIMIT = 1 << 20  # a refused body up to this is read, so that the connection stays usable
# An upload is accepted only if the coordinator can still take it in: its pull of the
# share copies a bundle and imports it (twice its size) and wants 256 MiB free besides
# (fieldkit.services.network_pull.FREE_MARGIN), or stops with disk_full, and the upload
# would then count against its device's quota unimported. So a PUT needs three times its
# length free, and this margin, twice the pull's, so that the coordinator's own work (its
# database's write-ahead log, its own photos, the system) keeps room when the pull is done.
FREE_SPACE_MARGIN = 512 << 20
IMPORT_ROOM_FACTOR = 3  # the upload, its copy in the pull's incoming/, what its import stores
NOT_TRUSTED = "this device is not trusted by the coordinator"
OVER_QUOTA = "this device's folder is over its quota (what the coordinator has not taken in yet)"
LARGER_THAN_QUOTA = "the upload is larger than this device's whole quota"
DISK_FULL = "the coordinator's disk is full"
# a refusal's text -> the X-Fieldkit-Refused value that tells the client which it is
_REFUSED_VALUES = {NOT_TRUSTED: lan_auth.NOT_TRUSTED_VALUE, OVER_QUOTA: lan_auth.OVER_QUOTA_VALUE,
                   LARGER_THAN_QUOTA: lan_auth.LARGER_THAN_QUOTA_VALUE, DISK_FULL: lan_auth.DISK_FULL_VALUE}
_CHUNK = 256 * 1024


@dataclass(frozen=True, slots=True)
class Seen:
    """One answered request, for the coordinator's list of laptops: the signer's key
    fingerprint (None when unsigned or not signed by that key), the method, the path (a MOVE's destination) and the
    status answered."""

    fingerprint: str | None
    method: str
    path: str
    status: int
    refusal: str = ""  # why, when refused

    @property
    def untrusted(self) -> bool:
        return self.refusal == NOT_TRUSTED


class LanDropBox(http.server.ThreadingHTTPServer):
    """The drop box folder `root` served on (host, port); `on_arrival()` runs after each
    file moved into place, `on_request(Seen)` after each answer (both in the request's thread)."""

    daemon_threads = True
    request_queue_size = 32

    def __init__(self, root: Path, *, gate: Gate, quota: int = DEFAULT_QUOTA, host: str = "0.0.0.0",
                 port: int = DEFAULT_PORT, timeout: float = 30.0, on_arrival: Callable[[], None] | None = None,
                 on_request: Callable[[Seen], None] | None = None) -> None:
        self.root = Path(root)
        self.on_request = on_request or (lambda seen: None)
        self.gate, self.quota, self.timeout_seconds = gate, quota, timeout
        self.on_arrival = on_arrival or (lambda: None)
        self.nonce = lan_auth.new_nonce()
        self._site_locks: dict[str, threading.Lock] = {}
        self._locks_lock = threading.Lock()
        self.root.mkdir(parents=True, exist_ok=True)
        super().__init__((host, port), _Handler)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def site_lock(self, site_id: str) -> threading.Lock:
        with self._locks_lock:
            return self._site_locks.setdefault(site_id, threading.Lock())

    def handle_error(self, request: object, client_address: object) -> None:
        """A client gone mid-request is ordinary on a hotspot; nothing to print."""


class _Handler(http.server.BaseHTTPRequestHandler):
    server: LanDropBox
    protocol_version = "HTTP/1.1"
    _fingerprint: str | None = None
    _status = 0
    _refusal = ""

    def setup(self) -> None:
        super().setup()
        self.connection.settimeout(self.server.timeout_seconds)  # a stalled client frees its thread

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def _handle(self) -> None:
        self._body_pending, self._fingerprint, self._status, self._refusal = True, None, 0, ""
        try:
            self._answer()
        finally:
            if self._status:
                target = self.headers.get("Destination") if self.command == "MOVE" else None
                self.server.on_request(Seen(self._fingerprint, self.command, urlsplit(target or self.path).path,
                                            self._status, self._refusal))

    def _answer(self) -> None:
        try:
            fingerprint, key, body_sha256 = self._authenticated()
            parts = request_parts(self.path)
            operation = _OPERATIONS.get(self.command)
            if operation is None:
                raise Refusal(405, "not a method of this drop box")
            if self.command != "PUT":
                self._small_body(body_sha256)
            operation(self, parts, key, body_sha256)
        except Refusal as refusal:
            self._refuse(refusal.status, str(refusal))
        except OSError as error:
            full = error.errno in (errno.ENOSPC, errno.EDQUOT)
            self._refuse(507 if full else 500, DISK_FULL if full else "storage fault")

    do_OPTIONS = do_PROPFIND = do_GET = do_PUT = do_MOVE = do_DELETE = do_MKCOL = _handle

    # -- who is asking -------------------------------------------------------------------

    def _authenticated(self) -> tuple[str, bytes, str]:
        signed = lan_auth.parse_authorization(self.headers.get("Authorization"))
        if signed is None:
            raise Refusal(401, "sign the request")
        key = signed.public_key
        try:
            message = lan_auth.signed_message(nonce=self.server.nonce, method=self.command, path=self.path,
                                              headers=self._signed_headers(), body_sha256=signed.body_sha256)
        except ValueError:
            raise Refusal(400, "a line break in a signed header") from None
        if not verify_signature(key, signed.signature, message):
            raise Refusal(401, "the signature does not match (sign again with this nonce)")
        # only a request its key really signed is put to that device's name (Laptops seen)
        self._fingerprint = signed.fingerprint
        if not self.server.gate.trusted(signed.fingerprint):
            raise Refusal(403, NOT_TRUSTED)
        return signed.fingerprint, key, signed.body_sha256

    def _signed_headers(self) -> dict[str, str]:
        return {name: self.headers.get(name) or "" for name in ("Destination", "Overwrite")}

    def _owned(self, parts: list[str], key: bytes) -> str:
        if not parts or not self.server.gate.owns(parts[0], key):
            raise Refusal(403, "a device writes only its own folder")
        return parts[0]

    # -- bodies and answers ----------------------------------------------------------------

    def _length(self) -> int:
        if self.headers.get("Transfer-Encoding"):
            raise Refusal(411, "send a Content-Length")
        text = self.headers.get("Content-Length") or "0"
        if not text.isascii() or not text.isdigit():
            raise Refusal(400, "Content-Length is not a number")
        return int(text)

    def _small_body(self, body_sha256: str) -> None:
        length = self._length()
        if length > SMALL_BODY:
            raise Refusal(413, "request body too large")
        body = self.rfile.read(length)
        self._body_pending = False
        if len(body) < length:
            raise Refusal(400, "body cut short")
        if hashlib.sha256(body).hexdigest() != body_sha256:
            raise Refusal(400, "the body does not match its signed digest")

    def _refuse(self, status: int, text: str) -> None:
        self._refusal = text
        if self._body_pending:  # a refused body is read when small, else the connection is dropped
            try:
                length = self._length()
            except Refusal:
                length = DRAIN_LIMIT + 1
            if length <= DRAIN_LIMIT:
                self.rfile.read(length)
            else:
                self.close_connection = True
        headers = {"WWW-Authenticate": lan_auth.challenge(self.server.nonce)} if status == 401 else {}
        if text in _REFUSED_VALUES:
            headers[lan_auth.REFUSED_HEADER] = _REFUSED_VALUES[text]
        self.reply(status, text.encode("utf-8"), headers=headers)

    def reply(self, status: int, body: bytes = b"", *, headers: dict[str, str] | None = None,
              content_type: str = "text/plain; charset=utf-8") -> None:
        self._status = status
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    # -- the operations --------------------------------------------------------------------

    def options(self, parts: list[str], key: bytes, body_sha256: str) -> None:
        self.reply(200, headers={"DAV": "1", "Allow": ", ".join(sorted(_OPERATIONS))})

    def propfind(self, parts: list[str], key: bytes, body_sha256: str) -> None:
        if self.headers.get("Depth", "1") != "1":
            raise Refusal(403, "only Depth: 1 is answered")
        folder = walk(self.server.root, parts)
        if folder is None:
            raise Refusal(404, "no such folder")
        self.reply(207, multistatus(folder, parts), content_type="application/xml; charset=utf-8")

    def get(self, parts: list[str], key: bytes, body_sha256: str) -> None:
        with regular_file(self.server.root, parts) as (reading, size):
            self._status = 200
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(size))
            self.end_headers()
            shutil.copyfileobj(reading, self.wfile, _CHUNK)

    def put(self, parts: list[str], key: bytes, body_sha256: str) -> None:
        site = self._owned(parts, key)
        if TEMPORARY.fullmatch(parts[-1]) is None:
            raise Refusal(403, "upload to a temporary name, then move it into place")
        folder = walk(self.server.root, parts[:-1])
        if folder is None:
            raise Refusal(409, "the folder does not exist")
        length = self._length()
        with self.server.site_lock(site):
            self._check_room(site, length)
            self._receive(folder / parts[-1], length=length, body_sha256=body_sha256)
        self.reply(201)

    def _check_room(self, site: str, length: int) -> None:
        """The quota counts what the coordinator has not taken in (its imports free it);
        the free disk is the real guard, and keeps room for the import."""
        if length > self.server.quota:
            raise Refusal(507, LARGER_THAN_QUOTA)
        waiting = usage(self.server.root / site, name=site, taken_in=self.server.gate.taken_in(site))
        if waiting + max(length, ENTRY_ROOM) > self.server.quota:
            raise Refusal(507, OVER_QUOTA)
        if disk_usage(self.server.root).free < IMPORT_ROOM_FACTOR * length + FREE_SPACE_MARGIN:
            raise Refusal(507, DISK_FULL)

    def _receive(self, target: Path, *, length: int, body_sha256: str) -> None:
        digest = hashlib.sha256()
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | NO_LINKS, 0o644)
        try:
            with os.fdopen(descriptor, "wb") as writing:
                remaining = length
                while remaining:
                    chunk = self.rfile.read(min(_CHUNK, remaining))
                    if not chunk:
                        raise Refusal(400, "body cut short")
                    digest.update(chunk)
                    writing.write(chunk)
                    remaining -= len(chunk)
            self._body_pending = False
            if digest.hexdigest() != body_sha256:
                raise Refusal(400, "the body does not match its signed digest")
        except BaseException:
            target.unlink(missing_ok=True)
            raise

    def move(self, parts: list[str], key: bytes, body_sha256: str) -> None:
        self._owned(parts, key)
        destination = request_parts(self.headers.get("Destination") or "")
        if TEMPORARY.fullmatch(parts[-1]) is None or destination[:-1] != parts[:-1] or \
                TEMPORARY.fullmatch(destination[-1]) is not None:
            raise Refusal(403, "only a temporary upload moves, into its own folder")
        folder = walk(self.server.root, parts[:-1])
        source = folder / parts[-1] if folder is not None else None
        if source is None or not stat.S_ISREG(lstat_mode(source)):
            raise Refusal(404, "no such upload")
        try:
            self.server.gate.check_upload(source, destination, key)
        except UploadRefused as refused:
            source.unlink(missing_ok=True)
            raise Refusal(403, str(refused)) from None
        if not into_place(source, source.with_name(destination[-1]),
                           replace=self.headers.get("Overwrite", "T") == "T"):
            raise Refusal(412, "the name exists")
        self.reply(201)
        self.server.on_arrival()

    def delete(self, parts: list[str], key: bytes, body_sha256: str) -> None:
        self._owned(parts, key)
        folder = walk(self.server.root, parts[:-1])
        target = folder / parts[-1] if folder is not None else None
        mode = lstat_mode(target) if target is not None else 0
        if target is None or mode == 0:
            raise Refusal(404, "no such file")
        if not stat.S_ISREG(mode):
            raise Refusal(403, "only files are removed")
        target.unlink(missing_ok=True)
        self.reply(204)

    def mkcol(self, parts: list[str], key: bytes, body_sha256: str) -> None:
        self._owned(parts, key)
        if len(parts) > 2:
            raise Refusal(403, "too deep")
        folder = walk(self.server.root, parts[:-1])
        if folder is None:
            raise Refusal(409, "the parent folder does not exist")
        with self.server.site_lock(parts[0]):
            if lstat_mode(folder / parts[-1]) != 0:
                raise Refusal(405, "it exists")
            self._check_room(parts[0], 0)  # a folder takes room too: ENTRY_ROOM
            try:
                (folder / parts[-1]).mkdir()
            except FileExistsError:
                raise Refusal(405, "it exists") from None
        self.reply(201)


_OPERATIONS: dict[str, Callable[[_Handler, list[str], bytes, str], None]] = {
    "OPTIONS": _Handler.options, "PROPFIND": _Handler.propfind, "GET": _Handler.get, "PUT": _Handler.put,
    "MOVE": _Handler.move, "DELETE": _Handler.delete, "MKCOL": _Handler.mkcol,
}
