"""Vietnamese for the command line's help and messages, keyed by the English (those
written before the cli package are still in the catalogues of fieldkit.i18n, sync and
reports.export); fieldkit.i18n reads it (CATALOGUE_MODULES)."""

VIETNAMESE = {
    "print a summary as a PDF file": "in bản tổng hợp ra tệp PDF",
    "the working-visit record of a commune": "biên bản làm việc của một xã, phường",
    "the summary of a province": "bản tổng hợp của một tỉnh, thành phố",
    "the national summary": "bản tổng hợp toàn quốc",
    "the summary of one form's answers": "bản tổng hợp câu trả lời của một biểu mẫu",
    "the commune's official code": "mã chính thức của xã/phường",
    "the province's official code": "mã chính thức của tỉnh, thành phố",
    "the form's id, e.g. commune_infrastructure": "mã biểu mẫu, ví dụ commune_infrastructure",
    "only the communes of this province": "chỉ các xã, phường của tỉnh, thành phố này",
    "the PDF file to write": "tệp PDF cần ghi",
    "--out must name a .pdf file, not {path}": "--out phải là tên tệp .pdf, không phải {path}",
    "Wrote {path} ({pages} pages).": "Đã ghi {path} ({pages} trang).",
    # --lang, on every command
    "language of the window or of the command (default: the window's last choice, else Vietnamese; "
    "a command takes FIELDKIT_LANG first)":
        "ngôn ngữ của cửa sổ hoặc của lệnh (mặc định: ngôn ngữ chọn lần trước trong cửa sổ, rồi tiếng Việt; "
        "một lệnh xét FIELDKIT_LANG trước)",
    "language of the messages and output (default: FIELDKIT_LANG, else the window's last choice, else Vietnamese)":
        "ngôn ngữ của thông báo và kết quả (mặc định: FIELDKIT_LANG, rồi ngôn ngữ chọn lần trước trong cửa sổ, "
        "rồi tiếng Việt)",
    # conflicts: the answers the versions disagree on
    "  {path}:": "  {path}:",
    "  {label} ({path}):": "  {label} ({path}):",
    "    {rev_id}: {value}": "    {rev_id}: {value}",
    "(no answer)": "(không có câu trả lời)",
    "write choice labels instead of codes (in the language of --lang)":
        "ghi nhãn lựa chọn thay cho mã (theo ngôn ngữ của --lang)",
}
