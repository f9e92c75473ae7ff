"""The sync commands as a coordinator types them."""

import json

from fieldkit.cli import main
from tests.helpers.sync_devices import Device


def run(capsys, *arguments):
    status = main(list(arguments))
    out, err = capsys.readouterr()
    return status, out, err


def test_a_laptop_and_a_coordinator_exchange_an_encrypted_bundle(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("FIELDKIT_LANG", "en")
    lan_dir, coordinator_dir = str(tmp_path / "lan"), str(tmp_path / "coordinator")
    lan = Device(tmp_path, "lan")
    record = lan.save({"/data/staff": "4"}).record_id
    lan.close()

    assert run(capsys, "--data-dir", coordinator_dir, "keys", "export", str(tmp_path / "c.pub"))[0] == 0
    assert run(capsys, "--data-dir", lan_dir, "keys", "export", str(tmp_path / "lan.pub"))[0] == 0
    status, out, _err = run(capsys, "--data-dir", lan_dir, "keys", "show")
    assert status == 0 and len(out.splitlines()[-1].split()) == 4  # groups of four, four to a line
    status, out, _err = run(capsys, "--data-dir", lan_dir, "bundle", "export", str(tmp_path / "lan.fkb"),
                            "--encrypt-to", str(tmp_path / "c.pub"))
    assert status == 0 and "1 revisions" in out

    status, out, _err = run(capsys, "--data-dir", coordinator_dir, "bundle", "import", str(tmp_path), "--json")
    assert status == 0 and json.loads(out)[0]["status"] == "quarantined"
    status, out, _err = run(capsys, "--data-dir", coordinator_dir, "trust", str(tmp_path / "lan.pub"))
    assert status == 0 and "imported: 1 new" in out
    status, out, _err = run(capsys, "--data-dir", coordinator_dir, "bundle", "verify", str(tmp_path / "lan.fkb"))
    assert status == 0 and "verified" in out

    status, out, _err = run(capsys, "--data-dir", coordinator_dir, "status", "--json")
    summary = json.loads(out)
    assert (summary["records"], summary["revisions"], summary["conflicts"]) == (1, 1, 0)
    assert run(capsys, "--data-dir", coordinator_dir, "conflicts", "--json")[1].strip() == "[]"
    status, _out, err = run(capsys, "--data-dir", coordinator_dir, "resolve", record, "--take", "0" * 64)
    assert status == 2 and "not a head" in err


def test_a_rejected_bundle_gives_a_nonzero_exit_and_its_reason(tmp_path, capsys):
    (tmp_path / "junk.fkb").write_bytes(b"PK\x03\x04 not really")
    status, out, _err = run(capsys, "--data-dir", str(tmp_path / "c"), "bundle", "import", str(tmp_path / "junk.fkb"))
    assert status == 1
    assert "bị từ chối" in out and "không phải gói dữ liệu fieldkit" in out


def test_resolving_a_conflict_from_the_command_line(tmp_path, capsys):
    lan, minh, coordinator = (Device(tmp_path, name) for name in ("lan", "minh", "coordinator"))
    for device in (lan, minh, coordinator):
        device.trusts(lan, minh)
    record = lan.save({"/data/staff": "4"}).record_id
    minh.import_(lan.export(tmp_path / "shared.fkb"))
    lan.edit(record, staff="5")
    minh.edit(record, staff="6")
    coordinator.import_(lan.export(tmp_path / "lan.fkb"), minh.export(tmp_path / "minh.fkb"))
    coordinator.close()

    status, out, _err = run(capsys, "--data-dir", str(tmp_path / "coordinator"), "conflicts")
    assert status == 0 and "/data/staff" in out and "cứng" in out
    status, out, _err = run(capsys, "--data-dir", str(tmp_path / "coordinator"), "resolve", record,
                            "--set", "/data/staff=7")
    assert status == 0
    assert json.loads(run(capsys, "--data-dir", str(tmp_path / "coordinator"), "conflicts", "--json")[1]) == []


def test_keys_name_names_the_device_and_keys_show_says_it(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("FIELDKIT_LANG", "en")
    monkeypatch.setattr("platform.node", lambda: "vm")
    laptop = str(tmp_path / "laptop")
    status, out, err = run(capsys, "--data-dir", laptop, "keys", "show")
    assert status == 0 and out.startswith("This device: vm\n")
    assert 'fieldkit keys name "Laptop 3 — Đoàn 5"' in err
    fingerprint = out.splitlines()[2:]

    status, out, _err = run(capsys, "--data-dir", laptop, "keys", "name", "Laptop 3 — Đoàn 5")
    assert status == 0 and "now named Laptop 3 — Đoàn 5" in out
    status, out, err = run(capsys, "--data-dir", laptop, "keys", "show")
    assert out.startswith("This device: Laptop 3 — Đoàn 5\n") and err == ""
    assert out.splitlines()[2:] == fingerprint  # the same key

    status, _out, err = run(capsys, "--data-dir", laptop, "--lang", "vi", "keys", "name", "  ")
    assert status == 2 and "Tên máy cần có ít nhất một chữ cái hoặc chữ số." in err


def test_a_bundle_imported_again_is_said_to_be_already_present_in_words(tmp_path, capsys):
    laptop = Device(tmp_path, "lan")
    laptop.save({"/data/staff": "4"})
    bundle = laptop.export(tmp_path / "lan.fkb")
    laptop.close()
    coordinator = str(tmp_path / "coordinator")
    run(capsys, "--data-dir", str(tmp_path / "lan"), "keys", "export", str(tmp_path / "lan.pub"))
    assert run(capsys, "--data-dir", coordinator, "trust", str(tmp_path / "lan.pub"))[0] == 0

    status, out, _err = run(capsys, "--data-dir", coordinator, "--lang", "en", "bundle", "import", str(bundle))
    assert status == 0 and f"{bundle}: imported: 1 new" in out
    status, out, _err = run(capsys, "--data-dir", coordinator, "--lang", "en", "bundle", "import", str(bundle))
    assert status == 0 and f"{bundle}: already present: 0 new, 1 already present" in out
    status, out, _err = run(capsys, "--data-dir", coordinator, "--lang", "vi", "bundle", "import", str(bundle))
    assert status == 0 and f"{bundle}: đã có sẵn: 0 mới" in out
