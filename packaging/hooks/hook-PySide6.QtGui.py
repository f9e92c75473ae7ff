"""PyInstaller's own hook for PySide6.QtGui, without the Qt plugins a desktop never
loads (packaging/fieldkit.spec names this folder in `hookspath`, which takes precedence).

Left out: the platforms and input devices of embedded systems (EGLFS, linuxfb, VNC,
evdev, TUIO: the last pulls in QtNetwork), the SVG icon and image plugins (fieldkit's
icons are PNG) and the GTK 3 theme (it would bring the build
machine's GTK, cairo and pango, about 20 MB, into the folder; Qt's own Fusion look is
used instead). Kept: xcb and Wayland, offscreen, the input methods (IBus: how Vietnamese
is typed on Linux), the image formats of photos, the desktop portal's file dialogs.
"""

from pathlib import Path

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

UNUSED_KINDS = {"egldeviceintegrations", "generic", "iconengines"}
UNUSED_PLUGINS = {"qeglfs", "qlinuxfb", "qminimalegl", "qvkkhrdisplay", "qvnc", "qsvg", "qsvgicon", "qgtk3"}


def wanted(source: str, destination: str) -> bool:
    kind = Path(destination).name
    name = Path(source).stem.removeprefix("lib")
    return not (Path(destination).parent.name == "plugins" and kind in UNUSED_KINDS) and name not in UNUSED_PLUGINS


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(source, destination) for source, destination in binaries if wanted(source, destination)]
