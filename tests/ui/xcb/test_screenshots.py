"""tools/screenshots.py renders the main screens on a real X server, as PNGs a README
can hold."""

import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

REPO_ROOT = Path(__file__).resolve().parents[3]


def test_the_screenshot_tool_renders_screens_at_1366_by_768_in_small_pngs(virtual_display, tmp_path):
    subprocess.run([sys.executable, "-m", "tools.screenshots", "--display", virtual_display.name, "--lang", "en",
                    "--only", "communes", "devices", "--out", str(tmp_path)], cwd=REPO_ROOT,
                   env=virtual_display.environment(), check=True, capture_output=True, timeout=300)
    written = sorted(path.name for path in tmp_path.glob("*.png"))
    assert written == ["communes-en.png", "devices-en.png"]
    for name in written:
        image = QImage(str(tmp_path / name))
        assert (image.width(), image.height()) == (1366, 768)
        assert (tmp_path / name).stat().st_size < 150_000
