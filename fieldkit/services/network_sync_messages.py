"""Messages of a sync pass with a drop box (fieldkit.services.network_sync and
network_pull), Vietnamese first; the English text is the catalogue key."""

TOO_LARGE_LISTED = ("{path} in the drop box is {size} MB, larger than a bundle may be ({limit} MB); it was not "
                    "fetched.")
TOO_LARGE_BUNDLE = ("{path} in the drop box sent more than a bundle may be ({limit} MB), though it was listed as "
                    "{size} MB; nothing of it was kept.")
DISK_FULL = ("This computer's disk is too full to receive {path} ({size} MB) from the drop box: receiving and "
             "importing it needs {needed} MB free on the disk of {folder}, and {free} MB are free. Free some "
             "space, then sync again; what was already received is kept.")

VIETNAMESE = {
    TOO_LARGE_LISTED: ("{path} trong hộp thư đồng bộ có dung lượng {size} MB, lớn hơn mức một gói được phép "
                       "({limit} MB); tệp không được tải về."),
    TOO_LARGE_BUNDLE: ("{path} trong hộp thư đồng bộ gửi về nhiều hơn mức một gói được phép ({limit} MB), dù danh "
                       "sách ghi {size} MB; không giữ lại phần nào của tệp."),
    DISK_FULL: ("Ổ đĩa của máy này không đủ chỗ trống để nhận {path} ({size} MB) từ hộp thư đồng bộ: nhận và nhập "
                "tệp này cần {needed} MB trống trên ổ đĩa chứa {folder}, hiện chỉ còn {free} MB. Hãy giải phóng "
                "dung lượng rồi đồng bộ lại; những gì đã nhận vẫn được giữ nguyên."),
}
