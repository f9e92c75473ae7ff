"""The shared corpus's forms (XLSForms and XForms others wrote) as a coordinator would
publish them, and a laptop's answers to them given the way the window gives them.

Import as `from tests.helpers.corpus_forms import ...`."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from fieldkit.forms.load import load_form
from fieldkit.forms.model import strip_positions
from fieldkit.services.answers import ensure_repeat_instances
from fieldkit.services.submission import Submission
from tests.helpers.synthetic_answers import synthetic_answers

# Listed at collection time for parametrization; tests needing the files take `corpus_dir`.
XLSFORMS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "xlsforms"
FOLDERS = ("pyxform", "web-forms")
XFORMS = "http://www.w3.org/2002/xforms"


def corpus_form_names() -> list[str]:
    """"folder/file" of every form of the corpus that pyxform converts."""
    return [f"{folder}/{path.name}" for folder in FOLDERS if (XLSFORMS / folder).is_dir()
            for path in sorted((XLSFORMS / folder).iterdir())]


def versioned_copy(source: Path, *, version: str, folder: Path) -> Path:
    """What a coordinator does with a form that has no version before publishing it: the
    same form, as an XForm whose primary instance carries `version`."""
    document = etree.fromstring(load_form(source).xform.encode("utf-8"))
    instance = document.find(f".//{{{XFORMS}}}model/{{{XFORMS}}}instance")
    assert instance is not None, f"{source}: no primary instance"
    root = next(child for child in instance if isinstance(child.tag, str))
    root.set("version", version)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{source.stem}-{source.suffix.lstrip('.')}-v{version}.xml"
    target.write_bytes(etree.tostring(document, xml_declaration=True, encoding="utf-8"))
    return target


def fill(submission: Submission, *, seed: int, files: Path) -> dict[str, str]:
    """Answer what the window would let a person answer (one row per repeat), one
    question at a time as typed; the answers as the form keeps them. Calculated and
    read-only fields, and questions the earlier answers made irrelevant, are passed over
    as the window does. The first photo or file question gets a small file from `files`."""
    given = _attach_one(submission, seed=seed, files=files)
    for path, value in {**synthetic_answers(submission.form, seed), **_clock_answers(submission, seed)}.items():
        if not _askable(submission, path):
            continue
        submission.set(path, value, as_typed=True)
        given[path] = submission.session.value(path)  # as the form keeps it ("0 0" becomes "0.0 0.0")
    return given


def _attach_one(submission: Submission, *, seed: int, files: Path) -> dict[str, str]:
    upload = next((question for question in submission.form.questions()
                   if question.type in ("image", "file") and question.path.count("/") == 2), None)
    if upload is None or not _askable(submission, upload.path):
        return {}
    files.mkdir(parents=True, exist_ok=True)
    photo = files / f"ảnh-{seed}.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + f"a photo for {submission.form.id}".encode() + b"\xff\xd9")
    return {upload.path: submission.attach(upload.path, photo)}


def _clock_answers(submission: Submission, seed: int) -> dict[str, str]:
    """Times and moments, which synthetic_answers leaves out (top-level questions only)."""
    made = {"time": f"{8 + seed % 10:02d}:30:00.000+07:00", "dateTime": f"2026-01-0{1 + seed % 9}T09:15:00.000+07:00"}
    return {question.path: made[question.type] for question in submission.form.questions()
            if question.type in made and question.kind != "none" and question.path.count("/") == 2}


def _askable(submission: Submission, path: str) -> bool:
    bind = submission.form.binds.get(strip_positions(path))
    if bind is not None and bind.calculate:  # the window shows it, computed, not an input
        return False
    ensure_repeat_instances(submission.session, path)  # the rows the window would have added
    return submission.session.is_relevant(path) and not submission.session.is_readonly(path)
