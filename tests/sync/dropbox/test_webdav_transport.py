"""The WebDAV drop box against a real WebDAV server (wsgidav on 127.0.0.1) and against a
canned server of the test's own that sends crafted listings, cut bodies and a
self-signed certificate: the transport contract's promises, and every fault said as a
DropBoxError with its reason, never a traceback."""

import pytest

from fieldkit.sync.dropbox.transport import DropBoxError, Entry
from fieldkit.sync.dropbox.webdav import WebDavTransport
from tests.helpers import dropbox_contract
from tests.helpers.webdav_servers import Canned, closed_port_url, running_canned, running_wsgidav, self_signed_tls

BUNDLE = "3f2a9c/bundles/ab12cd.fkb"


@pytest.fixture
def server_root(tmp_path):
    root = tmp_path / "server"
    root.mkdir()
    return root


@pytest.fixture
def drop_box(server_root):
    with running_wsgidav(server_root, users={"lan": "mật-khẩu"}) as url:
        transport = WebDavTransport(url, user="lan", password="mật-khẩu", timeout=10)
        yield transport
        transport.close()


@pytest.mark.parametrize("promise", dropbox_contract.PROMISES, ids=lambda promise: promise.__name__)
def test_the_contract_every_drop_box_keeps(promise, drop_box, tmp_path):
    scratch = tmp_path / "local"  # the server's root is tmp_path / "server"
    scratch.mkdir()
    promise(drop_box, scratch)


@pytest.fixture
def opened():
    """WebDavTransport(...), each closed when the test ends."""
    transports = []

    def open_transport(url, **options):
        transports.append(WebDavTransport(url, **options))
        return transports[-1]

    yield open_transport
    for transport in transports:
        transport.close()


@pytest.fixture
def bundle_file(tmp_path):
    source = tmp_path / "outgoing.fkb"
    source.write_bytes(b"signed bundle " * 1000)
    return source


def reason_of(call) -> str:
    with pytest.raises(DropBoxError) as raised:
        call()
    return raised.value.reason


# -- the contract's promises, on wsgidav -------------------------------------------------

def test_a_bundle_put_is_listed_and_fetched_back_whole(drop_box, bundle_file, tmp_path):
    assert drop_box.put(bundle_file, BUNDLE) is True

    assert drop_box.folders() == ["3f2a9c"]
    assert drop_box.files("3f2a9c/bundles") == [Entry(name="ab12cd.fkb", size=bundle_file.stat().st_size)]
    drop_box.fetch(BUNDLE, tmp_path / "fetched.fkb", limit=1_000_000)
    assert (tmp_path / "fetched.fkb").read_bytes() == bundle_file.read_bytes()


def test_a_name_already_there_is_left_as_it_was(drop_box, bundle_file, tmp_path, server_root):
    drop_box.put(bundle_file, BUNDLE)
    other = tmp_path / "other.fkb"
    other.write_bytes(b"something else")

    assert drop_box.put(other, BUNDLE) is False
    assert (server_root / BUNDLE).read_bytes() == bundle_file.read_bytes()
    assert [path.name for path in (server_root / "3f2a9c/bundles").iterdir()] == ["ab12cd.fkb"]


def test_replace_puts_the_new_receipt_in_place(drop_box, tmp_path, server_root):
    receipt = tmp_path / "receipt.json"
    receipt.write_text('{"holds": {}}')
    drop_box.put(receipt, "3f2a9c/receipt.json")
    receipt.write_text('{"holds": {"3f2a9c": 7}}')

    assert drop_box.put(receipt, "3f2a9c/receipt.json", replace=True) is True
    assert (server_root / "3f2a9c/receipt.json").read_text() == '{"holds": {"3f2a9c": 7}}'


def test_temporary_uploads_are_never_listed(drop_box, bundle_file, server_root):
    drop_box.put(bundle_file, BUNDLE)
    (server_root / "3f2a9c/bundles/.tmp-0badc0de").write_bytes(b"half an upload")
    (server_root / ".tmp-1234").mkdir()

    assert drop_box.files("3f2a9c/bundles") == [Entry(name="ab12cd.fkb", size=bundle_file.stat().st_size)]
    assert drop_box.folders() == ["3f2a9c"]


def test_a_missing_folder_lists_nothing(drop_box):
    assert drop_box.files("3f2a9c/bundles") == []
    assert drop_box.folders() == []


def test_a_first_bundle_into_a_folder_listed_as_missing_is_sent_once(drop_box, bundle_file, server_root):
    """A device's first push: the pass lists its folder (missing), then puts. The folders
    are made first, so the bundle's bytes cross the link once, not a refused PUT first."""
    methods = []
    send = drop_box._send
    drop_box._send = lambda method, *rest: methods.append(method) or send(method, *rest)
    assert drop_box.files("3f2a9c/bundles") == []

    assert drop_box.put(bundle_file, BUNDLE) is True
    assert methods == ["PROPFIND", "MKCOL", "MKCOL", "PUT", "MOVE"]
    assert (server_root / BUNDLE).read_bytes() == bundle_file.read_bytes()


def test_a_file_past_the_limit_is_refused_and_nothing_is_left(drop_box, bundle_file, tmp_path):
    drop_box.put(bundle_file, BUNDLE)
    download = tmp_path / "downloads"
    download.mkdir()

    assert reason_of(lambda: drop_box.fetch(BUNDLE, download / "big.fkb", limit=100)) == "too_large"
    assert list(download.iterdir()) == []


def test_paths_outside_the_layout_are_refused(drop_box, bundle_file, tmp_path):
    for bad in ("../etc/passwd", "/abs/x.fkb", "a\\b", "3f2a9c/../../x", ".tmp-x", ""):
        assert reason_of(lambda bad=bad: drop_box.put(bundle_file, bad)) == "bad_path"
        assert reason_of(lambda bad=bad: drop_box.fetch(bad, tmp_path / "x", limit=10)) == "bad_path"
        assert reason_of(lambda bad=bad: drop_box.remove(bad)) == "bad_path"


def test_remove_deletes_and_is_quiet_when_already_gone(drop_box, bundle_file, server_root):
    drop_box.put(bundle_file, BUNDLE)
    drop_box.remove(BUNDLE)
    drop_box.remove(BUNDLE)
    assert not (server_root / BUNDLE).exists()


def test_a_wrong_address_is_not_found_rather_than_an_empty_drop_box(server_root, opened):
    with running_wsgidav(server_root, users={"lan": "mật-khẩu"}) as url:
        wrong_address = opened(url + "no-such-share/", user="lan", password="mật-khẩu")
        assert reason_of(wrong_address.folders) == "not_found"
        assert wrong_address.files("3f2a9c/bundles") == []


def test_a_pin_that_is_not_a_fingerprint_is_refused_with_a_message():
    with pytest.raises(DropBoxError) as raised:
        WebDavTransport("https://dav.example/", pinned_sha256="AB:CD")
    assert raised.value.reason == "certificate"
    assert "64" in raised.value.text("vi")


def test_a_missing_file_is_not_found(drop_box, tmp_path):
    assert reason_of(lambda: drop_box.fetch(BUNDLE, tmp_path / "x.fkb", limit=10)) == "not_found"
    assert not (tmp_path / "x.fkb").exists()


# -- faults of the server and the network --------------------------------------------------

def test_a_wrong_password_is_unauthorized_and_says_to_check_it(server_root, opened):
    with running_wsgidav(server_root, users={"lan": "mật-khẩu"}) as url:
        with pytest.raises(DropBoxError) as raised:
            opened(url, user="lan", password="sai").folders()
    assert raised.value.reason == "unauthorized"
    assert "mật khẩu" in raised.value.text("vi") and "password" in raised.value.text("en")


def test_a_server_that_is_not_running_is_unreachable(opened):
    with pytest.raises(DropBoxError) as raised:
        opened(closed_port_url(), timeout=5).folders()
    assert raised.value.reason == "unreachable"
    assert "resumes by itself" in raised.value.text("en")


@pytest.mark.parametrize(("status", "reason"), [(401, "unauthorized"), (403, "forbidden"), (507, "full"),
                                                (500, "server"), (503, "server")])
def test_each_refusal_has_its_reason(status, reason, bundle_file, opened):
    with running_canned(lambda method, path: Canned(status)) as url:
        assert reason_of(lambda: opened(url).put(bundle_file, BUNDLE)) == reason


def test_a_cut_download_is_interrupted_and_leaves_nothing(tmp_path, opened):
    cut = Canned(200, body=b"x" * 100, length=5000)
    download = tmp_path / "downloads"
    download.mkdir()
    with running_canned(lambda method, path: cut) as url:
        assert reason_of(lambda: opened(url).fetch(BUNDLE, download / "b.fkb", limit=10_000)) == "interrupted"
    assert list(download.iterdir()) == []


# -- crafted listings ------------------------------------------------------------------------

def multistatus(*responses: str, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?>{prolog}<D:multistatus xmlns:D="DAV:">'
            + "".join(responses) + "</D:multistatus>").encode()


def a_file(href: str, size: str = "10") -> str:
    return (f"<D:response><D:href>{href}</D:href><D:propstat><D:prop><D:resourcetype/>"
            f"<D:getcontentlength>{size}</D:getcontentlength></D:prop></D:propstat></D:response>")


def listing_from(answer: bytes) -> list[Entry]:
    with running_canned(lambda method, path: Canned(207, body=answer)) as url:
        with WebDavTransport(url) as transport:
            return transport.files("3f2a9c/bundles")


def test_a_crafted_listing_keeps_only_plain_children_of_the_folder():
    answer = multistatus(
        a_file("/3f2a9c/bundles/"),
        a_file("/3f2a9c/bundles/good.fkb"),
        a_file("/3f2a9c/bundles/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd"),
        a_file("/3f2a9c/bundles/../../etc/passwd"),
        a_file("/3f2a9c/bundles/deeper/x.fkb"),
        a_file("http://elsewhere.example/3f2a9c/bundles/other-host.fkb"),
        a_file("/3f2a9c/receipt.json"),
        a_file("/3f2a9c/bundles/%ED%A0%80.fkb"),
        a_file("/3f2a9c/bundles/.tmp-abc"),
        a_file("/3f2a9c/bundles/huge.fkb", size="9" * 40),
        a_file("/3f2a9c/bundles/negative.fkb", size="-5"),
    )
    assert listing_from(answer) == [Entry(name="good.fkb", size=10)]


def test_entities_in_a_listing_are_not_expanded():
    prolog = ('<!DOCTYPE m [<!ENTITY secret SYSTEM "file:///etc/hostname"><!ENTITY smuggled "smuggled.fkb">'
              '<!ENTITY ten "10">]>')
    answer = multistatus(a_file("/3f2a9c/bundles/&secret;.fkb"), a_file("/3f2a9c/bundles/&smuggled;"),
                         a_file("/3f2a9c/bundles/sized.fkb", size="&ten;"), a_file("/3f2a9c/bundles/good.fkb"),
                         prolog=prolog)
    assert listing_from(answer) == [Entry(name="good.fkb", size=10)]


def test_a_listing_that_is_not_xml_is_a_server_fault(opened):
    with running_canned(lambda method, path: Canned(207, body=b"<html>Welcome to the hotel Wi-Fi")) as url:
        assert reason_of(lambda: opened(url).folders()) == "server"


# -- certificates --------------------------------------------------------------------------

def test_a_pinned_self_signed_certificate_is_accepted(tmp_path, opened):
    tls, fingerprint = self_signed_tls(tmp_path)
    answer = multistatus(a_file("/3f2a9c/bundles/good.fkb"))
    with running_canned(lambda method, path: Canned(207, body=answer), tls=tls) as url:
        pinned = ":".join(fingerprint[i:i + 2] for i in range(0, 64, 2)).upper()
        assert opened(url, pinned_sha256=pinned).files("3f2a9c/bundles") == [Entry("good.fkb", 10)]


def test_another_certificate_than_the_pinned_one_is_refused_before_the_password_is_sent(tmp_path, opened):
    tls, fingerprint = self_signed_tls(tmp_path)
    requests: list[str] = []

    def answer(method, path):
        requests.append(method)
        return Canned(207, body=multistatus())

    with running_canned(answer, tls=tls) as url:
        other_pin = "00" * 32
        wrong = opened(url, user="lan", password="mật-khẩu", pinned_sha256=other_pin)
        assert reason_of(wrong.folders) == "certificate"
        assert reason_of(opened(url).folders) == "certificate"  # self-signed, not pinned
    assert requests == []
