"""The answers of the three shipped forms for one demo commune, read from its profile
(fieldkit.demo.profiles) as a delegation member would type them: by question path, as
`Submission.set_many` takes them. Only questions relevant to the answers given are
answered, and each answer keeps to its form's constraints (finalize checks them)."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from fieldkit.demo.people import MINISTRY, ONE_STOP_SOFTWARE
from fieldkit.demo.profiles import SIGNALS, TOWN, Profile, rng_for

INFRASTRUCTURE, STAFFING, MINUTES = "commune_infrastructure", "commune_staffing", "visit_minutes"
FORMS = (INFRASTRUCTURE, STAFFING, MINUTES)
Answers = dict[str, str]


class Problem(NamedTuple):
    """A problem group of the forms, what the delegation noted, and what it recommends."""

    note: str
    recommendation: str
    responsible: str  # a choice of the minutes' "agencies" list
    priority: str
    within_days: int


PROBLEMS = {
    "merger_infrastructure": Problem(
        "Trụ sở xã sau sáp nhập chưa kết nối mạng truyền số liệu chuyên dùng.",
        "Kết nối trụ sở xã với mạng truyền số liệu chuyên dùng.", "province_department", "high", 60),
    "no_signal": Problem(
        "Nhiều thôn, bản chưa có sóng di động hoặc sóng yếu; người dân khó nộp hồ sơ trực tuyến.",
        "Đề nghị doanh nghiệp viễn thông lắp thêm trạm phát sóng cho các thôn lõm sóng.", "provider_other", "high",
        90),
    "old_equipment": Problem(
        "Phần lớn máy tính đã dùng trên 5 năm, chạy chậm, thường xuyên hỏng.",
        "Thay thế máy tính đã dùng trên 5 năm cho bộ phận một cửa.", "province_department", "medium", 180),
    "missing_connections": Problem(
        "Kết nối với cơ sở dữ liệu dân cư, hộ tịch bị gián đoạn, phải nhập lại thủ công.",
        "Khắc phục lỗi kết nối với các cơ sở dữ liệu quốc gia.", "ministry", "high", 30),
    "staff_shortage": Problem(
        "Chưa có công chức chuyên trách công nghệ thông tin, chuyển đổi số.",
        "Bố trí ít nhất một công chức phụ trách công nghệ thông tin, chuyển đổi số.", "commune", "high", 90),
    "digital_signature": Problem(
        "Thiếu thiết bị chữ ký số cho công chức bộ phận một cửa.",
        "Cấp bổ sung chứng thư và thiết bị chữ ký số cho công chức một cửa.", "province_department", "medium", 60),
    "inaccurate_eforms": Problem(
        "Một số biểu mẫu điện tử chưa đúng với quy định mới.",
        "Rà soát, chuẩn hoá biểu mẫu điện tử trên hệ thống.", "province_department", "medium", 60),
    "budget": Problem(
        "Chưa có kinh phí duy trì đường truyền và sửa chữa thiết bị.",
        "Bố trí kinh phí duy trì đường truyền và thiết bị.", "commune", "low", 180),
}
NO_PROBLEM = Problem("Xã đề nghị tập huấn thêm về an toàn thông tin cho cán bộ.",
                     "Chia sẻ kinh nghiệm vận hành một cửa điện tử với các xã lân cận.", "commune", "low", 90)


def lower_signal(signal: str, steps: int) -> str:
    return SIGNALS[max(0, SIGNALS.index(signal) - steps)]


def infrastructure(profile: Profile) -> Answers:
    rng = rng_for(profile.commune.code, INFRASTRUCTURE)
    answers = {"/data/visit_date": profile.visit_date.isoformat(),
               "/data/respondents[1]/respondent_name": profile.chairperson,
               "/data/respondents[1]/respondent_role": "chairperson",
               "/data/respondents[2]/respondent_name": profile.staff[0],
               "/data/respondents[2]/respondent_role": "it_officer" if profile.it_staff else "office_head"}
    answers |= _network(profile, rng.random())
    answers |= _coverage(profile, rng.randint(0, 1))
    answers |= _equipment(profile, rng.randint(1, 3))
    answers |= _services(profile, rng.random())
    problems = problem_groups(profile)
    answers["/data/findings/problems"] = " ".join(problems) or "none"
    if problems:
        answers["/data/findings/problem_notes"] = " ".join(PROBLEMS[name].note for name in problems)
    latitude, longitude = 21.9 + rng.random() * 0.8, 102.6 + rng.random() * 1.0  # Lai Châu
    answers["/data/office_location"] = f"{latitude:.5f} {longitude:.5f}"
    return answers


def _network(profile: Profile, chance: float) -> Answers:
    answers = {"/data/network/tsl_connected": "yes" if profile.bandwidth else "no",
               "/data/network/outages_per_month": str(profile.outages)}
    if profile.bandwidth:
        answers["/data/network/tsl_bandwidth"] = str(profile.bandwidth)
    if profile.outages:
        answers["/data/network/outage_hours"] = str(profile.outages * (2 + round(chance * 6)))
    backup = "ups generator" if profile.kind == TOWN else "ups" if chance < 0.6 else "none"
    answers["/data/network/backup_power"] = backup
    return answers


def _coverage(profile: Profile, fibre_behind: int) -> Answers:
    answers = {"/data/office_area/office_mobile": profile.office_signal,
               "/data/office_area/office_internet": lower_signal(profile.office_signal, fibre_behind),
               "/data/residential_area/residential_mobile": profile.residential_signal,
               "/data/residential_area/residential_internet": lower_signal(profile.residential_signal, 1),
               "/data/has_remote_areas": "no" if profile.remote_signal is None else "yes"}
    if profile.remote_signal is not None:
        answers |= {"/data/remote_area/remote_mobile": profile.remote_signal,
                    "/data/remote_area/remote_internet": lower_signal(profile.remote_signal, 1),
                    "/data/remote_area/hamlets_no_signal": str(profile.hamlets_no_signal)}
    return answers


def _equipment(profile: Profile, kits: int) -> Answers:
    videoconf = profile.bandwidth is not None
    answers = {"/data/equipment/computers": str(profile.computers),
               "/data/equipment/computers_old": str(profile.computers_old),
               "/data/equipment/scanners": str(max(1, profile.computers // 6)),
               "/data/equipment/printers": str(max(2, profile.computers // 3)),
               "/data/equipment/signature_tokens": str(profile.signature_tokens),
               "/data/equipment/videoconf": "yes" if videoconf else "no"}
    if videoconf:
        answers["/data/equipment/videoconf_count"] = str(kits if profile.kind == TOWN else 1)
    return answers


def _services(profile: Profile, chance: float) -> Answers:
    far = {"town": 0, "centre": 1}.get(profile.kind, 2)
    total = (148, 132, 118)[far]
    digitised = (85, 62, 31)[far] + round(chance * 12)
    answers = {"/data/services/one_stop_software": ONE_STOP_SOFTWARE,
               "/data/services/one_stop_in_use": "yes",
               "/data/services/portal_integration": ("full", "full", "partial")[far] if chance < 0.8 else "partial",
               "/data/services/db_failures": " ".join(profile.db_failures) or "none",
               "/data/services/records_digitised_pct": str(digitised),
               "/data/services/records_online_pct": str(max(4, digitised - 20 - round(chance * 10))),
               "/data/services/procedures_total": str(total),
               "/data/services/procedures_configured": str(round(total * (0.97, 0.84, 0.6)[far])),
               "/data/services/eforms_accurate": profile.eforms}
    return answers


def problem_groups(profile: Profile) -> list[str]:
    """The forms' problem groups this commune has, in the forms' order."""
    found = {"merger_infrastructure": profile.bandwidth is None, "old_equipment": profile.old_computers,
             "no_signal": profile.weak_signal, "missing_connections": bool(profile.db_failures),
             "digital_signature": profile.signature_tokens < 4, "inaccurate_eforms": profile.eforms != "yes",
             "staff_shortage": profile.it_staff == 0, "budget": profile.outages > 6}
    return [name for name, present in found.items() if present]


# -- staffing ---------------------------------------------------------------------------------

TOPICS = ("digitisation", "st_management", "digital_transformation", "intellectual_property", "telecommunications",
          "measurement_quality")
ROLES = ("vice_chairperson", "public_service_centre", "public_service_centre", "civil_servant")


def staffing(profile: Profile) -> Answers:
    rng = rng_for(profile.commune.code, STAFFING)
    answers = {"/data/visit_date": profile.visit_date.isoformat(),
               "/data/total_staff": str(profile.total_staff),
               "/data/one_stop_staff": str(rng.randint(3, 6)),
               "/data/it_staff": str(profile.it_staff)}
    roster = [(profile.chairperson, "chairperson")]
    roster += [(name, "it_officer" if number == 0 and profile.it_staff else ROLES[number])
               for number, name in enumerate(profile.staff)]
    for row, (name, role) in enumerate(roster[: rng.randint(3, 5)], start=1):
        trained = rng.random() < {"town": 0.9, "centre": 0.7}.get(profile.kind, 0.45) or role == "it_officer"
        topics = sorted(rng.sample(TOPICS, rng.randint(1, 2)), key=TOPICS.index) if trained else ["none"]
        answers |= {f"/data/roster[{row}]/name": name, f"/data/roster[{row}]/role": role,
                    f"/data/roster[{row}]/trainings": " ".join(topics),
                    f"/data/roster[{row}]/has_signature_cert": "yes" if trained and rng.random() < 0.7 else "no"}
    answers |= training_needs(profile, rng.random())
    return answers


def training_needs(profile: Profile, chance: float) -> Answers:
    needs = ["information_security"]
    if profile.kind != TOWN:
        needs = ["digital_transformation", *needs, "one_stop_software"]
    if profile.it_staff == 0 or chance < 0.25:
        needs.append("other")
        return {"/data/training_needs": " ".join(needs),
                "/data/training_needs_notes": "Bồi dưỡng tiếng dân tộc (Mông, Thái) cho công chức bộ phận một cửa."}
    return {"/data/training_needs": " ".join(needs)}


# -- the visit's minutes ----------------------------------------------------------------------

def minutes(profile: Profile, *, members: int) -> Answers:
    """The minutes' answers, after the visit's delegation and its `members` were filled in
    from the visit (SurveyService.open_submission(from_visit=True))."""
    answers = {"/data/visit_date": profile.visit_date.isoformat()}
    for row in range(1, members + 1):
        answers[f"/data/participants[{row}]/participant_org"] = MINISTRY
    hosts = [profile.chairperson, profile.staff[0]]
    for row, name in enumerate(hosts, start=members + 1):
        answers |= {f"/data/participants[{row}]/participant_name": name,
                    f"/data/participants[{row}]/participant_org": f"UBND {profile.commune.name}",
                    f"/data/participants[{row}]/participant_role": "commune"}
    found = [(name, PROBLEMS[name]) for name in problem_groups(profile)][:3] or [("other", NO_PROBLEM)]
    for row, (group, problem) in enumerate(found, start=1):
        answers |= {f"/data/issues[{row}]/issue_text": problem.note, f"/data/issues[{row}]/issue_group": group}
        answers |= recommendation(row, problem, profile.visit_date)
    answers["/data/closing_notes"] = (f"Đoàn ghi nhận {len(found)} vấn đề; UBND {profile.commune.name} "
                                      "thống nhất với các kiến nghị và báo cáo kết quả thực hiện về Sở.")
    return answers


def recommendation(row: int, problem: Problem, visit_date: dt.date) -> Answers:
    deadline = visit_date + dt.timedelta(days=problem.within_days)
    return {f"/data/recommendations[{row}]/recommendation": problem.recommendation,
            f"/data/recommendations[{row}]/responsible": problem.responsible,
            f"/data/recommendations[{row}]/priority": problem.priority,
            f"/data/recommendations[{row}]/deadline": deadline.isoformat()}


def answers_for(form_id: str, profile: Profile, *, members: int) -> Answers:
    if form_id == INFRASTRUCTURE:
        return infrastructure(profile)
    if form_id == STAFFING:
        return staffing(profile)
    return minutes(profile, members=members)
