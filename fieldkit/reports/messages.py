"""Fixed texts of the summaries, Vietnamese for each, keyed by the English (as gettext).

Question and choice labels are not here: they come from the forms' own translations.
`_()` only marks a text for this catalogue (the i18n test checks each has Vietnamese);
it is translated with `translate(text, lang)` where it is shown.
"""

from fieldkit.reports import errors


def _(message: str) -> str:
    return message


VIETNAMESE = {
    errors.UNKNOWN_COMMUNE: "Không có xã, phường nào mã {code}.",
    # errors.UNKNOWN_PROVINCE is the export's English too: one translation, in fieldkit.reports.export.messages
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
    "{commune} is the only commune of {province} with a survey so far: there is no province median to compare "
    "its digitisation with.":
        "{commune} là xã, phường duy nhất của {province} đã có phiếu khảo sát: chưa có trung vị của tỉnh để so "
        "sánh mức độ số hoá.",
    "Not valid: {reason}": "Không hợp lệ: {reason}",
    # the versions used (fieldkit.reports.versions)
    "Finalized": "Đã hoàn tất",
    "Draft, not finalized": "Bản nháp, chưa hoàn tất",
    "Finalized at {when} by {who}.": "Đã hoàn tất lúc {when}, bởi {who}.",
    "A later draft, not finalized, is not used.": "Bản nháp sửa sau đó (chưa hoàn tất) không được dùng.",
    "DRAFT, NOT FINALIZED: saved at {when} by {who}.": "BẢN NHÁP, CHƯA HOÀN TẤT: lưu lúc {when}, bởi {who}.",
    "Its figures may still change.": "Số liệu còn có thể thay đổi.",
    "DRAFT: this record uses answers not finalized yet ({forms}).":
        "BẢN NHÁP: biên bản này dùng số liệu chưa hoàn tất ({forms}).",
    "Version used": "Phiên bản số liệu được dùng",
    "Answers failing their form's checks: {count}. They are printed in red with the form's message, and no "
    "figure uses them.":
        "{count} câu trả lời không hợp lệ theo kiểm tra của biểu mẫu: được in màu đỏ kèm thông báo của biểu mẫu "
        "và không được dùng để tính số liệu nào.",
    "Versions: the latest saved version of each submission, drafts included (asked for).":
        "Phiên bản: bản lưu mới nhất của mỗi phiếu, kể cả bản nháp (theo yêu cầu).",
    "Versions: the last finalized version of each submission; a draft saved on top of a finalized submission is "
    "not used.":
        "Phiên bản: bản hoàn tất gần nhất của mỗi phiếu; bản nháp sửa sau khi phiếu đã hoàn tất không được dùng.",
    "{count} of the {total} submissions used are drafts, not finalized: their figures may still change.":
        "{count} trong số {total} phiếu được dùng là bản nháp, chưa hoàn tất: số liệu còn có thể thay đổi.",
    "Answers failing their form's checks, left out of the figures: {count}.":
        "{count} câu trả lời không hợp lệ theo kiểm tra của biểu mẫu không được tính vào số liệu.",
    "FOR {commune}": "ĐẠI DIỆN {commune}",
    "CHAIRPERSON": "CHỦ TỊCH UBND",
    "FOR THE DELEGATION": "ĐẠI DIỆN ĐOÀN CÔNG TÁC",
    "HEAD OF THE DELEGATION": "TRƯỞNG ĐOÀN",
    "(Signature, full name)": "(Ký, ghi rõ họ tên)",
    # the coordinator summaries (province, national)
    "Survey summary: {scope}": "Tổng hợp kết quả khảo sát: {scope}",
    "the whole country": "toàn quốc",
    "Figures as of {date}.": "Số liệu tính đến {date}.",
    "1. Coverage": "1. Mức độ bao phủ",
    "{visited} of {total} communes visited ({share}).":
        "Đã khảo sát {visited} trên tổng số {total} xã, phường ({share}).",
    "Form": "Biểu mẫu",
    "Communes with a submission": "Số xã có phiếu",
    "Of which finalized": "Trong đó đã hoàn tất",
    "Communes visited by province (%)": "Tỷ lệ xã đã khảo sát theo tỉnh (%)",
    "Province": "Tỉnh, thành phố",
    "Communes": "Số xã",
    "Visited": "Đã khảo sát",
    "Coverage": "Tỷ lệ bao phủ",
    "Median records digitised": "Trung vị tỷ lệ số hoá hồ sơ",
    "Median staff trained": "Trung vị tỷ lệ cán bộ đã đào tạo",
    "2. Key indicators across communes": "2. Các chỉ tiêu chính giữa các xã",
    "Minimum": "Nhỏ nhất",
    "Median": "Trung vị",
    "Mean": "Trung bình",
    "Maximum": "Lớn nhất",
    "No survey answers yet.": "Chưa có câu trả lời khảo sát nào.",
    "Spread across communes (%)": "Phân bố giữa các xã (%)",
    "3. Problems reported": "3. Các vấn đề được nêu",
    "Out of {count} communes with a survey or minutes.": "Trên tổng số {count} xã có phiếu khảo sát hoặc biên bản.",
    "Problem": "Vấn đề",
    "Share": "Tỷ lệ",
    "Communes reporting each problem": "Số xã nêu từng vấn đề",
    "4. Staffing gaps": "4. Thiếu hụt nhân lực",
    "Out of {count} communes with a staffing survey.": "Trên tổng số {count} xã có phiếu khảo sát nhân lực.",
    "Gap": "Thiếu hụt",
    "Communes with no IT staff": "Số xã không có cán bộ công nghệ thông tin",
    "Communes where under half the listed staff have training":
        "Số xã có dưới một nửa cán bộ trong danh sách đã được đào tạo",
    "Communes where no listed staff holds a digital-signature certificate":
        "Số xã không có cán bộ nào trong danh sách có chứng thư chữ ký số",
    "Need": "Nhu cầu",
    "5. Communes that need attention first": "5. Các xã cần ưu tiên quan tâm",
    "Commune": "Xã, phường",
    "Score": "Điểm",
    "Weighs most": "Yếu tố nặng nhất",
    # the priority score (fieldkit.reports.priority)
    "Not connected to the dedicated data network": "Chưa kết nối mạng truyền số liệu chuyên dùng",
    "Old computers": "Máy tính cũ",
    "Records not digitised": "Hồ sơ chưa được số hoá",
    "Records not received online": "Hồ sơ chưa tiếp nhận trực tuyến",
    "Procedures not configured": "Thủ tục chưa được cấu hình",
    "Staff without training": "Cán bộ chưa được đào tạo",
    "No IT staff": "Không có cán bộ công nghệ thông tin",
    "Problems reported": "Các vấn đề được nêu",
    "Priority score (0–100, higher needs attention first): 15 points if not connected to the dedicated data "
    "network; up to 15 for the share of computers older than 5 years; up to 15 for the share of records not "
    "digitised; up to 10 for the share of records not received online; up to 10 for the share of procedures "
    "not fully configured; up to 15 for the share of listed staff with no training; 10 if the commune has no IT "
    "staff; 2 per problem group reported, up to 10. A missing answer adds nothing.":
        "Điểm ưu tiên (0–100, điểm cao hơn cần quan tâm trước): 15 điểm nếu chưa kết nối mạng truyền số liệu "
        "chuyên dùng; tối đa 15 điểm theo tỷ lệ máy tính trên 5 năm; tối đa 15 điểm theo tỷ lệ hồ sơ chưa được số "
        "hoá; tối đa 10 điểm theo tỷ lệ hồ sơ chưa tiếp nhận trực tuyến; tối đa 10 điểm theo tỷ lệ thủ tục chưa "
        "được cấu hình đầy đủ; tối đa 15 điểm theo tỷ lệ cán bộ trong danh sách chưa được đào tạo; 10 điểm nếu xã "
        "không có cán bộ công nghệ thông tin; 2 điểm cho mỗi nhóm vấn đề được nêu, tối đa 10 điểm. Câu hỏi chưa "
        "được trả lời không tính điểm.",
    # the summary of any form
    "Summary of the form {form}": "Tóm tắt biểu mẫu {form}",
    "{count} submissions, {finalized} of them finalized.": "{count} phiếu, trong đó {finalized} phiếu đã hoàn tất.",
    "Province: {province}.": "Tỉnh, thành phố: {province}.",
    "{answered} answers over every row of {repeat} ({type}).":
        "{answered} câu trả lời trên mọi dòng của {repeat} ({type}).",
    "{answered} of {count} submissions answered ({type}).": "{answered} trên {count} phiếu có trả lời ({type}).",
    "Answered": "Đã trả lời",
    "Different answers": "Số câu trả lời khác nhau",
    "Choice": "Lựa chọn",
    "Count": "Số lượng",
    "Share of answers": "Tỷ lệ trên số trả lời",
    "Answer": "Câu trả lời",
    "First": "Sớm nhất",
    "{count} other choices": "{count} lựa chọn khác",
    "Last": "Muộn nhất",
}
