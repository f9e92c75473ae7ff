"""Opening a summary's print preview from the commune view, as a person does."""

from PySide6.QtCore import Qt


def open_preview(shell):
    """Click "Print summary" for the picked commune; the preview, its pages laid out."""
    window = shell.window
    button = window.commune_forms.summary_button
    shell.qtbot.waitUntil(button.isEnabled)
    shell.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    shell.qtbot.waitUntil(lambda: window.summaries.preview is not None and window.summaries.preview.isVisible(),
                          timeout=30_000)
    preview = window.summaries.preview
    shell.qtbot.waitUntil(lambda: preview.pages > 0)
    return preview
