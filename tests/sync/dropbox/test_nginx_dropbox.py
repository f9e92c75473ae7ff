"""The WebDAV drop box against a second real server: nginx with its DAV modules (Debian's
nginx-light and libnginx-mod-http-dav-ext), started by the test on 127.0.0.1. nginx
answers some requests otherwise than wsgidav (an existing MOVE target, a missing folder,
an existing folder made again); the contract holds on both."""

import pytest

from fieldkit.sync.dropbox.transport import DropBoxError, Entry
from fieldkit.sync.dropbox.webdav import WebDavTransport
from tests.helpers import dropbox_contract
from tests.helpers.webdav_servers import running_nginx, self_signed_tls

SITE = "3f2a9c"
BUNDLE = f"{SITE}/bundles/ab12cd.fkb"
PASSWORD = "mật-khẩu"


@pytest.fixture
def server_root(tmp_path):
    root = tmp_path / "served"
    root.mkdir()
    return root


@pytest.fixture
def nginx(server_root, tmp_path):
    folder = tmp_path / "nginx"
    folder.mkdir()
    with running_nginx(server_root, users={"lan": PASSWORD}, folder=folder) as server:
        yield server


@pytest.fixture
def drop_box(nginx):
    with WebDavTransport(nginx.url, user="lan", password=PASSWORD, timeout=10) as transport:
        yield transport


@pytest.mark.parametrize("promise", dropbox_contract.PROMISES, ids=lambda promise: promise.__name__)
def test_the_contract_every_drop_box_keeps(promise, drop_box, tmp_path):
    scratch = tmp_path / "local"
    scratch.mkdir()
    promise(drop_box, scratch)


def test_a_bundle_sent_twice_is_stored_once(drop_box, tmp_path, server_root):
    source = tmp_path / "outgoing.fkb"
    source.write_bytes(b"signed bundle " * 1000)

    assert drop_box.put(source, BUNDLE) is True
    assert drop_box.put(source, BUNDLE) is False

    assert sorted(path.name for path in (server_root / SITE / "bundles").iterdir()) == ["ab12cd.fkb"]
    assert drop_box.files(f"{SITE}/bundles") == [Entry(name="ab12cd.fkb", size=source.stat().st_size)]


def test_a_second_site_folder_is_made_beside_the_first(drop_box, tmp_path, server_root):
    source = tmp_path / "outgoing.fkb"
    source.write_bytes(b"bundle")
    drop_box.put(source, BUNDLE)
    drop_box.put(source, "7e1b00/receipt.json")

    assert drop_box.folders() == ["3f2a9c", "7e1b00"]
    assert (server_root / "7e1b00" / "receipt.json").read_bytes() == b"bundle"


def test_a_wrong_password_is_unauthorized(nginx):
    with WebDavTransport(nginx.url, user="lan", password="sai", timeout=10) as wrong:
        with pytest.raises(DropBoxError) as raised:
            wrong.folders()
    assert raised.value.reason == "unauthorized"


def test_a_wrong_address_is_not_found(nginx):
    with WebDavTransport(nginx.url + "no-such-share/", user="lan", password=PASSWORD, timeout=10) as wrong:
        with pytest.raises(DropBoxError) as raised:
            wrong.folders()
    assert raised.value.reason == "not_found"


def test_a_certificate_other_than_the_pinned_one_never_gets_the_password(server_root, tmp_path):
    """nginx over HTTPS logs each request's Authorization: the impostor's log stays empty of it."""
    folder = tmp_path / "nginx"
    folder.mkdir()
    _, fingerprint = self_signed_tls(folder)
    with running_nginx(server_root, users={"lan": PASSWORD}, folder=folder,
                       tls=(folder / "cert.pem", folder / "key.pem")) as server:
        with WebDavTransport(server.url, user="lan", password=PASSWORD, pinned_sha256="00" * 32,
                             timeout=10) as impostor_pinned:
            with pytest.raises(DropBoxError) as raised:
                impostor_pinned.folders()
        assert raised.value.reason == "certificate"
        assert "Basic" not in server.access_log.read_text()

        with WebDavTransport(server.url, user="lan", password=PASSWORD, pinned_sha256=fingerprint,
                             timeout=10) as pinned:
            assert pinned.folders() == []
        assert "auth=Basic" in server.access_log.read_text()  # the log would have shown it
