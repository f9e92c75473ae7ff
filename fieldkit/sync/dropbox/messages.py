"""Vietnamese for the drop boxes' messages, keyed by the English (fieldkit.i18n reads
VIETNAMESE: CATALOGUE_MODULES). Each engineer adds the messages of their module here."""

from fieldkit.sync.dropbox import transport

VIETNAMESE = {
    transport.BAD_PATH: "Hộp trung chuyển có tệp {path!r}, không phải tên tệp fieldkit ghi; tệp này được bỏ qua.",
}
