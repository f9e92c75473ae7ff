"""Vietnamese for sync's messages (refusals, reports, the sync commands), keyed by the English."""

from fieldkit.sync import errors, models

VIETNAMESE = {
    errors.NOT_A_BUNDLE: "{path} không phải gói dữ liệu fieldkit, hoặc đã bị hỏng hay bị cắt cụt ({detail}).",
    errors.TOO_LARGE: "{path}: {what} có {size} byte, vượt quá giới hạn {limit} byte của một gói.",
    errors.BAD_MEMBER: "{path}: gói chứa một tệp có tên không được phép: {name!r}.",
    errors.DUPLICATE_MEMBER: "{path}: gói chứa tệp {name!r} hai lần.",
    errors.MISSING_MEMBER: "{path}: gói thiếu {name}.",
    errors.BAD_MANIFEST: "{path}: bản kê của gói không hợp lệ ({detail}).",
    errors.BAD_MANIFEST_FIELD: "{path}: bản kê của gói không hợp lệ: trường {field} {problem} (giá trị: {found}).",
    errors.BAD_REVISION_FIELD: ("{path}: {name}, dòng {line}: trường {field} của phiên bản phiếu {problem} "
                                "(giá trị: {found})."),
    "{field} {problem} (value: {found})": "trường {field} {problem} (giá trị: {found})",
    models.MISSING: "bị thiếu",
    models.EXTRA: "không được phép có ở đây",
    models.NOT_UNICODE: "không phải văn bản Unicode hợp lệ (chứa một nửa cặp thay thế đơn lẻ)",
    models.MALFORMED: "sai định dạng",
    models.OUT_OF_RANGE: "nằm ngoài khoảng cho phép",
    models.WRONG_LENGTH: "có độ dài sai",
    models.WRONG_TYPE: "sai kiểu dữ liệu",
    models.NOT_ALLOWED_VALUE: "có giá trị không được phép",
    models.KEY_MISMATCH: "không khớp với khóa",
    models.NOT_SORTED: "không được sắp xếp hoặc có phần tử lặp",
    models.INVALID: "không hợp lệ",
    models.NOT_LISTED: "không trỏ tới tệp nào của gói",
    errors.FORM_NOT_TEXT: "{path}: {name} không phải văn bản UTF-8.",
    "not a fieldkit public key file": "không phải tệp khóa công khai fieldkit",
    "the keys do not match the fingerprint": "các khóa không khớp với dấu vân tay",
    "the encryption key is not signed by the device key": "khóa mã hóa không được ký bằng khóa của máy",
    "{path} is not UTF-8 JSON ({detail})": "{path} không phải JSON UTF-8 ({detail})",
    errors.BAD_SIGNATURE: "{path}: chữ ký của gói không khớp với nội dung: gói đã bị sửa hoặc bị hỏng.",
    errors.UNKNOWN_SIGNER: ("{path}: được ký bởi một máy chưa được tin cậy ({device}, khóa {fingerprint}). "
                            "Gói được giữ cách ly; hãy tin cậy khóa sau khi đối chiếu dấu vân tay trên máy đó."),
    errors.REVOKED_SIGNER: "{path}: được ký bởi một máy đã bị thu hồi tin cậy ({device}, khóa {fingerprint}).",
    errors.NEWER_FORMAT: ("{path} được tạo bởi phiên bản fieldkit mới hơn (định dạng gói {version}); "
                          "hãy cập nhật ứng dụng để nhập gói này."),
    errors.HASH_MISMATCH: "{path}: {name} không khớp với bản kê: gói đã bị sửa hoặc bị hỏng.",
    errors.UNLISTED_MEMBER: "{path}: {name} có trong gói nhưng không có trong bản kê.",
    errors.NOT_FOR_US: "{path} được mã hóa cho điều phối viên khác; máy này không mở được.",
    errors.WRONG_KEY: "{path}: không giải mã được gói bằng khóa của máy này ({name}).",
    errors.CHUNK_TOO_LARGE: "{path}: {name} giải nén ra hơn {limit} byte.",
    errors.CLOCK_ERROR: ("{path}: {name}, dòng {line}: thời điểm {hlc} của nó sau năm 9999: đồng hồ của máy "
                         "tạo ra nó bị sai."),
    errors.BAD_REVISION: "{path}: {name} chứa một phiên bản phiếu không hợp lệ ({detail}).",
    errors.BAD_REVISION_SIGNATURE: "{path}: {name} chứa một phiên bản phiếu có chữ ký không khớp (phiên bản {rev_id}).",
    errors.REVOKED_REVISION: "{path}: {name} chứa phiên bản mới của một máy đã bị thu hồi ({site_id}).",
    errors.READ_FAILED: ("Không đọc được {path} ({detail}). Ổ đĩa đã bị rút ra? Không có gì được nhập dở dang: "
                         "hãy cắm lại và nhập lại để hoàn tất."),
    errors.CHANGED_DURING_IMPORT: "{path}: {name} đã thay đổi trong lúc nhập; hãy nhập lại.",
    errors.CHECKER_STOPPED: ("{path}: tiến trình kiểm tra các phiên bản phiếu đã dừng trước khi xong ({detail}). "
                             "Chưa có gì của gói này được nhập; hãy nhập lại."),
    errors.NOT_A_FILE: "{path} không phải tệp thông thường (đó là {kind}): đã bỏ qua.",
    "a named pipe (FIFO)": "một đường ống có tên (FIFO)", "a folder": "một thư mục", "a socket": "một socket",
    "a device": "một thiết bị", "a loop of symbolic links": "một vòng lặp liên kết tượng trưng",
    "not a regular file": "không phải tệp thông thường",
    errors.TOO_MANY_LINES: "{path}: {name} có hơn {limit} dòng; một phần của gói có ít hơn nhiều.",
    errors.TOO_LARGE_FOR_QUARANTINE: (
        "{path}: được ký bởi một máy chưa được tin cậy ({device}, khóa {fingerprint}). Gói có {size} byte, lớn hơn "
        "sức chứa của khu cách ly ({limit} byte), nên không được giữ lại: hãy tin cậy khóa sau khi đối chiếu "
        "dấu vân tay trên máy đó, rồi nhập lại."),
    # the sync commands
    "imported": "đã nhập",
    "already present": "đã có sẵn",
    "quarantined": "cách ly",
    "rejected": "bị từ chối",
    "failed": "thất bại (thử lại)",
    "verified": "hợp lệ",
    "hard": "cứng", "soft": "mềm",
    "revisions relayed by trusted devices": "các phiên bản do máy tin cậy chuyển tiếp",
}
