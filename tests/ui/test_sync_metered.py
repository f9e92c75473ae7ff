"""On a metered connection (a phone's data plan) the window asks before sending large
attachments: under 2 MB of photos and files an automatic pass runs as usual; over it the
indicator says how much waits, and only a click on it asks (never a question popping up
over a form being filled). "Later" keeps automatic passes paused; Sync now always sends."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from fieldkit.services import remotes
from fieldkit.ui.sync.scheduler import METERED_ASK_BYTES
from tests.helpers.memory_keyring import MemoryKeyring, installed
from tests.helpers.sync_window import synced_text

WAITING_TEXT = "Kết nối tính phí theo dung lượng: 5 MB ảnh, tệp chờ gửi; bấm để gửi"
PAUSED_TEXT = "Kết nối tính phí theo dung lượng: tạm dừng đồng bộ tự động; hãy dùng Đồng bộ ngay"


def on_metered_with_photos(qtbot, window, network, tmp_path, attachment_bytes):
    network[0].set(metered=True)
    window.fake_sync.attachment_bytes = attachment_bytes
    sync = window.window.sync
    sync.scheduler.set_remote(window.fake_sync.add_remote(None, name="default", url=str(tmp_path)))
    qtbot.waitUntil(lambda: not sync.scheduler.state.running)
    return sync


def the_question(qtbot, sync) -> QMessageBox:
    qtbot.mouseClick(sync.indicator, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sync.metered_question is not None and sync.metered_question.isVisible())
    return sync.metered_question


def test_under_the_threshold_an_automatic_pass_runs_on_a_metered_connection(qtbot, window, network,
                                                                           tmp_path):
    sync = on_metered_with_photos(qtbot, window, network, tmp_path, METERED_ASK_BYTES)
    assert synced_text(sync.indicator.full_text)
    assert window.fake_sync.passes == 1 and sync.scheduler.timer.isActive()  # and the steady timer goes on


def test_over_the_threshold_nothing_is_sent_until_the_person_agrees(qtbot, window, network, tmp_path):
    sync = on_metered_with_photos(qtbot, window, network, tmp_path, 4_200_000)
    assert sync.indicator.full_text == WAITING_TEXT  # rounded up
    assert window.fake_sync.passes == 0 and not sync.scheduler.timer.isActive()
    assert sync.metered_question is None  # nothing popped up by itself

    sync.scheduler.after_finalize(type("Saved", (), {"data": {"status": "finalized"}})())
    qtbot.waitUntil(lambda: not sync.scheduler.state.running)
    assert window.fake_sync.passes == 0 and sync.indicator.full_text == WAITING_TEXT

    question = the_question(qtbot, sync)
    assert question.text() == "Kết nối này tính phí theo dung lượng. Gửi 5 MB ảnh và tệp đính kèm ngay?"
    assert [button.text() for button in question.buttons()] == ["&Gửi ngay", "Để &sau"]
    assert question.frameGeometry().width() <= 1366 and question.frameGeometry().height() <= 728
    sync.ask_metered()  # asked again while it is open: the same question, not a second one
    assert [box for box in window.window.findChildren(QMessageBox) if box.isVisible()] == [question]

    qtbot.keyClick(question, Qt.Key.Key_Return)  # "Send now" is the default
    qtbot.waitUntil(lambda: synced_text(sync.indicator.full_text))
    assert window.fake_sync.passes == 1


def test_later_said_while_a_pass_is_under_way_is_not_asked_again_by_that_pass(qtbot, window, network, tmp_path):
    sync = on_metered_with_photos(qtbot, window, network, tmp_path, 5_000_000)
    question = the_question(qtbot, sync)
    sync.scheduler.request(automatic=True)  # the network came back: a pass starts, to be held back too
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # "Later", before that pass ends
    qtbot.waitUntil(lambda: not sync.scheduler.state.running)
    assert sync.indicator.full_text == PAUSED_TEXT
    assert window.fake_sync.passes == 0


def test_later_keeps_automatic_passes_paused_until_the_connection_is_not_metered(qtbot, window, network,
                                                                                tmp_path):
    sync = on_metered_with_photos(qtbot, window, network, tmp_path, 5_000_000)
    question = the_question(qtbot, sync)
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # "Later"
    qtbot.waitUntil(lambda: sync.indicator.full_text == PAUSED_TEXT)

    sync.scheduler.timer.start(0)  # an automatic pass comes due
    sync.scheduler.request(automatic=True)
    assert not sync.scheduler.state.running and sync.indicator.full_text == PAUSED_TEXT
    assert window.fake_sync.passes == 0
    qtbot.mouseClick(sync.indicator, Qt.MouseButton.LeftButton)  # the indicator opens the settings again
    qtbot.waitUntil(lambda: sync.dialog is not None and sync.dialog.isVisible())
    sync.dialog.reject()

    network[0].set(metered=False)  # home Wi-Fi
    qtbot.waitUntil(lambda: synced_text(sync.indicator.full_text))
    assert window.fake_sync.passes == 1


def test_sync_now_sends_without_asking(qtbot, window, network, tmp_path):
    sync = on_metered_with_photos(qtbot, window, network, tmp_path, 50_000_000)
    assert sync.indicator.full_text.startswith("Kết nối tính phí theo dung lượng: 50 MB")
    window.activate()
    qtbot.keyClick(window.window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: synced_text(sync.indicator.full_text))
    assert window.fake_sync.passes == 1 and sync.metered_question is None


def test_with_a_real_photo_a_sent_bundle_is_not_asked_about_again(qtbot, start_shell, network, tmp_path):
    """The window's own pass and estimate, a real folder drop box and a real 3 MB photo."""
    shell = start_shell()
    shell.enter_visit()
    sync = shell.window.sync
    store = sync.coordinator.store
    photo = store.put_blob(b"\xff\xd8" + bytes(range(256)) * 12_000).result()  # 3.07 MB
    store.commit_revision(
        record_id="r-1", parents=[], form_id="ha_tang", form_version="1", author="laptop", action="save",
        data={"status": "finalized", "answers": {"/data/staff": "4"}, "commune": "00070", "province": "01",
              "attachments": {"office.jpg": photo}}).result()
    (tmp_path / "drop box").mkdir()
    network[0].set(metered=True)
    with installed(MemoryKeyring()):
        sync.scheduler.set_remote(remotes.add_remote(sync.coordinator, name="default", url=str(tmp_path / "drop box")))
        qtbot.waitUntil(lambda: sync.indicator.full_text.startswith("Kết nối tính phí theo dung lượng: 4 MB"),
                        timeout=30_000)
        assert not (tmp_path / "drop box" / store.identity.site_id).exists()

        qtbot.mouseClick(the_question(qtbot, sync).buttons()[0], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: sync.indicator.full_text.endswith(" · 1 phiếu chờ điều phối nhận"), timeout=30_000)
        assert len(list((tmp_path / "drop box" / store.identity.site_id / "bundles").iterdir())) == 1

        passes = []
        sync.scheduler.changed.connect(lambda: passes.append(sync.scheduler.state.last_success))
        sync.scheduler.timer.start(0)  # the next automatic pass: the photo is in the drop box now
        qtbot.waitUntil(lambda: len(set(passes)) == 2 and not sync.scheduler.state.running, timeout=30_000)
        assert sync.indicator.full_text.endswith(" · 1 phiếu chờ điều phối nhận")
        assert sync.scheduler.state.metered_waiting is None


def test_the_status_bar_shows_at_most_its_width_and_the_tooltip_the_whole_text(qtbot, window, network, tmp_path):
    """Fonts differ from one laptop to another: the text shown is cut to the indicator's
    width, never the status bar's whole; the tooltip keeps every word."""
    from fieldkit.ui.sync.indicator import TEXT_WIDTH

    sync = on_metered_with_photos(qtbot, window, network, tmp_path, 5_000_000)
    question = the_question(qtbot, sync)
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # "Later"
    qtbot.waitUntil(lambda: sync.indicator.full_text == PAUSED_TEXT)
    shown = sync.indicator.text()
    assert sync.indicator.fontMetrics().horizontalAdvance(shown) <= TEXT_WIDTH
    assert shown == PAUSED_TEXT or (shown.endswith("…") and PAUSED_TEXT.startswith(shown[:-1]))
    assert PAUSED_TEXT in sync.indicator.toolTip()
