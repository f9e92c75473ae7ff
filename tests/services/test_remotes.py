"""The drop boxes a person configures: stored in the data folder, passwords in the keyring
(an in-memory one here), every mistake refused with what to change."""

import sqlite3

import pytest
from keyring.backends import fail, null

from fieldkit.i18n import set_message_language
from fieldkit.services import remotes
from fieldkit.services.coordinator import CoordinatorService
from fieldkit.services.remotes import Remote, RemoteRefused
from fieldkit.sync.dropbox.folder import FolderTransport
from fieldkit.sync.dropbox.transport import DropBoxError
from tests.helpers.memory_keyring import MemoryKeyring, installed
from tests.helpers.webdav_servers import running_wsgidav

PIN = "AB:" * 31 + "AB"


@pytest.fixture(autouse=True)
def english_messages():
    set_message_language("en")  # conftest puts the default back


@pytest.fixture
def keyring_memory():
    with installed(MemoryKeyring()) as backend:
        yield backend


@pytest.fixture
def coordinator(tmp_path, keyring_memory):
    with CoordinatorService.open(tmp_path / "data") as service:
        yield service


@pytest.fixture
def drop_folder(tmp_path):
    folder = tmp_path / "share" / "dropbox"
    folder.mkdir(parents=True)
    return folder


def test_a_folder_drop_box_is_kept_and_listed(coordinator, drop_folder):
    added = remotes.add_remote(coordinator, name="usb-share", url=str(drop_folder))
    assert added == Remote(name="usb-share", url=str(drop_folder))
    assert remotes.list_remotes(coordinator) == [added]
    assert added.kind == "folder"
    assert isinstance(remotes.open_transport(coordinator, added), FolderTransport)


def test_a_home_relative_folder_is_stored_in_full(coordinator, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "Nextcloud").mkdir()
    added = remotes.add_remote(coordinator, name="nextcloud", url="~/Nextcloud")
    assert added.url == str(tmp_path / "Nextcloud")


def test_the_password_goes_to_the_keyring_and_never_to_the_data_folder(coordinator, keyring_memory, tmp_path):
    added = remotes.add_remote(coordinator, name="bo-noi-vu", url="https://dav.example.vn/fieldkit/",
                               user="doan5", password="mật-khẩu-bí-mật", pin=PIN)
    assert added.kind == "webdav" and added.pin == "ab" * 32
    fingerprint = coordinator.store.identity.fingerprint
    assert keyring_memory.passwords == {("fieldkit", f"{fingerprint}/bo-noi-vu"): "mật-khẩu-bí-mật"}
    assert remotes.has_password(coordinator, "bo-noi-vu") is True
    secret = "mật-khẩu-bí-mật".encode()
    assert not any(secret in path.read_bytes() for path in (tmp_path / "data").rglob("*") if path.is_file())


def test_two_data_folders_keep_their_own_password_for_the_same_name(tmp_path, keyring_memory):
    with CoordinatorService.open(tmp_path / "one") as one, CoordinatorService.open(tmp_path / "two") as two:
        remotes.add_remote(one, name="dav", url="https://dav.example.vn/", user="a", password="first")
        remotes.add_remote(two, name="dav", url="https://dav.example.vn/", user="a", password="second")
        assert remotes.stored_password(one, "dav") == "first"
        assert remotes.stored_password(two, "dav") == "second"


def test_a_user_without_a_password_is_allowed(coordinator):
    remotes.add_remote(coordinator, name="dav", url="https://dav.example.vn/", user="doan5")
    assert remotes.has_password(coordinator, "dav") is False


def test_adding_again_replaces_the_address_and_keeps_what_was_noted(coordinator, drop_folder):
    remotes.add_remote(coordinator, name="dav", url="https://old.example.vn/", user="u", password="p")
    _note_bookkeeping(coordinator, "dav")
    remotes.add_remote(coordinator, name="dav", url="https://new.example.vn/", user="u")
    assert remotes.list_remotes(coordinator) == [Remote(name="dav", url="https://new.example.vn/", user="u")]
    assert remotes.stored_password(coordinator, "dav") == "p"
    assert _bookkeeping(coordinator, "dav") == [1, 1, 1]


def test_removing_forgets_the_row_its_bookkeeping_and_its_password(coordinator, keyring_memory):
    remotes.add_remote(coordinator, name="dav", url="https://dav.example.vn/", user="u", password="p")
    remotes.add_remote(coordinator, name="other", url="https://other.example.vn/", user="u", password="q")
    _note_bookkeeping(coordinator, "dav")
    _note_bookkeeping(coordinator, "other")
    remotes.remove_remote(coordinator, name="dav")
    assert [remote.name for remote in remotes.list_remotes(coordinator)] == ["other"]
    assert _bookkeeping(coordinator, "dav") == [0, 0, 0]
    assert _bookkeeping(coordinator, "other") == [1, 1, 1]
    assert list(keyring_memory.passwords.values()) == ["q"]


def test_removing_a_drop_box_that_does_not_exist_says_so(coordinator):
    with pytest.raises(RemoteRefused, match="There is no drop box named 'nowhere'"):
        remotes.remove_remote(coordinator, name="nowhere")


@pytest.mark.parametrize(("name", "url", "user", "pin", "expected"), [
    ("sở nội vụ", "https://dav.example.vn/", None, None, "cannot name a drop box"),
    ("", "https://dav.example.vn/", None, None, "cannot name a drop box"),
    ("dav", "ftp://dav.example.vn/", None, None, "is not a drop box address"),
    ("dav", "https:///folder", None, None, "names no server"),
    ("dav", "http://doan5:secret@dav.example.vn/", None, None, "with --user"),
    ("dav", "dropbox", None, None, "is not a full path"),
    ("dav", "http://dav.example.vn/", None, PIN, "leave out --pin"),
    ("dav", "https://dav.example.vn/", None, "abc", "64 hexadecimal digits"),
    ("dav", "https://dav.example.vn/", "a:b", None, "cannot be sent to a server"),
    ("dav", "http://dav.example.vn/", "doan5", None, "would cross the network readable"),
    ("dav", "HTTP://192.168.1.20/dav/", "doan5", None, "would cross the network readable"),
])
def test_a_mistake_is_refused_with_what_to_change(coordinator, name, url, user, pin, expected):
    with pytest.raises(RemoteRefused, match=expected):
        remotes.add_remote(coordinator, name=name, url=url, user=user, pin=pin)
    assert remotes.list_remotes(coordinator) == []


@pytest.mark.parametrize("url", ["http://127.0.0.1:8080/dav/", "http://localhost/dav/", "http://[::1]/dav/"])
def test_a_user_over_http_is_kept_only_for_a_server_on_this_machine(coordinator, keyring_memory, url):
    """Its password never leaves the laptop; `fieldkit serve`'s http:// address has no user."""
    remotes.add_remote(coordinator, name="here", url=url, user="doan5", password="s")
    remotes.add_remote(coordinator, name="coordinator", url="http://192.168.1.20:8765/")
    assert [remote.name for remote in remotes.list_remotes(coordinator)] == ["coordinator", "here"]


def test_a_password_typed_in_the_address_is_not_repeated(coordinator):
    with pytest.raises(RemoteRefused) as refused:
        remotes.add_remote(coordinator, name="dav", url="http://doan5:secret@dav.example.vn/")
    assert "secret" not in str(refused.value) and "dav.example.vn" in str(refused.value)


def test_a_missing_folder_is_named(coordinator, tmp_path):
    missing = tmp_path / "not-mounted"
    with pytest.raises(RemoteRefused, match=f"{missing} does not exist"):
        remotes.add_remote(coordinator, name="share", url=str(missing))


def test_a_file_is_not_a_folder(coordinator, tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(RemoteRefused, match="is a file, not a folder"):
        remotes.add_remote(coordinator, name="share", url=str(tmp_path / "notes.txt"))


def test_a_folder_takes_no_user(coordinator, drop_folder):
    with pytest.raises(RemoteRefused, match="leave out --user and --pin"):
        remotes.add_remote(coordinator, name="share", url=str(drop_folder), user="u")


def test_the_refusal_speaks_vietnamese_first(coordinator):
    with pytest.raises(RemoteRefused) as refused:
        remotes.add_remote(coordinator, name="dav", url="http://dav.example.vn/", pin=PIN)
    assert refused.value.text("vi").startswith("Ghim chứng chỉ chỉ bảo vệ địa chỉ https://")


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()], ids=["no backend", "null backend"])
def test_without_a_keyring_a_password_is_refused_and_nothing_is_added(coordinator, backend):
    with installed(backend), pytest.raises(RemoteRefused) as refused:
        remotes.add_remote(coordinator, name="dav", url="https://dav.example.vn/", user="u", password="p")
    assert "gnome-keyring" in str(refused.value) and "never writes passwords to a file" in str(refused.value)
    assert "gnome-keyring" in refused.value.text("vi") and "không bao giờ ghi mật khẩu" in refused.value.text("vi")
    assert remotes.list_remotes(coordinator) == []


def test_without_a_keyring_a_drop_box_without_password_still_works(coordinator, drop_folder):
    with installed(fail.Keyring()):
        remotes.add_remote(coordinator, name="dav", url="https://dav.example.vn/", user="u")
        remotes.add_remote(coordinator, name="share", url=str(drop_folder))
        assert remotes.has_password(coordinator, "dav") is None
        remotes.remove_remote(coordinator, name="dav")
    assert [remote.name for remote in remotes.list_remotes(coordinator)] == ["share"]


def test_the_transport_logs_in_with_the_password_from_the_keyring(coordinator, tmp_path):
    served = tmp_path / "served"
    (served / "site-a").mkdir(parents=True)
    with running_wsgidav(served, users={"doan5": "đúng"}) as url:
        remote = remotes.add_remote(coordinator, name="dav", url=url, user="doan5", password="đúng")
        with remotes.open_transport(coordinator, remote) as transport:
            assert transport.folders() == ["site-a"]
        remotes.add_remote(coordinator, name="dav", url=url, user="doan5", password="sai")
        with remotes.open_transport(coordinator, remote) as transport, pytest.raises(DropBoxError) as refused:
            transport.folders()
        assert refused.value.reason == "unauthorized"


def _note_bookkeeping(service, name):
    """What a sync pass notes of a drop box, one row in each table."""
    def note(connection: sqlite3.Connection) -> None:
        connection.execute("INSERT INTO dropbox_seen (remote, path, size, at) VALUES (?, 'a/bundles/x.fkb', 1, '')",
                           (name,))
        connection.execute("INSERT INTO dropbox_pushed (remote, bundle_id, base, holds, count, at) "
                           "VALUES (?, 'x', '{}', '{}', 1, '')", (name,))
        connection.execute("INSERT INTO receipts (remote, site_id, device, created, holds, read_at) "
                           "VALUES (?, 'a', 'Coordinator', '', '{}', '')", (name,))
    service.store.writer.call(note)


def _bookkeeping(service, name):
    with service.store.read() as connection:
        return [connection.execute(f"SELECT count(*) FROM {table} WHERE remote = ?", (name,)).fetchone()[0]
                for table in ("dropbox_seen", "dropbox_pushed", "receipts")]
