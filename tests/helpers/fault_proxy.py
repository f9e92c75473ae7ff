"""A bad network between fieldkit and a real WebDAV server: a proxy on 127.0.0.1 that
forwards HTTP/1.1 requests to the server and their answers back, and does to them the
one fault the test chose:

    with running_fault_proxy(server_url, fault=cut_upload(after=4000)) as proxy:
        WebDavTransport(proxy.url, ...).put(...)   # the connection drops mid-upload
        proxy.fault = None                        # the network is good again

It reads just enough HTTP (a head, then a body by Content-Length or chunks) to know
where a request's body and an answer's body are; everything else passes through.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit

_PIECE = 16 * 1024


@dataclass(frozen=True)
class Fault:
    """What goes wrong, for which requests: those of `method` (any when None), and of
    those only the `nth` (1-based; every one when None)."""

    kind: str  # cut_upload, cut_download, lost_answer, status, slow, stall, truncate
    method: str | None = None
    nth: int | None = None
    after: int = 0  # body bytes that pass before the fault
    status: int = 0
    bytes_per_second: int = 0


def cut_upload(*, after: int, method: str = "PUT", nth: int | None = None) -> Fault:
    """The connection reset after `after` bytes of the request's body reached the server."""
    return Fault("cut_upload", method=method, nth=nth, after=after)


def cut_download(*, after: int, method: str = "GET", nth: int | None = None) -> Fault:
    """The connection reset after `after` bytes of the answer's body."""
    return Fault("cut_download", method=method, nth=nth, after=after)


def lost_answer(*, method: str, nth: int | None = None) -> Fault:
    """The server did the request, and the connection reset before its answer arrived."""
    return Fault("lost_answer", method=method, nth=nth)


def answer_status(status: int, *, method: str | None = None, nth: int | None = None) -> Fault:
    """The proxy answers `status` itself; the server never sees the request."""
    return Fault("status", method=method, nth=nth, status=status)


def slow(*, bytes_per_second: int) -> Fault:
    """Every body, both ways, at `bytes_per_second`."""
    return Fault("slow", bytes_per_second=bytes_per_second)


def stall(*, after: int = 0, method: str = "GET", nth: int | None = None) -> Fault:
    """After `after` bytes of the answer's body (0: before its head), nothing more, the
    connection kept open."""
    return Fault("stall", method=method, nth=nth, after=after)


def truncate(*, after: int, method: str = "GET", nth: int | None = None) -> Fault:
    """The answer's head as the server sent it (its Content-Length too), `after` bytes of
    its body, then the connection closed cleanly."""
    return Fault("truncate", method=method, nth=nth, after=after)


class _Reader:
    """Buffered reading from a socket, without socket.makefile (whose open file would keep
    the socket from closing, and so from sending the reset a fault needs)."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._buffer = b""

    def _fill(self) -> bool:
        received = self._sock.recv(_PIECE)
        self._buffer += received
        return bool(received)

    def readline(self, limit: int) -> bytes:
        while b"\n" not in self._buffer and len(self._buffer) < limit and self._fill():
            pass
        end = self._buffer.find(b"\n") + 1 or min(len(self._buffer), limit)
        line, self._buffer = self._buffer[:end], self._buffer[end:]
        return line

    def read(self, size: int) -> bytes:
        if not self._buffer:
            self._fill()
        piece, self._buffer = self._buffer[:size], self._buffer[size:]
        return piece


class _Cut(Exception):
    """The fault ended the exchange: the connection is closed (or stalled)."""


class FaultProxy:
    def __init__(self, upstream_url: str, *, fault: Fault | None) -> None:
        parts = urlsplit(upstream_url)
        self._upstream = (parts.hostname or "127.0.0.1", parts.port or 80)
        self._base = parts.path
        self.fault = fault
        self.requests: list[str] = []  # "METHOD path", as the client sent them
        self._matched = 0
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}{self._base}"

    def serve(self) -> None:
        while not self._stopped.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return  # the listener was closed: stop
            threading.Thread(target=self._connection, args=(client,), daemon=True).start()

    def stop(self) -> None:
        self._stopped.set()
        try:
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the accept() (close alone would not)
        except OSError:
            pass
        self._listener.close()

    def _fault_for(self, method: str) -> Fault | None:
        with self._lock:
            fault = self.fault
            if fault is None or fault.method not in (None, method):
                return None
            self._matched += 1
            return fault if fault.nth in (None, self._matched) else None

    def _connection(self, client: socket.socket) -> None:
        upstream: socket.socket | None = None
        try:
            from_client = _Reader(client)
            while (head := _head(from_client)) is not None:
                method, path = head.split(b" ", 2)[:2]
                self.requests.append(f"{method.decode()} {path.decode()}")
                fault = self._fault_for(method.decode())
                if fault is not None and fault.kind == "status":
                    _discard(from_client, _length(head))
                    client.sendall(_canned(fault.status))
                    return
                upstream = upstream or socket.create_connection(self._upstream)
                if not self._exchange(head, from_client, client, upstream, fault):
                    return
        except (_Cut, OSError):
            pass
        finally:
            if upstream is not None:
                upstream.close()
            client.close()

    def _exchange(self, head: bytes, from_client: _Reader, client: socket.socket, upstream: socket.socket,
                  fault: Fault | None) -> bool:
        """One request and its answer; False when the connection must close afterwards."""
        upstream.sendall(head)
        upload = fault if fault is not None and fault.kind in ("cut_upload", "slow") else None
        self._pass(_fixed(from_client, _length(head)), upstream, upload, cut=(client, upstream))
        from_server = _Reader(upstream)
        answer = _head(from_server)
        if answer is None:
            return False
        if fault is not None and fault.kind == "lost_answer":
            _reset(client)
            raise _Cut
        if fault is not None and fault.kind == "stall" and fault.after == 0:
            self._fail(fault, (client, upstream))  # not even the answer's head
        client.sendall(answer)
        download = fault if fault is not None and fault.kind != "cut_upload" else None
        method = head.split(b" ", 1)[0]
        self._pass(_body(answer, from_server, method=method), client, download, cut=(client, upstream))
        return b"connection: close" not in answer.lower()

    def _pass(self, pieces: Iterator[bytes], to: socket.socket, fault: Fault | None, *,
              cut: tuple[socket.socket, socket.socket]) -> None:
        sent = 0
        for piece in pieces:
            if fault is not None and fault.kind != "slow" and sent + len(piece) >= fault.after:
                to.sendall(piece[:fault.after - sent])
                self._fail(fault, cut)
            sent += len(piece)
            if fault is not None and fault.kind == "slow":
                _send_slowly(to, piece, fault.bytes_per_second)
            else:
                to.sendall(piece)

    def _fail(self, fault: Fault, cut: tuple[socket.socket, socket.socket]) -> None:
        if fault.kind == "stall":
            self._stopped.wait()  # the link is dead but nobody closed it
        elif fault.kind == "truncate":
            cut[0].shutdown(socket.SHUT_RDWR)
        else:
            for end in cut:
                _reset(end)
        raise _Cut


def _head(reader: _Reader) -> bytes | None:
    lines = []
    while (line := reader.readline(65536)) not in (b"\r\n", b"\n"):
        if not line:
            return None
        lines.append(line)
    return b"".join(lines) + b"\r\n"


def _header(head: bytes, name: bytes) -> bytes | None:
    for line in head.split(b"\r\n")[1:]:
        key, _, value = line.partition(b":")
        if key.strip().lower() == name:
            return value.strip()
    return None


def _length(head: bytes) -> int:
    return int(_header(head, b"content-length") or 0)


def _fixed(reader: _Reader, length: int) -> Iterator[bytes]:
    while length > 0 and (piece := reader.read(min(_PIECE, length))):
        length -= len(piece)
        yield piece


def _chunked(reader: _Reader) -> Iterator[bytes]:
    while line := reader.readline(65536):
        yield line
        size = int(line.split(b";")[0], 16)
        if size == 0:
            while (trailer := reader.readline(65536)) not in (b"", b"\r\n"):
                yield trailer
            yield b"\r\n"
            return
        yield from _fixed(reader, size + 2)


def _body(answer: bytes, reader: _Reader, *, method: bytes) -> Iterator[bytes]:
    status = int(answer.split(b" ", 2)[1])
    if method == b"HEAD" or status in (204, 304) or status < 200:
        return iter(())
    if (_header(answer, b"transfer-encoding") or b"").lower() == b"chunked":
        return _chunked(reader)
    length = _header(answer, b"content-length")
    return _fixed(reader, int(length)) if length is not None else iter(lambda: reader.read(_PIECE), b"")


def _discard(reader: _Reader, length: int) -> None:
    for _ in _fixed(reader, length):
        pass


def _canned(status: int) -> bytes:
    body = f"fault proxy: {status}\n".encode()
    return (f"HTTP/1.1 {status} Fault\r\nContent-Type: text/plain\r\nContent-Length: {len(body)}\r\n"
            "Connection: close\r\n\r\n").encode() + body


def _reset(end: socket.socket) -> None:
    """Closed with a reset (RST), as a dropped link looks to the other side."""
    end.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    end.close()


def _send_slowly(to: socket.socket, piece: bytes, bytes_per_second: int) -> None:
    step = max(1, bytes_per_second // 20)
    for start in range(0, len(piece), step):
        to.sendall(piece[start:start + step])
        time.sleep(step / bytes_per_second)  # the link's speed, not a wait for an event


@contextmanager
def running_fault_proxy(upstream_url: str, *, fault: Fault | None = None) -> Iterator[FaultProxy]:
    """A FaultProxy in front of `upstream_url`; yields it (its `url`, `fault`, `requests`)."""
    proxy = FaultProxy(upstream_url, fault=fault)
    thread = threading.Thread(target=proxy.serve, daemon=True)
    thread.start()
    try:
        yield proxy
    finally:
        proxy.stop()
        thread.join(timeout=10)
