"""Answers, communes and a helper the service tests share."""

HOAN_KIEM = "00070"
BA_DINH = "00004"

# Every required answer of the shipped staffing form, valid.
STAFFING_COMPLETE = {
    "/data/total_staff": "12",
    "/data/one_stop_staff": "3",
    "/data/it_staff": "1",
    "/data/roster[1]/name": "Nguyễn Thị Lan",
    "/data/roster[1]/role": "it_officer",
    "/data/roster[1]/trainings": "digital_transformation telecommunications",
    "/data/roster[1]/has_signature_cert": "yes",
    "/data/training_needs": "information_security",
}


def watch_autosaves(submission) -> list:
    """The Futures of the submission's autosaves from now on, as the window receives them."""
    autosaves = []
    submission.watch_autosaves(autosaves.append)
    return autosaves
