"""`fieldkit bundle import` says in words what the JSON report holds: revisions held
until their device is trusted, and an equivocation kept as evidence."""

import pytest

from fieldkit import i18n
from fieldkit.cli import sync as commands
from fieldkit.services.coordinator import RELAYED
from fieldkit.sync.importer import ImportReport

REPORT = ImportReport(
    path="/media/usb/lan.fkb", new=3, awaiting_trust={"site-b": 2},
    tampering=[{"site_id": "site-c", "seq": 7, "kept": "aa11", "other": "bb22"}],
)


@pytest.mark.parametrize(("lang", "held", "evidence"), [
    ("en", "held until device site-b is trusted: 2 revisions",
     "device site-c made two revisions numbered 7: kept aa11, the other (bb22) is kept as evidence"),
    ("vi", "chờ đến khi máy site-b được tin cậy: 2 phiên bản",
     "máy site-c tạo hai phiên bản cùng số 7: giữ aa11, phiên bản kia (bb22) được lưu làm bằng chứng"),
])
def test_held_revisions_and_equivocations_are_printed(capsys, lang, held, evidence):
    i18n.set_message_language(lang)  # as the command line's --lang does
    commands._print_report(REPORT)
    lines = capsys.readouterr().out.splitlines()
    assert lines[1:] == [f"  {held}", f"  {evidence}"]


def test_the_report_of_relayed_revisions_is_named_in_the_cli_language(capsys):
    i18n.set_message_language("vi")
    commands._print_report(ImportReport(path=RELAYED, new=4))
    assert capsys.readouterr().out.startswith("các phiên bản do máy tin cậy chuyển tiếp: ")
