"""The export's messages in Vietnamese, keyed by the English text (fieldkit.i18n)."""

from fieldkit.reports.export import errors

VIETNAMESE = {
    errors.UNKNOWN_FORMAT: "Không có định dạng xuất {format!r}: hãy chọn một trong {formats}.",
    errors.BAD_DATE: "{value!r} không phải là ngày: hãy viết theo dạng YYYY-MM-DD (ví dụ 2025-11-26).",
    errors.DATES_REVERSED: "Ngày bắt đầu {date_from} ở sau ngày kết thúc {date_to}.",
    errors.UNKNOWN_STATUS: "Không có trạng thái {status!r}: hãy chọn một trong {statuses}.",
    errors.UNKNOWN_PROVINCE: "Không có tỉnh/thành phố nào mã {code}.",
    errors.UNKNOWN_FORM: "Thư mục dữ liệu này không có biểu mẫu {form_id!r}.",
    errors.NO_FORM_FOR: ("Không sắp xếp được các phiếu của biểu mẫu {form_id!r} thành bảng: thư mục dữ liệu "
                         "này không giữ phiên bản nào của biểu mẫu đó."),
    errors.NO_FOLDER: "Thư mục {path} không tồn tại. Hãy tạo thư mục đó hoặc chọn nơi khác.",
    errors.NOT_A_FILE: "{path} là một thư mục: hãy nhập tên tệp cần ghi.",
    errors.NOT_A_FOLDER: "{path} là một tệp: hãy nhập tên một thư mục mới để chứa các tệp CSV.",
    errors.FOLDER_IN_USE: ("Thư mục {path} đã tồn tại và chứa các tệp khác. Hãy chọn tên thư mục mới; "
                           "chưa có gì được ghi."),
    errors.DISK_FULL: ("Ổ đĩa đã đầy: không ghi được {path}. Chưa xuất gì và dữ liệu không bị thay đổi; "
                       "hãy giải phóng bớt dung lượng hoặc chọn nơi khác."),
    errors.READ_ONLY: ("Không ghi được {path}: thiết bị chỉ đọc hoặc bạn không có quyền ghi ở đó. "
                       "Chưa xuất gì; hãy chọn nơi khác."),
    errors.WRITE_FAILED: "Không ghi được {path} ({detail}). Chưa xuất gì; hãy kiểm tra ổ đĩa rồi thử lại.",
}
