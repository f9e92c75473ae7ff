"""Messages of the Qt-free parts, Vietnamese first, English second.

The domain speaks to people too (a required answer, a value that does not fit), so its
messages go through `translate`. The GUI has its own catalogue in Qt Linguist files;
this one is deliberately tiny and keyed by the English text, as gettext would be.
"""

from __future__ import annotations

import re

DEFAULT_LANGUAGE = "vi"

_VIETNAMESE = {
    "This answer is required.": "Câu hỏi này bắt buộc phải trả lời.",
    "This answer is not allowed.": "Câu trả lời này không hợp lệ.",
    "Expected {expected}.": "Cần nhập {expected}.",
    "a whole number": "một số nguyên",
    "a number": "một số",
    "a date as YYYY-MM-DD": "ngày theo dạng YYYY-MM-DD",
    "a time as HH:MM": "giờ theo dạng HH:MM",
    "a date and time as YYYY-MM-DDTHH:MM": "ngày giờ theo dạng YYYY-MM-DDTHH:MM",
    "latitude and longitude in degrees, e.g. 21.0285 105.8542": "vĩ độ và kinh độ (độ), ví dụ 21.0285 105.8542",
    "points separated by ';'": "các điểm cách nhau bởi dấu ';'",
    "true or false": "đúng hoặc sai",
    "{value!r} is not one of the choices.": "{value!r} không nằm trong danh sách lựa chọn.",
    "{questions} questions, {hidden} hidden fields, {groups} groups, {repeats} repeats, "
    "languages: {languages}, {expressions} expressions":
        "{questions} câu hỏi, {hidden} trường ẩn, {groups} nhóm, {repeats} nhóm lặp, "
        "ngôn ngữ: {languages}, {expressions} biểu thức",
    "ERROR {path}: {error}": "LỖI {path}: {error}",
    "OK {path}: {form_id} (version {version}): {summary}": "ĐẠT {path}: {form_id} (phiên bản {version}): {summary}",
    "Offline field surveys of communes.": "Khảo sát thực địa cấp xã, không cần mạng.",
    "where fieldkit keeps its data (default: the user data folder)":
        "thư mục dữ liệu của fieldkit (mặc định: thư mục dữ liệu của người dùng)",
    "work with form files": "làm việc với tệp biểu mẫu",
    "load forms and report what they hold or what is wrong": "nạp biểu mẫu và báo nội dung hoặc lỗi",
}

_CATALOGUES = {"vi": _VIETNAMESE, "en": {}}


def language_code(form_language: str | None) -> str:
    """`Tiếng Việt (vi)` -> vi, `English (en)` -> en, anything else -> the default."""
    if form_language:
        match = re.search(r"\(([A-Za-z]{2,3})(?:[-_][A-Za-z]+)?\)\s*$", form_language)
        code = (match.group(1) if match else form_language[:2]).lower()
        if code in _CATALOGUES:
            return code
        if form_language.lower().startswith("english"):
            return "en"
    return DEFAULT_LANGUAGE


def translate(message: str, language: str = DEFAULT_LANGUAGE, **values) -> str:
    text = _CATALOGUES.get(language, {}).get(message, message)
    return text.format(**values) if values else text
