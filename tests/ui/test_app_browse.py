"""The commune picker (accent-free type-ahead, province filter, recent first) and the
submissions browser (filter, sort, search, open, duplicate visits)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from fieldkit.communes.picker_rows import make_rows
from fieldkit.ui.commune_picker import CommunePicker
from fieldkit.ui.submissions import (
    COLUMN_COMMUNE,
    COLUMN_CONFLICTS,
    COLUMN_FORM,
    COLUMN_UPDATED,
    ROW_ROLE,
    SubmissionsBrowser,
)
from tests.helpers.shell import type_text


@pytest.fixture(scope="module")
def directory():
    from fieldkit.communes import CommuneDirectory

    found = CommuneDirectory()
    found.warm_up()
    return found


def everything(directory):
    return [commune for province in directory.provinces() for commune in directory.in_province(province.code)]


@pytest.fixture
def picker(qtbot, directory):
    widget = CommunePicker()
    qtbot.addWidget(widget)
    communes = everything(directory)
    recent = [directory.get("00070"), directory.search("ben thanh")[0]]
    widget.set_data(directory.provinces(), make_rows(communes, recent))
    return widget


def test_type_ahead_ignores_accents_and_case(qtbot, picker):
    assert picker.model.rowCount() == 3321
    qtbot.keyClicks(picker.search_box, "HOAN kiem")
    assert [commune.name for commune in picker.visible_communes()] == ["Phường Hoàn Kiếm"]
    picker.search_box.setText("Hoàn Kiếm")
    assert [commune.name for commune in picker.visible_communes()] == ["Phường Hoàn Kiếm"]
    picker.search_box.setText("dong hoa")
    names = [commune.name for commune in picker.visible_communes()]
    assert "Phường Đông Hòa" in names or any("Đông Hòa" in name for name in names)
    picker.search_box.setText("kiem ha noi hoan")  # words in any order, the province's too
    assert [commune.name for commune in picker.visible_communes()] == ["Phường Hoàn Kiếm"]


def test_type_ahead_ignores_the_spaces_and_apostrophes_between_syllables(qtbot, picker):
    for typed in ("ea hleo", "eahleo", "ea h'leo", "Ea Hleo"):
        picker.search_box.clear()
        qtbot.keyClicks(picker.search_box, typed)
        assert [commune.name for commune in picker.visible_communes()] == ["Xã Ea H’leo"], typed
    picker.search_box.clear()
    qtbot.keyClicks(picker.search_box, "hoankiem")
    assert [commune.name for commune in picker.visible_communes()] == ["Phường Hoàn Kiếm"]


def test_typing_on_and_back_gives_the_same_lists_as_from_scratch(qtbot, picker):
    """The narrowing shortcut (only rows still shown are tested) changes nothing."""
    typed = "xa tan"
    for count in range(1, len(typed) + 1):
        picker.search_box.setText(typed[:count])
    narrowed = [commune.code for commune in picker.visible_communes()]
    picker.search_box.setText("")
    picker.search_box.setText(typed)
    assert [commune.code for commune in picker.visible_communes()] == narrowed
    picker.search_box.setText("xa ta")
    assert len(picker.visible_communes()) >= len(narrowed)


def test_province_then_commune_and_recent_first(qtbot, picker, directory):
    ben_thanh = directory.search("ben thanh")[0]
    assert [commune.code for commune in picker.visible_communes()[:2]] == ["00070", ben_thanh.code]
    ha_noi = picker.province_box.findData("01")
    picker.province_box.setCurrentIndex(ha_noi)
    shown = picker.visible_communes()
    assert shown and all(commune.province_code == "01" for commune in shown)
    assert shown[0].code == "00070"  # recent first within the province too
    picked = []
    picker.commune_picked.connect(picked.append)
    qtbot.keyClicks(picker.search_box, "ba dinh")
    qtbot.keyClick(picker.search_box, Qt.Key.Key_Return)
    assert picked and picked[0].name == "Phường Ba Đình"
    picker.model.move_to_front(picked[0].code)
    picker.search_box.clear()
    assert picker.visible_communes()[0].code == picked[0].code


# Offscreen, the completer's list of provinces cannot raise itself or grab the keyboard.
POPUP_WARNINGS = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing",
                                           "does not support propagateSizeHints")


def show(qtbot, widget) -> None:
    """On screen and active, as the window is when a person types."""
    widget.show()
    with qtbot.waitActive(widget):
        widget.activateWindow()


def choose_province(qtbot, picker, typed: str) -> None:
    """Into the province box, type, Enter: as a person does, without the mouse."""
    box = picker.province_box
    box.setFocus()
    box.lineEdit().selectAll()
    type_text(qtbot, box, typed)
    qtbot.keyClick(box, Qt.Key.Key_Return)


@POPUP_WARNINGS
def test_province_box_is_searched_without_accents(qtbot, picker):
    show(qtbot, picker)
    for typed, wanted in (("ha noi", "Thành phố Hà Nội"), ("dak", "Đắk Lắk"), ("HA NOI", "Thành phố Hà Nội"),
                          ("Đắk Lắk", "Đắk Lắk"), ("ho chi minh", "Thành phố Hồ Chí Minh")):
        choose_province(qtbot, picker, typed)
        assert picker.province_box.currentText() == wanted, typed
        assert picker.province_box.lineEdit().text() == wanted
        assert {commune.province_name for commune in picker.visible_communes()} == {wanted}


@POPUP_WARNINGS
def test_province_box_forgets_what_matches_no_province(qtbot, picker):
    show(qtbot, picker)
    choose_province(qtbot, picker, "ha noi")
    choose_province(qtbot, picker, "zzz")
    assert picker.province_box.currentText() == "Thành phố Hà Nội"  # still the chosen one, as shown
    assert picker.province_box.lineEdit().text() == "Thành phố Hà Nội"
    assert picker.province_box.count() == 35  # nothing typed became an item


@pytest.fixture
def vietnamese(qapp):
    from fieldkit.ui.translators import Translators

    Translators(qapp).install("vi")
    yield
    Translators(qapp).install("en")  # the source language, which the other tests read


@POPUP_WARNINGS
def test_a_commune_of_another_province_is_announced_and_enter_shows_it(qtbot, picker, vietnamese):
    """Hà Nội chosen, "ea hleo" typed: not an empty "0 trên 3321" but where it is."""
    show(qtbot, picker)
    choose_province(qtbot, picker, "ha noi")
    picker.search_box.setFocus()
    qtbot.keyClicks(picker.search_box, "ea hleo")
    assert picker.visible_communes() == []
    qtbot.waitUntil(lambda: picker.count_label.text() == (
        "Không có trong Thành phố Hà Nội; 1 xã, phường ở tỉnh khác: bấm Enter để xem."))
    assert picker.all_provinces_button.isVisible()
    assert picker.all_provinces_button.text() == "&Tìm ở mọi tỉnh, thành phố"
    picked = []
    picker.commune_picked.connect(picked.append)
    qtbot.keyClick(picker.search_box, Qt.Key.Key_Return)  # the province filter goes, not a pick
    assert picked == []
    assert picker.province_code() is None
    assert [commune.name for commune in picker.visible_communes()] == ["Xã Ea H’leo"]
    assert not picker.all_provinces_button.isVisible()
    qtbot.keyClick(picker.search_box, Qt.Key.Key_Return)
    assert [commune.name for commune in picked] == ["Xã Ea H’leo"]


def test_the_button_shows_the_other_provinces_too(qtbot, picker):
    show(qtbot, picker)
    picker.province_box.setCurrentIndex(picker.province_box.findData("01"))
    picker.search_box.setText("ben thanh")
    qtbot.mouseClick(picker.all_provinces_button, Qt.MouseButton.LeftButton)
    assert picker.province_code() is None
    assert picker.visible_communes()[0].name == "Phường Bến Thành"
    assert picker.search_box.hasFocus()


def test_nothing_anywhere_is_said_plainly(qtbot, picker):
    picker.province_box.setCurrentIndex(picker.province_box.findData("01"))
    picker.search_box.setText("qqqq")
    assert not picker.all_provinces_button.isVisibleTo(picker)
    assert picker.count_label.text() in ("0 of 3321 communes", "0 trên 3321 xã, phường")


def rows_for_browser():
    from fieldkit.services import SubmissionRow

    def row(record, form, title, commune, name, province, status, author, updated, conflicts=0):
        return SubmissionRow(record, form, title, commune, name, province, status, author, updated, conflicts,
                             head_rev="r" + record, province_code=commune[:2])

    return [
        row("1", "commune_staffing", "Nhân lực", "00070", "Phường Hoàn Kiếm", "Thành phố Hà Nội", "draft",
            "Trần Thị Bình", "2026-11-26T09:00:00+07:00"),
        row("2", "commune_staffing", "Nhân lực", "00070", "Phường Hoàn Kiếm", "Thành phố Hà Nội", "finalized",
            "Nguyễn Văn An", "2026-11-26T10:00:00+07:00", conflicts=2),
        row("3", "commune_infrastructure", "Hạ tầng", "26734", "Phường Bến Thành", "Thành phố Hồ Chí Minh",
            "has_errors", "Lê Văn Cường", "2026-11-25T15:30:00+07:00"),
        row("4", "visit_minutes", "Biên bản", "00004", "Phường Ba Đình", "Thành phố Hà Nội", "finalized",
            "Trần Thị Bình", "2026-11-24T08:00:00+07:00"),
    ]


@pytest.fixture
def browser(qtbot):
    widget = SubmissionsBrowser()
    qtbot.addWidget(widget)
    widget.set_rows(rows_for_browser())
    return widget


def ids(browser):
    return [row.record_id for row in browser.visible_rows()]


def test_browser_sorts_newest_first_and_by_any_column(browser):
    assert ids(browser) == ["2", "1", "3", "4"]
    browser.table.sortByColumn(COLUMN_COMMUNE, Qt.SortOrder.AscendingOrder)
    assert [row.commune_name for row in browser.visible_rows()][0] == "Phường Ba Đình"
    browser.table.sortByColumn(COLUMN_CONFLICTS, Qt.SortOrder.DescendingOrder)
    assert ids(browser)[0] == "2"
    browser.table.sortByColumn(COLUMN_UPDATED, Qt.SortOrder.AscendingOrder)
    assert ids(browser) == ["4", "3", "1", "2"]


def test_browser_filters_and_searches_without_accents(browser):
    browser.form_box.setCurrentIndex(browser.form_box.findData("commune_staffing"))
    assert sorted(ids(browser)) == ["1", "2"]
    browser.status_box.setCurrentIndex(browser.status_box.findData("finalized"))
    assert ids(browser) == ["2"]
    browser.form_box.setCurrentIndex(0)
    browser.province_box.setCurrentIndex(browser.province_box.findData("Thành phố Hà Nội"))
    assert sorted(ids(browser)) == ["2", "4"]
    browser.status_box.setCurrentIndex(0)
    browser.province_box.setCurrentIndex(0)
    browser.search_box.setText("tran thi binh")
    assert sorted(ids(browser)) == ["1", "4"]
    browser.search_box.setText("ben thanh")
    assert ids(browser) == ["3"]
    assert "1 trên 4" in browser.count_label.text() or "1 of 4" in browser.count_label.text()


def test_browser_marks_possible_duplicate_visits_and_opens_on_double_click(qtbot, browser):
    model = browser.model
    marks = {model.row_at(row).record_id: model.data(model.index(row, COLUMN_COMMUNE), Qt.ItemDataRole.ToolTipRole)
             for row in range(model.rowCount())}
    assert marks["1"] and marks["2"] and not marks["3"] and not marks["4"]
    opened = []
    browser.open_requested.connect(opened.append)
    browser.resize(900, 400)
    with qtbot.waitExposed(browser):
        browser.show()
    index = browser.proxy.index(2, COLUMN_FORM)
    rect = browser.table.visualRect(index)
    qtbot.mouseClick(browser.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(browser.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [index.data(ROW_ROLE)]
    qtbot.keyClick(browser.table, Qt.Key.Key_Return)  # Enter opens the current row too
    assert len(opened) == 2


def test_browser_in_the_app_opens_a_submission_and_a_new_one_warns(qtbot, start_shell):
    shell = start_shell()
    shell.enter_visit()
    shell.pick_commune("hoan kiem")
    first = shell.open_form("commune_staffing")
    shell.forms.view.focus_path("/data/total_staff")
    type_text(qtbot, shell.forms.view.widget_for("/data/total_staff").editor, "0")
    shell.save()
    shell.forms.close()
    qtbot.waitUntil(lambda: shell.forms.submission is None)

    # Another submission of the same form for the same commune: asked first.
    panel = shell.window.commune_forms
    qtbot.waitUntil(lambda: panel.new_button.isEnabled())  # the list refreshed, the same form selected
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.window.findChild(QMessageBox, "confirm_duplicate") is not None
                    and shell.window.findChild(QMessageBox, "confirm_duplicate").isVisible())
    shell.window.findChild(QMessageBox, "confirm_duplicate").button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: shell.forms.submission is not None and shell.forms.submission is not first)
    banner = shell.window.form_page.duplicate_banner
    qtbot.waitUntil(banner.isVisible)
    assert "Phường Hoàn Kiếm" in banner.text()
    shell.save()

    shell.window.submissions_action.trigger()
    browser = shell.window.browser
    qtbot.waitUntil(lambda: browser.model.rowCount() == 2)
    assert all(browser.model.is_duplicate(row) for row in browser.visible_rows())
    target = next(row for row in browser.visible_rows() if row.record_id == first.record_id)
    browser.open_requested.emit(target)
    qtbot.waitUntil(lambda: shell.forms.submission is not None
                    and shell.forms.submission.record_id == first.record_id, timeout=20_000)
    assert shell.window.pages.currentWidget() is shell.window.form_page


def test_browser_columns_fit_again_when_a_search_is_cleared(qtbot, browser):
    """Rows read while the search shows none: the columns were as narrow as their titles,
    and stayed so (the form's title cut) once the search was cleared."""
    show(qtbot, browser)
    header = browser.table.horizontalHeader()
    fitted = [header.sectionSize(column) for column in (COLUMN_COMMUNE, COLUMN_FORM)]
    qtbot.keyClicks(browser.search_box, "zzz")
    browser.set_rows(rows_for_browser())  # a save elsewhere reloads them
    qtbot.waitUntil(lambda: header.sectionSize(COLUMN_COMMUNE) < fitted[0])  # as narrow as "Commune"
    browser.search_box.clear()
    assert browser.proxy.rowCount() == 4
    qtbot.waitUntil(lambda: [header.sectionSize(column) for column in (COLUMN_COMMUNE, COLUMN_FORM)] == fitted)
