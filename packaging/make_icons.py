"""Make the app's icons from packaging/icons/fieldkit.svg:

- resources/icons/fieldkit-<size>.png, shipped: the window's icon (fieldkit/ui/app.py)
  and the Linux desktop entry's;
- packaging/icons/fieldkit.ico (Windows) and fieldkit.icns (macOS), for PyInstaller.

    python packaging/make_icons.py

The outputs are committed: a build needs neither this script nor an SVG renderer. Run
it again after editing the SVG. Qt draws the SVG (offscreen), Pillow writes ICO and ICNS.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "packaging" / "icons" / "fieldkit.svg"
SHIPPED = ROOT / "resources" / "icons"
SHIPPED_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZE = 1024  # Pillow makes every smaller ICNS size from it


def render(size: int, target: Path) -> Path:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SOURCE)).render(painter)
    painter.end()
    if not image.save(str(target), "PNG"):
        raise SystemExit(f"cannot write {target}")
    return target


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _application = QGuiApplication(sys.argv[:1])
    SHIPPED.mkdir(parents=True, exist_ok=True)
    for size in SHIPPED_SIZES:
        render(size, SHIPPED / f"fieldkit-{size}.png")
    large = render(ICNS_SIZE, SOURCE.with_name("fieldkit-1024.png"))
    with Image.open(large) as image:
        image.save(SOURCE.with_suffix(".ico"), sizes=[(size, size) for size in ICO_SIZES])
        image.save(SOURCE.with_suffix(".icns"))
    large.unlink()
    print(f"icons written to {SHIPPED} and {SOURCE.parent}")


if __name__ == "__main__":
    main()
