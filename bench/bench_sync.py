"""Sync benchmark (issue 4, item 6). Not a test: prints figures as JSON.

    python bench/bench_sync.py            # 100 bundles, 100,000 submissions of a 250-question form
    python bench/bench_sync.py --quick    # 10 bundles, 2,000 submissions (a minute on 2 cores)
    python bench/bench_sync.py --bundles 320 --memory-only   # ~1 GB of bundles: peak memory only

Figures: export and import time of the bundles (imported as the CLI and the GUI do:
CoordinatorService.import_paths, all at once, with the worker process); the same
revision rows inserted into SQLite with executemany in one transaction (the raw floor,
same pragmas: WAL, synchronous=FULL); import throughput / raw throughput (target >=
0.5); Ed25519 sign and verify time for as many revisions; peak RSS of a child process
importing all the bundles into a fresh coordinator, and of its worker process (target
< 300 MB for 1 GB of bundles). `--memory-only` skips the timed import and the raw
comparison (whose rows the bench holds: ~17 GB for 320 bundles), not the child.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fieldkit.services.coordinator import CoordinatorService  # noqa: E402
from fieldkit.store import Store, trust  # noqa: E402
from fieldkit.store.acknowledgements import record_acknowledgement  # noqa: E402
from fieldkit.store.revisions import REVISION_FIELDS, insert_revision, make_revision, materialize_new  # noqa: E402
from fieldkit.store.values import Revision  # noqa: E402
from fieldkit.sync import pipeline  # noqa: E402
from fieldkit.sync.export import export_bundle  # noqa: E402

QUESTIONS = 250


def submission_data(number: int) -> dict:
    answers = {f"/data/g{question // 25}/q{question}": f"giá trị {number}-{question}" for question in range(QUESTIONS)}
    xml = "".join(f"<q{question}>giá trị {number}-{question}</q{question}>" for question in range(QUESTIONS))
    return {"status": "finalized", "answers": answers, "attachments": {}, "commune": f"{number % 3321:05d}",
            "province": "01", "instance_xml": f"<data>{xml}</data>", "error_count": 0}


def make_submissions(store: Store, *, first: int, count: int) -> list[Revision]:
    def write(connection):
        made = []
        seq = connection.execute("SELECT coalesce(max(seq), 0) FROM revisions").fetchone()[0]
        for number in range(first, first + count):
            seq += 1
            revision = make_revision(record_id=str(uuid.UUID(int=number)), parents=[], site_id=store.identity.site_id,
                                     seq=seq, hlc=store.clock.now(), form_id="bench", form_version="1",
                                     data=submission_data(number), author="bench", sign=store.identity.sign)
            insert_revision(connection, revision)
            materialize_new(connection, revision)
            made.append(revision)
        return made

    return store.writer.call(write)


def raw_insert(path: Path, rows: list[tuple]) -> float:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute(f"CREATE TABLE revisions ({', '.join(REVISION_FIELDS)}, PRIMARY KEY (rev_id))")
    started = time.perf_counter()
    connection.execute("BEGIN")
    connection.executemany(f"INSERT INTO revisions VALUES ({', '.join('?' * len(REVISION_FIELDS))})", rows)
    connection.execute("COMMIT")
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed


def as_row(revision: Revision) -> tuple:
    return (revision.rev_id, revision.record_id, json.dumps(list(revision.parents)), revision.site_id,
            revision.seq, revision.hlc, revision.form_id, revision.form_version,
            json.dumps(revision.data, ensure_ascii=False, sort_keys=True), 0, revision.author, revision.sig)


def signing_cost(store: Store, revisions: list[Revision]) -> dict:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    messages = [bytes.fromhex(revision.rev_id) for revision in revisions]
    started = time.perf_counter()
    signatures = [store.identity.sign(message) for message in messages]
    signed = time.perf_counter() - started
    key = Ed25519PublicKey.from_public_bytes(store.identity.public_key)
    started = time.perf_counter()
    for message, signature in zip(messages, signatures, strict=True):
        key.verify(signature, message)
    return {"sign_s": round(signed, 2), "verify_s": round(time.perf_counter() - started, 2), "count": len(messages)}


def peak_import_memory(data_dir: Path, bundles: list[Path], fingerprint: str) -> dict:
    """Peak RSS of a child that imports every bundle into a fresh coordinator, and of the
    largest of the worker processes it starts (the child's own children: nothing else)."""
    script = (
        "import sys, resource; sys.path.insert(0, sys.argv[1])\n"
        "from pathlib import Path\nfrom fieldkit.services.coordinator import CoordinatorService\n"
        "from fieldkit.store import trust\n"
        "service = CoordinatorService.open(Path(sys.argv[2]))\n"
        "service.store.writer.call(lambda c: trust.record_trust(c, fingerprint=sys.argv[3], trusted=True))\n"
        "reports = service.import_paths([Path(path) for path in sys.argv[4:]])\n"
        "assert not any(report.rejected for report in reports)\n"
        "service.close()\n"
        # VmHWM: this process's own peak (ru_maxrss would include the parent's, inherited through fork);
        # RUSAGE_CHILDREN: the largest of its children waited for (the workers, joined by close())
        "print([int(line.split()[1]) * 1024 for line in open('/proc/self/status') if line.startswith('VmHWM')][0],"
        " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024)\n")
    result = subprocess.run([sys.executable, "-c", script, str(Path(__file__).resolve().parents[1]), str(data_dir),
                             fingerprint, *map(str, bundles)], capture_output=True, text=True, check=True)
    importer, worker = map(int, result.stdout.strip().splitlines()[-1].split())
    workers = pipeline.RevisionWorker.PROCESSES if worker else 0
    return {"import_peak_rss_mb": round(importer / 2**20, 1), "import_worker_peak_rss_mb": round(worker / 2**20, 1),
            # each worker's peak is at most the largest one's
            "import_all_processes_peak_rss_mb_at_most": round((importer + workers * worker) / 2**20, 1)}


def one_bundle(path: Path, fingerprint: str, root: Path) -> dict:
    """Seconds to import one bundle into a fresh coordinator: checked here, and by worker
    processes started for it (what WORKER_MIN_BYTES weighs); the workers' start alone."""
    figures = {"bundle_bytes": path.stat().st_size}
    for name, threshold in (("here_s", 1 << 60), ("fresh_workers_s", 0)):
        service = CoordinatorService.open(root / f"one-{name}", device_name="bench-one")
        service.store.writer.call(lambda c: trust.record_trust(c, fingerprint=fingerprint, trusted=True))
        pipeline.WORKER_MIN_BYTES, kept = threshold, pipeline.WORKER_MIN_BYTES
        started = time.perf_counter()
        assert not service.import_paths([path])[0].rejected
        figures[name] = round(time.perf_counter() - started, 2)
        pipeline.WORKER_MIN_BYTES = kept
        service.close()
    worker = pipeline.RevisionWorker()
    started = time.perf_counter()
    worker.check(b"", {}).result()
    figures["worker_start_s"] = round(time.perf_counter() - started, 2)
    worker.close()
    return figures


def run(*, bundles: int, per_bundle: int, root: Path, memory_only: bool = False) -> dict:
    laptop = Store.open(data_dir=root / "laptop", device_name="bench-laptop")
    coordinator = CoordinatorService.open(root / "coordinator", device_name="bench-coordinator")
    coordinator.store.writer.call(
        lambda c: trust.record_trust(c, fingerprint=laptop.identity.fingerprint, trusted=True))
    export_s, paths, rows, every, json_bytes = 0.0, [], [], [], 0
    for number in range(bundles):
        made = make_submissions(laptop, first=number * per_bundle, count=per_bundle)
        every += made[:2000 - len(every)] if len(every) < 2000 else []
        made_rows = [as_row(revision) for revision in made]
        json_bytes += sum(len(row[8]) for row in made_rows)
        rows += [] if memory_only else made_rows
        path = root / f"bundle-{number:03d}.fkb"
        started = time.perf_counter()
        export_bundle(laptop, path)
        export_s += time.perf_counter() - started
        # the coordinator's acknowledgement, as its next bundle would carry it
        laptop.writer.call(lambda c, last=made[-1].seq: record_acknowledgement(
            c, peer="coordinator", vector={laptop.identity.site_id: last}))
        paths.append(path)
    total = bundles * per_bundle
    figures = {"bundles": bundles, "submissions": total, "questions": QUESTIONS,
               "bundle_bytes": sum(path.stat().st_size for path in paths), "revision_json_bytes": json_bytes,
               "export_s": round(export_s, 2)}
    if not memory_only:
        figures.update(timed_import(coordinator, paths, rows, root=root, per_bundle=per_bundle))
        figures["export_vs_raw"] = round(figures["raw_executemany_s"] / export_s, 3)
        figures["one_bundle_import"] = one_bundle(paths[0], laptop.identity.fingerprint, root)
        signing = signing_cost(laptop, every)
        figures["ed25519_per_revision_us"] = {"sign": round(signing["sign_s"] / signing["count"] * 1e6, 1),
                                              "verify": round(signing["verify_s"] / signing["count"] * 1e6, 1)}
        figures["ed25519_for_all_s"] = {"sign": round(signing["sign_s"] / signing["count"] * total, 1),
                                        "verify": round(signing["verify_s"] / signing["count"] * total, 1)}
    del rows
    fingerprint = laptop.identity.fingerprint
    laptop.close()
    coordinator.close()
    figures.update(peak_import_memory(root / "memory", paths, fingerprint))
    figures["bench_process_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    figures["load_average"] = [round(load, 2) for load in os.getloadavg()]
    return figures


def timed_import(coordinator: CoordinatorService, paths: list[Path], rows: list[tuple], *, root: Path,
                 per_bundle: int) -> dict:
    """The import of every bundle in one call, as the CLI makes it; raw executemany of the rows."""
    started = time.perf_counter()
    cpu = time.process_time()
    reports = coordinator.import_paths(paths)
    import_s, import_cpu_s = time.perf_counter() - started, time.process_time() - cpu
    assert all(report.new == per_bundle for report in reports), [report.as_dict() for report in reports
                                                                 if report.new != per_bundle][:1]
    raw_s = raw_insert(root / "raw.sqlite3", rows)
    return {"import_s": round(import_s, 2), "import_main_process_cpu_s": round(import_cpu_s, 2),
            "raw_executemany_s": round(raw_s, 2), "import_vs_raw": round(raw_s / import_s, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--bundles", type=int)
    parser.add_argument("--per-bundle", type=int)
    parser.add_argument("--memory-only", action="store_true", help="export, then only the peak memory of an import")
    arguments = parser.parse_args()
    bundles = arguments.bundles or (10 if arguments.quick else 100)
    per_bundle = arguments.per_bundle or (200 if arguments.quick else 1000)
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as folder:
        print(json.dumps(run(bundles=bundles, per_bundle=per_bundle, root=Path(folder),
                             memory_only=arguments.memory_only), indent=2))


if __name__ == "__main__":
    main()
