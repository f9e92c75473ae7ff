"""The window as a person starts it (`fieldkit ARGUMENTS`), closed as soon as it is usable.

On the way a file dialog opens and closes, as Qt writes its own settings (QtProject.conf)
when one goes. Prints, as JSON, what the status bar says about a portable kit and the
format of Qt's settings: {"shown": bool, "text": str (whole, in its tooltip), "fits":
bool (its width is bounded), "qt_settings": "IniFormat"...}. Run as `python -m tests.helpers.portable_window ARGUMENTS`.
"""

import json
import sys

import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from fieldkit import cli
from fieldkit.ui.main_window import MainWindow

seen: dict = {}
opening = MainWindow.start


def start_then_close_when_usable(window: MainWindow) -> None:
    window.ready.connect(lambda: close(window))
    opening(window)


def close(window: MainWindow) -> None:
    dialog = QFileDialog(None, "Open")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.show()
    dialog.close()
    shiboken6.delete(dialog)  # its destructor writes Qt's settings
    label = window.portable_label
    seen.update(shown=not label.isHidden(), text=label.toolTip(), fits=label.sizeHint().width() <= 440,
                qt_settings=QSettings.defaultFormat().name)  # the registry on Windows, unless IniFormat
    window.close()


if __name__ == "__main__":
    MainWindow.start = start_then_close_when_usable
    code = cli.main(sys.argv[1:])
    print(json.dumps(seen, ensure_ascii=False))
    sys.exit(code)
