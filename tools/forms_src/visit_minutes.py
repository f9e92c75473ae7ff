"""visit_minutes: the minutes (biên bản) of a delegation's working visit to a commune:
who took part, the issues raised, the recommendations with who acts and by when."""

from tools.forms_src.common import PROBLEM_GROUPS, T, begin, calc, choices, commune_picker, end, meta_rows, q, settings

SETTINGS = settings("visit_minutes",
                    "Biên bản làm việc của đoàn công tác / Delegation visit minutes")

PARTICIPANTS = [
    begin("repeat", "participants", T("Thành phần tham dự", "Participants")),
    q("text", "participant_name", T("Họ và tên", "Full name"), required=True),
    q("text", "participant_org", T("Cơ quan, đơn vị", "Organisation")),
    q("select_one sides", "participant_role", T("Thuộc", "Side"), required=True),
    end("repeat"),
    calc("participants_count", "count(${participants})"),
]

ISSUES = [
    begin("repeat", "issues", T("Các vấn đề được nêu", "Issues raised")),
    q("text", "issue_text", T("Nội dung vấn đề", "Issue"), required=True, appearance="multiline"),
    q("select_one problem_groups", "issue_group", T("Nhóm vấn đề", "Problem group")),
    end("repeat"),
]

RECOMMENDATIONS = [
    begin("repeat", "recommendations", T("Kiến nghị, đề xuất", "Recommendations")),
    q("text", "recommendation", T("Nội dung kiến nghị", "Recommendation"), required=True,
      appearance="multiline"),
    q("select_one agencies", "responsible", T("Cơ quan chịu trách nhiệm", "Responsible agency"),
      required=True),
    q("select_one priorities", "priority", T("Mức độ ưu tiên", "Priority"), required=True),
    q("date", "deadline", T("Thời hạn hoàn thành", "Deadline"),
      check=(". >= ${visit_date}", T("Thời hạn không được trước ngày làm việc.",
                                     "The deadline cannot be before the visit date."))),
    calc("is_high_priority", "if(${priority} = 'high', 1, 0)"),
    end("repeat"),
    calc("recommendations_count", "count(${recommendations})"),
    calc("high_priority_count", "sum(${is_high_priority})"),
]

SURVEY = [
    *commune_picker(),
    q("text", "delegation_name", T("Tên đoàn công tác", "Delegation"), required=True),
    *PARTICIPANTS,
    *ISSUES,
    *RECOMMENDATIONS,
    q("text", "closing_notes", T("Kết luận, ghi chú kết thúc buổi làm việc",
                                 "Closing notes"), appearance="multiline"),
    *meta_rows(),
]

CHOICES = [
    *choices(
        "sides",
        ("delegation", "Đoàn công tác", "Delegation"),
        ("commune", "Xã", "Commune"),
    ),
    *PROBLEM_GROUPS,
    *choices(
        "agencies",
        ("commune", "UBND xã", "Commune People's Committee"),
        ("province_department", "Sở, ngành cấp tỉnh", "Provincial department"),
        ("ministry", "Bộ, ngành trung ương", "Ministry"),
        ("provider_other", "Doanh nghiệp cung cấp dịch vụ, đơn vị khác",
         "Service provider or other"),
    ),
    *choices(
        "priorities",
        ("high", "Cao", "High"),
        ("medium", "Trung bình", "Medium"),
        ("low", "Thấp", "Low"),
    ),
]
