"""Where fieldkit keeps its files. For each kind of file the first of these wins:

1. what the person or the test names: `--data-dir`, FIELDKIT_DATA_DIR, FIELDKIT_CACHE_DIR,
   FIELDKIT_STATE_DIR;
2. a portable kit: a file `portable.txt` or a folder `data/` beside the program
   (application_dir) keeps everything inside that folder, so a kit on a USB stick leaves
   nothing on a borrowed laptop:
       <kit>/data/      the data folder (database, keys, logs, settings.ini, quarantine/)
       <kit>/documents/ where save dialogs start (reports, exports)
       <kit>/profile/   what the program and its libraries keep for themselves, laid out
                        as XDG folders: cache/ (fieldkit's caches, fontconfig), config/
                        (Qt's own settings, matplotlib), state/ (the sequence ledger), share/
3. the user's platformdirs folders.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, MutableMapping
from pathlib import Path

import platformdirs

APP_NAME = "fieldkit"
PORTABLE_MARKER = "portable.txt"
KIT_DATA = "data"
KIT_PROFILE = "profile"
KIT_DOCUMENTS = "documents"
# Names the program's folder when fieldkit runs from source (a test, an IT person trying a
# kit's layout before a build); a frozen build needs none, but obeys it too.
APP_DIR_VARIABLE = "FIELDKIT_APP_DIR"


def application_dir() -> Path | None:
    """The folder a kit's `portable.txt` sits in: FIELDKIT_APP_DIR when set; in a frozen
    (PyInstaller) build the executable's folder (on macOS, the folder holding the .app);
    from source, None: a source checkout is never a kit unless FIELDKIT_APP_DIR says so."""
    named = os.environ.get(APP_DIR_VARIABLE)
    if named:
        return Path(named)
    if not getattr(sys, "frozen", False):
        return None
    folder = Path(sys.executable).resolve().parent
    if folder.name == "MacOS" and folder.parent.name == "Contents" and folder.parent.parent.suffix == ".app":
        return folder.parent.parent.parent
    return folder


def portable_kit() -> Path | None:
    """The kit folder when fieldkit runs in portable mode, else None."""
    folder = application_dir()
    if folder is not None and ((folder / PORTABLE_MARKER).is_file() or (folder / KIT_DATA).is_dir()):
        return folder
    return None


def portable_profile() -> Path | None:
    kit = portable_kit()
    return kit / KIT_PROFILE if kit is not None else None


def data_dir(override: str | os.PathLike | None = None) -> Path:
    if override is not None:
        return Path(override)
    named = os.environ.get("FIELDKIT_DATA_DIR")
    if named:
        return Path(named)
    kit = portable_kit()
    if kit is not None:
        return kit / KIT_DATA
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Files fieldkit can make again (the commune picker's rows, converted forms)."""
    return _own_folder("FIELDKIT_CACHE_DIR", "cache", platformdirs.user_cache_dir)


def state_dir() -> Path:
    """What this user account keeps outside the data folder, so that restoring the data
    folder does not restore it (fieldkit.store.sites: the sequence numbers issued)."""
    return _own_folder("FIELDKIT_STATE_DIR", "state", platformdirs.user_state_dir)


def _own_folder(variable: str, kind: str, platform_folder: Callable[..., str]) -> Path:
    """The folder `variable` names, else the kit profile's `kind` folder, else the platform's."""
    named = os.environ.get(variable)
    if named:
        return Path(named)
    profile = portable_profile()
    if profile is not None:
        return profile / kind / APP_NAME
    return Path(platform_folder(APP_NAME, appauthor=False))


def qt_settings_dir() -> Path | None:
    """Where Qt keeps its own settings (QFileDialog's QtProject.conf) in a kit, else None
    (Qt's default: the registry, ~/Library/Preferences, ~/.config)."""
    profile = portable_profile()
    return profile / "config" if profile is not None else None


def kit_documents_dir() -> Path | None:
    """Where save dialogs start in a kit, so that a report saved without a look stays on
    the stick and not in a borrowed laptop's Documents; None outside a kit."""
    kit = portable_kit()
    return kit / KIT_DOCUMENTS if kit is not None else None


def keep_inside_kit(environ: MutableMapping[str, str] = os.environ) -> Path | None:
    """In a kit, point the libraries that write to the user's folders by themselves into
    the kit's profile; returns the kit (None: not portable, nothing changed).

    Must run before matplotlib or Qt loads: they read these variables once. Processes
    fieldkit starts (the chart child, import workers, the PDF viewer) inherit them."""
    profile = portable_profile()
    if profile is None:
        return None
    environ.update({
        "XDG_CACHE_HOME": str(profile / "cache"),  # fontconfig's cache; platformdirs on Linux
        "XDG_CONFIG_HOME": str(profile / "config"),
        "XDG_DATA_HOME": str(profile / "share"),  # a GTK file dialog's recently-used.xbel
        "XDG_STATE_HOME": str(profile / "state"),
        "MPLCONFIGDIR": str(profile / "config" / "matplotlib"),  # its font cache too, on every platform
    })
    return profile.parent


def resources_dir() -> Path:
    """`resources/` (translations, fonts) of the source tree, or of a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if bundle else Path(__file__).resolve().parents[1]
    return Path(os.environ.get("FIELDKIT_RESOURCES") or base / "resources")
