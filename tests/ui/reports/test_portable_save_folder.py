"""In a portable kit the save dialogs start in the kit's documents/ folder, so a summary
or an export saved without a look stays on the USB stick, not on the borrowed laptop."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from tests.helpers.previews import open_preview


@pytest.fixture
def kit(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "stick" / "fieldkit"
    folder.mkdir(parents=True)
    (folder / "portable.txt").write_text("", encoding="utf-8")
    monkeypatch.setenv("FIELDKIT_APP_DIR", str(folder))
    return folder


def test_a_summary_is_saved_in_the_kit_by_default(start_shell, surveyed, kit, monkeypatch):
    shell = start_shell()
    shell.enter_visit()
    shell.pick_commune("hoan kiem")
    preview = open_preview(shell)
    suggested = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda parent, caption, path, name_filter: suggested.append(path) or (path, name_filter))
    with shell.qtbot.waitSignal(preview.saved, timeout=20_000) as saved:
        shell.qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    [path] = saved.args
    assert path.parent == kit / "documents" and path.name.endswith(".pdf") and path.is_file()
    assert suggested == [str(path)]
    preview.close()


def test_the_export_dialog_starts_in_the_kit(start_shell, surveyed, kit):
    shell = start_shell()
    shell.enter_visit()
    shell.window.findChild(object, "coordinator_export").trigger()
    shell.qtbot.waitUntil(lambda: shell.window.coordinator.export_dialog is not None)
    dialog = shell.window.coordinator.export_dialog
    assert Path(dialog.destination.text()).parent == kit / "documents"
    dialog.close()
    shell.idle()
