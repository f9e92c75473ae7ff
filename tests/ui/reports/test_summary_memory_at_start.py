"""What the window gives back (issue 12, memory): the module sources PySide6 reads at
every import, forgotten once the window is open; a preview's charts drawn by a child
process that is gone once the summary is built."""

import linecache

from fieldkit.reports import charts
from tests.helpers.previews import open_preview


def test_the_open_window_forgets_the_module_sources_pyside_read(start_shell):
    linecache.cache["<read before the window opened>"] = (1, None, ["x = 1\n"], "<read before the window opened>")
    shell = start_shell()
    shell.qtbot.waitUntil(lambda: "<read before the window opened>" not in linecache.cache)


def test_a_preview_s_charts_come_from_a_child_that_is_gone_once_it_shows(start_shell, surveyed):
    shell = start_shell()
    shell.enter_visit()
    shell.pick_commune("hoan kiem")
    preview = open_preview(shell)
    assert preview.document.images
    assert all(png.startswith(b"\x89PNG") for png in preview.document.images.values())
    assert not charts._process.running
    preview.close()
    shell.idle()
