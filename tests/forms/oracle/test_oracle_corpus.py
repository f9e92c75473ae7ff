"""Differential tests over real forms: the shared corpus (pyxform's and web-forms'
XLSForms) and fieldkit's own forms/, opened blank and filled by a scripted user, in
fieldkit and in ODK's own engine; values and relevance must agree after every step.

fieldkit converts each XLSForm (load_form) and the oracle gets that same XForm text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldkit.forms import FormError, load_form
from tests.helpers.oracle_process import REPO_ROOT
from tests.helpers.oracle_run import SideBySide, scripted_fill

CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "xlsforms"
# Converts, but its calculation is prose: both engines must refuse it (own test below).
REJECTED = {"bad_calc.xlsx"}


def _form_names() -> list[str]:
    """'folder/name' of every form, listed at collection time (the corpus_dir fixture
    skips when the corpus is absent)."""
    names = [f"shipped/{path.name}" for path in sorted((REPO_ROOT / "forms").glob("*.xlsx"))]
    for folder in ("pyxform", "web-forms"):
        directory = CORPUS / folder
        if directory.is_dir():
            names += [f"{folder}/{path.name}" for path in sorted(directory.iterdir()) if path.name not in REJECTED]
    return names


@pytest.fixture
def form(request, corpus_dir):
    folder, name = request.param.split("/", 1)
    base = REPO_ROOT / "forms" if folder == "shipped" else corpus_dir / "xlsforms" / folder
    return load_form(base / name)


@pytest.mark.parametrize("form", _form_names(), indirect=True)
def test_blank_form_matches_odk(oracle, form):
    pair = SideBySide(oracle, form)
    try:
        assert pair.load_error is None, pair.describe(f"ODK cannot load the form: {pair.load_error}")
        pair.assert_same()
    finally:
        pair.close()


@pytest.mark.parametrize("form", _form_names(), indirect=True)
def test_scripted_fill_matches_odk(oracle, form):
    scripted_fill(oracle, form, seed=Path(form.source or form.id).name)


def test_a_calculation_that_is_not_an_expression_is_refused_by_both(oracle, corpus_dir):
    form = load_form(corpus_dir / "xlsforms" / "pyxform" / "bad_calc.xlsx")
    with pytest.raises(FormError, match="badcalc"):
        form.new_session()
    answer = oracle.ask({"xform": form.xform})
    assert answer["error"] and "syntax" in answer["error"].lower()
