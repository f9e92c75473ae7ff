"""A WebDAV server (or a man in the middle on http://) answering a put with a 507 whose
X-Fieldkit-Refused header is garbage, not ASCII, huge, or a share's value on an ordinary
server: the laptop says the drop box is full (or the exchange was cut), never a traceback.
A raw socket plays the server: it answers every request with the same bytes."""

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from fieldkit.sync.dropbox.transport import DropBoxError
from fieldkit.sync.dropbox.webdav import WebDavTransport


@contextmanager
def answering(reply: bytes) -> Iterator[str]:
    """A server on 127.0.0.1 that reads one request whole, then sends `reply` and closes."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(10)

    def serve() -> None:
        with listener, listener.accept()[0] as connection:
            request = b""
            while b"\r\n\r\n" not in request and (chunk := connection.recv(65536)):
                request += chunk
            head, _, body = request.partition(b"\r\n\r\n")
            length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                           if line.lower().startswith(b"content-length:")), 0)
            while len(body) < length and (chunk := connection.recv(65536)):
                body += chunk
            connection.sendall(reply)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/"
    finally:
        thread.join(timeout=10)


def refused_with(header: bytes) -> bytes:
    body = b"refused"
    return (b"HTTP/1.1 507 Insufficient Storage\r\n" + header + b"Content-Length: 7\r\nConnection: close\r\n\r\n"
            + body)


def put_through(url: str, tmp_path) -> DropBoxError:
    source = tmp_path / "bundle.fkb"
    source.write_bytes(b"PK" + bytes(1000))
    with WebDavTransport(url, timeout=10) as drop_box, pytest.raises(DropBoxError) as raised:
        drop_box.put(source, "a" * 32 + "/bundles/x.fkb")
    return raised.value


@pytest.mark.parametrize("header", ids=["none", "garbage", "not-ascii", "nul", "55-kB"], argvalues=[
    b"",  # an ordinary server's 507
    b"X-Fieldkit-Refused: '; DROP TABLE peer_acks; --\r\n",
    b"X-Fieldkit-Refused: \xff\xfe qu\xc3\xa1 \x80\r\n",  # not ASCII, not even UTF-8
    b"X-Fieldkit-Refused: over-quota\x00\r\n",
    b"X-Fieldkit-Refused: " + b"over-quota," * 5000 + b"\r\n",  # 55 kB, under http.client's line limit
])
def test_a_507_whose_refusal_is_not_a_shares_says_the_drop_box_is_full(tmp_path, header):
    with answering(refused_with(header)) as url:
        error = put_through(url, tmp_path)
    assert error.reason == "full"
    assert error.text("en") == (f"The drop box {url} is full. Ask its administrator for space; nothing is lost, "
                                "sync resumes afterwards.")
    assert error.text("vi").startswith(f"Hộp thư đồng bộ {url} đã đầy.")


def test_a_refusal_header_past_http_clients_line_limit_is_an_exchange_cut_short(tmp_path):
    with answering(refused_with(b"X-Fieldkit-Refused: " + b"x" * 70_000 + b"\r\n")) as url:
        error = put_through(url, tmp_path)
    assert error.reason == "interrupted" and "cut" in error.text("en")


def test_a_shares_value_from_any_server_only_chooses_the_words(tmp_path):
    # a man in the middle on http:// can say "over quota": the laptop then says to wait for
    # the coordinator's import; what is sent and kept is the same as for any 507
    with answering(refused_with(b"X-Fieldkit-Refused: over-quota\r\n")) as url:
        error = put_through(url, tmp_path)
    assert error.reason == "full" and "has not yet taken in what this laptop sent" in error.text("en")
