"""Messages of a sync pass with a drop box (fieldkit.services.network_sync), Vietnamese
first; the English text is the catalogue key."""

TOO_LARGE_BUNDLE = "{path} in the drop box is larger than a bundle may be; it was not imported."

VIETNAMESE = {
    TOO_LARGE_BUNDLE: "{path} trong hộp thư đồng bộ lớn hơn mức một gói được phép; tệp không được nhập.",
}
