"""The window never offers what the services refuse: a calculated question shown on the
page is read-only, and duplicating a row copies only what a person may answer."""

from PySide6.QtCore import Qt

from fieldkit.services import SurveyService
from fieldkit.ui.form_controller import AsTypedTarget
from fieldkit.ui.form_view import FormView

FORM = """
| survey |
|        | type         | name   | label  | calculation        | readonly | default |
|        | begin repeat | people | People |                    |          |         |
|        | text         | pname  | Name   |                    |          |         |
|        | text         | tag    | Tag    | concat('#', ../pname) |       |         |
|        | text         | fixed  | Fixed  |                    | yes      | kept    |
|        | end repeat   |        |        |                    |          |         |
| settings |
|          | form_id  |
|          | settable |
"""


def open_submission_view(qtbot, tmp_path):
    service = SurveyService.open(tmp_path / "data")
    form_file = tmp_path / "settable.md"
    form_file.write_text(FORM.strip() + "\n", encoding="utf-8")
    service.add_form(form_file)
    submission = service.open_submission(form_id="settable", lang="en")
    view = FormView(AsTypedTarget(submission))
    qtbot.addWidget(view)
    view.show()
    return service, submission, view


def test_a_calculated_question_on_the_page_cannot_be_typed_in(qtbot, tmp_path):
    service, submission, view = open_submission_view(qtbot, tmp_path)
    try:
        qtbot.keyClicks(view.widget_for("/data/people[1]/pname").editor, "An")
        assert submission.session.value("/data/people[1]/tag") == "#An"
        assert not view.widget_for("/data/people[1]/tag").editor.isEnabled()
    finally:
        service.close()


def test_duplicating_a_row_copies_only_what_a_person_answers(qtbot, tmp_path):
    service, submission, view = open_submission_view(qtbot, tmp_path)
    try:
        qtbot.keyClicks(view.widget_for("/data/people[1]/pname").editor, "An")
        section = view.current_page.elements[0]
        qtbot.mouseClick(section.blocks[0].duplicate_button, Qt.MouseButton.LeftButton)
        assert submission.session.repeat_count("/data/people") == 2
        assert submission.session.value("/data/people[2]/pname") == "An"
        assert submission.session.value("/data/people[2]/tag") == "#An"  # computed by the form, not copied
        assert submission.session.value("/data/people[2]/fixed") == "kept"  # read-only: its default, not copied
    finally:
        service.close()
