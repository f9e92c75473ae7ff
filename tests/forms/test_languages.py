"""Form languages as ODK has them (ODK XForms spec, "Languages"; JavaRosa's itext).

- `<translation default="">` (any `default` attribute: pyxform writes `default="true()"`)
  marks the default language; without one the first translation is the default.
- The app's language and the form's are independent: asking for a language the form
  lacks (a form with a plain `label` column has none) shows the form's default one.
- A language code finds the form's language named with it: "vi" finds "Tiếng Việt (vi)"
  and "Vietnamese (vi)".
"""

from __future__ import annotations

import pytest

from fieldkit.cli import main
from fieldkit.forms import FormError, load_form
from fieldkit.forms.texts import pick_language
from fieldkit.forms.xform import parse_xform

HEAD = ('<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" '
        'xmlns:jr="http://openrosa.org/javarosa"><h:head><h:title>t</h:title><model>')
TAIL = """<instance><data id="t"><q/></data></instance></model></h:head>
<h:body><input ref="/data/q"><label ref="jr:itext('q')"/></input></h:body></h:html>"""


def _itext(*translations: tuple[str, str, str]) -> str:
    """An XForm whose itext has (lang, default attribute or "", label) translations."""
    parts = "".join(f'<translation lang="{lang}"{flag}><text id="q"><value>{label}</value></text></translation>'
                    for lang, flag, label in translations)
    return f"{HEAD}<itext>{parts}</itext>{TAIL}"


@pytest.mark.parametrize("flag", [' default=""', ' default="true()"', ' default="yes"'])
def test_a_default_attribute_marks_the_default_language(flag):
    form = parse_xform(_itext(("English (en)", "", "Name"), ("Tiếng Việt (vi)", flag, "Họ tên")))
    assert form.languages == ["English (en)", "Tiếng Việt (vi)"]
    assert form.default_language == "Tiếng Việt (vi)"
    assert form.new_session().label("/data/q") == "Họ tên"


def test_without_a_default_the_first_translation_is_the_default():
    form = parse_xform(_itext(("English (en)", "", "Name"), ("Tiếng Việt (vi)", "", "Họ tên")))
    assert form.default_language == "English (en)"


@pytest.mark.parametrize("translations, problem", [
    ((("en", ' default=""', "A"), ("vi", ' default=""', "B")), "two translations are marked as the default"),
    ((("en", "", "A"), ("en", "", "B")), "'en' has two <translation>s"),
    ((("", "", "A"),), "no lang attribute"),
])
def test_translations_odk_refuses(translations, problem):
    with pytest.raises(FormError, match=problem) as caught:
        parse_xform(_itext(*translations), source="f.xml")
    assert caught.value.location.startswith("<translation")


@pytest.fixture
def bilingual():
    return parse_xform(_itext(("English (en)", "", "Name"), ("Tiếng Việt (vi)", ' default="true()"', "Họ tên")))


@pytest.mark.parametrize("asked, shown", [
    ("vi", "Tiếng Việt (vi)"), ("en", "English (en)"), ("EN", "English (en)"),
    ("English (en)", "English (en)"), ("english (en)", "English (en)"),
    ("fr", "Tiếng Việt (vi)"), ("Français (fr)", "Tiếng Việt (vi)"), (None, "Tiếng Việt (vi)"),
])
def test_a_language_code_or_name_finds_the_form_language_else_its_default(bilingual, asked, shown):
    assert pick_language(bilingual, asked) == shown
    assert bilingual.new_session(lang=asked).lang == shown


def test_vietnamese_named_in_english_is_found_by_its_code():
    form = parse_xform(_itext(("Vietnamese (vi)", "", "Họ tên"), ("English (en)", ' default=""', "Name")))
    assert form.new_session(lang="vi").label("/data/q") == "Họ tên"
    session = form.new_session(lang="fr")
    assert session.lang == "English (en)" and session.label("/data/q") == "Name"


NO_LANGUAGES = """| survey |         |       |                 |
|        | type    | name  | label           |
|        | text    | name  | Tên người trả lời |
|        | integer | age   | Tuổi            |
| settings |       |       |                 |
|        | form_id | version |               |
|        | plain   | 1     |                 |
"""


@pytest.fixture
def plain_form(tmp_path):
    path = tmp_path / "plain.md"
    path.write_text(NO_LANGUAGES, encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["vi", "en", "Tiếng Việt (vi)", None])
def test_a_form_without_language_columns_opens_in_any_app_language(plain_form, lang):
    form = load_form(plain_form)
    assert form.languages == [] and form.default_language is None
    session = form.new_session(lang=lang)
    assert session.lang == ""
    assert session.label("/data/name") == "Tên người trả lời"
    session.set("/data/age", "40")
    assert session.value("/data/age") == "40"


@pytest.mark.parametrize("app_language", ["vi", "en"])
def test_form_check_of_a_form_without_language_columns(plain_form, app_language, capsys, monkeypatch):
    monkeypatch.setenv("FIELDKIT_LANG", app_language)
    assert main(["form", "check", str(plain_form)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(("OK ", "ĐẠT ")) and "plain" in out
