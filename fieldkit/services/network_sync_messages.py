"""Messages of a sync pass with a drop box (fieldkit.services.network_sync), Vietnamese
first; the English text is the catalogue key."""

KEY_NOT_KNOWN = ("The receipt of device {site_id} was not read: it is trusted by fingerprint, and its key arrives "
                 "with its first bundle. Trust it with its public key file to read its receipts now.")
TOO_LARGE_BUNDLE = "{path} in the drop box is larger than a bundle may be; it was not imported."

VIETNAMESE = {
    KEY_NOT_KNOWN: ("Chưa đọc biên nhận của thiết bị {site_id}: thiết bị được tin cậy theo dấu vân tay, còn khoá "
                    "của nó đến cùng gói dữ liệu đầu tiên của thiết bị. Hãy tin cậy thiết bị bằng tệp khoá công khai "
                    "của nó để đọc được biên nhận ngay."),
    TOO_LARGE_BUNDLE: "{path} trong hộp trung chuyển lớn hơn mức một gói được phép; tệp không được nhập.",
}
