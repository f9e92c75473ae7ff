"""Answers of the shipped forms the report tests fill, and a helper that submits them.

Paths are the forms' own (tools/forms_src): questions sit in their page groups."""

from fieldkit.store.values import Revision

HOAN_KIEM, BA_DINH, HAI_BA_TRUNG = "00070", "00004", "00256"  # three wards of Hà Nội (01)
THUC_PHAN = "01273"  # a ward of Cao Bằng (04)

INFRASTRUCTURE = {
    "/data/respondents[1]/respondent_name": "Lê Văn Chủ",
    "/data/respondents[1]/respondent_role": "chairperson",
    "/data/network/tsl_connected": "yes",
    "/data/network/tsl_bandwidth": "20",
    "/data/network/outages_per_month": "2",
    "/data/network/outage_hours": "5",
    "/data/office_area/office_mobile": "good",
    "/data/office_area/office_internet": "usable",
    "/data/residential_area/residential_mobile": "weak",
    "/data/residential_area/residential_internet": "weak",
    "/data/has_remote_areas": "no",
    "/data/equipment/computers": "20",
    "/data/equipment/computers_old": "8",
    "/data/equipment/scanners": "3",
    "/data/equipment/printers": "6",
    "/data/equipment/signature_tokens": "5",
    "/data/equipment/videoconf": "no",
    "/data/services/one_stop_in_use": "yes",
    "/data/services/portal_integration": "partial",
    "/data/services/db_failures": "vneid residence",
    "/data/services/records_digitised_pct": "45.5",
    "/data/services/records_online_pct": "30",
    "/data/services/procedures_total": "120",
    "/data/services/procedures_configured": "90",
    "/data/findings/problems": "old_equipment staff_shortage",
}

STAFFING = {
    "/data/total_staff": "12",
    "/data/one_stop_staff": "3",
    "/data/it_staff": "1",
    "/data/roster[1]/name": "Nguyễn Thị Lan",
    "/data/roster[1]/role": "it_officer",
    "/data/roster[1]/trainings": "digital_transformation telecommunications",
    "/data/roster[1]/has_signature_cert": "yes",
    "/data/roster[2]/name": "Phạm Văn Đức",
    "/data/roster[2]/role": "vice_chairperson",
    "/data/roster[2]/trainings": "none",
    "/data/roster[2]/has_signature_cert": "no",
    "/data/roster[3]/name": "Trần Thị Hoa",
    "/data/roster[3]/role": "civil_servant",
    "/data/roster[3]/trainings": "digital_transformation",
    "/data/roster[3]/has_signature_cert": "yes",
    "/data/training_needs": "information_security",
}

MINUTES = {
    "/data/delegation_name": "Đoàn công tác số 1 của Bộ Khoa học và Công nghệ",
    "/data/participants[1]/participant_name": "Nguyễn Văn An",
    "/data/participants[1]/participant_org": "Bộ Khoa học và Công nghệ",
    "/data/participants[1]/participant_role": "delegation",
    "/data/participants[2]/participant_name": "Lê Văn Chủ",
    "/data/participants[2]/participant_org": "UBND phường Hoàn Kiếm",
    "/data/participants[2]/participant_role": "commune",
    "/data/issues[1]/issue_text": "Mạng nội bộ chập chờn vào giờ cao điểm.",
    "/data/issues[1]/issue_group": "no_signal",
    "/data/recommendations[1]/recommendation": "Nâng cấp đường truyền cho bộ phận một cửa.",
    "/data/recommendations[1]/responsible": "province_department",
    "/data/recommendations[1]/priority": "high",
    "/data/recommendations[1]/deadline": "2099-12-31",
    "/data/closing_notes": "Buổi làm việc kết thúc lúc 11 giờ 30.",
}


def submit(service, form_id: str, commune: str, answers: dict, *, finalize: bool = True) -> Revision:
    """A submission as a delegation member makes it; the revision."""
    submission = service.open_submission(form_id=form_id, commune_code=commune)
    submission.set_many(answers, autosave=False)
    return (submission.finalize() if finalize else submission.save()).result()
