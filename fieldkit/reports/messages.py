"""Fixed texts of the summaries, Vietnamese for each, keyed by the English (as gettext).

Question and choice labels are not here: they come from the forms' own translations.
`_()` only marks a text for this catalogue (the i18n test checks each has Vietnamese);
it is translated with `translate(text, lang)` where it is shown.
"""

from fieldkit.i18n import add_messages
from fieldkit.reports import errors


def _(message: str) -> str:
    return message


VIETNAMESE = {
    errors.UNKNOWN_COMMUNE: "Không có xã, phường nào mã {code}.",
    errors.UNKNOWN_PROVINCE: "Không có tỉnh, thành phố nào mã {code}.",
    errors.NO_COMMUNE_DATA: "{commune} chưa có phiếu nào: hãy điền hoặc nhập các biểu mẫu của xã trước.",
    errors.NO_PROVINCE_DATA: "Chưa có xã, phường nào của {province} có phiếu.",
    errors.NO_DATA: "Chưa có phiếu nào: hãy điền hoặc nhập biểu mẫu của các xã trước.",
    errors.NO_SUBMISSIONS: "Biểu mẫu {form} chưa có phiếu nào.",
    errors.UNKNOWN_FORM: "Thư mục dữ liệu này không có biểu mẫu {form_id!r}.",
    # the commune summary (biên bản làm việc)
    "Working visit record: {commune}": "Biên bản làm việc: {commune}",
    "SOCIALIST REPUBLIC OF VIET NAM": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Independence – Freedom – Happiness": "Độc lập – Tự do – Hạnh phúc",
    "date ....": "ngày .... tháng .... năm ....",
    "WORKING VISIT RECORD": "BIÊN BẢN LÀM VIỆC",
    "On the digital infrastructure and staffing of {commune}, {province}":
        "Về hạ tầng số và nhân lực của {commune}, {province}",
    "On {date}, at the office of {commune}, {province}, the delegation {delegation} worked with {commune} "
    "on its digital infrastructure, equipment, online public services and staff.":
        "Hôm nay, {date}, tại trụ sở {commune}, {province}, {delegation} đã làm việc với {commune} "
        "về hạ tầng số, trang thiết bị, dịch vụ công trực tuyến và nhân lực.",
    "I. Participants": "I. Thành phần tham dự",
    "Delegation: {names}.": "Đoàn công tác: {names}.",
    "II. Findings": "II. Kết quả khảo sát",
    "1. Digital infrastructure and equipment": "1. Hạ tầng số và trang thiết bị",
    "2. Staff, training and digital signatures": "2. Nhân lực, đào tạo và chữ ký số",
    "Indicator": "Chỉ tiêu",
    "Value": "Giá trị",
    "No submission of the form {form} for this commune.": "Xã chưa có phiếu {form}.",
    "Computers older than 5 years (%)": "Tỷ lệ máy tính trên 5 năm (%)",
    "Procedures fully configured (%)": "Tỷ lệ thủ tục đã cấu hình đầy đủ (%)",
    "Staff with some training (%)": "Tỷ lệ cán bộ đã được đào tạo (%)",
    "Staff holding a digital-signature certificate (%)": "Tỷ lệ cán bộ có chứng thư chữ ký số (%)",
    "Staff listed in the roster": "Số cán bộ trong danh sách",
    "Digitisation beside the province median (%)": "Số hoá so với trung vị của tỉnh (%)",
    "Median of {count} communes of {province}": "Trung vị của {count} xã, phường thuộc {province}",
    "Training coverage of the {count} staff listed (%)": "Tỷ lệ đã được đào tạo trong {count} cán bộ được liệt kê (%)",
    "Any training": "Đã được đào tạo (bất kỳ nội dung nào)",
    "III. Problems found": "III. Tồn tại, hạn chế",
    "No problems recorded.": "Không ghi nhận tồn tại, hạn chế nào.",
    "IV. Recommendations": "IV. Kiến nghị, đề xuất",
    "No recommendations recorded.": "Không có kiến nghị, đề xuất nào.",
    "V. Conclusion": "V. Kết luận",
    "Sources: {forms}.": "Nguồn số liệu: {forms}.",
    "FOR {commune}": "ĐẠI DIỆN {commune}",
    "CHAIRPERSON": "CHỦ TỊCH UBND",
    "FOR THE DELEGATION": "ĐẠI DIỆN ĐOÀN CÔNG TÁC",
    "HEAD OF THE DELEGATION": "TRƯỞNG ĐOÀN",
    "(Signature, full name)": "(Ký, ghi rõ họ tên)",
}

add_messages("vi", VIETNAMESE)
