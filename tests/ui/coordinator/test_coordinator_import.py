"""Importing real bundles from a folder: the progress bar reaches the end, one result
row per bundle with the right counts; an unknown laptop's bundle is quarantined until
its fingerprint is enrolled on the devices screen; a file that vanishes mid-way (a USB
stick pulled out) is one plain row, and the others are imported."""

from pathlib import Path

from PySide6.QtCore import Qt

from fieldkit.ui.coordinator import TAB_DEVICES, TAB_IMPORT
from fieldkit.ui.coordinator.import_panel import (
    COLUMN_CONFLICTS,
    COLUMN_FILE,
    COLUMN_NEW,
    COLUMN_PENDING,
    COLUMN_PRESENT,
    COLUMN_REASON,
    COLUMN_STATUS,
    PROGRESS_STEPS,
    import_files,
    overall_progress,
    removable_drives,
)


def trust(page, *fingerprints):
    for fingerprint in fingerprints:
        page.coordinator.trust(fingerprint)


def run_import(page, folder: Path) -> list[list]:
    panel = page.import_panel
    with page.shell.qtbot.waitSignal(panel.imported, timeout=20_000):
        panel.import_paths([folder])
    page.shell.idle()
    model = panel.model
    return [[model.index(row, column).data() for column in range(model.columnCount())]
            for row in range(model.rowCount())]


def by_file(rows: list[list]) -> dict[str, list]:
    return {row[COLUMN_FILE]: row for row in rows}


def test_import_a_folder_progress_and_counts(page, world, tmp_path):
    trust(page, world.fingerprints["may-lan"], world.fingerprints["may-minh"])
    seen = []
    page.import_panel.progress.valueChanged.connect(seen.append)
    rows = by_file(run_import(page, world.copy(tmp_path / "stick", "lan-1", "lan-2", "minh")))
    assert page.import_panel.progress.value() == PROGRESS_STEPS
    assert seen == sorted(seen) and len(seen) > 3  # it moved forward, bundle by bundle
    counts = {name: [row[COLUMN_STATUS], row[COLUMN_NEW], row[COLUMN_PRESENT], row[COLUMN_PENDING],
                     row[COLUMN_CONFLICTS]] for name, row in rows.items()}
    assert counts == {"lan-1.fkb": ["đã nhập", 1, 0, 0, 0], "lan-2.fkb": ["đã nhập", 1, 1, 0, 0],
                      "minh.fkb": ["đã nhập", 2, 1, 0, 1]}
    assert "1 xung đột" in page.shell.window.statusBar().currentMessage()
    again = by_file(run_import(page, tmp_path / "stick"))
    assert {row[COLUMN_STATUS] for row in again.values()} == {"đã có sẵn"}


def test_unknown_device_quarantined_then_enrolled_on_the_devices_screen(page, world, tmp_path, qtbot):
    stick = world.copy(tmp_path / "stick", "khoa")
    row = by_file(run_import(page, stick))["khoa.fkb"]
    assert row[COLUMN_STATUS].startswith("cách ly")
    assert "may-khoa" in row[COLUMN_REASON]
    assert page.coordinator.store.record(world.records["other"]) is None

    page.show_tab(TAB_DEVICES)
    devices = page.devices
    qtbot.waitUntil(lambda: devices.model.rowCount() == 2)
    assert devices.own_fingerprint.text().count("\n") == 3  # four lines of four groups
    assert devices.own_fingerprint.font().pointSize() >= 14
    typed = world.fingerprints["may-khoa"]  # as read aloud: groups of four, any case
    qtbot.keyClicks(devices.fingerprint_edit, " ".join(typed[index:index + 4].upper() for index in range(0, 64, 4)))
    with qtbot.waitSignal(devices.changed, timeout=10_000):
        qtbot.mouseClick(devices.trust_button, Qt.MouseButton.LeftButton)
    page.shell.idle()
    assert page.coordinator.store.record(world.records["other"]) is not None  # the waiting bundle applied
    states = {device["name"]: devices.model.state_text(device) for device in devices.model.rows()}
    assert states["may-khoa"] == "đã tin cậy"

    page.show_tab(TAB_IMPORT)
    row = by_file(run_import(page, stick))["khoa.fkb"]
    assert (row[COLUMN_STATUS], row[COLUMN_PRESENT]) == ("đã có sẵn", 1)


def test_a_drive_pulled_out_mid_import_gives_a_plain_row(page, world, tmp_path):
    trust(page, world.fingerprints["may-lan"])
    stick = world.copy(tmp_path / "stick", "lan-1", "lan-2")
    calls = []

    def pull_out(*values):
        calls.append(values)
        if len(calls) == 1:  # the stick leaves while the first bundle is read
            for bundle in stick.glob("*.fkb"):
                bundle.unlink()

    reports = import_files(page.coordinator, [stick], pull_out)
    # the first was open already (an open file outlives its name); the second is gone
    assert [report.status for report in reports] == ["imported", "failed"]
    model = page.import_panel.model
    model.set_rows(reports)
    assert "Ổ đĩa đã bị rút ra?" in model.index(1, COLUMN_REASON).data()
    assert model.index(1, COLUMN_STATUS).data() == "thất bại: hãy nhập lại"
    assert page.coordinator.status()["pending"] == 0


def test_progress_and_drive_helpers():
    assert overall_progress(1, 2, "verify", 0, 10) == 0
    assert overall_progress(1, 2, "import", 1, 1) == PROGRESS_STEPS // 2
    assert overall_progress(2, 2, "import", 1, 1) == PROGRESS_STEPS

    class Volume:
        def __init__(self, root):
            self.root = root

        def rootPath(self):
            return self.root

        def isValid(self):
            return True

        def isReady(self):
            return True

        def displayName(self):
            return "USB"

    mac = removable_drives([Volume("/"), Volume("/Volumes/USB"), Volume("/System/Volumes/Data")], platform="darwin")
    assert [root for _label, root in mac] == ["/Volumes/USB"]


def test_the_drive_list_holds_only_removable_media(page, tmp_path, monkeypatch):
    """A sandbox or a data disk mounted under /mnt is no USB stick; the desktop's mount
    of one is, and so is a removable disk mounted by hand under /mnt."""
    from fieldkit.services import drives

    table = tmp_path / "mounts"
    table.write_text("/dev/vda / ext4 rw 0 0\n"
                     "model_tools /mnt/sandboxing/model_tools_env/v1/python tmpfs rw 0 0\n"
                     "/dev/sda1 /mnt/data ext4 rw 0 0\n"
                     "/dev/sdb1 /media/lan/KINGSTON vfat rw 0 0\n"
                     "/dev/sdc1 /mnt/stick vfat rw 0 0\n")
    for disk, removable in (("vda", "0"), ("sda", "0"), ("sdb", "1"), ("sdc", "1")):
        (tmp_path / "sys" / "block" / disk / f"{disk}1").mkdir(parents=True)
        (tmp_path / "sys" / "block" / disk / "removable").write_text(removable)
    monkeypatch.setattr(drives, "MOUNTS_TABLE", table)
    monkeypatch.setattr(drives, "SYS_ROOT", tmp_path / "sys")
    monkeypatch.setattr(drives, "_user", lambda: "lan")
    panel = page.import_panel
    panel.rescan_button.click()
    box = panel.drive_box
    assert [box.itemData(row) for row in range(box.count())] == ["/media/lan/KINGSTON", "/mnt/stick"]
    assert box.itemText(0) == "KINGSTON — /media/lan/KINGSTON"

    table.write_text("/dev/vda / ext4 rw 0 0\nmodel_tools /mnt/sandboxing/tools tmpfs rw 0 0\n")
    panel.rescan_button.click()
    assert [box.itemText(row) for row in range(box.count())] == ["Không thấy ổ đĩa rời nào"]
    assert not panel.drive_button.isEnabled()
