"""`fieldkit serve`'s drop box (a coordinator's laptop on the LAN) in a thread on 127.0.0.1,
over a real coordinator's data folder with its trust table: members reach it with the
same WebDavTransport as any WebDAV server, every request signed by their device key;
strangers, other devices' folders, forged bundles and oversized uploads are refused."""

import base64
import contextlib
import http.client
import socket
import threading

import pytest

from fieldkit.sync import bundle as bundles
from fieldkit.sync.dropbox.lan_auth import SCHEME, lan_signer, nonce_in
from fieldkit.sync.dropbox.lan_gate import Gate, store_gate
from fieldkit.sync.dropbox.receipts import make_receipt
from fieldkit.sync.dropbox.server import LanDropBox
from fieldkit.sync.dropbox.transport import DropBoxError
from fieldkit.sync.dropbox.webdav import WebDavTransport
from tests.helpers import dropbox_contract
from tests.helpers.sync_devices import Device


@contextlib.contextmanager
def serving(root, gate, **options):
    server = LanDropBox(root, gate=gate, host="127.0.0.1", port=0, timeout=5, **options)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture
def team(tmp_path):
    """A coordinator who trusts one laptop, and a stranger nobody trusts."""
    devices = {name: Device(tmp_path, name) for name in ("coordinator", "laptop", "stranger")}
    devices["coordinator"].trusts(devices["laptop"])
    yield devices
    for device in devices.values():
        device.close()


@pytest.fixture
def lan(team, tmp_path):
    """The coordinator's server and a function opening a signed transport for a device."""
    transports = []
    with serving(tmp_path / "lan-dropbox", store_gate(team["coordinator"].store), quota=256 << 10) as server:
        def connect(device):
            transports.append(WebDavTransport(f"http://127.0.0.1:{server.port}/", timeout=5,
                                              signer=lan_signer(device.store.identity)))
            return transports[-1]
        yield server, connect
        for transport in transports:
            transport.close()


def reason_of(call) -> str:
    with pytest.raises(DropBoxError) as raised:
        call()
    return raised.value.reason


def exported_bundle(device, folder):
    device.save({"/data/ten": "Trạm y tế"})
    path = device.export(folder / f"{device.name}.fkb", full=True)
    with bundles.open_bundle(path) as opened:
        return path, f"{device.site_id}/bundles/{opened.bundle_id}.fkb"


@pytest.mark.parametrize("promise", dropbox_contract.PROMISES, ids=lambda promise: promise.__name__)
def test_the_contract_every_drop_box_keeps(promise, team, tmp_path):
    """The contract's fixed site and made-up bundles: only the folder rule and the content
    checks are waived here, the signature and trust are not."""
    trusted = store_gate(team["coordinator"].store).trusted
    gate = Gate(trusted=trusted, owns=lambda site, key: True, check_upload=lambda source, parts, key: None)
    scratch = tmp_path / "local"
    scratch.mkdir()
    with serving(tmp_path / "lan-dropbox", gate) as server:
        with WebDavTransport(f"http://127.0.0.1:{server.port}/", timeout=5,
                             signer=lan_signer(team["laptop"].store.identity)) as transport:
            promise(transport, scratch)


def test_a_trusted_laptop_sends_its_bundle_and_receipt_and_the_coordinator_is_told(team, tmp_path):
    arrivals = []
    with serving(tmp_path / "lan-dropbox", store_gate(team["coordinator"].store),
                 on_arrival=lambda: arrivals.append(1)) as server:
        laptop = team["laptop"]
        path, name = exported_bundle(laptop, tmp_path)
        receipt = tmp_path / "receipt.json"
        receipt.write_bytes(make_receipt(laptop.store))
        with WebDavTransport(f"http://127.0.0.1:{server.port}/", signer=lan_signer(laptop.store.identity)) as box:
            assert box.put(path, name) is True
            assert box.put(path, name) is False  # sent again: the same bundle, left alone
            assert box.put(receipt, f"{laptop.site_id}/receipt.json", replace=True) is True
            assert box.folders() == [laptop.site_id]
    stored = tmp_path / "lan-dropbox" / name
    assert stored.read_bytes() == path.read_bytes()
    assert len(arrivals) == 2


def test_an_untrusted_device_is_refused_everything(lan, team, tmp_path):
    server, connect = lan
    stranger = connect(team["stranger"])
    path, name = exported_bundle(team["stranger"], tmp_path)
    assert reason_of(stranger.folders) == "forbidden"
    assert reason_of(lambda: stranger.put(path, name)) == "forbidden"
    with pytest.raises(DropBoxError) as refused:
        stranger.folders()
    assert "does not trust this laptop yet" in refused.value.text("en")  # what the member can do about it
    assert not any(server.root.iterdir())


def test_a_revoked_device_is_refused_at_once(lan, team):
    server, connect = lan
    laptop = connect(team["laptop"])
    assert laptop.folders() == []
    team["coordinator"].service.untrust(team["laptop"].fingerprint)
    assert reason_of(laptop.folders) == "forbidden"


def test_a_device_cannot_write_another_devices_folder(lan, team, tmp_path):
    server, connect = lan
    laptop = connect(team["laptop"])
    path, name = exported_bundle(team["laptop"], tmp_path)
    coordinators_folder = name.replace(team["laptop"].site_id, team["coordinator"].site_id)
    assert reason_of(lambda: laptop.put(path, coordinators_folder)) == "forbidden"
    assert reason_of(lambda: laptop.remove(f"{team['coordinator'].site_id}/receipt.json")) == "forbidden"
    with pytest.raises(DropBoxError) as refused:
        laptop.remove(f"{team['coordinator'].site_id}/receipt.json")
    assert "does not trust this laptop" not in refused.value.text("en")  # trusted, only not there
    assert not (server.root / team["coordinator"].site_id).exists()


def test_a_forged_or_borrowed_bundle_is_refused(lan, team, tmp_path):
    server, connect = lan
    laptop = connect(team["laptop"])
    site = team["laptop"].site_id
    forged = tmp_path / "forged.fkb"
    forged.write_bytes(b"PK\x03\x04 not really a bundle" * 100)
    strangers_bundle, strangers_name = exported_bundle(team["stranger"], tmp_path)
    borrowed_name = f"{site}/bundles/{strangers_name.rsplit('/', 1)[1]}"
    own_bundle, own_name = exported_bundle(team["laptop"], tmp_path)
    for source, name in ((forged, f"{site}/bundles/{'ab' * 32}.fkb"), (strangers_bundle, borrowed_name),
                         (own_bundle, f"{site}/bundles/{'cd' * 32}.fkb"), (forged, f"{site}/receipt.json")):
        assert reason_of(lambda source=source, name=name: laptop.put(source, name)) == "forbidden", name
    assert laptop.files(f"{site}/bundles") == []
    assert [path.name for path in (server.root / site / "bundles").iterdir()] == []  # no upload left behind
    assert laptop.put(own_bundle, own_name) is True


def test_the_quota_is_answered_full_and_the_disk_is_not_filled(lan, team, tmp_path):
    server, connect = lan  # a quota of 256 kB
    laptop = connect(team["laptop"])
    site = team["laptop"].site_id
    big = tmp_path / "big.fkb"
    big.write_bytes(b"x" * (300 << 10))
    assert reason_of(lambda: laptop.put(big, f"{site}/bundles/{'ab' * 32}.fkb")) == "full"
    stored = [path for path in (server.root / site).rglob("*") if path.is_file()]
    assert stored == []
    path, name = exported_bundle(team["laptop"], tmp_path)
    assert laptop.put(path, name) is True  # what fits still goes


def signed_headers(device, server, *, method, path, body_sha256):
    signer = lan_signer(device.store.identity)
    signer.nonce = server.nonce
    return {"Authorization": signer.authorization(method=method, path=path, headers={}, body_sha256=body_sha256)}


def test_a_giant_content_length_is_refused_before_a_byte_is_read(lan, team):
    server, _connect = lan
    site = team["laptop"].site_id
    (server.root / site).mkdir()
    target = f"/{site}/.tmp-0123abcd"
    headers = signed_headers(team["laptop"], server, method="PUT", path=target, body_sha256="0" * 64)
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as raw:
        head = [f"PUT {target} HTTP/1.1", "Host: 127.0.0.1", f"Content-Length: {10 ** 12}"]
        head += [f"{name}: {value}" for name, value in headers.items()]
        raw.sendall(("\r\n".join(head) + "\r\n\r\n").encode())  # the body never comes
        answer = raw.recv(4096)
    assert answer.startswith(b"HTTP/1.1 507")
    assert list((server.root / site).iterdir()) == []


def test_an_unsigned_or_misssigned_request_is_challenged(lan, team):
    server, _connect = lan
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    connection.request("PROPFIND", "/", headers={"Depth": "1"})
    unsigned = connection.getresponse()
    unsigned.read()
    assert unsigned.status == 401
    assert nonce_in(unsigned.getheader("WWW-Authenticate")) == server.nonce
    headers = signed_headers(team["laptop"], server, method="GET", path="/", body_sha256="0" * 64)
    connection.request("PROPFIND", "/", headers={"Depth": "1", **headers})  # signed for another method
    misused = connection.getresponse()
    misused.read()
    assert misused.status == 401
    stranger_key = base64.b64encode(team["stranger"].store.identity.public_key).decode()
    forged = headers["Authorization"].replace(
        base64.b64encode(team["laptop"].store.identity.public_key).decode(), stranger_key)
    assert forged.startswith(SCHEME)
    connection.request("GET", "/", headers={"Authorization": forged})
    assert connection.getresponse().status == 401  # a key that did not sign it: checked before trust
    connection.close()


def test_a_server_restart_is_followed_by_signing_with_its_new_nonce(team, tmp_path):
    gate = store_gate(team["coordinator"].store)
    signer = lan_signer(team["laptop"].store.identity)
    with serving(tmp_path / "lan-dropbox", gate) as first:
        port = first.port
        with WebDavTransport(f"http://127.0.0.1:{port}/", signer=signer) as box:
            box.folders()
    old_nonce = signer.nonce
    with serving(tmp_path / "lan-dropbox", gate) as second:
        with WebDavTransport(f"http://127.0.0.1:{second.port}/", signer=signer) as box:
            assert box.folders() == []
    assert signer.nonce == second.nonce != old_nonce


def test_links_and_special_files_in_the_folder_are_never_served(lan, team, tmp_path):
    server, connect = lan
    laptop = connect(team["laptop"])
    site = team["laptop"].site_id
    secret = tmp_path / "secret.txt"
    secret.write_text("the coordinator's private notes")
    (server.root / site / "bundles").mkdir(parents=True)
    (server.root / site / "bundles" / "notes.fkb").symlink_to(secret)
    (server.root / site / "linked").symlink_to(tmp_path)
    assert laptop.files(f"{site}/bundles") == []
    assert laptop.files(f"{site}/linked") == []
    assert reason_of(lambda: laptop.fetch(f"{site}/bundles/notes.fkb", tmp_path / "got", limit=1000)) == "forbidden"
    assert not (tmp_path / "got").exists()


def test_a_client_that_stalls_is_disconnected(team, tmp_path):
    with serving(tmp_path / "lan-dropbox", store_gate(team["coordinator"].store)) as server:
        server.timeout_seconds = 0.5
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as raw:
            raw.sendall(b"PUT /x HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and nothing more
            assert raw.recv(4096) == b""  # the server hung up rather than wait forever


def test_a_request_its_key_did_not_sign_is_put_to_nobodys_name(team, tmp_path):
    """Laptops seen lists who asked: a header naming a trusted laptop's key, with a
    signature that key did not make, must not show as that laptop."""
    seen = []
    with serving(tmp_path / "lan-dropbox", store_gate(team["coordinator"].store), on_request=seen.append) as server:
        headers = signed_headers(team["laptop"], server, method="GET", path="/", body_sha256="0" * 64)
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
        connection.request("PROPFIND", "/", headers={"Depth": "1", **headers})  # signed for another request
        answer = connection.getresponse()
        answer.read()
        connection.close()
    assert answer.status == 401
    assert [entry.fingerprint for entry in seen] == [None]
