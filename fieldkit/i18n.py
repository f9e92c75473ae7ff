"""Messages of the Qt-free parts, Vietnamese first, English second.

The domain speaks to people too (a required answer, a value that does not fit), so its
messages go through `translate`. The GUI has its own catalogue in Qt Linguist files;
this one is deliberately tiny and keyed by the English text, as gettext would be.

Each Qt-free package keeps its messages beside its code, as a `VIETNAMESE` dict in a
module listed in CATALOGUE_MODULES (so several engineers do not all edit this file).
They are read here when first needed, not when their package happens to be imported:
a message never falls back to English because a module was not imported.
"""

from __future__ import annotations

import importlib
import re
import threading

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
    # store faults (fieldkit.store.errors)
    "The disk is full: {path} could not be written. Free some space, then try again; nothing has been lost.":
        "Ổ đĩa đã đầy: không ghi được {path}. Hãy giải phóng bớt dung lượng rồi thử lại; chưa mất dữ liệu nào.",
    "The data file {path} is on a read-only medium or cannot be written. "
    "Copy the data folder to a writable disk or choose another with --data-dir.":
        "Tệp dữ liệu {path} nằm trên thiết bị chỉ đọc hoặc không ghi được. "
        "Hãy chép thư mục dữ liệu sang ổ ghi được hoặc chọn thư mục khác bằng --data-dir.",
    "The data file {path} is in use by another program (another fieldkit window?). Close it, then try again.":
        "Tệp dữ liệu {path} đang được chương trình khác sử dụng (một cửa sổ fieldkit khác?). "
        "Hãy đóng chương trình đó rồi thử lại.",
    "The data file {path} is damaged or is not a fieldkit database. It has been left untouched; "
    "restore a copy (the folder keeps one before each upgrade) or choose another data folder.":
        "Tệp dữ liệu {path} bị hỏng hoặc không phải cơ sở dữ liệu fieldkit. Tệp được giữ nguyên; "
        "hãy khôi phục bản sao (thư mục lưu một bản trước mỗi lần nâng cấp) hoặc chọn thư mục dữ liệu khác.",
    "The data file {path} could not be read or written ({detail}). Check the disk, then try again.":
        "Không đọc hoặc ghi được tệp dữ liệu {path} ({detail}). Hãy kiểm tra ổ đĩa rồi thử lại.",
    "The data file {path} is empty (0 bytes): the data it held is not in it. It has been left "
    "untouched; restore a copy, or move it away to start a new database in this folder.":
        "Tệp dữ liệu {path} trống (0 byte): dữ liệu từng có không còn trong tệp. Tệp được giữ nguyên; "
        "hãy khôi phục bản sao, hoặc chuyển tệp đi nơi khác để tạo cơ sở dữ liệu mới trong thư mục này.",
    "This data was written by a newer fieldkit (schema {schema}); update the app. File: {path}":
        "Dữ liệu này do phiên bản fieldkit mới hơn ghi (lược đồ {schema}); hãy cập nhật ứng dụng. Tệp: {path}",
    "The device key {path} can be read by other users (mode {mode}). "
    "Make it private (chmod 600 {path}) and start again.":
        "Khóa thiết bị {path} có thể bị người dùng khác đọc (quyền {mode}). "
        "Hãy đặt quyền riêng tư (chmod 600 {path}) rồi khởi động lại.",
    "The device key {path} is damaged ({detail}). It was not replaced, because this laptop's "
    "identity depends on it: restore it from a backup.":
        "Khóa thiết bị {path} bị hỏng ({detail}). Khóa không được thay thế vì danh tính của máy "
        "phụ thuộc vào nó: hãy khôi phục từ bản sao lưu.",
    # services
    "There is no form {form_id!r} (version {version}) in this data folder. Add the form file first.":
        "Thư mục dữ liệu này không có biểu mẫu {form_id!r} (phiên bản {version}). Hãy thêm tệp biểu mẫu trước.",
    "There is no submission {record_id} in this data folder.": "Thư mục dữ liệu này không có phiếu {record_id}.",
    "There is no working copy {draft_id} in this data folder.":
        "Thư mục dữ liệu này không có bản đang soạn {draft_id}.",
    "{count} answers must be corrected before finalizing.": "Cần sửa {count} câu trả lời trước khi hoàn tất.",
    "draft": "bản nháp",
    "finalized": "đã hoàn tất",
    "has_errors": "có lỗi",
    "not_started": "chưa bắt đầu",
}

# Keys that are codes, not English text (submission statuses): their English wording.
_ENGLISH = {"has_errors": "has errors", "not_started": "not started"}

_CATALOGUES = {"vi": _VIETNAMESE, "en": _ENGLISH}

# The modules holding a VIETNAMESE catalogue, read in this order until a message is found:
# those the command line's help needs first, so `fieldkit --help` does not load the form
# engine for the catalogues of services and forms.
CATALOGUE_MODULES = (
    "fieldkit.cli.messages",
    "fieldkit.sync.messages",
    "fieldkit.sync.dropbox.messages",
    "fieldkit.reports.export.messages",
    "fieldkit.reports.messages",
    "fieldkit.services.answer_messages",
    "fieldkit.services.remote_messages",
    "fieldkit.services.network_sync_messages",
    "fieldkit.services.form_release_messages",
    "fieldkit.forms.values",
    "fieldkit.selftest.messages",
)
_unread = list(CATALOGUE_MODULES)
_reading = threading.RLock()  # reentrant: reading a module may translate


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


_message_language: str | None = None


def set_message_language(code: str) -> None:
    """The command line resolves its language once (`--lang`, FIELDKIT_LANG, the saved
    choice) and sets it here, so `str()` of a domain error speaks it."""
    global _message_language
    _message_language = language_code(code)


def message_language() -> str:
    """The language `str()` of a domain error uses: the one the command line resolved
    (fieldkit.cli.common.resolve_language), else Vietnamese."""
    return _message_language or DEFAULT_LANGUAGE


def translate(message: str, language: str = DEFAULT_LANGUAGE, **values: object) -> str:
    if language == "vi" and message not in _VIETNAMESE:
        _read_catalogues(until=message)
    text = _CATALOGUES.get(language, {}).get(message, message)
    return text.format(**values) if values else text


def catalogue(language: str) -> dict[str, str]:
    """Every message of `language` (English: the few keys that are codes), all modules read."""
    if language == "vi":
        _read_catalogues(until=None)
    return dict(_CATALOGUES.get(language, {}))


def _read_catalogues(*, until: str | None) -> None:
    """Read the catalogue modules not read yet, in order, until one holds `until` (None: all)."""
    with _reading:
        while _unread and (until is None or until not in _VIETNAMESE):
            _VIETNAMESE.update(importlib.import_module(_unread.pop(0)).VIETNAMESE)
