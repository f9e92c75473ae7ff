"""Screenshots of each main screen at 1366×768, in Vietnamese and in English, on a real
X server with a window manager, for reviewers and the README.

    python -m tools.screenshots [--out docs/screenshots] [--lang vi en] [--only communes form ...]
                                [--display :N]

It builds a demo data folder through the services (tools/screenshot_data.py: bundles
exported and imported, a conflict, a duplicate visit), starts its own Xvfb and openbox
(tools/xdisplay.py; or uses the X display given), and runs the window once per language
in a child process on Qt's xcb platform, which drives it from screen to screen and
grabs the whole screen, frames included. PNGs are written optimised (a 256-colour
palette): NAME-LANG.png, e.g. communes-vi.png.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tools.xdisplay import REPO_ROOT, VirtualDisplay

SCREENS = ("visit", "communes", "form", "finalize-errors", "submissions", "print-preview", "import", "conflicts",
           "duplicates", "devices")
LANGUAGES = ("vi", "en")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.screenshots", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "docs" / "screenshots", help="the folder to write")
    parser.add_argument("--lang", nargs="+", choices=LANGUAGES, default=list(LANGUAGES))
    parser.add_argument("--only", nargs="+", choices=SCREENS, default=list(SCREENS), help="these screens only")
    parser.add_argument("--display", help="an X display to use (default: an Xvfb of its own, with openbox)")
    parser.add_argument("--render", help=argparse.SUPPRESS)  # the child: LANG,DATA,STICK
    arguments = parser.parse_args(argv)
    if arguments.render:
        from tools.screenshot_screens import render

        language, data, stick = arguments.render.split(",", 2)
        return render(language, Path(data), Path(stick), arguments.out, arguments.only)
    arguments.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="fieldkit-screenshots-") as folder:
        from tools.screenshot_data import build_demo

        print("building the demo data…", flush=True)
        demo = build_demo(Path(folder) / "demo")
        if arguments.display:
            environment = {**os.environ, "DISPLAY": arguments.display, "QT_QPA_PLATFORM": "xcb"}
            return render_all(environment, demo, Path(folder), arguments)
        with VirtualDisplay() as display:
            return render_all(display.environment(), demo, Path(folder), arguments)


def render_all(environment: dict[str, str], demo, folder: Path, arguments: argparse.Namespace) -> int:
    """One child per language, each on its own copy of the demo data (the import and the
    visit change it)."""
    for language in arguments.lang:
        copy = folder / f"demo-{language}"
        shutil.copytree(demo.data.parent, copy)
        data, stick = copy / demo.data.name, copy / demo.stick.name
        print(f"rendering in {language}…", flush=True)
        child = subprocess.run([sys.executable, "-m", "tools.screenshots", "--render", f"{language},{data},{stick}",
                                "--out", str(arguments.out.resolve()), "--only", *arguments.only],
                               cwd=REPO_ROOT, env=environment, timeout=600)
        if child.returncode != 0:
            return child.returncode
    for path in sorted(arguments.out.glob("*.png")):
        print(f"{path}: {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
