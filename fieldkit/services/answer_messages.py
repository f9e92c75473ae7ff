"""Messages of the answer checks (fieldkit.services.answers and the answers file),
Vietnamese first; the English text is the catalogue key."""

NOT_A_PATH = "{field} is not a field path: a path is text such as /data/total_staff."
UNSTORABLE_PATH = "{field}: the path holds a character that cannot be stored ({character}, at position {position})."
TOO_MANY_ROWS = "{field}: row {position} is beyond the limit of {limit} rows of a repeat."
TOO_MANY_NEW_ROWS = "These answers would add {count} repeat rows; at most {limit} can be added at once."
A_GROUP = "{field} is a group, not a question: give the path of a question in it."
CALCULATED = "{field} is calculated by the form and cannot be set."
READ_ONLY = "{field} is read-only in this form and cannot be set."
UNSTORABLE_VALUE = "{field}: the answer holds a character that cannot be stored ({character}, at position {position})."
WRONG_TYPE = "{field}: {problem}"
NOT_FINITE = "{field}: the answer is not a finite number."
LIST_NOT_ALLOWED = "{field}: a list is an answer only to a multiple-choice question."
BAD_CHOICE = "{field}: each choice in the list must be one choice name, not {choice}."
NOT_AN_ANSWER = "{field}: a {kind} is not an answer; give text, a number, true/false or null."

# The answers file (fieldkit.services.answers_file)
NOT_UTF8 = "{path} is not UTF-8 text (byte {position} cannot be read)."
NOT_JSON = "{path} is not valid JSON: {error} (line {line}, column {column})."
TOO_DEEP = "{path} is nested too deeply to be a file of answers."
TOO_LONG_NUMBER = "{path} holds a number of {digits} digits, too long to be an answer."
NOT_A_NUMBER = "{path} holds {constant}, which is not a number JSON allows."
DUPLICATE_KEY = "{path} gives {key} twice."
NOT_AN_OBJECT = "{path} must hold a JSON object of answers keyed by instance path"
BAD_VALUE = ("{path}: the answer to {key} must be text, a number, true/false, null or a list of choice names, "
             "not {kind}.")
BAD_KEY = "{path}: the key {key} holds a character that cannot be stored ({character}, at position {position})."
BAD_TEXT = "{path}: the answer to {key} holds a character that cannot be stored ({character}, at position {position})."
KINDS = {"dict": "an object", "list": "a list holding something other than text"}

# `edit --set`
BAD_ARGUMENT = "{argument}: the argument is not valid UTF-8 text (byte {position})."

VIETNAMESE = {
    NOT_A_PATH: "{field} không phải đường dẫn trường: đường dẫn là văn bản, ví dụ /data/total_staff.",
    UNSTORABLE_PATH: "{field}: đường dẫn chứa ký tự không lưu được ({character}, ở vị trí {position}).",
    TOO_MANY_ROWS: "{field}: dòng {position} vượt quá giới hạn {limit} dòng của một nhóm lặp.",
    TOO_MANY_NEW_ROWS: "Các câu trả lời này sẽ thêm {count} dòng nhóm lặp; mỗi lần chỉ được thêm tối đa {limit} dòng.",
    A_GROUP: "{field} là một nhóm, không phải câu hỏi: hãy ghi đường dẫn của một câu hỏi trong nhóm.",
    CALCULATED: "{field} do biểu mẫu tự tính nên không thể đặt giá trị.",
    READ_ONLY: "{field} là trường chỉ đọc trong biểu mẫu này nên không thể đặt giá trị.",
    UNSTORABLE_VALUE: "{field}: câu trả lời chứa ký tự không lưu được ({character}, ở vị trí {position}).",
    NOT_FINITE: "{field}: câu trả lời không phải là một số hữu hạn.",
    LIST_NOT_ALLOWED: "{field}: chỉ câu hỏi nhiều lựa chọn mới nhận câu trả lời là một danh sách.",
    BAD_CHOICE: "{field}: mỗi mục trong danh sách phải là tên của một lựa chọn, không phải {choice}.",
    NOT_AN_ANSWER: "{field}: kiểu {kind} không phải câu trả lời; hãy ghi văn bản, số, true/false hoặc null.",
    NOT_UTF8: "{path} không phải văn bản UTF-8 (không đọc được byte {position}).",
    NOT_JSON: "{path} không phải JSON hợp lệ: {error} (dòng {line}, cột {column}).",
    TOO_DEEP: "{path} lồng quá nhiều cấp, không phải tệp câu trả lời.",
    TOO_LONG_NUMBER: "{path} chứa một số có {digits} chữ số, quá dài để làm câu trả lời.",
    NOT_A_NUMBER: "{path} chứa {constant}, không phải số mà JSON cho phép.",
    DUPLICATE_KEY: "{path} ghi {key} hai lần.",
    BAD_VALUE: "{path}: câu trả lời cho {key} phải là văn bản, số, true/false, null hoặc danh sách tên lựa chọn, "
               "không phải {kind}.",
    BAD_KEY: "{path}: khóa {key} chứa ký tự không lưu được ({character}, ở vị trí {position}).",
    BAD_TEXT: "{path}: câu trả lời cho {key} chứa ký tự không lưu được ({character}, ở vị trí {position}).",
    "an object": "một đối tượng",
    "a list holding something other than text": "một danh sách chứa thứ không phải văn bản",
    BAD_ARGUMENT: "{argument}: tham số không phải văn bản UTF-8 hợp lệ (byte {position}).",
}
