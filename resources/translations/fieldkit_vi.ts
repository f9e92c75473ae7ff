<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>CommuneForms</name>
    <message>
        <location filename="../../fieldkit/ui/commune_forms.py" line="+146"/>
        <source>Pick a commune to see its forms.</source>
        <translation>Chọn một xã, phường để xem các biểu mẫu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forms of {commune}, {province}</source>
        <translation>Biểu mẫu của {commune}, {province}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New submission</source>
        <translation>P&amp;hiếu mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start another submission of this form for this commune</source>
        <translation>Lập thêm một phiếu của biểu mẫu này cho xã, phường này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print summary…</source>
        <translation>&amp;In biên bản…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The working-visit record of this commune: preview, print, save as PDF</source>
        <translation>Biên bản làm việc của xã, phường này: xem trước, in, lưu thành PDF</translation>
    </message>
</context>
<context>
    <name>CommuneFormsModel</name>
    <message>
        <location line="-108"/>
        <source>Form</source>
        <translation>Biểu mẫu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Finalized · being edited</source>
        <translation>Đã hoàn tất · đang sửa</translation>
    </message>
    <message>
        <source>received</source>
        <translation>đã nhận</translation>
    </message>
    <message>
        <source>not received yet</source>
        <translation>chưa nhận</translation>
    </message>
</context>
<context>
    <name>CommunePicker</name>
    <message>
        <location filename="../../fieldkit/ui/commune_picker.py" line="+182"/>
        <location line="+41"/>
        <source>All provinces</source>
        <translation>Tất cả tỉnh, thành phố</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>{shown} of {total} communes</source>
        <translation>{shown} trên {total} xã, phường</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Commune</source>
        <translation>Xã, phường</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type a commune name, with or without accents ({shortcut})</source>
        <translation>Gõ tên xã, phường, có dấu hoặc không dấu ({shortcut})</translation>
    </message>
    <message>
        <source>None in {province}; {count} in other provinces: press Enter to see them.</source>
        <translation>Không có trong {province}; {count} xã, phường ở tỉnh khác: bấm Enter để xem.</translation>
    </message>
    <message>
        <source>&amp;Search all provinces</source>
        <translation>&amp;Tìm ở mọi tỉnh, thành phố</translation>
    </message>
</context>
<context>
    <name>ConflictListModel</name>
    <message>
        <location filename="../../fieldkit/ui/coordinator/conflicts.py" line="+30"/>
        <source>Commune</source>
        <translation>Xã, phường</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Form</source>
        <translation>Biểu mẫu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Versions</source>
        <translation>Số phiên bản</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed on both sides</source>
        <translation>Bị sửa ở cả hai phía</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>hard</source>
        <translation>cứng</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>soft</source>
        <translation>mềm</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> (deleted on one side)</source>
        <translation> (bị xóa ở một phía)</translation>
    </message>
</context>
<context>
    <name>ConflictPanel</name>
    <message>
        <location line="+138"/>
        <source>Could not read the conflicts.</source>
        <translation>Không đọc được danh sách xung đột.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No conflicts: every record has one current version.</source>
        <translation>Không có xung đột: mỗi phiếu chỉ có một phiên bản hiện hành.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} records in conflict</source>
        <translation>{count} phiếu đang xung đột</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Version {number}: {device}</source>
        <translation>Phiên bản {number}: {device}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Left</source>
        <translation>Bên trái</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right</source>
        <translation>Bên phải</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{side}: {author}, {time}, device {device}</source>
        <translation>{side}: {author}, {time}, máy {device}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>shown now</source>
        <translation>đang hiển thị</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DELETED</source>
        <translation>ĐÃ XÓA</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Could not resolve the conflict.</source>
        <translation>Không giải quyết được xung đột.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Take &amp;left</source>
        <translation>Lấy bên &amp;trái</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Take &amp;right</source>
        <translation>Lấy bên p&amp;hải</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All from left</source>
        <translation>Tất cả bên trái</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All from right</source>
        <translation>Tất cả bên phải</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;solve</source>
        <translation>&amp;Giải quyết</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the Result column as the record&apos;s new version</source>
        <translation>Lưu cột Kết quả làm phiên bản mới của phiếu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only fields that differ</source>
        <translation>Chỉ các trường khác nhau</translation>
    </message>
    <message>
        <source>Resolve the conflict</source>
        <translation>Giải quyết xung đột</translation>
    </message>
    <message>
        <source>Save the Result column as the new version of “{form}” for {commune}?</source>
        <translation>Lưu cột Kết quả làm phiên bản mới của “{form}” cho {commune}?</translation>
    </message>
    <message>
        <source>The versions in conflict stay in the record&apos;s history, but this cannot be undone here: to change an answer afterwards, edit the record.</source>
        <translation>Các phiên bản xung đột vẫn nằm trong lịch sử của phiếu, nhưng thao tác này không thể hoàn tác tại đây: muốn đổi một câu trả lời sau đó, hãy sửa phiếu.</translation>
    </message>
    <message>
        <source>&amp;Resolve</source>
        <translation>&amp;Giải quyết</translation>
    </message>
    <message>
        <source>Resolved: “{form}” for {commune} has one version again. The versions in conflict stay in its history; there is no undo.</source>
        <translation>Đã giải quyết: “{form}” cho {commune} chỉ còn một phiên bản. Các phiên bản xung đột vẫn nằm trong lịch sử của phiếu; không thể hoàn tác.</translation>
    </message>
    <message>
        <source>{count} record in conflict</source>
        <translation>{count} phiếu đang xung đột</translation>
    </message>
    <message>
        <source>Conflict resolved: {commune}.</source>
        <translation>Đã giải quyết xung đột: {commune}.</translation>
    </message>
</context>
<context>
    <name>CoordinatorPage</name>
    <message>
        <location filename="../../fieldkit/ui/coordinator/__init__.py" line="+98"/>
        <source>{count} new conflicts to review</source>
        <translation>{count} xung đột mới cần xem xét</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Conflicts</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duplicate visits</source>
        <translation>Trùng lượt khảo sát</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Devices</source>
        <translation>Thiết bị</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summaries</source>
        <translation>Tổng hợp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import bundles…</source>
        <translation>&amp;Nhập gói dữ liệu…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Conflicts</source>
        <translation>&amp;Xung đột</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Duplicate visits</source>
        <translation>&amp;Trùng lượt khảo sát</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Trusted devices</source>
        <translation>Thiết &amp;bị tin cậy</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Summaries and printing…</source>
        <translation>Tổng hợp và &amp;in…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Export data…</source>
        <translation>Xuất &amp;dữ liệu…</translation>
    </message>
    <message>
        <source>This device&apos;s &amp;name…</source>
        <translation>Tên &amp;máy này…</translation>
    </message>
    <message>
        <source>{count} new conflict to review</source>
        <translation>{count} xung đột mới cần xem xét</translation>
    </message>
</context>
<context>
    <name>DeviceNameDialog</name>
    <message>
        <source>Name of this device</source>
        <translation>Tên của máy này</translation>
    </message>
    <message>
        <source>Give this laptop a name of its own, e.g. “Laptop 3 — Đoàn 5”. The coordinator sees it beside the key fingerprint and on every bundle this laptop sends.</source>
        <translation>Hãy đặt cho máy này một tên riêng, ví dụ “Laptop 3 — Đoàn 5”. Điều phối viên thấy tên này bên cạnh dấu vân tay khóa và trên mọi gói dữ liệu máy này gửi đi.</translation>
    </message>
    <message>
        <source>It is named after the computer for now, as other laptops may be.</source>
        <translation>Hiện máy đang mang tên hệ thống, có thể trùng với các máy khác.</translation>
    </message>
    <message>
        <source>Device &amp;name:</source>
        <translation>&amp;Tên máy:</translation>
    </message>
    <message>
        <source>e.g. Laptop 3 — Đoàn 5</source>
        <translation>ví dụ: Laptop 3 — Đoàn 5</translation>
    </message>
    <message>
        <source>This device is now named {name}; its next bundles carry the name.</source>
        <translation>Máy này nay mang tên {name}; các gói dữ liệu tiếp theo mang tên này.</translation>
    </message>
    <message>
        <source>Could not save the device name.</source>
        <translation>Không lưu được tên máy.</translation>
    </message>
</context>
<context>
    <name>DevicesModel</name>
    <message>
        <location filename="../../fieldkit/ui/coordinator/devices.py" line="+45"/>
        <source>Device</source>
        <translation>Máy</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fingerprint</source>
        <translation>Dấu vân tay</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bundles in quarantine</source>
        <translation>Gói đang cách ly</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First seen</source>
        <translation>Lần đầu thấy</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>this device</source>
        <translation>máy này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trusted</source>
        <translation>đã tin cậy</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>revoked</source>
        <translation>đã thu hồi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not trusted yet</source>
        <translation>chưa được tin cậy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clock far ahead</source>
        <translation>đồng hồ chạy quá nhanh</translation>
    </message>
</context>
<context>
    <name>DevicesPanel</name>
    <message>
        <location line="+78"/>
        <source>Could not read the devices.</source>
        <translation>Không đọc được danh sách thiết bị.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This device: {name}</source>
        <translation>Máy này: {name}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Quarantine: empty.</source>
        <translation>Khu cách ly: trống.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quarantine: {bundles}, {size} of {quota} (the oldest are removed first when it is full), from:</source>
        <translation>Khu cách ly: {bundles}, {size} trên {quota} (khi đầy, gói cũ nhất bị xóa trước), từ:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{fingerprint} ({name}): {bundles}, {size}</source>
        <translation>{fingerprint} ({name}): {bundles}, {size}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A fingerprint is 64 digits and letters a–f (spaces are fine).</source>
        <translation>Dấu vân tay gồm 64 chữ số và chữ cái a–f (có thể có dấu cách).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Public key file of the device to trust</source>
        <translation>Tệp khóa công khai của máy cần tin cậy</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Trusted {fingerprint}. Waiting bundles imported: {count}.</source>
        <translation>Đã tin cậy {fingerprint}. Số gói đang chờ đã nhập: {count}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That file is not a fieldkit public key file.</source>
        <translation>Tệp đó không phải tệp khóa công khai của fieldkit.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not trust the device.</source>
        <translation>Không tin cậy được máy này.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save this device&apos;s public key</source>
        <translation>Lưu khóa công khai của máy này</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Public key saved to {path}</source>
        <translation>Đã lưu khóa công khai vào {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not save the public key.</source>
        <translation>Không lưu được khóa công khai.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Revoke trust</source>
        <translation>Thu hồi tin cậy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop accepting bundles from {name}?

{fingerprint}

What it already sent is kept.</source>
        <translation>Ngừng nhận gói dữ liệu từ {name}?

{fingerprint}

Dữ liệu máy này đã gửi vẫn được giữ.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Trust revoked.</source>
        <translation>Đã thu hồi tin cậy.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not revoke the device.</source>
        <translation>Không thu hồi được tin cậy máy này.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This device&apos;s key fingerprint: compare it on both screens</source>
        <translation>Dấu vân tay khóa của máy này: đối chiếu trên cả hai màn hình</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save public key &amp;file…</source>
        <translation>Lưu tệp khóa &amp;công khai…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust a device</source>
        <translation>Tin cậy một máy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the fingerprint shown on the other laptop</source>
        <translation>Gõ dấu vân tay hiện trên máy kia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Trust</source>
        <translation>&amp;Tin cậy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From a public &amp;key file…</source>
        <translation>Từ tệp khóa công &amp;khai…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Revoke trust…</source>
        <translation>Thu &amp;hồi tin cậy…</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>Đổ&amp;i tên…</translation>
    </message>
    <message>
        <source>(named after the computer: give it a name of its own)</source>
        <translation>(đang mang tên hệ thống của máy: hãy đặt tên riêng)</translation>
    </message>
    <message>
        <source>{count} bundle</source>
        <translation>{count} gói</translation>
    </message>
    <message>
        <source>{count} bundles</source>
        <translation>{count} gói</translation>
    </message>
</context>
<context>
    <name>DuplicatesModel</name>
    <message>
        <location filename="../../fieldkit/ui/coordinator/duplicates.py" line="+38"/>
        <source>Group</source>
        <translation>Nhóm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Commune</source>
        <translation>Xã, phường</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Form</source>
        <translation>Biểu mẫu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Author</source>
        <translation>Người nhập</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Updated</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record</source>
        <translation>Phiếu</translation>
    </message>
</context>
<context>
    <name>DuplicatesPanel</name>
    <message>
        <location line="+48"/>
        <source>Could not read the records.</source>
        <translation>Không đọc được các phiếu.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} groups of possible duplicate visits (same commune and form)</source>
        <translation>{count} nhóm có thể trùng lượt khảo sát (cùng xã, phường và biểu mẫu)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No possible duplicate visits to review.</source>
        <translation>Không có lượt khảo sát nào có thể trùng cần xem xét.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Could not save the review.</source>
        <translation>Không lưu được kết quả xem xét.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Keep both</source>
        <translation>&amp;Giữ cả hai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Different visits: keep every record of this group</source>
        <translation>Các lượt khảo sát khác nhau: giữ mọi phiếu của nhóm này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mark selected as duplicate</source>
        <translation>Đánh &amp;dấu phiếu đã chọn là trùng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>of:</source>
        <translation>của:</translation>
    </message>
    <message>
        <source>1 group of possible duplicate visits (same commune and form)</source>
        <translation>1 nhóm lượt khảo sát có thể trùng (cùng xã và biểu mẫu)</translation>
    </message>
    <message>
        <source>Keep both visits</source>
        <translation>Giữ cả hai lượt khảo sát</translation>
    </message>
    <message>
        <source>Keep the {count} visits of “{form}” to {commune} as separate visits?</source>
        <translation>Giữ {count} lượt khảo sát “{form}” tại {commune} là các lượt riêng biệt?</translation>
    </message>
    <message>
        <source>They leave this list and all count in the summaries; nothing is deleted. You can undo this right after.</source>
        <translation>Các lượt này rời khỏi danh sách và đều được tính trong bản tổng hợp; không có gì bị xóa. Có thể hoàn tác ngay sau đó.</translation>
    </message>
    <message>
        <source>&amp;Keep them</source>
        <translation>&amp;Giữ lại</translation>
    </message>
    <message>
        <source>Kept the {count} visits of “{form}” to {commune} as separate visits.</source>
        <translation>Đã giữ {count} lượt khảo sát “{form}” tại {commune} là các lượt riêng biệt.</translation>
    </message>
    <message>
        <source>Mark as duplicate</source>
        <translation>Đánh dấu là bản trùng</translation>
    </message>
    <message>
        <source>Mark the visit by {visit} to {commune} as a duplicate of the visit by {original}?</source>
        <translation>Đánh dấu lượt khảo sát của {visit} tại {commune} là bản trùng của lượt khảo sát của {original}?</translation>
    </message>
    <message>
        <source>The duplicate is kept, but left out of summaries and exports. You can undo this right after.</source>
        <translation>Bản trùng vẫn được lưu, nhưng không được tính trong bản tổng hợp và dữ liệu xuất. Có thể hoàn tác ngay sau đó.</translation>
    </message>
    <message>
        <source>&amp;Mark as duplicate</source>
        <translation>Đánh &amp;dấu là bản trùng</translation>
    </message>
    <message>
        <source>Marked the visit by {visit} to {commune} as a duplicate: it is left out of summaries and exports.</source>
        <translation>Đã đánh dấu lượt khảo sát của {visit} tại {commune} là bản trùng: lượt này không được tính trong bản tổng hợp và dữ liệu xuất.</translation>
    </message>
    <message>
        <source>Undone: the visits of “{form}” to {commune} are to review again.</source>
        <translation>Đã hoàn tác: các lượt khảo sát “{form}” tại {commune} lại chờ xem xét.</translation>
    </message>
    <message>
        <source>Could not undo the review.</source>
        <translation>Không hoàn tác được việc xem xét.</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>{author} ({time}, record {record})</source>
        <translation>{author} ({time}, phiếu {record})</translation>
    </message>
    <message>
        <source>Review saved: {commune}.</source>
        <translation>Đã lưu việc xem xét: {commune}.</translation>
    </message>
    <message>
        <source>Review undone: {commune}.</source>
        <translation>Đã hoàn tác việc xem xét: {commune}.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../fieldkit/ui/app.py" line="+70"/>
        <source>A change could not be stored.</source>
        <translation>Không lưu được thay đổi.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/errors.py" line="+67"/>
        <source>fieldkit: problem with the data</source>
        <translation>fieldkit: sự cố với dữ liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing has been lost: what you entered is still open. Fix the problem, then try again.</source>
        <translation>Không có gì bị mất: những gì bạn đã nhập vẫn đang mở. Hãy khắc phục sự cố rồi thử lại.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>(no log file: the data folder is not writable)</source>
        <translation>(không có tệp nhật ký: không ghi được vào thư mục dữ liệu)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>fieldkit: unexpected error</source>
        <translation>fieldkit: lỗi ngoài dự kiến</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something unexpected went wrong. Your answers are saved as you type, so nothing should be lost; fieldkit keeps running.</source>
        <translation>Đã xảy ra lỗi ngoài dự kiến. Câu trả lời được lưu ngay khi bạn gõ nên không bị mất; fieldkit vẫn tiếp tục chạy.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please send this file to the team that supports fieldkit:</source>
        <translation>Vui lòng gửi tệp này cho nhóm hỗ trợ fieldkit:</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../fieldkit/ui/reports/export_dialog.py" line="+124"/>
        <source>All forms</source>
        <translation>Tất cả biểu mẫu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All provinces</source>
        <translation>Tất cả tỉnh, thành phố</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not read the provinces and forms.</source>
        <translation>Không đọc được danh sách tỉnh, thành phố và biểu mẫu.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A new folder for the CSV files (*)</source>
        <translation>Một thư mục mới cho các tệp CSV (*)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export to</source>
        <translation>Xuất vào</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Choose where to write the export.</source>
        <translation>Hãy chọn nơi ghi dữ liệu xuất.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exporting…</source>
        <translation>Đang xuất…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Exported {count} submissions to {path}</source>
        <translation>Đã xuất {count} phiếu vào {path}</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+1"/>
        <source>The export stopped.</source>
        <translation>Việc xuất dữ liệu đã dừng.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Export data</source>
        <translation>Xuất dữ liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Sổ tính Excel (.xlsx)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files in a folder</source>
        <translation>Các tệp CSV trong một thư mục</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SQLite database</source>
        <translation>Cơ sở dữ liệu SQLite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GeoJSON (map points)</source>
        <translation>GeoJSON (điểm trên bản đồ)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Format:</source>
        <translation>Định dạng:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Form:</source>
        <translation>Biểu mẫu:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Province:</source>
        <translation>Tỉnh, thành phố:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last changed:</source>
        <translation>Sửa lần cuối:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status:</source>
        <translation>Trạng thái:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Write to:</source>
        <translation>Ghi vào:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>from</source>
        <translation>từ ngày</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>đến ngày</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choice labels instead of codes</source>
        <translation>Ghi nhãn lựa chọn thay cho mã</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Choose…</source>
        <translation>&amp;Chọn…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export</source>
        <translation>&amp;Xuất</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any status</source>
        <translation>Mọi trạng thái</translation>
    </message>
</context>
<context>
    <name>FieldsModel</name>
    <message>
        <location filename="../../fieldkit/ui/coordinator/conflicts.py" line="-221"/>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Left</source>
        <translation>Bên trái</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Right</source>
        <translation>Bên phải</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Changed on both sides since their common version: choose.</source>
        <translation>Bị sửa ở cả hai phía kể từ phiên bản chung: hãy chọn.</translation>
    </message>
</context>
<context>
    <name>FormController</name>
    <message>
        <location filename="../../fieldkit/ui/form_controller.py" line="+99"/>
        <source>Possible duplicate visit</source>
        <translation>Có thể trùng lượt khảo sát</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{commune} already has {count} submission(s) of “{form}”. Start another one anyway?</source>
        <translation>{commune} đã có {count} phiếu “{form}”. Vẫn lập thêm một phiếu mới?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Opening the form…</source>
        <translation>Đang mở biểu mẫu…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not open the form.</source>
        <translation>Không mở được biểu mẫu.</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+74"/>
        <source>This submission is finalized. Changes are saved as a new revision; the finalized one is kept.</source>
        <translation>Phiếu này đã hoàn tất. Mọi thay đổi được lưu thành một phiên bản mới; phiên bản đã hoàn tất vẫn được giữ.</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Possible duplicate visit: {commune} already has {count} other submission(s) of this form ({others}).</source>
        <translation>Có thể trùng lượt khảo sát: {commune} đã có {count} phiếu khác của biểu mẫu này ({others}).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Answers kept at {time}</source>
        <translation>Đã lưu tạm câu trả lời lúc {time}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your answers could not be written to the disk. They are still here: do not close fieldkit; fix the problem, then press Save.</source>
        <translation>Không ghi được câu trả lời xuống ổ đĩa. Câu trả lời vẫn còn ở đây: đừng đóng fieldkit; hãy khắc phục sự cố rồi bấm Lưu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your last answers could not be kept on the disk.</source>
        <translation>Không lưu được những câu trả lời vừa nhập xuống ổ đĩa.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Finalized at {time}.</source>
        <translation>Đã hoàn tất lúc {time}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved at {time}.</source>
        <translation>Đã lưu lúc {time}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not finalize.</source>
        <translation>Không hoàn tất được.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not save.</source>
        <translation>Không lưu được.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{count} answers must be corrected before finalizing.</source>
        <translation>Cần sửa {count} câu trả lời trước khi hoàn tất.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not read the data.</source>
        <translation>Không đọc được dữ liệu.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The form was closed; its unsaved answers are kept and can be resumed.</source>
        <translation>Đã đóng biểu mẫu; các câu trả lời chưa lưu vẫn được giữ và có thể tiếp tục nhập sau.</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <location filename="../../fieldkit/ui/form_page.py" line="+112"/>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a revision (Ctrl+S). Answers are also kept as you type.</source>
        <translation>Lưu một phiên bản (Ctrl+S). Câu trả lời cũng được lưu tạm ngay khi bạn gõ.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Finalize</source>
        <translation>&amp;Hoàn tất</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark the submission complete; only possible with no errors</source>
        <translation>Đánh dấu phiếu đã hoàn tất; chỉ làm được khi không còn lỗi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close form</source>
        <translation>Đóng &amp;biểu mẫu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show them</source>
        <translation>Xem các phiếu đó</translation>
    </message>
</context>
<context>
    <name>FormView</name>
    <message>
        <location filename="../../fieldkit/ui/form_view/repeat.py" line="+33"/>
        <location line="+17"/>
        <source>Duplicate</source>
        <translation>Nhân bản</translation>
    </message>
    <message>
        <location line="-15"/>
        <location line="+16"/>
        <location line="+100"/>
        <location filename="../../fieldkit/ui/form_view/widgets/attachment.py" line="+46"/>
        <source>Remove</source>
        <translation>Xoá</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Item</source>
        <translation>Mục</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Add: {title}</source>
        <translation>Thêm: {title}</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Remove “{title}” and its answers?</source>
        <translation>Xoá “{title}” cùng các câu trả lời của mục này?</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/form_view/view.py" line="+124"/>
        <source>Form language:</source>
        <translation>Ngôn ngữ biểu mẫu:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>‹ Previous</source>
        <translation>‹ Trang trước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous page (Page Up)</source>
        <translation>Trang trước (Page Up)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next ›</source>
        <translation>Trang sau ›</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next page (Page Down)</source>
        <translation>Trang sau (Page Down)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finalize…</source>
        <translation>Hoàn tất…</translation>
    </message>
    <message>
        <location line="+179"/>
        <source>{answered} / {required} required answered</source>
        <translation>Đã trả lời {answered} / {required} câu bắt buộc</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>{count} answers to fix before finalizing:</source>
        <translation>Cần sửa {count} câu trả lời trước khi hoàn tất:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing left to fix.</source>
        <translation>Không còn gì cần sửa.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/form_view/widgets/attachment.py" line="-21"/>
        <source>Images ({patterns})</source>
        <translation>Hình ảnh ({patterns})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sound files (*.mp3 *.m4a *.ogg *.wav *.amr *.aac)</source>
        <translation>Tệp âm thanh (*.mp3 *.m4a *.ogg *.wav *.amr *.aac)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Videos (*.mp4 *.mov *.3gp *.webm *.mkv *.avi)</source>
        <translation>Video (*.mp4 *.mov *.3gp *.webm *.mkv *.avi)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files (*)</source>
        <translation>Tất cả các tệp (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>or drop a file here</source>
        <translation>hoặc kéo thả tệp vào đây</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose a file</source>
        <translation>Chọn một tệp</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not attach the file: {error}</source>
        <translation>Không đính kèm được tệp: {error}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No file yet</source>
        <translation>Chưa có tệp</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/form_view/widgets/base.py" line="+43"/>
        <source>Clear</source>
        <translation>Xoá trắng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove this answer</source>
        <translation>Xoá câu trả lời này</translation>
    </message>
    <message>
        <location line="+125"/>
        <source> (required)</source>
        <translation> (bắt buộc)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/form_view/widgets/geo.py" line="+49"/>
        <source>Latitude</source>
        <translation>Vĩ độ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Longitude</source>
        <translation>Kinh độ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Altitude (m)</source>
        <translation>Độ cao (m)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Accuracy (m)</source>
        <translation>Độ chính xác (m)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type or paste coordinates, e.g. 21.0285, 105.8542</source>
        <translation>Gõ hoặc dán toạ độ, ví dụ 21.0285, 105.8542</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>21.0285 105.8542; 21.0290 105.8550; …</source>
        <translation>21.0285 105.8542; 21.0290 105.8550; …</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/form_view/widgets/misc.py" line="+33"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location line="+50"/>
        <location filename="../../fieldkit/ui/form_view/widgets/search.py" line="+168"/>
        <source>Not answered yet</source>
        <translation>Chưa trả lời</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Move up</source>
        <translation>Chuyển lên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation>Chuyển xuống</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep this order</source>
        <translation>Giữ thứ tự này</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/form_view/widgets/search.py" line="-100"/>
        <source>Type to search</source>
        <translation>Gõ để tìm</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>No choices yet: answer the questions above first.</source>
        <translation>Chưa có lựa chọn: hãy trả lời các câu hỏi phía trên trước.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{total} choices</source>
        <translation>{total} lựa chọn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{shown} of {total} choices</source>
        <translation>{shown} trên {total} lựa chọn</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Answer: {answer}</source>
        <translation>Câu trả lời: {answer}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/form_view/widgets/select.py" line="+145"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Enter: add a row · Tab: go on · Page Down: next page</source>
        <translation>Enter: thêm một dòng · Tab: đi tiếp · Page Down: trang sau</translation>
    </message>
    <message>
        <source>Only digits can be typed here, with a minus sign in front if needed.</source>
        <translation>Ô này chỉ nhận chữ số, có thể có dấu trừ ở đầu.</translation>
    </message>
    <message>
        <source>Only a number can be typed here: digits, one decimal comma or point, a minus sign in front if needed; for example 2,5 or 2.5.</source>
        <translation>Ô này chỉ nhận số: chữ số, một dấu phẩy (hoặc dấu chấm) thập phân, có thể có dấu trừ ở đầu; ví dụ 2,5 hoặc 2.5.</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <location filename="../../fieldkit/ui/coordinator/import_panel.py" line="+162"/>
        <source>fieldkit bundles (*.fkb)</source>
        <translation>Gói dữ liệu fieldkit (*.fkb)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import bundles</source>
        <translation>Nhập gói dữ liệu</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+61"/>
        <source>No removable drive found</source>
        <translation>Không thấy ổ đĩa rời nào</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bundle {number} of {count}: {file}</source>
        <translation>Gói {number}/{count}: {file}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No bundle (*.fkb) was found there.</source>
        <translation>Không tìm thấy gói dữ liệu (*.fkb) nào ở đó.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{bundles}: {imported} imported, {present} already present, {quarantined} quarantined, {rejected} rejected or failed.</source>
        <translation>{bundles}: {imported} đã nhập, {present} đã có sẵn, {quarantined} bị cách ly, {rejected} bị từ chối hoặc thất bại.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+1"/>
        <source>The import stopped.</source>
        <translation>Việc nhập đã dừng.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose &amp;files…</source>
        <translation>Chọn &amp;tệp…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a f&amp;older…</source>
        <translation>Chọn thư &amp;mục…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import from &amp;drive</source>
        <translation>Nhập từ ổ đĩa &amp;rời</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Look for drives again</source>
        <translation>Tìm lại ổ đĩa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>USB sticks and other removable drives plugged into this computer</source>
        <translation>USB và các ổ đĩa rời khác đang cắm vào máy này</translation>
    </message>
    <message>
        <source>{count} bundle</source>
        <translation>{count} gói</translation>
    </message>
    <message>
        <source>{count} bundles</source>
        <translation>{count} gói</translation>
    </message>
</context>
<context>
    <name>ImportResults</name>
    <message>
        <location line="-158"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Already present</source>
        <translation>Đã có</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pending</source>
        <translation>Chờ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflicts opened</source>
        <translation>Xung đột mới</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>imported</source>
        <translation>đã nhập</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>already present</source>
        <translation>đã có sẵn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>quarantined (device not trusted yet)</source>
        <translation>cách ly (máy chưa được tin cậy)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>rejected</source>
        <translation>bị từ chối</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed: import it again</source>
        <translation>thất bại: hãy nhập lại</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../fieldkit/ui/main_window.py" line="+141"/>
        <source>Opening the data in {folder}…</source>
        <translation>Đang mở dữ liệu trong {folder}…</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <source>The data could not be opened.</source>
        <translation>Không mở được dữ liệu.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Could not save the visit.</source>
        <translation>Không lưu được thông tin chuyến công tác.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{delegation} — at the keyboard: {person}</source>
        <translation>{delegation} — người nhập liệu: {person}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The unsaved answers were discarded.</source>
        <translation>Đã bỏ các câu trả lời chưa lưu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not discard the answers.</source>
        <translation>Không bỏ được các câu trả lời.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not read the data.</source>
        <translation>Không đọc được dữ liệu.</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Commune surveys</source>
        <translation>Khảo sát cấp xã</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Communes</source>
        <translation>&amp;Xã, phường</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F&amp;orm</source>
        <translation>&amp;Biểu mẫu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the form being filled</source>
        <translation>Quay lại biểu mẫu đang nhập</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Submissions</source>
        <translation>&amp;Danh sách phiếu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Visit…</source>
        <translation>&amp;Chuyến công tác…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The delegation, its members and who is at the keyboard</source>
        <translation>Đoàn công tác, các thành viên và người đang nhập liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Finalize</source>
        <translation>&amp;Hoàn tất</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close form</source>
        <translation>Đóng &amp;biểu mẫu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F&amp;ile</source>
        <translation>Tệ&amp;p</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coordin&amp;ator</source>
        <translation>Điề&amp;u phối</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lan&amp;guage</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Find a commune</source>
        <translation>&amp;Tìm xã, phường</translation>
    </message>
    <message>
        <source>&amp;Browse</source>
        <translation>X&amp;em</translation>
    </message>
    <message>
        <source>No form was opened: every save is credited to the person at the keyboard, so the visit comes first.</source>
        <translation>Chưa mở biểu mẫu: mỗi lần lưu được ghi tên người nhập liệu, nên cần nhập chuyến công tác trước.</translation>
    </message>
    <message>
        <source>Data on the USB stick: {folder}</source>
        <translation>Dữ liệu trên USB: {folder}</translation>
    </message>
</context>
<context>
    <name>PdfSave</name>
    <message>
        <location filename="../../fieldkit/ui/reports/preview.py" line="+41"/>
        <source>Save as PDF</source>
        <translation>Lưu thành PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Could not print.</source>
        <translation>Không in được.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The PDF could not be saved.</source>
        <translation>Không lưu được tệp PDF.</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location line="+46"/>
        <source>{pages} pages</source>
        <translation>{pages} trang</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saving {path}…</source>
        <translation>Đang lưu {path}…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The PDF was not saved.</source>
        <translation>Tệp PDF chưa được lưu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved {path}</source>
        <translation>Đã lưu {path}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print preview: {title}</source>
        <translation>Xem trước khi in: {title}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as P&amp;DF…</source>
        <translation>Lưu thành P&amp;DF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close</source>
        <translation>Đó&amp;ng</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../fieldkit/ui/printing.py" line="+112"/>
        <source>Page {page}/{pages}</source>
        <translation>Trang {page}/{pages}</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The printer could not be started.</source>
        <translation>Không khởi động được máy in.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The disk is full: {path} could not be written. Free some space or choose another place.</source>
        <translation>Ổ đĩa đã đầy: không ghi được {path}. Hãy giải phóng bớt dung lượng hoặc chọn nơi lưu khác.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} cannot be written: the folder is read-only or you may not write there. Choose another folder.</source>
        <translation>Không ghi được {path}: thư mục chỉ đọc hoặc bạn không có quyền ghi vào đó. Hãy chọn thư mục khác.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} cannot be written: the folder does not exist (a removed USB drive?).</source>
        <translation>Không ghi được {path}: thư mục không tồn tại (ổ USB đã bị rút ra?).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} could not be written ({detail}).</source>
        <translation>Không ghi được {path} ({detail}).</translation>
    </message>
</context>
<context>
    <name>ResumeDialog</name>
    <message>
        <location filename="../../fieldkit/ui/resume_dialog.py" line="+74"/>
        <source>Discard the unsaved answers?</source>
        <translation>Bỏ các câu trả lời chưa lưu?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The answers typed in this form since it was last saved will be deleted. This cannot be undone.</source>
        <translation>Những câu trả lời đã nhập vào biểu mẫu này kể từ lần lưu trước sẽ bị xoá. Không thể hoàn tác.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Unsaved work</source>
        <translation>Phiếu chưa lưu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These forms were being filled when fieldkit last stopped. Their answers were kept. Resume one now?</source>
        <translation>Các biểu mẫu này đang được nhập dở khi fieldkit dừng lần trước. Câu trả lời vẫn được giữ. Tiếp tục nhập ngay?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Resume</source>
        <translation>&amp;Tiếp tục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Discard…</source>
        <translation>&amp;Bỏ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Later</source>
        <translation>Để &amp;sau</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="+17"/>
        <source>Not started</source>
        <translation>Chưa bắt đầu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draft</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finalized</source>
        <translation>Đã hoàn tất</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Has errors</source>
        <translation>Còn lỗi</translation>
    </message>
</context>
<context>
    <name>SubmissionsBrowser</name>
    <message>
        <location filename="../../fieldkit/ui/submissions.py" line="+187"/>
        <source>All forms</source>
        <translation>Tất cả biểu mẫu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All provinces</source>
        <translation>Tất cả tỉnh, thành phố</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{shown} of {total} submissions</source>
        <translation>{shown} trên {total} phiếu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} possible duplicate visits (marked with a warning sign)</source>
        <translation>{count} phiếu có thể trùng lượt khảo sát (đánh dấu bằng biểu tượng cảnh báo)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search commune, form, author…</source>
        <translation>Tìm theo xã, biểu mẫu, người nhập…</translation>
    </message>
    <message>
        <source>Not received yet</source>
        <translation>Chưa được nhận</translation>
    </message>
</context>
<context>
    <name>SubmissionsModel</name>
    <message>
        <location line="-137"/>
        <source>Commune</source>
        <translation>Xã, phường</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Province</source>
        <translation>Tỉnh, thành phố</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Form</source>
        <translation>Biểu mẫu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author</source>
        <translation>Người nhập</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Updated</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Conflicts</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Possible duplicate visit: this commune has another submission of this form.</source>
        <translation>Có thể trùng lượt khảo sát: xã, phường này đã có một phiếu khác của biểu mẫu này.</translation>
    </message>
    <message>
        <source>Received by coordinator</source>
        <translation>Điều phối đã nhận</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>chưa</translation>
    </message>
    <message>
        <source>No coordinator&apos;s receipt holds the latest version of this submission yet: it goes with the next sync.</source>
        <translation>Chưa có biên nhận nào của điều phối chứa phiên bản mới nhất của phiếu này: phiếu sẽ được gửi ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>Received by {coordinator} at {time}</source>
        <translation>Đã được {coordinator} nhận lúc {time}</translation>
    </message>
</context>
<context>
    <name>SummariesPanel</name>
    <message>
        <source>Include &amp;unfinalized drafts (latest saved version of each submission)</source>
        <translation>&amp;Gồm cả bản nháp chưa hoàn tất (bản lưu mới nhất của mỗi phiếu)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/reports/summaries_panel.py" line="+91"/>
        <source>Could not read the provinces and forms.</source>
        <translation>Không đọc được danh sách tỉnh, thành phố và biểu mẫu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All provinces</source>
        <translation>Tất cả tỉnh, thành phố</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Province summary</source>
        <translation>Tổng hợp &amp;tỉnh, thành phố</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;National summary</source>
        <translation>Tổng hợp toàn &amp;quốc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary of a f&amp;orm</source>
        <translation>Tổng hợp một &amp;biểu mẫu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Province:</source>
        <translation>Tỉnh, thành phố:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form:</source>
        <translation>Biểu mẫu:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre&amp;view…</source>
        <translation>&amp;Xem trước…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>P&amp;rint…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save as P&amp;DF…</source>
        <translation>Lưu thành P&amp;DF…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E&amp;xport data…</source>
        <translation>Xuất dữ &amp;liệu…</translation>
    </message>
</context>
<context>
    <name>SummaryRunner</name>
    <message>
        <location filename="../../fieldkit/ui/reports/summaries.py" line="+59"/>
        <source>Preparing the summary…</source>
        <translation>Đang lập bản tổng hợp…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Saved {path}</source>
        <translation>Đã lưu {path}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No summary</source>
        <translation>Chưa có bản tổng hợp</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The summary could not be made.</source>
        <translation>Không lập được bản tổng hợp.</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../fieldkit/ui/sync/indicator.py" line="+1"/>
        <source>No network to the drop box: sync will retry by itself.</source>
        <translation>Không có mạng tới hộp thư đồng bộ: sẽ tự thử lại.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong user or password: check them in the drop box settings.</source>
        <translation>Sai tên người dùng hoặc mật khẩu: hãy kiểm tra trong cài đặt hộp thư đồng bộ.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The drop box refused this user: ask the server&apos;s admin for access.</source>
        <translation>Hộp thư đồng bộ từ chối người dùng này: hãy nhờ quản trị máy chủ cấp quyền.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The drop box was not found: check its address in the settings.</source>
        <translation>Không tìm thấy hộp thư đồng bộ: hãy kiểm tra địa chỉ trong cài đặt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The drop box is full: ask the server&apos;s admin for space.</source>
        <translation>Hộp thư đồng bộ đã đầy: hãy nhờ quản trị máy chủ thêm dung lượng.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The coordinator&apos;s laptop has not taken in what this laptop sent yet: it does while it shares on the network; nothing is lost.</source>
        <translation>Máy điều phối chưa nhận vào những gì máy này đã gửi: máy đó tự nhận khi đang chia sẻ trên mạng; không mất dữ liệu nào.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The coordinator&apos;s disk is nearly full: ask the coordinator to free space; nothing is lost.</source>
        <translation>Ổ đĩa máy điều phối sắp đầy: hãy đề nghị điều phối giải phóng dung lượng; không mất dữ liệu nào.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too much to send to the coordinator&apos;s laptop at once: ask the coordinator for a larger quota.</source>
        <translation>Quá nhiều dữ liệu để gửi một lần tới máy điều phối: hãy đề nghị điều phối tăng hạn mức.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The drop box server failed: sync will retry by itself; tell the server&apos;s admin if it lasts.</source>
        <translation>Máy chủ hộp thư đồng bộ bị lỗi: sẽ tự thử lại; nếu lỗi kéo dài, hãy báo quản trị máy chủ.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server&apos;s certificate changed: check with IT before trusting it.</source>
        <translation>Chứng chỉ của máy chủ đã thay đổi: hãy hỏi bộ phận CNTT trước khi tin cậy.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The drop box holds a file fieldkit does not write; it was left alone. Tell the coordinator.</source>
        <translation>Hộp thư đồng bộ có một tệp không do fieldkit ghi; tệp đã được để nguyên. Hãy báo điều phối viên.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A file in the drop box is too large; it was not copied. Tell the coordinator.</source>
        <translation>Một tệp trong hộp thư đồng bộ quá lớn nên không được sao chép. Hãy báo điều phối viên.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection broke during the sync; nothing was lost. Sync will retry by itself.</source>
        <translation>Kết nối bị ngắt khi đang đồng bộ; không mất dữ liệu nào. Sẽ tự thử lại.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This computer&apos;s disk is too full to receive more: free some space, then sync again.</source>
        <translation>Ổ đĩa máy này đã quá đầy, không nhận thêm được: hãy giải phóng dung lượng rồi đồng bộ lại.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync failed: it will retry by itself.</source>
        <translation>Đồng bộ không thành công: sẽ tự thử lại.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No sync drop box set up</source>
        <translation>Chưa cài hộp thư đồng bộ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Syncing…</source>
        <translation>Đang đồng bộ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No network: sync starts when it returns</source>
        <translation>Không có mạng: sẽ đồng bộ khi có mạng trở lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metered connection: automatic sync paused; use Sync now</source>
        <translation>Kết nối tính phí theo dung lượng: tạm dừng đồng bộ tự động; hãy dùng Đồng bộ ngay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metered connection: {size} MB of photos and files to send; click here</source>
        <translation>Kết nối tính phí theo dung lượng: {size} MB ảnh, tệp chờ gửi; bấm để gửi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not synced yet</source>
        <translation>Chưa đồng bộ lần nào</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synced at {time}</source>
        <translation>Đã đồng bộ lúc {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} submissions awaiting the coordinator</source>
        <translation>{count} phiếu chờ điều phối nhận</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all received by the coordinator</source>
        <translation>điều phối đã nhận hết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click to set up the drop box this laptop syncs with.</source>
        <translation>Bấm để cài hộp thư đồng bộ cho máy này.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never</source>
        <translation>chưa lần nào</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop box: {address}</source>
        <translation>Hộp thư đồng bộ: {address}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last successful sync: {time}</source>
        <translation>Lần đồng bộ thành công gần nhất: {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next try: {time}</source>
        <translation>Lần thử tiếp theo: {time}</translation>
    </message>
</context>
<context>
    <name>SyncSettingsDialog</name>
    <message>
        <source>Looking for coordinators on this network…</source>
        <translation>Đang tìm máy điều phối trên mạng này…</translation>
    </message>
    <message>
        <source>Choose the coordinator: its address fills in. Compare its fingerprint with its screen when you sync the first time.</source>
        <translation>Chọn máy điều phối: địa chỉ sẽ được điền. Lần đồng bộ đầu, hãy so vân tay với màn hình của máy đó.</translation>
    </message>
    <message>
        <source>No coordinator answered on this network. Type the address the coordinator&apos;s screen shows (Sharing on the network: http://…).</source>
        <translation>Không có máy điều phối nào trả lời trên mạng này. Hãy gõ địa chỉ hiện trên màn hình máy điều phối (Đang chia sẻ trên mạng: http://…).</translation>
    </message>
    <message>
        <source>This computer cannot look for coordinators ({error}). Type the address the coordinator&apos;s screen shows.</source>
        <translation>Máy này không tìm được máy điều phối ({error}). Hãy gõ địa chỉ hiện trên màn hình máy điều phối.</translation>
    </message>
    <message>
        <source>Fi&amp;nd a coordinator</source>
        <translation>&amp;Tìm điều phối trên mạng</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/sync/settings_dialog.py" line="+1"/>
        <source>The certificate fingerprint must be 64 hexadecimal digits (SHA-256).</source>
        <translation>Vân tay chứng chỉ phải gồm 64 chữ số thập lục phân (SHA-256).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A password must not travel over plain http://: use an https:// address.</source>
        <translation>Không được gửi mật khẩu qua http:// thường: hãy dùng địa chỉ https://.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting to the drop box…</source>
        <translation>Đang kết nối tới hộp thư đồng bộ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected: the drop box answers and holds {count} device folders.</source>
        <translation>Đã kết nối: hộp thư đồng bộ trả lời và có {count} thư mục thiết bị.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection failed.</source>
        <translation>Kết nối không thành công.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not connected. {what_to_do}</source>
        <translation>Chưa kết nối được. {what_to_do}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The drop box could not be saved.</source>
        <translation>Không lưu được hộp thư đồng bộ.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop box folder</source>
        <translation>Thư mục hộp thư đồng bộ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync drop box</source>
        <translation>Hộp thư đồng bộ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where this laptop sends its bundles and reads the coordinator&apos;s receipts: a shared folder, a WebDAV server&apos;s https:// address, or the coordinator&apos;s laptop on this network (Find a coordinator).</source>
        <translation>Nơi máy này gửi các gói dữ liệu và đọc biên nhận của điều phối: một thư mục dùng chung, địa chỉ https:// của một máy chủ WebDAV, hoặc máy của điều phối trên cùng mạng (Tìm điều phối trên mạng).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address:</source>
        <translation>Đị&amp;a chỉ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User:</source>
        <translation>&amp;Người dùng:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate &amp;fingerprint:</source>
        <translation>&amp;Vân tay chứng chỉ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Chọn…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a folder, or https://server/remote.php/dav/files/user/fieldkit</source>
        <translation>một thư mục, hoặc https://may-chu/remote.php/dav/files/nguoi-dung/fieldkit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only for a self-signed certificate (SHA-256)</source>
        <translation>chỉ cần cho chứng chỉ tự ký (SHA-256)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a password is stored; type to replace it</source>
        <translation>đã lưu một mật khẩu; gõ để thay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The password is kept in the system&apos;s keyring, never in a file.</source>
        <translation>Mật khẩu được giữ trong kho khoá của hệ điều hành, không bao giờ ghi ra tệp.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Test connection</source>
        <translation>&amp;Kiểm tra kết nối</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>SyncUi</name>
    <message>
        <location filename="../../fieldkit/ui/sync/__init__.py" line="+1"/>
        <source>Received by {coordinator} at {time}</source>
        <translation>Đã được {coordinator} nhận lúc {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A sync is already running; another follows it.</source>
        <translation>Đang đồng bộ; sẽ đồng bộ thêm một lần nữa ngay sau đó.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync &amp;now</source>
        <translation>Đồn&amp;g bộ ngay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Drop box settings…</source>
        <translation>Hộ&amp;p thư đồng bộ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metered connection</source>
        <translation>Kết nối tính phí theo dung lượng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This connection is charged by the amount of data. Send {size} MB of photos and attached files now?</source>
        <translation>Kết nối này tính phí theo dung lượng. Gửi {size} MB ảnh và tệp đính kèm ngay?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Send now</source>
        <translation>&amp;Gửi ngay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Later</source>
        <translation>Để &amp;sau</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../fieldkit/ui/visit_dialog.py" line="+83"/>
        <source>Visit</source>
        <translation>Chuyến công tác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who is visiting? The person at the keyboard is recorded as the author of every save.</source>
        <translation>Ai đang đi khảo sát? Người nhập liệu được ghi là tác giả của mọi lần lưu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delegation:</source>
        <translation>Đoàn &amp;công tác:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Members (one per line):</source>
        <translation>&amp;Thành viên (mỗi người một dòng):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At the &amp;keyboard:</source>
        <translation>&amp;Người nhập liệu:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. Ministry of Science and Technology delegation</source>
        <translation>ví dụ: Đoàn công tác Bộ Khoa học và Công nghệ</translation>
    </message>
</context>
<context>
    <name>FormPublisher</name>
    <message>
        <source>&amp;Publish a form…</source>
        <translation>&amp;Phát hành biểu mẫu…</translation>
    </message>
    <message>
        <source>Form to publish to the laptops</source>
        <translation>Biểu mẫu cần phát hành tới các máy</translation>
    </message>
    <message>
        <source>Forms (*.xlsx *.xls *.xml *.md)</source>
        <translation>Biểu mẫu (*.xlsx *.xls *.xml *.md)</translation>
    </message>
    <message>
        <source>Published “{title}” ({form_id}, version {version}). It travels to the laptops at the next sync.</source>
        <translation>Đã phát hành “{title}” ({form_id}, phiên bản {version}). Biểu mẫu sẽ tới các máy ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>The form asks for encrypted submissions</source>
        <translation>Biểu mẫu yêu cầu mã hóa phiếu</translation>
    </message>
    <message>
        <source>This form asks for encrypted submissions: fieldkit keeps its answers signed but not encrypted, on this computer and in drop boxes. To hand them over encrypted, export with fieldkit bundle export --encrypt-to KEYFILE (a coordinator&apos;s key).</source>
        <translation>Biểu mẫu này yêu cầu mã hóa phiếu: fieldkit giữ các câu trả lời có chữ ký nhưng không mã hóa, trên máy này và trong hộp thư đồng bộ. Để bàn giao phiếu đã mã hóa, hãy xuất bằng fieldkit bundle export --encrypt-to KEYFILE (khóa của điều phối viên).</translation>
    </message>
    <message>
        <source>Could not publish the form.</source>
        <translation>Không phát hành được biểu mẫu.</translation>
    </message>
    <message>
        <source>The form was not published</source>
        <translation>Biểu mẫu chưa được phát hành</translation>
    </message>
</context>
<context>
    <name>LanShareUi</name>
    <message>
        <source>This computer cannot share on port {port}: {error}.
Another fieldkit window or `fieldkit serve` may be sharing already: close it, then try again.</source>
        <translation>Máy này không chia sẻ được trên cổng {port}: {error}.
Có thể một cửa sổ fieldkit khác hoặc `fieldkit serve` đang chia sẻ: hãy đóng nó rồi thử lại.</translation>
    </message>
    <message>
        <source>Share on this network</source>
        <translation>Chia sẻ trên mạng này</translation>
    </message>
    <message>
        <source>Imported {count} bundles from the laptops.</source>
        <translation>Đã nhập {count} gói dữ liệu từ các máy.</translation>
    </message>
    <message>
        <source>The laptops&apos; bundles could not be imported: {error}</source>
        <translation>Không nhập được gói dữ liệu của các máy: {error}</translation>
    </message>
    <message>
        <source>Sharing on the network: {address}</source>
        <translation>Đang chia sẻ trên mạng: {address}</translation>
    </message>
    <message>
        <source>Sharing, but no network: connect this computer to the Wi-Fi or hotspot</source>
        <translation>Đang chia sẻ nhưng chưa có mạng: hãy nối máy này vào Wi-Fi hoặc điểm phát</translation>
    </message>
    <message>
        <source>Laptops add one of these addresses:</source>
        <translation>Các máy thêm một trong các địa chỉ này:</translation>
    </message>
    <message>
        <source>This coordinator&apos;s key fingerprint (laptops compare it):</source>
        <translation>Vân tay khoá của máy điều phối (các máy so sánh):</translation>
    </message>
    <message>
        <source>Not announced on the network; laptops type the address.</source>
        <translation>Chưa thông báo được trên mạng; các máy gõ địa chỉ.</translation>
    </message>
    <message>
        <source>Share on this net&amp;work</source>
        <translation>Chia &amp;sẻ trên mạng này</translation>
    </message>
    <message>
        <source>&amp;Laptops seen…</source>
        <translation>Máy đã &amp;kết nối…</translation>
    </message>
</context>
<context>
    <name>LaptopsSeenDialog</name>
    <message>
        <source>unknown device {fingerprint}</source>
        <translation>thiết bị chưa biết {fingerprint}</translation>
    </message>
    <message>
        <source>{count} — not trusted yet</source>
        <translation>{count} — chưa được tin cậy</translation>
    </message>
    <message>
        <source>Laptops seen</source>
        <translation>Máy đã kết nối</translation>
    </message>
    <message>
        <source>The laptops that contacted this computer&apos;s share since the window opened.</source>
        <translation>Các máy đã kết nối tới chia sẻ của máy này từ khi mở cửa sổ.</translation>
    </message>
    <message>
        <source>Not sharing now. Check Coordinator › Share on this network to let the laptops sync with this computer.</source>
        <translation>Hiện không chia sẻ. Chọn Điều phối › Chia sẻ trên mạng này để các máy đồng bộ với máy này.</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Thiết bị</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Mã máy</translation>
    </message>
    <message>
        <source>Last request</source>
        <translation>Lần liên lạc cuối</translation>
    </message>
    <message>
        <source>Bundles received</source>
        <translation>Gói đã nhận</translation>
    </message>
    <message>
        <source>Refused requests</source>
        <translation>Yêu cầu bị từ chối</translation>
    </message>
    <message>
        <source>A laptop not trusted yet is refused. Compare its fingerprint with the one its screen shows, then trust it in Coordinator › Trusted devices.</source>
        <translation>Máy chưa được tin cậy sẽ bị từ chối. Hãy so vân tay với vân tay trên màn hình máy đó, rồi tin cậy nó trong Điều phối › Thiết bị tin cậy.</translation>
    </message>
    <message>
        <source>&amp;Trust this laptop…</source>
        <translation>&amp;Tin cậy máy này…</translation>
    </message>
</context>
</TS>
