"""commune_staffing: the commune's staff, their training and digital signatures, and
their training needs."""

from tools.forms_src.common import (
    COUNT,
    ROLES,
    YES_NO,
    T,
    begin,
    calc,
    choices,
    commune_picker,
    end,
    exclusive,
    meta_rows,
    part_of,
    q,
    settings,
)

SETTINGS = settings("commune_staffing",
                    "Khảo sát nhân lực cấp xã / Commune staffing survey")

TOTALS = [
    q("integer", "total_staff", T("Tổng số cán bộ, công chức, viên chức của xã",
                                  "Total staff of the commune"),
      required=True, check=COUNT),
    q("integer", "one_stop_staff",
      T("Trong đó: số người làm việc tại Trung tâm Phục vụ hành chính công (một cửa)",
        "Of which working at the public administrative service centre (one-stop)"),
      required=True, check=part_of("total_staff", "tổng số cán bộ", "the total staff")),
    q("integer", "it_staff", T("Trong đó: số cán bộ công nghệ thông tin, chuyển đổi số",
                               "Of which IT / digital-transformation staff"),
      required=True, check=part_of("total_staff", "tổng số cán bộ", "the total staff")),
]

ROSTER = [
    begin("repeat", "roster", T("Danh sách cán bộ", "Staff roster")),
    q("text", "name", T("Họ và tên", "Full name"), required=True),
    q("select_one roles", "role", T("Chức vụ", "Role"), required=True),
    q("select_multiple trainings", "trainings", T("Đã được đào tạo, bồi dưỡng về",
                                                  "Training completed"),
      required=True, check=exclusive("none", "Chưa được đào tạo", "None yet")),
    q("select_one yes_no", "has_signature_cert",
      T("Có chứng thư chữ ký số cá nhân?", "Holds a personal digital-signature certificate?"),
      required=True),
    calc("is_trained", "if(count-selected(${trainings}) > 0 "
                       "and not(selected(${trainings}, 'none')), 1, 0)"),
    calc("is_cert_holder", "if(${has_signature_cert} = 'yes', 1, 0)"),
    end("repeat"),
    calc("roster_count", "count(${roster})"),
    calc("trained_count", "sum(${is_trained})"),
    calc("trained_pct", "if(${roster_count} > 0, "
                        "round(${trained_count} div ${roster_count} * 100, 1), '')"),
    calc("cert_holders", "sum(${is_cert_holder})"),
    q("note", "roster_over_total",
      T("Lưu ý: danh sách có nhiều người hơn tổng số cán bộ đã khai.",
        "Note: the roster lists more people than the total staff given."),
      relevant="${roster_count} > ${total_staff}"),
]

NEEDS = [
    q("select_multiple training_needs", "training_needs",
      T("Nhu cầu đào tạo, bồi dưỡng", "Training needs"),
      required=True, check=exclusive("none", "Không có nhu cầu", "No needs")),
    q("text", "training_needs_notes", T("Ghi chú về nhu cầu đào tạo", "Notes on training needs"),
      hint=T('Bắt buộc khi chọn "Khác".', 'Required when "Other" is chosen.'),
      required="selected(${training_needs}, 'other')",
      required_message=T('Hãy mô tả nhu cầu "Khác".', 'Describe the "Other" need.'),
      appearance="multiline"),
]

SURVEY = [
    *commune_picker(),
    *TOTALS,
    *ROSTER,
    *NEEDS,
    *meta_rows(),
]

_TOPICS = (
    ("digitisation", "Số hoá", "Digitisation"),
    ("st_management", "Quản lý khoa học và công nghệ", "Science and technology management"),
    ("digital_transformation", "Chuyển đổi số", "Digital transformation"),
    ("intellectual_property", "Sở hữu trí tuệ", "Intellectual property"),
    ("telecommunications", "Viễn thông", "Telecommunications"),
    ("measurement_quality", "Tiêu chuẩn đo lường chất lượng",
     "Standards, metrology and quality"),
)

CHOICES = [
    *YES_NO,
    *ROLES,
    *choices("trainings", *_TOPICS, ("none", "Chưa được đào tạo", "None yet")),
    *choices(
        "training_needs",
        *_TOPICS,
        ("information_security", "An toàn thông tin", "Information security"),
        ("one_stop_software", "Sử dụng phần mềm một cửa điện tử, chữ ký số",
         "Using the one-stop software and digital signatures"),
        ("other", "Khác", "Other"),
        ("none", "Không có nhu cầu", "No needs"),
    ),
]
