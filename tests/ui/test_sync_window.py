"""The window's sync: the status bar indicator, the drop box settings, Sync now, the
automatic passes and their backoff.

The drop boxes are real folders. Until i14-core's pass and i14-cli's remotes are merged,
the remotes table and the pass are stood in for by `fake_sync` (a remote list in memory, a
pass that lists the drop box's folders through the real FolderTransport); the last test
runs the real ones end to end."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtNetwork import QNetworkInformation
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from fieldkit.services import network_sync, remotes
from fieldkit.sync.dropbox.webdav import WebDavTransport
from tests.helpers.memory_keyring import MemoryKeyring, installed
from tests.helpers.sync_devices import Device
from tests.helpers.sync_window import SteadyBackoff, synced_text
from tests.helpers.webdav_servers import running_wsgidav

Reachability = QNetworkInformation.Reachability


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' ("Đị&a chỉ" -> "a")."""
    position = text.replace("&&", "").find("&")
    return text.replace("&&", "")[position + 1].casefold() if position >= 0 else None


def test_without_a_drop_box_nothing_is_scheduled_and_the_indicator_opens_the_settings(qtbot, window):
    sync = window.window.sync
    assert sync.indicator.full_text == "Chưa cài hộp thư đồng bộ"
    assert not sync.scheduler.timer.isActive()
    assert not sync.sync_now_action.isEnabled()
    qtbot.mouseClick(sync.indicator, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sync.dialog is not None and sync.dialog.isVisible())
    assert sync.dialog.windowTitle() == "Hộp thư đồng bộ"
    assert window.fake_sync.passes == 0


def test_saving_a_folder_drop_box_syncs_and_shows_what_awaits_the_coordinator(qtbot, window, tmp_path):
    drop_box = tmp_path / "drop box"
    drop_box.mkdir()
    sync = window.window.sync
    sync.settings_action.trigger()
    qtbot.waitUntil(lambda: sync.dialog is not None and sync.dialog.isVisible())
    dialog = sync.dialog
    qtbot.keyClicks(dialog.address, str(drop_box))
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result.text().startswith("Đã kết nối"))
    assert window.fake_sync.stored == {}  # testing saves nothing
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: synced_text(sync.indicator.full_text))
    assert window.fake_sync.stored["default"].url == str(drop_box)
    assert sync.scheduler.timer.interval() == SteadyBackoff().steady * 1000
    assert str(drop_box) in sync.indicator.toolTip()


def test_test_connection_says_why_it_failed(qtbot, window, tmp_path):
    sync = window.window.sync
    sync.settings_action.trigger()
    qtbot.waitUntil(lambda: sync.dialog is not None and sync.dialog.isVisible())
    dialog = sync.dialog
    dialog.address.setText(str(tmp_path / "no such folder"))
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.result.text().startswith("Chưa kết nối được."))
    said = dialog.result.text()
    assert str(tmp_path / "no such folder") in said  # the drop box's own words, naming the place
    assert "Không có mạng" not in said  # a missing folder is no network fault
    assert said.count(str(tmp_path / "no such folder")) == 1
    dialog.pin.setText("AB:CD")
    dialog.test_button.click()
    assert "64 chữ số thập lục phân" in dialog.result.text()


def test_a_wrong_password_says_what_to_do_and_backs_off(qtbot, window, tmp_path):
    window.fake_sync.refuse = "unauthorized"
    sync = window.window.sync
    sync.scheduler.set_remote(window.fake_sync.add_remote(None, name="default", url="https://dav.example.vn/fk",
                                                          user="an"))
    qtbot.waitUntil(lambda: sync.indicator.full_text.startswith("Sai tên người dùng hoặc mật khẩu"))
    assert sync.scheduler.timer.isActive() and sync.scheduler.timer.interval() == 30_000
    assert "The server said 401." in sync.indicator.toolTip() or "401" in sync.indicator.toolTip()
    sync.sync_now_action.trigger()  # a second failure waits twice as long
    qtbot.waitUntil(lambda: sync.scheduler.timer.interval() == 60_000 and not sync.scheduler.state.running)
    window.fake_sync.refuse = None
    sync.scheduler.set_remote(window.fake_sync.add_remote(None, name="default", url=str(tmp_path)))
    qtbot.waitUntil(lambda: synced_text(sync.indicator.full_text))


def test_a_vanished_drop_box_folder_is_an_error_then_sync_now_recovers(qtbot, window, tmp_path):
    drop_box = tmp_path / "share"
    sync = window.window.sync
    sync.scheduler.set_remote(window.fake_sync.add_remote(None, name="default", url=str(drop_box)))
    qtbot.waitUntil(lambda: sync.indicator.full_text == "Không có mạng tới hộp thư đồng bộ: sẽ tự thử lại.")
    drop_box.mkdir()  # the share is mounted again
    passes = window.fake_sync.passes
    window.activate()
    qtbot.keyClick(window.window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: synced_text(sync.indicator.full_text))
    assert window.fake_sync.passes == passes + 1


def test_network_loss_stops_the_timer_and_its_return_syncs(qtbot, window, network, tmp_path):
    sync = window.window.sync
    sync.scheduler.set_remote(window.fake_sync.add_remote(None, name="default", url=str(tmp_path)))
    qtbot.waitUntil(lambda: synced_text(sync.indicator.full_text))
    network[0].set(Reachability.Disconnected)
    assert not sync.scheduler.timer.isActive()
    assert sync.indicator.full_text == "Không có mạng: sẽ đồng bộ khi có mạng trở lại"
    passes = window.fake_sync.passes
    network[0].set(Reachability.Online)
    qtbot.waitUntil(lambda: window.fake_sync.passes == passes + 1 and synced_text(sync.indicator.full_text))


def test_a_metered_connection_pauses_automatic_sync_but_not_sync_now(qtbot, window, network, tmp_path):
    network[0].set(metered=True)
    window.fake_sync.attachment_bytes = 5_000_000  # photos to send (tests/ui/test_sync_metered.py)
    sync = window.window.sync
    sync.scheduler.set_remote(window.fake_sync.add_remote(None, name="default", url=str(tmp_path)))
    qtbot.waitUntil(lambda: sync.indicator.full_text.startswith("Kết nối tính phí theo dung lượng"))
    assert window.fake_sync.passes == 0 and not sync.scheduler.timer.isActive()
    sync.sync_now_action.trigger()
    qtbot.waitUntil(lambda: synced_text(sync.indicator.full_text))
    assert window.fake_sync.passes == 1


def test_with_a_real_webdav_server_the_indicator_goes_from_error_to_pending_to_received(
        qtbot, start_shell, network, tmp_path):
    """The window's own pass, a real wsgidav server, and a coordinator pulling between two passes."""
    shell = start_shell()
    shell.enter_visit()
    sync = shell.window.sync
    coordinator = Device(tmp_path, "coordinator")
    sync.coordinator.trust(coordinator.fingerprint)
    coordinator.service.trust(sync.coordinator.store.identity.fingerprint)
    sync.coordinator.store.commit_revision(
        record_id="r-1", parents=[], form_id="ha_tang", form_version="1", author="laptop", action="save",
        data={"status": "draft", "answers": {"/data/staff": "4"}, "commune": "00070", "province": "01",
              "attachments": {}}).result()
    (tmp_path / "served").mkdir()
    with installed(MemoryKeyring()), running_wsgidav(tmp_path / "served", users={"doan5": "đúng"}) as url:
        sync.scheduler.set_remote(remotes.add_remote(sync.coordinator, name="default", url=url, user="doan5",
                                                     password="sai"))
        qtbot.waitUntil(lambda: sync.indicator.full_text.startswith("Sai tên người dùng hoặc mật khẩu"), timeout=30_000)

        sync.scheduler.set_remote(remotes.add_remote(sync.coordinator, name="default", url=url, user="doan5",
                                                     password="đúng"))
        qtbot.waitUntil(lambda: sync.indicator.full_text.endswith(" · 1 phiếu chờ điều phối nhận"), timeout=30_000)

        with WebDavTransport(url, user="doan5", password="đúng") as drop_box:
            assert network_sync.sync_once(coordinator.service, drop_box, remote="hop").imported[0].new == 1
        sync.sync_now_action.trigger()
        qtbot.waitUntil(lambda: sync.indicator.full_text.endswith(" · điều phối đã nhận hết"), timeout=30_000)
    coordinator.close()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_settings_dialog_fits_a_laptop_screen_and_works_by_keyboard(qtbot, start_shell, network, fake_sync,
                                                                       lang):
    shell = start_shell(lang)
    shell.enter_visit()
    sync = shell.window.sync
    sync.settings_action.trigger()
    qtbot.waitUntil(lambda: sync.dialog is not None and sync.dialog.isVisible())
    dialog = sync.dialog
    assert dialog.frameGeometry().width() <= 1366 and dialog.frameGeometry().height() <= 728
    letters = [mnemonic(widget.text()) for widget in dialog.findChildren(QWidget) if widget.isVisible()
               and (isinstance(widget, QAbstractButton) or isinstance(widget, QLabel) and widget.buddy())]
    letters = [letter for letter in letters if letter]
    assert len(letters) == len(set(letters)) >= 6 and all(letter.isascii() for letter in letters), letters
    assert mnemonic(dialog.buttons.button(dialog.buttons.StandardButton.Save).text()) in letters  # Alt+L / Alt+S
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    order, widget = [], dialog.address
    for _ in range(6):
        order.append(widget.objectName())
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or not widget.isVisible():
            widget = widget.nextInFocusChain()
    assert order == ["sync_address", "sync_browse", "sync_find", "sync_user", "sync_password", "sync_pin"]
