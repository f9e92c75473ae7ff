"""The list of what stops Finalize, under the page: compact (at most four lines of
text, each entry whole, the page keeps the height), long entries wrap, so it scrolls
down and never sideways; a question that ends in "?" takes no colon after it, in
Vietnamese and in English."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from fieldkit.forms import load_form

SHIPPED = Path(__file__).resolve().parents[3] / "forms" / "commune_infrastructure.xlsx"
LAPTOP_FORM_AREA = (1100, 560)  # the form view in the main window on a 1366×728 screen
NETWORK_ERRORS = {
    "Tiếng Việt (vi)": "Mạng truyền số liệu chuyên dùng và điện › Trụ sở xã đã kết nối mạng truyền số liệu "
                       "chuyên dùng chưa? Câu hỏi này bắt buộc phải trả lời.",
    "English (en)": "Dedicated data network and power › Is the commune office connected to the dedicated "
                    "government data network? This question requires an answer.",
}
PLAIN_ERRORS = {  # a label without punctuation of its own: a colon
    "Tiếng Việt (vi)": "Họ và tên (Người cung cấp thông tin 1): Câu hỏi này bắt buộc phải trả lời.",
    "English (en)": "Full name (Respondents 1): This question requires an answer.",
}


@pytest.fixture(scope="module")
def infrastructure():
    return load_form(SHIPPED)


def finalize_refused(open_view, form, lang: str, size=LAPTOP_FORM_AREA):
    view, _target = open_view(form, lang=lang)
    view.resize(*size)
    view.show_errors()
    view.error_list.scrollToTop()
    return view


def entries(errors) -> list[str]:
    return [errors.item(row).text() for row in range(errors.count())]


@pytest.mark.parametrize("lang", NETWORK_ERRORS)
def test_a_question_that_ends_in_a_question_mark_takes_no_colon(open_view, infrastructure, lang):
    errors = finalize_refused(open_view, infrastructure, lang).error_list
    assert NETWORK_ERRORS[lang] in entries(errors)
    assert not [entry for entry in entries(errors) if "?:" in entry or "::" in entry]
    assert PLAIN_ERRORS[lang] in entries(errors)


def row_ends(errors) -> list[int]:
    return [errors.visualItemRect(errors.item(row)).bottom() + 1 for row in range(errors.count())]


def test_the_list_is_compact_and_shows_whole_lines(open_view, infrastructure, qtbot):
    view = finalize_refused(open_view, infrastructure, "Tiếng Việt (vi)")
    errors = view.error_list
    assert errors.count() == 20  # nothing answered yet
    lines = errors.fontMetrics().lineSpacing()

    def compact_with_whole_lines():
        assert errors.isVisible()
        assert errors.viewport().height() <= 4 * lines + 8  # four lines of text, not half the page
        assert view.stack.height() > 3 * (errors.height() + view.errors_title.height())
        assert errors.viewport().height() in row_ends(errors)  # the last entry shown is whole, not cut

    qtbot.waitUntil(compact_with_whole_lines)  # once the list has been laid out at its width
    assert errors.verticalScrollBar().maximum() > 0  # the other entries are a scroll down


def test_long_entries_wrap_instead_of_scrolling_sideways(open_view, infrastructure, qtbot):
    view = finalize_refused(open_view, infrastructure, "Tiếng Việt (vi)", size=(760, 560))
    errors = view.error_list
    qtbot.waitUntil(errors.isVisible)
    assert errors.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert errors.horizontalScrollBar().maximum() == 0
    network = errors.item(entries(errors).index(NETWORK_ERRORS["Tiếng Việt (vi)"]))
    shown = errors.visualItemRect(network)
    assert shown.width() <= errors.viewport().width()
    assert shown.height() >= 2 * errors.fontMetrics().lineSpacing()  # on two lines or more
    view.resize(1300, 560)  # wider: the entries wrap again, and the list takes their new height
    qtbot.waitUntil(lambda: errors.viewport().height() in row_ends(errors))
