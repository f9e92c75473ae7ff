"""Issue 10, item 9: bundles of keys nobody trusts (anyone can make one) cannot fill the
coordinator's disk. A bundle is kept in quarantine only once every check the bundle
alone allows has passed (size, signature, versions, every member's SHA-256), and the
quarantine keeps within its quota, oldest out first. Real bundle files, real folders."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from fieldkit.sync.archive import ArchiveReader, ArchiveWriter, Limits
from fieldkit.sync.importer import QUARANTINE_DIR, import_bundle
from tests.helpers.bundle_edits import rewrite
from tests.helpers.sync_devices import Device

MB = 1 << 20


@pytest.fixture
def coordinator(tmp_path):
    device = Device(tmp_path, "coordinator")
    yield device
    device.close()


def stranger_bundle(root: Path, name: str, *, junk: int) -> Path:
    """A bundle of a throwaway key carrying `junk` bytes of random attachment, every
    member listed with its true hash and the manifest signed: as valid as anyone can make."""
    stranger = Device(root, name)
    try:
        stranger.save({"/data/staff": "1"})
        data = os.urandom(junk)
        return rewrite(stranger.export(root / f"{name}-plain.fkb"), root / f"{name}.fkb",
                       replace={f"blobs/{hashlib.sha256(data).hexdigest()}": data}, sign=stranger.store.identity.sign)
    finally:
        stranger.close()


def quarantine_files(device: Device) -> dict[str, int]:
    folder = device.store.data_dir / QUARANTINE_DIR
    return {path.name: path.stat().st_size for path in folder.iterdir()} if folder.exists() else {}


def quarantine_rows(device: Device) -> dict[str, int]:
    return {Path(row["file"]).name: row["size"] for row in device.service.quarantined()}


def test_junk_whose_members_do_not_match_the_signed_manifest_is_not_kept(coordinator, tmp_path):
    """Five bundles of 4 MB of junk, each a throwaway key's signed manifest over members
    that are not what it lists (they were copied in whole before)."""
    for number in range(5):
        source = stranger_bundle(tmp_path, f"junk{number}", junk=16)
        with ArchiveReader(source) as reader:
            members = {name: reader.read(name) for name in reader.members}
        blob = next(name for name in members if name.startswith("blobs/"))
        members[blob] = os.urandom(4 * MB)  # the manifest still lists 16 bytes
        junk = tmp_path / f"junk{number}-big.fkb"
        with open(junk, "wb") as file:
            writer = ArchiveWriter(file)
            for name, data in members.items():
                writer.add(name, data)
            writer.finish()
        report = import_bundle(coordinator.store, junk)
        assert (report.status, report.step) == ("rejected", "hash")
    assert quarantine_files(coordinator) == {}
    assert coordinator.service.quarantined() == []


def test_the_quarantine_keeps_its_quota_oldest_out_first(coordinator, tmp_path):
    limits = Limits(quarantine=5 * MB)
    bundles = [stranger_bundle(tmp_path, f"stranger{number}", junk=2 * MB) for number in range(5)]
    for bundle in bundles:
        report = import_bundle(coordinator.store, bundle, limits=limits)
        assert report.status == "quarantined"
    kept = quarantine_files(coordinator)
    assert sum(kept.values()) <= limits.quarantine
    assert kept == quarantine_rows(coordinator)  # no row without its file, no file without its row
    with ArchiveReader(bundles[-1]) as newest, ArchiveReader(bundles[-2]) as before:
        assert len(kept) == 2 and {newest.size, before.size} == set(kept.values())
    assert {hashlib.sha256(path.read_bytes()).hexdigest() for path in bundles[-2:]} == {
        hashlib.sha256((coordinator.store.data_dir / QUARANTINE_DIR / name).read_bytes()).hexdigest()
        for name in kept}


def test_a_bundle_larger_than_the_quarantine_is_refused_and_not_kept(coordinator, tmp_path):
    limits = Limits(quarantine=1 * MB)
    bundle = stranger_bundle(tmp_path, "big", junk=2 * MB)
    report = import_bundle(coordinator.store, bundle, limits=limits)
    assert (report.status, report.step) == ("rejected", "signer")
    assert f"larger than the quarantine holds ({1 * MB} bytes), so it was not kept" in report.reason_en
    assert "lớn hơn sức chứa của khu cách ly" in report.reason
    assert quarantine_files(coordinator) == {}
    assert coordinator.service.quarantined() == []
