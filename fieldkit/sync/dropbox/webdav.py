"""A drop box on a WebDAV server (RFC 4918): Nextcloud/ownCloud, nginx's DAV module,
Apache mod_dav, or a coordinator's laptop serving its drop box.

The HTTP client is the standard library's http.client, not httpx: pinning a self-signed
certificate needs the server's certificate after the TLS handshake and before the first
request (so that the password never reaches an impostor), which http.client gives
directly (`sock.getpeercert`) and httpx does not; streaming a GET and a PUT from a file
need nothing more, and no new dependency ships with the app.

Every answer is untrusted: a listing is parsed with no entities, no DTD and no network,
only direct children with plain names are kept, and a download is capped by the caller.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import re
import secrets
import ssl
from base64 import b64encode
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO
from urllib.parse import quote, urlsplit

from fieldkit.files import atomic_writer
from fieldkit.sync.dropbox.propfind import LISTING_LIMIT, PROPFIND_BODY, Listed, listed_children
from fieldkit.sync.dropbox.transport import (
    LOCAL_DISK_FULL,
    TEMPORARY_PREFIX,
    DropBoxError,
    Entry,
    checked_path,
    fills_the_disk,
)
from fieldkit.sync.dropbox.webdav_messages import (
    BAD_PIN,
    CERTIFICATE,
    COORDINATOR_DISK_FULL,
    COORDINATOR_NOT_TAKEN_IN,
    FORBIDDEN,
    FULL,
    INTERRUPTED,
    LARGER_THAN_COORDINATOR_QUOTA,
    LISTING_TOO_LARGE,
    LOCAL_FILE,
    NOT_A_WEBDAV_URL,
    NOT_FOUND,
    NOT_TRUSTED_BY_COORDINATOR,
    PIN_MISMATCH,
    PIN_WITHOUT_TLS,
    SERVER,
    TOO_LARGE,
    TRUNCATED,
    UNAUTHORIZED,
    UNEXPECTED,
    UNREACHABLE,
)

if TYPE_CHECKING:
    from fieldkit.sync.dropbox.lan_auth import LanSigner

_CHUNK = 256 * 1024
# a connection the server closed while idle shows up only when it is used again
_STALE_CONNECTION = (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError)


class WebDavTransport:
    """The Transport contract over WebDAV; one connection, kept open between requests."""

    def __init__(self, url: str, *, user: str | None = None, password: str | None = None,
                 pinned_sha256: str | None = None, timeout: float = 30.0, signer: LanSigner | None = None) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise DropBoxError(NOT_A_WEBDAV_URL, reason="bad_path", url=url)
        self.url = url
        self._https = parts.scheme == "https"
        self._host = parts.hostname
        self._port = parts.port or (443 if self._https else 80)
        self._origin = (parts.scheme, parts.netloc.rpartition("@")[2].lower())
        self._base = parts.path.rstrip("/") + "/"
        self._timeout = timeout
        self._pin = _fingerprint(pinned_sha256, url=url) if pinned_sha256 else None
        if self._pin is not None and not self._https:
            raise DropBoxError(PIN_WITHOUT_TLS, reason="certificate", url=url)
        self._auth = None if user is None else "Basic " + b64encode(f"{user}:{password or ''}".encode()).decode()
        self._connection: http.client.HTTPConnection | None = None
        self._signer = signer  # a coordinator's `fieldkit serve`: every request signed (lan_auth)
        # folders a listing found missing: made before an upload into them, which would
        # otherwise send the whole body only to have it refused (409) and sent again
        self._missing_folders: set[str] = set()

    # -- the contract -------------------------------------------------------------------

    def folders(self) -> list[str]:
        return sorted(child.name for child in self._children("") if child.collection)

    def files(self, folder: str) -> list[Entry]:
        checked_path(folder)
        return sorted((Entry(name=child.name, size=child.size) for child in self._children(folder)
                       if not child.collection), key=lambda entry: entry.name)

    def fetch(self, path: str, target: Path, *, limit: int) -> None:
        href = self._href(checked_path(path))
        with self._exchange("GET", href) as response:
            self._raise_for(response, path, allowed=(200,))
            declared = _content_length(response)
            if declared is not None and declared > limit:
                raise DropBoxError(TOO_LARGE, reason="too_large", path=path, limit=limit)
            _download(response, target, path=path, limit=limit, declared=declared)

    def put(self, source: Path, path: str, *, replace: bool = False) -> bool:
        parts = checked_path(path)
        temporary = parts[:-1] + [TEMPORARY_PREFIX + secrets.token_hex(8)]
        if "/".join(parts[:-1]) in self._missing_folders:
            self._make_folders(parts[:-1], path=path)
            self._upload(source, temporary, path=path, parent_known=True)
        elif not self._upload(source, temporary, path=path):
            self._make_folders(parts[:-1], path=path)
            self._upload(source, temporary, path=path, parent_known=True)
        try:
            return self._move(temporary, parts, replace=replace, path=path)
        except BaseException:
            self._remove_quietly(temporary)
            raise

    def remove(self, path: str) -> None:
        with self._exchange("DELETE", self._href(checked_path(path))) as response:
            self._raise_for(response, path, allowed=(200, 204, 404))

    def __enter__(self) -> WebDavTransport:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    # -- the steps ----------------------------------------------------------------------

    def _children(self, folder: str) -> list[Listed]:
        parts = folder.split("/") if folder else []
        href = self._href(parts, collection=True)
        headers = {"Depth": "1", "Content-Type": "application/xml; charset=utf-8"}
        with self._exchange("PROPFIND", href, headers=headers, body=PROPFIND_BODY) as response:
            if response.status == 404 and parts:
                self._missing_folders.add(folder)
                return []  # a folder no device has written yet; a missing top is a wrong address
            self._raise_for(response, folder or "/", allowed=(207,))
            answer = response.read(LISTING_LIMIT + 1)
        if len(answer) > LISTING_LIMIT:
            raise DropBoxError(LISTING_TOO_LARGE, reason="too_large", url=self.url)
        return listed_children(answer, folder_href=href, origin=self._origin)

    def _upload(self, source: Path, parts: list[str], *, path: str, parent_known: bool = False) -> bool:
        """False when the folder is missing (409), so that it is made and the upload redone."""
        try:
            stream = source.open("rb")
        except OSError as error:
            raise DropBoxError(LOCAL_FILE, reason="interrupted", path=str(source),
                               error=error.strerror or error) from None
        with stream:
            headers = {"Content-Length": str(os.fstat(stream.fileno()).st_size)}
            with self._exchange("PUT", self._href(parts), headers=headers, body=stream) as response:
                if response.status == 409 and not parent_known:
                    return False
                self._raise_for(response, path, allowed=(200, 201, 204))
        return True

    def _make_folders(self, parts: list[str], *, path: str) -> None:
        for depth in range(1, len(parts) + 1):
            with self._exchange("MKCOL", self._href(parts[:depth], collection=True)) as response:
                self._raise_for(response, path, allowed=(201, 405))  # 405: it exists
            self._missing_folders.discard("/".join(parts[:depth]))

    def _move(self, temporary: list[str], parts: list[str], *, replace: bool, path: str) -> bool:
        scheme, netloc = self._origin
        headers = {"Destination": f"{scheme}://{netloc}{self._href(parts)}", "Overwrite": "T" if replace else "F"}
        with self._exchange("MOVE", self._href(temporary), headers=headers) as response:
            status = response.status
            if status not in (404, 412):
                self._raise_for(response, path, allowed=(201, 204))
        if status == 404:
            return self._moved_before(parts, path=path)
        if status == 412:  # the name exists: the same bundle, left as it is; removed once the
            self._remove_quietly(temporary)  # MOVE's answer is read: one request at a time
        return status != 412

    def _moved_before(self, parts: list[str], *, path: str) -> bool:
        """After a MOVE found no temporary file: a MOVE sent again because the connection
        dropped before the first one's answer (which the server had done) finds the file in
        place; only this device writes its folder, so the file there is the one it moved."""
        headers = {"Depth": "0", "Content-Type": "application/xml; charset=utf-8"}
        with self._exchange("PROPFIND", self._href(parts), headers=headers, body=PROPFIND_BODY) as response:
            self._raise_for(response, path, allowed=(207,))
        return True

    def _remove_quietly(self, parts: list[str]) -> None:
        """The temporary upload removed if possible: a leftover is only listed as nothing."""
        try:
            with self._exchange("DELETE", self._href(parts)) as response:
                response.read()
        except DropBoxError:
            pass

    # -- HTTP -----------------------------------------------------------------------------

    def _href(self, parts: list[str], *, collection: bool = False) -> str:
        return self._base + "/".join(quote(part, safe="") for part in parts) + ("/" if collection and parts else "")

    @contextmanager
    def _exchange(self, method: str, href: str, *, headers: dict[str, str] | None = None,
                  body: bytes | BinaryIO | None = None) -> Iterator[http.client.HTTPResponse]:
        """One request and its answer; every network fault said as a DropBoxError."""
        all_headers = dict(headers or {})
        if self._auth:
            all_headers["Authorization"] = self._auth
        try:
            response = (self._send(method, href, all_headers, body) if self._signer is None
                        else self._signed_send(method, href, all_headers, body))
            try:
                yield response
                response.read()  # the rest, so that the connection can be used again
            finally:
                if response.will_close:
                    self.close()
                response.close()
        except DropBoxError:
            self.close()
            raise
        except (OSError, http.client.HTTPException) as error:
            # connected (_connected says the faults before): a reset, a stall past the
            # timeout, a cut TLS stream or a garbled answer all cut this exchange short
            self.close()
            raise DropBoxError(INTERRUPTED, reason="interrupted", url=self.url,
                               error=str(error) or type(error).__name__) from None

    def _send(self, method: str, href: str, headers: dict[str, str],
              body: bytes | BinaryIO | None) -> http.client.HTTPResponse:
        reused = self._connection is not None
        try:
            return _answer(self._connected(), method, href, headers, body)
        except _STALE_CONNECTION:
            if not reused:
                raise
            self.close()
            if body is not None and not isinstance(body, bytes):
                body.seek(0)
            return _answer(self._connected(), method, href, headers, body)

    def _signed_send(self, method: str, href: str, headers: dict[str, str],
                     body: bytes | BinaryIO | None) -> http.client.HTTPResponse:
        """The request signed with the nonce of this server run, learnt from its 401 first;
        sent once more when the answer is a 401 with another nonce (the server restarted)."""
        from fieldkit.sync.dropbox.lan_auth import nonce_in

        assert self._signer is not None
        digest = _sha256_of(body)
        for attempt in (1, 2):
            if self._signer.nonce is None and not self._learn_nonce():
                return self._send(method, href, headers, body)  # a plain WebDAV server: nothing to sign
            headers["Authorization"] = self._signer.authorization(method=method, path=href, headers=headers,
                                                                  body_sha256=digest)
            response = self._send(method, href, headers, body)
            fresh = nonce_in(response.getheader("WWW-Authenticate")) if response.status == 401 else None
            if attempt == 2 or fresh is None or fresh == self._signer.nonce:
                return response
            response.read()
            if response.will_close:
                self.close()
            self._signer.nonce = fresh
            if body is not None and not isinstance(body, bytes):
                body.seek(0)
        raise AssertionError("unreachable")

    def _learn_nonce(self) -> bool:
        """Whether the server asks for a device signature (a coordinator's `fieldkit serve`);
        a plain WebDAV server does not, and its requests then go unsigned."""
        from fieldkit.sync.dropbox.lan_auth import nonce_in

        assert self._signer is not None
        response = self._send("OPTIONS", self._base, {}, None)
        response.read()
        if response.will_close:
            self.close()
        self._signer.nonce = nonce_in(response.getheader("WWW-Authenticate"))
        if self._signer.nonce is None:
            self._signer = None
        return self._signer is not None

    def _connected(self) -> http.client.HTTPConnection:
        if self._connection is not None:
            return self._connection
        connection: http.client.HTTPConnection
        if self._https:
            connection = http.client.HTTPSConnection(self._host, self._port, timeout=self._timeout,
                                                     context=self._tls_context())
        else:
            connection = http.client.HTTPConnection(self._host, self._port, timeout=self._timeout)
        try:
            connection.connect()
        except ssl.SSLError as error:
            connection.close()
            raise DropBoxError(CERTIFICATE, reason="certificate", url=self.url, error=str(error)) from None
        except OSError as error:
            connection.close()
            raise DropBoxError(UNREACHABLE, reason="unreachable", url=self.url,
                               error=str(error) or type(error).__name__) from None
        if self._pin is not None:
            self._check_pin(connection)
        self._connection = connection
        return connection

    def _tls_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context()
        if self._pin is not None:
            # the pin is the whole check: a self-signed certificate has no authority to verify
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        return context

    def _check_pin(self, connection: http.client.HTTPConnection) -> None:
        sock = connection.sock
        der = sock.getpeercert(binary_form=True) if isinstance(sock, ssl.SSLSocket) else None
        seen = hashlib.sha256(der).hexdigest() if der else "none"
        if seen != self._pin:
            connection.close()
            raise DropBoxError(PIN_MISMATCH, reason="certificate", url=self.url, expected=self._pin, seen=seen)

    def _raise_for(self, response: http.client.HTTPResponse, path: str, *, allowed: tuple[int, ...]) -> None:
        status = response.status
        if status in allowed:
            return
        reason, message = _STATUS_REASONS.get(status, ("server", SERVER))
        if status < 500 and status not in _STATUS_REASONS:
            reason, message = "server", UNEXPECTED
        if status == 403 and _untrusted_here(response):  # a coordinator's share, and this key is not trusted
            message = NOT_TRUSTED_BY_COORDINATOR
        if status == 507:
            message = _full_message(response)
        raise DropBoxError(message, reason=reason, url=self.url, path=path, status=status)


def _answer(connection: http.client.HTTPConnection, method: str, href: str, headers: dict[str, str],
            body: bytes | BinaryIO | None) -> http.client.HTTPResponse:
    """The server's answer to one request. A server may answer before it takes the whole
    body (a coordinator's share refusing a PUT on its Content-Length) and close: the
    sending then breaks, and the answer waiting on the connection is read, not taken for
    a cut (none there: the break is raised)."""
    try:
        connection.request(method, href, body=body, headers=headers)
    except (BrokenPipeError, ConnectionResetError) as broken:
        try:
            return connection.getresponse()
        except (OSError, http.client.HTTPException):
            raise broken from None
    return connection.getresponse()


def _untrusted_here(response: http.client.HTTPResponse) -> bool:
    from fieldkit.sync.dropbox.lan_auth import NOT_TRUSTED_VALUE

    return _refused_here(response) == NOT_TRUSTED_VALUE


def _full_message(response: http.client.HTTPResponse) -> str:
    """A coordinator's share says which room is missing (what its laptop's user can do
    differs); any other server's 507 is its storage, its administrator's to give."""
    from fieldkit.sync.dropbox import lan_auth

    return {lan_auth.OVER_QUOTA_VALUE: COORDINATOR_NOT_TAKEN_IN, lan_auth.DISK_FULL_VALUE: COORDINATOR_DISK_FULL,
            lan_auth.LARGER_THAN_QUOTA_VALUE: LARGER_THAN_COORDINATOR_QUOTA}.get(_refused_here(response) or "", FULL)


def _refused_here(response: http.client.HTTPResponse) -> str | None:
    """Why a coordinator's share refused (lan_auth.REFUSED_HEADER); None from any other server."""
    from fieldkit.sync.dropbox.lan_auth import REFUSED_HEADER

    return response.getheader(REFUSED_HEADER)


def _fingerprint(text: str, *, url: str) -> str:
    """A SHA-256 fingerprint as hex digits, however it was written (colons, spaces, capitals)."""
    digits = text.replace(":", "").replace(" ", "").lower()
    if re.fullmatch(r"[0-9a-f]{64}", digits) is None:
        raise DropBoxError(BAD_PIN, reason="certificate", url=url, pin=text)
    return digits


def _sha256_of(body: bytes | BinaryIO | None) -> str:
    """The body's SHA-256 (a file is read through, then rewound for sending)."""
    if body is None or isinstance(body, bytes):
        return hashlib.sha256(body or b"").hexdigest()
    digest = hashlib.sha256()
    while chunk := body.read(_CHUNK):
        digest.update(chunk)
    body.seek(0)
    return digest.hexdigest()


def _content_length(response: http.client.HTTPResponse) -> int | None:
    value = response.getheader("Content-Length")
    return int(value) if value is not None and value.isdigit() else None


def _download(response: http.client.HTTPResponse, target: Path, *, path: str, limit: int,
              declared: int | None) -> None:
    """The body written to a temporary file beside `target`, renamed once whole (the
    temporary file removed otherwise)."""
    try:
        # not durable: a fetched bundle is imported at once, then removed
        with atomic_writer(target, durable=False) as out:
            received = _copy(response, out, path=path, limit=limit)
            if declared is not None and received < declared:
                raise DropBoxError(TRUNCATED, reason="interrupted", path=path, received=received, declared=declared)
    except (TimeoutError, ConnectionError, ssl.SSLError):
        raise  # the network's fault, not this computer's: the exchange says it
    except OSError as error:
        if fills_the_disk(error):
            raise DropBoxError(LOCAL_DISK_FULL, reason="disk_full", path=str(target)) from None
        raise DropBoxError(LOCAL_FILE, reason="interrupted", path=str(target), error=error.strerror or error) from None


def _copy(response: http.client.HTTPResponse, out: BinaryIO, *, path: str, limit: int) -> int:
    received = 0
    while chunk := response.read(_CHUNK):
        received += len(chunk)
        if received > limit:
            raise DropBoxError(TOO_LARGE, reason="too_large", path=path, limit=limit)
        out.write(chunk)
    return received


_STATUS_REASONS = {
    401: ("unauthorized", UNAUTHORIZED),
    403: ("forbidden", FORBIDDEN),
    404: ("not_found", NOT_FOUND),
    507: ("full", FULL),
}
