"""Building blocks shared by the shipped forms: bilingual texts, row helpers, the commune
picker, standard constraints and shared choice lists.

Every user-facing text is a `T(vi, en)`: Vietnamese first, English second. The helpers
expand it into the XLSForm columns `label::Tiếng Việt (vi)` and `label::English (en)`
(likewise hint, constraint_message, required_message).
"""

from __future__ import annotations

from typing import NamedTuple

VI = "Tiếng Việt (vi)"
EN = "English (en)"
LANGUAGES = (VI, EN)
VERSION = "2026112601"


class T(NamedTuple):
    """A text in both languages."""

    vi: str
    en: str


def _bilingual(column: str) -> list[str]:
    return [f"{column}::{lang}" for lang in LANGUAGES]


# Column order of the survey sheet; a form's sheet keeps only the columns it uses.
SURVEY_COLUMNS = [
    "type", "name", *_bilingual("label"), *_bilingual("hint"),
    "required", *_bilingual("required_message"), "relevant",
    "constraint", *_bilingual("constraint_message"),
    "calculation", "default", "appearance", "choice_filter", "parameters",
]
CHOICE_COLUMNS = ["list_name", "name", *_bilingual("label")]
SETTINGS_COLUMNS = ["form_id", "version", "form_title", "default_language", "instance_name"]

REQUIRED = T("Câu hỏi này bắt buộc phải trả lời.", "This question requires an answer.")


def _put(row: dict[str, str], column: str, text: T | None) -> None:
    if text is not None:
        row[f"{column}::{VI}"], row[f"{column}::{EN}"] = text.vi, text.en


def q(type_: str, name: str, label: T, *, hint: T | None = None, required: bool | str = False,
      required_message: T | None = None, relevant: str | None = None,
      check: tuple[str, T] | None = None, **columns: str) -> dict[str, str]:
    """A survey row. `required` is True or an XPath condition; `check` is (constraint,
    message); `columns` are other plain columns (calculation, default, appearance,
    choice_filter, parameters)."""
    row = {"type": type_, "name": name}
    _put(row, "label", label)
    _put(row, "hint", hint)
    if required:
        row["required"] = "yes" if required is True else required
        _put(row, "required_message", required_message or REQUIRED)
    if relevant:
        row["relevant"] = relevant
    if check:
        row["constraint"] = check[0]
        _put(row, "constraint_message", check[1])
    for column, value in columns.items():
        if column not in SURVEY_COLUMNS:
            raise ValueError(f"unknown survey column {column!r} in row {name!r}")
        row[column] = value
    return row


def calc(name: str, expression: str) -> dict[str, str]:
    """A hidden calculation."""
    return {"type": "calculate", "name": name, "calculation": expression}


def begin(kind: str, name: str, label: T, **columns: str) -> dict[str, str]:
    """`begin group` / `begin repeat` (kind "group" or "repeat")."""
    return q(f"begin {kind}", name, label, **columns)


def end(kind: str) -> dict[str, str]:
    return {"type": f"end {kind}"}


def page(name: str, label: T, relevant: str | None = None) -> dict[str, str]:
    """A group shown as one screen (appearance field-list)."""
    row = begin("group", name, label, appearance="field-list")
    if relevant:
        row["relevant"] = relevant
    return row


def choices(list_name: str, *items: tuple[str, str, str]) -> list[dict[str, str]]:
    """Choice rows from (name, Vietnamese label, English label)."""
    rows = []
    for name, vi, en in items:
        row = {"list_name": list_name, "name": name}
        _put(row, "label", T(vi, en))
        rows.append(row)
    return rows


def settings(form_id: str, title: str) -> dict[str, str]:
    return {
        "form_id": form_id,
        "version": VERSION,
        "form_title": title,
        "default_language": VI,
        "instance_name": "concat(${commune_name}, ' – ', ${visit_date})",
    }


# --- standard checks: (constraint, message in both languages) -----------------------

COUNT = (". >= 0", T("Số lượng phải là số nguyên từ 0 trở lên.",
                     "The count must be a whole number, 0 or more."))
PERCENT = (". >= 0 and . <= 100", T("Tỷ lệ phải nằm trong khoảng 0–100%.",
                                    "The percentage must be between 0 and 100."))
POSITIVE = (". > 0", T("Giá trị phải lớn hơn 0.", "The value must be greater than 0."))
NOT_FUTURE = (". <= today()", T("Ngày không được sau ngày hôm nay.",
                                "The date cannot be in the future."))


def part_of(total: str, vi: str, en: str) -> tuple[str, T]:
    """A count that is part of `${total}`: 0 <= . <= total."""
    return (f". >= 0 and . <= ${{{total}}}",
            T(f"Số lượng phải từ 0 trở lên và không được lớn hơn {vi}.",
              f"The count must be 0 or more and cannot exceed {en}."))


def exclusive(choice: str, vi: str, en: str) -> tuple[str, T]:
    """A select_multiple where `choice` (e.g. "none") cannot be combined with others."""
    return (f"not(selected(., '{choice}') and count-selected(.) > 1)",
            T(f'Không thể chọn "{vi}" cùng với lựa chọn khác.',
              f'"{en}" cannot be combined with other answers.'))


# --- the commune picker and visit date, the same in every form -----------------------

def commune_picker() -> list[dict[str, str]]:
    """Province, then a commune of that province (lists from fieldkit.forms.media), the
    visit date, and their names as hidden calculations (for the instance name, reports)."""
    return [
        q("select_one_from_file provinces.csv", "province",
          T("Tỉnh, thành phố", "Province or city"), required=True, appearance="minimal"),
        q("select_one_from_file communes.csv", "commune",
          T("Xã, phường, đặc khu", "Commune, ward or special zone"),
          hint=T("Gõ vài chữ của tên để tìm.", "Type part of the name to search."),
          required=True, appearance="autocomplete", choice_filter="province=${province}"),
        q("date", "visit_date", T("Ngày làm việc", "Visit date"), required=True,
          check=NOT_FUTURE, default="today()"),
        calc("province_name", "instance('provinces')/root/item[name=${province}]/label"),
        calc("commune_name", "instance('communes')/root/item[name=${commune}]/label"),
    ]


def meta_rows() -> list[dict[str, str]]:
    """Submission metadata (meta/instanceID is added by the converter)."""
    return [{"type": kind, "name": kind} for kind in ("start", "end", "deviceid", "username")]


# --- choice lists shared by several forms ----------------------------------------------

YES_NO = choices(
    "yes_no",
    ("yes", "Có", "Yes"),
    ("no", "Không", "No"),
)

ROLES = choices(
    "roles",
    ("chairperson", "Chủ tịch UBND", "Chairperson of the People's Committee"),
    ("vice_chairperson", "Phó Chủ tịch UBND", "Vice-chairperson of the People's Committee"),
    ("office_head", "Chánh Văn phòng HĐND và UBND", "Head of the People's Council and Committee office"),
    ("public_service_centre", "Công chức Trung tâm Phục vụ hành chính công (bộ phận một cửa)",
     "Public administrative service centre (one-stop) officer"),
    ("it_officer", "Cán bộ công nghệ thông tin, chuyển đổi số", "IT / digital transformation officer"),
    ("civil_servant", "Công chức chuyên môn khác", "Other specialist civil servant"),
    ("other", "Khác", "Other"),
)

PROBLEM_GROUPS = choices(
    "problem_groups",
    ("merger_infrastructure", "Hạ tầng sau sắp xếp, sáp nhập chưa đáp ứng",
     "Infrastructure not yet adequate after the merger"),
    ("old_equipment", "Trang thiết bị cũ, lạc hậu", "Old or outdated equipment"),
    ("no_signal", "Không có hoặc yếu sóng di động, Internet", "No or weak mobile / internet signal"),
    ("missing_connections", "Thiếu kết nối với các cơ sở dữ liệu, hệ thống",
     "Missing connections to databases and systems"),
    ("digital_signature", "Chữ ký số chưa đầy đủ", "Digital signatures incomplete"),
    ("unsynced_processes", "Quy trình chưa đồng bộ", "Processes not synchronised"),
    ("inaccurate_eforms", "Biểu mẫu điện tử chưa chính xác", "Inaccurate e-forms"),
    ("staff_shortage", "Thiếu nhân lực", "Staff shortage"),
    ("budget", "Thiếu kinh phí", "Insufficient budget"),
    ("other", "Khác", "Other"),
)
