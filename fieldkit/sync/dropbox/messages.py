"""Vietnamese for the drop boxes' messages, keyed by the English (fieldkit.i18n reads
VIETNAMESE: CATALOGUE_MODULES). Each engineer adds the messages of their module here."""

from fieldkit.sync.dropbox import folder, propfind, receipts, transport
from fieldkit.sync.dropbox import webdav_messages as webdav

VIETNAMESE = {
    transport.BAD_PATH: "Hộp thư đồng bộ có tệp {path!r}, không phải tên tệp fieldkit ghi; tệp này được bỏ qua.",
    transport.LOCAL_DISK_FULL: ("Ổ đĩa của máy này đã đầy: không ghi được {path}, và không giữ lại phần nào của tệp. "
                                "Hãy giải phóng dung lượng rồi đồng bộ lại."),
    # the WebDAV drop box
    webdav.NOT_A_WEBDAV_URL: ("{url!r} không phải địa chỉ hộp thư đồng bộ: địa chỉ phải bắt đầu bằng https:// "
                              "(hoặc http://) và có tên máy chủ."),
    webdav.BAD_PIN: ("Dấu vân tay chứng chỉ {pin!r} đã ghim cho hộp thư đồng bộ {url} không phải dấu vân tay "
                     "SHA-256 (64 chữ số thập lục phân); hãy chép lại từ quản trị viên máy chủ."),
    webdav.PIN_WITHOUT_TLS: ("Hộp thư đồng bộ {url} được truy cập qua http://, không có chứng chỉ để ghim; hãy "
                             "dùng địa chỉ https:// của nó, hoặc bỏ dấu vân tay đã ghim."),
    webdav.UNREACHABLE: ("Không kết nối được hộp thư đồng bộ {url} ({error}). Có thể hiện không có mạng: "
                         "việc đồng bộ sẽ tự tiếp tục khi có kết nối trở lại."),
    webdav.INTERRUPTED: "Kết nối tới hộp thư đồng bộ {url} bị ngắt ({error}); lần đồng bộ sau sẽ làm lại.",
    webdav.TRUNCATED: ("Hộp thư đồng bộ chỉ gửi {received} trên {declared} byte của {path!r}; không giữ lại gì, "
                       "lần đồng bộ sau sẽ tải lại."),
    webdav.LOCAL_FILE: "Không dùng được tệp {path!r} trên máy này ({error}). Hãy kiểm tra ổ đĩa còn chỗ trống.",
    webdav.TOO_LARGE: ("Tệp {path!r} trong hộp thư đồng bộ lớn hơn {limit} byte, mức tối đa fieldkit nhận; "
                       "tệp không được tải về."),
    webdav.LISTING_TOO_LARGE: "Hộp thư đồng bộ {url} gửi danh sách thư mục quá lớn để đọc; danh sách không được dùng.",
    webdav.CERTIFICATE: ("Hộp thư đồng bộ {url} không đưa ra chứng chỉ hợp lệ ({error}). Nếu đây là máy chủ riêng "
                         "của cơ quan bạn, hãy ghim dấu vân tay chứng chỉ của nó trong phần cài đặt hộp thư đồng bộ."),
    webdav.PIN_MISMATCH: ("Hộp thư đồng bộ {url} đưa ra chứng chỉ khác với chứng chỉ đã ghim (SHA-256 {seen}, "
                          "cần {expected}); không gửi gì cả. "
                          "Hãy hỏi quản trị viên máy chủ xem chứng chỉ có đổi không."),
    webdav.UNAUTHORIZED: ("Hộp thư đồng bộ {url} từ chối tên người dùng hoặc mật khẩu. "
                          "Hãy kiểm tra mật khẩu trong phần cài đặt hộp thư đồng bộ."),
    webdav.NOT_TRUSTED_BY_COORDINATOR: ("Máy của điều phối ở {url} chưa tin cậy máy này. Hãy cho điều phối xem dấu "
                                        "vân tay khoá của máy này (Điều phối › Thiết bị tin cậy, hoặc fieldkit keys "
                                        "show) và đề nghị tin cậy nó."),
    webdav.FORBIDDEN: ("Hộp thư đồng bộ {url} không cho người dùng này ghi hoặc đọc {path!r}. "
                       "Hãy xin quản trị viên quyền truy cập thư mục."),
    webdav.NOT_FOUND: "Hộp thư đồng bộ {url} không có {path!r}. Hãy kiểm tra địa chỉ hộp thư đồng bộ.",
    webdav.FULL: ("Hộp thư đồng bộ {url} đã đầy. Hãy xin quản trị viên thêm dung lượng; không mất dữ liệu, "
                  "việc đồng bộ sẽ tiếp tục sau đó."),
    webdav.COORDINATOR_NOT_TAKEN_IN: ("Máy của điều phối ở {url} chưa nhận vào những gì máy này đã gửi, và chưa nhận "
                                      "thêm cho đến khi nhận xong. Máy đó tự nhận vào khi đang chia sẻ trên mạng "
                                      "(Điều phối › Chia sẻ trên mạng này, hoặc fieldkit serve); sau đó việc đồng bộ "
                                      "sẽ tiếp tục. Không mất dữ liệu nào."),
    webdav.COORDINATOR_DISK_FULL: ("Ổ đĩa của máy điều phối ở {url} sắp hết chỗ trống. Hãy đề nghị điều phối giải "
                                   "phóng dung lượng; không mất dữ liệu, việc đồng bộ sẽ tiếp tục sau đó."),
    webdav.LARGER_THAN_COORDINATOR_QUOTA: ("Dữ liệu máy này gửi lớn hơn mức máy của điều phối ở {url} nhận từ một "
                                           "máy. Hãy đề nghị điều phối chia sẻ với hạn mức lớn hơn (fieldkit serve "
                                           "--quota); không mất dữ liệu nào."),
    webdav.SERVER: ("Hộp thư đồng bộ {url} gặp lỗi (HTTP {status}). Việc đồng bộ sẽ thử lại sau; "
                    "nếu lỗi còn tiếp diễn, hãy báo quản trị viên."),
    webdav.UNEXPECTED: ("Hộp thư đồng bộ {url} trả lời không như mong đợi (HTTP {status}) cho {path!r}. "
                        "Hãy kiểm tra địa chỉ hộp thư đồng bộ."),
    propfind.UNREADABLE_LISTING: ("Hộp thư đồng bộ gửi danh sách thư mục không theo WebDAV (HTTP {status}); "
                                  "danh sách không được dùng."),
    # the folder drop box and receipts
    folder.FULL: "Nơi hộp thư đồng bộ ghi đã hết chỗ trống: không ghi được {path}. Hãy giải phóng dung lượng rồi "
                 "đồng bộ lại; không mất dữ liệu nào.",
    folder.FORBIDDEN: "fieldkit không được phép ghi {path} (thư mục chỉ đọc hoặc thuộc người khác). Hãy kiểm tra "
                      "quyền của thư mục hộp thư đồng bộ rồi đồng bộ lại.",
    folder.UNREACHABLE: "Không tìm thấy thư mục hộp thư đồng bộ {path}. Ổ mạng chia sẻ hoặc ổ đĩa đã được kết "
                        "nối chưa?",
    folder.NOT_FOUND: "{path} không còn trong hộp thư đồng bộ.",
    folder.TOO_LARGE: "{path} trong hộp thư đồng bộ lớn hơn {limit} byte; tệp này không được sao chép.",
    folder.NOT_A_FILE: "{path} trong hộp thư đồng bộ không phải tệp hay thư mục thông thường (một liên kết hoặc "
                       "tệp đặc biệt); nó được bỏ qua.",
    folder.INTERRUPTED: "Đọc hoặc ghi {path} không thành công ({detail}); không mất dữ liệu nào. Hãy đồng bộ lại.",
    receipts.NOT_JSON: "Biên nhận không phải JSON UTF-8 ({detail}).",
    receipts.TOO_BIG: "Biên nhận lớn hơn {limit} byte.",
    receipts.BAD_FIELD: "Trong biên nhận, trường {field} {problem} (giá trị: {found}).",
    receipts.OTHER_SITE: "Biên nhận được ký cho thiết bị {found}, nhưng lại nằm trong thư mục của thiết bị {site_id}.",
    receipts.OTHER_KEY: "Biên nhận mang khóa của một thiết bị khác, không phải thiết bị {site_id}.",
    receipts.BAD_SIGNATURE: "Chữ ký của biên nhận không khớp với khóa được tin cậy của thiết bị {site_id}: biên nhận "
                            "đã bị sửa hoặc giả mạo.",
    receipts.FUTURE: "Biên nhận ghi thời điểm lập là {created}, muộn hơn bây giờ quá một ngày: đồng hồ của thiết bị "
                     "lập biên nhận bị sai.",
    receipts.TOO_MANY_SITES: "Kho dữ liệu này giữ bản sửa đổi của hơn {limit} thiết bị; một biên nhận không thể liệt "
                             "kê hết.",
}
