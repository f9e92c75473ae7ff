"""Every message the Qt-free parts show a person has its Vietnamese translation."""

import ast
import importlib
import pathlib

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


def _import_domain():
    """Packages register their messages when imported (`i18n.add_messages`)."""
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if "ui" not in parts:
            importlib.import_module(".".join(parts).removesuffix(".__init__"))


def test_every_domain_message_has_a_vietnamese_translation():
    _import_domain()
    vietnamese = i18n._CATALOGUES["vi"]
    missing = [f"{path}: {message!r}" for path, message in _messages() if message not in vietnamese]
    assert missing == []


def test_the_catalogue_keeps_the_placeholders_of_each_message():
    import string

    def fields(text):
        return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name)

    _import_domain()
    wrong = [key for key, value in i18n._CATALOGUES["vi"].items() if fields(key) != fields(value)]
    assert wrong == []


def test_language_codes_from_form_language_names():
    assert i18n.language_code("Tiếng Việt (vi)") == "vi"
    assert i18n.language_code("English (en)") == "en"
    assert i18n.language_code(None) == i18n.DEFAULT_LANGUAGE
