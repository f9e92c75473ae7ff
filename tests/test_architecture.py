"""House rules that keep the architecture visible: the domain has no Qt."""

import ast
import pathlib
import subprocess
import sys

PACKAGE = pathlib.Path(__file__).resolve().parents[1] / "fieldkit"
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "shiboken6")


def _domain_modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        if "ui" not in path.relative_to(PACKAGE).parts:
            yield path


def _imported_names(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_no_module_outside_ui_imports_qt():
    offenders = [
        f"{path.relative_to(PACKAGE.parent)} imports {name}"
        for path in _domain_modules()
        for name in _imported_names(path)
        if name.split(".")[0] in QT_MODULES
    ]
    assert offenders == []


def test_importing_the_domain_loads_no_qt():
    modules = [
        ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
        for path in _domain_modules()
    ]
    script = "import sys\n" + "".join(f"import {name}\n" for name in modules)
    script += f"print(sorted(m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r}))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


SQL_METHODS = ("execute", "query", "executemany", "executescript")
# Files whose SQL is still moving into fieldkit.store (another engineer's part of issue 11):
# emptied once those moves are merged.
SQL_NOT_MOVED_YET = {
    "fieldkit/reports/data.py",
    "fieldkit/reports/export/source.py",
    "fieldkit/reports/export/tabular.py",
    "fieldkit/reports/export/api.py",
    "fieldkit/services/coordinator.py",
    "fieldkit/services/last_saved.py",
}


def _sql_calls(path):
    """(line, name) of each call of execute(), query(), ... whether a method or a name."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name in SQL_METHODS:
                yield node.lineno, name


def test_only_the_store_writes_sql():
    offenders = [
        f"{name}:{line} calls {method}()"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).parts[0] != "store"
        and (name := path.relative_to(PACKAGE.parent).as_posix()) not in SQL_NOT_MOVED_YET
        for line, method in _sql_calls(path)
    ]
    assert offenders == []
