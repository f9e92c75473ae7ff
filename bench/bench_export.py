"""Export benchmark (issue 5, item 7). Not a test: prints figures as JSON.

    python bench/bench_export.py                     # 100,000 staffing submissions, XLSX and CSV
    python bench/bench_export.py --submissions 5000  # a quick run
    python bench/bench_export.py --formats xlsx,csv,sqlite,json

The data: N submissions of the shipped commune_staffing form (its roster repeat holding
1 to 5 people, 3 on average), each a signed revision with answers and an instance XML
of the usual size, written straight through the store (make_revision, executemany,
materialize_many) in batches. Each export runs in a child process that opens the data
folder and calls `export_submissions`; it reports the export's seconds, its own peak RSS
(VmHWM) and its RSS before the export began, the rows per table and the file's size.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fieldkit.services import SurveyService  # noqa: E402
from fieldkit.store.revisions import insert_revisions, make_revision, materialize_many  # noqa: E402

FORM_ID = "commune_staffing"
BATCH = 5000
ROLES = ("chairperson", "vice_chairperson", "office_head", "it_officer", "civil_servant")
NAMES = ("Nguyễn Thị Lan", "Trần Văn Bình", "Lê Thị Hoa", "Phạm Quốc Việt", "Đỗ Minh Anh")


def answers_of(number: int, commune, day: str) -> dict[str, str]:
    people = 1 + number % 5
    answers = {
        "/data/province": commune.province_code, "/data/commune": commune.code, "/data/visit_date": day,
        "/data/province_name": commune.province_name, "/data/commune_name": commune.name,
        "/data/total_staff": str(10 + number % 30), "/data/one_stop_staff": str(2 + number % 4),
        "/data/it_staff": str(number % 3), "/data/roster_count": str(people), "/data/trained_count": str(people - 1),
        "/data/trained_pct": f"{100 * (people - 1) / people:.1f}", "/data/cert_holders": str(number % people),
        "/data/roster_over_total": "", "/data/training_needs": "information_security digital_transformation",
        "/data/training_needs_notes": f"Ghi chú số {number}: cần tập huấn an toàn thông tin",
        "/data/start": f"{day}T08:00:00.000+07:00", "/data/end": f"{day}T09:30:00.000+07:00",
        "/data/deviceid": "bench", "/data/username": "bench", "/data/meta/instanceID": f"uuid:{uuid.UUID(int=number)}",
        "/data/meta/instanceName": f"{commune.name} – {day}",
    }
    for position in range(1, people + 1):
        prefix = f"/data/roster[{position}]"
        answers.update({
            f"{prefix}/name": NAMES[(number + position) % 5], f"{prefix}/role": ROLES[position % 5],
            f"{prefix}/trainings": "digital_transformation telecommunications",
            f"{prefix}/has_signature_cert": "yes" if position % 2 else "no",
            f"{prefix}/is_trained": "1", f"{prefix}/is_cert_holder": str(position % 2)})
    return answers


def instance_xml(answers: dict[str, str]) -> str:
    """About the size of a real one: every answer as an element."""
    return "<data>" + "".join(f"<{path.rsplit('/', 1)[1]}>{value}</{path.rsplit('/', 1)[1]}>"
                              for path, value in answers.items()) + "</data>"


def fill(data_dir: Path, count: int) -> dict:
    started = time.perf_counter()
    with SurveyService.open(data_dir, device_name="bench") as service:
        form = service.form(FORM_ID)
        communes = [service.communes.get(code) for code in sorted(
            commune.code for province in service.communes.provinces()
            for commune in service.communes.in_province(province.code))]
        store = service.store
        for first in range(0, count, BATCH):
            def write(connection, first=first):
                seq = connection.execute("SELECT coalesce(max(seq), 0) FROM revisions").fetchone()[0]
                made = []
                for number in range(first, min(first + BATCH, count)):
                    commune = communes[number % len(communes)]
                    answers = answers_of(number, commune, f"2025-11-{1 + number % 28:02d}")
                    data = {"status": "finalized" if number % 4 else "draft", "answers": answers, "attachments": {},
                            "commune": commune.code, "province": commune.province_code,
                            "instance_xml": instance_xml(answers), "error_count": 0}
                    seq += 1
                    made.append(make_revision(
                        record_id=str(uuid.UUID(int=number)), parents=[], site_id=store.identity.site_id, seq=seq,
                        hlc=store.clock.now(), form_id=FORM_ID, form_version=form.version or "", data=data,
                        author="bench", sign=store.identity.sign))
                insert_revisions(connection, [revision.as_dict() for revision in made])
                materialize_many(connection, made)

            store.writer.call(write)
    size = sum(path.stat().st_size for path in data_dir.glob("fieldkit.sqlite3*"))
    return {"submissions": count, "seconds": round(time.perf_counter() - started, 1),
            "database_mb": round(size / 2**20, 1)}


CHILD = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from fieldkit.reports.export import export_submissions
from fieldkit.services import SurveyService

def rss(field):
    return [int(line.split()[1]) * 1024 for line in open('/proc/self/status') if line.startswith(field)][0]

service = SurveyService.open(Path(sys.argv[2]))
service.form(sys.argv[5])  # the form loaded, as in the app where the export dialog opens
before = rss('VmRSS')
started = time.perf_counter()
result = export_submissions(service, format=sys.argv[3], out=Path(sys.argv[4]), form_id=sys.argv[5])
seconds = time.perf_counter() - started
service.close()
print(json.dumps({"seconds": round(seconds, 2), "rss_before_mb": round(before / 2**20, 1),
                  "peak_rss_mb": round(rss('VmHWM') / 2**20, 1), "rows": result.rows}))
"""


def export_in_child(data_dir: Path, format: str, out: Path) -> dict:
    completed = subprocess.run(
        [sys.executable, "-c", CHILD, str(Path(__file__).resolve().parents[1]), str(data_dir), format, str(out),
         FORM_ID], capture_output=True, text=True, check=True)
    figures = json.loads(completed.stdout.strip().splitlines()[-1])
    files = [out] if out.is_file() else list(out.glob("*"))
    figures["output_mb"] = round(sum(path.stat().st_size for path in files) / 2**20, 1)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=100_000)
    parser.add_argument("--formats", default="xlsx,csv")
    parser.add_argument("--dir", help="where the temporary data folder goes (default: the system's)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=arguments.dir, prefix="bench-export-") as root:
        root = Path(root)
        figures = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
                   "data": fill(root / "data", arguments.submissions), "exports": {}}
        for format in arguments.formats.split(","):
            out = root / ("xuat" if format == "csv" else f"xuat.{format}")
            figures["exports"][format] = export_in_child(root / "data", format, out)
    print(json.dumps(figures, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
