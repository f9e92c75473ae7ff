"""fieldkit's tests. A package so that shared helpers import as `tests.helpers.NAME`."""
