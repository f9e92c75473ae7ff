"""Vietnamese for the command line's help and messages, keyed by the English;
fieldkit.i18n reads it (CATALOGUE_MODULES). What the command line shares with the
window or the domain (a refusal, a status) stays in the catalogue of its own package."""

VIETNAMESE = {
    # form publish, form list (fieldkit/cli/forms.py)
    "publish a form, or a new version of one, to the laptops at the next sync":
        "phát hành một biểu mẫu, hoặc phiên bản mới của nó, tới các máy ở lần đồng bộ tới",
    "the XLSForm or XForm file": "tệp XLSForm hoặc XForm",
    "list the forms offered for new submissions": "liệt kê các biểu mẫu dùng cho phiếu mới",
    "Published {form_id} version {version}: {title}": "Đã phát hành {form_id} phiên bản {version}: {title}",
    "It travels to the laptops at the next sync (fieldkit sync, or a bundle export).":
        "Biểu mẫu sẽ tới các máy ở lần đồng bộ tới (fieldkit sync, hoặc khi xuất gói dữ liệu).",
    "This form asks for encrypted submissions (public_key): fieldkit keeps its answers signed but "
    "not encrypted, on this computer and in drop boxes. To hand them over encrypted, use "
    "fieldkit bundle export --encrypt-to KEYFILE (a coordinator's key from fieldkit keys export).":
        "Biểu mẫu này yêu cầu mã hóa phiếu (public_key): fieldkit giữ các câu trả lời có chữ ký nhưng "
        "không mã hóa, trên máy này và trong hộp thư đồng bộ. Để bàn giao phiếu đã mã hóa, hãy dùng "
        "fieldkit bundle export --encrypt-to KEYFILE (khóa của điều phối viên, lấy bằng fieldkit keys export).",
    " (published)": " (đã phát hành)",
    "{form_id} version {version}: {title}": "{form_id} phiên bản {version}: {title}",
    # serve (fieldkit/cli/serve.py)
    "share this computer's drop box with the laptops on this network (no internet needed)":
        "chia sẻ hộp thư đồng bộ của máy này với các máy trong cùng mạng (không cần internet)",
    "the port to listen on (default: 8470)": "cổng để lắng nghe (mặc định: 8470)",
    "the most each laptop may have here that this computer has not imported yet, in megabytes (default: 200)":
        "dung lượng tối đa mỗi máy được để ở đây mà máy này chưa nhập vào, tính bằng megabyte (mặc định: 200)",
    "the address to listen on (default: every network of this computer)":
        "địa chỉ để lắng nghe (mặc định: mọi mạng của máy này)",
    "do not announce this computer on the network (laptops then type its address)":
        "không thông báo máy này trên mạng (khi đó các máy phải gõ địa chỉ của nó)",
    "list the coordinators sharing a drop box on this network, then stop":
        "liệt kê các điều phối viên đang chia sẻ hộp thư đồng bộ trong mạng này, rồi dừng",
    "--port must be 0 to 65535 and --quota at least 1 MB.":
        "--port phải từ 0 đến 65535 và --quota ít nhất 1 MB.",
    "No coordinator answered on this network. Ask for the address `fieldkit serve` printed.":
        "Không có điều phối viên nào trả lời trong mạng này. Hãy hỏi địa chỉ mà `fieldkit serve` đã in ra.",
    "{device} (device {site_id}): {urls}": "{device} (thiết bị {site_id}): {urls}",
    "Cannot listen on {address} port {port} ({error}). Is another `fieldkit serve` running? "
    "Choose another port with --port.":
        "Không lắng nghe được trên {address} cổng {port} ({error}). Có một `fieldkit serve` khác đang chạy không? "
        "Hãy chọn cổng khác bằng --port.",
    "Press Ctrl+C to stop.": "Nhấn Ctrl+C để dừng.",
    "Stopped sharing the drop box.": "Đã dừng chia sẻ hộp thư đồng bộ.",
    "Sharing the drop box on port {port}. Laptops add one of these addresses:":
        "Đang chia sẻ hộp thư đồng bộ ở cổng {port}. Các máy thêm một trong các địa chỉ sau:",
    "    (no network found: connect this computer to the Wi-Fi or the hotspot)":
        "    (không tìm thấy mạng: hãy kết nối máy này vào Wi-Fi hoặc điểm phát sóng)",
    "This coordinator's key fingerprint (laptops compare it): {fingerprint}":
        "Dấu vân tay khóa của điều phối viên này (các máy đối chiếu): {fingerprint}",
    "Could not announce this computer on the network ({error}); laptops can still type the address.":
        "Không thông báo được máy này trên mạng ({error}); các máy vẫn có thể gõ địa chỉ.",
    "Imported {count} bundles from the laptops.": "Đã nhập {count} gói dữ liệu từ các máy.",
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
    "use the latest saved version of each submission, drafts included (default: the last finalized one)":
        "dùng bản lưu mới nhất của mỗi phiếu, kể cả bản nháp (mặc định: bản hoàn tất gần nhất)",
    "--out must name a .pdf file, not {path}": "--out phải là tên tệp .pdf, không phải {path}",
    "Wrote {path} ({pages} pages).": "Đã ghi {path} ({pages} trang).",
    # demo (fieldkit/cli/demo.py)
    "fill a new data folder with a demo survey to learn on":
        "tạo một thư mục dữ liệu mới chứa cuộc khảo sát mẫu để làm quen",
    "Fills a new or empty data folder with a small survey of one province, as a coordinator sees it after "
    "importing two laptops' bundles: every commune's forms, a hard and a soft conflict, a duplicate visit. "
    "Open it with fieldkit --data-dir FOLDER.":
        "Tạo trong một thư mục dữ liệu mới hoặc trống một cuộc khảo sát nhỏ của một tỉnh, như điều phối viên thấy "
        "sau khi nhập gói dữ liệu của hai máy: biểu mẫu của mọi xã, một xung đột cứng và một xung đột mềm, "
        "một lượt khảo sát trùng. Mở bằng fieldkit --data-dir THƯ_MỤC.",
    "the folder to fill, missing or empty (default: {folder}, beside the user data folder, so the demo never "
    "mixes with real data and is deleted as a whole)":
        "thư mục cần tạo dữ liệu, chưa có hoặc trống (mặc định: {folder}, bên cạnh thư mục dữ liệu của người "
        "dùng, để dữ liệu mẫu không bao giờ lẫn với dữ liệu thật và xóa được cả thư mục)",
    "{device}: surveying {communes} communes…": "{device}: khảo sát {communes} xã, phường…",
    "  {commune}, {date}: 3 forms finalized": "  {commune}, {date}: đã hoàn tất 3 biểu mẫu",
    "{reviewer} trusts {device} and imports its bundle; both correct the same submissions…":
        "{reviewer} tin cậy {device} và nhập gói dữ liệu của máy đó; cả hai máy cùng sửa một số phiếu…",
    "{device} (this folder): trusting both laptops and importing their {bundles} bundles…":
        "{device} (thư mục này): tin cậy hai máy và nhập {bundles} gói dữ liệu của chúng…",
    "Building a demo survey in {folder}…": "Đang tạo cuộc khảo sát mẫu trong {folder}…",
    "Nothing of the demo was left in {folder}.": "Không để lại gì của dữ liệu mẫu trong {folder}.",
    "The demo could not import the bundle {path}: {reason}": "Không nhập được gói dữ liệu mẫu {path}: {reason}",
    "{folder} is a file, not a folder. Choose a new folder with --data-dir.":
        "{folder} là một tệp, không phải thư mục. Hãy chọn một thư mục mới bằng --data-dir.",
    "{folder} already holds files: the demo only fills a new or empty folder, so that it never mixes with real "
    "data. Choose another folder with --data-dir.":
        "{folder} đã có tệp: dữ liệu mẫu chỉ được tạo trong thư mục mới hoặc trống để không bao giờ lẫn với dữ "
        "liệu thật. Hãy chọn thư mục khác bằng --data-dir.",
    "Done in {seconds} s. The demo data folder {folder} holds:":
        "Xong sau {seconds} giây. Thư mục dữ liệu mẫu {folder} gồm:",
    "  {communes} communes of {province}: {infrastructure} infrastructure, {staffing} staffing and {minutes} "
    "visit-minutes submissions, all finalized":
        "  {communes} xã, phường của {province}: {infrastructure} phiếu hạ tầng, {staffing} phiếu nhân lực và "
        "{minutes} biên bản làm việc, tất cả đã hoàn tất",
    "  conflicts to review: {hard} hard, {soft} soft; possible duplicate visits: {duplicates}":
        "  xung đột cần xem xét: {hard} cứng, {soft} mềm; lượt khảo sát có thể trùng: {duplicates}",
    "  laptops trusted: {devices}": "  máy đã tin cậy: {devices}",
    "Open it with:  fieldkit --data-dir {folder}": "Mở bằng lệnh:  fieldkit --data-dir {folder}",
    "(the Coordinator menu has its conflicts, duplicate visits, devices and summaries)":
        "(trình đơn Điều phối có các xung đột, lượt khảo sát trùng, thiết bị và bản tổng hợp)",
    # --lang, on every command
    "language of the window or of the command (default: the window's last choice, else Vietnamese; "
    "a command takes FIELDKIT_LANG first)":
        "ngôn ngữ của cửa sổ hoặc của lệnh (mặc định: ngôn ngữ chọn lần trước trong cửa sổ, rồi tiếng Việt; "
        "một lệnh xét FIELDKIT_LANG trước)",
    "language of the messages and output (default: FIELDKIT_LANG, else the window's last choice, else Vietnamese)":
        "ngôn ngữ của thông báo và kết quả (mặc định: FIELDKIT_LANG, rồi ngôn ngữ chọn lần trước trong cửa sổ, "
        "rồi tiếng Việt)",
    # --self-test (fieldkit/cli/self_test.py)
    "check, in a temporary data folder, that forms, submissions, bundles, summaries and exports work, then exit "
    "(0: all passed)":
        "kiểm tra trong một thư mục dữ liệu tạm rằng biểu mẫu, phiếu, gói dữ liệu, bản tổng hợp và tệp xuất đều "
        "hoạt động, rồi thoát (0: tất cả đạt)",
    "--self-test runs alone, in temporary folders of its own: it takes no --data-dir and no command":
        "--self-test chạy riêng, trong các thư mục tạm của chính nó: không nhận --data-dir và không nhận lệnh nào",
    "Shipped forms open": "Mở các biểu mẫu kèm theo",
    "A submission is filled, saved and finalized": "Điền, lưu và hoàn tất một phiếu",
    "A bundle is exported and imported into a second data folder, same state digest":
        "Xuất một gói dữ liệu và nhập vào thư mục dữ liệu thứ hai, cùng mã tóm tắt trạng thái",
    "A commune summary PDF holds its Vietnamese text": "Bản tổng hợp của xã dạng PDF chứa đúng chữ tiếng Việt",
    "An XLSX export is written and read back": "Ghi tệp xuất XLSX và đọc lại",
    "The window's code loads, Qt's modules with it": "Mã của cửa sổ nạp được, cùng các mô-đun Qt",
    "{name}: OK ({seconds})": "{name}: ĐẠT ({seconds})",
    "{name}: FAILED: {reason} ({seconds})": "{name}: KHÔNG ĐẠT: {reason} ({seconds})",
    "{seconds} s": "{seconds} giây",
    "Self-test passed: all {total} checks OK ({seconds}).":
        "Tự kiểm tra đạt: cả {total} bước kiểm tra đều ĐẠT ({seconds}).",
    "Self-test FAILED: {failed} of {total} checks failed ({seconds}).":
        "Tự kiểm tra KHÔNG ĐẠT: {failed}/{total} bước kiểm tra không đạt ({seconds}).",
    "Self-test FAILED: {reason}": "Tự kiểm tra KHÔNG ĐẠT: {reason}",
    # conflicts: the answers the versions disagree on
    "  {path}:": "  {path}:",
    "  {label} ({path}):": "  {label} ({path}):",
    "    {rev_id}: {value}": "    {rev_id}: {value}",
    "(no answer)": "(không có câu trả lời)",
    "write choice labels instead of codes (in the language of --lang)":
        "ghi nhãn lựa chọn thay cho mã (theo ngôn ngữ của --lang)",
    # the help and messages of the commands written before the cli package
    "{path}: {status}: {new} new, {present} already present, {pending} pending, {conflicts} conflicts opened":
        "{path}: {status}: {new} mới, {present} đã có, {pending} chờ, {conflicts} xung đột mới",
    "  gap: device {site_id} revisions {first}-{last} have not arrived":
        "  thiếu: máy {site_id} chưa gửi tới các phiên bản {first}-{last}",
    "  clock of device {site_id} is far ahead: not adopted": "  đồng hồ của máy {site_id} chạy quá nhanh: không theo",
    "  reason: {reason}": "  lý do: {reason}",
    "Bundle written: {path} ({count} revisions, id {bundle_id})":
        "Đã ghi gói: {path} ({count} phiên bản, mã {bundle_id})",
    "Public key written to {path}": "Đã ghi khóa công khai vào {path}",
    "Trusted: {fingerprint}": "Đã tin cậy: {fingerprint}",
    "Revoked: {fingerprint}": "Đã thu hồi: {fingerprint}",
    "No conflicts.": "Không có xung đột.",
    "{record_id}: {kind} conflict, {heads} versions, shown: {winner}":
        "{record_id}: xung đột {kind}, {heads} phiên bản, đang hiển thị: {winner}",
    "  fields changed on both sides: {fields}": "  trường bị sửa ở cả hai phía: {fields}",
    "  deleted on one side": "  bị xóa ở một phía",
    "  {rev_id}  {device}  {author}  {hlc}": "  {rev_id}  {device}  {author}  {hlc}",
    "record {record_id}: resolved by revision": "phiếu {record_id}: đã giải quyết bằng phiên bản",
    "{path} is not a fingerprint nor a readable public key file: {error}":
        "{path} không phải dấu vân tay hay tệp khóa công khai đọc được: {error}",
    "write a bundle of what the coordinators have not acknowledged":
        "ghi gói chứa dữ liệu điều phối viên chưa xác nhận",
    "everything this device holds, not only what is new": "toàn bộ dữ liệu máy này có, không chỉ phần mới",
    "encrypt for a coordinator's public key file (repeat for several)":
        "mã hóa cho tệp khóa công khai của điều phối viên (lặp lại cho nhiều người)",
    "import bundles (files or folders)": "nhập gói (tệp hoặc thư mục)",
    "check a bundle without importing it": "kiểm tra gói mà không nhập",
    "bundles: export, import, verify": "gói dữ liệu: xuất, nhập, kiểm tra",
    "this device's keys": "khóa của máy này",
    "show this device's key fingerprint": "hiện dấu vân tay khóa của máy này",
    "write this device's public key file (for trust and encryption)":
        "ghi tệp khóa công khai của máy này (để tin cậy và mã hóa)",
    "trust a device by its fingerprint or its public key file":
        "tin cậy một máy theo dấu vân tay hoặc tệp khóa công khai",
    "revoke trust in a device": "thu hồi tin cậy một máy",
    "list conflicts": "liệt kê xung đột",
    "resolve a conflict with a new revision": "giải quyết xung đột bằng một phiên bản mới",
    "take this version as it is": "lấy nguyên phiên bản này",
    "counts and the state digest": "số lượng và mã tổng trạng thái",
    "  held until device {site_id} is trusted: {count} revisions":
        "  chờ đến khi máy {site_id} được tin cậy: {count} phiên bản",
    "  device {site_id} made two revisions numbered {seq}: kept {kept}, the other ({other}) is kept as evidence":
        "  máy {site_id} tạo hai phiên bản cùng số {seq}: giữ {kept}, phiên bản kia ({other}) được lưu làm bằng chứng",
    "export the submissions (CSV, XLSX, SQLite, GeoJSON, JSON)": "xuất các phiếu (CSV, XLSX, SQLite, GeoJSON, JSON)",
    "the file format": "định dạng tệp",
    "the file to write (for CSV: a new folder, one file per table)":
        "tệp cần ghi (với CSV: một thư mục mới, mỗi bảng một tệp)",
    "only this form (default: every form)": "chỉ biểu mẫu này (mặc định: mọi biểu mẫu)",
    "only this province (its two-digit code)": "chỉ tỉnh/thành phố này (mã hai chữ số)",
    "only submissions last changed on or after this day (YYYY-MM-DD)":
        "chỉ các phiếu sửa lần cuối từ ngày này trở đi (YYYY-MM-DD)",
    "only submissions last changed on or before this day (YYYY-MM-DD)":
        "chỉ các phiếu sửa lần cuối đến hết ngày này (YYYY-MM-DD)",
    "only submissions with this status": "chỉ các phiếu có trạng thái này",
    "  {table}: {count} rows": "  {table}: {count} dòng",
    "  {count} points": "  {count} điểm",
    "{questions} questions, {hidden} hidden fields, {groups} groups, {repeats} repeats, "
    "languages: {languages}, {expressions} expressions":
        "{questions} câu hỏi, {hidden} trường ẩn, {groups} nhóm, {repeats} nhóm lặp, "
        "ngôn ngữ: {languages}, {expressions} biểu thức",
    "ERROR {path}: {error}": "LỖI {path}: {error}",
    "  WARNING: {warning}": "  CẢNH BÁO: {warning}",
    "OK {path}: {form_id} (version {version}): {summary}": "ĐẠT {path}: {form_id} (phiên bản {version}): {summary}",
    "Offline field surveys of communes.": "Khảo sát thực địa cấp xã, không cần mạng.",
    "where fieldkit keeps its data (default: the user data folder; in a portable kit, data/ beside the program)":
        "thư mục dữ liệu của fieldkit (mặc định: thư mục dữ liệu của người dùng; trong bộ chạy từ USB: "
        "thư mục data/ cạnh chương trình)",
    "work with form files": "làm việc với tệp biểu mẫu",
    "open the application window (what fieldkit does with no command)":
        "mở cửa sổ ứng dụng (như khi chạy fieldkit không kèm lệnh)",
    "load forms and report what they hold or what is wrong": "nạp biểu mẫu và báo nội dung hoặc lỗi",
    "cannot read {path}: {error}": "không đọc được {path}: {error}",
    "cannot set an answer: {error}": "không đặt được câu trả lời: {error}",
    "Cannot finalize: {count} answers must be corrected.": "Chưa hoàn tất được: cần sửa {count} câu trả lời.",
    "there is no commune with code {code}": "không có xã/phường nào mã {code}",
    "warning: {commune} already has a submission of this form: {record_id} ({author}, {updated})":
        "cảnh báo: {commune} đã có phiếu của biểu mẫu này: {record_id} ({author}, {updated})",
    "No submissions yet.": "Chưa có phiếu nào.",
    ", {count} conflicts": ", {count} xung đột",
    "--set needs PATH=VALUE, not {pair!r}": "--set cần dạng ĐƯỜNG_DẪN=GIÁ_TRỊ, không phải {pair!r}",
    "record {record_id}: new revision": "phiếu {record_id}: phiên bản mới",
    "save a submission from a JSON file of answers": "lưu một phiếu từ tệp JSON chứa câu trả lời",
    "a form file, or the id of a form already added": "tệp biểu mẫu, hoặc mã của biểu mẫu đã thêm",
    "a JSON object of answers keyed by instance path, e.g. /data/total_staff":
        "đối tượng JSON gồm câu trả lời theo đường dẫn trường, ví dụ /data/total_staff",
    "finalize (refused, with the errors listed, if any answer is wrong)":
        "hoàn tất (bị từ chối và liệt kê lỗi nếu có câu trả lời sai)",
    "list the submissions": "liệt kê các phiếu",
    "print JSON": "in ra JSON",
    "change answers of a submission (a new revision)": "sửa câu trả lời của một phiếu (tạo phiên bản mới)",
    "an answer to change; repeat for several": "một câu trả lời cần sửa; lặp lại cho nhiều câu",
    ("CSV: write text as stored, without the quote that stops a spreadsheet from running text starting with "
     "= + - @ as a formula (for data pipelines)"):
        ("CSV: ghi văn bản đúng như đã lưu, không thêm dấu nháy đơn vốn ngăn bảng tính chạy văn bản bắt đầu "
         "bằng = + - @ như một công thức (cho các quy trình xử lý dữ liệu)"),
    "Exported {count} submissions to {path}": "Đã xuất {count} phiếu vào {path}",
    "This device: {name}\nKey fingerprint:\n{fingerprint}":
        "Máy này: {name}\nDấu vân tay khóa:\n{fingerprint}",
    # keys name: a device's own name instead of the host's
    "name this device (shown beside its fingerprint and in its bundles)":
        "đặt tên cho máy này (hiện bên cạnh dấu vân tay và trong các gói dữ liệu)",
    'e.g. "Laptop 3 — Đoàn 5"': 'ví dụ "Laptop 3 — Đoàn 5"',
    '(named after the host: give it a name of its own with fieldkit keys name "Laptop 3 — Đoàn 5")':
        '(đang dùng tên hệ thống của máy: đặt tên riêng bằng fieldkit keys name "Laptop 3 — Đoàn 5")',
    "A device name needs at least one letter or digit.": "Tên máy cần có ít nhất một chữ cái hoặc chữ số.",
    "This device is now named {name}. Its next bundles carry the name; its key and fingerprint stay the same.":
        "Máy này nay mang tên {name}. Các gói tiếp theo mang tên này; khóa và dấu vân tay vẫn giữ nguyên.",
    "The window cannot open: Qt's X11 (xcb) platform needs system libraries that this computer lacks: "
    "{libraries}. Install them, then start fieldkit again:\n  {command}":
        "Không mở được cửa sổ: nền tảng X11 (xcb) của Qt cần các thư viện hệ thống mà máy này chưa có: "
        "{libraries}. Hãy cài đặt rồi khởi động lại fieldkit:\n  {command}",
    # network sync: drop boxes (fieldkit/cli/network.py)
    "the drop boxes this device syncs with": "các hộp thư đồng bộ máy này đồng bộ cùng",
    "add a drop box (or change one): a WebDAV address or a folder":
        "thêm một hộp thư đồng bộ (hoặc sửa): địa chỉ WebDAV hoặc một thư mục",
    "list the drop boxes (never their passwords)": "liệt kê các hộp thư đồng bộ (không bao giờ hiện mật khẩu)",
    "forget a drop box, what was noted of it and its password":
        "bỏ một hộp thư đồng bộ, những gì đã ghi nhận về nó và mật khẩu của nó",
    "sync with the drop boxes: send what is new, receive and import, read receipts":
        "đồng bộ với các hộp thư đồng bộ: gửi dữ liệu mới, nhận và nhập, đọc biên nhận",
    "a short name: letters without accents, digits, - and _": "tên ngắn: chữ cái không dấu, chữ số, - và _",
    "https://server/folder of a WebDAV server, or a folder's full path":
        "https://máy-chủ/thư-mục của máy chủ WebDAV, hoặc đường dẫn đầy đủ của một thư mục",
    "the user name on the server (the password goes to the system keyring)":
        "tên người dùng trên máy chủ (mật khẩu được cất vào kho khóa của hệ thống)",
    "the SHA-256 fingerprint of the server's own certificate (https:// only)":
        "dấu vân tay SHA-256 của chứng chỉ riêng của máy chủ (chỉ với https://)",
    "read the password from standard input instead of asking for it": "đọc mật khẩu từ đầu vào chuẩn thay vì hỏi",
    "only this drop box; repeat for several (default: every one)":
        "chỉ hộp thư đồng bộ này; lặp lại cho nhiều hộp (mặc định: tất cả)",
    "keep syncing: again every few minutes, later after a failure; Ctrl+C stops":
        "đồng bộ liên tục: vài phút một lần, lâu hơn sau khi lỗi; Ctrl+C để dừng",
    "Drop box {name} added: {url}": "Đã thêm hộp thư đồng bộ {name}: {url}",
    "Password of {user} (empty: ask at each sync): ": "Mật khẩu của {user} (để trống: hỏi mỗi lần đồng bộ): ",
    "no system keyring (asked at each sync)": "không có kho khóa hệ thống (hỏi mỗi lần đồng bộ)",
    "kept in the system keyring": "đã cất trong kho khóa hệ thống",
    "not kept (asked at each sync)": "chưa cất (hỏi mỗi lần đồng bộ)",
    "  user {user}; password: {password}": "  người dùng {user}; mật khẩu: {password}",
    "  certificate pinned: SHA-256 {pin}": "  chứng chỉ đã ghim: SHA-256 {pin}",
    "--password-stdin needs --user: whose password is it?": "--password-stdin cần --user: mật khẩu này của ai?",
    "No drop box yet. Add one with: fieldkit remote add NAME URL":
        "Chưa có hộp thư đồng bộ nào. Thêm bằng: fieldkit remote add TÊN ĐỊA_CHỈ",
    "folder": "thư mục",
    "Drop box {name} forgotten, with its password and what was noted of it; nothing in it was deleted.":
        "Đã bỏ hộp thư đồng bộ {name}, cùng mật khẩu và những gì đã ghi nhận về nó; không xóa gì trong hộp.",
    "No drop box is configured. Add one with: fieldkit remote add NAME URL (a WebDAV address such as "
    "https://server/folder, or a folder's full path)":
        "Chưa cấu hình hộp thư đồng bộ nào. Thêm bằng: fieldkit remote add TÊN ĐỊA_CHỈ (địa chỉ WebDAV như "
        "https://máy-chủ/thư-mục, hoặc đường dẫn đầy đủ của một thư mục)",
    "Password of {user} for the drop box {name}: ": "Mật khẩu của {user} cho hộp thư đồng bộ {name}: ",
    "{remote}: sent {bundles} bundles ({revisions} revisions); received {received} bundles ({new} new "
    "revisions); receipts read: {receipts}":
        "{remote}: đã gửi {bundles} gói ({revisions} phiên bản); đã nhận {received} gói ({new} phiên bản mới); "
        "biên nhận đã đọc: {receipts}",
    "  received by {device} (as of {created})": "  {device} đã nhận (tính đến {created})",
    "  the receipt of device {site_id} was skipped: {why}": "  bỏ qua biên nhận của máy {site_id}: {why}",
    "{remote}: sync failed: {error}": "{remote}: đồng bộ không thành công: {error}",
    "Next sync in {minutes} min (Ctrl+C stops).": "Lần đồng bộ tiếp theo sau {minutes} phút (Ctrl+C để dừng).",
    "Stopped.": "Đã dừng.",
}
