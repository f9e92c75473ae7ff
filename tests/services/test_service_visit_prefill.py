"""A new visit-minutes submission takes the visit's delegation and members, when the
window asks for it (`from_visit=True`); nothing else changes."""

VISIT = {"delegation": "Đoàn công tác số 5", "members": ["Nguyễn Văn An", "Trần Thị Bình"],
         "at_keyboard": "Trần Thị Bình"}


def participants(session):
    rows = session.repeat_count("/data/participants")
    return [(session.value(f"/data/participants[{row}]/participant_name"),
             session.value(f"/data/participants[{row}]/participant_role")) for row in range(1, rows + 1)]


def test_a_new_visit_minutes_submission_starts_with_the_visit(service):
    service.set_visit(**VISIT).result()
    submission = service.open_submission(form_id="visit_minutes", commune_code="00070", from_visit=True)
    session = submission.session
    assert session.value("/data/delegation_name") == "Đoàn công tác số 5"
    assert participants(session) == [("Nguyễn Văn An", "delegation"), ("Trần Thị Bình", "delegation")]
    assert session.value("/data/commune") == "00070"
    assert not submission.dirty


def test_the_command_line_gets_only_what_it_gives(service):
    service.set_visit(**VISIT).result()
    session = service.open_submission(form_id="visit_minutes", commune_code="00070").session
    assert session.value("/data/delegation_name") == ""
    assert all(name == "" for name, _side in participants(session))


def test_no_visit_entered_fills_nothing(service):
    service.set_visit().result()
    session = service.open_submission(form_id="visit_minutes", commune_code="00070", from_visit=True).session
    assert session.value("/data/delegation_name") == ""
    assert all(name == "" for name, _side in participants(session))


def test_forms_without_these_questions_take_nothing(service):
    service.set_visit(**VISIT).result()
    session = service.open_submission(form_id="commune_staffing", commune_code="00070", from_visit=True).session
    assert "Đoàn công tác số 5" not in session.answers().values()
