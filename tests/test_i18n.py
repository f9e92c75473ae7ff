"""Every message the Qt-free parts show a person has its Vietnamese translation."""

import ast
import importlib
import os
import pathlib
import subprocess
import sys

from fieldkit import i18n

PACKAGE = pathlib.Path(__file__).resolve().parents[1] / "fieldkit"
TRANSLATING_CALLS = {"_", "translate"}


def _messages():
    """(file, message) of each literal passed first to `_(...)` or `translate(...)`."""
    for path in sorted(PACKAGE.rglob("*.py")):
        if "ui" in path.relative_to(PACKAGE).parts:
            continue  # the GUI's messages live in Qt Linguist files, tested in tests/ui
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in TRANSLATING_CALLS and node.args
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                yield path.relative_to(PACKAGE.parent), node.args[0].value


def _domain_files():
    for path in sorted(PACKAGE.rglob("*.py")):
        if "ui" not in path.relative_to(PACKAGE).parts:
            yield path


def _module_name(path) -> str:
    return ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")


def test_every_domain_message_has_a_vietnamese_translation():
    vietnamese = i18n.catalogue("vi")
    missing = [f"{path}: {message!r}" for path, message in _messages() if message not in vietnamese]
    assert missing == []


def test_the_catalogue_keeps_the_placeholders_of_each_message():
    import string

    def fields(text):
        return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name)

    wrong = [key for key, value in i18n.catalogue("vi").items() if fields(key) != fields(value)]
    assert wrong == []


def test_every_catalogue_module_is_listed():
    """A module's VIETNAMESE is read only if i18n lists it: none may be forgotten."""
    holding = set()
    for path in _domain_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(isinstance(node, ast.Assign) and any(getattr(target, "id", None) == "VIETNAMESE"
                                                    for target in node.targets) for node in tree.body):
            holding.add(_module_name(path))
    assert holding == set(i18n.CATALOGUE_MODULES)


def test_the_catalogues_agree_on_each_message():
    """Read in any order, a message has one translation: no catalogue contradicts another."""
    seen = {}
    contradicted = []
    for name in ("fieldkit.i18n", *i18n.CATALOGUE_MODULES):
        module = importlib.import_module(name)
        for key, value in getattr(module, "VIETNAMESE", getattr(module, "_VIETNAMESE", {})).items():
            if seen.setdefault(key, (name, value))[1] != value:
                contradicted.append(f"{key!r}: {seen[key][0]} and {name}")
    assert contradicted == []


def test_catalogues_are_read_without_importing_their_packages():
    """In a fresh interpreter that imports nothing but fieldkit.i18n, sync's and the
    reports' messages are Vietnamese."""
    script = (
        "import sys\n"
        "from fieldkit.i18n import translate\n"
        "assert 'fieldkit.sync' not in sys.modules and 'fieldkit.reports' not in sys.modules\n"
        "print(translate('{path}: the bundle lacks {name}.', 'vi', path='a.fkb', name='manifest.json'))\n"
        "print(translate('{commune} has no submissions yet: fill or import its forms first.', 'vi', commune='X'))\n"
        "print(translate('{value} is not a day of the calendar.', 'vi', value='2025-02-30'))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONPATH": str(PACKAGE.parent)})
    assert result.stdout.splitlines() == [
        "a.fkb: gói thiếu manifest.json.",
        "X chưa có phiếu nào: hãy điền hoặc nhập các biểu mẫu của xã trước.",
        "2025-02-30 không phải là một ngày có thật.",
    ]


def test_english_needs_no_catalogue_module(monkeypatch):
    monkeypatch.setattr(i18n, "_unread", ["fieldkit.no_such_module"])
    assert i18n.translate("{path}: the bundle lacks {name}.", "en", path="a", name="b") == "a: the bundle lacks b."
    assert i18n.translate("has_errors", "en") == "has errors"


def test_language_codes_from_form_language_names():
    assert i18n.language_code("Tiếng Việt (vi)") == "vi"
    assert i18n.language_code("English (en)") == "en"
    assert i18n.language_code(None) == i18n.DEFAULT_LANGUAGE
