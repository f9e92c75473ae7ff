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


# SQL, and sqlite-utils' own queries; its table writes (`insert_all`, `upsert`) go through
# `db[...]`, caught as such (an XML node has an `insert_all` too)
SQL_CALLS = {"execute", "executemany", "executescript", "query", "rows_where", "count_where"}


def _package_modules(package: str):
    yield from sorted((PACKAGE / package).rglob("*.py"))


def _sql_calls(path):
    """The lines that call SQL, as a method or a name, or index a database (`db[...]`)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Call) and (getattr(node.func, "attr", None) or getattr(node.func, "id", None)) in SQL_CALLS:
            yield node.lineno
        elif isinstance(node, ast.Subscript) and _names_a_database(node.value):
            yield node.lineno


def _names_a_database(node: ast.expr) -> bool:
    """`db[...]`, `self._db[...]`: sqlite-utils' table access."""
    name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")
    return name.lstrip("_") in ("db", "database")


def test_only_the_store_writes_sql():
    offenders = [
        f"{path.relative_to(PACKAGE.parent).as_posix()}:{line}"
        for path in sorted(PACKAGE.rglob("*.py")) if path.relative_to(PACKAGE).parts[0] != "store"
        for line in _sql_calls(path)
    ]
    assert offenders == []


def test_the_window_asks_the_services_not_their_store():
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
        for path in _package_modules("ui")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        if isinstance(node, ast.Attribute) and node.attr == "store"
    ]
    importers = [f"{path.relative_to(PACKAGE.parent)}" for path in _package_modules("ui")
                 if any(name == "fieldkit.store" or name.startswith("fieldkit.store.")
                        for name in _imported_names(path))]
    assert offenders == [] and importers == []


LOWER_LAYERS = ("forms", "store", "sync", "services", "reports")
COMMAND_LINE_MODULES = ("argparse", "fieldkit.cli")


def _imports(path):
    """(module, name) of each import: (module, None) for `import module`."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((alias.name, None) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield from ((node.module, alias.name) for alias in node.names)


def _speaks_to_the_terminal(module, name):
    if module == "fieldkit" and name == "cli":
        return True
    if any(module == banned or module.startswith(f"{banned}.") for banned in COMMAND_LINE_MODULES):
        return True
    return module == "fieldkit.text" and name == "echo"


def test_no_layer_below_the_command_line_parses_arguments_or_prints():
    """Arguments and printing belong to fieldkit/cli (and the window to fieldkit/ui): the
    layers below return values and raise errors, whoever shows them."""
    offenders = [
        f"{path.relative_to(PACKAGE.parent)} imports {module}{'.' + name if name else ''}"
        for layer in LOWER_LAYERS
        for path in sorted((PACKAGE / layer).rglob("*.py"))
        for module, name in _imports(path)
        if _speaks_to_the_terminal(module, name)
    ]
    assert offenders == []


def test_the_architecture_test_sees_a_command_line_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import argparse\nfrom fieldkit import cli\nfrom fieldkit.cli.common import _\n"
                      "from fieldkit.text import echo, printable\nfrom fieldkit.text import json_text\n")
    assert [pair for pair in _imports(sample) if _speaks_to_the_terminal(*pair)] == [
        ("argparse", None), ("fieldkit", "cli"), ("fieldkit.cli.common", "_"), ("fieldkit.text", "echo")]


# -- the tests themselves: shared helpers in tests/helpers, imported one way ----------------------

TESTS = PACKAGE.parent / "tests"
HELPERS = TESTS / "helpers"


def _test_sources():
    yield from sorted(path for path in TESTS.rglob("*.py") if "node_modules" not in path.parts)


def _edits_sys_path(node: ast.AST) -> bool:
    """`sys.path.insert(...)`, `.append`, `.extend` and the like."""
    target = getattr(node, "value", None)
    return (isinstance(node, ast.Attribute) and isinstance(target, ast.Attribute) and target.attr == "path"
            and isinstance(target.value, ast.Name) and target.value.id == "sys")


def _imported_modules(path):
    """Every module an import names, `from package import module` included."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def test_no_test_file_edits_sys_path():
    """pytest puts the repo root on sys.path (pyproject's `pythonpath`), and helpers run as a
    child process start from it (tests/helpers/children.py)."""
    offenders = [
        f"{path.relative_to(TESTS.parent).as_posix()}:{node.lineno}"
        for path in _test_sources()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        if _edits_sys_path(node)
    ]
    assert offenders == []


def test_no_test_module_imports_another_test_module():
    """What two tests share lives in tests/helpers."""
    offenders = [
        f"{path.relative_to(TESTS.parent).as_posix()} imports {name}"
        for path in _test_sources()
        for name in _imported_modules(path)
        if name.split(".")[-1].startswith("test_")
    ]
    assert offenders == []


def test_shared_test_code_lives_in_tests_helpers_and_is_imported_from_there():
    """One place and one way: `from tests.helpers.NAME import ...`, never a bare module name
    that works only because pytest put a test's own folder on sys.path."""
    stray = [
        path.relative_to(TESTS.parent).as_posix()
        for path in _test_sources()
        if HELPERS not in path.parents and not path.name.startswith("test_")
        and path.name not in ("conftest.py", "__init__.py")
    ]
    local_names = {path.stem for path in _test_sources()} | {path.name for path in TESTS.rglob("*") if path.is_dir()}
    bare = [
        f"{path.relative_to(TESTS.parent).as_posix()} imports {name}"
        for path in _test_sources()
        for name in _imported_modules(path)
        if name.split(".")[0] in local_names
    ]
    assert stray == [] and bare == []
