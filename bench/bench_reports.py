"""Summary benchmark (issue 5, items 1–3). Not a test: prints figures as JSON.

    python bench/bench_reports.py            # every commune (3,321) with the three shipped forms
    python bench/bench_reports.py --quick    # 300 communes
    python bench/bench_reports.py --edited   # and each survey corrected: a draft saved on its finalized revision

Synthetic submissions of the shipped forms are written straight through the store (signed
revisions, records materialized), as an import would leave them; then:
- a commune summary (biên bản) end to end: build the Document, then render the PDF with
  fieldkit.ui.printing.write_pdf (target < 1 s), the first build (imports, form loading)
  and the median of the next ones reported apart;
- the national summary over every commune (target < 15 s) and one province's, built and
  rendered;
- the per-form summary of the infrastructure survey over every submission.
Times are medians of wall-clock seconds; end_to_end_cpu_s is this process's CPU time for
build + render (other jobs on the machine do not inflate it).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fieldkit.reports import ReportService  # noqa: E402
from fieldkit.services import SurveyService  # noqa: E402
from fieldkit.store.revisions import insert_revision, make_revision, materialize_new  # noqa: E402

TOPICS = ("digitisation", "st_management", "digital_transformation", "intellectual_property", "telecommunications",
          "measurement_quality")
PROBLEMS = ("merger_infrastructure", "old_equipment", "no_signal", "missing_connections", "digital_signature",
            "unsynced_processes", "inaccurate_eforms", "staff_shortage", "budget")
SIGNAL = ("none", "weak", "usable", "good")


def infrastructure(pick: random.Random) -> dict[str, str]:
    computers = pick.randint(5, 40)
    total = pick.randint(80, 200)
    answers = {
        "/data/respondents[1]/respondent_name": "Nguyễn Văn Chủ", "/data/respondents[1]/respondent_role": "chairperson",
        "/data/network/tsl_connected": pick.choice(("yes", "yes", "no")), "/data/network/tsl_bandwidth": "20",
        "/data/network/outages_per_month": str(pick.randint(0, 8)),
        "/data/office_area/office_mobile": pick.choice(SIGNAL),
        "/data/office_area/office_internet": pick.choice(SIGNAL),
        "/data/equipment/computers": str(computers), "/data/equipment/computers_old": str(pick.randint(0, computers)),
        "/data/equipment/scanners": str(pick.randint(0, 6)), "/data/equipment/printers": str(pick.randint(1, 10)),
        "/data/equipment/signature_tokens": str(pick.randint(0, 12)), "/data/equipment/videoconf": "no",
        "/data/services/one_stop_in_use": "yes", "/data/services/portal_integration": "partial",
        "/data/services/db_failures": "none",
        "/data/services/records_digitised_pct": f"{pick.uniform(0, 100):.1f}",
        "/data/services/records_online_pct": f"{pick.uniform(0, 100):.1f}",
        "/data/services/procedures_total": str(total),
        "/data/services/procedures_configured": str(pick.randint(0, total)),
        "/data/findings/problems": " ".join(pick.sample(PROBLEMS, pick.randint(1, 3))),
    }
    return answers


def staffing(pick: random.Random) -> dict[str, str]:
    answers = {"/data/total_staff": str(pick.randint(15, 40)), "/data/one_stop_staff": str(pick.randint(2, 6)),
               "/data/it_staff": str(pick.randint(0, 2)), "/data/training_needs": "information_security"}
    for row in range(1, pick.randint(5, 15) + 1):
        trained = pick.sample(TOPICS, pick.randint(0, 2))
        answers.update({f"/data/roster[{row}]/name": f"Cán bộ {row}", f"/data/roster[{row}]/role": "civil_servant",
                        f"/data/roster[{row}]/trainings": " ".join(trained) or "none",
                        f"/data/roster[{row}]/has_signature_cert": pick.choice(("yes", "no"))})
    return answers


def minutes(pick: random.Random) -> dict[str, str]:
    return {"/data/delegation_name": "Đoàn công tác số 1",
            "/data/participants[1]/participant_name": "Nguyễn Văn An",
            "/data/participants[1]/participant_role": "delegation",
            "/data/issues[1]/issue_text": "Thiết bị một cửa đã cũ.",
            "/data/issues[1]/issue_group": pick.choice(PROBLEMS),
            "/data/recommendations[1]/recommendation": "Trang bị mới máy tính.",
            "/data/recommendations[1]/responsible": "province_department", "/data/recommendations[1]/priority": "high"}


def revision_data(commune, answers: dict[str, str]) -> dict:
    answers = {"/data/province": commune.province_code, "/data/commune": commune.code,
               "/data/visit_date": "2026-11-20", **answers}
    xml = "".join(f"<v>{value}</v>" for value in answers.values()) * 3  # an instance of realistic size
    return {"status": "finalized", "answers": answers, "attachments": {}, "commune": commune.code,
            "province": commune.province_code, "instance_xml": f"<data>{xml}</data>", "error_count": 0}


def fill(survey: SurveyService, communes: list, *, edited: bool = False) -> float:
    """Three finalized submissions per commune, written in batches; seconds taken.
    `edited`: each infrastructure survey then gets a draft revision on top (a summary
    walks back to the finalized one)."""
    store, pick = survey.store, random.Random(5)
    versions = {entry.form_id: entry.version for entry in survey.catalog()}
    started = time.perf_counter()
    for first in range(0, len(communes), 500):
        def write(connection, batch=communes[first:first + 500]):
            seq = connection.execute("SELECT coalesce(max(seq), 0) FROM revisions").fetchone()[0]
            for commune in batch:
                for form_id, make in (("commune_infrastructure", infrastructure), ("commune_staffing", staffing),
                                      ("visit_minutes", minutes)):
                    seq += 1
                    revision = make_revision(
                        record_id=str(uuid.UUID(int=pick.getrandbits(128))), parents=[],
                        site_id=store.identity.site_id, seq=seq, hlc=store.clock.now(), form_id=form_id,
                        form_version=versions[form_id], data=revision_data(commune, make(pick)), author="bench",
                        sign=store.identity.sign)
                    insert_revision(connection, revision)
                    materialize_new(connection, revision)
                    if edited and form_id == "commune_infrastructure":
                        seq += 1
                        draft = make_revision(
                            record_id=revision.record_id, parents=[revision.rev_id], site_id=store.identity.site_id,
                            seq=seq, hlc=store.clock.now(), form_id=form_id, form_version=versions[form_id],
                            data={**revision.data, "status": "draft"}, author="bench", sign=store.identity.sign)
                        insert_revision(connection, draft)
                        materialize_new(connection, draft)

        store.writer.call(write)
    return time.perf_counter() - started


def timed(build) -> tuple[float, object]:
    started = time.perf_counter()
    result = build()
    return time.perf_counter() - started, result


def cpu_timed(build) -> float:
    """CPU seconds of this process: the honest figure when other jobs share the cores."""
    started = time.process_time()
    build()
    return time.process_time() - started


def build_and_render(build, out: Path, repeats: int) -> dict:
    from fieldkit.ui.printing import write_pdf

    first_build, document = timed(build)
    builds, renders, cpu = [], [], []
    for _ in range(repeats):
        seconds, document = timed(build)
        builds.append(seconds)
        renders.append(timed(lambda document=document: write_pdf(document, out))[0])
        cpu.append(cpu_timed(lambda: write_pdf(build(), out)))
    return {"first_build_s": round(first_build, 3), "build_s": round(statistics.median(builds), 3),
            "render_pdf_s": round(statistics.median(renders), 3),
            "end_to_end_s": round(statistics.median(builds) + statistics.median(renders), 3),
            "end_to_end_cpu_s": round(statistics.median(cpu), 3),
            "charts": len(document.images), "html_kb": round(len(document.html) / 1024, 1),
            "pdf_kb": round(out.stat().st_size / 1024, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="300 communes instead of every one")
    parser.add_argument("--edited", action="store_true", help="a draft saved on top of each finalized survey")
    arguments = parser.parse_args()
    from fieldkit.ui.printing import ensure_application

    ensure_application()
    with tempfile.TemporaryDirectory() as folder, SurveyService.open(Path(folder) / "data") as survey:
        communes = [commune for province in survey.communes.provinces()
                    for commune in survey.communes.in_province(province.code)]
        communes = communes[::11] if arguments.quick else communes
        fill_seconds = fill(survey, communes, edited=arguments.edited)
        reports, out = ReportService(survey), Path(folder)
        figures = {
            "communes": len(communes), "submissions": 3 * len(communes), "edited": arguments.edited,
            "fill_s": round(fill_seconds, 1),
            "commune_summary": build_and_render(lambda: reports.commune_summary(communes[0].code),
                                                out / "commune.pdf", repeats=5),
            "province_summary": build_and_render(lambda: reports.province_summary(communes[0].province_code),
                                                 out / "province.pdf", repeats=2),
            "national_summary": build_and_render(reports.national_summary, out / "national.pdf", repeats=2),
            "form_summary_infrastructure": build_and_render(
                lambda: reports.form_summary("commune_infrastructure"), out / "form.pdf", repeats=2),
        }
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
