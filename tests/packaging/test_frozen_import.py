"""Multiprocessing in the frozen app: `fieldkit bundle import` of bundles big enough for
the revision checks' worker processes (multiprocessing "spawn", fieldkit.sync.pipeline)
ends where the same import from source does, and its workers run the checks: none of
them is another copy of the app (which a missing freeze_support() at the frozen entry
point would start, one per worker)."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from fieldkit.services.coordinator import CoordinatorService
from fieldkit.store import Store, trust
from fieldkit.store.revisions import insert_revision, make_revision, materialize_new
from fieldkit.sync import pipeline
from fieldkit.sync.export import export_bundle
from tests.helpers.processes import watch

REPO_ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")


def laptop_bundle(root: Path, name: str, submissions: int) -> tuple[Path, str]:
    """A laptop's bundle of `submissions` finalized submissions with hard-to-compress
    answers (about 12 KB each in the bundle); the fingerprint that signed it."""
    laptop = Store.open(data_dir=root / name, device_name=name)

    def write(connection):
        for number in range(submissions):
            answers = {f"/data/q{index}": os.urandom(512).hex() for index in range(24)}
            revision = make_revision(record_id=str(uuid.uuid4()), parents=[], site_id=laptop.identity.site_id,
                                     seq=number + 1, hlc=laptop.clock.now(), form_id="ha_tang", form_version="1",
                                     data={"status": "finalized", "answers": answers, "attachments": {},
                                           "commune": "00070", "province": "01"},
                                     author=name, sign=laptop.identity.sign)
            insert_revision(connection, revision)
            materialize_new(connection, revision)

    laptop.writer.call(write)
    bundle = root / "stick" / f"{name}.fkb"
    bundle.parent.mkdir(exist_ok=True)
    export_bundle(laptop, bundle)
    fingerprint = laptop.identity.fingerprint
    laptop.close()
    return bundle, fingerprint


@pytest.fixture(scope="module")
def two_laptops_bundles(tmp_path_factory):
    root = tmp_path_factory.mktemp("laptops")
    made = [laptop_bundle(root, name, 250) for name in ("laptop-1", "laptop-2")]
    bundles = [bundle for bundle, _fingerprint in made]
    assert sum(bundle.stat().st_size for bundle in bundles) >= pipeline.WORKER_MIN_BYTES  # the workers are used
    return bundles, [fingerprint for _bundle, fingerprint in made]


def coordinator_trusting(data_dir: Path, fingerprints: list[str]) -> Path:
    with CoordinatorService.open(data_dir, device_name="coordinator") as service:
        for fingerprint in fingerprints:
            service.store.writer.call(lambda connection, key=fingerprint: trust.record_trust(
                connection, fingerprint=key, trusted=True))
    return data_dir


def state_digest(fieldkit: list, data_dir: Path) -> str:
    status = subprocess.run([*fieldkit, "--data-dir", str(data_dir), "status", "--json"], capture_output=True,
                            text=True, cwd=REPO_ROOT, timeout=120)
    assert status.returncode == 0, status.stderr
    return json.loads(status.stdout)["state_digest"]


def test_a_big_import_in_the_frozen_app_uses_its_workers_and_ends_where_the_source_import_does(
        frozen_app, two_laptops_bundles, tmp_path):
    bundles, fingerprints = two_laptops_bundles
    source, frozen = [sys.executable, "-m", "fieldkit.cli"], [str(frozen_app)]
    from_source = coordinator_trusting(tmp_path / "from-source", fingerprints)
    imported = subprocess.run([*source, "--data-dir", str(from_source), "bundle", "import", *map(str, bundles)],
                              capture_output=True, text=True, cwd=REPO_ROOT, timeout=600)
    assert imported.returncode == 0, imported.stderr

    from_frozen = coordinator_trusting(tmp_path / "from-frozen", fingerprints)
    importing = subprocess.Popen([*frozen, "--data-dir", str(from_frozen), "--lang", "en", "bundle", "import",
                                  *map(str, bundles)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    children, stdout, stderr = watch(importing, timeout=600)

    assert (importing.returncode, stderr) == (0, ""), stderr  # a copy of the app in a worker: "usage: fieldkit"
    assert stdout.count(": imported: 250 new") == 2, stdout
    workers = [child for child in children if "--multiprocessing-fork" in child.command]
    assert len(workers) == pipeline.RevisionWorker.PROCESSES, [child.command for child in children]
    assert all(child.command[0] == str(frozen_app) for child in children), [child.command for child in children]
    assert state_digest(frozen, from_frozen) == state_digest(source, from_source)
