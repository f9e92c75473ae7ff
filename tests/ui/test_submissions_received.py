"""The submissions list and a commune's forms say which of this laptop's submissions a
coordinator has received: the window's own passes, a folder drop box, a coordinator's
data folder of its own (tests/helpers/sync_devices.Device), offscreen."""

import pytest

from fieldkit.services import remotes
from fieldkit.sync.dropbox.folder import FolderTransport
from fieldkit.ui.submissions import COLUMN_RECEIVED
from tests.helpers.network_world import sync
from tests.helpers.sync_devices import Device

HOAN_KIEM = "00070"
COORDINATOR = "Điều phối Lai Châu"
DATA = {"status": "finalized", "answers": {"/data/staff": "4"}, "commune": HOAN_KIEM, "province": "01",
        "attachments": {}}


@pytest.fixture
def laptop(start_shell, tmp_path):
    """The window (a laptop) and a coordinator that trust each other."""
    shell = start_shell()
    shell.enter_visit()
    coordinator = Device(tmp_path, COORDINATOR)
    shell.window.sync.coordinator.trust(coordinator.fingerprint)
    coordinator.service.trust(shell.window.sync.coordinator.store.identity.fingerprint)
    (tmp_path / "hop").mkdir()
    shell.coordinator, shell.drop_box = coordinator, tmp_path / "hop"
    yield shell
    coordinator.close()


def set_up_drop_box(shell) -> None:
    sync = shell.window.sync
    sync.scheduler.set_remote(remotes.add_remote(sync.coordinator, name="hop", url=str(shell.drop_box)))


def received_column(window) -> list[str]:
    model = window.browser.proxy
    return [model.index(row, COLUMN_RECEIVED).data() for row in range(model.rowCount())]


def list_shows(qtbot, window, column: list[str]) -> None:
    """Xem › Danh sách phiếu (Ctrl+3), read again; its received column becomes `column`."""
    window.submissions_action.trigger()
    qtbot.waitUntil(lambda: received_column(window) == column)


def test_not_yet_until_the_coordinators_receipt_arrives_and_again_after_a_newer_edit(qtbot, laptop):
    window, store = laptop.window, laptop.window.sync.coordinator.store
    revision = store.commit_revision(record_id="r-1", parents=[], form_id="ha_tang", form_version="1",
                                     author="lan", action="save", data=DATA).result()
    list_shows(qtbot, window, ["chưa"])
    assert window.browser.table.isColumnHidden(COLUMN_RECEIVED)  # no drop box: no receipt can come

    set_up_drop_box(laptop)
    qtbot.waitUntil(lambda: not window.browser.table.isColumnHidden(COLUMN_RECEIVED))
    qtbot.waitUntil(lambda: window.sync.indicator.full_text.endswith(" · 1 phiếu chờ điều phối nhận"), timeout=20_000)
    list_shows(qtbot, window, ["chưa"])  # sent, not yet received

    sync(laptop.coordinator, FolderTransport(laptop.drop_box))  # the coordinator pulls, writes its receipt
    window.sync.sync_now_action.trigger()  # the list refreshes by itself after the pass
    cell = lambda: window.browser.proxy.index(0, COLUMN_RECEIVED)  # noqa: E731 (an index dies with a reset)
    qtbot.waitUntil(lambda: str(cell().data()).startswith(f"{COORDINATOR} · "), timeout=20_000)
    assert cell().data(role=3).startswith(f"Đã được {COORDINATOR} nhận lúc ")  # the tooltip: the year too
    window.resize(1366, 728)  # a laptop's screen: every column read without scrolling sideways
    table = window.browser.table
    qtbot.waitUntil(lambda: table.viewport().width() < 1366)
    widths = sum(table.columnWidth(column) for column in range(COLUMN_RECEIVED + 1))
    assert widths <= table.viewport().width(), (widths, table.viewport().width())

    store.commit_revision(record_id="r-1", parents=[revision.rev_id], form_id="ha_tang", form_version="1",
                          author="lan", action="save", data={**DATA, "answers": {"/data/staff": "5"}}).result()
    list_shows(qtbot, window, ["chưa"])
    window.browser.status_box.setCurrentIndex(window.browser.status_box.findText("Chưa được nhận"))
    assert window.browser.proxy.rowCount() == 1


def test_the_communes_forms_say_received_or_not_yet(qtbot, laptop):
    window, store = laptop.window, laptop.window.sync.coordinator.store
    store.commit_revision(record_id="r-1", parents=[], form_id="commune_staffing", form_version="2026112601",
                          author="lan", action="save", data=DATA).result()
    set_up_drop_box(laptop)
    qtbot.waitUntil(lambda: window.sync.indicator.full_text.endswith(" · 1 phiếu chờ điều phối nhận"), timeout=20_000)
    window.pick_commune(window.service.communes.get(HOAN_KIEM))
    forms = window.commune_forms
    status = lambda: forms.proxy.index(forms.row_for("commune_staffing"), 1).data()  # noqa: E731
    qtbot.waitUntil(lambda: status() == "Đã hoàn tất · chưa nhận")

    sync(laptop.coordinator, FolderTransport(laptop.drop_box))
    window.sync.sync_now_action.trigger()
    qtbot.waitUntil(lambda: status() == "Đã hoàn tất · đã nhận", timeout=20_000)
    tooltip = forms.proxy.index(forms.row_for("commune_staffing"), 1).data(role=3)
    assert tooltip.startswith(f"Đã được {COORDINATOR} nhận lúc ")


def test_a_coordinators_list_says_nothing_of_the_laptops_submissions(qtbot, start_shell, tmp_path):
    shell = start_shell()
    shell.enter_visit()
    window, here = shell.window, shell.window.sync.coordinator
    member = Device(tmp_path, "lan")
    here.trust(member.fingerprint)
    member.service.trust(here.store.identity.fingerprint)
    (tmp_path / "hop").mkdir()
    member.save({"/data/staff": "4"}, record_id="from-the-laptop")
    sync(member, FolderTransport(tmp_path / "hop"))
    here.store.commit_revision(record_id="own", parents=[], form_id="ha_tang", form_version="1", author="điều phối",
                               action="save", data=DATA).result()

    shell.drop_box = tmp_path / "hop"
    set_up_drop_box(shell)  # the coordinator's pass pulls the laptop's submission
    qtbot.waitUntil(lambda: window.sync.indicator.full_text.startswith("Đã đồng bộ lúc "), timeout=20_000)
    window.submissions_action.trigger()
    qtbot.waitUntil(lambda: window.browser.proxy.rowCount() == 2)
    shown = {row.record_id: window.browser.model.index(number, COLUMN_RECEIVED).data()
             for number, row in enumerate(window.browser.model._rows)}
    assert shown == {"from-the-laptop": "", "own": "chưa"}
    member.close()
