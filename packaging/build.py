"""Build fieldkit into `dist/fieldkit/` at the repository's root: a folder that runs
without Python (PyInstaller, one-folder, packaging/fieldkit.spec), on the platform it is
built on (Windows, macOS or Linux: build on each).

    python -m pip install -e '.[build]'
    python packaging/build.py [--zip]

`--zip` also writes `dist/fieldkit-<version>-<platform>-<machine>.zip`, the folder to
hand out. On Linux the folder gets `install-desktop-entry.sh`, which puts fieldkit in
the applications menu with this folder's absolute paths.

Messages are for the IT staff who build: in Vietnamese, then English.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import stat
import subprocess
import sys
import time
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
BUNDLE = DIST / "fieldkit"
WORK = ROOT / "build" / "pyinstaller"


def missing_tools() -> list[str]:
    """What the build needs and lacks, each with how to get it."""
    missing = []
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        missing.append("PyInstaller: python -m pip install -e '.[build]'")
    if sys.platform.startswith("linux"):  # PyInstaller reads the libraries' dependencies with these
        missing += [f"{tool}: sudo apt-get install {package}" for tool, package in
                    (("objdump", "binutils"), ("ldd", "libc-bin")) if shutil.which(tool) is None]
    return missing


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as project:
        return str(tomllib.load(project)["project"]["version"])


def archive_name() -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform.rstrip("0123456789"))
    return f"fieldkit-{version()}-{system}-{platform.machine().lower()}"


def run_pyinstaller() -> None:
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
               "--distpath", str(DIST), "--workpath", str(WORK), str(PACKAGING / "fieldkit.spec")]
    if subprocess.run(command, cwd=ROOT).returncode != 0:
        raise SystemExit("PyInstaller thất bại (xem ở trên) / PyInstaller failed (see above)")


def add_platform_files() -> None:
    if sys.platform.startswith("linux"):
        installer = BUNDLE / "install-desktop-entry.sh"
        shutil.copyfile(PACKAGING / "linux" / "install-desktop-entry.sh", installer)
        installer.chmod(0o755)
        strip_python_libraries()


def strip_python_libraries() -> None:
    """The Python interpreter's own libraries without their debugging symbols (a pyenv
    Python keeps them: libpython, 23 MB, is 6 MB stripped). Not PyInstaller's `strip`,
    which strips every library: numpy's OpenBLAS then fails to load ("ELF load command
    address/offset not page-aligned")."""
    if shutil.which("strip") is None:
        return
    internal = BUNDLE / "_internal"
    libraries = [*internal.glob("libpython3*.so*"), *internal.glob("python3*/lib-dynload/*.so")]
    for library in libraries:
        if library.is_file() and not library.is_symlink():
            subprocess.run(["strip", "--strip-unneeded", str(library)], check=True)


def zip_folder(folder: Path, archive: Path) -> Path:
    """`folder` zipped, with its name at the top of the archive. Symbolic links (PyInstaller
    makes them on Linux and macOS: the Qt libraries, 80 MB) are stored as links, as
    `zip -y` does, not as second copies; unzip, the desktops' archive tools and macOS
    restore them."""
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for parent, folders, files in os.walk(folder):
            for name in sorted(folders) + sorted(files):
                path = Path(parent) / name
                entry = path.relative_to(folder.parent).as_posix()
                if path.is_symlink():
                    link = zipfile.ZipInfo(entry, date_time=time.localtime(path.lstat().st_mtime)[:6])
                    link.create_system = 3  # Unix: the mode bits below are read
                    link.external_attr = (stat.S_IFLNK | 0o777) << 16
                    zipped.writestr(link, os.readlink(path))
                elif path.is_file():
                    zipped.write(path, entry)
    return archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build dist/fieldkit/ (PyInstaller, one folder).")
    parser.add_argument("--zip", action="store_true", help="also write the folder as a zip, to hand out")
    arguments = parser.parse_args(argv)
    missing = missing_tools()
    if missing:
        print("Thiếu công cụ để build / the build needs:\n  " + "\n  ".join(missing), file=sys.stderr)
        return 2
    started = time.monotonic()
    run_pyinstaller()
    add_platform_files()
    executable = BUNDLE / ("fieldkit.exe" if os.name == "nt" else "fieldkit")
    print(f"Đã build / built: {executable} ({folder_size(BUNDLE) / 1e6:.0f} MB, "
          f"{time.monotonic() - started:.0f} s)")
    if arguments.zip:
        archive = zip_folder(BUNDLE, DIST / f"{archive_name()}.zip")
        print(f"Gói để phát / to hand out: {archive} ({archive.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
