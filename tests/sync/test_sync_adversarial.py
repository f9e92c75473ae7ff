"""Bundles that must be refused, leaving the database exactly as it was."""

import shutil
import time
import tracemalloc
import zipfile

import pytest

from fieldkit.store.hlc import HybridLogicalClock
from fieldkit.store.tables import put_form
from fieldkit.sync import bundle as bundle_module
from fieldkit.sync.archive import ArchiveReader, ArchiveWriter, Limits
from fieldkit.sync.importer import import_bundle
from tests.helpers.bundle_edits import rewrite
from tests.helpers.crafting import XFORM
from tests.helpers.sync_devices import FORM, Device


@pytest.fixture
def lan(tmp_path):
    device = Device(tmp_path, "lan")
    device.store.writer.call(lambda connection: put_form(connection, form_id=FORM, version="1", title={"vi": "Hạ tầng"},
                                                         xform=XFORM, source_sha256=None))
    yield device
    device.close()


@pytest.fixture
def coordinator(tmp_path, lan):
    device = Device(tmp_path, "coordinator")
    device.trusts(lan)
    yield device
    device.close()


def untouched(device, before: str) -> bool:
    status = device.status()
    return status["state_digest"] == before and status["revisions"] == 0 and status["pending"] == 0


def a_bundle_with_a_photo(lan, path, **options):
    photo = b"\xff\xd8 a photo of the commune office " * 20
    digest = lan.store.put_blob(photo).result()
    record = lan.save({"/data/staff": "4", "/data/photo": "office.jpg"})
    revision = lan.store.commit_revision(
        record_id=record.record_id, parents=[record.rev_id], form_id=FORM, form_version="1",
        data={**record.data, "attachments": {"office.jpg": digest}}, author="lan", action="save").result()
    assert revision
    return lan.export(path, **options)


def test_one_flipped_byte_anywhere_is_refused_and_nothing_is_applied(lan, coordinator, tmp_path):
    original = a_bundle_with_a_photo(lan, tmp_path / "lan.fkb").read_bytes()
    with ArchiveReader(tmp_path / "lan.fkb") as reader:
        classes = {name: member.offset for name, member in reader.members.items()}
    assert {name.split("/")[0] for name in classes} >= {"revisions", "blobs", "forms", "manifest.json",
                                                        "manifest.sig"}
    before = coordinator.digest()
    damaged = tmp_path / "damaged.fkb"
    steps = set()
    for position in range(len(original)):  # every byte: headers, manifest, signature, chunk, blob, directory
        flipped = bytearray(original)
        flipped[position] ^= 0x01
        damaged.write_bytes(bytes(flipped))
        report = import_bundle(coordinator.store, damaged)
        assert report.rejected, f"byte {position} flipped was accepted"
        steps.add(report.step)
    assert untouched(coordinator, before)
    # a single flip in the manifest or signature already breaks the member's CRC-32 ("size":
    # the archive's shape); an edit with a fixed CRC meets the signature (test below)
    assert steps == {"size", "hash"}
    assert import_bundle(coordinator.store, tmp_path / "lan.fkb").new == 2  # the sound copy goes in


def test_a_truncated_bundle_is_refused(lan, coordinator, tmp_path):
    original = a_bundle_with_a_photo(lan, tmp_path / "lan.fkb").read_bytes()
    before = coordinator.digest()
    for length in sorted({0, 1, 21, 22, len(original) // 2, len(original) - 23, len(original) - 1}):
        (tmp_path / "short.fkb").write_bytes(original[:length])
        report = import_bundle(coordinator.store, tmp_path / "short.fkb")
        assert (report.status, report.step) == ("rejected", "size")
    assert untouched(coordinator, before)


def test_a_manifest_edited_and_rehashed_fails_its_signature(lan, coordinator, tmp_path):
    source = a_bundle_with_a_photo(lan, tmp_path / "lan.fkb")

    def claim_more(manifest):
        manifest["device_name"] = "máy của trưởng đoàn"

    report = import_bundle(coordinator.store, rewrite(source, tmp_path / "edited.fkb", edit_manifest=claim_more))
    assert (report.status, report.step) == ("rejected", "signature")
    assert "signature" in report.reason_en
    assert coordinator.status()["revisions"] == 0


def test_an_unknown_signer_is_quarantined_until_trusted(tmp_path):
    stranger, coordinator = Device(tmp_path, "stranger"), Device(tmp_path, "coordinator")
    stranger.save({"/data/staff": "1"})
    report = coordinator.import_(stranger.export(tmp_path / "stranger.fkb"))[0]
    assert (report.status, report.step) == ("quarantined", "signer")
    assert stranger.fingerprint in report.reason_en
    assert coordinator.status()["quarantined"] == 1 and coordinator.status()["revisions"] == 0
    (tmp_path / "stranger.fkb").unlink()  # the stick went home: the quarantine kept a copy

    _fingerprint, reports = coordinator.service.trust(stranger.fingerprint)
    assert [report.new for report in reports] == [1]
    assert coordinator.status()["quarantined"] == 0 and coordinator.digest() == stranger.digest()


def test_a_revoked_signer_is_refused_and_keeps_what_it_sent_before(lan, coordinator, tmp_path):
    lan.save({"/data/staff": "1"})
    coordinator.import_(lan.export(tmp_path / "1.fkb"))
    coordinator.service.untrust(lan.fingerprint)
    lan.save({"/data/staff": "2"})
    report = coordinator.import_(lan.export(tmp_path / "2.fkb"))[0]
    assert (report.status, report.step) == ("rejected", "signer")
    assert coordinator.status()["revisions"] == 1


def test_an_old_bundle_replayed_brings_nothing_new(lan, coordinator, tmp_path):
    record = lan.save({"/data/staff": "1"}).record_id
    old = lan.export(tmp_path / "old.fkb")
    lan.edit(record, staff="2")
    coordinator.import_(lan.export(tmp_path / "new.fkb"))
    digest = coordinator.digest()
    replay = coordinator.import_(old)[0]
    assert (replay.status, replay.new) == ("already_present", 0)
    assert coordinator.digest() == digest


def test_the_same_device_and_sequence_with_other_content_is_reported_as_tampering(lan, coordinator, tmp_path,
                                                                                    monkeypatch):
    # a copy of the laptop's data folder in use on another machine (a database that starts
    # anew or is restored takes a new site, fieldkit.store.sites: a live copy repeats numbers)
    shutil.copytree(tmp_path / "lan", tmp_path / "clone")
    monkeypatch.setenv("FIELDKIT_STATE_DIR", str(tmp_path / "other-machine"))
    clone = Device(tmp_path, "clone")
    genuine = lan.save({"/data/staff": "1"})
    coordinator.import_(lan.export(tmp_path / "genuine.fkb"))
    forged = clone.save({"/data/staff": "999"})  # also seq 1 of the same site

    report = coordinator.import_(clone.export(tmp_path / "forged.fkb"))[0]
    assert report.status == "imported" and not report.rejected  # nobody's work is refused for it
    assert report.tampering[0]["site_id"] == lan.site_id and report.tampering[0]["seq"] == 1
    kept, other = sorted([genuine.rev_id, forged.rev_id])  # the smaller rev_id keeps the slot
    assert coordinator.rev_ids() == {kept}
    assert coordinator.status()["tampering"] == 1
    assert coordinator.status()["equivocations"] == [
        {"site_id": lan.site_id, "seq": 1, "device": "lan", "kept": kept, "others": [other]}]


def test_a_bundle_encrypted_for_another_coordinator_cannot_be_opened(lan, coordinator, tmp_path):
    other = Device(tmp_path, "other")
    other.trusts(lan)
    key_file = tmp_path / "coordinator.pub"
    coordinator.service.export_public_key(key_file)
    bundle = a_bundle_with_a_photo(lan, tmp_path / "secret.fkb", encrypt_to=[key_file])
    assert b"office.jpg" not in bundle.read_bytes() and b"/data/staff" not in bundle.read_bytes()

    refused = other.import_(bundle)[0]
    assert (refused.status, refused.step) == ("rejected", "decrypt")
    assert other.status()["revisions"] == 0
    assert coordinator.import_(bundle)[0].new == 2


def test_a_wrong_decryption_key_is_refused(lan, coordinator, tmp_path):
    key_file = tmp_path / "coordinator.pub"
    coordinator.service.export_public_key(key_file)
    bundle = a_bundle_with_a_photo(lan, tmp_path / "secret.fkb", encrypt_to=[key_file])

    def wrong_wrapped_key(manifest):
        entry = manifest["encryption"]["recipients"][0]
        entry["wrapped_key"] = entry["wrapped_key"][:-8] + ("A" * 8 if not entry["wrapped_key"].endswith("A" * 8)
                                                            else "B" * 8)

    forged = rewrite(bundle, tmp_path / "forged.fkb", sign=lan.store.identity.sign, edit_manifest=wrong_wrapped_key)
    report = coordinator.import_(forged)[0]
    assert (report.status, report.step) == ("rejected", "decrypt")
    assert coordinator.status()["revisions"] == 0


def test_encrypted_chunks_swapped_between_two_bundles_do_not_open(lan, coordinator, tmp_path):
    key_file = tmp_path / "coordinator.pub"
    coordinator.service.export_public_key(key_file)
    lan.save({"/data/staff": "1"})
    first = lan.export(tmp_path / "first.fkb", encrypt_to=[key_file])
    lan.save({"/data/staff": "2"})
    second = lan.export(tmp_path / "second.fkb", encrypt_to=[key_file])
    with ArchiveReader(second) as reader:
        other_chunk = reader.read("revisions/0001.jsonl")
    # even re-listed and re-signed with the device's own key, the chunk belongs to another bundle
    swapped = rewrite(first, tmp_path / "swapped.fkb", replace={"revisions/0001.jsonl": other_chunk},
                      sign=lan.store.identity.sign)
    report = coordinator.import_(swapped)[0]
    assert (report.status, report.step) == ("rejected", "decrypt")
    assert coordinator.status()["revisions"] == 0


def test_a_device_clock_two_years_ahead_is_flagged_and_not_adopted(lan, coordinator, tmp_path):
    two_years_ms = 2 * 365 * 24 * 3600 * 1000
    lan.store.clock = HybridLogicalClock(wall_ms=lambda: time.time_ns() // 1_000_000 + two_years_ms)
    lan.save({"/data/staff": "1"})
    report = coordinator.import_(lan.export(tmp_path / "future.fkb"))[0]
    assert (report.new, report.clock_skew) == (1, [lan.site_id])  # the data is kept
    flagged = coordinator.status()["clock_skew"]
    assert [device["site_id"] for device in flagged] == [lan.site_id]
    coordinator_clock_ms = int(coordinator.store.clock.now().split(".")[0])
    assert coordinator_clock_ms < time.time_ns() // 1_000_000 + 60_000


def _hostile_zip(path, members):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("name", ["../../etc/cron.d/evil", "/etc/passwd", "revisions/../../x.jsonl",
                                  "blobs\\..\\evil", "C:/evil.jsonl"])
def test_a_member_name_outside_the_format_is_refused(coordinator, tmp_path, name):
    path = _hostile_zip(tmp_path / "evil.fkb", [("manifest.json", b"{}"), (name, b"x")])
    report = coordinator.import_(path)[0]
    assert (report.status, report.step) == ("rejected", "size")
    assert "not allowed" in report.reason_en
    assert list(tmp_path.rglob("evil")) == [] and list(tmp_path.rglob("x.jsonl")) == []


def test_duplicate_members_are_refused(coordinator, tmp_path):
    with pytest.warns(UserWarning):
        path = _hostile_zip(tmp_path / "twice.fkb", [("manifest.json", b"{}"), ("manifest.json", b"{}")])
    report = coordinator.import_(path)[0]
    assert report.rejected and "twice" in report.reason_en


def _bounded(call):
    tracemalloc.start()
    started = time.perf_counter()
    try:
        result = call()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return result, peak, time.perf_counter() - started


def test_a_zip_bomb_is_refused_from_its_declared_size_without_inflating(coordinator, tmp_path):
    path = _hostile_zip(tmp_path / "bomb.fkb", [("manifest.json", b"{}"),
                                                ("revisions/0001.jsonl", b"\0" * (200 << 20))])
    assert path.stat().st_size < 1 << 20
    report, peak, seconds = _bounded(lambda: coordinator.import_(path)[0])
    assert (report.status, report.step) == ("rejected", "size")
    assert peak < 2 << 20 and seconds < 2


def test_a_chunk_that_inflates_past_the_limit_is_refused_with_bounded_memory(lan, coordinator, tmp_path):
    lan.save({"/data/notes": "x" * (3 << 20)})
    bundle = lan.export(tmp_path / "big.fkb")
    report, peak, seconds = _bounded(lambda: import_bundle(coordinator.store, bundle,
                                                           limits=Limits(chunk_expanded=1 << 20)))
    assert (report.status, report.step) == ("rejected", "decrypt")
    assert peak < 4 << 20 and seconds < 5
    assert coordinator.status()["revisions"] == 0


def test_an_oversized_manifest_is_refused_before_it_is_read(coordinator, tmp_path):
    path = tmp_path / "huge.fkb"
    with open(path, "wb") as file:
        writer = ArchiveWriter(file)
        writer.add("manifest.json", b"[" * (17 << 20))
        writer.add("manifest.sig", b"\0" * 64)
        writer.finish()
    report, peak, seconds = _bounded(lambda: coordinator.import_(path)[0])
    assert (report.status, report.step) == ("rejected", "size")
    assert "more than" in report.reason_en
    assert peak < 2 << 20 and seconds < 2


def test_deeply_nested_json_is_refused_not_crashing(lan, coordinator, tmp_path):
    source = lan.export(tmp_path / "lan.fkb", full=True)
    forged = tmp_path / "nested.fkb"
    with ArchiveReader(source) as reader:
        members = {name: reader.read(name) for name in reader.members}
    with open(forged, "wb") as file:
        writer = ArchiveWriter(file)
        writer.add("manifest.json", b"[" * 100_000 + b"]" * 100_000)
        writer.add("manifest.sig", members["manifest.sig"])
        writer.finish()
    report = coordinator.import_(forged)[0]
    assert (report.status, report.step) == ("rejected", "size")


def test_a_bundle_of_a_newer_format_asks_to_update_the_app(lan, coordinator, tmp_path, monkeypatch):
    lan.save({"/data/staff": "1"})
    monkeypatch.setattr(bundle_module, "FORMAT_VERSION", 2)
    newer = lan.export(tmp_path / "newer.fkb")
    monkeypatch.setattr(bundle_module, "FORMAT_VERSION", 1)
    report = coordinator.import_(newer)[0]
    assert (report.status, report.step) == ("rejected", "version")
    assert "update the app" in report.reason_en
    assert "cập nhật" in report.reason
    assert coordinator.status()["revisions"] == 0
