"""The coordinator's "Share on this network" (Điều phối › Chia sẻ trên mạng này): the
window serves its drop box like `fieldkit serve`, imports what trusted laptops send,
lists the laptops that asked, and frees the port when unchecked or closed.

Real parts: the server listens on 127.0.0.1 (port 0: any free one), the laptops are data
folders of their own signing their requests with their keys (WebDavTransport + lan_signer),
and the coordinator's window imports through its own store."""

import socket

import pytest
from PySide6.QtWidgets import QDialog

from fieldkit.services import network_sync
from fieldkit.services.coordinator import normalize_fingerprint
from fieldkit.sync.dropbox import webdav_messages
from fieldkit.sync.dropbox.lan_auth import lan_signer
from fieldkit.sync.dropbox.transport import DropBoxError
from fieldkit.sync.dropbox.webdav import WebDavTransport
from fieldkit.ui.coordinator import TAB_DEVICES
from fieldkit.ui.coordinator import lan_share as lan_share_ui
from fieldkit.ui.coordinator.lan_share import LanShareUi
from tests.helpers.sync_devices import Device


@pytest.fixture
def coordinator_window(start_shell, monkeypatch):
    monkeypatch.setattr(LanShareUi, "host", "127.0.0.1")
    monkeypatch.setattr(LanShareUi, "port", 0)
    monkeypatch.setattr(LanShareUi, "announce", False)
    monkeypatch.setattr(lan_share_ui, "SETTLE_MS", 100)
    shell = start_shell()
    shell.enter_visit()
    return shell


def start_sharing(qtbot, shell) -> LanShareUi:
    lan = shell.window.sync.lan
    lan.share_action.trigger()
    qtbot.waitUntil(lambda: lan.share is not None and lan.label.isVisible(), timeout=20_000)
    return lan


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def laptop_drop_box(laptop: Device, url: str) -> WebDavTransport:
    return WebDavTransport(url, signer=lan_signer(laptop.store.identity))


def test_a_trusted_laptop_syncs_with_the_window_and_its_record_appears_in_the_list(
        qtbot, coordinator_window, tmp_path):
    lan = start_sharing(qtbot, coordinator_window)
    url = f"http://127.0.0.1:{lan.share.port}/"
    assert lan.label.text() == f"Đang chia sẻ trên mạng: {url}"
    assert "Vân tay khoá của máy điều phối" in lan.label.toolTip()
    coordinator = coordinator_window.window.sync.coordinator
    laptop = Device(tmp_path, "Máy đoàn 5")
    coordinator.trust(laptop.fingerprint)
    laptop.service.trust(coordinator.store.identity.fingerprint)
    record = laptop.save({"/data/staff": "4"}).record_id

    with laptop_drop_box(laptop, url) as drop_box:
        report = network_sync.sync_once(laptop.service, drop_box, remote="dieu-phoi")
    assert report.complete and report.sent_bundles == 1

    window = coordinator_window.window
    qtbot.waitUntil(lambda: coordinator.store.record(record) is not None, timeout=20_000)
    window.submissions_action.trigger()
    browser = window.browser
    qtbot.waitUntil(lambda: record in {browser.model.row_at(row).record_id for row in range(browser.model.rowCount())},
                    timeout=20_000)
    # the coordinator's receipt is in the share (its pass writes it after the import, which
    # the list may show first): the laptop's next pass learns it was received
    receipt = lan.share.root / coordinator.store.identity.site_id / "receipt.json"
    qtbot.waitUntil(receipt.exists, timeout=20_000)
    with laptop_drop_box(laptop, url) as drop_box:
        assert [seen.device for seen in network_sync.sync_once(laptop.service, drop_box, remote="dieu-phoi").receipts]
    laptop.close()


def test_an_untrusted_laptop_is_refused_and_shown_as_not_trusted_with_the_way_to_trust_it(
        qtbot, coordinator_window, tmp_path):
    lan = start_sharing(qtbot, coordinator_window)
    stranger = Device(tmp_path, "Máy lạ")
    with laptop_drop_box(stranger, f"http://127.0.0.1:{lan.share.port}/") as drop_box:
        with pytest.raises(DropBoxError) as refused:
            drop_box.folders()
    assert refused.value.reason == "forbidden"

    lan.seen_action.trigger()
    dialog = lan.seen_dialog
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    cells = [dialog.table.item(0, column).text() for column in range(5)]
    assert cells[0].startswith("thiết bị chưa biết ") and cells[3] == "0"
    assert cells[4].endswith("chưa được tin cậy")
    assert not dialog.trust_button.isEnabled()
    dialog.table.selectRow(0)
    assert dialog.trust_button.isEnabled()
    dialog.trust_button.click()
    page = coordinator_window.window.coordinator
    assert page.currentIndex() == TAB_DEVICES
    assert normalize_fingerprint(page.devices.fingerprint_edit.text()) == stranger.fingerprint
    assert page.devices.trust_button.isEnabled()  # one click (or Enter) trusts it
    stranger.close()


def test_unchecking_stops_the_share_and_frees_the_port(qtbot, coordinator_window):
    lan = start_sharing(qtbot, coordinator_window)
    port, thread = lan.share.port, lan.share.thread
    assert not port_is_free(port)
    lan.share_action.trigger()
    assert not lan.label.isVisible() and lan.share is None
    qtbot.waitUntil(lambda: lan.share_action.isEnabled() and not thread.is_alive(), timeout=20_000)
    assert port_is_free(port)


def test_closing_the_window_while_sharing_stops_the_server(qtbot, coordinator_window):
    lan = start_sharing(qtbot, coordinator_window)
    port, thread = lan.share.port, lan.share.thread
    coordinator_window.close()
    assert not thread.is_alive()
    assert port_is_free(port)


def test_a_port_in_use_says_so_and_leaves_the_entry_unchecked(qtbot, coordinator_window, monkeypatch):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        monkeypatch.setattr(LanShareUi, "port", port)
        lan = coordinator_window.window.sync.lan
        lan.share_action.trigger()
        qtbot.waitUntil(lambda: lan.error_box is not None and lan.error_box.isVisible(), timeout=20_000)
    assert lan.error_box.text().startswith(f"Máy này không chia sẻ được trên cổng {port}: ")
    assert not lan.share_action.isChecked() and lan.share is None and not lan.label.isVisible()
    lan.error_box.done(QDialog.DialogCode.Accepted)


ANNOUNCED = "Điều phối — Đoàn 5 — http://127.0.0.1:8470/"


def found_texts(dialog) -> list[str]:
    return [dialog.found_list.item(row).text() for row in range(dialog.found_list.count())]


def test_find_a_coordinator_lists_one_announced_on_the_network_and_fills_its_address(
        qtbot, coordinator_window, monkeypatch):
    from fieldkit.sync.dropbox import discovery
    from fieldkit.ui.sync import settings_dialog

    real_browse = discovery.browse
    monkeypatch.setattr(discovery, "browse", lambda *, seconds: real_browse(seconds=1.5, interfaces=["127.0.0.1"]))
    sync = coordinator_window.window.sync
    site_id = "0123456789abcdef0123456789abcdef"
    with discovery.Announcement(site_id=site_id, device="Điều phối — Đoàn 5", port=8470, addresses=["127.0.0.1"],
                                interfaces=["127.0.0.1"]):
        sync.settings_action.trigger()
        qtbot.waitUntil(lambda: sync.dialog is not None and sync.dialog.isVisible())
        dialog = sync.dialog
        dialog.user.setText("doan5")
        qtbot.mouseClick(dialog.find_button, settings_dialog.Qt.MouseButton.LeftButton)
        # another fieldkit sharing on this machine may answer too: ours must be among them
        qtbot.waitUntil(lambda: ANNOUNCED in found_texts(dialog), timeout=20_000)
    assert dialog.found_list.isVisible() and dialog.found_list.hasFocus()
    for _ in range(found_texts(dialog).index(ANNOUNCED) + 1):  # by keyboard, down to it
        qtbot.keyClick(dialog.found_list, settings_dialog.Qt.Key.Key_Down)
    assert dialog.address.text() == "http://127.0.0.1:8470/"
    assert dialog.user.text() == ""  # a share knows laptops by their keys


def test_find_a_coordinator_with_nobody_announcing_says_to_type_the_address(qtbot, coordinator_window, monkeypatch):
    from fieldkit.sync.dropbox import discovery

    monkeypatch.setattr(discovery, "browse", lambda *, seconds: [])
    sync = coordinator_window.window.sync
    sync.settings_action.trigger()
    qtbot.waitUntil(lambda: sync.dialog is not None and sync.dialog.isVisible())
    sync.dialog.find_button.click()
    qtbot.waitUntil(lambda: sync.dialog.result.text().startswith("Không có máy điều phối nào trả lời"))
    assert "Đang chia sẻ trên mạng: http://" in sync.dialog.result.text()
    assert not sync.dialog.found_list.isVisible()


@pytest.mark.parametrize(("message", "vietnamese", "english"), [
    (webdav_messages.COORDINATOR_NOT_TAKEN_IN,
     "Máy điều phối chưa nhận vào những gì máy này đã gửi: máy đó tự nhận khi đang chia sẻ trên mạng; "
     "không mất dữ liệu nào.",
     "The coordinator's laptop has not taken in what this laptop sent yet: it does while it shares on the "
     "network; nothing is lost."),
    (webdav_messages.COORDINATOR_DISK_FULL,
     "Ổ đĩa máy điều phối sắp đầy: hãy đề nghị điều phối giải phóng dung lượng; không mất dữ liệu nào.",
     "The coordinator's disk is nearly full: ask the coordinator to free space; nothing is lost."),
    (webdav_messages.LARGER_THAN_COORDINATOR_QUOTA,
     "Quá nhiều dữ liệu để gửi một lần tới máy điều phối: hãy đề nghị điều phối tăng hạn mức.",
     "Too much to send to the coordinator's laptop at once: ask the coordinator for a larger quota."),
    (webdav_messages.FULL,  # any other WebDAV server's storage
     "Hộp thư đồng bộ đã đầy: hãy nhờ quản trị máy chủ thêm dung lượng.",
     "The drop box is full: ask the server's admin for space."),
], ids=["not-taken-in", "coordinator-disk", "larger-than-quota", "webdav-server"])
def test_the_status_bar_says_which_room_a_coordinators_share_lacks(qapp, message, vietnamese, english):
    """What the laptop's status bar says on a 507 (the transport picks the message from the
    share's X-Fieldkit-Refused, tests/services/test_lan_share_quota.py)."""
    from fieldkit.ui.sync.indicator import what_to_do
    from fieldkit.ui.translators import Translators

    error = DropBoxError(message, reason="full", url="http://192.168.43.1:8470/", path="a", status=507)
    translators = Translators(qapp)
    try:
        translators.install("vi")
        assert what_to_do(error) == vietnamese
        translators.install("en")
        assert what_to_do(error) == english
    finally:
        translators.install("en")
