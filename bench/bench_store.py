"""Store benchmarks (issue 3): what saving and listing cost on this machine.

    python bench/bench_store.py [--saves 500] [--records 10000] [--dir DIR]

Prints JSON:
- save_revision: `Submission.save()` of a filled infrastructure form until its Future
  completes (answers, instance XML, validation, signing, one IMMEDIATE transaction,
  synchronous=FULL commit in WAL), and the store-level `commit_revision` alone;
- autosave: `Submission.set()` until its working copy is committed (synchronous=FULL);
- records_query: `service.submissions()` (every row, names resolved) and a text search,
  over N records; `store.records()` alone;
- commune_search: one keystroke over the 3,321 communes.
Figures in milliseconds. The data folder is a temporary folder on the disk under --dir
(default: the system temporary folder); the file system type is reported, because
fsync on tmpfs costs nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from fieldkit.services import SurveyService
from fieldkit.services.submission import whole_instance_xml
from fieldkit.store import revisions as revs

HOAN_KIEM = "00070"


def summary(samples: list[float]) -> dict:
    ordered = sorted(samples)
    return {
        "n": len(ordered), "median_ms": round(statistics.median(ordered) * 1000, 3),
        "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000, 3),
        "max_ms": round(ordered[-1] * 1000, 3),
    }


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def filled_infrastructure(service):
    submission = service.open_submission(form_id="commune_infrastructure", commune_code=HOAN_KIEM)
    for path, question in submission.session.visible_questions():
        if question.type in ("integer", "decimal"):
            submission.session.set(path, "3")
        elif question.type == "text":
            submission.session.set(path, "Nguyễn Văn A — trả lời mẫu")
    return submission


def bench_saves(service, count: int) -> dict:
    submission = filled_infrastructure(service)
    submission.save().result()  # warm up: first write, form loaded
    numeric = [path for path, question in submission.session.visible_questions() if question.type == "integer"]
    service_samples, store_samples = [], []
    for number in range(count):
        submission.session.set(numeric[number % len(numeric)], str(number))
        submission._change_no += 1  # a change, without the autosave this figure excludes
        service_samples.append(timed(lambda: submission.save().result()))
    data = service.store.revision(submission.parent_rev).data
    parent = submission.parent_rev
    for _ in range(count):
        def commit():
            nonlocal parent
            parent = service.store.commit_revision(
                record_id=submission.record_id, parents=[parent], form_id="commune_infrastructure",
                form_version=submission.form.version, data=data, author="bench", action="save").result().rev_id
        store_samples.append(timed(commit))
    return {"service_save": summary(service_samples), "store_commit_revision": summary(store_samples),
            "revision_bytes": len(revs.canonical_json(data))}


def bench_autosaves(service, count: int) -> dict:
    submission = filled_infrastructure(service)
    path = next(path for path, question in submission.session.visible_questions() if question.type == "text")
    samples, autosaves = [], []
    submission.watch_autosaves(autosaves.append)
    for number in range(count):
        def type_and_wait(number: int = number) -> None:
            submission.set(path, f"gõ {number}")
            autosaves.pop().result()
        samples.append(timed(type_and_wait))
    return {"set_until_committed": summary(samples),
            "working_copy_bytes": len(whole_instance_xml(submission.session))}


def add_records(service, count: int) -> None:
    """`count` records of the three shipped forms over the communes, as revisions."""
    communes = [commune.code for commune in service.communes.search("", limit=4000)]
    forms = [(entry.form_id, entry.version) for entry in service.catalog()]
    store = service.store

    def insert(connection):
        for number in range(count):
            form_id, version = forms[number % len(forms)]
            commune = communes[number % len(communes)]
            data = {"status": "finalized" if number % 3 else "draft", "answers": {"/data/x": str(number)},
                    "attachments": {}, "commune": commune, "province": service.communes.get(commune).province_code,
                    "error_count": 0}
            revision = revs.make_revision(
                record_id=str(uuid.uuid4()), parents=[], site_id=store.identity.site_id,
                seq=revs.next_seq(connection, store.identity.site_id), hlc=store.clock.now(), form_id=form_id,
                form_version=version, data=data, author=f"Thành viên {number % 7}", sign=store.identity.sign)
            revs.insert_revision(connection, revision)
            revs.materialize(connection, revision.record_id)

    store.writer.call(insert)


def bench_records(service, count: int) -> dict:
    add_records(service, count)
    service.communes.warm_up()
    return {
        "records": len(service.store.records()),
        "store_records": summary([timed(service.store.records) for _ in range(10)]),
        "service_submissions_first": summary([timed(service.submissions)]),  # rows not yet made
        "service_submissions": summary([timed(service.submissions) for _ in range(10)]),
        "service_submissions_text_search": summary(
            [timed(lambda: service.submissions(text="hoan kiem")) for _ in range(10)]),
        "service_submissions_filter_province": summary(
            [timed(lambda: service.submissions(province="01", status="finalized")) for _ in range(10)]),
    }


def bench_commune_search(service) -> dict:
    service.communes.warm_up()
    typed = ["h", "ho", "hoa", "hoan", "hoan ", "hoan k", "hoan ki", "hoan kie", "hoan kiem", "x", "a", "70"]
    samples = [timed(lambda text=text: service.communes.search(text)) for _ in range(20) for text in typed]
    return {"communes": len(service.communes), "keystroke": summary(samples)}


def filesystem_of(path: Path) -> str:
    result = subprocess.run(["df", "--output=fstype", str(path)], capture_output=True, text=True)
    return result.stdout.split()[-1] if result.returncode == 0 else "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=500)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--dir", default=None)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=arguments.dir) as folder:
        os.environ.setdefault("FIELDKIT_CACHE_DIR", str(Path(folder) / "cache"))
        with SurveyService.open(Path(folder) / "data") as service:
            synchronous = service.store.writer.call(
                lambda connection: connection.execute("PRAGMA synchronous").fetchone()[0], transaction=False)
            results = {
                "python": sys.version.split()[0], "filesystem": filesystem_of(Path(folder)),
                "synchronous": {2: "FULL", 3: "EXTRA"}.get(synchronous, str(synchronous)),
                "save_revision": bench_saves(service, arguments.saves),
                "autosave": bench_autosaves(service, arguments.saves),
                "records_query": bench_records(service, arguments.records),
                "commune_search": bench_commune_search(service),
            }
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
