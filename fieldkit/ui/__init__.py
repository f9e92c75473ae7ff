"""The desktop application (PySide6). The only package that imports Qt.

It calls `fieldkit.services`; services never call back into it. Disk-bound work goes
through `fieldkit.ui.tasks`, so the GUI thread never waits on the disk.
"""

import sys


def _guard_bool_refcounts() -> bool:
    """Work around a PySide6 6.12.0 bug; True when the guard was needed.

    `SignalInstance.emit()` returns True without taking a reference to it, so every
    signal emitted from Python drops one reference to True. Before Python 3.12, True is
    an ordinary object: after a few thousand emits (a person typing a long note) its
    count reaches zero and the interpreter aborts ("bool_dealloc: deallocating True or
    False"). Python 3.12 made True and False immortal (PEP 683); here they are given a
    reference count no session can exhaust, which is what immortality amounts to. Only
    done when a probe shows the bug, so a fixed PySide6 leaves the interpreter alone.
    """
    if sys.version_info >= (3, 12):
        return False
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(16):
        probe.ping.emit()
    if sys.getrefcount(True) > before - 8:
        return False
    import ctypes

    for constant in (True, False):  # ob_refcnt is the first field of every object
        ctypes.c_ssize_t.from_address(id(constant)).value += 1 << 40
    return True


BOOL_REFCOUNT_GUARD = _guard_bool_refcounts()
