"""The desktop application (PySide6). The only package that imports Qt.

It calls `fieldkit.services`; services never call back into it. Disk-bound work goes
through `fieldkit.ui.tasks`, so the GUI thread never waits on the disk.
"""
