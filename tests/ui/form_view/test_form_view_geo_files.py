"""Geopoints typed or pasted, traces, and attachments by picker or drag and drop."""

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QFileDialog

from fieldkit.ui.form_view.widgets.geo import parse_pasted

FORM = """
| survey |
| | type      | name    | label::English (en) |
| | geopoint  | office  | Office location     |
| | geotrace  | road    | Road                |
| | image     | photo   | Photo               |
| | file      | minutes | Signed minutes      |
| settings |
| | form_id | default_language |
| | geo     | English (en)     |
"""


def test_pasted_coordinates_are_understood():
    assert parse_pasted("21.0285, 105.8542") == ["21.0285", "105.8542"]
    assert parse_pasted("21.0285 105.8542") == ["21.0285", "105.8542"]
    assert parse_pasted("21.0285,105.8542") == ["21.0285", "105.8542"]
    assert parse_pasted("21,0285 105,8542 12 5") == ["21.0285", "105.8542", "12", "5"]
    assert parse_pasted("21,0285") is None  # a decimal comma, one number
    assert parse_pasted("Hà Nội") is None


def test_typed_geopoint(make_form, open_view, qtbot):
    view, target = open_view(make_form(FORM))
    widget = view.widget_for("/data/office")
    qtbot.keyClicks(widget.parts[0], "21.0285")
    assert widget.error_text().startswith("Expected latitude and longitude")
    qtbot.keyClicks(widget.parts[1], "105.8542")
    assert target.session.value("/data/office") == "21.0285 105.8542"
    assert widget.error_text() == ""
    qtbot.keyClicks(widget.parts[3], "5")
    assert target.session.value("/data/office") == "21.0285 105.8542 0.0 5.0"  # doubles, as ODK stores them
    assert [part.text() for part in widget.parts] == ["21.0285", "105.8542", "", "5"]  # as typed


def test_pasted_geopoint_spreads_over_the_boxes(make_form, open_view, qtbot):
    view, target = open_view(make_form(FORM))
    widget = view.widget_for("/data/office")
    QApplication.clipboard().setText("21.0285, 105.8542")
    widget.parts[0].setFocus()
    qtbot.keyClick(widget.parts[0], Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [part.text() for part in widget.parts[:2]] == ["21.0285", "105.8542"]
    assert target.session.value("/data/office") == "21.0285 105.8542"


def test_geopoint_out_of_range_says_which_number_and_its_range(make_form, open_view, qtbot):
    view, target = open_view(make_form(FORM))
    widget = view.widget_for("/data/office")
    qtbot.keyClicks(widget.parts[0], "210")
    qtbot.keyClicks(widget.parts[1], "105")
    assert widget.error_text() == "Latitude must be between -90 and 90 degrees (you typed 210)."
    assert target.session.error("/data/office")[0] == "type"  # refused by the session too
    widget.parts[0].clear()
    qtbot.keyClicks(widget.parts[0], "21")
    qtbot.keyClicks(widget.parts[1], "0")
    assert widget.error_text() == "Longitude must be between -180 and 180 degrees (you typed 1050)."
    qtbot.keyClick(widget.parts[1], Qt.Key.Key_Backspace)
    qtbot.keyClicks(widget.parts[3], "-5")
    assert widget.error_text() == "The accuracy cannot be negative (you typed -5)."
    qtbot.keyClick(widget.parts[3], Qt.Key.Key_Backspace)
    qtbot.keyClick(widget.parts[3], Qt.Key.Key_Backspace)
    assert widget.error_text() == ""
    assert target.session.value("/data/office") == "21.0 105.0"  # doubles, as ODK stores them


def test_geopoint_range_message_in_the_language_of_the_other_messages(make_form, open_view, qtbot):
    view, target = open_view(make_form(FORM), lang="vi")
    widget = view.widget_for("/data/office")
    qtbot.keyClicks(widget.parts[0], "210")
    qtbot.keyClicks(widget.parts[1], "-200")
    assert widget.error_text() == ("Vĩ độ phải nằm trong khoảng từ -90 đến 90 độ (đã nhập 210). "
                                   "Kinh độ phải nằm trong khoảng từ -180 đến 180 độ (đã nhập -200).")


def test_geotrace_lines_become_points(make_form, open_view, qtbot):
    view, target = open_view(make_form(FORM))
    widget = view.widget_for("/data/road")
    widget.editor.setFocus()
    qtbot.keyClicks(widget.editor, "21.0 105.8")
    qtbot.keyClick(widget.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(widget.editor, "21.1 105.9")
    assert target.session.value("/data/road") == "21.0 105.8;21.1 105.9"
    assert widget.error_text() == ""


def _picture(tmp_path):
    path = tmp_path / "office.png"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkGreen)
    assert image.save(str(path))
    return path


def test_image_by_picker(make_form, open_view, qtbot, tmp_path, monkeypatch):
    view, target = open_view(make_form(FORM))
    picture = _picture(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(picture), ""))
    widget = view.widget_for("/data/photo")
    qtbot.mouseClick(widget.choose_button, Qt.MouseButton.LeftButton)
    assert target.session.value("/data/photo") == "office.png"
    assert target.attached["/data/photo"] == str(picture)
    assert widget.file_label.text() == "office.png"
    assert not widget.preview.isHidden()
    qtbot.mouseClick(widget.remove_button, Qt.MouseButton.LeftButton)
    assert target.session.value("/data/photo") == ""


def test_file_by_drag_and_drop(make_form, open_view, tmp_path):
    view, target = open_view(make_form(FORM))
    document = tmp_path / "biên bản.pdf"
    document.write_bytes(b"%PDF-1.4\n")
    widget = view.widget_for("/data/minutes")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(document))])
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, data,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, data,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    assert target.session.value("/data/minutes") == "biên bản.pdf"
    assert widget.file_label.text() == "biên bản.pdf"


def test_a_target_without_attach_gets_the_file_name(make_form, open_view, tmp_path, monkeypatch):
    view, target = open_view(make_form(FORM))
    monkeypatch.delattr(type(target), "attach")
    widget = view.widget_for("/data/minutes")
    widget.attach(str(tmp_path / "notes.txt"))
    assert target.session.value("/data/minutes") == "notes.txt"
