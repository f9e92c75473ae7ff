"""The Coordinator menu's "Phát hành biểu mẫu…": a file chosen in the dialog is
published (the status bar says it travels at the next sync), and a version not newer
than the one held is refused in words."""

from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.helpers.mini_forms import RSA_PUBLIC_KEY, V1, mini_form


def chosen_in_dialog(page, qtbot, path):
    page.publisher.action.trigger()
    qtbot.waitUntil(lambda: page.window().findChild(QFileDialog, "publish_form_dialog") is not None)
    dialog = page.window().findChild(QFileDialog, "publish_form_dialog")
    dialog.selectFile(str(path))
    dialog.accept()


def test_the_menu_publishes_a_form_then_refuses_the_same_version(page, qtbot, tmp_path):
    window = page.window()
    assert page.publisher.action in window.coordinator_menu.actions()
    assert page.publisher.action.text() == "&Phát hành biểu mẫu…"
    form = tmp_path / "mini.md"
    form.write_text(V1, encoding="utf-8")

    chosen_in_dialog(page, qtbot, form)
    qtbot.waitUntil(lambda: "Đã phát hành" in window.statusBar().currentMessage())
    assert window.statusBar().currentMessage() == (
        "Đã phát hành “Mini survey” (mini_survey, phiên bản 1). Biểu mẫu sẽ tới các máy ở lần đồng bộ tới.")
    assert window.findChild(QMessageBox, "publish_form_encryption") is None  # it asks for no encryption
    assert ("mini_survey", "1") in [(entry.form_id, entry.version) for entry in page.survey.catalog()]

    chosen_in_dialog(page, qtbot, form)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "publish_form_refused") is not None)
    refusal = window.findChild(QMessageBox, "publish_form_refused")
    assert refusal.windowTitle() == "Biểu mẫu chưa được phát hành"
    assert "phiên bản 1 không mới hơn phiên bản 1" in refusal.text()
    refusal.accept()


def test_publishing_a_form_that_asks_for_encryption_says_what_fieldkit_does(page, qtbot, tmp_path):
    window = page.window()
    form = tmp_path / "keyed.md"
    form.write_text(mini_form("1", public_key=RSA_PUBLIC_KEY), encoding="utf-8")

    chosen_in_dialog(page, qtbot, form)
    qtbot.waitUntil(lambda: "Đã phát hành" in window.statusBar().currentMessage())
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "publish_form_encryption") is not None)
    notice = window.findChild(QMessageBox, "publish_form_encryption")  # a box: the status bar's message goes
    assert notice.windowTitle().startswith("Biểu mẫu yêu cầu mã hóa phiếu")
    assert notice.text() == (
        "Biểu mẫu này yêu cầu mã hóa phiếu: fieldkit giữ các câu trả lời có chữ ký nhưng không mã hóa, trên máy "
        "này và trong hộp thư đồng bộ. Để bàn giao phiếu đã mã hóa, hãy xuất bằng fieldkit bundle export "
        "--encrypt-to KEYFILE (khóa của điều phối viên).")
    notice.accept()
