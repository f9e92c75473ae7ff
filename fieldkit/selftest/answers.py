"""What the self-test types into a shipped form: a small staffing survey of one ward,
answers that pass the form's own checks (its constraints and required questions)."""

FORM_ID = "commune_staffing"
COMMUNE_CODE = "00070"  # Phường Hoàn Kiếm, Thành phố Hà Nội

ANSWERS = {
    "/data/total_staff": "9",
    "/data/one_stop_staff": "2",
    "/data/it_staff": "1",
    "/data/roster[1]/name": "Nguyễn Thị Lan",
    "/data/roster[1]/role": "it_officer",
    "/data/roster[1]/trainings": "digital_transformation",
    "/data/roster[1]/has_signature_cert": "yes",
    "/data/training_needs": "information_security",
}
