"""Issue 10, items 2, 3 and 15a, as they were reported: each on the real command line
where the user met it, with real signed bundles and stores; each failed before the
manifest, the revision lines and the key files were read through their models."""

import json
import shutil

import pytest

from fieldkit.cli import main
from fieldkit.sync import export as export_module
from tests.helpers.crafting import Throwaway, laptop, resign_with, resigned_line, rewrite, snapshot
from tests.helpers.sync_devices import Device


@pytest.fixture
def lan(tmp_path):
    device = laptop(tmp_path)
    yield device
    device.close()


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    monkeypatch.setenv("FIELDKIT_LANG", "en")


def cli(capsys, *arguments):
    status = main([str(argument) for argument in arguments])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out, err


def coordinator_dir(tmp_path, lan):
    """A coordinator that trusts `lan`, closed: the CLI opens it."""
    device = Device(tmp_path, "coordinator")
    device.trusts(lan)
    device.close()
    return tmp_path / "coordinator"


def test_a_lone_surrogate_in_an_unsigned_manifest_is_refused_and_the_next_bundle_on_the_stick_imported(
        tmp_path, lan, capsys):
    lan.save({"/data/staff": "1"})
    valid = lan.export(tmp_path / "valid.fkb")
    stick = tmp_path / "stick"
    stick.mkdir()
    stranger = Throwaway()
    hostile = rewrite(valid, stick / "a_hostile.fkb", sign=stranger.sign,
                      manifest=lambda manifest: {**resign_with(manifest, stranger), "device_name": "x\ud800"})
    assert b'"device_name":"x\\ud800"' in (stick / "a_hostile.fkb").read_bytes()
    shutil.copy(valid, stick / "b_valid.fkb")
    data_dir = coordinator_dir(tmp_path, lan)

    status, out, _err = cli(capsys, "--data-dir", data_dir, "bundle", "import", stick, "--json")
    first, second = json.loads(out)
    assert status == 1
    assert (first["status"], first["step"]) == ("rejected", "size")
    assert "device_name" in first["reason_en"] and "lone surrogate" in first["reason_en"]
    assert "a_hostile.fkb" in first["reason_en"]
    assert (second["status"], second["new"]) == ("imported", 1)

    status, out, _err = cli(capsys, "--data-dir", data_dir, "bundle", "verify", hostile)
    assert status == 1 and "device_name" in out and "lone surrogate" in out


def test_a_lone_surrogate_in_a_revision_from_a_trusted_device_is_refused_naming_the_line(tmp_path, lan, capsys):
    lan.save({"/data/staff": "1"})
    lan.save({"/data/staff": "2"})
    valid = lan.export(tmp_path / "valid.fkb")

    def poison(name, lines):
        revision = json.loads(lines[1])
        revision["data"]["answers"]["/data/staff"] = "\ud800"
        return [lines[0], resigned_line(revision, lan.store.identity.sign)]

    hostile = rewrite(valid, tmp_path / "hostile.fkb", sign=lan.store.identity.sign, chunk=poison)
    data_dir = coordinator_dir(tmp_path, lan)
    before = snapshot(data_dir)

    status, out, _err = cli(capsys, "--data-dir", data_dir, "bundle", "import", hostile, "--json")
    [report] = json.loads(out)
    assert status == 1
    assert (report["status"], report["step"]) == ("rejected", "revision")
    assert "line 2" in report["reason_en"] and "data.answers['/data/staff']" in report["reason_en"]
    assert "'\\ud800'" in report["reason_en"]  # the value, printable
    assert snapshot(data_dir) == before
    status, out, _err = cli(capsys, "--data-dir", data_dir, "bundle", "verify", hostile)
    assert status == 1 and "lone surrogate" in out


def test_a_wrong_type_in_a_trusted_five_chunk_manifest_commits_nothing_and_again_nothing(
        tmp_path, lan, capsys, monkeypatch):
    for number in range(5):
        lan.save({"/data/staff": str(number)})
    monkeypatch.setattr(export_module, "CHUNK_BYTES", 1)  # one revision a chunk: five chunks
    valid = lan.export(tmp_path / "valid.fkb")
    hostile = rewrite(valid, tmp_path / "hostile.fkb", sign=lan.store.identity.sign,
                      manifest=lambda manifest: {**manifest, "acknowledges": "x"})
    data_dir = coordinator_dir(tmp_path, lan)
    before = snapshot(data_dir)

    for language, words in (("en", "rejected: 0 new"), ("vi", "bị từ chối: 0 mới")):
        monkeypatch.setenv("FIELDKIT_LANG", language)
        status, out, _err = cli(capsys, "--data-dir", data_dir, "bundle", "import", hostile)
        assert status == 1 and words in out and "hostile.fkb" in out
        assert {"en": "acknowledges has the wrong type", "vi": "trường acknowledges sai kiểu dữ liệu"}[language] in out
        assert snapshot(data_dir) == before
    monkeypatch.setenv("FIELDKIT_LANG", "en")
    status, out, _err = cli(capsys, "--data-dir", data_dir, "bundle", "import", valid)
    assert status == 0 and "5 new" in out


WRONG = ["x", 5, -1, 2 ** 70, 1.5, True, None, [], [1], ["x"], {}, {"a": 1}, {"x": "y"}, [{"site_id": 5}],
         [{"form_id": "ha_tang"}], {"algorithm": 5}, {"recipients": "x"}, "\ud800", {"\ud800": 1}]


@pytest.mark.parametrize("name", ["acknowledges", "signers", "forms", "encryption", "site_id", "content",
                                  "prerequisites", "files", "count", "created", "bundle_nonce"])
def test_every_wrong_type_in_a_trusted_manifest_is_a_rejection_naming_the_field(tmp_path, lan, name):
    lan.save({"/data/staff": "1"})
    valid = lan.export(tmp_path / "valid.fkb")
    coordinator = Device(tmp_path, "coordinator")
    coordinator.trusts(lan)
    try:
        for number, value in enumerate(WRONG):
            hostile = rewrite(valid, tmp_path / f"{number}.fkb", sign=lan.store.identity.sign,
                              manifest=lambda manifest, value=value: {**manifest, name: value})
            before = snapshot(coordinator.store.data_dir)
            [report] = coordinator.import_(hostile)
            if report.status == "imported":  # a value of the right type after all ([] signers, null encryption)
                continue
            assert report.status == "rejected", (value, report)
            named = (name, "canonical", "forms[0].sha256 names no file") if name == "files" else (name, "canonical")
            assert any(words in report.reason_en for words in named), (value, report.reason_en)
            assert snapshot(coordinator.store.data_dir) == before
    finally:
        coordinator.close()


@pytest.mark.parametrize("value", [5, None, [], {"a": 1}, "\ud800", "not base64", "AAAA"])
def test_a_key_file_with_a_wrong_ed25519_is_refused_by_trust_and_encrypt_to(tmp_path, lan, capsys, value):
    document = lan.service.export_public_key(tmp_path / "lan.pub")
    (tmp_path / "bad.pub").write_text(json.dumps({**document, "ed25519": value}), encoding="utf-8")
    data_dir = coordinator_dir(tmp_path, lan)

    status, _out, err = cli(capsys, "--data-dir", data_dir, "trust", tmp_path / "bad.pub")
    assert status == 2 and "ed25519" in err and "bad.pub" in err
    lan.save({"/data/staff": "1"})
    lan.close()
    status, _out, err = cli(capsys, "--data-dir", tmp_path / "lan", "bundle", "export", tmp_path / "out.fkb",
                            "--encrypt-to", tmp_path / "bad.pub")
    assert status == 2 and "ed25519" in err
    assert not (tmp_path / "out.fkb").exists()
