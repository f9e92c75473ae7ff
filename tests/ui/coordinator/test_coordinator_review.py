"""Conflict review side by side, duplicate visits, and revoking a device, over bundles
made by real laptops: lan and minh both changed total_staff of the same record."""

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from fieldkit.ui.coordinator import TAB_CONFLICTS, TAB_DEVICES, TAB_DUPLICATES
from fieldkit.ui.coordinator.common import HARD_BACKGROUND
from fieldkit.ui.coordinator.conflicts import FIELD_LABEL, FIELD_LEFT, FIELD_RESULT, FIELD_RIGHT

TOTAL = "/data/total_staff"


def import_both(page, world, tmp_path):
    for name in ("may-lan", "may-minh"):
        page.coordinator.trust(world.fingerprints[name])
    page.coordinator.import_paths([world.copy(tmp_path / "stick", "lan-2", "minh")])


def answer(qtbot, box, button_text: str) -> None:
    """Click the box's button that reads `button_text`."""
    qtbot.waitUntil(box.isVisible)
    [button] = [button for button in box.buttons() if button.text() == button_text]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def field_row(panel, path: str) -> int:
    rows = [row.path for row in panel.fields.rows()]
    return rows.index(path)


def test_conflict_side_by_side_take_right_resolves(page, world, tmp_path, qtbot):
    import_both(page, world, tmp_path)
    page.show_tab(TAB_CONFLICTS)
    panel = page.conflicts
    qtbot.waitUntil(lambda: panel.list_model.rowCount() == 1 and panel.fields.rowCount() > 0)
    assert panel.list_proxy.index(0, 0).data() == "Phường Hoàn Kiếm"
    assert panel.list_proxy.index(0, 2).data() == "cứng"

    # minh's edit is older: left; lan's (the provisional winner) right
    assert "Lê Văn Minh" in panel.left_header.text() and "may-minh" in panel.left_header.text()
    assert "Trần Thị Lan" in panel.right_header.text() and "đang hiển thị" in panel.right_header.text()
    fingerprint = world.fingerprints["may-lan"]
    assert f"{fingerprint[:4].upper()} {fingerprint[4:8].upper()}" in panel.right_header.text()

    model, row = panel.fields, field_row(panel, TOTAL)
    index = model.index(row, FIELD_LABEL)
    assert index.data() == "⚠ Tổng số cán bộ, công chức, viên chức của xã"
    assert (model.index(row, FIELD_LEFT).data(), model.index(row, FIELD_RIGHT).data()) == ("15", "13")
    assert index.data(Qt.ItemDataRole.BackgroundRole) == HARD_BACKGROUND
    same = field_row(panel, "/data/it_staff")
    assert model.index(same, FIELD_LEFT).data(Qt.ItemDataRole.BackgroundRole) is None
    panel.only_different.setChecked(True)
    assert panel.fields_proxy.rowCount() < model.rowCount()

    # take left on the field, then change one's mind: all from right
    panel.field_table.selectRow(panel.fields_proxy.mapFromSource(index).row())
    qtbot.mouseClick(panel.buttons["left"], Qt.MouseButton.LeftButton)
    assert model.index(row, FIELD_RESULT).data() == "15"
    qtbot.mouseClick(panel.buttons["all_right"], Qt.MouseButton.LeftButton)
    assert model.index(row, FIELD_RESULT).data() == "13"

    # a question first, naming the form and the commune; Escape (like Enter) changes nothing
    qtbot.mouseClick(panel.buttons["resolve"], Qt.MouseButton.LeftButton)
    box = panel.confirm
    qtbot.waitUntil(box.isVisible)
    assert box.text() == "Lưu cột Kết quả làm phiên bản mới của “Khảo sát nhân lực cấp xã” cho Phường Hoàn Kiếm?"
    assert "không thể hoàn tác" in box.informativeText()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())
    page.shell.idle()
    assert panel.list_model.rowCount() == 1 and panel.notice.text() == ""

    qtbot.mouseClick(panel.buttons["resolve"], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(panel.resolved, timeout=10_000):
        answer(qtbot, panel.confirm, "&Giải quyết")
    qtbot.waitUntil(lambda: panel.list_model.rowCount() == 0)
    said = ("Đã giải quyết: “Khảo sát nhân lực cấp xã” cho Phường Hoàn Kiếm chỉ còn một phiên bản. Các phiên bản "
            "xung đột vẫn nằm trong lịch sử của phiếu; không thể hoàn tác.")
    assert panel.notice.text() == said
    assert page.shell.window.statusBar().currentMessage() == "Đã giải quyết xung đột: Phường Hoàn Kiếm."
    page.shell.idle()
    record = page.coordinator.store.record(world.records["first"])
    revision = page.coordinator.store.revision(record.winner_rev)
    assert revision.answers[TOTAL] == "13" and record.conflicts == 0
    assert page.coordinator.conflicts() == []


def test_conflict_field_edited_by_hand(page, world, tmp_path, qtbot):
    import_both(page, world, tmp_path)
    page.show_tab(TAB_CONFLICTS)
    panel = page.conflicts
    qtbot.waitUntil(lambda: panel.fields.rowCount() > 0)
    index = panel.fields.index(field_row(panel, TOTAL), FIELD_RESULT)
    assert panel.fields.setData(index, "14")
    panel.buttons["resolve"].click()
    with qtbot.waitSignal(panel.resolved, timeout=10_000):
        answer(qtbot, panel.confirm, "&Giải quyết")
    page.shell.idle()
    record = page.coordinator.store.record(world.records["first"])
    assert page.coordinator.store.revision(record.winner_rev).answers[TOTAL] == "14"


def test_duplicate_visit_marked(page, world, tmp_path, qtbot):
    import_both(page, world, tmp_path)
    page.show_tab(TAB_DUPLICATES)
    panel = page.duplicates
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    assert {row["record_id"] for row in panel.model.rows()} == {world.records["first"], world.records["second"]}
    second = next(row for row in range(panel.proxy.rowCount())
                  if panel.proxy.index(row, 0).data(Qt.ItemDataRole.UserRole + 1)["record_id"]
                  == world.records["second"])
    panel.table.selectRow(second)
    assert panel.original_box.currentData() == world.records["first"]
    first, second = (world.records[name][:8] for name in ("first", "second"))
    assert re.fullmatch(rf"Trần Thị Lan \(\d{{4}}-\d\d-\d\d \d\d:\d\d, phiếu {first}\)",
                        panel.original_box.currentText())
    box = panel.original_box  # wide enough for the whole text: "Trần Thị Bình" was cut to "Trần Thị"
    qtbot.waitUntil(lambda: box.width() > box.fontMetrics().horizontalAdvance(box.currentText()))
    qtbot.mouseClick(panel.mark_button, Qt.MouseButton.LeftButton)
    box = panel.confirm
    qtbot.waitUntil(box.isVisible)
    assert re.fullmatch(rf"Đánh dấu lượt khảo sát của Lê Văn Minh \(.+, phiếu {second}\) tại Phường Hoàn Kiếm là "
                        rf"bản trùng của lượt khảo sát của Trần Thị Lan \(.+, phiếu {first}\)\?", box.text())
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        answer(qtbot, box, "Đánh &dấu là bản trùng")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)
    page.shell.idle()
    assert panel.notice.text().startswith("Đã đánh dấu lượt khảo sát của Lê Văn Minh (")
    assert page.shell.window.statusBar().currentMessage() == "Đã lưu việc xem xét: Phường Hoàn Kiếm."
    assert page.coordinator.duplicates() == []
    assert page.coordinator.store.record(world.records["second"]) is not None  # marked, never deleted

    # taken back at once: the group is to review again
    assert panel.undo_button.isVisible()
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    assert panel.notice.text() == "Đã hoàn tác: các lượt khảo sát “Khảo sát nhân lực cấp xã” tại Phường Hoàn Kiếm " \
        "lại chờ xem xét."
    assert not panel.undo_button.isVisible()


def test_revoke_a_device_with_confirmation(page, world, tmp_path, qtbot):
    import_both(page, world, tmp_path)
    page.show_tab(TAB_DEVICES)
    panel = page.devices
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3)
    minh = next(row for row in range(panel.proxy.rowCount()) if panel.proxy.index(row, 0).data() == "may-minh")
    panel.table.selectRow(minh)
    qtbot.mouseClick(panel.revoke_button, Qt.MouseButton.LeftButton)
    box = panel.confirm
    qtbot.waitUntil(box.isVisible)
    assert world.fingerprints["may-minh"][:4].upper() in box.text()
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    page.shell.idle()
    states = {device["name"]: device["state"] for device in panel.model.rows()}
    assert states["may-minh"] == "revoked" and states["may-lan"] == "trusted"
    own = next(row for row in range(panel.proxy.rowCount()) if panel.proxy.index(row, 2).data() == "máy này")
    panel.table.selectRow(own)
    assert not panel.revoke_button.isEnabled()  # this device cannot revoke itself


def test_keep_both_visits_in_english(page, world, tmp_path, qtbot):
    import_both(page, world, tmp_path)
    window = page.shell.window
    window.findChild(type(window.home_action), "language_en").trigger()
    qtbot.waitUntil(lambda: page.tabText(TAB_DUPLICATES) == "Duplicate visits")
    assert window.coordinator_menu.title() == "Coordin&ator"
    page.show_tab(TAB_DUPLICATES)
    panel = page.duplicates
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    assert panel.keep_button.text() == "&Keep both"
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.keep_button, Qt.MouseButton.LeftButton)
    box = panel.confirm
    qtbot.waitUntil(box.isVisible)
    assert box.text() == "Keep the 2 visits of “Commune staffing survey” to Phường Hoàn Kiếm as separate visits?"
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        answer(qtbot, box, "&Keep them")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)
    assert panel.summary.text() == "No possible duplicate visits to review."
    assert panel.notice.text() == "Kept the 2 visits of “Commune staffing survey” to Phường Hoàn Kiếm as separate " \
        "visits."
    page.shell.idle()
    with page.coordinator.store.read() as connection:
        marks = connection.execute("SELECT record_id, duplicate_of FROM duplicate_marks").fetchall()
    assert sorted(marks) == sorted([(world.records["first"], None), (world.records["second"], None)])


def test_the_browser_stops_warning_once_the_visits_are_reviewed(page, world, tmp_path, qtbot):
    import_both(page, world, tmp_path)
    window = page.shell.window
    window.submissions_action.trigger()
    browser = window.browser
    qtbot.waitUntil(lambda: browser.model.rowCount() == 2)
    assert browser.count_label.text() == ("2 trên 2 phiếu — 2 phiếu có thể trùng lượt khảo sát (đánh dấu bằng biểu "
                                          "tượng cảnh báo)")

    page.show_tab(TAB_DUPLICATES)
    panel = page.duplicates
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.keep_button, Qt.MouseButton.LeftButton)
    answer(qtbot, panel.confirm, "&Giữ lại")
    qtbot.waitUntil(lambda: browser.count_label.text() == "2 trên 2 phiếu")
    assert not any(browser.model.is_duplicate(row) for row in browser.visible_rows())

    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)  # the warning comes back with the group
    qtbot.waitUntil(lambda: "2 phiếu có thể trùng" in browser.count_label.text())
