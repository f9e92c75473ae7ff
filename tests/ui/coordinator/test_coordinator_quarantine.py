"""The trusted-devices screen shows the quarantine (issue 10, item 9): how many bundles
wait, the space they take of its quota, and from which fingerprints; a real bundle of
an unknown laptop imported from a folder, then trusted."""

from PySide6.QtCore import Qt

from fieldkit.ui.coordinator import TAB_DEVICES
from fieldkit.ui.coordinator.common import short_fingerprint


def test_the_devices_screen_shows_what_waits_in_quarantine(page, world, tmp_path, qtbot):
    stick = world.copy(tmp_path / "stick", "khoa")
    size = (stick / "khoa.fkb").stat().st_size
    reports = page.coordinator.import_paths([stick])
    assert [report.status for report in reports] == ["quarantined"]

    page.show_tab(TAB_DEVICES)
    devices = page.devices
    label = devices.findChild(type(devices.own_name), "quarantine_summary")
    qtbot.waitUntil(lambda: devices.model.rowCount() == 2 and "cách ly" in label.text())
    fingerprint = world.fingerprints["may-khoa"]
    kilobytes = f"{size / 1024:.1f}".replace(".", ",") if size < 10 * 1024 else f"{size / 1024:.0f}"
    assert label.text().splitlines() == [  # one bundle of some kilobytes, not "1 bundles, 0.0 MB"
        f"Khu cách ly: 1 gói, {kilobytes} kB trên 256 MB (khi đầy, gói cũ nhất bị xóa trước), từ:",
        f"{short_fingerprint(fingerprint)} (may-khoa): 1 gói, {kilobytes} kB"]
    assert fingerprint[:4].upper() in label.toolTip()

    qtbot.keyClicks(devices.fingerprint_edit, fingerprint)
    with qtbot.waitSignal(devices.changed, timeout=10_000):
        qtbot.mouseClick(devices.trust_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: label.text() == "Khu cách ly: trống.")
