"""The self-test's reasons for a failure, in English (the catalogue's keys) and in
Vietnamese (fieldkit.i18n reads VIETNAMESE: CATALOGUE_MODULES)."""

NO_TEMPORARY_FOLDER = "The self-test cannot create its temporary folder in {folder}: {error}"
NOT_ISOLATED = "The self-test would use {path}, outside its temporary folder {root}; it did not run."
NO_SHIPPED_FORMS = "There are no shipped forms in {folder}."
FORMS_FAILED = "{count} of {total} shipped forms cannot be opened: {files}"
NOT_FINALIZED = "Submission {record_id} was saved but the list of submissions does not show it finalized."
NEEDS_SUBMISSION = "Not checked: it needs the finalized submission, which the check before could not make."
BUNDLE_REJECTED = "The second data folder refused the bundle: {reason}"
DIGESTS_DIFFER = ("The second data folder differs from the first after the import "
                  "({sent} revisions sent, {received} held).")
PDF_TEXT_MISSING = "The PDF was written, but this text is not in it: {phrases}"
XLSX_ROW_MISSING = "The XLSX file was written, but its sheet {sheet} does not hold submission {record_id}."

VIETNAMESE = {
    NO_TEMPORARY_FOLDER: "Bài tự kiểm tra không tạo được thư mục tạm trong {folder}: {error}",
    NOT_ISOLATED: "Bài tự kiểm tra sẽ dùng {path}, nằm ngoài thư mục tạm {root}; bài kiểm tra không chạy.",
    NO_SHIPPED_FORMS: "Không có biểu mẫu kèm theo nào trong {folder}.",
    FORMS_FAILED: "{count}/{total} biểu mẫu kèm theo không mở được: {files}",
    NOT_FINALIZED: "Phiếu {record_id} đã được lưu nhưng danh sách phiếu không cho thấy phiếu đã hoàn tất.",
    NEEDS_SUBMISSION: "Chưa kiểm tra: cần phiếu đã hoàn tất, mà bước kiểm tra trước không tạo được.",
    BUNDLE_REJECTED: "Thư mục dữ liệu thứ hai từ chối gói dữ liệu: {reason}",
    DIGESTS_DIFFER: ("Sau khi nhập, thư mục dữ liệu thứ hai khác thư mục thứ nhất "
                     "(đã gửi {sent} phiên bản, nhận được {received})."),
    PDF_TEXT_MISSING: "Đã ghi tệp PDF nhưng trong đó không có đoạn chữ: {phrases}",
    XLSX_ROW_MISSING: "Đã ghi tệp XLSX nhưng trang tính {sheet} không có phiếu {record_id}.",
}
