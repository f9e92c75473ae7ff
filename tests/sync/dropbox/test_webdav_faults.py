"""The WebDAV drop box on a bad network: a real server (wsgidav, and nginx with its DAV
modules) behind a proxy on 127.0.0.1 that drops, stalls, slows, truncates or answers
for the server (tests/helpers/fault_proxy.py). After each fault the transport says why
(DropBoxError's reason), no half file is left at the final name, on the server or on
this computer, and the same call once the network is good again stores or fetches the
file whole, once."""

import gc
import time

import pytest

from fieldkit.sync.dropbox.transport import TEMPORARY_PREFIX, DropBoxError, Entry
from fieldkit.sync.dropbox.webdav import WebDavTransport
from tests.helpers.fault_proxy import (
    answer_status,
    cut_download,
    cut_upload,
    lost_answer,
    running_fault_proxy,
    slow,
    stall,
    truncate,
)
from tests.helpers.sync_devices import Device
from tests.helpers.webdav_servers import running_nginx, running_wsgidav

SITE = "3f2a9c"
BUNDLE = f"{SITE}/bundles/ab12cd.fkb"
RECEIPT = f"{SITE}/receipt.json"
PASSWORD = "mật-khẩu"
SHORT_TIMEOUT = 1.0


@pytest.fixture(params=["wsgidav", "nginx"])
def server(request, tmp_path):
    """(URL, served folder) of a real WebDAV server."""
    root = tmp_path / "served"
    root.mkdir()
    if request.param == "wsgidav":
        with running_wsgidav(root, users={"lan": PASSWORD}) as url:
            yield url, root
    else:
        (tmp_path / "nginx").mkdir()
        with running_nginx(root, users={"lan": PASSWORD}, folder=tmp_path / "nginx") as nginx:
            yield nginx.url, root


@pytest.fixture
def proxy(server):
    with running_fault_proxy(server[0]) as fault_proxy:
        yield fault_proxy


@pytest.fixture
def served(server):
    return server[1]


@pytest.fixture
def drop_box(proxy):
    with WebDavTransport(proxy.url, user="lan", password=PASSWORD, timeout=SHORT_TIMEOUT) as transport:
        yield transport


@pytest.fixture
def bundle(tmp_path):
    source = tmp_path / "outgoing.fkb"
    source.write_bytes(bytes(range(256)) * 400)  # 100 kB: several pieces each way
    return source


@pytest.fixture
def downloads(tmp_path):
    folder = tmp_path / "downloads"
    folder.mkdir()
    return folder


def reason_of(call) -> str:
    with pytest.raises(DropBoxError) as raised:
        call()
    return raised.value.reason


def raised_text(call) -> str:
    """The English message of the DropBoxError `call` raises."""
    with pytest.raises(DropBoxError) as raised:
        call()
    return raised.value.text("en")


def whole_files(served) -> list[str]:
    """The files on the server that are not temporary uploads, as paths in the drop box."""
    return sorted(str(path.relative_to(served)) for path in served.rglob("*")
                  if path.is_file() and not path.name.startswith(TEMPORARY_PREFIX))


# -- uploads -----------------------------------------------------------------------------

def test_a_connection_dropped_mid_upload_is_interrupted_and_the_next_try_stores_it_once(
        drop_box, proxy, served, bundle):
    proxy.fault = cut_upload(after=40_000)

    assert reason_of(lambda: drop_box.put(bundle, BUNDLE)) == "interrupted"
    assert whole_files(served) == []
    assert drop_box.files(f"{SITE}/bundles") == []

    proxy.fault = None
    assert drop_box.put(bundle, BUNDLE) is True
    assert drop_box.put(bundle, BUNDLE) is False
    assert whole_files(served) == [BUNDLE]
    assert (served / BUNDLE).read_bytes() == bundle.read_bytes()


@pytest.mark.parametrize(("status", "reason"), [(401, "unauthorized"), (403, "forbidden"), (404, "not_found"),
                                                (500, "server"), (507, "full")])
def test_a_refused_upload_says_why_and_the_next_try_stores_it(status, reason, drop_box, proxy, served, bundle):
    proxy.fault = answer_status(status, method="PUT")

    assert reason_of(lambda: drop_box.put(bundle, BUNDLE)) == reason
    assert served.iterdir() and whole_files(served) == []

    proxy.fault = None
    assert drop_box.put(bundle, BUNDLE) is True
    assert whole_files(served) == [BUNDLE]


def test_a_refused_move_leaves_no_temporary_upload_behind(drop_box, proxy, served, bundle):
    proxy.fault = answer_status(507, method="MOVE")

    assert reason_of(lambda: drop_box.put(bundle, BUNDLE)) == "full"
    assert [path for path in served.rglob("*") if path.is_file()] == []

    proxy.fault = None
    assert drop_box.put(bundle, BUNDLE) is True


def test_a_receipt_whose_move_answer_was_lost_is_in_place_without_an_error(drop_box, proxy, served, tmp_path):
    """The server moved the receipt into place, the answer was lost, the MOVE was sent again
    and found no temporary file: the receipt is there, so the put succeeded."""
    receipt = tmp_path / "receipt.json"
    receipt.write_text('{"holds": {}}')
    drop_box.put(receipt, RECEIPT)
    receipt.write_text('{"holds": {"3f2a9c": 7}}')
    proxy.fault = lost_answer(method="MOVE", nth=1)

    assert drop_box.put(receipt, RECEIPT, replace=True) is True

    assert (served / RECEIPT).read_text() == '{"holds": {"3f2a9c": 7}}'
    assert [path.name for path in (served / SITE).iterdir()] == ["receipt.json"]


# -- downloads ---------------------------------------------------------------------------

@pytest.mark.parametrize("fault", [cut_download(after=30_000), truncate(after=30_000),
                                   stall(after=30_000), answer_status(500, method="GET")],
                         ids=["dropped", "truncated", "stalled", "server-fault"])
def test_a_broken_download_leaves_nothing_and_the_next_try_fetches_it_whole(
        fault, drop_box, proxy, bundle, downloads):
    drop_box.put(bundle, BUNDLE)
    proxy.fault = fault

    started = time.monotonic()
    reason = reason_of(lambda: drop_box.fetch(BUNDLE, downloads / "ab12cd.fkb", limit=1_000_000))
    assert reason == ("server" if fault.kind == "status" else "interrupted")
    assert "disk" not in raised_text(lambda: drop_box.fetch(BUNDLE, downloads / "ab12cd.fkb", limit=1_000_000))
    assert time.monotonic() - started < SHORT_TIMEOUT + 3  # a stalled link fails within the timeout
    assert list(downloads.iterdir()) == []

    proxy.fault = None
    drop_box.fetch(BUNDLE, downloads / "ab12cd.fkb", limit=1_000_000)
    assert (downloads / "ab12cd.fkb").read_bytes() == bundle.read_bytes()


def test_a_missing_file_behind_the_proxy_is_not_found(drop_box, proxy, downloads):
    proxy.fault = answer_status(404, method="GET")
    assert reason_of(lambda: drop_box.fetch(BUNDLE, downloads / "x.fkb", limit=100)) == "not_found"
    assert list(downloads.iterdir()) == []


def test_a_stalled_upload_is_interrupted_within_the_timeout(drop_box, proxy, served, bundle):
    proxy.fault = stall(method="PUT")  # the answer to the upload never comes

    started = time.monotonic()
    assert reason_of(lambda: drop_box.put(bundle, BUNDLE)) == "interrupted"
    assert time.monotonic() - started < SHORT_TIMEOUT + 3
    assert whole_files(served) == []


def test_a_slow_link_is_slow_but_whole(drop_box, proxy, served, bundle, downloads):
    proxy.fault = slow(bytes_per_second=400_000)  # 100 kB: a quarter of a second each way

    assert drop_box.put(bundle, BUNDLE) is True
    drop_box.fetch(BUNDLE, downloads / "ab12cd.fkb", limit=1_000_000)

    assert (downloads / "ab12cd.fkb").read_bytes() == bundle.read_bytes()
    assert drop_box.files(f"{SITE}/bundles") == [Entry(name="ab12cd.fkb", size=bundle.stat().st_size)]


# -- a pin needs TLS -------------------------------------------------------------------------

def test_a_pinned_certificate_on_an_http_address_is_refused_with_a_message():
    with pytest.raises(DropBoxError) as raised:
        WebDavTransport("http://dav.example/", pinned_sha256="ab" * 32)
    assert raised.value.reason == "certificate"
    assert "https://" in raised.value.text("en") and "https://" in raised.value.text("vi")


# -- one sync pass ---------------------------------------------------------------------------

# wsgidav leaves its file of an upload cut mid-body open (its own leak, not this client's);
# collected once the server has stopped, so that no later test sees the warning
@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_a_sync_cut_mid_upload_completes_on_the_next_pass_with_nothing_lost_or_doubled(tmp_path):
    from fieldkit.services.network_sync import sync_once

    root = tmp_path / "served"
    root.mkdir()
    laptop, coordinator = Device(tmp_path, "lan"), Device(tmp_path, "dieu-phoi")
    try:
        coordinator.trusts(laptop)
        laptop.trusts(coordinator)
        laptop.save({"/data/so_ho": 12})
        with running_wsgidav(root, users={"lan": PASSWORD}) as url, running_fault_proxy(url) as proxy:
            with WebDavTransport(proxy.url, user="lan", password=PASSWORD, timeout=SHORT_TIMEOUT) as drop_box:
                proxy.fault = cut_upload(after=100)
                cut = sync_once(laptop.service, drop_box, remote="office")
                assert not cut.complete and cut.error is not None and cut.error.reason == "interrupted"

                proxy.fault = None
                assert sync_once(laptop.service, drop_box, remote="office").complete
                sent = whole_files(root)
                assert sync_once(laptop.service, drop_box, remote="office").complete
                assert whole_files(root) == sent  # nothing sent twice
                assert sync_once(coordinator.service, drop_box, remote="office").complete
        gc.collect()
        assert laptop.rev_ids() <= coordinator.rev_ids()
    finally:
        laptop.close()
        coordinator.close()
