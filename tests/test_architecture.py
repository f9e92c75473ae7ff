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


def test_the_pdf_renderer_does_not_import_the_app_start_up_module():
    """The renderer runs for the command line too: fonts and language come from their own
    modules, not from the window's start-up (logging, excepthook, QApplication)."""
    path = PACKAGE / "ui" / "printing.py"
    imported = set(_imported_names(path))
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    imported |= {f"{node.module}.{alias.name}" for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module for alias in node.names}
    assert not any(name == "fieldkit.ui.app" or name.startswith("fieldkit.ui.app.") for name in imported)


# Layers whose SQL has moved into fieldkit.store (issue 11); sync joins when its SQL has.
SQL_FREE_PACKAGES = ("reports", "services", "ui")
# (not `insert`: lists and Qt's text widgets have one too)
SQL_CALLS = {"execute", "executemany", "executescript", "query", "rows_where", "count_where", "insert_all", "upsert"}


def _package_modules(package: str):
    yield from sorted((PACKAGE / package).rglob("*.py"))


def test_the_layers_above_the_store_write_no_sql():
    offenders = []
    for package in SQL_FREE_PACKAGES:
        for path in _package_modules(package):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
                calls_sql = (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                             and node.func.attr in SQL_CALLS)
                if calls_sql or (isinstance(node, ast.Subscript) and _names_a_database(node.value)):
                    offenders.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    assert offenders == []


def _names_a_database(node: ast.expr) -> bool:
    """`db[...]`, `self._db[...]`: sqlite-utils' table access."""
    name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")
    return name.lstrip("_") in ("db", "database")


def test_the_window_asks_the_services_not_their_store():
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
        for path in _package_modules("ui")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        if isinstance(node, ast.Attribute) and node.attr == "store"
    ]
    assert offenders == []
