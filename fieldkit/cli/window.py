"""What `fieldkit` (no command) and `fieldkit gui` check before Qt loads: on an X11
desktop, the system libraries Qt's xcb platform needs (fieldkit.ui.platform_check).
Without this, Qt aborts with "Could not load the Qt platform plugin xcb" and names none."""

from __future__ import annotations

from fieldkit.cli.common import Refused, _


def refuse_without_display_libraries() -> None:
    """Refused (one message, exit status 2) when libraries the window needs are missing."""
    from fieldkit.ui.platform_check import install_command, missing_for_window

    missing = missing_for_window()
    if missing:
        raise Refused(_("The window cannot open: Qt's X11 (xcb) platform needs system libraries that this computer "
                        "lacks: {libraries}. Install them, then start fieldkit again:\n  {command}",
                        libraries=", ".join(missing), command=install_command(missing)))
