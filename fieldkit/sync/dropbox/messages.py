"""Vietnamese for the drop boxes' messages, keyed by the English (fieldkit.i18n reads
VIETNAMESE: CATALOGUE_MODULES). Each engineer adds the messages of their module here."""

from fieldkit.sync.dropbox import folder, receipts, transport

VIETNAMESE = {
    transport.BAD_PATH: "Hộp trung chuyển có tệp {path!r}, không phải tên tệp fieldkit ghi; tệp này được bỏ qua.",
    folder.FULL: "Nơi hộp trung chuyển ghi đã hết chỗ trống: không ghi được {path}. Hãy giải phóng dung lượng rồi "
                 "đồng bộ lại; không mất dữ liệu nào.",
    folder.FORBIDDEN: "fieldkit không được phép ghi {path} (thư mục chỉ đọc hoặc thuộc người khác). Hãy kiểm tra "
                      "quyền của thư mục hộp trung chuyển rồi đồng bộ lại.",
    folder.UNREACHABLE: "Không tìm thấy thư mục hộp trung chuyển {path}. Ổ mạng chia sẻ hoặc ổ đĩa đã được kết "
                        "nối chưa?",
    folder.NOT_FOUND: "{path} không còn trong hộp trung chuyển.",
    folder.TOO_LARGE: "{path} trong hộp trung chuyển lớn hơn {limit} byte; tệp này không được sao chép.",
    folder.NOT_A_FILE: "{path} trong hộp trung chuyển không phải tệp hay thư mục thông thường (một liên kết hoặc "
                       "tệp đặc biệt); nó được bỏ qua.",
    folder.INTERRUPTED: "Đọc hoặc ghi {path} không thành công ({detail}); không mất dữ liệu nào. Hãy đồng bộ lại.",
    receipts.NOT_JSON: "Biên nhận không phải JSON UTF-8 ({detail}).",
    receipts.TOO_BIG: "Biên nhận lớn hơn {limit} byte.",
    receipts.BAD_FIELD: "Trong biên nhận, trường {field} {problem} (giá trị: {found}).",
    receipts.OTHER_SITE: "Biên nhận được ký cho thiết bị {found}, nhưng lại nằm trong thư mục của thiết bị {site_id}.",
    receipts.BAD_SIGNATURE: "Chữ ký của biên nhận không khớp với khóa được tin cậy của thiết bị {site_id}: biên nhận "
                            "đã bị sửa hoặc giả mạo.",
    receipts.FUTURE: "Biên nhận ghi thời điểm lập là {created}, muộn hơn bây giờ quá một ngày: đồng hồ của thiết bị "
                     "lập biên nhận bị sai.",
    receipts.TOO_MANY_SITES: "Kho dữ liệu này giữ bản sửa đổi của hơn {limit} thiết bị; một biên nhận không thể liệt "
                             "kê hết.",
}
