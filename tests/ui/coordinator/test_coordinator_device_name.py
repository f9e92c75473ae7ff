"""Both laptops were named after the host ("vm"): the first start asks for a device
name before the visit, the devices screen shows it with the fingerprint, and the
Coordinator menu changes it later. Driven with key events, as a person would."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from fieldkit.ui.coordinator import TAB_DEVICES
from tests.helpers.shell import type_text


def name_dialog(window):
    dialog = window.findChild(QDialog, "device_name_dialog")
    return dialog if dialog is not None and dialog.isVisible() else None


def test_the_first_start_asks_for_a_device_name_before_the_visit(start_shell, qtbot, monkeypatch):
    monkeypatch.setattr("platform.node", lambda: "vm")
    shell = start_shell(named=False)
    window = shell.window
    qtbot.waitUntil(lambda: name_dialog(window) is not None)
    dialog = name_dialog(window)
    assert window.visit_dialog is None  # the visit comes next
    assert dialog.windowTitle() == "Tên của máy này"
    assert "Laptop 3 — Đoàn 5" in dialog.intro.text()
    assert dialog.name_edit.text() == "vm" and dialog.name_edit.selectedText() == "vm"
    type_text(qtbot, dialog.name_edit, "Laptop 3 — Đoàn 5")  # replaces the selected host name
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Laptop 3 — Đoàn 5" in window.statusBar().currentMessage())
    shell.enter_visit()

    page = window.coordinator
    page.show_tab(TAB_DEVICES)
    devices = page.devices
    qtbot.waitUntil(lambda: devices.own_name.text() == "Máy này: Laptop 3 — Đoàn 5")
    fingerprint = page.coordinator.this_device().fingerprint
    assert devices.own_fingerprint.text().startswith(fingerprint[:4].upper())
    assert [device["name"] for device in devices.model.rows()] == ["Laptop 3 — Đoàn 5"]


def test_the_coordinator_menu_renames_the_device(start_shell, qtbot, monkeypatch):
    monkeypatch.setattr("platform.node", lambda: "vm")
    shell = start_shell(named=False)
    window = shell.window
    qtbot.waitUntil(lambda: name_dialog(window) is not None)
    qtbot.keyClick(name_dialog(window), Qt.Key.Key_Escape)  # put off: asked again at the next start
    shell.enter_visit()
    page = window.coordinator
    page.show_tab(TAB_DEVICES)
    devices = page.devices
    qtbot.waitUntil(lambda: devices.own_name.text().startswith("Máy này: vm (đang mang tên"))

    page.name_action.trigger()
    qtbot.waitUntil(lambda: name_dialog(window) is not None)
    dialog = name_dialog(window)
    assert dialog.name_edit.text() == "vm"
    qtbot.keyClicks(dialog.name_edit, "Laptop 4")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: devices.own_name.text() == "Máy này: Laptop 4")
    assert "Laptop 4" in window.statusBar().currentMessage()

    devices.rename_button.click()
    qtbot.waitUntil(lambda: name_dialog(window) is not None)
    dialog = name_dialog(window)
    dialog.name_edit.selectAll()
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Delete)
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()  # a name is needed
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: name_dialog(window) is None)
    assert devices.own_name.text() == "Máy này: Laptop 4"
