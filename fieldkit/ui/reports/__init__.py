"""Summaries and exports in the window: the print preview (print, save as PDF), the
coordinator's summaries panel and the export dialog. Documents are built by
fieldkit.reports off the GUI thread; fieldkit.ui.printing lays them out."""
