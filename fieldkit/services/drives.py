"""The removable drives a USB stick of bundles shows up as, on Linux: what the desktop
mounted for the user (/media/<user>/*, /run/media/<user>/*) and any mount whose block
device the kernel calls removable (/sys/block/<disk>/removable). Everything else, /mnt
included, is a disk, a network share or the system's own: not offered as a drive.

The mounts table and /sys are parameters, so tests give fake ones."""

from __future__ import annotations

import getpass
import re
from dataclasses import dataclass
from pathlib import Path

MOUNTS_TABLE = Path("/proc/self/mounts")
SYS_ROOT = Path("/sys")
_OCTAL = re.compile(r"\\([0-7]{3})")  # the kernel writes " " as \040
SYSTEM_MOUNTS = ("/", "/boot", "/boot/efi", "/home", "/usr", "/var")


@dataclass(frozen=True)
class Mount:
    device: str  # /dev/sdb1, or a pseudo name (tmpfs, proc)
    path: str  # where it is mounted


def read_mounts(text: str) -> list[Mount]:
    """The lines of /proc/self/mounts (space, tab and backslash written as octal escapes)."""
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 2:
            mounts.append(Mount(device=_unescape(fields[0]), path=_unescape(fields[1])))
    return mounts


def _unescape(field: str) -> str:
    return _OCTAL.sub(lambda match: chr(int(match.group(1), 8)), field)


def removable_mounts(*, mounts_text: str | None = None, sys_root: Path | None = None,
                     user: str | None = None) -> list[Mount]:
    """The mounts that are removable drives, in the mounts table's order (the real
    table, /sys and user unless given)."""
    if mounts_text is None:
        try:
            mounts_text = MOUNTS_TABLE.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return []
    user = user if user is not None else _user()
    sys_root = sys_root or SYS_ROOT
    desktop_roots = tuple(f"{root}/{user}/" for root in ("/media", "/run/media"))
    found = []
    for mount in read_mounts(mounts_text):
        if mount.path in SYSTEM_MOUNTS or mount in found:
            continue
        if mount.path.startswith(desktop_roots) or block_device_removable(mount.device, sys_root=sys_root):
            found.append(mount)
    return found


def block_device_removable(device: str, *, sys_root: Path) -> bool:
    """Whether /dev/<name> is (a partition of) a disk whose /sys/block/<disk>/removable is 1."""
    if not device.startswith("/dev/"):
        return False
    name = Path(device).name
    disk = _disk_holding(name, sys_root / "block")
    if disk is None:
        return False
    try:
        return (disk / "removable").read_text(encoding="ascii").strip() == "1"
    except OSError:
        return False


def _disk_holding(name: str, block: Path) -> Path | None:
    """/sys/block/<name> for a whole disk; the disk whose folder holds <name> for a partition."""
    if (block / name).is_dir():
        return block / name
    try:
        disks = list(block.iterdir())
    except OSError:
        return None
    return next((disk for disk in disks if (disk / name).is_dir()), None)


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container)
        return ""
