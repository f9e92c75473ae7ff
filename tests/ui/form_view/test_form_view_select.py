"""select_one and select_multiple: radio buttons, dropdowns, searchable lists, check
boxes; choice filters refresh when the answer they read changes."""

import pytest
from PySide6.QtCore import Qt

from fieldkit.forms import load_form
from fieldkit.ui.form_view.widgets.search import SearchableMultiSelect, SearchableSelect
from fieldkit.ui.form_view.widgets.select import CheckboxSelect, DropdownSelect, RadioSelect


def _form_text() -> str:
    rows = [
        "| survey |",
        "| | type | name | label::English (en) | appearance | choice_filter | required |",
        "| | select_one yn | connected | Connected? | | | yes |",
        "| | select_one yn | minimal | Minimal | minimal | | |",
        "| | select_one months | month | Month | | | |",
        "| | select_one many | many | Many | | | |",
        "| | select_one yn | searched | Searched | autocomplete | | |",
        "| | select_multiple power | power | Backup power | | | |",
        "| | select_multiple many | many_multi | Many, several | | | |",
        "| | select_one region | region | Region | | | |",
        "| | select_one town | town | Town | | region=${region} | |",
        "| choices |",
        "| | list_name | name | label::English (en) | region |",
        "| | yn | yes | Yes | |",
        "| | yn | no | No | |",
        "| | power | ups | UPS | |",
        "| | power | generator | Generator | |",
        "| | power | none | None | |",
        "| | region | north | North | |",
        "| | region | south | South | |",
        "| | town | hn | Hà Nội | north |",
        "| | town | hp | Hải Phòng | north |",
        "| | town | hcm | Hồ Chí Minh | south |",
    ]
    rows += [f"| | months | m{i} | Month {i} | |" for i in range(1, 13)]
    rows += [f"| | many | v{i} | Đường số {i} | |" for i in range(1, 81)]
    rows += ["| settings |", "| | form_id | default_language |", "| | selects | English (en) |"]
    return "\n".join(rows)


@pytest.fixture
def view(make_form, open_view):
    return open_view(make_form(_form_text()))


def test_widget_follows_appearance_and_list_length(view):
    view, _ = view
    kinds = {path: type(view.widget_for(path)) for path in (
        "/data/connected", "/data/minimal", "/data/month", "/data/many", "/data/searched",
        "/data/power", "/data/many_multi")}
    assert kinds == {
        "/data/connected": RadioSelect, "/data/minimal": DropdownSelect, "/data/month": DropdownSelect,
        "/data/many": SearchableSelect, "/data/searched": SearchableSelect,
        "/data/power": CheckboxSelect, "/data/many_multi": SearchableMultiSelect,
    }


def test_radio_buttons_and_clear(view, qtbot, click):
    view, target = view
    widget = view.widget_for("/data/connected")
    click(widget.buttons[1])
    assert target.session.value("/data/connected") == "no"
    click(widget.buttons[0])
    assert target.session.value("/data/connected") == "yes"
    qtbot.mouseClick(widget.clear_button, Qt.MouseButton.LeftButton)
    assert target.session.value("/data/connected") == ""
    assert not any(button.isChecked() for button in widget.buttons)


def test_dropdown_by_keyboard(view, qtbot):
    view, target = view
    widget = view.widget_for("/data/month")
    widget.combo.setFocus()
    qtbot.keyClick(widget.combo, Qt.Key.Key_Down)
    qtbot.keyClick(widget.combo, Qt.Key.Key_Down)
    assert target.session.value("/data/month") == "m2"
    qtbot.mouseClick(widget.clear_button, Qt.MouseButton.LeftButton)
    assert target.session.value("/data/month") == ""
    assert widget.combo.currentIndex() == -1


def test_search_without_accents_then_enter_picks(view, qtbot):
    view, target = view
    widget = view.widget_for("/data/many")
    widget.filter.setFocus()
    qtbot.keyClicks(widget.filter, "duong so 7")
    shown = [widget.model.value_at(row) for row in range(widget.model.rowCount())]
    assert shown == ["v7", "v70", "v71", "v72", "v73", "v74", "v75", "v76", "v77", "v78", "v79"]
    qtbot.keyClick(widget.filter, Qt.Key.Key_Down)
    qtbot.keyClick(widget.list, Qt.Key.Key_Down)
    qtbot.keyClick(widget.list, Qt.Key.Key_Return)
    assert target.session.value("/data/many") == "v70"
    assert widget.answer_label.text() == "Answer: Đường số 70"


def test_search_click_picks(view, qtbot):
    view, target = view
    widget = view.widget_for("/data/many")
    qtbot.keyClicks(widget.filter, "80")
    rect = widget.list.visualRect(widget.model.index(0))
    qtbot.mouseClick(widget.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert target.session.value("/data/many") == "v80"


def test_checkboxes_keep_choice_order(view, click):
    view, target = view
    widget = view.widget_for("/data/power")
    click(widget.buttons[2])
    click(widget.buttons[0])
    assert target.session.value("/data/power") == "ups none"
    click(widget.buttons[2])
    assert target.session.value("/data/power") == "ups"


def test_searchable_multiple_with_space(view, qtbot):
    view, target = view
    widget = view.widget_for("/data/many_multi")
    qtbot.keyClicks(widget.filter, "so 12")
    qtbot.keyClick(widget.filter, Qt.Key.Key_Down)
    qtbot.keyClick(widget.list, Qt.Key.Key_Space)
    assert target.session.value("/data/many_multi") == "v12"
    widget.filter.clear()
    qtbot.keyClicks(widget.filter, "so 3")
    widget.choose("v3")
    assert target.session.value("/data/many_multi") == "v3 v12"
    assert widget.answer_label.text() == "Answer: Đường số 3, Đường số 12"


def test_choice_filter_follows_the_answer_it_reads(view, click):
    view, target = view
    town = view.widget_for("/data/town")
    region = view.widget_for("/data/region")
    assert town.buttons == []
    click(region.buttons[0])
    assert [b.text() for b in town.buttons] == ["Hà Nội", "Hải Phòng"]
    click(town.buttons[1])
    assert target.session.value("/data/town") == "hp"
    click(region.buttons[1])
    assert [b.text() for b in town.buttons] == ["Hồ Chí Minh"]


def test_communes_follow_the_province(qtbot, open_view):
    view, target = open_view(load_form("forms/commune_infrastructure.xlsx"))
    province = view.widget_for("/data/province")
    commune = view.widget_for("/data/commune")
    assert isinstance(province, DropdownSelect) and isinstance(commune, SearchableSelect)
    assert commune.model.total() == 0
    province.choose("01")
    assert commune.model.total() == 126
    qtbot.keyClicks(commune.filter, "hoan kiem")
    assert commune.model.rowCount() == 1
    qtbot.keyClick(commune.filter, Qt.Key.Key_Return)
    assert target.session.value("/data/commune") == commune.model.value_at(0)
    assert target.session.value("/data/commune_name") == "Phường Hoàn Kiếm"
    assert view.focusWidget() is view.widget_for("/data/visit_date").edit  # Enter moved on


def test_choice_labels_follow_the_form_language(open_view, click):
    view, target = open_view(load_form("forms/commune_infrastructure.xlsx"))
    view.show_page(2)
    connected = view.widget_for("/data/network/tsl_connected")
    click(connected.buttons[0])
    assert [button.text() for button in connected.buttons] == ["Có", "Không"]
    view.set_language("English (en)")
    assert [button.text() for button in connected.buttons] == ["Yes", "No"]
    assert connected.buttons[0].isChecked()


def test_screen_readers_hear_the_question_and_each_choice(view):
    view, _ = view
    radio = view.widget_for("/data/connected")
    assert radio.box.accessibleName() == "Connected? (required)"
    assert radio.buttons[0].accessibleName() == ""  # Qt reads the button's text, "Yes"
    assert view.widget_for("/data/many").filter.accessibleName() == "Many"
