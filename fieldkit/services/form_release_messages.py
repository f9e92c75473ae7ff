"""Messages of publishing a form (fieldkit.services.form_releases), Vietnamese first;
the English text is the catalogue key."""

NO_VERSION = ("{path}: form {form_id} has no version. A form to publish needs a `version` in its settings "
              "sheet, so that laptops can tell the new one from the old.")
NOT_NEWER = ("{path}: form {form_id} version {version} is not newer than version {known}, which this data folder "
             "already holds. Give the new form a higher `version` in its settings sheet.")

VIETNAMESE = {
    NO_VERSION: "{path}: biểu mẫu {form_id} không có phiên bản. Biểu mẫu cần phát hành phải có `version` trong trang "
                "settings, để các máy phân biệt bản mới với bản cũ.",
    NOT_NEWER: "{path}: biểu mẫu {form_id} phiên bản {version} không mới hơn phiên bản {known} mà thư mục dữ liệu "
               "này đã có. Hãy đặt cho biểu mẫu mới một `version` cao hơn trong trang settings.",
}
