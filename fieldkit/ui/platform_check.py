"""Before the window opens on Linux: are the system libraries there that Qt's xcb
platform plugin needs?

PySide6's wheels bring Qt but not the X11 libraries its `xcb` plugin links to, and a
fresh desktop Debian or Ubuntu lacks some of them (libxcb-cursor0 first). Qt then
aborts with "Could not load the Qt platform plugin xcb", naming none of them. This
module finds the missing ones the way the dynamic loader would (each library the
plugin and Qt's own libraries need, opened by its name), so that the command line can
name them and the apt-get command that installs them, and exit.

Qt-free until a check is wanted: PySide6.QtCore is imported only to find the plugin.
"""

from __future__ import annotations

import ctypes
import os
import struct
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

# The Debian/Ubuntu package of each library Qt's xcb plugin needs, directly or through
# Qt's own libraries (`objdump -p libqxcb.so libQt6XcbQpa.so.6 libQt6Gui.so.6 ...`).
# Ubuntu 24.04 renamed a few (libglib2.0-0t64): apt-get selects them from these names.
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
}

Loader = Callable[[str], object]  # opens a library by its name, raises OSError when it cannot


def platform_order(environ: Mapping[str, str]) -> list[str]:
    """The platform plugins Qt will try, in order, as QGuiApplication chooses them on
    Linux: QT_QPA_PLATFORM ("wayland;xcb", each maybe with ":options"), else Wayland
    first in a Wayland session, then xcb."""
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return [name.split(":")[0].strip() for name in chosen.split(";") if name.strip()]
    wayland = bool(environ.get("WAYLAND_DISPLAY")) or environ.get("XDG_SESSION_TYPE") == "wayland"
    return ["wayland", "xcb"] if wayland else ["xcb"]


def uses_xcb(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether the window will open on X11 through Qt's xcb plugin: on Linux, with a
    display, when xcb comes first."""
    return platform.startswith("linux") and bool(environ.get("DISPLAY")) and platform_order(environ)[:1] == ["xcb"]


def needed_libraries(path: Path) -> list[str] | None:
    """The DT_NEEDED names of a 64-bit little-endian ELF file (what `objdump -p` lists
    as NEEDED); None when the file cannot be read as one."""
    try:
        with path.open("rb") as elf:
            header = elf.read(64)
            if header[:4] != b"\x7fELF" or header[4:6] != b"\x02\x01":
                return None
            section_offset, = struct.unpack_from("<Q", header, 0x28)
            entry_size, count = struct.unpack_from("<HH", header, 0x3A)
            elf.seek(section_offset)
            table = elf.read(entry_size * count)
            sections = [struct.unpack_from("<IIQQQQIIQQ", table, index * entry_size) for index in range(count)]
            return _dynamic_names(elf, sections)
    except (OSError, struct.error, IndexError):
        return None


def _dynamic_names(elf, sections: list[tuple[int, ...]]) -> list[str]:
    """The NEEDED entries of the SHT_DYNAMIC section, read from its string table."""
    section_dynamic, tag_needed = 6, 1
    names: list[str] = []
    for _name, kind, _flags, _address, offset, size, link, *_rest in sections:
        if kind != section_dynamic:
            continue
        strings_offset, strings_size = sections[link][4], sections[link][5]
        elf.seek(strings_offset)
        strings = elf.read(strings_size)
        elf.seek(offset)
        entries = elf.read(size)
        for tag, value in struct.iter_unpack("<qQ", entries[: size - size % 16]):
            if tag == tag_needed:
                names.append(strings[value:strings.index(b"\0", value)].decode())
    return names


def system_libraries(plugin: Path, qt_libraries: Path) -> list[str]:
    """The libraries the plugin needs from the system: its own and those of the Qt
    libraries it loads (found in `qt_libraries`), in the order they are met."""
    found: list[str] = []
    waiting, seen = [plugin], {plugin.name}
    while waiting:
        for name in needed_libraries(waiting.pop(0)) or []:
            if name in seen:
                continue
            seen.add(name)
            shipped = qt_libraries / name
            if shipped.exists():
                waiting.append(shipped)
            else:
                found.append(name)
    return found


def missing_libraries(names: Iterable[str], load: Loader = ctypes.CDLL) -> list[str]:
    """The libraries of `names` the dynamic loader cannot open."""
    missing = []
    for name in names:
        try:
            load(name)
        except OSError:
            missing.append(name)
    return missing


def qt_locations() -> tuple[Path, Path]:
    """(the xcb plugin, Qt's library folder) of the Qt that PySide6 loads."""
    from PySide6.QtCore import QLibraryInfo

    plugins = os.environ.get("QT_QPA_PLATFORM_PLUGIN_PATH") or QLibraryInfo.path(
        QLibraryInfo.LibraryPath.PluginsPath) + "/platforms"
    return Path(plugins) / "libqxcb.so", Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath))


def missing_for_window(environ: Mapping[str, str] | None = None, load: Loader = ctypes.CDLL) -> list[str]:
    """The system libraries missing for the window to open on X11; [] when nothing is
    missing, when the window will not use xcb, or when the plugin cannot be found (Qt
    then says what it says)."""
    environ = os.environ if environ is None else environ
    if not uses_xcb(environ):
        return []
    plugin, qt_libraries = qt_locations()
    if not plugin.is_file():
        return []
    return missing_libraries(system_libraries(plugin, qt_libraries), load)


def install_command(missing: Iterable[str]) -> str:
    """`sudo apt-get install ...` for the packages of the missing libraries (a library
    of no known package is named as it is: `apt-file search` finds it)."""
    packages = dict.fromkeys(PACKAGES.get(name, name) for name in missing)
    return "sudo apt-get install " + " ".join(packages)
