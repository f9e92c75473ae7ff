"""Messages of the drop boxes a person configures (fieldkit.services.remotes), Vietnamese
first; the English text is the catalogue key (fieldkit.i18n reads VIETNAMESE)."""

BAD_NAME = ("{name!r} cannot name a drop box: use 1 to 64 letters without accents, digits, - and _ "
            "(e.g. so-noi-vu or nextcloud_bo).")
NOT_AN_ADDRESS = ("{url!r} is not a drop box address: give an https:// (or http://) address of a WebDAV server, "
                  "or the full path of a folder.")
NO_HOST = "The address {url!r} names no server: write it as https://server/folder."
CREDENTIALS_IN_URL = ("The address {url!r} holds a user name or password; they would be kept in plain text. "
                      "Give the address without them and the user with --user: the password goes to the system "
                      "keyring.")
RELATIVE_FOLDER = "The drop box folder {path!r} is not a full path: give it from the top, e.g. /media/share/dropbox."
MISSING_FOLDER = "The drop box folder {path} does not exist. Create it, or connect the share or drive, then add it."
NOT_A_FOLDER = "{path} is a file, not a folder: a drop box is a folder."
BAD_PIN = ("The pin {pin!r} is not a certificate's SHA-256 fingerprint: it must be 64 hexadecimal digits "
           "(colons and spaces allowed). Copy it from the server's administrator.")
PIN_WITHOUT_HTTPS = ("A certificate pin only protects an https:// address; {url!r} is http://, where nothing is "
                     "checked. Use the server's https:// address, or leave out --pin.")
PASSWORD_OVER_HTTP = ("A password sent to {url!r} would cross the network readable by anyone on it (a hotel or "
                      "office Wi-Fi): http:// is not encrypted. Use the server's https:// address (with its "
                      "certificate's fingerprint if the certificate is self-signed).")
FOLDER_WITH_LOGIN = "A drop box folder ({path}) has no user or certificate: leave out --user and --pin."
BAD_USER = "The user name {user!r} cannot be sent to a server (it is empty, or holds ':' or a control character)."
UNKNOWN_REMOTE = "There is no drop box named {name!r}. See them with: fieldkit remote list"
NO_KEYRING = ("No system keyring could keep the password ({detail}). fieldkit never writes passwords to a file. "
              "Install and unlock a keyring (on Linux: gnome-keyring or KWallet, in a desktop session), then "
              "add the drop box again.")
KEYRING_LOCKED = "The system keyring is locked: unlock it (log in to the desktop session), then try again."
KEYRING_FAILED = "The system keyring failed ({detail}); the password was not kept. Try again, or restart the keyring."

VIETNAMESE = {
    BAD_NAME: ("{name!r} không dùng được làm tên hộp thư đồng bộ: hãy dùng 1 đến 64 chữ cái không dấu, chữ số, "
               "- và _ (ví dụ so-noi-vu hoặc nextcloud_bo)."),
    NOT_AN_ADDRESS: ("{url!r} không phải địa chỉ hộp thư đồng bộ: hãy nhập địa chỉ https:// (hoặc http://) của "
                     "máy chủ WebDAV, hoặc đường dẫn đầy đủ của một thư mục."),
    NO_HOST: "Địa chỉ {url!r} không có tên máy chủ: hãy viết dạng https://máy-chủ/thư-mục.",
    CREDENTIALS_IN_URL: ("Địa chỉ {url!r} chứa tên người dùng hoặc mật khẩu; chúng sẽ bị lưu ở dạng văn bản thường. "
                         "Hãy nhập địa chỉ không kèm chúng và cho tên người dùng bằng --user: mật khẩu được cất "
                         "vào kho khóa của hệ thống."),
    RELATIVE_FOLDER: ("Thư mục hộp thư đồng bộ {path!r} không phải đường dẫn đầy đủ: hãy ghi từ gốc, ví dụ "
                      "/media/share/dropbox."),
    MISSING_FOLDER: ("Thư mục hộp thư đồng bộ {path} không tồn tại. Hãy tạo thư mục, hoặc kết nối ổ mạng hay ổ đĩa, "
                     "rồi thêm lại."),
    NOT_A_FOLDER: "{path} là một tệp, không phải thư mục: hộp thư đồng bộ phải là một thư mục.",
    BAD_PIN: ("Mã ghim {pin!r} không phải dấu vân tay SHA-256 của chứng chỉ: cần 64 chữ số thập lục phân "
              "(cho phép dấu hai chấm và khoảng trắng). Hãy chép lại từ quản trị viên máy chủ."),
    PIN_WITHOUT_HTTPS: ("Ghim chứng chỉ chỉ bảo vệ địa chỉ https://; {url!r} là http://, nơi không có gì được "
                        "kiểm tra. Hãy dùng địa chỉ https:// của máy chủ, hoặc bỏ --pin."),
    PASSWORD_OVER_HTTP: ("Mật khẩu gửi tới {url!r} sẽ đi qua mạng ở dạng ai trên mạng đó cũng đọc được (Wi-Fi "
                         "khách sạn hay cơ quan): http:// không được mã hóa. Hãy dùng địa chỉ https:// của máy chủ "
                         "(kèm dấu vân tay chứng chỉ nếu chứng chỉ tự ký)."),
    FOLDER_WITH_LOGIN: ("Hộp thư đồng bộ dạng thư mục ({path}) không có người dùng hay chứng chỉ: hãy bỏ --user "
                        "và --pin."),
    BAD_USER: ("Tên người dùng {user!r} không gửi được tới máy chủ (bị trống, hoặc chứa ':' hay ký tự điều "
               "khiển)."),
    UNKNOWN_REMOTE: "Không có hộp thư đồng bộ nào tên {name!r}. Xem danh sách bằng: fieldkit remote list",
    NO_KEYRING: ("Không có kho khóa hệ thống nào để cất mật khẩu ({detail}). fieldkit không bao giờ ghi mật khẩu "
                 "ra tệp. Hãy cài đặt và mở khóa một kho khóa (trên Linux: gnome-keyring hoặc KWallet, trong "
                 "phiên làm việc đồ họa), rồi thêm lại hộp thư đồng bộ."),
    KEYRING_LOCKED: ("Kho khóa hệ thống đang bị khóa: hãy mở khóa (đăng nhập vào phiên làm việc đồ họa), rồi "
                     "thử lại."),
    KEYRING_FAILED: ("Kho khóa hệ thống bị lỗi ({detail}); mật khẩu chưa được cất. Hãy thử lại, hoặc khởi động "
                     "lại kho khóa."),
}
