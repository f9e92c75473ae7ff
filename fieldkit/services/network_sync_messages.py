"""Messages of a sync pass with a drop box (fieldkit.services.network_sync), Vietnamese
first; the English text is the catalogue key."""

KEY_NOT_KNOWN = ("The receipt of device {site_id} was not read: its key is trusted by fingerprint, and the key "
                 "itself arrives with the device's first bundle. It is read on a later sync.")
TOO_LARGE_BUNDLE = "{path} in the drop box is larger than a bundle may be; it was not imported."

VIETNAMESE = {
    KEY_NOT_KNOWN: ("Chưa đọc biên nhận của thiết bị {site_id}: thiết bị được tin cậy theo dấu vân tay, còn khoá "
                    "của nó đến cùng gói dữ liệu đầu tiên của thiết bị. Biên nhận sẽ được đọc ở lần đồng bộ sau."),
    TOO_LARGE_BUNDLE: "{path} trong hộp trung chuyển lớn hơn mức một gói được phép; tệp không được nhập.",
}
