"""Shared test helpers: everything tests use that is not a pytest fixture (fixtures stay in
the conftest.py files). Worlds of filled-in submissions, devices for sync, crafted bundles,
forms, the app shell driven by keystrokes, readers of PDFs and HTML, the ODK oracle, and
the modules that a test runs as a child process.

Import them one way, from the package, whatever the test's folder:

    from tests.helpers.sync_devices import Device

pytest puts the repo root on sys.path (`pythonpath` in pyproject.toml), so this works from
any folder; a test never edits sys.path and never imports from another test module (a
constant or function two tests share moves here; tests/test_architecture.py checks both).
A helper that runs as a child process is started with `tests.helpers.children.start_helper`
(`python -m tests.helpers.NAME` from the repo root).
"""
