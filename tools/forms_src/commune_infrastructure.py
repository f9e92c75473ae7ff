"""commune_infrastructure: the commune's digital infrastructure, equipment, one-stop
services and the problems the delegation found."""

from tools.forms_src.common import (
    COUNT,
    PERCENT,
    POSITIVE,
    PROBLEM_GROUPS,
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
    page,
    part_of,
    q,
    settings,
)

SETTINGS = settings("commune_infrastructure",
                    "Khảo sát hạ tầng số cấp xã / Commune digital infrastructure survey")

CONNECTED = "${tsl_connected} = 'yes'"
HAS_OUTAGES = "${outages_per_month} > 0"
REMOTE = "${has_remote_areas} = 'yes'"
OTHER_PROBLEM = "selected(${problems}, 'other')"

RESPONDENTS = [
    begin("repeat", "respondents", T("Người cung cấp thông tin", "Respondents")),
    q("text", "respondent_name", T("Họ và tên", "Full name"), required=True),
    q("select_one roles", "respondent_role", T("Chức vụ", "Role"), required=True),
    end("repeat"),
]

NETWORK = [
    page("network", T("Mạng truyền số liệu chuyên dùng và điện",
                      "Dedicated data network and power")),
    q("select_one yes_no", "tsl_connected",
      T("Trụ sở xã đã kết nối mạng truyền số liệu chuyên dùng chưa?",
        "Is the commune office connected to the dedicated government data network?"),
      required=True),
    q("decimal", "tsl_bandwidth", T("Băng thông mạng truyền số liệu chuyên dùng (Mbps)",
                                    "Dedicated network bandwidth (Mbps)"),
      required=True, relevant=CONNECTED, check=POSITIVE),
    q("integer", "outages_per_month", T("Số lần mất điện trung bình mỗi tháng",
                                        "Power outages in a typical month"),
      required=True, check=COUNT),
    q("decimal", "outage_hours", T("Tổng số giờ mất điện trung bình mỗi tháng",
                                   "Total hours without power in a typical month"),
      relevant=HAS_OUTAGES,
      check=(". > 0 and . <= 744", T("Số giờ phải lớn hơn 0 và không quá 744 (31 ngày).",
                                     "Hours must be more than 0 and at most 744 (31 days)."))),
    q("select_multiple backup_power", "backup_power",
      T("Nguồn điện dự phòng", "Backup power"),
      check=exclusive("none", "Không có", "None")),
    end("group"),
]


def _area(area: str, vi: str, en: str, relevant: str | None = None,
          extra: tuple[dict[str, str], ...] = ()) -> list[dict[str, str]]:
    """Mobile and fixed-internet signal in one kind of area, as one page."""
    return [
        page(f"{area}_area", T(f"Sóng di động và Internet: {vi}",
                               f"Mobile and internet signal: {en}"), relevant),
        q("select_one signal", f"{area}_mobile", T("Sóng di động (3G/4G/5G)",
                                                   "Mobile signal (3G/4G/5G)"), required=True),
        q("select_one signal", f"{area}_internet", T("Internet cố định (cáp quang, Wi-Fi)",
                                                     "Fixed internet (fibre, Wi-Fi)"), required=True),
        *extra,
        end("group"),
    ]


HAMLETS_NO_SIGNAL = q(
    "integer", "hamlets_no_signal", T("Số thôn, bản chưa có sóng di động (lõm sóng)",
                                      "Hamlets with no mobile signal at all"), check=COUNT)

COVERAGE = [
    *_area("office", "trụ sở xã", "commune office"),
    *_area("residential", "khu dân cư tập trung", "residential areas"),
    q("select_one yes_no", "has_remote_areas",
      T("Xã có thôn, bản, tổ dân phố vùng sâu, vùng xa không?",
        "Does the commune have remote hamlets or villages?"), required=True),
    *_area("remote", "thôn, bản vùng sâu, vùng xa", "remote hamlets", REMOTE,
           extra=(HAMLETS_NO_SIGNAL,)),
]

EQUIPMENT = [
    page("equipment", T("Trang thiết bị", "Equipment")),
    q("integer", "computers", T("Số máy tính đang sử dụng", "Computers in use"),
      required=True, check=COUNT),
    q("integer", "computers_old", T("Trong đó: số máy tính trên 5 năm",
                                    "Of which older than 5 years"),
      required=True, check=part_of("computers", "tổng số máy tính", "the number of computers")),
    q("integer", "scanners", T("Số máy quét (scanner)", "Scanners"), required=True, check=COUNT),
    q("integer", "printers", T("Số máy in", "Printers"), required=True, check=COUNT),
    q("integer", "signature_tokens", T("Số thiết bị chữ ký số (USB token, SIM ký số)",
                                       "Digital-signature tokens (USB token, signing SIM)"),
      required=True, check=COUNT),
    q("select_one yes_no", "videoconf", T("Có thiết bị họp trực tuyến (hội nghị truyền hình)?",
                                          "Is there video-conference equipment?"), required=True),
    q("integer", "videoconf_count", T("Số bộ thiết bị họp trực tuyến", "Video-conference kits"),
      required=True, relevant="${videoconf} = 'yes'",
      check=(". >= 1", T("Phải có ít nhất 1 bộ.", "There must be at least 1 kit."))),
    end("group"),
    calc("computers_old_pct",
         "if(${computers} > 0, round(${computers_old} div ${computers} * 100, 1), '')"),
]

SERVICES = [
    page("services", T("Một cửa điện tử và dịch vụ công trực tuyến",
                       "Electronic one-stop system and online public services")),
    q("text", "one_stop_software", T("Tên phần mềm một cửa điện tử đang dùng",
                                     "Name of the electronic one-stop software")),
    q("select_one yes_no", "one_stop_in_use", T("Phần mềm một cửa điện tử có đang được sử dụng?",
                                                "Is the electronic one-stop software in use?"),
      required=True),
    q("select_one integration", "portal_integration",
      T("Mức độ tích hợp với Cổng Dịch vụ công quốc gia",
        "Integration with the National Public Service Portal"),
      required=True, relevant="${one_stop_in_use} = 'yes'"),
    q("select_multiple databases", "db_failures",
      T("Kết nối với cơ sở dữ liệu nào đang bị lỗi, gián đoạn?",
        "Which database connections fail or are interrupted?"),
      required=True, check=exclusive("none", "Không có lỗi", "None fail")),
    q("decimal", "records_digitised_pct", T("Tỷ lệ hồ sơ đã được số hoá (%)",
                                            "Records digitised (%)"), check=PERCENT),
    q("decimal", "records_online_pct", T("Tỷ lệ hồ sơ tiếp nhận trực tuyến (%)",
                                         "Records received online (%)"), check=PERCENT),
    q("integer", "procedures_total", T("Tổng số thủ tục hành chính thuộc thẩm quyền của xã",
                                       "Administrative procedures under the commune's authority"),
      check=COUNT),
    q("integer", "procedures_configured",
      T("Trong đó: số thủ tục đã được cấu hình đầy đủ trên hệ thống",
        "Of which fully configured in the system"),
      check=part_of("procedures_total", "tổng số thủ tục", "the total number of procedures")),
    q("select_one yes_partly_no", "eforms_accurate",
      T("Biểu mẫu điện tử (e-form) có chính xác không?", "Are the e-forms accurate?")),
    end("group"),
    calc("procedures_configured_pct",
         "if(${procedures_total} > 0, "
         "round(${procedures_configured} div ${procedures_total} * 100, 1), '')"),
]

FINDINGS = [
    page("findings", T("Tồn tại, hạn chế phát hiện", "Problems found")),
    q("select_multiple problem_groups", "problems", T("Nhóm vấn đề", "Problem groups"),
      required=True, check=exclusive("none", "Không phát hiện vấn đề", "No problems found")),
    q("text", "problem_notes", T("Ghi chú về các vấn đề", "Notes on the problems"),
      hint=T('Bắt buộc khi chọn "Khác".', 'Required when "Other" is chosen.'),
      required=OTHER_PROBLEM, relevant="not(selected(${problems}, 'none'))",
      required_message=T('Hãy mô tả vấn đề "Khác".', 'Describe the "Other" problem.'),
      appearance="multiline"),
    end("group"),
    begin("repeat", "photos", T("Ảnh chụp hiện trường", "Photos")),
    q("image", "photo", T("Ảnh", "Photo"), parameters="max-pixels=2048"),
    q("text", "photo_caption", T("Chú thích ảnh", "Caption")),
    end("repeat"),
    q("geopoint", "office_location", T("Vị trí trụ sở xã (GPS)", "Commune office location (GPS)")),
]

SURVEY = [
    *commune_picker(),
    *RESPONDENTS,
    *NETWORK,
    *COVERAGE,
    *EQUIPMENT,
    *SERVICES,
    *FINDINGS,
    *meta_rows(),
]

CHOICES = [
    *YES_NO,
    *ROLES,
    *choices(
        "signal",
        ("none", "Không có sóng", "None"),
        ("weak", "Yếu", "Weak"),
        ("usable", "Dùng được", "Usable"),
        ("good", "Tốt", "Good"),
    ),
    *choices(
        "backup_power",
        ("ups", "Bộ lưu điện (UPS)", "UPS"),
        ("generator", "Máy phát điện", "Generator"),
        ("solar", "Điện mặt trời", "Solar"),
        ("none", "Không có", "None"),
    ),
    *choices(
        "integration",
        ("full", "Đã tích hợp đầy đủ", "Fully integrated"),
        ("partial", "Tích hợp một phần", "Partly integrated"),
        ("none", "Chưa tích hợp", "Not integrated"),
        ("unknown", "Không rõ", "Unknown"),
    ),
    *choices(
        "databases",
        ("vneid", "Ứng dụng định danh điện tử VNeID", "VNeID electronic identification"),
        ("population", "Cơ sở dữ liệu quốc gia về dân cư", "National population database"),
        ("residence", "Cơ sở dữ liệu về cư trú (đăng ký hộ khẩu)",
         "Residence (household registration) database"),
        ("civil_status", "Cơ sở dữ liệu hộ tịch điện tử", "Electronic civil-status database"),
        ("sector_software", "Phần mềm chuyên ngành", "Sector software"),
        ("none", "Không có lỗi", "None fail"),
    ),
    *choices(
        "yes_partly_no",
        ("yes", "Chính xác", "Accurate"),
        ("partly", "Chính xác một phần", "Partly accurate"),
        ("no", "Không chính xác", "Not accurate"),
    ),
    *PROBLEM_GROUPS,
    *choices("problem_groups", ("none", "Không phát hiện vấn đề", "No problems found")),
]
