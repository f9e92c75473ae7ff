"""Making a finished file's rename durable: the one helper every atomic write shares
(bundles, exports, PDFs), after writing a temporary file and `os.replace`."""

from __future__ import annotations

import os
from pathlib import Path


def fsync_folder(folder: Path) -> None:
    """Flush the folder's entries, so a rename survives a power cut. Windows cannot open
    a folder (its renames are durable on return); some file systems (FAT sticks, network
    shares) cannot sync one: neither is an error."""
    if os.name != "posix":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
