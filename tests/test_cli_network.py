"""`fieldkit remote add|list|remove` and `fieldkit sync [--watch]`, as a user runs them
(fieldkit.cli.main in this process, an in-memory keyring; a real process where the
keyring is the machine's own)."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fieldkit.cli import main, network
from fieldkit.services import network_sync
from fieldkit.services.network_sync import ReceiptSeen, SyncReport
from fieldkit.sync.dropbox.transport import DropBoxError
from fieldkit.sync.importer import ImportReport
from tests.helpers.memory_keyring import MemoryKeyring, installed
from tests.helpers.sync_devices import Device
from tests.helpers.webdav_servers import running_wsgidav

REPO = Path(__file__).resolve().parents[1]
PIN = "ab" * 32


@pytest.fixture
def keyring_memory():
    with installed(MemoryKeyring()) as backend:
        yield backend


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def drop_folder(tmp_path):
    folder = tmp_path / "dropbox"
    folder.mkdir()
    return folder


def fieldkit(data_dir, *arguments, lang="en"):
    return main(["--lang", lang, "--data-dir", str(data_dir), *map(str, arguments)])


def test_remote_add_then_list_shows_the_drop_box(data_dir, drop_folder, keyring_memory, capsys):
    assert fieldkit(data_dir, "remote", "add", "share", drop_folder) == 0
    assert capsys.readouterr().out == f"Drop box share added: {drop_folder}\n"
    assert fieldkit(data_dir, "remote", "list") == 0
    assert capsys.readouterr().out == f"share  folder  {drop_folder}\n"


def test_a_password_from_standard_input_goes_to_the_keyring_and_is_never_printed(
        data_dir, keyring_memory, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("mật-khẩu\n"))
    status = fieldkit(data_dir, "remote", "add", "dav", "https://dav.example.vn/fk/", "--user", "doan5",
                      "--pin", ":".join(["AB"] * 32), "--password-stdin")
    assert status == 0
    assert list(keyring_memory.passwords.values()) == ["mật-khẩu"]
    assert capsys.readouterr().out.splitlines() == [
        "Drop box dav added: https://dav.example.vn/fk/",
        "  user doan5; password: kept in the system keyring",
        f"  certificate pinned: SHA-256 {PIN}"]
    assert fieldkit(data_dir, "remote", "list", "--json") == 0
    listed = capsys.readouterr().out
    assert json.loads(listed) == [{"name": "dav", "kind": "webdav", "url": "https://dav.example.vn/fk/",
                                   "user": "doan5", "pin": PIN, "password_stored": True}]
    assert "mật-khẩu" not in listed


def test_a_user_without_a_password_is_listed_as_asked_at_each_sync(data_dir, keyring_memory, capsys):
    assert fieldkit(data_dir, "remote", "add", "dav", "https://dav.example.vn/", "--user", "doan5") == 0
    capsys.readouterr()
    fieldkit(data_dir, "remote", "list")
    assert "password: not kept (asked at each sync)" in capsys.readouterr().out


def test_a_pin_on_an_http_address_is_refused_in_vietnamese_by_default(data_dir, keyring_memory, capsys):
    status = fieldkit(data_dir, "remote", "add", "dav", "http://dav.example.vn/", "--pin", PIN, lang="vi")
    assert status == 2
    assert capsys.readouterr().err.startswith("Ghim chứng chỉ chỉ bảo vệ địa chỉ https://")
    assert fieldkit(data_dir, "remote", "list", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []


def test_a_user_on_a_plain_http_server_is_refused_before_the_password_is_asked(data_dir, keyring_memory, capsys):
    status = fieldkit(data_dir, "remote", "add", "dav", "http://dav.example.vn/fk/", "--user", "doan5", lang="vi")
    assert status == 2
    assert "http:// không được mã hóa. Hãy dùng địa chỉ https://" in capsys.readouterr().err
    assert keyring_memory.passwords == {}


def test_a_missing_folder_is_refused_with_its_path(data_dir, tmp_path, keyring_memory, capsys):
    assert fieldkit(data_dir, "remote", "add", "share", tmp_path / "unplugged") == 2
    assert capsys.readouterr().err == (f"The drop box folder {tmp_path / 'unplugged'} does not exist. Create it, or "
                                       "connect the share or drive, then add it.\n")


def test_password_stdin_needs_a_user(data_dir, drop_folder, keyring_memory, capsys):
    assert fieldkit(data_dir, "remote", "add", "dav", "https://dav.example.vn/", "--password-stdin") == 2
    assert "--password-stdin needs --user" in capsys.readouterr().err


def test_remote_remove_forgets_the_drop_box_and_its_password(data_dir, keyring_memory, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("p\n"))
    fieldkit(data_dir, "remote", "add", "dav", "https://dav.example.vn/", "--user", "u", "--password-stdin")
    assert fieldkit(data_dir, "remote", "remove", "dav") == 0
    assert capsys.readouterr().out.endswith("Drop box dav forgotten, with its password and what was noted of it; "
                                            "nothing in it was deleted.\n")
    assert keyring_memory.passwords == {}
    assert fieldkit(data_dir, "remote", "remove", "dav") == 2
    assert "There is no drop box named 'dav'" in capsys.readouterr().err


def test_without_a_keyring_the_password_is_refused_with_what_to_install(tmp_path):
    """A real process, on a machine whose keyring cannot keep anything (a headless Linux)."""
    environment = {**os.environ, "PYTHONPATH": str(REPO), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    result = subprocess.run(
        [sys.executable, "-m", "fieldkit.cli", "--lang", "en", "--data-dir", str(tmp_path / "data"), "remote", "add",
         "dav", "https://dav.example.vn/", "--user", "doan5", "--password-stdin"],
        input="secret\n", capture_output=True, text=True, env=environment, cwd=REPO, timeout=120)
    assert result.returncode == 2, result.stderr
    assert "No system keyring could keep the password" in result.stderr and "gnome-keyring" in result.stderr
    assert "Traceback" not in result.stderr and "secret" not in result.stderr + result.stdout


# -- sync --------------------------------------------------------------------------------

def test_sync_without_a_drop_box_says_how_to_add_one(data_dir, capsys):
    assert fieldkit(data_dir, "sync") == 2
    assert "No drop box is configured. Add one with: fieldkit remote add NAME URL" in capsys.readouterr().err


def test_sync_prints_each_drop_box_and_fails_when_one_failed(data_dir, drop_folder, keyring_memory, capsys,
                                                             monkeypatch):
    passes = []

    def sync_once(service, transport, *, remote, progress=None):
        passes.append(remote)
        if remote == "office":
            return SyncReport(remote=remote, error=DropBoxError("The server is full.", reason="full"))
        return SyncReport(remote=remote, sent_bundles=1, sent_revisions=12,
                          imported=[ImportReport(path="a.fkb", new=5), ImportReport(path="b.fkb", new=2)],
                          receipts=[ReceiptSeen(site_id="c0ffee", device="Điều phối Sở", created="2025-06-02")])

    monkeypatch.setattr(network_sync, "sync_once", sync_once)
    fieldkit(data_dir, "remote", "add", "share", drop_folder)
    fieldkit(data_dir, "remote", "add", "office", drop_folder)
    capsys.readouterr()
    assert fieldkit(data_dir, "sync") == 1
    assert passes == ["office", "share"]
    printed = capsys.readouterr()
    assert printed.out.splitlines() == [
        "office: sent 0 bundles (0 revisions); received 0 bundles (0 new revisions); receipts read: 0",
        "share: sent 1 bundles (12 revisions); received 2 bundles (7 new revisions); receipts read: 1",
        "  received by Điều phối Sở (as of 2025-06-02)"]
    assert printed.err == "office: sync failed: The server is full.\n"
    assert fieldkit(data_dir, "sync", "--remote", "share") == 0
    assert passes[-1] == "share"
    assert fieldkit(data_dir, "sync", "--remote", "elsewhere") == 2


def test_sync_json_says_whether_each_pass_completed(data_dir, drop_folder, keyring_memory, capsys, monkeypatch):
    monkeypatch.setattr(network_sync, "sync_once", lambda service, transport, *, remote, progress=None: SyncReport(
        remote=remote, error=DropBoxError("No network.", reason="unreachable")))
    fieldkit(data_dir, "remote", "add", "share", drop_folder)
    capsys.readouterr()
    assert fieldkit(data_dir, "sync", "--json") == 1
    [report] = json.loads(capsys.readouterr().out)
    assert report["complete"] is False and report["error"] == {"reason": "unreachable", "message": "No network."}


def test_a_password_the_keyring_cannot_give_fails_that_drop_box_only(data_dir, drop_folder, keyring_memory, capsys,
                                                                      monkeypatch):
    from keyring.backends import fail

    monkeypatch.setattr(network_sync, "sync_once", lambda service, transport, *, remote, progress=None:
                        SyncReport(remote=remote))
    fieldkit(data_dir, "remote", "add", "share", drop_folder)
    fieldkit(data_dir, "remote", "add", "dav", "https://dav.example.vn/", "--user", "u")
    capsys.readouterr()
    with installed(fail.Keyring()):
        assert fieldkit(data_dir, "sync") == 1
    printed = capsys.readouterr()
    assert printed.err.startswith("dav: sync failed: No system keyring could keep the password")
    assert "share: sent 0 bundles" in printed.out


def test_watch_waits_steadily_after_success_and_backs_off_after_failures(data_dir, drop_folder, keyring_memory,
                                                                          capsys, monkeypatch):
    outcomes = iter([None, "unreachable", "unreachable", "unreachable", None, "full"])
    waits = []

    def sync_once(service, transport, *, remote, progress=None):
        reason = next(outcomes)
        return SyncReport(remote=remote, error=None if reason is None else DropBoxError("down", reason=reason))

    def sleep(seconds):
        waits.append(seconds)
        if len(waits) == 6:
            raise KeyboardInterrupt  # Ctrl+C while waiting

    monkeypatch.setattr(network_sync, "sync_once", sync_once)
    monkeypatch.setattr(network, "WATCH_SLEEP", sleep)
    fieldkit(data_dir, "remote", "add", "share", drop_folder)
    assert fieldkit(data_dir, "sync", "--watch") == 1  # the last pass failed
    steady, first, second, third, after_success, retry = waits
    assert steady == after_success == 300
    assert 24 <= first <= 36 and 48 <= second <= 72 and 96 <= third <= 144 and 24 <= retry <= 36
    assert capsys.readouterr().out.endswith("Stopped.\n")


def test_watch_stopped_after_a_good_pass_exits_0(data_dir, drop_folder, keyring_memory, monkeypatch):
    def interrupted(seconds):
        raise KeyboardInterrupt

    monkeypatch.setattr(network_sync, "sync_once", lambda service, transport, *, remote, progress=None:
                        SyncReport(remote=remote))
    monkeypatch.setattr(network, "WATCH_SLEEP", interrupted)
    fieldkit(data_dir, "remote", "add", "share", drop_folder)
    assert fieldkit(data_dir, "sync", "--watch") == 0


def test_a_laptop_and_a_coordinator_sync_through_a_shared_folder(tmp_path, drop_folder, keyring_memory, capsys):
    laptop, coordinator = Device(tmp_path, "laptop"), Device(tmp_path, "coordinator")
    laptop.trusts(coordinator)
    coordinator.trusts(laptop)
    laptop.save({"/data/total_staff": 12})
    laptop.close()
    coordinator.close()
    for device in ("laptop", "coordinator"):
        assert fieldkit(tmp_path / device, "remote", "add", "office", drop_folder) == 0
    capsys.readouterr()

    assert fieldkit(tmp_path / "laptop", "sync") == 0
    assert capsys.readouterr().out.startswith("office: sent 1 bundles (1 revisions)")
    assert fieldkit(tmp_path / "coordinator", "sync") == 0
    assert "received 1 bundles (1 new revisions)" in capsys.readouterr().out
    assert fieldkit(tmp_path / "laptop", "sync") == 0
    back = capsys.readouterr().out
    assert "sent 0 bundles" in back and "receipts read: 1" in back and "received by coordinator" in back


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_on_a_terminal_the_password_is_asked_for_and_kept(data_dir, keyring_memory, capsys, monkeypatch):
    asked = []
    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr(network.getpass, "getpass", lambda prompt: asked.append(prompt) or "gõ-vào")
    assert fieldkit(data_dir, "remote", "add", "dav", "https://dav.example.vn/", "--user", "doan5") == 0
    assert asked == ["Password of doan5 (empty: ask at each sync): "]
    assert list(keyring_memory.passwords.values()) == ["gõ-vào"]


def test_sync_asks_on_a_terminal_for_a_password_the_keyring_does_not_hold(data_dir, tmp_path, keyring_memory,
                                                                         monkeypatch):
    (tmp_path / "served" / "site-a").mkdir(parents=True)
    listed = []
    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr(network.getpass, "getpass", lambda prompt: "gõ-vào")
    monkeypatch.setattr(network_sync, "sync_once", lambda service, transport, *, remote, progress=None:
                        listed.append(transport.folders()) or SyncReport(remote=remote))
    with running_wsgidav(tmp_path / "served", users={"doan5": "gõ-vào"}) as url:
        main(["--data-dir", str(data_dir), "remote", "add", "dav", url, "--user", "doan5", "--password-stdin"])
        assert keyring_memory.passwords == {}  # an empty line: nothing kept
        assert fieldkit(data_dir, "sync") == 0  # the server let the typed password in
    assert listed == [["site-a"]]
