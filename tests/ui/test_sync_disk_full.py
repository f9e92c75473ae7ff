"""The status bar says when this computer's disk is too full for a pull (the window's own
pass, a real folder drop box holding a trusted laptop's bundle), and Sync now brings the
bundle once there is room."""

from collections import namedtuple

from PySide6.QtCore import Qt

from fieldkit.services import network_pull, remotes
from fieldkit.sync.dropbox.folder import FolderTransport
from tests.helpers.memory_keyring import MemoryKeyring, installed
from tests.helpers.network_world import sync
from tests.helpers.sync_devices import Device
from tests.helpers.sync_window import fake_networks

DiskUsage = namedtuple("DiskUsage", "total used free")


def test_a_full_disk_is_said_in_the_status_bar_and_sync_now_recovers(qtbot, start_shell, monkeypatch, tmp_path):
    fake_networks(monkeypatch)
    shell = start_shell()
    shell.enter_visit()
    window_sync = shell.window.sync
    laptop = Device(tmp_path, "laptop")
    window_sync.coordinator.trust(laptop.fingerprint)
    saved = laptop.save({"/data/staff": "4"})
    drop_box = tmp_path / "drop-box"
    drop_box.mkdir()
    sync(laptop, FolderTransport(drop_box))
    monkeypatch.setattr(network_pull, "disk_usage", lambda path: DiskUsage(total=10**11, used=0, free=50_000_000))

    with installed(MemoryKeyring()):
        window_sync.scheduler.set_remote(remotes.add_remote(window_sync.coordinator, name="default",
                                                            url=str(drop_box)))
        qtbot.waitUntil(lambda: window_sync.indicator.full_text == (
            "Ổ đĩa máy này đã quá đầy, không nhận thêm được: hãy giải phóng dung lượng rồi đồng bộ lại."),
            timeout=30_000)
        assert "hiện chỉ còn 50 MB" in window_sync.indicator.toolTip()

        monkeypatch.setattr(network_pull, "disk_usage", lambda path: DiskUsage(total=10**11, used=0, free=10**10))
        shell.activate()
        qtbot.keyClick(shell.window, Qt.Key.Key_F5)
        qtbot.waitUntil(lambda: window_sync.indicator.full_text.startswith("Đã đồng bộ lúc "), timeout=30_000)
    assert window_sync.coordinator.store.record(saved.record_id) is not None  # the laptop's record came in
    laptop.close()
