"""Helpers shared by the sort/filter proxies."""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import QSortFilterProxyModel


@contextmanager
def rows_filter_change(proxy: QSortFilterProxyModel):
    """Change a proxy's row filter inside the block. Qt 6.9 replaced invalidateRowsFilter()
    (now deprecated, a warning, so an error in the tests) by begin/endFilterChange."""
    if hasattr(proxy, "beginFilterChange"):
        proxy.beginFilterChange()
        try:
            yield
        finally:
            proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
    else:  # Qt < 6.9
        yield
        proxy.invalidateRowsFilter()
