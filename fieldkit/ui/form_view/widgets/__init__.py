"""Question widgets, one module per family; `fieldkit.ui.form_view.registry` picks one."""
