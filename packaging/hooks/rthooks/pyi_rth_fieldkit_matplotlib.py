"""In place of PyInstaller's run-time hook for matplotlib, which points MPLCONFIGDIR at
a new temporary folder in every process of the app: each chart process would then
rebuild matplotlib's font cache (a scan of the system's fonts, every summary), and,
being ended rather than exiting, leave its folder behind in the temporary folder.
Doing nothing here, the frozen app keeps matplotlib's cache where it does from source,
and the chart process keeps the MPLCONFIGDIR it inherits (a portable kit's, inside the
kit: fieldkit.paths.keep_inside_kit; tests/packaging/test_frozen_portable.py).
"""
