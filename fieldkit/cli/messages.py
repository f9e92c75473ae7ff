"""Vietnamese for the `report` command's help and messages, keyed by the English."""

from fieldkit.i18n import add_messages

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
    "language of the summary (default: Vietnamese)": "ngôn ngữ của bản tổng hợp (mặc định: tiếng Việt)",
    "--out must name a .pdf file, not {path}": "--out phải là tên tệp .pdf, không phải {path}",
    "Wrote {path} ({pages} pages).": "Đã ghi {path} ({pages} trang).",
}

add_messages("vi", VIETNAMESE)
